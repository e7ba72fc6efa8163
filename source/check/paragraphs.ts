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
The quotation marks a quote opens with, each with the marks that close it: English “…” and "…",
German „…“ (Polish „…”), French and others « … », Chinese and Japanese 「…」 and 『…』, German ‚…‘.
Inside a quote the other marks are its own words' (a quote within the quote). Not »…« nor ‹…›: a web
page's `Home » News` and `‹ Back` would open quotes that never close.
*/
export const quotationMarks: Readonly<Record<string, string>> = {
	'“': '”"',
	'"': '”"',
	'„': '“”',
	'«': '»',
	'「': '」',
	'『': '』',
	'‚': '‘’',
};

/** A quoted stretch of a paragraph: its words from `start` to `end` (the closing mark, or the paragraph's end), and the mark it opened with. */
export type QuoteOffsets = {readonly start: number; readonly end: number; readonly isClosed: boolean; readonly open: string};

/**
The quoted stretches of each paragraph as offsets, index for index with `paragraphs`, and whether the
paragraph opens inside a quote left open at the end of the one before: such a quote runs to the
paragraph's end and on into the next (until its closing mark), as newspapers print a quote of several
paragraphs, and the next paragraph's own opening mark is not part of the words; a quote in marks
other than “…” and "…" only into a paragraph that opens with a mark. Furniture ends any quote.
*/
export function quoteOffsets(paragraphs: readonly string[]): Array<{readonly spans: QuoteOffsets[]; readonly continues: boolean}> {
	let open: string | undefined;
	return paragraphs.map(paragraph => {
		// A quote in other marks than “…” goes on only into a paragraph that opens with a mark again (`« …`, `„…`, `「…`).
		if (open !== undefined && open !== '“' && open !== '"' && !Object.hasOwn(quotationMarks, paragraph.charAt(0))) {
			open = undefined;
		}

		const continues = open !== undefined;
		if (isFurniture(paragraph)) {
			open = undefined;
			return {spans: [], continues: false};
		}

		const spans: QuoteOffsets[] = [];
		let start = open === undefined ? -1 : 0;
		for (let index = 0; index < paragraph.length; index++) {
			const character = paragraph[index]!;
			const closers = open === undefined ? undefined : quotationMarks[open]!;
			if (closers?.includes(character)) {
				spans.push({start, end: index, isClosed: true, open: open!});
				open = undefined;
				start = -1;
			} else if (Object.hasOwn(quotationMarks, character) && (open === undefined || index === start)) {
				// At a paragraph's start inside an open quote, its own opening mark (which may differ from the first).
				open = character;
				start = index + 1;
			}
		}

		if (open !== undefined) {
			spans.push({start, end: paragraph.length, isClosed: false, open});
		}

		return {spans, continues};
	});
}

/**
The passages each paragraph holds inside quotation marks (`quotationMarks`), index for index with
`paragraphs`, as `quoteOffsets` finds them.
*/
export function quotedSpans(paragraphs: readonly string[]): string[][] {
	const offsets = quoteOffsets(paragraphs);
	return paragraphs.map((paragraph, index) => offsets[index]!.spans.map(span => paragraph.slice(span.start, span.end)));
}
