import {stringify} from 'yaml';
import {headingText, listMarkdown} from './deck/markdown.js';
import {type Passage, quoteBank} from './new-quotes.js';
import {quoteOffsets} from './check/paragraphs.js';
import {languageOf} from './new-language.js';
import {asOf, timeWords} from './new-time-words.js';
import {headingWords, isTitleLine, isUnspaced, marksOf, type Paragraph, readSource, sentenceEnds, type SourceFacts} from './new-source.js';
import {cutCells} from './text/cells.js';
import {stripControls} from './text/sanitize.js';
import {textWidth, wrap} from './text/wrap.js';

/**
`briefing new SOURCE`: a deck to start from, written from a source text (new-source.ts reads it).
Front matter from what the source says of itself; one `#` section per heading of the source (or one
for a text without headings); one `##` slide per few paragraphs, citing them, its bullets each
paragraph's first sentence (cut, with an ellipsis, when long), so the deck presents and passes
`briefing check` as written; and, in a comment after the front matter, the quote bank
(new-quotes.ts). Pure: the command reads the file and writes the deck.
*/
export type NewDeckInput = {
	readonly text: string;
	/** The source file as the deck's `source:` line gives it: relative to the deck's folder. */
	readonly sourcePath: string;
	/** The source's file name, for a title when the source states none. */
	readonly fileName: string;
};

/** At most this many paragraphs to a slide (a quote running over more keeps them together, up to `maxRun`). */
const perSlide = 4;
const maxRun = 6;
/** A slide's bullets, together, about what fits 80x24 with its title and citation. */
const slideCharacters = 560;
/** A bullet is a paragraph's first sentence, cut after this many words when it runs over `bulletWords + 6`. */
const bulletWords = 20;
const titleWords = 7;
/** In Chinese or Japanese, cut by width (two columns a character): about as wide as the words in English. */
const bulletCells = 100;
const titleMeasure: Measure = {words: titleWords, slack: 2, cells: 36};
/** The quote bank lists a passage's first 150 words, and stops at about 28 KiB, within a slide's 32 KiB. */
const passageWords = 150;
/** In Chinese or Japanese: this many columns. */
const passageCells = 600;
const bankCharacters = 28 * 1024;

type SlidePlan = {readonly title: string; readonly paragraphs: readonly Paragraph[]; readonly cited: readonly number[]};
type SectionPlan = {readonly title: string; readonly slides: readonly SlidePlan[]};

export function newDeck({text, sourcePath, fileName}: NewDeckInput): string {
	const {paragraphs, facts} = readSource(text);
	const title = deckTitle(facts, paragraphs, fileName);
	const sections = plan(paragraphs, title.text);
	const lang = languageOf(paragraphs.filter(paragraph => paragraph.role === 'body').map(paragraph => paragraph.text).join('\n'));
	const parts = [frontMatter(facts, title, sourcePath, lang), bankComment(quoteBank(paragraphs), facts), ...sections.map(section => sectionMarkdown(section, facts))];
	return parts.join('\n\n') + '\n';
}

/** The deck's title, and where it comes from when the source states none (the front matter says so, for the writer to edit). */
type Title = {readonly text: string; readonly from?: 'first line' | 'file name' | 'first words'};

/** A file name that says nothing of the text: `article.txt`, `source (2).txt`, `untitled.md`. */
const plainName = /^(?:article|story|text|source|document|doc|report|transcript|file|untitled|input|notes?|draft|copy|page|index|new|paste|clipboard|output|temp|tmp|news)(?: ?\(?\d+\)?)?$/i;

/**
The title the source states; else the first line of its text when that reads as a headline (a title
line over its first paragraph, with no blank line between); else the file name in words, unless it is
a name such as `article.txt`; else the first words of its text.
*/
function deckTitle(facts: SourceFacts, paragraphs: readonly Paragraph[], fileName: string): Title {
	if (facts.title !== undefined) {
		return {text: facts.title};
	}

	const first = paragraphs.find(paragraph => paragraph.role === 'body' || paragraph.role === 'heading');
	const line = first?.text.split('\n')[0]?.trim() ?? '';
	if (first?.text.includes('\n') && isTitleLine(line)) {
		return {text: headingWords(line), from: 'first line'};
	}

	const words = fileName.replace(/\.[^.]*$/, '').replaceAll(/[-_.\s]+/g, ' ').trim();
	if (words && !plainName.test(words)) {
		return {text: words.charAt(0).toUpperCase() + words.slice(1), from: 'file name'};
	}

	const lede = paragraphs.find(paragraph => paragraph.role === 'body');
	return lede ? {text: opening(lede, {...titleMeasure, words: titleWords + 1}).replace(/[.,;:。，；：]$/, ''), from: 'first words'} : {text: words || 'Untitled', from: 'file name'};
}

