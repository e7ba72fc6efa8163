import {type Block, blockTexts} from '../deck/blocks.js';
import type {Deck, Slide, SourceInfo} from '../deck/deck.js';
import {sourceKind, sourceNoun} from '../deck/source-words.js';
import {isFurniture, quotedSpans, splitParagraphs} from './paragraphs.js';
import {withoutCode} from '../text/code-spans.js';

/**
The deck against the source it briefs on, as a fact-checker reads it. Pure: the source comes in as
text, the problems go out as data. "The article" below is the source whatever its kind; the rule on
quotation marks is an article's, and other kinds have their own. The rules:

- Quotes are verbatim. A Quote's text, and every passage in quotation marks (“…”, "…" or ‘…’) in a
  title, the body or the notes, stands word for word in the paragraphs the slide cites. Curly and
  straight quotes and apostrophes count as the same, so does any run of white space; an ellipsis
  (… or ...) stands for words left out; the first letter's case and the punctuation at either end
  are free.
- Quotes are somebody's words. The same passage stands inside quotation marks in a cited paragraph of
  the article (a quote left open at a paragraph's end runs on into the next, as newspapers print it),
  unless the sentence around it gives it to the article itself ("the article calls them “…”", "in
  the article’s words"). A Quote's text never has that way out: it has a speaker.
  For any other kind of source (a report, a transcript, a web page, a document) a quote is the
  source's own words: verbatim is enough, and a Quote is credited to the source (its author,
  publisher or outlet, or "the report") or to a speaker the source names.
- Numbers come from the article. Every number (digits, a percentage, a spelled number from three up)
  in a title, the body or the notes appears in a cited paragraph, as digits or as a word. “One” and
  “two” are left out: they are too often plain words (one employee, two sides).
- Figures come from the article. A key figure's value and a bar's printed figure stand in a cited
  paragraph (as numbers, or word for word when they hold none), and so does a bar's value, as a
  number (`7`, or `two` for 2).
- Citations are real. Every cited paragraph exists and is not page furniture (see `isFurniture`); a
  slide whose citations all fail is not checked further (there is nothing to hold it to).
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
	/** A Quote of a non-article source credited to somebody the source does not name. */
	| 'speaker-not-named'
	/** A bar's value, or a printed figure with no digits, not in a cited paragraph. */
	| 'figure-not-cited'
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

/** A passage in quotation marks: “…”, "…", ‘…’, and the marks of other languages (`quotationMarks`): „…“, « … », 「…」, 『…』, ‚…‘. */
const quotePattern = /“([^“”]*)”|"([^"]*)"|‘([^‘]*?)’(?!\p{L})|„([^„“”]*)[“”]|«\s*([^«»]*?)\s*»|「([^「」]*)」|『([^『』]*)』|‚([^‚‘’]*)[‘’]/gu;

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
		return {text: match.slice(1).find(group => group !== undefined) ?? '', sentence: masked.slice(start, end)};
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
	/** The whole text, normalised: where a quote's speaker is looked for. */
	readonly whole: string;
	readonly source: SourceInfo;
	readonly isArticle: boolean;
	/** `article`, `report`…: the word the messages use. */
	readonly noun: string;
};

type Text = {readonly field: Exclude<ProblemField, 'paragraphs'>; readonly text: string};
type Quote = Text & {readonly isPrimitive: boolean; readonly sentence: string; readonly speaker?: string};

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
	const primitives = quoteBlocks(flatBlocks(slide.blocks)).map(block => ({field: 'body', text: block.text, isPrimitive: true, sentence: '', speaker: block.speaker}) as const);
	const passages = slideTexts(slide).flatMap(({field, text}) =>
		quotedPassages(text).map(passage => ({field, text: passage.text, isPrimitive: false, sentence: passage.sentence})),
	);
	return [...primitives, ...passages];
}

function cite(paragraphs: readonly number[], article: Article): string {
	return `¶ ${paragraphs.join(', ')} of the ${article.noun}`;
}

