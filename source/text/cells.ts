import stringWidth from 'string-width';
import {isNarrowText, narrowCharacters} from './narrow.js';

export {isNarrowText} from './narrow.js';

/**
Terminal cells: how many columns text takes as a terminal draws it. One model for every measure, wrap,
cut and pad (wrap.ts) and for the frame writer's cells: East Asian wide characters and emoji take two
columns, an emoji sequence joined by ZWJ two, combining marks, zero-width characters and variation
selectors none, each grapheme (what a reader takes for one character) stays whole. The answer is
string-width's, the package Ink measures its own text with, so the lines we lay out and the components
Ink draws meet in one frame.

string-width loads Unicode tables and a grapheme segmenter (tens of milliseconds), which most text never
needs: narrow text (below) and simple wide text (Chinese, Japanese and Korean characters that are each
a grapheme of their own) are measured here, and string-width and the segmenter are reached only for other
text. In the bundle string-width is evaluated when first called (source/build.mjs, narrowFirstWidth),
so a deck in English or in CJK paints its first frame without either (docs/text-and-markdown.md).
*/


/**
Characters that are each two columns wide and each a grapheme of their own beside any narrow or simple
wide character: CJK punctuation, kana, bopomofo, Hangul compatibility jamo and syllables, the unified
ideographs (and extension A), compatibility ideographs, vertical and compatibility forms, fullwidth
forms. All are at U+3000 or above, and every narrow character is below it (test/text-cells.test.ts
holds both sets to string-width and Intl.Segmenter).
*/
const wideCharacters =
	'\\u3000-\\u3029\\u3030-\\u303E\\u3041-\\u3096\\u309B-\\u30FF\\u3105-\\u312F\\u3131-\\u3163\\u3165-\\u318E\\u31F0-\\u31FF\\u3400-\\u4DBF\\u4E00-\\u9FFF' +
	'\\uAC00-\\uD7A3\\uF900-\\uFA6D\\uFA70-\\uFAD9\\uFE10-\\uFE19\\uFE30-\\uFE4F\\uFF01-\\uFF60\\uFFE0-\\uFFE6';

const simpleText = new RegExp(`^[${narrowCharacters}${wideCharacters}]*$`);
/** The first character of the wide set: in simple text, a character at or above it is wide. */
const firstWide = 0x30_00;

/** Whether every character of `text` is narrow or simple wide: each a grapheme of its own, one or two columns. */
export function isSimpleText(text: string): boolean {
	return simpleText.test(text);
}

/** A grapheme (one character as a reader sees it: a letter and its accents, an emoji sequence) and its columns: 0, 1 or 2. */
export type Grapheme = {readonly text: string; readonly width: number};

let segmenter: Intl.Segmenter | undefined;

/** The columns `text` takes on a terminal. */
export function cellWidth(text: string): number {
	if (isNarrowText(text)) {
		return text.length;
	}

	if (isSimpleText(text)) {
		let width = text.length;
		for (let index = 0; index < text.length; index++) {
			if (text.charCodeAt(index) >= firstWide) {
				width++;
			}
		}

		return width;
	}

	return stringWidth(text);
}

/** The graphemes of `text`, each with its columns. */
export function graphemes(text: string): Grapheme[] {
	if (isSimpleText(text)) {
		const result: Grapheme[] = [];
		for (let index = 0; index < text.length; index++) {
			result.push({text: text[index]!, width: text.charCodeAt(index) >= firstWide ? 2 : 1});
		}

		return result;
	}

	segmenter ??= new Intl.Segmenter();
	return Array.from(segmenter.segment(text), ({segment}) => ({text: segment, width: stringWidth(segment)}));
}

/**
The longest start of `text` at most `width` columns wide, and its width: graphemes stay whole, so a wide
character that would straddle the edge is left out (the start is then a column short).
*/
export function cutCells(text: string, width: number): {readonly text: string; readonly width: number} {
	if (isNarrowText(text)) {
		const kept = text.slice(0, Math.max(0, width));
		return {text: kept, width: kept.length};
	}

	let kept = '';
	let used = 0;
	for (const grapheme of graphemes(text)) {
		if (used + grapheme.width > width) {
			break;
		}

		kept += grapheme.text;
		used += grapheme.width;
	}

	return {text: kept, width: used};
}