const titleNotes: Readonly<Record<NonNullable<Title['from']>, string>> = {
	'first line': "is its first line; edit it to yours",
	'file name': 'is its file name; write yours',
	'first words': 'are its first words; write yours',
};

function yamlLine(key: string, value: string): string {
	return stringify({[key]: stripControls(value)}, {lineWidth: 0}).trimEnd();
}

/**
The front matter: the fields the source states, and a comment for each it does not, so the briefer
knows what to fill in. An article (a source with an outlet) needs no `kind:`; a text that reads as
another language than English gets its `lang:` (new-language.ts).
*/
function frontMatter(facts: SourceFacts, title: Title, sourcePath: string, lang: string | undefined): string {
	const noun = facts.kind;
	const lines = [title.from ? `${yamlLine('title', title.text)} # the ${noun} states no title: ${title.from === 'first words' ? 'these' : 'this'} ${titleNotes[title.from]}` : yamlLine('title', title.text)];
	if (facts.kind !== 'article') {
		lines.push(yamlLine('kind', facts.kind));
	}

	const who = facts.kind === 'article' ? 'outlet' : 'publisher';
	const found = facts.kind === 'article' ? facts.outlet : facts.publisher;
	lines.push(found === undefined ? `# ${who}: the ${noun} names none; add it if you know it` : yamlLine(who, found));
	lines.push(facts.date === undefined ? `# date: the ${noun} states none; add it if you know it` : yamlLine('date', facts.date));
	lines.push(facts.author === undefined ? `# author: the ${noun} names none; add it if you know it` : yamlLine('author', facts.author));
	lines.push(yamlLine('source', sourcePath));
	if (lang && lang !== 'en') {
		lines.push(`${yamlLine('lang', lang)} # the language its text reads as; the handouts say so`);
	}

	return ['---', ...lines, '---'].join('\n');
}

/** The text of a comment: `-->` would end it early. */
function commentSafe(text: string): string {
	return stripControls(text).replaceAll(/&(?=(?:gt|lt|amp);)/g, '&amp;').replaceAll('-->', '--&gt;');
}

function bankComment(bank: readonly Passage[], facts: SourceFacts): string {
	const noun = facts.kind;
	const intro = [
		`Quote bank, written by briefing new: every passage in quotation marks in the ${noun}, with its`,
		'paragraph (¶) and the speaker its sentence names ("he (X, named before)": check who it is).',
		'Put a quote on a slide as',
		'',
		'    > “the words”',
		'    >',
		'    > — Speaker',
		'',
		'and add its paragraph to the slide\'s "paragraphs:" line.',
	];
	if (bank.length === 0) {
		return `<!--\n${[...intro, '', `The ${noun} has no passage in quotation marks.`].join('\n')}\n-->`;
	}

	const pad = String(bank.at(-1)!.n).length;
	const entries: string[] = [];
	let size = 0;
	for (const [index, passage] of bank.entries()) {
		const head = `¶ ${String(passage.n).padEnd(pad)}  ${passage.speaker || 'nobody named'}:`;
		// The passage in its marks, as a slide quotes it; a very long one is its first words and an ellipsis.
		const words = passage.text.split(/\s+/);
		const isUnspacedText = isUnspaced(passage.text);
		const cut = isUnspacedText ? cutCells(words.join(' '), passageCells).text : words.slice(0, passageWords).join(' ');
		const text = cut.length < words.join(' ').length ? `${cut}…` : cut;
		// Chinese and Japanese lines break between characters (`wrap` breaks there), others at spaces only.
		const lines = wrap(commentSafe(`${passage.marks[0]}${text}${passage.marks[1]}`), 92, {breakLongWords: isUnspacedText}).map(line => `${' '.repeat(pad + 4)}${line}`);
		const entry = [head, ...lines].join('\n');
		size += entry.length + 1;
		if (size > bankCharacters) {
			// The bank stands before the first slide and is held to a slide's size (markdown/split.ts).
			entries.push(`… and ${bank.length - index} more: briefing paragraphs shows them in their paragraphs.`);
			break;
		}

		entries.push(entry);
	}

	return `<!--\n${[...intro, '', ...entries].join('\n')}\n-->`;
}

