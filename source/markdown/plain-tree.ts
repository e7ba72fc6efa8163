import type {Heading, Html, List, ListItem, Paragraph, Root, RootContent, Text, ThematicBreak, Yaml} from 'mdast';

/**
The tree of a plain piece of Markdown, read without micromark: exactly the tree micromark (with GFM
and YAML front matter, as parse-deck.ts calls it) gives for the same text, or undefined when the text
holds anything this reader does not vouch for. Most slides are plain (a title, bullets, a sentence or
two, comment directives), and a deck whose every piece is plain never loads the Markdown libraries.

What it reads, each line whole, at the left margin, with no tab, carriage return or trailing space:
	---                      front matter, from the text's first line to the next `---` line
	# Words … ###### Words    a heading (not ending with `#`)
	- words  * words  + words  one-line items of a tight bullet list, one marker a list
	1. words  1) words        one-line items of a tight numbered list
	<!-- … -->               a comment, on one line or several
	---  ***  ___             a rule, after a blank line or a block that is not a paragraph
	Words …                  lines of a paragraph
Words are plain: none of the characters that start inline Markdown (`* _ \` [ ] < > & \ ~ |`), no `@`,
`://` or `www.` (GFM's literal links), and a paragraph's line starts with a letter, a digit that does
not start a numbered item, a quotation mark or a parenthesis. Anything else (emphasis, links, code,
quotes, tables, nesting, a loose list, a setext heading, a lazy line) is left to micromark; a test holds
every tree this returns to micromark's.
*/
type Point = {line: number; column: number; offset: number};
type Line = {readonly text: string; readonly offset: number; readonly number: number};
/** `content`: the index in the line where the item's words start. */
type Item = {readonly marker: string; readonly start?: number; readonly content: number};

