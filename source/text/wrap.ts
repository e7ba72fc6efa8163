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

/** Word-wraps text to `width` columns at whitespace; a word longer than a line is broken unless told otherwise. */
export function wrap(text: string, width: number, {breakLongWords = true}: WrapOptions = {}): string[] {
	const limit = Math.max(1, width);
	const lines: string[] = [];
	let current = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		let rest = word;
		while (breakLongWords && textWidth(rest) > limit) {
			if (current) {
				lines.push(current);
				current = '';
			}

			const chars = [...rest];
			lines.push(chars.slice(0, limit).join(''));
			rest = chars.slice(limit).join('');
		}

		if (!rest) {
			continue;
		}

		if (!current) {
			current = rest;
		} else if (textWidth(current) + 1 + textWidth(rest) <= limit) {
			current += ' ' + rest;
		} else {
			lines.push(current);
			current = rest;
		}
	}

	if (current) {
		lines.push(current);
	}

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