/** The parts of the source: one per heading (what comes before the first is its opening), or the whole source under its title. */
function plan(paragraphs: readonly Paragraph[], title: string): SectionPlan[] {
	const parts: Array<{title: string; heading?: Paragraph; body: Paragraph[]}> = [];
	for (const paragraph of paragraphs) {
		if (paragraph.role === 'heading') {
			parts.push({title: headingWords(paragraph.text), heading: paragraph, body: []});
		} else if (paragraph.role === 'body') {
			if (parts.length === 0) {
				parts.push({title: paragraphs.some(each => each.role === 'heading') ? 'Opening' : title, body: []});
			}

			parts.at(-1)!.body.push(paragraph);
		}
	}

	return parts.flatMap(part => {
		const groups = groupParagraphs(part.body);
		if (groups.length === 0) {
			return [];
		}

		const slides = groups.map((group, index): SlidePlan => {
			// A heading's slides cite the heading too: its words are the slide's title.
			const cited = [...(part.heading ? [part.heading.n] : []), ...group.map(paragraph => paragraph.n)];
			const named = part.heading ? (index === 0 ? part.title : `${part.title}, continued`) : openingWords(group);
			return {title: named, paragraphs: group, cited};
		});
		return [{title: part.title, slides}];
	});
}

/** A few paragraphs to a slide, as many as fit; a quote over several paragraphs stays on one slide. */
function groupParagraphs(body: readonly Paragraph[]): Paragraph[][] {
	const groups: Paragraph[][] = [];
	let size = 0;
	for (const paragraph of body) {
		const length = bullet(paragraph).length;
		const group = groups.at(-1);
		const isRun = group !== undefined && paragraph.continuesQuote && group.length < maxRun;
		if (group && (isRun || (group.length < perSlide && size + length <= slideCharacters))) {
			group.push(paragraph);
			size += length;
		} else {
			groups.push([paragraph]);
			size = length;
		}
	}

	return groups;
}

/** How much of a sentence a title or a bullet takes: `words` words (all when at most `slack` more), or in Chinese or Japanese `cells` columns (all when at most a fifth more). */
type Measure = {readonly words: number; readonly slack: number; readonly cells: number};

/** Where a sentence is cut to `measure` (its length when it is not): after a word, or in Chinese or Japanese text at a clause's end (`，`) in the last half of the width, else after a word there, else at the width. */
function cutAt(sentence: string, measure: Measure): number {
	const {cells} = measure;
	if (!isUnspaced(sentence)) {
		const spaces = [...sentence.matchAll(/\s+/g)];
		return spaces.length + 1 > measure.words + measure.slack ? spaces[measure.words - 1]!.index : sentence.length;
	}

	if (textWidth(sentence) <= cells * 1.2) {
		return sentence.length;
	}

	// Measured on a start no wider than needed: a sentence may be a whole long paragraph.
	const kept = cutCells(sentence.slice(0, cells * 4), cells).text.length;
	const clause = Math.max(...[...sentence.slice(0, kept).matchAll(/[，、；：,;]/g)].map(match => match.index));
	if (clause > 0 && textWidth(sentence.slice(0, clause)) >= cells / 2) {
		return clause;
	}

	// Else after the last whole word (the runtime's dictionary of Chinese and Japanese words), else at the width.
	words ??= new Intl.Segmenter(undefined, {granularity: 'word'});
	const ends = Array.from(words.segment(sentence.slice(0, kept + 8)), each => each.index + each.segment.length).filter(end => end <= kept);
	const word = ends.at(-1) ?? 0;
	return textWidth(sentence.slice(0, word)) >= cells / 2 ? word : kept;
}

let words: Intl.Segmenter | undefined;

/**
The first words of a paragraph's first sentence (`cutAt`), quotation marks kept in pairs: a paragraph
that goes on with a quote from the one before gets its opening mark, a cut ends `…`, and a quote still
open where the words end is closed.
*/
function opening(paragraph: Paragraph, measure: Measure): string {
	const [first, second] = sentenceEnds(paragraph);
	// A paragraph that opens with a run-in head (`Visits. Weekday visits rose…`) goes on to its first sentence.
	const sentence = paragraph.text.slice(0, runInHead(paragraph) && second !== undefined ? second : first);
	const end = cutAt(sentence, measure);
	let text = paragraph.text.slice(0, end).replaceAll(/\s+/g, ' ');
	if (end < sentence.length) {
		text = text.replace(/[\s,;:—–\-，、；：]+$/, '') + '…';
	}

	// The quote the words stop inside (its closing mark, at `span.end`, is not among them), closed as it opened (`« … »`).
	const open = paragraph.spans.find(span => span.start <= end && end <= span.end);
	if (open) {
		text += marksOf(open, paragraph.text)[1];
	}

	const quote = paragraph.spans[0];
	return (quote?.start === 0 ? marksOf(quote, paragraph.text)[0] : '') + text;
}

