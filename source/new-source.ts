import {isFurniture, quotationMarks, quoteOffsets, type QuoteOffsets, splitParagraphs} from './check/paragraphs.js';
import {textWidth} from './text/wrap.js';

/**
A source text read for `briefing new` (new-deck.ts writes the deck): its paragraphs, numbered as
`briefing paragraphs` and `check` number them; what it says of itself (title, outlet, author, date,
what kind of text it is); and every passage in quotation marks, with where it stands and who the
sentence gives it to. Pure functions of the text: the command reads the file.
*/
export type SourceKind = 'article' | 'report' | 'transcript' | 'web page' | 'document';

/** A paragraph's part in the source: the story itself, a heading over a part of it, what the source says of itself, or page furniture. */
export type Role = 'body' | 'heading' | 'meta' | 'furniture';

export type Paragraph = {
	/** 1-based, as `briefing paragraphs` numbers it. */
	readonly n: number;
	readonly text: string;
	readonly role: Role;
	/** The quoted stretches as offsets into `text`: content from `start` to `end` (the closing mark, or the end of a paragraph left open). */
	readonly spans: readonly Span[];
	/** The paragraph opens inside a quote left open at the end of the one before. */
	readonly continuesQuote: boolean;
	/** The text with every quoted stretch blanked out (the marks stay): what the reporter says around the quotes. */
	readonly masked: string;
};

/** A quoted stretch (check/paragraphs.ts): its words' offsets, and the mark it opened with (`“`, `«`, `「`…). */
export type Span = QuoteOffsets;

export type SourceFacts = {
	readonly title?: string;
	readonly outlet?: string;
	readonly publisher?: string;
	readonly author?: string;
	readonly date?: string;
	/** The paragraph that gives the date (a dateline, a byline, a header block), to cite where a slide dates words by it. */
	readonly dateParagraph?: number;
	readonly kind: SourceKind;
};

const months = 'January|February|March|April|May|June|July|August|September|October|November|December';
const shortMonths = 'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';
/** The months of French, German, Spanish, Italian, Portuguese and Russian, as a date after its day prints them (`6 avril`, `6 апреля`). */
const otherMonths = [
	'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
	'januar jänner februar märz april mai juni juli august september oktober november dezember',
	'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre',
	'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
	'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro',
	'января февраля марта апреля мая июня июля августа сентября октября ноября декабря',
]
	.flatMap(line => line.split(' '))
	.flatMap(month => [month, month.charAt(0).toUpperCase() + month.slice(1)])
	.join('|');
