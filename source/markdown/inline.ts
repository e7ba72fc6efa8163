import type {Nodes, PhrasingContent, RootContent} from 'mdast';
import {codeSpan} from '../text/code-spans.js';

/**
Inline Markdown read as plain slide text: emphasis, links and code give their words; soft line
breaks and runs of spaces become one space. Control characters from the file are made visible
(U+2400 pictures), so no byte of the file reaches a terminal as an escape.
*/
export type Position = {readonly line: number; readonly column: number};

export class MarkdownDeckError extends Error {
	override name = 'MarkdownDeckError';

	constructor(
		readonly problem: string,
		readonly at: Position,
	) {
		super(problem);
	}
}

const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
Characters that change the order or joins of the text around them without showing: the bidirectional
controls (embeddings, overrides, isolates, the marks) and the zero-width ones. From a deck they could
make a line read other than it is, so each is shown as a mark, its short name in brackets (`[RLO]`
for U+202E, the right-to-left override): letters, not its number, which the checker would take for
one of the deck's numbers. A zero-width joiner between two emoji (👩‍💻, one picture) is left alone:
that is what it is for.
*/
export const hiddenMarks: Readonly<Record<string, string>> = {
	'\u061C': 'ALM',
	'\u200B': 'ZWSP',
	'\u200C': 'ZWNJ',
	'\u200D': 'ZWJ',
	'\u200E': 'LRM',
	'\u200F': 'RLM',
	'\u202A': 'LRE',
	'\u202B': 'RLE',
	'\u202C': 'PDF',
	'\u202D': 'LRO',
	'\u202E': 'RLO',
	'\u2060': 'WJ',
	'\u2066': 'LRI',
	'\u2067': 'RLI',
	'\u2068': 'FSI',
	'\u2069': 'PDI',
	'\uFEFF': 'ZWNBSP',
};

const hidden = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

const pictograph = /\p{Extended_Pictographic}/u;

/** Whether the joiner at `at` joins two emoji (a variation selector or skin tone may sit before it). */
function joinsEmoji(text: string, at: number): boolean {
	const before = [...text.slice(Math.max(0, at - 6), at).replaceAll(/\uFE0F|[\u{1F3FB}-\u{1F3FF}]/gu, '')].at(-1) ?? '';
	const after = [...text.slice(at + 1, at + 4)][0] ?? '';
	return pictograph.test(before) && pictograph.test(after);
}

/** The mark a hidden character is shown as, or the character itself (a joiner between emoji). */
function hiddenMark(character: string, at: number, text: string): string {
	return character === '\u200D' && joinsEmoji(text, at) ? character : `[${hiddenMarks[character] ?? 'HIDDEN'}]`;
}

/** The hidden characters a text holds (see `hidden`), each once, in order; a joiner between emoji is not one. */
export function hiddenCharacters(text: string): string[] {
	return [...new Set([...text.matchAll(hidden)].filter(match => hiddenMark(match[0], match.index, text) !== match[0]).map(match => match[0]))];
}

/**
Tabs and newlines become spaces; every other control character shows as its picture (␛ for ESC), and
every hidden character as its mark (`[RLO]`).
*/
export function visibleControls(text: string): string {
	return text.replaceAll(hidden, hiddenMark).replaceAll('\t', ' ').replaceAll(controls, character => {
		const code = character.codePointAt(0)!;
		if (code < 0x20) {
			return String.fromCodePoint(0x24_00 + code);
		}

		return code === 0x7F ? '\u2421' : '\uFFFD';
	});
}

export function squashSpaces(text: string): string {
	return text.replaceAll(/\s+/g, ' ').trim();
}

export function startOf(node: {readonly position?: {readonly start: Position}}): Position {
	return node.position?.start ?? {line: 1, column: 1};
}

const describe: Readonly<Record<string, string>> = {
	html: 'HTML is not shown on slides: write the words (escape a < as \\<).',
	image: 'An image cannot be shown in a terminal slide: say in words what it shows (a ```drawn block keeps a drawing made of text).',
	footnoteReference: 'Footnotes are not part of a slide: cite the source with <!-- paragraphs: N -->.',
	imageReference: 'An image cannot be shown in a terminal slide: say in words what it shows (a ```drawn block keeps a drawing made of text).',
};

function flatten(node: Nodes): string {
	switch (node.type) {
		case 'text': {
			return node.value;
		}

		case 'inlineCode': {
			return codeSpan(node.value);
		}

		case 'break': {
			return ' ';
		}

		case 'emphasis':
		case 'strong':
		case 'delete':
		case 'link':
		case 'linkReference':
		case 'paragraph': {
			return node.children.map(child => flatten(child)).join('');
		}

		default: {
			throw new MarkdownDeckError(describe[node.type] ?? `Markdown of the kind "${node.type}" is not part of a slide.`, startOf(node));
		}
	}
}

/** The words of inline content as written, line breaks kept. */
export function rawInline(nodes: readonly PhrasingContent[] | readonly RootContent[]): string {
	return nodes.map(node => flatten(node as Nodes)).join('');
}

/** Written words as one line of slide text. */
export function slideText(raw: string): string {
	return visibleControls(squashSpaces(raw));
}

/** The words of inline content (or of one paragraph), as one line of slide text. */
export function inlineText(nodes: readonly PhrasingContent[] | readonly RootContent[]): string {
	return slideText(rawInline(nodes));
}