/** The run-in head a paragraph opens with, if any: a first sentence of one to three words (`Visits.`, `Digital lending.`). */
function runInHead(paragraph: Paragraph): string | undefined {
	const head = paragraph.text.slice(0, sentenceEnds(paragraph)[0]).trim();
	return paragraph.spans.length === 0 || paragraph.spans[0]!.start > head.length ? (/^(\p{Lu}[\p{L}'’-]*(?: [\p{L}'’-]+){0,2})[.:]$/u.exec(head)?.[1]) : undefined;
}

function bullet(paragraph: Paragraph): string {
	return opening(paragraph, {words: bulletWords, slack: 6, cells: bulletCells});
}

/** A slide's title: the opening words of its first paragraph. */
function openingWords(group: readonly Paragraph[]): string {
	return runInHead(group[0]!) ?? opening(group[0]!, titleMeasure).replace(/[.,;:。，；：]$/, '');
}

function sectionMarkdown(section: SectionPlan, facts: SourceFacts): string {
	const slides = section.slides.map(slide => {
		const bullets = slide.paragraphs.map(paragraph => datedWords(bullet(paragraph), paragraph.n, facts));
		// The title's time words too: the room reads it first.
		const title = datedWords(slide.title, slide.paragraphs[0]!.n, facts);
		const dateline = [title, ...bullets].some(each => each.isDated) ? facts.dateParagraph : undefined;
		// Dated words cite where the date comes from (the dateline), so the date on the slide checks out.
		const cited = dateline === undefined ? slide.cited : [...new Set([dateline, ...slide.cited])].sort((a, b) => a - b);
		// Once each: the title's words are its first bullet's too.
		const flags = [...new Set([...title.flags, ...bullets.flatMap(each => each.flags)])];
		return [
			`## ${headingText(title.text)}`,
			`<!-- paragraphs: ${ranges(cited)} -->`,
			listMarkdown(bullets.map(each => each.text)),
			...(flags.length > 0 ? [`<!--\n${flags.map(flag => commentSafe(flag)).join('\n')}\n-->`] : []),
			'<!-- speaker_note: What the room should take from this part. -->',
		].join('\n\n');
	});
	return [`# ${headingText(section.title)}`, slides.join('\n\n---\n\n')].join('\n\n');
}

/** Where the quoted stretches of a bullet are (check/paragraphs.ts), as `[start, end)` from the opening mark. */
function quotedRanges(text: string): Array<readonly [number, number]> {
	return quoteOffsets([text])[0]!.spans.map(span => [span.start - 1, span.end] as const);
}

/**
A bullet's time words dated by the source's date (`last week (as of April 6, 2021)`, in the words'
language: new-time-words.ts), so the slide
still says when; words inside a quote stay as written, and words with no date to go by, are flagged
for the writer in a comment under the bullets.
*/
function datedWords(text: string, n: number, facts: SourceFacts): {text: string; isDated: boolean; flags: string[]} {
	const quoted = quotedRanges(text);
	const flags: string[] = [];
	let isDated = false;
	const dated = text.replaceAll(timeWords, (words: string, ...rest: unknown[]) => {
		// The replacer's arguments: the groups, the offset, the whole text, and the named groups last.
		const groups = rest.at(-1) as Record<string, string | undefined>;
		const at = rest.at(-3) as number;
		if (quoted.some(([start, end]) => at > start && at < end)) {
			flags.push(`“${words}” (¶ ${n}, in a quote) counts from the day the ${facts.kind} was written${facts.date ? `, ${facts.date}` : ''}: say when as you present it.`);
			return words;
		}

		if (!facts.date || facts.dateParagraph === undefined) {
			flags.push(`“${words}” (¶ ${n}) counts from the day the ${facts.kind} was written, and it states no date: write when (“as of …”).`);
			return words;
		}

		isDated = true;
		return words + asOf(groups, facts.date, text);
	});
	return {text: dated, isDated, flags};
}

/** `2, 3, 4, 7` → `2-4, 7`. */
export function ranges(numbers: readonly number[]): string {
	const parts: string[] = [];
	for (let index = 0; index < numbers.length; ) {
		let last = index;
		while (last + 1 < numbers.length && numbers[last + 1] === numbers[last]! + 1) {
			last++;
		}

		parts.push(last === index ? String(numbers[index]) : `${numbers[index]}-${numbers[last]}`);
		index = last + 1;
	}

	return parts.join(', ');
}
