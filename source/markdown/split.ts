import {MarkdownDeckError} from './inline.js';

/**
A deck file cut into slides by one scan of its lines, before any Markdown is parsed, so that the
parser (micromark, whose cost on one big document grows faster than the document) reads each slide
on its own, and so that every limit a deck is held to is checked in linear time:

- a line holds at most `deckLimits.lineChars` characters;
- lists and quotes nest at most `deckLimits.depth` levels (judged from each line's leading markers);
- a deck holds at most `deckLimits.slides` slides, a slide at most `deckLimits.slideChars` characters
  and `deckLimits.delimiters` emphasis and strikethrough marks (`*`, `_` and `~`, whose pairing
  micromark works out in time that grows with their square);
- reading stops after `deckLimits.parseMs` of processor time (checked between slides, each of which
  the limits above keep small).

A piece starts at each line that begins `# ` or `## ` at the left margin outside a fenced code block,
an HTML block and the front matter: such a line ends whatever block came before it in CommonMark
(a paragraph, a list, a quote, a table), so each piece parses as it would inside the whole file. A
line in a fence that a list or quote holds may be taken for a fence at the top level; the pieces are
then bigger, never cut wrong. Link reference definitions, the one thing that reaches across blocks,
are an error in a deck anyway.
*/
export type Piece = {
	readonly text: string;
	/** The file's line (1-based) and character offset where the piece starts. */
	readonly line: number;
	readonly offset: number;
	/** At least as many reveal steps as the piece's slide can have (see `stepsAtMost`). */
	readonly steps?: number;
	/** A line after the first may make a heading of its own (an indented one, a setext underline after text, a `#` line in a fence). */
	readonly mayHoldHeading?: boolean;
};

export const deckLimits = {
	lineChars: 5000,
	depth: 16,
	slides: 5000,
	slideChars: 32 * 1024,
	delimiters: 1000,
	parseMs: 5000,
} as const;

const group = (n: number) => n.toLocaleString('en-US');

type Fence = {readonly mark: string; readonly length: number};

type Scan = {
	fence?: Fence | undefined;
	/** The line where the fence or HTML block being read opened. */
	openedAt?: number;
	/** In an HTML block: what ends it (a blank line, or a line that matches). */
	html?: RegExp | 'blank' | undefined;
	isFront: boolean;
	slides: number;
	delimiters: number;
};

