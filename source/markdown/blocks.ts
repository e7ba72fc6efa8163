import type {Blockquote, Code, List, Paragraph, PhrasingContent, RootContent, Table} from 'mdast';
import {type Bar, type Block, deepestList, drawnWords, type List as ListData, type ListItem} from '../deck/blocks.js';
import type {Line} from '../text/lines.js';
import {inlineText, MarkdownDeckError, rawInline, slideText, squashSpaces, startOf, visibleControls} from './inline.js';

/**
Markdown block nodes read as slide blocks (see the README's "Write your own briefing"):

- `### text` a heading line; `**text**` alone a lead; `**value** label` a key figure; `*text*` alone a
  source line; any other paragraph is text;
- `- item` bullets; `- **when**: what` on every item a timeline; `1. item` a numbered list (from the
  number written first); a list indented under an item a list in that item, three deep at most;
- a fenced code block code, in the language its fence names (```` ```python ````);
- `> “words”` then `> — Speaker, *role*` a quote;
- a GFM table a table, or a bar chart after `<!-- bars -->`; `Table: …` (or `Chart: …`) right after
  either is its caption.

Every block keeps the line of each of its words, for `briefing check`.
*/
export type Piece = {readonly text: string; readonly line: number};

export type ReadBlock = {readonly block: Block; readonly pieces: readonly Piece[]};

const lineOf = (node: {readonly position?: {readonly start: {readonly line: number}}}) => node.position?.start.line ?? 1;

function only(block: Block, node: RootContent, texts: readonly string[]): ReadBlock {
	return {block, pieces: texts.map(text => ({text, line: lineOf(node)}))};
}

/** A paragraph that is one strong, one emphasis, or strong then words. */
function paragraphBlock(node: Paragraph): ReadBlock {
	const [first, ...rest] = node.children;
	if (first?.type === 'strong' && rest.length === 0) {
		const text = inlineText(first.children);
		return only({kind: 'lead', text}, node, [text]);
	}

	if (first?.type === 'emphasis' && rest.length === 0) {
		const text = inlineText(first.children);
		return only({kind: 'source', text}, node, [text]);
	}

	if (first?.type === 'strong') {
		const value = inlineText(first.children);
		const label = inlineText(rest);
		if (label) {
			return only({kind: 'fact', value, label}, node, [value, label]);
		}
	}

	const text = inlineText(node.children);
	return only({kind: 'text', text}, node, [text]);
}

/** An item's line of words, and the list under it if any. */
function itemParts(item: List['children'][number]): {paragraph: Paragraph; list?: List} {
	const [paragraph, ...more] = item.children;
	if (!paragraph) {
		throw new MarkdownDeckError('A list item has no words.', startOf(item));
	}

	const list = more[0]?.type === 'list' && more.length === 1 ? more[0] : undefined;
	if (paragraph?.type !== 'paragraph' || (more.length > 0 && !list)) {
		throw new MarkdownDeckError('A list item holds one line of text, and may hold a list under it (no other blocks).', startOf(more.find(each => each.type !== 'list') ?? paragraph));
	}

	return list ? {paragraph, list} : {paragraph};
}

function itemParagraph(item: List['children'][number]): Paragraph {
	return itemParts(item).paragraph;
}

/** A numbered or nested list as data, every item's words with their line in `pieces`. */
function nestedList(node: List, depth: number, pieces: Piece[]): ListData {
	if (depth >= deepestList) {
		throw new MarkdownDeckError(`Lists nest ${deepestList} deep at most.`, startOf(node));
	}

	const items = node.children.map((item): ListItem => {
		const {paragraph, list} = itemParts(item);
		const text = inlineText(paragraph.children);
		if (!text) {
			throw new MarkdownDeckError('A list item has no words.', startOf(item));
		}

		pieces.push({text, line: lineOf(paragraph)});
		return list ? {text, list: nestedList(list, depth + 1, pieces)} : {text};
	});
	return {ordered: node.ordered === true, start: node.ordered ? (node.start ?? 1) : 1, items};
}

/** `**when**: what`, or undefined when the item is not written so. */
function timelineEvent(children: readonly PhrasingContent[]): {when: string; what: string} | undefined {
	const [first, second, ...rest] = children;
	if (first?.type !== 'strong' || second?.type !== 'text' || !second.value.startsWith(':')) {
		return undefined;
	}

	const what = inlineText([{...second, value: second.value.slice(1)}, ...rest]);
	return {when: inlineText(first.children), what};
}