const fieldWords: Readonly<Record<Text['field'], string>> = {title: 'in the title', body: 'on the slide', notes: 'in the notes'};

type Finding = Omit<Problem, 'slideId' | 'slide'>;

function citationProblems(slide: Slide, article: Article): Finding[] {
	return slide.paragraphs.flatMap((n): Finding[] => {
		const text = String(n);
		if (!Number.isInteger(n) || n < 1 || n > article.paragraphs.length) {
			const message = `it cites ¶ ${text}, which the ${article.noun} does not have (its paragraphs are numbered 1 to ${article.paragraphs.length})`;
			return [{field: 'paragraphs', kind: 'no-such-paragraph', text, message}];
		}

		if (isFurniture(article.paragraphs[n - 1] ?? '')) {
			return [{field: 'paragraphs', kind: 'furniture-cited', text, message: `it cites ¶ ${text}, which is page furniture (a link, a contact or copyright line), not the ${article.noun}'s text`}];
		}

		return [];
	});
}

const words = (text: string) => new RegExp(String.raw`(?:^|[^\p{L}\p{N}])${text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`)}(?:$|[^\p{L}\p{N}])`, 'iu');

/** Whether a Quote of a non-article source is credited to it or to somebody it names (the whole name, or the surname). */
function isCredited(speaker: string, article: Article): boolean {
	const who = normalise(speaker).replace(/^the\s+/i, '');
	if (!who) {
		return true;
	}

	const {author, publisher, outlet} = article.source;
	const names = [author, publisher, outlet, article.noun, 'source'].filter(Boolean).map(name => normalise(name!).replace(/^the\s+/i, '').toLowerCase());
	if (names.some(name => name === who.toLowerCase() || name.includes(who.toLowerCase()))) {
		return true;
	}

	const surname = who.split(' ').at(-1) ?? '';
	return words(who).test(article.whole) || (surname.length >= 3 && words(surname).test(article.whole));
}

function quoteProblem(quote: Quote, cited: readonly number[], article: Article): Finding | undefined {
	const parts = quoteParts(quote.text);
	if (parts.length === 0) {
		return undefined;
	}

	const texts = cited.map(n => normalise(article.paragraphs[n - 1] ?? ''));
	const shown = `“${quote.text}”`;
	const where = quote.isPrimitive ? `the quote ${shown} is` : `the quoted words ${shown} ${fieldWords[quote.field]} are`;
	if (!texts.some(text => holdsInOrder(text, parts)) && !holdsInOrder(texts.join(' '), parts)) {
		return {field: quote.field, kind: 'not-verbatim', text: quote.text, message: `${where} not word for word in ${cite(cited, article)}`};
	}

	if (!article.isArticle) {
		const {speaker} = quote;
		return speaker === undefined || isCredited(speaker, article)
			? undefined
			: {field: quote.field, kind: 'speaker-not-named', text: speaker, message: `the quote ${shown} is credited to ${speaker}, whom the ${article.noun} does not name; credit the ${article.noun} or a speaker it names`};
	}

	const spans = cited.flatMap(n => article.spans[n - 1] ?? []).map(span => normalise(span));
	const isQuoted = parts.every(part => spans.some(span => holdsInOrder(span, [part])));
	if (isQuoted || (!quote.isPrimitive && givenToArticle.test(quote.sentence))) {
		return undefined;
	}

	const message = `${shown} ${fieldWords[quote.field]} is not inside quotation marks in ${cite(cited, article)}; quote somebody's words, or say the words are the article's`;
	return {field: quote.field, kind: 'not-quoted-in-source', text: quote.text, message};
}

/** The numbers a paragraph gives, as numbers (`nearly 5,000` → 5000, `62%` → 62, `two` → 2). */
function numericValues(paragraph: string): Set<number> {
	const values = numbersIn(paragraph).map(number => Number(number.value.replace(/%$/, '')));
	const small = [...paragraph.matchAll(/\b(one|two)\b/gi)].map(([word]) => (word.toLowerCase() === 'one' ? 1 : 2));
	return new Set([...values, ...small].filter(value => Number.isFinite(value)));
}

/** Key figures and bars: a bar's value as a number, and any printed figure with no digits word for word. */
function figureProblems(slide: Slide, cited: readonly number[], article: Article): Finding[] {
	const texts = cited.map(n => normalise(article.paragraphs[n - 1] ?? '').toLowerCase());
	const values = new Set(cited.flatMap(n => [...numericValues(article.paragraphs[n - 1] ?? '')]));
	const printed = (text: string, subject: string): Finding[] =>
		numbersIn(text).length > 0 || texts.some(paragraph => paragraph.includes(normalise(text).toLowerCase()))
			? []
			: [{field: 'body', kind: 'figure-not-cited', text, message: `${subject} is not in ${cite(cited, article)}`}];
	return flatBlocks(slide.blocks).flatMap(block => {
		if (block.kind === 'fact') {
			return printed(block.value, `the key figure “${block.value}”`);
		}

		if (block.kind !== 'bars') {
			return [];
		}

		return block.bars.flatMap(bar => [
			...(values.has(bar.value) ? [] : [{field: 'body', kind: 'figure-not-cited', text: bar.label, message: `the bar “${bar.label}” has the value ${bar.value}, which is not in ${cite(cited, article)}`} as const]),
			...printed(bar.display, `“${bar.display}”, printed beside the bar “${bar.label}”,`),
		]);
	});
}

function checkSlide(slide: Slide, article: Article): Problem[] {
	const problems = citationProblems(slide, article);
	const cited = slide.paragraphs.filter(n => Number.isInteger(n) && n >= 1 && n <= article.paragraphs.length);
	const quotes = slideQuotes(slide);
	const numbers = slideTexts(slide).flatMap(({field, text}) => numbersIn(text).map(number => ({field, number})));
	if (slide.paragraphs.length === 0) {
		if (quotes.length > 0 || numbers.length > 0) {
			const what = [quotes.length > 0 ? 'quotes' : '', numbers.length > 0 ? 'numbers' : ''].filter(Boolean).join(' and ');
			problems.push({field: 'paragraphs', kind: 'no-citation', text: '', message: `it cites no paragraph but has ${what}; cite the paragraphs they come from`});
		}
	} else if (cited.length > 0) {
		for (const quote of quotes) {
			const problem = quoteProblem(quote, cited, article);
			if (problem) {
				problems.push(problem);
			}
		}

		const citedNumbers = new Set(cited.flatMap(n => numbersIn(article.paragraphs[n - 1] ?? '').map(number => number.value)));
		for (const {field, number} of numbers) {
			if (!citedNumbers.has(number.value)) {
				problems.push({field, kind: 'number-not-cited', text: number.text, message: `the number ${number.text} ${fieldWords[field]} is not in ${cite(cited, article)}`});
			}
		}

		problems.push(...figureProblems(slide, cited, article));
	}

	return problems.map(problem => ({slideId: slide.id, slide: slide.index + 1, ...problem}));
}

/** Every problem of `deck` against its source (the source's whole text), in slide order; none means it checks out. */
export function checkDeck(deck: Deck, article: string): Problem[] {
	const paragraphs = splitParagraphs(article);
	const checked: Article = {
		paragraphs,
		spans: quotedSpans(paragraphs),
		whole: normalise(article),
		source: deck.source,
		isArticle: sourceKind(deck.source) === 'article',
		noun: sourceNoun(deck.source),
	};
	return deck.slides.flatMap(slide => checkSlide(slide, checked));
}

/** One sentence: `On slide 26 (reactions-feere), “rings hollow” in the title is not inside quotation marks in ¶ 15, 16, 17 of the article; …`. */
export function formatProblem(problem: Problem): string {
	return `On slide ${problem.slide} (${problem.slideId}), ${problem.message}.`.replaceAll(/\s+/g, ' ').replace(/([.?!])\.$/, '$1');
}
