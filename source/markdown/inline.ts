import type {Nodes, PhrasingContent, RootContent} from 'mdast';

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

// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Tabs and newlines become spaces; every other control character shows as its picture (␛ for ESC). */
export function visibleControls(text: string): string {
	return text.replaceAll('\t', ' ').replaceAll(controls, character => {
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
	html: 'HTML is not shown on slides: write the words (escape a < as \\<)',
	image: 'an image cannot be shown in a terminal slide',
	footnoteReference: 'footnotes are not part of a slide: cite the article with <!-- paragraphs: N -->',
	imageReference: 'an image cannot be shown in a terminal slide',
};

function flatten(node: Nodes): string {
	switch (node.type) {
		case 'text':
		case 'inlineCode': {
			return node.value;
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
			throw new MarkdownDeckError(describe[node.type] ?? `${node.type} is not part of a slide`, startOf(node));
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