function listBlock(node: List): ReadBlock {
	if (node.ordered || node.children.some(item => item.children.length > 1)) {
		const pieces: Piece[] = [];
		return {block: {kind: 'list', ...nestedList(node, 0, pieces)}, pieces};
	}

	const paragraphs = node.children.map(item => itemParagraph(item));
	const events = paragraphs.map(paragraph => timelineEvent(paragraph.children));
	if (events.every(event => event !== undefined)) {
		return {
			block: {kind: 'timeline', events},
			pieces: events.flatMap((event, index) => [event.when, event.what].map(text => ({text, line: lineOf(paragraphs[index]!)}))),
		};
	}

	const items = paragraphs.map(paragraph => inlineText(paragraph.children));
	if (items.includes('')) {
		throw new MarkdownDeckError('A bullet has no words.', startOf(node.children[items.indexOf('')]!));
	}

	return {block: {kind: 'bullets', items}, pieces: items.map((text, index) => ({text, line: lineOf(paragraphs[index]!)}))};
}

/** `—`, `―` or `--` at the start of a line: where the speaker line starts. */
const attribution = /(?:^|\n)[ \t]*(?:—|―|--)[ \t]*(?=\S)/g;

/** The speaker line of a quote: `— Name` or `— Name, *role*`, the last line of its last paragraph. */
function speakerOf(paragraph: Paragraph): {speaker: string; role?: string; before: string; line: number} | undefined {
	const raw = rawInline(paragraph.children);
	const mark = [...raw.matchAll(attribution)].at(-1);
	if (!mark) {
		return undefined;
	}

	const before = slideText(raw.slice(0, mark.index));
	const line = lineOf(paragraph) + (raw.slice(0, mark.index + 1).match(/\n/g)?.length ?? 0);
	const byline = slideText(raw.slice(mark.index + mark[0].length));
	const last = paragraph.children.at(-1);
	if (last?.type === 'emphasis') {
		const role = inlineText(last.children);
		const name = byline.slice(0, byline.length - role.length).trim();
		if (name.endsWith(',') && role && byline.endsWith(role)) {
			return {speaker: name.slice(0, -1).trim(), role, before, line};
		}
	}

	return {speaker: byline, before, line};
}

/**
The quotation marks a quote may be written in, the languages' own: English's (kept as the default,
so not stored), French guillemets (a space or no-break space inside them is theirs), German's and
Polish's low marks, Danish's reversed guillemets, Swedish's, single ones, and CJK corner brackets.
*/
const quotePairs: ReadonlyArray<readonly [string, string]> = [
	['“', '”'],
	['"', '"'],
	['«', '»'],
	['»', '«'],
	['„', '“'],
	['„', '”'],
	['”', '”'],
	['‘', '’'],
	['‚', '‘'],
	['‹', '›'],
	['「', '」'],
	['『', '』'],
];

/** One pair of quotation marks around the words is the quote's own, not part of them; marks other than “ ” are kept to show them as written. */
function unquote(text: string): {text: string; marks?: readonly [string, string]} {
	for (const [open, close] of quotePairs) {
		if (text.length >= 2 && text.startsWith(open) && text.endsWith(close)) {
			const inner = text.slice(open.length, -close.length);
			const words = inner.trim();
			if (open === '“' || open === '"' || !words) {
				return {text: words};
			}

			// A space inside the marks (« words ») is theirs, kept as a no-break space so no line breaks there.
			const space = (edge: RegExp) => (edge.test(inner) ? '\u00A0' : '');
			return {text: words, marks: [open + space(/^\s/), space(/\s$/) + close]};
		}
	}

	return {text};
}

function quoteBlock(node: Blockquote): ReadBlock {
	const paragraphs = node.children.map(child => {
		if (child.type !== 'paragraph') {
			throw new MarkdownDeckError('A quote holds words and its speaker line only.', startOf(child));
		}

		return child;
	});
	const last = paragraphs.at(-1);
	const who = last ? speakerOf(last) : undefined;
	if (!last || !who?.speaker) {
		throw new MarkdownDeckError('A quote needs its speaker: end it with a line "> — Name, *role*".', startOf(node));
	}

	const words = [...paragraphs.slice(0, -1).map(paragraph => inlineText(paragraph.children)), who.before].filter(Boolean);
	const {text, marks} = unquote(squashSpaces(words.join(' ')));
	if (!text) {
		throw new MarkdownDeckError('A quote needs its words before the speaker line.', startOf(node));
	}

	const block: Block = {kind: 'quote', text, speaker: who.speaker, ...(who.role ? {role: who.role} : {}), ...(marks ? {marks} : {})};
	return {
		block,
		pieces: [{text, line: lineOf(node)}, ...[who.speaker, who.role ?? ''].filter(Boolean).map(part => ({text: part, line: who.line}))],
	};
}

function cells(row: Table['children'][number]): string[] {
	return row.children.map(cell => inlineText(cell.children));
}

function tableBlock(node: Table): ReadBlock {
	const [head, ...rows] = node.children;
	const columns = head ? cells(head) : [];
	const body = rows.map(row => cells(row));
	return {
		block: {kind: 'table', columns, rows: body},
		pieces: [...columns.map(text => ({text, line: lineOf(node)})), ...rows.flatMap((row, index) => body[index]!.map(text => ({text, line: lineOf(row)})))],
	};
}

