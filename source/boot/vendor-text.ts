import {isNarrowText, narrowCharacters} from '../text/narrow.js';

export {isNarrowText} from '../text/narrow.js';

/**
What the vendor bundle (dist/vendor.js, Ink and its dependencies: source/build.mjs) uses before it
loads its Unicode tables. Ink measures every string with string-width (two versions: its own and
wrap-ansi's) and splits styled text into graphemes with Intl.Segmenter (slice-ansi and
@alcalzone/ansi-tokenize). Each of those modules makes its segmenter, its Unicode property
expressions or its emoji expression when it loads, which costs time and memory before the show
takes its first key, for a deck whose text needs none of them (docs/build.md: how much).

Narrow text is text of characters that are each one column wide and each a grapheme of their own,
whatever stands beside them: printable ASCII, Latin letters and signs, general punctuation (quotes,
dashes, bullets, ellipses), currency, arrows, mathematical operators, box drawing, blocks and
geometric shapes, without those that an emoji table makes two columns wide. For narrow text the
width is its length and the graphemes are its characters, which is what both string-widths and the
segmenter answer (test/vendor-text.test.ts holds every character of the set to that, against the
real modules). Any other text goes to the real modules, loaded the first time one is needed.
*/
/**
Narrow text with control characters in it (escape sequences: Ink segments styled text). A control
character is a grapheme of its own too, except CR before LF, so CR is left out.
*/
const styledNarrowText = new RegExp(`^[\\u0000-\\u000C\\u000E-\\u001F\\u007F-\\u009F${narrowCharacters}]*$`);

/** Whether each character of `text` is a grapheme of its own: narrow text, and control characters but CR. */
export function isOneGraphemeEach(text: string): boolean {
	return styledNarrowText.test(text);
}

type StringWidth = (text: string, options?: {ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean}) => number;

/**
string-width, as the vendor bundle has it: narrow text measured here, anything else (and any
option that changes the answer) by the real module, which `load` brings in when first needed.
*/
export function narrowFirstWidth(load: () => StringWidth): StringWidth {
	let real: StringWidth | undefined;
	return (text, options) => {
		if (typeof text === 'string' && isNarrowText(text) && (options?.ambiguousIsNarrow ?? true)) {
			return text.length;
		}

		real ??= load();
		return real(text, options);
	};
}

type SegmentData = {segment: string; index: number; input: string};

/** The segments of text of one grapheme each: one per character, as Intl.Segmenter's would be. */
class NarrowSegments implements Iterable<SegmentData> {
	constructor(private readonly text: string) {}

	* [Symbol.iterator](): Iterator<SegmentData> {
		for (let index = 0; index < this.text.length; index++) {
			yield {segment: this.text[index]!, index, input: this.text};
		}
	}

	containing(at = 0): SegmentData | undefined {
		const index = Math.trunc(Number(at)) || 0;
		return index >= 0 && index < this.text.length ? {segment: this.text[index]!, index, input: this.text} : undefined;
	}
}

/**
Intl.Segmenter at grapheme granularity, as the vendor bundle has it: narrow text, styled or not,
segmented here, any other by a real segmenter, made the first time one is needed.
*/
export class NarrowFirstSegmenter {
	private real: Intl.Segmenter | undefined;
	private readonly options: ConstructorParameters<typeof Intl.Segmenter>;

	constructor(...options: ConstructorParameters<typeof Intl.Segmenter>) {
		this.options = options;
		if ((options[1]?.granularity ?? 'grapheme') !== 'grapheme') {
			throw new Error('NarrowFirstSegmenter stands in for grapheme segmenters only');
		}
	}

	segment(input: string): Iterable<SegmentData> & {containing(index?: number): SegmentData | undefined} {
		const text = String(input);
		if (isOneGraphemeEach(text)) {
			return new NarrowSegments(text);
		}

		this.real ??= new Intl.Segmenter(...this.options);
		return this.real.segment(text);
	}
}
