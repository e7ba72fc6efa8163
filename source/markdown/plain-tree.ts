import type {Code, Heading, Html, InlineCode, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, TableCell, TableRow, Text, ThematicBreak, Yaml} from 'mdast';

/**
The tree of a plain piece of Markdown, read without micromark: exactly the tree micromark (with GFM
and YAML front matter, as parse-deck.ts calls it) gives for the same text, or undefined when the text
holds anything this reader does not vouch for. Most slides are plain (a title, bullets, a sentence or
two, comment directives), and a deck whose every piece is plain never loads the Markdown libraries.

What it reads, each line whole, at the left margin, with no tab or trailing space (line ends of either
kind, `\n` or `\r\n`, kept in a value as written):
	---                      front matter, from the text's first line to the next `---` line
	# Words … ###### Words    a heading (not ending with `#`)
	- words  * words  + words  one-line items of a tight bullet list, one marker a list
	1. words  1) words        one-line items of a tight numbered list
	<!-- … -->               a comment, on one line or several
	> words  >  > words       a quote of paragraphs (`>` alone between two), a blank line after it
	| a | b |  | - | :-: |    a table: `|` first and last on each line, as many cells a row
	```lang … ```            fenced code (``` or ~~~), closed by a fence as long at least
	---  ***  ___             a rule, after a blank line or a block that is not a paragraph
	Words …                  lines of a paragraph
Words are plain: none of the characters that start inline Markdown (`* _ \` [ ] < > & \ ~ |`), no `@`,
`://` or `www.` (GFM's literal links), but for `code` (one backtick each side), **strong** and *emphasis*
(stars, after a space or the line's start, around words that start and end with a letter or digit
and hold no star, before a space, punctuation or the line's end), [links](https://example.com) with
such words and a plain URL. A paragraph's line starts with a letter, a digit that does not start a
numbered item, a quotation mark, a dash, a parenthesis, a bracket, a backtick or such stars. A list
may nest, each level's markers under its parent item's words (a nested numbered list from 1).
Anything else (other emphasis and links, longer code marks, other tables, indented code, a loose
list, a setext heading, a lazy line, HTML) is left to micromark; a test holds every tree this returns
to micromark's.
*/
type Point = {line: number; column: number; offset: number};
type Line = {readonly text: string; readonly offset: number; readonly number: number; readonly ending: '' | '\n' | '\r\n'};
/** The point of character `index` of some words (`isEnd`: as a node's end). */
type At = (index: number, isEnd?: boolean) => Point;
/** `indent`: the spaces before the marker; `content`: the index in the line where the item's words start. */
type Item = {readonly marker: string; readonly start?: number; readonly indent: number; readonly content: number};
/** A list being read: its marker (`-`, `*`, `+`, `.` or `)`: another starts another list), and its items' indent and words' column. */
type OpenList = {readonly list: List; readonly marker: string; readonly indent: number; readonly content: number};