const controls = /[\u0000-\u0009\u000B-\u001F\u007F]/;
const notPlain = /[*_`[\]<>&\\~|@]|:\/\/|www\./i;
const firstOfParagraph = /^[\p{L}\p{N}"'(\u201C\u2018]/u;
const numbered = /^(\d{1,9})([.)])(?: |$)/;
const heading = /^(#{1,6}) (?!#)/;
const rules = new Set(['---', '***', '___']);

function isPlain(text: string): boolean {
	return text !== '' && !notPlain.test(text) && !text.endsWith(' ');
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

/** A list item's marker and where its words start, if the line is a plain one-line item. */
function itemOf(line: string): Item | undefined {
	const bullet = /^([-+*]) /.exec(line);
	const number = bullet ? undefined : numbered.exec(line);
	const marker = bullet?.[1] ?? number?.[2];
	if (marker === undefined) {
		return undefined;
	}

	const content = (bullet ? 1 : number![1]!.length + 1) + 1;
	const words = line.slice(content);
	if (!isPlain(words) || !isParagraphStart(words)) {
		return undefined;
	}

	return number ? {marker, start: Number(number[1]), content} : {marker, content};
}

function isParagraphStart(line: string): boolean {
	return firstOfParagraph.test(line) && !numbered.test(line);
}

function lines(source: string): Line[] {
	const all: Line[] = [];
	let offset = 0;
	for (let number = 1; ; number++) {
		const end = source.indexOf('\n', offset);
		all.push({text: source.slice(offset, end < 0 ? source.length : end), offset, number});
		if (end < 0) {
			return all;
		}

		offset = end + 1;
	}
}

/** The front matter, when the text opens with one that closes. */
function frontMatter(all: readonly Line[]): {node: Yaml; next: number} | undefined {
	const close = all.findIndex((line, index) => index > 0 && line.text.startsWith('---'));
	if (close < 2 || all[close]!.text !== '---') {
		return undefined;
	}

	const value = all.slice(1, close).map(line => line.text).join('\n');
	return {node: {type: 'yaml', value, position: {start: point(all[0]!, 1), end: endOf(all[close]!)}}, next: close + 1};
}

type Reading = {
	readonly all: readonly Line[];
	readonly children: RootContent[];
	index: number;
	/** The kind of the last line read: a blank line, a paragraph's, a list item's, or another block's. */
	last: 'blank' | 'paragraph' | 'list' | 'block';
	paragraph?: Paragraph;
	list?: List;
	/** The open list's marker (`-`, `*`, `+`, `.` or `)`): another marker starts another list. */
	marker?: string;
	/** The marker of the list that ended at the last blank line, if one did: an item with it would make that list loose. */
	markerBefore?: string;
};

function close(reading: Reading): void {
	reading.paragraph = undefined;
	reading.list = undefined;
}

function addParagraphLine(reading: Reading, line: Line): boolean {
	const {paragraph} = reading;
	if (reading.last === 'list' || !isPlain(line.text)) {
		return false;
	}

	if (paragraph && reading.last === 'paragraph') {
		const words = paragraph.children[0] as Text;
		words.value += `\n${line.text}`;
		words.position!.end = endOf(line);
		paragraph.position!.end = endOf(line);
		return true;
	}

	const start = point(line, 1);
	const end = endOf(line);
	reading.paragraph = {type: 'paragraph', children: [text(line.text, start, end)], position: {start: {...start}, end: {...end}}};
	reading.children.push(reading.paragraph);
	return true;
}

function addItem(reading: Reading, line: Line, item: Item): boolean {
	const ordered = item.start !== undefined;
	const open = reading.last === 'list' ? reading.list : undefined;
	if (reading.last === 'blank' && reading.markerBefore === item.marker) {
		// A loose list (or a new one after a blank line): micromark decides.
		return false;
	}

	if (reading.last === 'paragraph' && ordered && item.start !== 1) {
		return false;
	}

	const words = line.text.slice(item.content);
	const column = item.content + 1;
	const start = point(line, 1);
	const end = endOf(line);
	const paragraph: Paragraph = {type: 'paragraph', children: [text(words, point(line, column), endOf(line))], position: {start: point(line, column), end: endOf(line)}};
	const listItem: ListItem = {type: 'listItem', spread: false, checked: null, children: [paragraph], position: {start, end}};
	if (open) {
		if (open.ordered !== ordered || reading.marker !== item.marker) {
			return false;
		}

		open.children.push(listItem);
		open.position!.end = {...end};
		return true;
	}

	reading.paragraph = undefined;
	const list: List = {type: 'list', ordered, start: item.start ?? null, spread: false, children: [listItem], position: {start: {...start}, end: {...end}}};
	reading.list = list;
	reading.marker = item.marker;
	reading.children.push(list);
	return true;
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

	const value = all.slice(reading.index, last + 1).map(line => line.text).join('\n');
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

	const node: Heading = {type: 'heading', depth: depth as Heading['depth'], children: [text(words, point(line, depth + 2), endOf(line))], position: {start: point(line, 1), end: endOf(line)}};
	reading.children.push(node);
	return true;
}

/** One line read into the tree; false when it is not plain (the whole text is then micromark's). */
function readLine(reading: Reading, line: Line): boolean {
	const {text: words} = line;
	if (words === '') {
		reading.markerBefore = reading.last === 'list' ? reading.marker : reading.last === 'blank' ? reading.markerBefore : undefined;
		close(reading);
		reading.last = 'blank';
		return true;
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

	close(reading);
	reading.last = 'block';
	return added;
}

/** The tree micromark would give for `source`, when it is plain (see above); else undefined. */
export function plainTree(source: string): Root | undefined {
	if (controls.test(source)) {
		return undefined;
	}

	const all = lines(source);
	const reading: Reading = {all, children: [], index: 0, last: 'blank'};
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

	const lastLine = all.at(-1)!;
	return {type: 'root', children: reading.children, position: {start: {line: 1, column: 1, offset: 0}, end: endOf(lastLine)}};
}
