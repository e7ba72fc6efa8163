import {packWords} from '../text/wrap.js';

/**
Big letters for slide titles on a projector-sized terminal: a 3x5 pixel font drawn with half blocks,
so each letter is three rows tall and about four columns wide. Pure; the frame decides when a title
is drawn this way (screen.ts).
*/
const glyphs: Readonly<Record<string, readonly string[]>> = {
	A: ['.#.', '#.#', '###', '#.#', '#.#'],
	B: ['##.', '#.#', '##.', '#.#', '##.'],
	C: ['.##', '#..', '#..', '#..', '.##'],
	D: ['##.', '#.#', '#.#', '#.#', '##.'],
	E: ['###', '#..', '##.', '#..', '###'],
	F: ['###', '#..', '##.', '#..', '#..'],
	G: ['.##', '#..', '#.#', '#.#', '.##'],
	H: ['#.#', '#.#', '###', '#.#', '#.#'],
	I: ['###', '.#.', '.#.', '.#.', '###'],
	J: ['..#', '..#', '..#', '#.#', '.#.'],
	K: ['#.#', '#.#', '##.', '#.#', '#.#'],
	L: ['#..', '#..', '#..', '#..', '###'],
	M: ['#...#', '##.##', '#.#.#', '#...#', '#...#'],
	N: ['#..#', '##.#', '#.##', '#..#', '#..#'],
	O: ['.#.', '#.#', '#.#', '#.#', '.#.'],
	P: ['##.', '#.#', '##.', '#..', '#..'],
	Q: ['.#.', '#.#', '#.#', '##.', '.##'],
	R: ['##.', '#.#', '##.', '#.#', '#.#'],
	S: ['.##', '#..', '.#.', '..#', '##.'],
	T: ['###', '.#.', '.#.', '.#.', '.#.'],
	U: ['#.#', '#.#', '#.#', '#.#', '###'],
	V: ['#.#', '#.#', '#.#', '#.#', '.#.'],
	W: ['#...#', '#...#', '#.#.#', '##.##', '#...#'],
	X: ['#.#', '#.#', '.#.', '#.#', '#.#'],
	Y: ['#.#', '#.#', '.#.', '.#.', '.#.'],
	Z: ['###', '..#', '.#.', '#..', '###'],
	'0': ['###', '#.#', '#.#', '#.#', '###'],
	'1': ['.#.', '##.', '.#.', '.#.', '###'],
	'2': ['##.', '..#', '.#.', '#..', '###'],
	'3': ['##.', '..#', '.#.', '..#', '##.'],
	'4': ['#.#', '#.#', '###', '..#', '..#'],
	'5': ['###', '#..', '##.', '..#', '##.'],
	'6': ['.##', '#..', '###', '#.#', '###'],
	'7': ['###', '..#', '.#.', '.#.', '.#.'],
	'8': ['###', '#.#', '###', '#.#', '###'],
	'9': ['###', '#.#', '###', '..#', '##.'],
	' ': ['.', '.', '.', '.', '.'],
	'.': ['.', '.', '.', '.', '#'],
	',': ['.', '.', '.', '#', '#'],
	':': ['.', '#', '.', '#', '.'],
	';': ['.', '#', '.', '#', '#'],
	"'": ['#', '#', '.', '.', '.'],
	'"': ['#.#', '#.#', '...', '...', '...'],
	'?': ['##.', '..#', '.#.', '...', '.#.'],
	'!': ['#', '#', '#', '.', '#'],
	'-': ['...', '...', '###', '...', '...'],
	'—': ['....', '....', '####', '....', '....'],
	'%': ['#.#', '..#', '.#.', '#..', '#.#'],
	'&': ['.#.', '#.#', '.#.', '#.#', '.##'],
	'(': ['.#', '#.', '#.', '#.', '.#'],
	')': ['#.', '.#', '.#', '.#', '#.'],
	'/': ['..#', '..#', '.#.', '#..', '#..'],
	'$': ['.##', '##.', '.#.', '.##', '##.'],
	// Three dots: a title cut short (a starter deck's) must not read as ended with a full stop.
	'…': ['.....', '.....', '.....', '.....', '#.#.#'],
};

const aliases: Readonly<Record<string, string>> = {
	'’': "'",
	'‘': "'",
	'“': '"',
	'”': '"',
	'«': '"',
	'»': '"',
	'„': '"',
	'‚': "'",
	'‹': "'",
	'›': "'",
	'\u00A0': ' ',
	'–': '-',
};

function glyph(char: string): readonly string[] | undefined {
	const upper = (aliases[char] ?? char).toUpperCase();
	return glyphs[upper];
}

/** Whether every character of the text has a big glyph. */
export function canDrawBig(text: string): boolean {
	return [...text].every(char => glyph(char) !== undefined);
}

/** Columns the text takes in big letters (one column between letters). */
export function bigWidth(text: string): number {
	const chars = [...text];
	return chars.reduce((sum, char) => sum + (glyph(char)?.[0]?.length ?? 0), 0) + Math.max(0, chars.length - 1);
}

function half(top: boolean, bottom: boolean): string {
	if (top && bottom) {
		return '█';
	}

	if (top) {
		return '▀';
	}

	return bottom ? '▄' : ' ';
}

/** One line of text as three rows of half blocks. */
export function drawBig(text: string): string[] {
	const pixelRows: string[] = ['', '', '', '', ''];
	const chars = [...text];
	for (const [index, char] of chars.entries()) {
		const shape = glyph(char) ?? glyph('?')!;
		for (let row = 0; row < 5; row++) {
			pixelRows[row] += (shape[row] ?? '') + (index < chars.length - 1 ? '.' : '');
		}
	}

	const rows: string[] = [];
	for (let row = 0; row < 5; row += 2) {
		const top = pixelRows[row] ?? '';
		const bottom = pixelRows[row + 1] ?? '';
		let line = '';
		for (let column = 0; column < top.length; column++) {
			line += half(top[column] === '#', bottom[column] === '#');
		}

		rows.push(line.trimEnd());
	}

	return rows;
}

/** Words packed into lines no wider than `width` in big letters; undefined if a word is too wide. */
export function wrapBig(text: string, width: number): string[] | undefined {
	const words = text.split(/\s+/).filter(Boolean);
	return words.every(word => bigWidth(word) <= width) ? packWords(words, width, bigWidth) : undefined;
}
