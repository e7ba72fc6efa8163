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

string-width loads Unicode tables, an emoji expression and a grapheme segmenter (about 50 ms of CPU),
which most text never needs: narrow text (narrow.ts) and simple text (narrow, and Chinese, Japanese and
Korean characters and single emoji that are each a grapheme of their own) are measured here, and
string-width and the segmenter are reached only for other text (emoji sequences, flags, skin tones,
combining marks, variation selectors, rarer scripts). In the bundle string-width is evaluated when first called (source/build.mjs, narrowFirstWidth),
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

/**
Emoji two columns wide and each a grapheme of their own beside any simple character: those presented as
emoji by default, but the regional indicators (two make a flag) and the skin tones (they join the emoji
before them). None is narrow; those in the basic plane are below U+3000, the others outside it.
*/
const emoji = '[\\p{Emoji_Presentation}--[\\u{1F1E6}-\\u{1F1FF}\\u{1F3FB}-\\u{1F3FF}]]';
const simpleText = new RegExp(`^[${narrowCharacters}${wideCharacters}${emoji}]*$`, 'v');
/** The first character of the wide set: in simple text, a character at or above it is wide. */
const firstWide = 0x30_00;
/** Below this every character of simple text is narrow. */
const firstEmoji = 0x23_00;

/** The columns of the simple character (a code unit, or a surrogate pair) that starts at `index`: 1 or 2, and its length. */
function simpleAt(text: string, index: number): {readonly width: 1 | 2; readonly length: 1 | 2} {
	const code = text.charCodeAt(index);
	if (code < firstEmoji) {
		return {width: 1, length: 1};
	}

	if (code >= 0xD8_00 && code <= 0xDB_FF) {
		return {width: 2, length: 2};
	}

	return {width: code >= firstWide || !isNarrowText(text[index]!) ? 2 : 1, length: 1};
}

/** Whether every character of `text` is narrow, simple wide or a single emoji: each a grapheme of its own, one or two columns. */
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
		let width = 0;
		for (let index = 0; index < text.length;) {
			const character = simpleAt(text, index);
			width += character.width;
			index += character.length;
		}

		return width;
	}

	return stringWidth(text);
}

/** The graphemes of `text`, each with its columns. */
export function graphemes(text: string): Grapheme[] {
	if (isSimpleText(text)) {
		const result: Grapheme[] = [];
		for (let index = 0; index < text.length;) {
			const character = simpleAt(text, index);
			result.push({text: text.slice(index, index + character.length), width: character.width});
			index += character.length;
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
