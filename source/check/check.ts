import {type Block, blockTexts} from '../deck/blocks.js';
import type {Deck, Slide} from '../deck/deck.js';
import {isFurniture, quotedSpans, splitParagraphs} from './paragraphs.js';
import {withoutCode} from '../text/code-spans.js';

/**
The deck against the article it briefs on, as a fact-checker reads it. Pure: the article comes in as
text, the problems go out as data. The rules:

- Quotes are verbatim. A Quote's text, and every passage in quotation marks (“…”, "…" or ‘…’) in a
  title, the body or the notes, stands word for word in the paragraphs the slide cites. Curly and
  straight quotes and apostrophes count as the same, so does any run of white space; an ellipsis
  (… or ...) stands for words left out; the first letter's case and the punctuation at either end
  are free.
- Quotes are somebody's words. The same passage stands inside quotation marks in a cited paragraph of
  the article (a quote left open at a paragraph's end runs on into the next, as newspapers print it),
  unless the sentence around it gives it to the article itself ("the article calls them “…”", "in
  the article’s words"). A Quote's text never has that way out: it has a speaker.
- Numbers come from the article. Every number (digits, a percentage, a spelled number from three up)
  in a title, the body or the notes appears in a cited paragraph, as digits or as a word. “One” and
  “two” are left out: they are too often plain words (one employee, two sides).
- Citations are real. Every cited paragraph exists and is not page furniture (see `isFurniture`).
- Code is not held to the article: a code block, and inline code (in backticks) in any text, has
  neither quotes nor numbers for these rules.
- A slide cites at least one paragraph. Citing none (`paragraphs: []`) declares that the slide
  draws on nothing in the article: allowed only when it holds no quote and no number.
*/
export type ProblemField = 'title' | 'notes' | 'body' | 'paragraphs';

export type ProblemKind =
	| 'not-verbatim'
	| 'not-quoted-in-source'
	| 'number-not-cited'
	| 'no-such-paragraph'
	| 'furniture-cited'
	| 'no-citation'
	/** A bidirectional control or zero-width character in a Markdown deck (markdown/hidden.ts). */
	| 'hidden-character';

export type Problem = {
	readonly slideId: string;
	/** 1-based, as the show and --slide count. */
	readonly slide: number;
	readonly field: ProblemField;
	readonly kind: ProblemKind;
	/** The offending quote, number or paragraph number. */
	readonly text: string;
	readonly message: string;
};

/** Curly and straight quotes and apostrophes made one, white space made single spaces. */
export function normalise(text: string): string {
	return text
		.replaceAll(/[“”„‟"]/g, '"')
		.replaceAll(/[‘’‚‛']/g, '\'')
		.replaceAll(/\s+/g, ' ')
		.trim();
}

/** A quote as pieces to find in order: normalised, loose at the ends, split where an ellipsis left words out. */
function quoteParts(quote: string): string[] {
	return normalise(quote)
		.split(/\s*(?:…|\.\.\.)\s*/)
		.map(part => part.replace(/^[\s,.;:—-]+/, '').replace(/[\s,.;:—-]+$/, ''))
		.filter(Boolean);
}

function swapFirstCase(text: string): string {
	const first = text.charAt(0);
	const swapped = first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase();
	return swapped + text.slice(1);
}

/** True when `parts` stand in `haystack` in this order (the first part's first letter in either case). */
function holdsInOrder(haystack: string, parts: readonly string[]): boolean {
	let from = 0;
	for (const [index, part] of parts.entries()) {
		const candidates = index === 0 ? [part, swapFirstCase(part)] : [part];
		const found = candidates.map(candidate => haystack.indexOf(candidate, from)).filter(at => at >= 0);
		if (found.length === 0) {
			return false;
		}

		from = Math.min(...found) + part.length;
	}

	return true;
}

export type QuotedPassage = {
	readonly text: string;
	/** The sentence the passage stands in, with every quoted passage in it blanked out. */
	readonly sentence: string;
};

const quotePattern = /“([^“”]*)”|"([^"]*)"|‘([^‘]*?)’(?!\p{L})/gu;

/** The passages of `text` inside quotation marks, each with the words of its sentence outside the quotes. */
export function quotedPassages(text: string): QuotedPassage[] {
	const matches = [...text.matchAll(quotePattern)];
	let masked = text.replaceAll(/\b(?:U\.S|Mr|Mrs|Ms|Dr)\./g, match => match.replaceAll('.', '·'));
	for (const match of matches) {
		const start = match.index + 1;
		const length = match[0].length - 2;
		masked = masked.slice(0, start) + '_'.repeat(length) + masked.slice(start + length);
	}

	const ends = [...masked.matchAll(/[.!?][”’"]?\s+(?=[“"‘A-Z\d])/g)].map(match => match.index + match[0].length);
	return matches.map(match => {
		const start = Math.max(0, ...ends.filter(end => end <= match.index));
		const end = Math.min(masked.length, ...ends.filter(at => at > match.index));
		return {text: match[1] ?? match[2] ?? match[3] ?? '', sentence: masked.slice(start, end)};
	});
}