/** A bar chart: a table after `<!-- bars -->`, one row per bar: label, value, what is printed. */
function barsBlock(node: Table): ReadBlock {
	const bars: Bar[] = [];
	const pieces: Piece[] = [];
	for (const row of node.children.slice(1)) {
		const [label = '', valueText = '', display = ''] = cells(row);
		const value = Number(valueText.replaceAll(',', ''));
		if (!label || !valueText || !Number.isFinite(value) || value < 0) {
			throw new MarkdownDeckError('A bar needs a label and a number (label | value | as printed).', startOf(row));
		}

		bars.push({label, value, display: display || valueText});
		pieces.push({text: label, line: lineOf(row)}, {text: display || valueText, line: lineOf(row)});
	}

	if (bars.length === 0) {
		throw new MarkdownDeckError('A bar chart needs at least one bar.', startOf(node));
	}

	return {block: {kind: 'bars', bars}, pieces};
}

/** A line's end as Markdown reads one: micromark keeps a Windows `\r\n` (or an old Mac `\r`) in a code block's value. */
const lineEnd = /\r\n?|\n/;

/** The fenced text each drawn block of a Markdown deck was made from: what a parse in a worker sends back in place of the drawing functions. */
const drawnSources = new WeakMap<Block, {readonly text: string; readonly line: number}>();

/**
A drawing kept as drawn: the lines of a fenced ```drawn block (what an Ink component in a built-in
slide drew at the text outputs' width), shown as they are at every width, cut where they do not fit.
*/
export function drawnBlock(text: string, line = 1): ReadBlock {
	const rows = text.split(lineEnd).map(row => visibleControls(row).trimEnd());
	const lines: Line[] = rows.map(row => (row ? [{text: row, role: 'body'}] : []));
	const draw = (width: number) => lines.map(each => each.map(segment => ({...segment, text: [...segment.text].slice(0, Math.max(1, width)).join('')})));
	const words = drawnWords(lines);
	const block: Block = {kind: 'drawn', name: 'drawn', words, draw, peek: draw};
	drawnSources.set(block, {text, line});
	return {block, pieces: words.map(each => ({text: each, line}))};
}

/** What a drawn block of a Markdown deck was made from (undefined for any other block). */
export function drawnSource(block: Block): {readonly text: string; readonly line: number} | undefined {
	return drawnSources.get(block);
}

/** Where tabs in code stop: every fourth column. */
const tabStop = 4;

/** A line of code with each tab as the spaces to the next tab stop. */
function expandTabs(row: string): string {
	let column = 0;
	let out = '';
	for (const character of row) {
		const spaces = character === '\t' ? tabStop - (column % tabStop) : 0;
		out += spaces > 0 ? ' '.repeat(spaces) : character;
		column += spaces > 0 ? spaces : 1;
	}

	return out;
}

/** A code block (fenced, or indented): its text as written (tabs to the spaces to the next stop of four, control characters made visible), its language named in the fence. */
function codeBlock(node: Code): ReadBlock {
	const text = node.value
		.split(lineEnd)
		.map(row => visibleControls(row.includes('\t') ? expandTabs(row) : row).trimEnd())
		.join('\n');
	const lang = node.lang ? slideText(node.lang) : undefined;
	return {block: {kind: 'code', text, ...(lang ? {lang} : {})}, pieces: []};
}

/**
A fence with no closing fence runs to the end of the file (CommonMark), taking every later slide into
its code: a mistake, said at the fence. micromark ends such a block at the start of the line after its
last, where a closed one ends after its closing fence (and an indented one after its last character).
*/
function closedCode(node: Code): void {
	const {start, end} = node.position ?? {};
	if (start && end && end.column === 1 && end.line > start.line) {
		throw new MarkdownDeckError('This code block is never closed, so everything after it to the end of the file is code, later slides too: close it with a line of the ``` or ~~~ that opens it.', startOf(node));
	}
}

export function readBlock(node: RootContent, isBars: boolean): ReadBlock {
	switch (node.type) {
		case 'paragraph': {
			return paragraphBlock(node);
		}

		case 'heading': {
			const text = inlineText(node.children);
			return only({kind: 'heading', text}, node, [text]);
		}

		case 'list': {
			return listBlock(node);
		}

		case 'blockquote': {
			return quoteBlock(node);
		}

		case 'table': {
			return isBars ? barsBlock(node) : tableBlock(node);
		}

		case 'code': {
			closedCode(node);
			if (node.lang === 'drawn') {
				return drawnBlock(node.value, lineOf(node) + 1);
			}

			return codeBlock(node);
		}

		default: {
			throw new MarkdownDeckError(`Markdown of the kind "${node.type}" is not part of a slide.`, startOf(node));
		}
	}
}
