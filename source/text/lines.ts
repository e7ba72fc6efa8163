import type {Role} from './theme.js';

/**
Styled lines, the unit every screen and text output is made of: segments of text in a role (the
theme gives a role its colours), and the text helpers that measure, wrap, fit and indent them. Widths
count characters: the deck is written in characters one cell wide (a test checks that).
*/
export type Segment = {
	readonly text: string;
	readonly role: Role;
	/** Set on what Ink drew (a component in a slide body): the SGR parameters it drew the text with. */
	readonly sgr?: string;
};
export type Line = readonly Segment[];

/** A segment: text in a role. */
export function seg(text: string, role: Role): Segment {
	return {text, role};
}

/** Lines moved right by `margin` columns (empty lines stay empty). */
export function indentLines(lines: readonly Line[], margin: number): Line[] {
	const pad = seg(' '.repeat(margin), 'body');
	return lines.map(line => (line.length === 0 ? line : [pad, ...line]));
}

/** Display width: the deck is written in characters one cell wide (a test checks that). */
export function textWidth(text: string): number {
	let width = 0;
	for (const _ of text) {
		width++;
	}

	return width;
}

export function lineWidth(line: Line): number {
	let width = 0;
	for (const segment of line) {
		width += textWidth(segment.text);
	}

	return width;
}

export function lineText(line: Line): string {
	return line.map(segment => segment.text).join('');
}

/** Word-wraps text to `width` columns; a word longer than a line is broken. */
export function wrap(text: string, width: number): string[] {
	const limit = Math.max(1, width);
	const lines: string[] = [];
	let current = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		let rest = word;
		while (textWidth(rest) > limit) {
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
	return chars.length <= width ? text : chars.slice(0, Math.max(0, width - 1)).join('') + '…';
}
