import {marksOf, type Paragraph, sentenceEnds, type Span} from './new-source.js';
import {languageOf} from './new-language.js';
import {type Found, otherSpeakersIn, subjectBefore} from './new-speakers.js';

/**
The quote bank of `briefing new`: every passage in quotation marks in the source, with its paragraph
and the speaker its sentence names, so that a briefer picks a quote instead of copying it by eye.
The speaker is read from the words around the quote (`he told the employees`, `said Mr. Mayorkas`,
`that official said`); a `he` or `she` is given with the last person named before it, for the briefer
to confirm; a quote whose sentence names nobody takes the speaker of the quote beside it.
*/
export type Passage = {
	/** The paragraph, 1-based. */
	readonly n: number;
	readonly text: string;
	/** Who says it, as the bank writes it: `Mayorkas`, `he (Mayorkas, named before)`, `that official`; empty when nobody is named. */
	readonly speaker: string;
	/** The quotation marks to give it, the source's own (new-source.ts `marksOf`). */
	readonly marks: readonly [string, string];
};

/** The verbs that give a quote to somebody. */
const verbs = String.raw`(?:said|says|say|told|tells|recalled|added|adds|asked|asks|wrote|writes|explained|argued|insisted|noted|warned|declared|stated|complained|demanded|promised|vowed|continued|replied|answered|testified|acknowledged|declined|responded|pleaded|called|calls|calling|citing)`;
/** A person's name: capitalised words, after a title if any (`Mr. Mayorkas`, `Ahilan Arulananthem`). */
const name = String.raw`(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?\p{Lu}[\p{L}'\u2019-]+(?:\s+\p{Lu}[\p{L}'\u2019-]+){0,3}`;
const pronoun = String.raw`\b(?:he|she|they|He|She|They)\b`;
/** Somebody described, not named: `that official`, `One employee`, `the department`. */
const described = String.raw`\b(?:[Tt]he|[Tt]hat|[Tt]his|[Oo]ne|[Aa]nother|[Aa]n?)\s+(?:[\p{L}-]+\s+){0,4}?[\p{Ll}-]+`;
/** The subject, an aside between commas, then the verb: `Mr. Feere said`, `Ahilan Arulananthem, one of the professors, told`. */
const before = new RegExp(String.raw`(${name}|${pronoun}|${described})(?:,(?![^,]*\b(?:but|and|while|as|when)\b)[^,\u201C\u201D"]{1,60},)?\s+(?:\p{Ll}+ly\s+|also\s+|then\s+|though,\s+)?${verbs}\b`, 'gu');
/** Up to three lower-case words of a role before a name (`council member`), none of them a word that starts a phrase (`on Tuesday`). */
const role = String.raw`(?:(?!(?:on|in|at|to|of|for|from|by|with|about|after|before|during|since|until|that|this|last|next|the|a|an|and|but|as|when|while|if|so|then)\s)[\p{Ll}-]+\s+){0,3}`;
/** After a quote, the verb first: `…,” said Mr. Mayorkas`, `…,” said council member Ann Lee`. */
const after = new RegExp(String.raw`[\u201D"],?\s+${verbs}\s+${role}(${name})`, 'gu');
/** A person named with a title, or named as the one who speaks: what a later `he` may stand for. */
const titled = new RegExp(String.raw`\b(?:Mr|Mrs|Ms|Dr)\.\s+(\p{Lu}[\p{L}-]+)`, 'gu');