/**
The starts of CommonMark's HTML blocks, each with what ends it: a comment, the raw-text elements, a
processing instruction, a declaration, CDATA, and any other tag (to a blank line). Taken wider than
CommonMark does (a tag that cannot interrupt a paragraph is taken for a block too): a piece is then
bigger, never cut inside a block.
*/
const htmlStarts: ReadonlyArray<readonly [RegExp, RegExp | 'blank']> = [
	[/^ {0,3}<!--/, /-->/],
	[/^ {0,3}<(?:script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
	[/^ {0,3}<\?/, /\?>/],
	[/^ {0,3}<!\[CDATA\[/, /\]\]>/],
	[/^ {0,3}<![A-Za-z]/, />/],
	[/^ {0,3}<\/?[A-Za-z]/, 'blank'],
];

const fenceOpen = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const fenceClose = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const pauseLine = /^ {0,3}<!--\s*pause\s*-->/i;
const pauseAt = /<!--\s*pause\s*-->/iy;

/** `<!-- pause -->` at `lead` (past a line's indent), ending on its line (`end`): read in the text, the line not cut out. */
function isPauseAt(text: string, lead: number, end: number): boolean {
	pauseAt.lastIndex = lead;
	return pauseAt.test(text) && pauseAt.lastIndex <= end;
}

/** How deep a line's leading `>` and list markers nest it: markers, plus two columns of indent a level before one. */
export function nestingOf(line: string): number {
	let markers = 0;
	let spaces = 0;
	let at = 0;
	for (;;) {
		const rest = line.slice(at, at + 12);
		const blank = /^[ \t]+/.exec(rest);
		if (blank) {
			spaces += blank[0].replaceAll('\t', '    ').length;
			at += blank[0].length;
			continue;
		}

		const marker = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/.exec(rest);
		if (!marker) {
			break;
		}

		markers++;
		at += marker[0].length;
	}

	return markers === 0 ? 0 : markers + Math.floor(spaces / 2);
}

/** Updates the fence, comment and front-matter state for one line; true when the line is Markdown outside them. */
function track(line: string, index: number, scan: Scan): boolean {
	if (scan.isFront) {
		// Closed, as micromark's front matter is, by the line its fence opened it with.
		if (index > 0 && /^---[ \t]*$/.test(line)) {
			scan.isFront = false;
		}

		return false;
	}

	if (scan.fence) {
		const close = fenceClose.exec(line);
		if (close?.[1]?.startsWith(scan.fence.mark) && close[1].length >= scan.fence.length) {
			scan.fence = undefined;
		}

		return false;
	}

	if (scan.html) {
		scan.html = scan.html === 'blank' ? (/^[ \t]*$/.test(line) ? undefined : 'blank') : scan.html.test(line) ? undefined : scan.html;
		return false;
	}

	let leadAt = 0;
	while (leadAt < 3 && line.charCodeAt(leadAt) === 32) {
		leadAt++;
	}

	const lead = line[leadAt];
	if (lead !== '`' && lead !== '~' && lead !== '<') {
		return true;
	}

	if (line.startsWith('<!--', leadAt)) {
		// A comment (the first of htmlStarts, the most common line of all these): it ends on this line, or at a line with `-->`.
		scan.html = line.includes('-->', leadAt + 4) ? undefined : htmlStarts[0]![1];
		return true;
	}

	const open = fenceOpen.exec(line);
	if (open?.[1] && !(open[1].startsWith('`') && open[2]?.includes('`'))) {
		scan.fence = {mark: open[1][0]!, length: open[1].length};
		scan.openedAt = index + 1;
		return false;
	}

	const html = htmlStarts.find(([start]) => start.test(line));
	if (html) {
		const [start, end] = html;
		const rest = line.slice(start.exec(line)![0].length);
		scan.html = end === 'blank' || !end.test(rest) ? end : undefined;
		scan.openedAt = index + 1;
	}

	return true;
}

/** A code block or comment still open at the deck's end (so the last piece runs to it), told at the line that opens it. */
function neverClosed(scan: Scan): MarkdownDeckError | undefined {
	const at = {line: scan.openedAt ?? 1, column: 1};
	if (scan.fence) {
		return new MarkdownDeckError('This code block is never closed, so everything after it to the end of the file is code, later slides too: close it with a line of the ``` or ~~~ that opens it.', at);
	}

	return scan.html === undefined || scan.html === 'blank' ? undefined : new MarkdownDeckError('This comment is never closed, so the rest of the deck is read as part of it: end it with -->.', at);
}

function tooBig(piece: Piece): MarkdownDeckError {
	return new MarkdownDeckError(
		`This slide has ${group(piece.text.length)} characters of Markdown; a slide holds at most ${group(deckLimits.slideChars)} (split it).`,
		{line: piece.line, column: 1},
	);
}

/** The shape of the piece being scanned (see `readShape`). */
type Shape = {steps: number; mayHoldHeading: boolean; wasQuote: boolean; wasBlank: boolean};

const isAsciiLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
Whether a line (`at` to `end` in `text`) may change or be in a fence, an HTML block or the front matter:
in one of them, or starting (after up to three spaces) with a backquote, a tilde or a `<`. Any other line
is Markdown outside them and is scanned without being cut out of the text.
*/
function isTracked(text: string, at: number, end: number, scan: Scan): boolean {
	if (scan.isFront || scan.fence !== undefined || scan.html !== undefined) {
		return true;
	}

	let lead = at;
	while (lead < end && lead < at + 3 && text.charCodeAt(lead) === 32) {
		lead++;
	}

	const code = text.charCodeAt(lead);
	return lead < end && (code === 96 || code === 126 || code === 60);
}

/** `^ {0,3}` then `#` or `##` then a space, a tab or the line's end (`margin`: no spaces allowed before). */
function isHeadingLine(text: string, at: number, end: number, margin: 0 | 3): boolean {
	let p = at;
	while (p < end && p < at + margin && text.charCodeAt(p) === 32) {
		p++;
	}

	let hashes = 0;
	while (p < end && hashes < 3 && text.charCodeAt(p) === 35) {
		p++;
		hashes++;
	}

	const after = text.charCodeAt(p);
	return (hashes === 1 || hashes === 2) && (p === end || after === 32 || after === 9);
}

/** `^ {0,3}##` then a space, a tab or the line's end: a slide's title line. */
function isSlideLine(text: string, at: number, end: number): boolean {
	let p = at;
	while (p < end && p < at + 3 && text.charCodeAt(p) === 32) {
		p++;
	}

	const after = text.charCodeAt(p + 2);
	return text.charCodeAt(p) === 35 && text.charCodeAt(p + 1) === 35 && p + 2 <= end && (p + 2 === end || after === 32 || after === 9);
}

/**
How many leading characters (up to 9) could be a list or quote marker or indent: fewer than 9 and the line
cannot nest past the limit (a marker is at least one character and counts one level; a tab, four columns,
counts two), so `nestingOf` is asked only of a line with more.
*/
function mayNestDeep(text: string, at: number, end: number): boolean {
	let p = at;
	for (; p < end && p < at + 9; p++) {
		const code = text.charCodeAt(p);
		// Space, tab, >, *, +, -, ., ), digits.
		if (!(code === 32 || code === 9 || code === 62 || code === 42 || code === 43 || code === 45 || code === 46 || code === 41 || (code >= 48 && code <= 57))) {
			return false;
		}
	}

	return p === at + 9;
}

/** The deck's text (without a byte order mark) cut into pieces, each starting at a `#` or `##` line; throws at a limit. */
export function splitDeck(text: string): Piece[] {
	const pieces: Piece[] = [];
	const scan: Scan = {isFront: /^---[ \t]*\r?(?:\n|$)/.test(text), slides: 0, delimiters: 0};
	let start = 0;
	let startLine = 1;
	const shape: Shape = {steps: 0, mayHoldHeading: false, wasQuote: false, wasBlank: true};
	const close = (end: number) => {
		const piece = {text: text.slice(start, end), line: startLine, offset: start, steps: shape.steps, mayHoldHeading: shape.mayHoldHeading};
		if (piece.text.length > deckLimits.slideChars) {
			throw end === text.length ? (neverClosed(scan) ?? tooBig(piece)) : tooBig(piece);
		}

		pieces.push(piece);
	};

	// The marks are found by one search of the text, not one a line.
	const marks = /[*_~]/g;
	const markFrom = (from: number) => {
		marks.lastIndex = from;
		return marks.exec(text)?.index ?? Number.POSITIVE_INFINITY;
	};

	let mark = markFrom(0);
	let number = 1;
	for (let at = 0; at <= text.length; number++) {
		const next = text.indexOf('\n', at);
		const end = next === -1 ? text.length : next;
		const lineEnd = end > at && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
		const first = text.charCodeAt(at);
		const isQuiet = scan.fence === undefined && scan.html === undefined && !scan.isFront;
		if (isQuiet && (at === lineEnd || isAsciiLetter(first) || quickLine(text, at, lineEnd, first, scan, at > start ? shape : undefined))) {
			// Most lines: a blank one, one that starts with a letter (read here), a bullet or a comment (quickLine), outside a
			// fence, a comment and the front matter. Such a line cuts nothing, nests nothing: its length and marks are counted.
			if (at > start && (at === lineEnd || isAsciiLetter(first))) {
				shape.wasQuote = false;
				shape.wasBlank = at === lineEnd;
			}

			checkLength(at, lineEnd, number);
			if (mark < lineEnd) {
				countMarks(text, at, lineEnd, number, scan, mark);
			}
		} else {
			// One that a fence, a comment or the front matter may hold is cut out of the text and tracked.
			const line = isTracked(text, at, lineEnd, scan) ? text.slice(at, lineEnd) : undefined;
			const isMarkdown = line === undefined || track(line, number - 1, scan);
			if (isMarkdown && at > start && isHeadingLine(text, at, lineEnd, 0)) {
				close(at);
				start = at;
				startLine = number;
				scan.delimiters = 0;
				shape.steps = 0;
				shape.mayHoldHeading = false;
				shape.wasQuote = false;
				shape.wasBlank = true;
			} else if (at > start) {
				readShape(text, at, lineEnd, shape);
			}

			checkLine(text, at, lineEnd, number, scan, isMarkdown, mark);
		}

		if (mark < end) {
			mark = markFrom(end);
		}

		if (next === -1) {
			break;
		}

		at = next + 1;
	}

	close(text.length);
	return pieces;
}

function checkLength(at: number, end: number, number: number): void {
	if (end - at > deckLimits.lineChars) {
		throw new MarkdownDeckError(
			`This line has ${group(end - at)} characters; a deck's lines hold at most ${group(deckLimits.lineChars)} (break it into lines).`,
			{line: number, column: deckLimits.lineChars + 1},
		);
	}
}

/**
A bullet of words (`- Word`, `* Word`, `+ Word`) or a comment line at the left margin, outside a fence,
a comment and the front matter: its part in the piece's shape (`shape`, unless it is the piece's first
line) and in the scan's state, at a glance. False for any other line (nothing changed then).
*/
function quickLine(text: string, at: number, end: number, first: number, scan: Scan, shape: Shape | undefined): boolean {
	if ((first === 45 || first === 42 || first === 43) && text.charCodeAt(at + 1) === 32 && at + 2 < end && isAsciiLetter(text.charCodeAt(at + 2))) {
		// A list item's step; no quote, no heading (not a setext underline: words follow), not blank.
		if (shape) {
			shape.steps++;
			shape.wasQuote = false;
			shape.wasBlank = false;
		}

		return true;
	}

	if (first !== 60 || !text.startsWith('<!--', at)) {
		return false;
	}

	// A comment, as `track` reads it: it ends on this line, or at a line with `-->`.
	const close = text.indexOf('-->', at + 4);
	scan.html = close !== -1 && close + 3 <= end ? undefined : htmlStarts[0]![1];
	if (shape) {
		shape.steps += isPauseAt(text, at, end) ? 2 : 0;
		shape.wasQuote = false;
		shape.wasBlank = false;
	}

	return true;
}

/** `mark`: where the next `*`, `_` or `~` in the text is (found for the whole text at once). */
function countMarks(text: string, at: number, end: number, number: number, scan: Scan, mark: number): void {
	for (let p = mark; p < end; p++) {
		const code = text.charCodeAt(p);
		if ((code === 42 || code === 95 || code === 126) && ++scan.delimiters > deckLimits.delimiters) {
			throw new MarkdownDeckError(`A slide holds at most ${group(deckLimits.delimiters)} *, _ and ~ marks.`, {line: number, column: p - at + 1});
		}
	}
}

/** A line's limits: its length, and when it is Markdown (not in a fence, a comment or the front matter), its nesting, the slides and the marks. */
function checkLine(text: string, at: number, end: number, number: number, scan: Scan, isMarkdown: boolean, mark: number): void {
	checkLength(at, end, number);
	if (!isMarkdown) {
		return;
	}

	if (mayNestDeep(text, at, end) && nestingOf(text.slice(at, end)) > deckLimits.depth) {
		throw new MarkdownDeckError(`Lists and quotes nest at most ${deckLimits.depth} levels deep (a slide's lists and quotes do not nest).`, {line: number, column: 1});
	}

	if (isSlideLine(text, at, end) && ++scan.slides > deckLimits.slides) {
		throw new MarkdownDeckError(`A deck holds at most ${group(deckLimits.slides)} slides (split it into several decks).`, {line: number, column: 1});
	}

	countMarks(text, at, end, number, scan, mark);
}

/** `^[ \t>]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)`: a line that starts a list item (in quotes, maybe). */
function isListItem(text: string, at: number, end: number): boolean {
	let p = at;
	for (let code = text.charCodeAt(p); p < end && (code === 32 || code === 9 || code === 62); code = text.charCodeAt(++p)) {
		// Past the indent and the quotes' marks.
	}

	const code = text.charCodeAt(p);
	if (p < end && (code === 45 || code === 42 || code === 43)) {
		p++;
	} else {
		const digits = p;
		while (p < end && p - digits < 10 && text.charCodeAt(p) >= 48 && text.charCodeAt(p) <= 57) {
			p++;
		}

		const close = text.charCodeAt(p);
		if (p === digits || p - digits > 9 || p >= end || (close !== 46 && close !== 41)) {
			return false;
		}

		p++;
	}

	const after = text.charCodeAt(p);
	return p === end || after === 32 || after === 9;
}

/** `^ {0,3}(?:=+|-+)[ \t]*$`: a line that underlines the text before it into a heading. */
function isSetextUnderline(text: string, at: number, end: number): boolean {
	let p = at;
	while (p < end && p < at + 3 && text.charCodeAt(p) === 32) {
		p++;
	}

	const mark = text.charCodeAt(p);
	if (p >= end || (mark !== 61 && mark !== 45)) {
		return false;
	}

	while (p < end && text.charCodeAt(p) === mark) {
		p++;
	}

	while (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) {
		p++;
	}

	return p === end;
}

/** One line's part in its piece's shape: a reveal step it may start, a heading it may make. */
function readShape(text: string, at: number, end: number, shape: Shape): void {
	const code = at < end ? text.charCodeAt(at) : 32;
	if (isAsciiLetter(code)) {
		shape.wasQuote = false;
		shape.wasBlank = false;
		return;
	}

	let lead = at;
	while (lead < end && lead < at + 3 && text.charCodeAt(lead) === 32) {
		lead++;
	}

	const isQuote = lead < end && text.charCodeAt(lead) === 62;
	const isPause = lead < end && text.charCodeAt(lead) === 60 && isPauseAt(text, lead, end);
	if ((isQuote && !shape.wasQuote) || isPause || isListItem(text, at, end)) {
		shape.steps += isPause ? 2 : 1;
	}

	if (isHeadingLine(text, at, end, 3) || (!shape.wasBlank && isSetextUnderline(text, at, end))) {
		shape.mayHoldHeading = true;
	}

	shape.wasQuote = isQuote;
	// Printable ASCII is not white space; anything else is asked of the line.
	shape.wasBlank = at === end || ((code <= 32 || code >= 127) && !/\S/.test(text.slice(at, end)));
}

/**
At least as many reveal steps as a piece's slide can have, from its lines alone: a step is a list item,
a quote or a pause, and each starts on a line with a list marker, on the first line of a run of `>`
lines, or on a `<!-- pause -->` line (two steps at most: see the pause block).
*/
export function stepsAtMost(text: string): number {
	let steps = 0;
	let wasQuote = false;
	for (const line of text.split('\n')) {
		const isQuote = /^ {0,3}>/.test(line);
		if ((isQuote && !wasQuote) || /^[ \t>]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.test(line) || pauseLine.test(line)) {
			steps += pauseLine.test(line) ? 2 : 1;
		}

		wasQuote = isQuote;
	}

	return steps;
}
