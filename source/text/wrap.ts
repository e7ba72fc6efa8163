import {cellWidth, cutCells, graphemes, isNarrowText} from './cells.js';

/**
The text helpers every layer uses: word wrapping, cutting to a width, indenting. A width here is
counted in terminal cells (cells.ts): a Chinese character or an emoji takes two, a combining accent
none, and a character two cells wide is never cut in half.
*/

/** Display width: the columns `text` takes on a terminal (cells.ts). */
export function textWidth(text: string): number {
	return cellWidth(text);
}

export type WrapOptions = {
	/**
	Whether a word longer than a line is broken across lines, and East Asian text between its characters
	(by default), or lines break only at whitespace, so that joining them with spaces gives the words back
	(a word wider than a line then stands whole on its own line).
	*/
	readonly breakLongWords?: boolean;
};

/**
Words packed greedily into lines no wider than `width` as `measure` counts (columns by default), a
space between two words; a word is never broken, so one wider than a line stands on a line of its own.
*/
export function packWords(words: readonly string[], width: number, measure: (text: string) => number = textWidth): string[] {
	const lines: string[] = [];
	let current: string | undefined;
	for (const word of words) {
		if (current === undefined) {
			current = word;
		} else if (measure(`${current} ${word}`) <= width) {
			current = `${current} ${word}`;
		} else {
			lines.push(current);
			current = word;
		}
	}

	return current === undefined ? lines : [...lines, current];
}

/** A piece of a line: text, its width, and whether it follows the piece before it with no space (a break inside a word). */
type Piece = {readonly text: string; readonly width: number; readonly joined: boolean};

/** Wide characters a line may not start with (closing marks, small kana, the prolonged sound mark): no break before them. */
const noBreakBefore = /^[、。，．・：；？！）」』】〕〉》］｝～ー…ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ〜゛゜]/;
/** Wide characters a line may not end with (opening marks): no break after them. */
const noBreakAfter = /[（「『【〔〈《［｛]$/;

/**
A word as pieces a line may break between: East Asian text breaks between any two characters where
one is wide (Chinese and Japanese put no spaces between words), but not before a closing mark or
after an opening one. A word of narrow characters is one piece.
*/
function wordPieces(word: string): Piece[] {
	if (isNarrowText(word)) {
		return [{text: word, width: word.length, joined: false}];
	}

	const pieces: Array<{text: string; width: number; joined: boolean}> = [];
	let previous: {text: string; width: number} | undefined;
	for (const grapheme of graphemes(word)) {
		const last = pieces.at(-1);
		const breaks = last !== undefined && previous !== undefined && (grapheme.width === 2 || previous.width === 2) && !noBreakBefore.test(grapheme.text) && !noBreakAfter.test(last.text);
		if (last === undefined || breaks) {
			pieces.push({text: grapheme.text, width: grapheme.width, joined: last !== undefined});
		} else {
			last.text += grapheme.text;
			last.width += grapheme.width;
		}

		previous = grapheme;
	}

	return pieces;
}

/** A piece wider than `limit` cut into pieces of at most `limit` columns (a wide character stays whole). */
function cutPiece(piece: Piece, limit: number): Piece[] {
	if (piece.width <= limit) {
		return [piece];
	}

	const parts: Piece[] = [];
	let rest = piece.text;
	while (rest) {
		const cut = cutCells(rest, limit);
		// A single grapheme wider than the line (a wide character on a one-column line) stands alone.
		const taken = cut.text || graphemes(rest)[0]!.text;
		const width = cut.text ? cut.width : cellWidth(taken);
		parts.push({text: taken, width, joined: parts.length > 0 || piece.joined});
		rest = rest.slice(taken.length);
	}

	return parts;
}

/** Pieces packed greedily into lines of at most `limit` columns: a space before a piece that starts a word, none inside one. */
function packPieces(pieces: readonly Piece[], limit: number): string[] {
	const lines: string[] = [];
	let current: string | undefined;
	let used = 0;
	for (const piece of pieces) {
		const gap = piece.joined ? 0 : 1;
		if (current !== undefined && used + gap + piece.width <= limit) {
			current += (gap ? ' ' : '') + piece.text;
			used += gap + piece.width;
		} else {
			if (current !== undefined) {
				lines.push(current);
			}

			current = piece.text;
			used = piece.width;
		}
	}

	return current === undefined ? lines : [...lines, current];
}

/**
Word-wraps text to `width` columns at whitespace but the no-break spaces (U+00A0, U+2007, U+202F:
`« mot »`, `10 000` stay on one line), and between East Asian characters; a word longer than a line
is broken (a wide character kept whole) unless told otherwise (WrapOptions).
*/
export function wrap(text: string, width: number, {breakLongWords = true}: WrapOptions = {}): string[] {
	const limit = Math.max(1, width);
	const words = text.split(/[^\S\u00A0\u2007\u202F]+/).filter(Boolean);
	const lines = breakLongWords
		? packPieces(words.flatMap(word => wordPieces(word).flatMap(piece => cutPiece(piece, limit))), limit)
		: packWords(words, limit);
	return lines.length > 0 ? lines : [''];
}

/** Text cut to `width` columns, with an ellipsis where it was cut (a wide character never cut in half). */
export function fit(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}

	return cellWidth(text) <= width ? text : cutCells(text, width - 1).text + '…';
}

/** Text padded with spaces to `width` columns (text as wide or wider is left as it is). */
export function padCells(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - cellWidth(text)));
}

type Pad<Line> = Line extends string ? string : Line extends ReadonlyArray<infer Item> ? Item : never;

/** Lines moved right by `pad` (empty lines stay empty): a line is a string, or a list of segments and `pad` one segment. */
export function indentLines<Line extends string | readonly unknown[]>(lines: readonly Line[], pad: Pad<Line>): Line[] {
	return lines.map(line => (line.length === 0 ? line : ((typeof line === 'string' ? `${pad as string}${line}` : [pad, ...line]) as Line)));
}