/** `Mr. Mayorkas` → `Mayorkas`; a possessive's `’s` off. */
function shortName(text: string): string {
	return text
		.replace(/^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+/, '')
		.replace(/['’]s?$/, '')
		.trim();
}

/** The speakers named in a stretch of reporter's words (quotes blanked), each at its offset. */
function speakersIn(text: string, offset: number, others: boolean): Found[] {
	const found: Found[] = [];
	for (const match of text.matchAll(before)) {
		// `another point he said`: the pronoun speaks.
		const who = /\b(?:he|she|they)$/i.exec(match[1]!)?.[0] ?? match[1]!;
		const kind = new RegExp(`^${pronoun}$`, 'u').test(who) ? 'pronoun' : new RegExp(`^${described}$`, 'u').test(who) ? 'described' : 'named';
		found.push({who: kind === 'named' ? shortName(who) : who, at: offset + match.index + match[0].length, kind});
	}

	for (const match of text.matchAll(after)) {
		found.push({who: shortName(match[1]!), at: offset + match.index, kind: 'named'});
	}

	// Other languages' forms (new-speakers.ts), unless the text reads as English.
	return others ? [...found, ...otherSpeakersIn(text, offset)] : found;
}

/** The sentence (start and end offsets) that holds a span. */
function sentenceOf(paragraph: Paragraph, span: Span): {start: number; end: number} {
	const ends = sentenceEnds(paragraph);
	const end = ends.find(at => at > span.start) ?? paragraph.text.length;
	const start = Math.max(0, ...ends.filter(at => at <= span.start));
	return {start, end};
}

/** The speaker found nearest to the span in its own sentence. */
function nearest(paragraph: Paragraph, span: Span, others: boolean): Found | undefined {
	const {start, end} = sentenceOf(paragraph, span);
	const found = speakersIn(paragraph.masked.slice(start, end), start, others);
	const distance = (each: Found) => (each.at <= span.start ? span.start - each.at : Math.max(0, each.at - span.end));
	return found.sort((a, b) => distance(a) - distance(b))[0];
}

/** The last person named (with a title, or as a speaker) before `at` in paragraph `index` or earlier. */
function lastNamed(paragraphs: readonly Paragraph[], index: number, at: number, others: boolean): string | undefined {
	for (let each = index; each >= 0; each--) {
		const paragraph = paragraphs[each]!;
		if (paragraph.role !== 'body') {
			continue;
		}

		const text = each === index ? paragraph.masked.slice(0, at) : paragraph.masked;
		const names = [...text.matchAll(titled)].map(match => ({who: match[1]!, at: match.index}));
		const speakers = speakersIn(text, 0, others).filter(found => found.kind === 'named');
		const last = [...names, ...speakers].sort((a, b) => b.at - a.at)[0];
		if (last) {
			return shortName(last.who);
		}
	}

	return undefined;
}

type Draft = {n: number; text: string; found?: Found; index: number; span: Span; run: number};

/** Every passage of the source in order, each with the run of paragraphs it belongs to (a quote of several paragraphs is one run). */
function drafts(paragraphs: readonly Paragraph[], others: boolean): Draft[] {
	const list: Draft[] = [];
	let run = 0;
	for (const [index, paragraph] of paragraphs.entries()) {
		if (paragraph.role === 'furniture') {
			continue;
		}

		for (const [spanIndex, span] of paragraph.spans.entries()) {
			const continues = spanIndex === 0 && paragraph.continuesQuote;
			run += continues && list.length > 0 ? 0 : 1;
			const text = paragraph.text.slice(span.start, span.end).trim();
			if (text) {
				list.push({n: paragraph.n, text, index, span, run, ...(optional(nearest(paragraph, span, others)))});
			}
		}
	}

	return list;
}

/** The bank gives a quote in “…” (a quote in "…" too), else in the source's own marks. */
function bankMarks(span: Span, text: string): readonly [string, string] {
	return span.open === '"' ? ['“', '”'] : marksOf(span, text);
}

function optional(found: Found | undefined): {found?: Found} {
	return found ? {found} : {};
}

/** Every passage in quotation marks, in order, with its paragraph and speaker. */
export function quoteBank(paragraphs: readonly Paragraph[]): Passage[] {
	// A text that reads as English is read in English forms only (new-language.ts).
	const others = languageOf(paragraphs.filter(paragraph => paragraph.role === 'body').map(paragraph => paragraph.text).join('\n')) !== 'en';
	const list = drafts(paragraphs, others);
	const bank: Passage[] = [];
	/** Who each passage is given to, a `he` resolved: what a quote going on in the same voice takes. */
	const voices: string[] = [];
	for (const [position, draft] of list.entries()) {
		// The sentence names nobody: the speaker of the same quote in another paragraph, else of a quote in the same paragraph.
		const found = draft.found ?? list.find(other => other.run === draft.run && other.found)?.found ?? list.find(other => other.index === draft.index && other.found)?.found;
		if (found) {
			const speaker = speakerText(paragraphs, draft, found, others);
			bank.push({n: draft.n, text: draft.text, speaker: speaker.text, marks: bankMarks(draft.span, paragraphs[draft.index]!.text)});
			voices.push(speaker.voice);
			continue;
		}

		// A quote that goes on from the paragraph before, or a paragraph that opens with a quote right after a quoted one: the same voice, as newspapers print it.
		const previous = list[position - 1];
		const opensParagraph = paragraphs[draft.index]!.text.slice(0, draft.span.start).trim().length <= 1;
		const isSameVoice = previous !== undefined && (previous.run === draft.run || (previous.index === draft.index - 1 && opensParagraph));
		const voice = isSameVoice ? (voices.at(-1) ?? '') : '';
		bank.push({n: draft.n, text: draft.text, speaker: voice ? `${voice} (as the quote before)` : '', marks: bankMarks(draft.span, paragraphs[draft.index]!.text)});
		voices.push(voice);
	}

	return bank;
}

function speakerText(paragraphs: readonly Paragraph[], draft: Draft, found: Found, others: boolean): {text: string; voice: string} {
	if (found.kind !== 'pronoun') {
		return {text: found.who, voice: found.who};
	}

	const before = Math.min(found.at, draft.span.start);
	const masked = paragraphs[draft.index]!.masked.slice(0, before);
	const named = found.isLocal ? subjectBefore(masked, speakersIn(masked, 0, true)) : lastNamed(paragraphs, draft.index, before, others);
	const word = found.who.toLowerCase();
	return named ? {text: `${word} (${named}, named before)`, voice: named} : {text: word, voice: ''};
}
