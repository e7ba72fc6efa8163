/**
The text helpers every layer uses: word wrapping, cutting to a width, indenting. A width here is
counted in characters, each one terminal cell (a test holds the built-in deck to that).
*/

/** Display width: the deck is written in characters one cell wide (a test checks that). */
export function textWidth(text: string): number {
	let width = 0;
	for (const _ of text) {
		width++;
	}

	return width;
}

export type WrapOptions = {
	/** Whether a word longer than a line is broken across lines (by default) or stands whole on its own line. */
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

/** A word cut into pieces of `limit` characters. */
function pieces(word: string, limit: number): string[] {
	const chars = [...word];
	return chars.length <= limit ? [word] : Array.from({length: Math.ceil(chars.length / limit)}, (_, index) => chars.slice(index * limit, (index + 1) * limit).join(''));
}

/** Word-wraps text to `width` columns at whitespace; a word longer than a line is broken unless told otherwise. */
export function wrap(text: string, width: number, {breakLongWords = true}: WrapOptions = {}): string[] {
	const limit = Math.max(1, width);
	const words = text.split(/\s+/).filter(Boolean);
	const lines = packWords(breakLongWords ? words.flatMap(word => (textWidth(word) > limit ? pieces(word, limit) : [word])) : words, limit);
	return lines.length > 0 ? lines : [''];
}

/** Text cut to `width` columns, with an ellipsis where it was cut. */
export function fit(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}

	const chars = [...text];
	return chars.length <= width ? text : chars.slice(0, width - 1).join('') + '…';
}

type Pad<Line> = Line extends string ? string : Line extends ReadonlyArray<infer Item> ? Item : never;

/** Lines moved right by `pad` (empty lines stay empty): a line is a string, or a list of segments and `pad` one segment. */
export function indentLines<Line extends string | readonly unknown[]>(lines: readonly Line[], pad: Pad<Line>): Line[] {
	return lines.map(line => (line.length === 0 ? line : ((typeof line === 'string' ? `${pad as string}${line}` : [pad, ...line]) as Line)));
}
