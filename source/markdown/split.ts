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
const cut = /^#{1,2}(?:[ \t]|$)/;
const slideLine = /^ {0,3}##(?:[ \t]|$)/;
const pauseLine = /^ {0,3}<!--\s*pause\s*-->/i;

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

	const lead = line[/^ {0,3}/.exec(line)![0].length];
	if (lead !== '`' && lead !== '~' && lead !== '<') {
		return true;
	}

	const open = fenceOpen.exec(line);
	if (open?.[1] && !(open[1].startsWith('`') && open[2]?.includes('`'))) {
		scan.fence = {mark: open[1][0]!, length: open[1].length};
		return false;
	}

	const html = htmlStarts.find(([start]) => start.test(line));
	if (html) {
		const [start, end] = html;
		const rest = line.slice(start.exec(line)![0].length);
		scan.html = end === 'blank' || !end.test(rest) ? end : undefined;
	}

	return true;
}

/** `firstMark`: where the line's first `*`, `_` or `~` is (found for the whole text at once), or -1. */
function checkLine(line: string, number: number, scan: Scan, isMarkdown: boolean, firstMark: number): void {
	if (line.length > deckLimits.lineChars) {
		throw new MarkdownDeckError(
			`This line has ${group(line.length)} characters; a deck's lines hold at most ${group(deckLimits.lineChars)} (break it into lines).`,
			{line: number, column: deckLimits.lineChars + 1},
		);
	}

	if (!isMarkdown) {
		return;
	}

	if (/^[ \t]*[>*+\-\d]/.test(line) && nestingOf(line) > deckLimits.depth) {
		throw new MarkdownDeckError(`Lists and quotes nest at most ${deckLimits.depth} levels deep (a slide's lists and quotes do not nest).`, {line: number, column: 1});
	}

	if (slideLine.test(line) && ++scan.slides > deckLimits.slides) {
		throw new MarkdownDeckError(`A deck holds at most ${group(deckLimits.slides)} slides (split it into several decks).`, {line: number, column: 1});
	}

	for (let at = firstMark; at >= 0 && at < line.length; at++) {
		const code = line.codePointAt(at);
		if ((code === 42 || code === 95 || code === 126) && ++scan.delimiters > deckLimits.delimiters) {
			throw new MarkdownDeckError(`A slide holds at most ${group(deckLimits.delimiters)} *, _ and ~ marks.`, {line: number, column: at + 1});
		}
	}
}

function tooBig(piece: Piece): MarkdownDeckError {
	return new MarkdownDeckError(
		`This slide has ${group(piece.text.length)} characters of Markdown; a slide holds at most ${group(deckLimits.slideChars)} (split it).`,
		{line: piece.line, column: 1},
	);
}

/** The deck's text (without a byte order mark) cut into pieces, each starting at a `#` or `##` line; throws at a limit. */
export function splitDeck(text: string): Piece[] {
	const pieces: Piece[] = [];
	const scan: Scan = {isFront: /^---[ \t]*\r?(?:\n|$)/.test(text), slides: 0, delimiters: 0};
	let start = 0;
	let startLine = 1;
	const shape = {steps: 0, mayHoldHeading: false, wasQuote: false, wasBlank: true};
	const close = (end: number) => {
		const piece = {text: text.slice(start, end), line: startLine, offset: start, steps: shape.steps, mayHoldHeading: shape.mayHoldHeading};
		if (piece.text.length > deckLimits.slideChars) {
			throw tooBig(piece);
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
		const line = text.slice(at, end > at && text[end - 1] === '\r' ? end - 1 : end);
		const isMarkdown = track(line, number - 1, scan);
		if (isMarkdown && cut.test(line) && at > start) {
			close(at);
			start = at;
			startLine = number;
			scan.delimiters = 0;
			Object.assign(shape, {steps: 0, mayHoldHeading: false, wasQuote: false, wasBlank: true});
		} else if (at > start) {
			readShape(line, shape);
		}

		checkLine(line, number, scan, isMarkdown, mark < at + line.length ? mark - at : -1);
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

/** One line's part in its piece's shape: a reveal step it may start, a heading it may make. */
function readShape(line: string, shape: {steps: number; mayHoldHeading: boolean; wasQuote: boolean; wasBlank: boolean}): void {
	const code = line.codePointAt(0) ?? 32;
	const isLetter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
	const isQuote = !isLetter && /^ {0,3}>/.test(line);
	if (!isLetter && ((isQuote && !shape.wasQuote) || /^[ \t>]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.test(line) || pauseLine.test(line))) {
		shape.steps += pauseLine.test(line) ? 2 : 1;
	}

	if (!isLetter && (/^ {0,3}#{1,2}(?:[ \t]|$)/.test(line) || (!shape.wasBlank && /^ {0,3}(?:=+|-+)[ \t]*$/.test(line)))) {
		shape.mayHoldHeading = true;
	}

	shape.wasQuote = isQuote;
	shape.wasBlank = !/\S/.test(line);
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