/** A sentence that gives the quoted words to the article itself, not to a speaker. */
const givenToArticle =
	/\b(?:the (?:article|story|Times|Washington Times|newspaper))(?:’s|'s)? (?:own )?(?:words|phrase|calls?|called|says?|said|puts? it|writes?|wrote|describes?|described|reports?|reported|terms?|termed)\b/i;

const spelled: Readonly<Record<string, number>> = {
	three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
	twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
	hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000,
};

export type NumberMention = {
	/** As written: `5,000`, `62%`, `two`. */
	readonly text: string;
	/** What it compares as: `5000`, `62%`, `2`. */
	readonly value: string;
};

/** The numbers in a text: runs of digits (5,000 · 62% · 1326 · the 19 of COVID-19) and spelled numbers from three up. */
export function numbersIn(text: string): NumberMention[] {
	const words = Object.keys(spelled).join('|');
	const pattern = new RegExp(String.raw`\d+(?:[.,]\d+)*(?:%| percent\b)?|\b(?:${words})\b`, 'gi');
	return [...text.matchAll(pattern)].map(([found]) => {
		const word = spelled[found.toLowerCase()];
		const value = word === undefined ? found.replaceAll(',', '').replace(/ percent$/i, '%') : String(word);
		return {text: found, value};
	});
}

type Article = {
	readonly paragraphs: readonly string[];
	readonly spans: ReadonlyArray<readonly string[]>;
};

type Text = {readonly field: Exclude<ProblemField, 'paragraphs'>; readonly text: string};
type Quote = Text & {readonly isPrimitive: boolean; readonly sentence: string};

function quoteBlocks(blocks: readonly Block[]): Array<Extract<Block, {kind: 'quote'}>> {
	return blocks.filter((block): block is Extract<Block, {kind: 'quote'}> => block.kind === 'quote');
}

/** A block's texts the rules read: a Quote's own words are left to `slideQuotes`, code to nobody (a column layout's blocks each as itself). */
function checkedTexts(block: Block): string[] {
	switch (block.kind) {
		case 'quote': {
			return [block.speaker, ...(block.role ? [block.role] : [])];
		}

		case 'code': {
			return [];
		}

		case 'columns': {
			return block.columns.flat().flatMap(each => checkedTexts(each));
		}

		default: {
			return blockTexts(block).map(text => (text.includes('`') ? withoutCode(text) : text));
		}
	}
}

/** Every text of a slide by where it stands, inline code left out. */
function slideTexts(slide: Slide): Text[] {
	const body = slide.blocks.flatMap(block => checkedTexts(block));
	return [{field: 'title', text: withoutCode(slide.title)}, ...body.map(text => ({field: 'body', text}) as const), {field: 'notes', text: withoutCode(slide.notes)}];
}

/** The slide's blocks, a column layout's in its place. */
function flatBlocks(blocks: readonly Block[]): Block[] {
	return blocks.flatMap(block => (block.kind === 'columns' ? flatBlocks(block.columns.flat()) : [block]));
}

function slideQuotes(slide: Slide): Quote[] {
	const primitives = quoteBlocks(flatBlocks(slide.blocks)).map(block => ({field: 'body', text: block.text, isPrimitive: true, sentence: ''}) as const);
	const passages = slideTexts(slide).flatMap(({field, text}) =>
		quotedPassages(text).map(passage => ({field, text: passage.text, isPrimitive: false, sentence: passage.sentence})),
	);
	return [...primitives, ...passages];
}

function cite(paragraphs: readonly number[]): string {
	return paragraphs.length > 0 ? `¶ ${paragraphs.join(', ')}` : 'no paragraph';
}

type Finding = Omit<Problem, 'slideId' | 'slide'>;

function citationProblems(slide: Slide, article: Article): Finding[] {
	return slide.paragraphs.flatMap((n): Finding[] => {
		const text = String(n);
		if (!Number.isInteger(n) || n < 1 || n > article.paragraphs.length) {
			const message = `¶ ${text} does not exist: the article has ${article.paragraphs.length} paragraphs`;
			return [{field: 'paragraphs', kind: 'no-such-paragraph', text, message}];
		}

		if (isFurniture(article.paragraphs[n - 1] ?? '')) {
			return [{field: 'paragraphs', kind: 'furniture-cited', text, message: `¶ ${text} is page furniture, not the story`}];
		}

		return [];
	});
}

function quoteProblem(quote: Quote, cited: readonly number[], article: Article): Finding | undefined {
	const parts = quoteParts(quote.text);
	if (parts.length === 0) {
		return undefined;
	}

	const texts = cited.map(n => normalise(article.paragraphs[n - 1] ?? ''));
	const shown = `“${quote.text}”`;
	if (!texts.some(text => holdsInOrder(text, parts)) && !holdsInOrder(texts.join(' '), parts)) {
		return {field: quote.field, kind: 'not-verbatim', text: quote.text, message: `${shown} is not word for word in ${cite(cited)}`};
	}

	const spans = cited.flatMap(n => article.spans[n - 1] ?? []).map(span => normalise(span));
	const isQuoted = parts.every(part => spans.some(span => holdsInOrder(span, [part])));
	if (isQuoted || (!quote.isPrimitive && givenToArticle.test(quote.sentence))) {
		return undefined;
	}

	const message = `${shown} is not inside quotation marks in ${cite(cited)}: quote somebody's words, or say the words are the article's`;
	return {field: quote.field, kind: 'not-quoted-in-source', text: quote.text, message};
}

function checkSlide(slide: Slide, article: Article): Problem[] {
	const problems = citationProblems(slide, article);
	const cited = slide.paragraphs.filter(n => Number.isInteger(n) && n >= 1 && n <= article.paragraphs.length);
	const quotes = slideQuotes(slide);
	const numbers = slideTexts(slide).flatMap(({field, text}) => numbersIn(text).map(number => ({field, number})));
	if (slide.paragraphs.length === 0) {
		if (quotes.length > 0 || numbers.length > 0) {
			const what = [quotes.length > 0 ? 'quotes' : '', numbers.length > 0 ? 'numbers' : ''].filter(Boolean).join(' and ');
			problems.push({field: 'paragraphs', kind: 'no-citation', text: '', message: `cites no paragraph but has ${what}`});
		}
	} else {
		for (const quote of quotes) {
			const problem = quoteProblem(quote, cited, article);
			if (problem) {
				problems.push(problem);
			}
		}

		const citedNumbers = new Set(cited.flatMap(n => numbersIn(article.paragraphs[n - 1] ?? '').map(number => number.value)));
		for (const {field, number} of numbers) {
			if (!citedNumbers.has(number.value)) {
				problems.push({field, kind: 'number-not-cited', text: number.text, message: `${number.text} is not in ${cite(cited)}`});
			}
		}
	}

	return problems.map(problem => ({slideId: slide.id, slide: slide.index + 1, ...problem}));
}

/** Every problem of `deck` against `article` (the article's whole text), in slide order; none means it checks out. */
export function checkDeck(deck: Deck, article: string): Problem[] {
	const paragraphs = splitParagraphs(article);
	const checked: Article = {paragraphs, spans: quotedSpans(paragraphs)};
	return deck.slides.flatMap(slide => checkSlide(slide, checked));
}

/** One line: `slide 26 (reactions-feere) title: “rings hollow” is not inside quotation marks in ¶ 15, 16, 17: …`. */
export function formatProblem(problem: Problem): string {
	return `slide ${problem.slide} (${problem.slideId}) ${problem.field}: ${problem.message}`.replaceAll(/\s+/g, ' ');
}