/**
A date as a source prints it: April 6, 2021 · Apr. 6, 2021 · 6 April 2021 · 2021-04-06 · 6 avril 2021 ·
1er mai 2021 · 6. April 2021 · 6 de abril de 2021 · 6 апреля 2021 г. · 2021年4月6日 · 2021년 4월 6일.
*/
const dateText = [
	String.raw`(?:${months}|(?:${shortMonths})\.?)\s+\d{1,2},\s+\d{4}`,
	String.raw`\d{1,2}\s+(?:${months})\s+\d{4}`,
	String.raw`\d{4}-\d{2}-\d{2}`,
	`\\d{1,2}(?:\\.|er|º|°)?\\s+(?:de\\s+)?(?:${otherMonths})\\s+(?:de\\s+)?\\d{4}(?:\\s*г\\.|\\s+года)?`,
	`[0-9０-９]{4}\\s*年\\s*[0-9０-９]{1,2}\\s*月\\s*[0-9０-９]{1,2}\\s*日`,
	`\\d{4}년\\s*\\d{1,2}월\\s*\\d{1,2}일`,
].join('|');
const datePattern = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${dateText})(?![\p{L}\p{N}])`, 'u');
/** A dateline: `- The Washington Times - Tuesday, April 6, 2021`. */
const datelinePattern = new RegExp(String.raw`^[-\u2013\u2014\u2022*|\s]*(.+?)\s+[-\u2013\u2014|]\s+(?:[A-Z][a-z]+day,\s*)?(${dateText})\s*$`, 'u');
/** A line of a header block: `Author: …`, `Date: …`. */
const headerLine = /^(title|subject|author|authors|by|date|published|publisher|issued by|prepared by|organi[sz]ation|outlet|source)\s*:\s*(.+)$/i;

/** The text's paragraphs with their roles and quoted stretches, and what the text says of itself. */
export function readSource(text: string): {readonly paragraphs: readonly Paragraph[]; readonly facts: SourceFacts} {
	const blocks = splitParagraphs(text);
	const spans = quoteOffsets(blocks);
	const {facts, meta} = readFacts(blocks);
	const roles = blocks.map((block, index): Role => (isFurniture(block) ? 'furniture' : meta.has(index) ? 'meta' : 'body'));
	for (const index of headings(blocks, roles)) {
		roles[index] = 'heading';
	}

	const paragraphs = blocks.map((block, index) => ({
		n: index + 1,
		text: block,
		role: roles[index]!,
		spans: spans[index]!.spans,
		continuesQuote: spans[index]!.continues,
		masked: masked(block, spans[index]!.spans),
	}));
	return {paragraphs, facts: {...facts, kind: kindOf(facts, paragraphs)}};
}

function masked(text: string, spans: readonly Span[]): string {
	let result = text;
	for (const span of spans) {
		result = result.slice(0, span.start) + ' '.repeat(span.end - span.start) + result.slice(span.end);
	}

	return result;
}

/**
The marks a quote's words stand between on a slide: the source's own (`"…"`, `«…»`, `「…」`), spaced
inside as the source spaces them (`« … »`), curly ones for a quote going on from the paragraph before.
*/
export function marksOf(span: Span, text: string): readonly [string, string] {
	if (span.open === '"') {
		return span.start === 0 ? ['“', '”'] : ['"', '"'];
	}

	const close = quotationMarks[span.open]!.charAt(0);
	return /\s/.test(text.charAt(span.start)) ? [`${span.open} `, ` ${close}`] : [span.open, close];
}

/** Whether offset `at` is within a quoted stretch (its words, not its closing mark). */
export function isQuotedAt(spans: readonly Span[], at: number): boolean {
	return spans.some(span => span.start <= at && at < span.end);
}

/** Text in Chinese or Japanese characters: written without spaces between words, each character two columns wide. */
export function isUnspaced(text: string): boolean {
	return /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(text);
}

/** One line, short enough to be a title, a dateline or a heading: `characters` long, or as many columns in Chinese or Japanese. */
function isShortLine(text: string, characters = 120): boolean {
	return !text.includes('\n') && (isUnspaced(text) ? textWidth(text) : text.length) <= characters;
}

/** The marks that end a sentence or a clause, or close a quote: a line ending in one is no title or heading. */
const endsClause = /[.,;:!"“”。，、；：！？」』»]$/;

type FactsFound = {title?: string; outlet?: string; publisher?: string; author?: string; date?: string; dateParagraph?: number};

/** What the first paragraphs (and the contact line at the end) say of the text, and which paragraphs only say that. */
function readFacts(blocks: readonly string[]): {facts: FactsFound; meta: Set<number>} {
	const facts: FactsFound = {};
	const meta = new Set<number>();
	const top = blocks.slice(0, 6).map((block, index) => ({block, index})).filter(({block}) => !isFurniture(block));
	for (const {block, index} of top.slice(0, 4)) {
		if (readFactLine(block, facts)) {
			meta.add(index);
			facts.dateParagraph ??= facts.date === undefined ? undefined : index + 1;
		}
	}

	// The title: the first short line the source opens with that is no dateline, byline or header.
	const first = top.find(({index}) => !meta.has(index));
	const heading = first && /^#\s+(.+)$/.exec(first.block)?.[1];
	if (facts.title === undefined && first && (heading ?? isTitleLine(first.block))) {
		facts.title = (heading ?? first.block).trim();
		meta.add(first.index);
		// A name alone on the line under the title: who issued it (an organisation) or wrote it (a person).
		const next = top.find(({index}) => index > first.index && !meta.has(index));
		const issuer = next && isNameLine(next.block) ? next.block.trim() : undefined;
		if (next && issuer) {
			if (organisation.test(issuer)) {
				facts.publisher ??= issuer;
			} else {
				facts.author ??= issuer;
			}

			meta.add(next.index);
		}
	}

	// A newspaper's contact line names the reporter: `• Stephen Dinan can be reached at …`.
	for (const block of blocks) {
		const reached = /^[•*\-\s]*((?:[A-Z][\p{L}.'’-]*\s+){1,3}[A-Z][\p{L}'’-]+)\s+can be reached at\b/u.exec(block);
		facts.author ??= reached?.[1];
	}

	return {facts, meta};
}

/** Reads a dateline, a byline or a header block into `facts`; true when the paragraph says nothing else. */
function readFactLine(block: string, facts: FactsFound): boolean {
	const dateline = isShortLine(block) ? datelinePattern.exec(block) : null;
	if (dateline) {
		facts.outlet ??= dateline[1]!.trim();
		facts.date ??= dateline[2]!.replace(/^\w+day,\s*/, '');
		return true;
	}

	const byline = isShortLine(block, 100) ? (/^By\s+([A-Z][^,|–—]*?)(?:\s*(?:[,|–—]|\s-\s)\s*(.*))?$/.exec(block) ?? otherByline(block)) : null;
	if (byline) {
		facts.author ??= byline[1]!.trim();
		const rest = byline[2]?.trim() ?? '';
		facts.date ??= datePattern.exec(rest)?.[0];
		return true;
	}

	const lines = block.split('\n').map(line => headerLine.exec(line.trim()));
	if (lines.every(Boolean)) {
		for (const line of lines) {
			readHeaderField(line![1]!.toLowerCase(), line![2]!.trim(), facts);
		}

		return true;
	}

	const date = isShortLine(block, 60) ? (datePattern.exec(block) ?? new RegExp(String.raw`^(?:${months})\s+\d{4}$`).exec(block)) : null;
	if (date && date[0].length >= block.replace(/^[\s\-–—•|]+|[\s\-–—•|.]+$/g, '').length - 12) {
		facts.date ??= date[0];
		return true;
	}

	return false;
}

/** A byline in French, German or Spanish (`Par Claire Martin`, `Von Anna Schneider`, `Por María González`): the word, then a name and nothing else. */
function otherByline(block: string): RegExpExecArray | null {
	const byline = /^(?:Par|Von|Por)\s+([^,|–—]+?)(?:\s*(?:[,|–—]|\s-\s)\s*(.*))?$/u.exec(block);
	return byline && isNameLine(byline[1]!) ? byline : null;
}

function readHeaderField(name: string, value: string, facts: FactsFound): void {
	if (name === 'title' || name === 'subject') {
		facts.title ??= value;
	} else if (name === 'author' || name === 'authors' || name === 'by') {
		facts.author ??= value;
	} else if (name === 'date' || name === 'published') {
		facts.date ??= value;
	} else if (name === 'outlet') {
		facts.outlet ??= value;
	} else if (name !== 'source') {
		facts.publisher ??= value;
	}
}

/** Words that make a name an organisation's. */
const organisation = /\b(?:Board|Library|Libraries|Institute|Department|Office|Council|Committee|Agency|Inc|University|College|Association|Foundation|Cent(?:er|re)|Ministry|Commission|Services?|Company|Corporation|Ltd|LLC|Authority|Bureau|Group|Trust|Society|Administration|County|City|State|Government|Network|Project)\b/;

/** A line that is only a name: two to eight capitalised words (and `of`, `and`, `the`, `for`). */
function isNameLine(block: string): boolean {
	const words = block.trim().split(/\s+/);
	return isShortLine(block, 80) && words.length >= 2 && words.length <= 8 && words.every(word => /^(?:\p{Lu}[\p{L}.'’&-]*|of|and|the|for|&)$/u.test(word));
}

/** A line that reads as a title: short, no sentence's end, not a quote. */
export function isTitleLine(block: string): boolean {
	return isShortLine(block, 150) && block.split(/\s+/).length <= 20 && /^[\p{Lu}\p{N}\p{Lo}]/u.test(block) && !endsClause.test(block);
}

/**
The paragraphs that head a part of the text: a Markdown `#` line, or a short line with no sentence's
end followed by a paragraph of the text. Only when there are two or more (one such line is more
likely a stray line than the text's structure).
*/
function headings(blocks: readonly string[], roles: readonly Role[]): number[] {
	const found: number[] = [];
	// The paragraph after each, page furniture skipped: found from the end, once.
	let next: number | undefined;
	for (let index = blocks.length - 1; index >= 0; index--) {
		const block = blocks[index]!;
		if (roles[index] === 'body') {
			const isMarked = /^#{1,6}\s+\S/.test(block) && isShortLine(block);
			const isFollowed = next !== undefined && roles[next] === 'body' && !isHeadingLine(blocks[next]!);
			if (isMarked || (isHeadingLine(block) && isFollowed)) {
				found.unshift(index);
			}
		}

		next = roles[index] === 'furniture' ? next : index;
	}

	return found.length >= 2 ? found : [];
}

function isHeadingLine(block: string): boolean {
	return isShortLine(block, 80) && block.split(/\s+/).length <= 12 && /^[\p{Lu}\p{N}\p{Lo}]/u.test(block) && /\p{L}/u.test(block) && !/[’)]$/.test(block) && !endsClause.test(block) && !/[“”"«»„「」]/.test(block);
}

/** A heading's words: the Markdown marks and the part's number (`2.1`, `IV.`) left off. */
export function headingWords(text: string): string {
	return text
		.replace(/^#{1,6}\s+/, '')
		.replace(/^(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+(?=\p{L})/u, '')
		.trim();
}

/** What the source is, from what it says of itself and how its paragraphs read. */
function kindOf(facts: FactsFound, paragraphs: readonly Paragraph[]): SourceKind {
	if (facts.outlet) {
		return 'article';
	}

	const body = paragraphs.filter(paragraph => paragraph.role === 'body');
	const turns = body.filter(paragraph => /^[\p{Lu}][\p{L}.'’ -]{0,40}:\s+\S/u.test(paragraph.text)).length;
	if (turns >= 3 && turns >= body.length * 0.4) {
		return 'transcript';
	}

	const opening = [facts.title ?? '', ...body.slice(0, 2).map(paragraph => paragraph.text)].join('\n');
	if (/\b(?:report|survey|study|review|audit|assessment|evaluation|findings)\b/i.test(opening)) {
		return 'report';
	}

	return paragraphs.some(paragraph => paragraph.role === 'furniture') ? 'web page' : 'document';
}

/** Words before a full stop that end no sentence: `Mr.`, `U.S.`, an initial. */
const abbreviation = /(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|No|vs|Gen|Sen|Rep|Gov|Inc|Co|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|e\.g|i\.e|etc)|\b\p{Lu}|\b(?:\p{Lu}\.)+\p{Lu})$/u;

/**
A sentence's end: a full stop, question or exclamation mark and the closing marks after it, then a
space and what starts a sentence (a capital, a digit, an opening mark, Spanish `¿` `¡`); or a Chinese
or Japanese full stop, question or exclamation mark (`。！？`) and its closing marks, with more text after.
*/
const sentenceEnd = /[.!?…]+[”"’)»“」』‘›]*(?=\s+[\p{Lu}\p{N}“"‘(«„‚»「『¿¡])|[。！？]+[”’」』）)»]*(?=\s*\S)/gu;

/**
Where the paragraph's sentences end (the offset after each one's last mark): a full stop, question or
exclamation mark (and the closing quotation marks after it) followed by a space and a capital, a
digit or a quotation mark, or a CJK full stop (`sentenceEnd`); never inside a quote (a quote of several sentences is one sentence with
the words around it), never after `Mr.` or an initial. The last offset is the paragraph's end.
*/
export function sentenceEnds(paragraph: Paragraph): number[] {
	const ends: number[] = [];
	for (const match of paragraph.text.matchAll(sentenceEnd)) {
		const end = match.index + match[0].length;
		if (isQuotedAt(paragraph.spans, end - 1) || (match[0].startsWith('.') && abbreviation.test(paragraph.text.slice(Math.max(0, match.index - 12), match.index)))) {
			continue;
		}

		ends.push(end);
	}

	return [...ends, paragraph.text.length];
}