const controls = /[\u0000-\u0009\u000B-\u001F\u007F]/;
const firstOfParagraph = /^(?:[\p{L}\p{N}"'(\u201C\u2018\u2013\u2014`[]|\*\*?[\p{L}\p{N}"\u201C(])/u;
const plainWords = /^[^*_`[\]<>&\\~|@]*$/;
const startOfStarred = /^[\p{L}\p{N}"\u201C(]/u;
const endOfStarred = /[\p{L}\p{N}.!?:"\u201D)%]$/u;
const afterStarred = /^[\s.,;:!?)'"\u201D\u2019]/u;
const numbered = /^(\d{1,9})([.)])(?: |$)/;
const heading = /^(#{1,6}) (?!#)/;
const rules = new Set(['---', '***', '___']);

/** Words with no inline Markdown at all (code and stars aside, see `inline`). */
function isPlainRun(text: string): boolean {
	return plainWords.test(text) && !/:\/\/|www\./i.test(text);
}

/** A line's words as micromark's inline nodes, `at(i)` the point of character i; undefined when they are not plain. */
function inline(value: string, at: At): PhrasingContent[] | undefined {
	const nodes: PhrasingContent[] = [];
	let from = 0;
	const flush = (to: number): boolean => {
		const words = value.slice(from, to);
		if (words !== '') {
			if (!isPlainRun(words)) {
				return false;
			}

			nodes.push(text(words, at(from), at(to, true)));
		}

		return true;
	};

	for (let index = 0; index < value.length; ) {
		const char = value[index];
		const node = char === '`' ? codeAt(value, index, at) : char === '*' ? starredAt(value, index, at) : char === '[' ? linkAt(value, index, at) : null;
		if (node === undefined || (node && !flush(index))) {
			return undefined;
		}

		if (node) {
			nodes.push(node.node);
			index = node.end;
			from = index;
		} else {
			index++;
		}
	}

	return flush(value.length) ? nodes : undefined;
}

/** `code` at `index`: one backtick each side, on one line. */
function codeAt(value: string, index: number, at: At): {node: InlineCode; end: number} | undefined {
	const close = value.indexOf('`', index + 1);
	const content = value.slice(index + 1, close);
	if (close < 0 || value[close + 1] === '`' || content.trim() === '' || content.includes('\n')) {
		return undefined;
	}

	const code = content.startsWith(' ') && content.endsWith(' ') ? content.slice(1, -1) : content;
	return {node: {type: 'inlineCode', value: code, position: {start: at(index), end: at(close + 1)}}, end: close + 1};
}

const plainUrl = /^[\w\-.~:/?#@!$+,;=]+$/;

/** [words](url) at `index`: words that are plain (code and stars too) on one line, a URL of letters, digits and the marks URLs use (no `&`, `%`, quotes, brackets or spaces). */
function linkAt(value: string, index: number, at: At): {node: Link; end: number} | undefined {
	const textEnd = value.indexOf(']', index + 1);
	const urlEnd = value.indexOf(')', textEnd + 2);
	const words = value.slice(index + 1, textEnd);
	const url = value.slice(textEnd + 2, urlEnd);
	if (value[index - 1] === '!' || textEnd < 0 || value[textEnd + 1] !== '(' || urlEnd < 0 || words.includes('[') || words.includes('\n') || !plainUrl.test(url)) {
		return undefined;
	}

	const children = inline(words, (offset, isEnd) => at(index + 1 + offset, isEnd));
	if (!children || children.length === 0) {
		return undefined;
	}

	return {node: {type: 'link', title: null, url, children, position: {start: at(index), end: at(urlEnd + 1, true)}}, end: urlEnd + 1};
}

/** *emphasis* or **strong** at `index`, as the rules above allow. */
function starredAt(value: string, index: number, at: At): {node: PhrasingContent; end: number} | undefined {
	const marks = value.startsWith('**', index) ? '**' : '*';
	const open = index + marks.length;
	const close = value.indexOf(marks, open);
	const content = value.slice(open, close);
	const after = value.slice(close + marks.length, close + marks.length + 1);
	const before = index === 0 ? ' ' : value[index - 1]!;
	if (close < 0 || !/\s/.test(before) || content.includes('*') || !isPlainRun(content) || content.includes('\n')) {
		return undefined;
	}

	if (!startOfStarred.test(content) || !endOfStarred.test(content) || (after !== '' && !afterStarred.test(after))) {
		return undefined;
	}

	const words = text(content, at(open), at(close));
	return {node: {type: marks === '**' ? 'strong' : 'emphasis', children: [words], position: {start: at(index), end: at(close + marks.length)}}, end: close + marks.length};
}

/** Whether a line's words are plain (see `inline`). */
function isPlain(words: string): boolean {
	return words !== '' && !words.endsWith(' ') && inline(words, () => origin) !== undefined;
}

const origin: Point = {line: 1, column: 1, offset: 0};

/** Where character `index` of words that start at `column` of `line` is. */
function along(line: Line, column: number): At {
	return index => point(line, column + index);
}

function point(line: Line, column: number): Point {
	return {line: line.number, column, offset: line.offset + column - 1};
}

function endOf(line: Line): Point {
	return point(line, line.text.length + 1);
}

function text(value: string, start: Point, end: Point): Text {
	return {type: 'text', value, position: {start, end}};
}

/** A list item's marker and where its words start, if the line is a plain one-line item (indented by spaces, for a nested one). */
function itemOf(line: string): Item | undefined {
	const indent = /^ */.exec(line)![0].length;
	const rest = line.slice(indent);
	const bullet = /^([-+*]) /.exec(rest);
	const number = bullet ? undefined : numbered.exec(rest);
	const marker = bullet?.[1] ?? number?.[2];
	if (marker === undefined) {
		return undefined;
	}

	const content = indent + (bullet ? 1 : number![1]!.length + 1) + 1;
	const words = line.slice(content);
	if (!isPlain(words) || !isParagraphStart(words)) {
		return undefined;
	}

	return number ? {marker, start: Number(number[1]), indent, content} : {marker, indent, content};
}

function isParagraphStart(line: string): boolean {
	return firstOfParagraph.test(line) && !numbered.test(line);
}

/** The text's lines, each without its line ending (a line feed, or a carriage return and a line feed). */
function lines(source: string): Line[] {
	const all: Line[] = [];
	let offset = 0;
	for (let number = 1; ; number++) {
		const end = source.indexOf('\n', offset);
		const isCrlf = end > offset && source[end - 1] === '\r';
		all.push({text: source.slice(offset, end < 0 ? source.length : isCrlf ? end - 1 : end), offset, number, ending: end < 0 ? '' : isCrlf ? '\r\n' : '\n'});
		if (end < 0) {
			return all;
		}

		offset = end + 1;
	}
}

/** Lines' words joined by their own line endings (as micromark keeps them in a value), each from column `prefix + 1`. */
function joined(lines: readonly Line[], prefix = 0): string {
	return lines.map((line, index) => line.text.slice(prefix) + (index + 1 < lines.length ? line.ending : '')).join('');
}

/** The front matter, when the text opens with one that closes. */
function frontMatter(all: readonly Line[]): {node: Yaml; next: number} | undefined {
	const close = all.findIndex((line, index) => index > 0 && line.text.startsWith('---'));
	if (close < 2 || all[close]!.text !== '---') {
		return undefined;
	}

	const value = joined(all.slice(1, close));
	return {node: {type: 'yaml', value, position: {start: point(all[0]!, 1), end: endOf(all[close]!)}}, next: close + 1};
}

type Reading = {
	readonly all: readonly Line[];
	readonly children: RootContent[];
	index: number;
	/** The kind of the last line read: a blank line, a paragraph's, a list item's, or another block's. */
	last: 'blank' | 'paragraph' | 'list' | 'block';
	paragraph?: Paragraph;
	/** The open paragraph's lines, whose words are read when it ends. */
	paragraphLines?: Line[];
	/** The open lists, outermost first (a nested list is in its parent's last item). */
	lists: OpenList[];
	/** The marker of the list that ended at the last blank line, if one did: an item with it would make that list loose. */
	markerBefore?: string;
};

/** Ends the open paragraph (its words read now) and list; false when the paragraph's words are not plain. */
function close(reading: Reading): boolean {
	const {paragraph, paragraphLines} = reading;
	reading.paragraph = undefined;
	reading.paragraphLines = undefined;
	reading.lists = [];
	if (!paragraph || !paragraphLines) {
		return true;
	}

	const read = paragraphOf(paragraphLines, 0);
	paragraph.children = read?.children ?? [];
	return read !== undefined;
}

/**
Where character `index` of the words of lines joined by line ends is, each line's words from its column
`prefix + 1`; a node's end at the start of a line's words is, as micromark has it, before the line's prefix.
*/
function pointIn(lines: readonly Line[], index: number, prefix: number, isEnd: boolean): Point {
	let rest = index;
	for (const [number, line] of lines.entries()) {
		const length = line.text.length - prefix;
		if (rest <= length || number === lines.length - 1) {
			return point(line, isEnd && rest === 0 && number > 0 ? 1 : prefix + rest + 1);
		}

		rest -= length + line.ending.length;
	}

	return origin;
}

/** A paragraph of lines, each line's words from column `prefix + 1`; undefined when its words are not plain. */
function paragraphOf(lines: readonly Line[], prefix: number): Paragraph | undefined {
	const children = inline(joined(lines, prefix), (index, isEnd = false) => pointIn(lines, index, prefix, isEnd));
	return children && {type: 'paragraph', children, position: {start: point(lines[0]!, prefix + 1), end: endOf(lines.at(-1)!)}};
}

/**
A quote: `> ` lines of paragraphs, a `>` line between two (so a quote and its speaker), and a blank
line or the text's end after it.
*/
function addQuote(reading: Reading, first: Line): boolean {
	const {all} = reading;
	let last = reading.index;
	while (last + 1 < all.length && all[last + 1]!.text.startsWith('>')) {
		last++;
	}

	if (last + 1 < all.length && all[last + 1]!.text !== '') {
		return false;
	}

	const children: Paragraph[] = [];
	let lines: Line[] = [];
	for (const line of [...all.slice(reading.index, last + 1), undefined]) {
		if (line && line.text !== '>' && !(line.text.startsWith('> ') && isParagraphStart(line.text.slice(2)) && isPlain(line.text.slice(2)))) {
			return false;
		}

		if (line?.text.startsWith('> ')) {
			lines.push(line);
		} else if (lines.length > 0) {
			const paragraph = paragraphOf(lines, 2);
			if (!paragraph) {
				return false;
			}

			children.push(paragraph);
			lines = [];
		}
	}

	reading.children.push({type: 'blockquote', children, position: {start: point(first, 1), end: endOf(all[last]!)}});
	reading.index = last;
	return true;
}

function addParagraphLine(reading: Reading, line: Line): boolean {
	if (reading.last === 'list' || !isPlain(line.text)) {
		return false;
	}

	if (reading.paragraph && reading.paragraphLines && reading.last === 'paragraph') {
		reading.paragraphLines.push(line);
		reading.paragraph.position!.end = endOf(line);
		return true;
	}

	reading.paragraph = {type: 'paragraph', children: [], position: {start: point(line, 1), end: endOf(line)}};
	reading.paragraphLines = [line];
	reading.children.push(reading.paragraph);
	return true;
}

function addItem(reading: Reading, line: Line, item: Item): boolean {
	const ordered = item.start !== undefined;
	if (reading.last === 'blank' && reading.markerBefore === item.marker) {
		// A loose list (or a new one after a blank line): micromark decides.
		return false;
	}

	if (reading.last === 'paragraph' && ordered && item.start !== 1) {
		return false;
	}

	const column = item.content + 1;
	const children = inline(line.text.slice(item.content), along(line, column));
	if (!children) {
		return false;
	}

	const paragraph: Paragraph = {type: 'paragraph', children, position: {start: point(line, column), end: endOf(line)}};
	const listItem: ListItem = {type: 'listItem', spread: false, checked: null, children: [paragraph], position: {start: point(line, item.indent + 1), end: endOf(line)}};
	const open = reading.last === 'list' ? reading.lists : [];
	const depth = open.findIndex(entry => entry.indent === item.indent);
	if (depth >= 0) {
		// Another item of an open list (a nested list above it ends).
		const entry = open[depth]!;
		if (entry.list.ordered !== ordered || entry.marker !== item.marker) {
			return false;
		}

		open.length = depth + 1;
		entry.list.children.push(listItem);
	} else if (item.indent === 0) {
		if (!close(reading)) {
			return false;
		}

		reading.lists = [{list: newList(listItem, item), marker: item.marker, indent: 0, content: item.content}];
		reading.children.push(reading.lists[0]!.list);
	} else {
		// A list nested in the last item of the innermost open list, its markers under that item's words
		// (a numbered one from 1, as only such a list can follow the item's words).
		const parent = open.at(-1);
		if (!parent || item.indent !== parent.content || (ordered && item.start !== 1)) {
			return false;
		}

		const list = newList(listItem, item);
		parent.list.children.at(-1)!.children.push(list);
		open.push({list, marker: item.marker, indent: item.indent, content: item.content});
	}

	for (const entry of reading.lists) {
		entry.list.position!.end = endOf(line);
		entry.list.children.at(-1)!.position!.end = endOf(line);
	}

	return true;
}

function newList(first: ListItem, item: Item): List {
	return {type: 'list', ordered: item.start !== undefined, start: item.start ?? null, spread: false, children: [first], position: {start: {...first.position!.start}, end: {...first.position!.end}}};
}

/** A comment from this line to the line that holds `-->`; false when it never closes. */
function addComment(reading: Reading, first: Line): boolean {
	const {all} = reading;
	let last = reading.index;
	if (first.text.indexOf('-->', 2) < 0) {
		do {
			last++;
		} while (last < all.length && !all[last]!.text.includes('-->'));

		if (last >= all.length) {
			return false;
		}
	}

	const value = joined(all.slice(reading.index, last + 1));
	const node: Html = {type: 'html', value, position: {start: point(first, 1), end: endOf(all[last]!)}};
	reading.children.push(node);
	reading.index = last;
	return true;
}

function addHeading(reading: Reading, line: Line, depth: number): boolean {
	const words = line.text.slice(depth + 1);
	if (!isPlain(words) || words.startsWith(' ') || words.endsWith('#')) {
		return false;
	}

	const children = inline(words, along(line, depth + 2));
	if (!children) {
		return false;
	}

	const node: Heading = {type: 'heading', depth: depth as Heading['depth'], children, position: {start: point(line, 1), end: endOf(line)}};
	reading.children.push(node);
	return true;
}

const fence = /^(`{3,}|~{3,})(.*)$/;
const info = /^(?:([^\s`&\\]+)(?: ([^\s`&\\](?:[^`&\\]*[^\s`&\\])?))?)?$/;

/** Fenced code at the margin: ``` or ~~~ (three or more), a language and words after it if any, closed by a fence line as long at least. */
function addCode(reading: Reading, first: Line, opening: RegExpExecArray): boolean {
	const {all} = reading;
	const [, marks, rest] = opening;
	const written = info.exec(rest!);
	if (!written || (marks!.startsWith('`') && rest!.includes('`'))) {
		return false;
	}

	let last = reading.index + 1;
	while (last < all.length && !(all[last]!.text.startsWith(marks!) && /^(`+|~+)$/.test(all[last]!.text) && all[last]!.text[0] === marks![0])) {
		last++;
	}

	if (last >= all.length) {
		return false;
	}

	const value = joined(all.slice(reading.index + 1, last));
	const node: Code = {type: 'code', lang: written[1] ?? null, meta: written[2] ?? null, value, position: {start: point(first, 1), end: endOf(all[last]!)}};
	reading.children.push(node);
	reading.index = last;
	return true;
}

const delimiterCell = /^ *(:?)-+(:?) *$/;

/** A table row's cells, as the indices of the pipes around each; undefined when the line is not `| … |`. */
function pipesOf(text: string): number[] | undefined {
	if (text.length < 2 || !text.startsWith('|') || !text.endsWith('|') || text.includes('\\')) {
		return undefined;
	}

	const pipes: number[] = [];
	for (let index = text.indexOf('|'); index >= 0; index = text.indexOf('|', index + 1)) {
		pipes.push(index);
	}

	return pipes;
}

function rowOf(line: Line, pipes: readonly number[]): TableRow | undefined {
	const cells: TableCell[] = [];
	for (let cell = 0; cell + 1 < pipes.length; cell++) {
		const [from, to] = [pipes[cell]!, pipes[cell + 1]!];
		const content = line.text.slice(from + 1, to);
		const words = content.replaceAll(/^ +| +$/g, '');
		const children = words === '' ? [] : inline(words, along(line, from + 2 + content.indexOf(words)));
		if (!children || /^\s|\s$/.test(words)) {
			return undefined;
		}

		const end = cell + 2 === pipes.length ? endOf(line) : point(line, to + 1);
		cells.push({type: 'tableCell', children, position: {start: point(line, from + 1), end}});
	}

	return {type: 'tableRow', children: cells, position: {start: point(line, 1), end: endOf(line)}};
}

/** A table of `| … |` rows, the second its alignments, every row as many cells, and a blank line or the text's end after it. */
function addTable(reading: Reading, first: Line): boolean {
	const {all} = reading;
	const header = pipesOf(first.text);
	const delimiter = pipesOf(all[reading.index + 1]?.text ?? '');
	if (!header || !delimiter || delimiter.length !== header.length || header.length < 2) {
		return false;
	}

	const align = delimiter.slice(1).map((pipe, cell) => delimiterCell.exec(all[reading.index + 1]!.text.slice(delimiter[cell]! + 1, pipe)));
	let last = reading.index + 1;
	while (last + 1 < all.length && all[last + 1]!.text !== '') {
		last++;
	}

	const rows = [first, ...all.slice(reading.index + 2, last + 1)].map(line => {
		const pipes = pipesOf(line.text);
		return pipes?.length === header.length ? rowOf(line, pipes) : undefined;
	});
	if (align.some(cell => !cell) || rows.some(row => !row)) {
		return false;
	}

	const alignment = align.map(cell => (cell![1] ? (cell![2] ? 'center' : 'left') : cell![2] ? 'right' : null));
	reading.children.push({type: 'table', align: alignment, children: rows as TableRow[], position: {start: point(first, 1), end: endOf(all[last]!)}});
	reading.index = last;
	return true;
}

/** One line read into the tree; false when it is not plain (the whole text is then micromark's). */
function readLine(reading: Reading, line: Line): boolean {
	const {text: words} = line;
	if (words === '') {
		reading.markerBefore = reading.last === 'list' ? reading.lists[0]?.marker : reading.last === 'blank' ? reading.markerBefore : undefined;
		reading.last = 'blank';
		return close(reading);
	}

	const item = itemOf(words);
	if (item) {
		const added = addItem(reading, line, item);
		reading.last = 'list';
		return added;
	}

	const wasParagraph = reading.last === 'paragraph';
	const depth = heading.exec(words)?.[1]?.length;
	let added: boolean;
	if (depth !== undefined) {
		added = addHeading(reading, line, depth);
	} else if (words.startsWith('<!--')) {
		added = addComment(reading, line);
	} else if (fence.test(words)) {
		added = reading.last !== 'list' && addCode(reading, line, fence.exec(words)!);
	} else if (words.startsWith('|')) {
		added = !wasParagraph && reading.last !== 'list' && addTable(reading, line);
	} else if (words.startsWith('>')) {
		added = !wasParagraph && reading.last !== 'list' && addQuote(reading, line);
	} else if (rules.has(words)) {
		added = !wasParagraph && reading.last !== 'list';
		const node: ThematicBreak = {type: 'thematicBreak', position: {start: point(line, 1), end: endOf(line)}};
		reading.children.push(node);
	} else {
		added = isParagraphStart(words) && addParagraphLine(reading, line);
		if (added) {
			reading.last = 'paragraph';
			return true;
		}
	}

	reading.last = 'block';
	return close(reading) && added;
}

/** The tree micromark would give for `source`, when it is plain (see above); else undefined. */
export function plainTree(source: string): Root | undefined {
	// Line ends of one kind each (a carriage return only before a line feed); no other control character.
	if (controls.test(source.replaceAll('\r\n', '\n'))) {
		return undefined;
	}

	const all = lines(source);
	const reading: Reading = {all, children: [], index: 0, last: 'blank', lists: []};
	if (all[0]!.text === '---') {
		const front = frontMatter(all);
		if (!front) {
			return undefined;
		}

		reading.children.push(front.node);
		reading.index = front.next;
		reading.last = 'block';
	}

	for (; reading.index < all.length; reading.index++) {
		if (!readLine(reading, all[reading.index]!)) {
			return undefined;
		}
	}

	if (!close(reading)) {
		return undefined;
	}

	const lastLine = all.at(-1)!;
	return {type: 'root', children: reading.children, position: {start: {line: 1, column: 1, offset: 0}, end: endOf(lastLine)}};
}
