/**
The article as the checker reads it: paragraphs are blank-line-separated blocks, trimmed, numbered
from 1 (paragraph n is `paragraphs[n - 1]`). Pure functions: the caller reads the file.
*/
export function splitParagraphs(text: string): string[] {
	return text
		.split(/\r?\n[ \t]*\r?\n/)
		.map(block => block.trim())
		.filter(Boolean);
}

/** Web-page boilerplate around the story: the related-story link, the contact line, the copyright, the comment buttons. */
const furniture: readonly RegExp[] = [
	/^SEE ALSO:/i,
	/^Click (?:to|here)\b/i,
	/Click here for reprint/i,
	/^Copyright\b|Copyright ©/i,
	/Please read our comment policy/i,
	/\bcan be reached at\b/i,
];

/** True for a paragraph that is page furniture, never content a slide may cite. */
export function isFurniture(paragraph: string): boolean {
	return furniture.some(pattern => pattern.test(paragraph));
}

/**
The passages each paragraph holds inside double quotation marks (“…” or "…"), index for index with
`paragraphs`. A quote left open at a paragraph's end runs to that end and on into the next paragraph
(until its closing mark), as newspapers print a quote of several paragraphs. Furniture ends any quote.
*/
export function quotedSpans(paragraphs: readonly string[]): string[][] {
	let isOpen = false;
	return paragraphs.map(paragraph => {
		if (isFurniture(paragraph)) {
			isOpen = false;
			return [];
		}

		const characters = [...paragraph];
		const spans: string[] = [];
		let start = isOpen ? 0 : -1;
		for (const [index, character] of characters.entries()) {
			const isOpening = character === '“' || (character === '"' && start < 0);
			const isClosing = character === '”' || (character === '"' && start >= 0);
			if (isOpening && (start < 0 || index === start)) {
				start = index + 1;
			} else if (isClosing && start >= 0) {
				spans.push(characters.slice(start, index).join(''));
				start = -1;
			}
		}

		isOpen = start >= 0;
		if (isOpen) {
			spans.push(characters.slice(start).join(''));
		}

		return spans;
	});
}
