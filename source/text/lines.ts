import type {Role} from './theme.js';
import {indentLines as indented, textWidth} from './wrap.js';

/**
Styled lines, the unit every screen is made of: segments of text in a role (the theme gives a role
its colours), measured, read and indented here; wrap.ts has the helpers for plain text.
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
	return indented(lines, seg(' '.repeat(margin), 'body'));
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
