import type xterm from '@xterm/headless';

/**
A wcwidth of our own, from Unicode ranges and properties, independent of string-width (which the program
measures with): East Asian Wide and Fullwidth blocks and emoji presented as emoji take two columns,
marks, format characters and variation selectors none, anything else one. A grapheme (a letter and its
marks, an emoji sequence joined by ZWJ, a flag) takes the columns of its first character, two when a
variation selector 16 asks for emoji presentation: a terminal with current Unicode and grapheme
clusters. xterm.js has only its Unicode 6 table (emoji one column, no grapheme clusters), so the pty
tests give it this one as a Unicode version provider (`useWcwidth`).
*/
const wideRanges: ReadonlyArray<readonly [number, number]> = [
	[0x11_00, 0x11_5F],
	[0x23_1A, 0x23_1B],
	[0x2E_80, 0x30_3E],
	[0x30_41, 0x33_FF],
	[0x34_00, 0x4D_BF],
	[0x4E_00, 0x9F_FF],
	[0xA0_00, 0xA4_CF],
	[0xAC_00, 0xD7_A3],
	[0xF9_00, 0xFA_FF],
	[0xFE_10, 0xFE_19],
	[0xFE_30, 0xFE_6F],
	[0xFF_00, 0xFF_60],
	[0xFF_E0, 0xFF_E6],
	[0x2_00_00, 0x2_FF_FD],
	[0x3_00_00, 0x3_FF_FD],
];

const mark = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
const anyMark = /^[\p{M}\p{Cf}]$/u;
const emojiPresentation = /^\p{Emoji_Presentation}$/u;
const pictographic = /^\p{Extended_Pictographic}$/u;
const within = (codePoint: number, from: number, to: number) => codePoint >= from && codePoint <= to;
/** Variation selectors and ZWSP: no width, and they join what stands before them. */
const isSelector = (codePoint: number) => codePoint === 0x20_0B || within(codePoint, 0xFE_00, 0xFE_0F);
/** What joins the character before it into one grapheme: marks, format characters (ZWJ), selectors, skin tones, tags. */
const isJoining = (codePoint: number) =>
	isSelector(codePoint) || anyMark.test(String.fromCodePoint(codePoint)) || within(codePoint, 0x1_F3_FB, 0x1_F3_FF) || within(codePoint, 0xE_00_20, 0xE_00_7F);
const isRegional = (codePoint: number) => within(codePoint, 0x1_F1_E6, 0x1_F1_FF);

/** The columns of one code point on its own. */
export function codePointWidth(codePoint: number): 0 | 1 | 2 {
	const char = String.fromCodePoint(codePoint);
	if (codePoint < 0x20 || within(codePoint, 0x7F, 0x9F) || isSelector(codePoint) || mark.test(char)) {
		return 0;
	}

	return wideRanges.some(([from, to]) => within(codePoint, from, to)) || emojiPresentation.test(char) ? 2 : 1;
}

const segmenter = new Intl.Segmenter();

/** The columns `text` takes: each grapheme the columns of its first character (two with VS16). */
export function wcwidth(text: string): number {
	let width = 0;
	for (const {segment} of segmenter.segment(text)) {
		const first = codePointWidth(segment.codePointAt(0)!);
		width += segment.includes('\uFE0F') && first > 0 ? 2 : first;
	}

	return width;
}

/** The join state kept between code points: whether the last was ZWJ, whether it was the first of a flag's two regional indicators. */
const afterZwj = 1;
const openFlag = 2;

/** xterm's packed character properties: state, width, whether the code point joins the cell before. */
function properties(state: number, width: number, join: boolean): number {
	return ((state & 0xFF_FF_FF) << 3) | ((width & 3) << 1) | (join ? 1 : 0);
}

/** This wcwidth as an xterm.js Unicode version provider, with grapheme clusters: a cluster is one cell of its width. */
const provider = {
	version: 'wcwidth-test',
	wcwidth: (codePoint: number) => codePointWidth(codePoint),
	charProperties(codePoint: number, preceding: number): number {
		const char = String.fromCodePoint(codePoint);
		const state = preceding >>> 3;
		const before = (preceding >> 1) & 3;
		const isStart = preceding === 0;
		if (!isStart && (isJoining(codePoint) || ((state & afterZwj) !== 0 && pictographic.test(char)) || ((state & openFlag) !== 0 && isRegional(codePoint)))) {
			const width = codePoint === 0xFE_0F && before > 0 ? 2 : before;
			return properties(codePoint === 0x20_0D ? afterZwj : 0, width, true);
		}

		return isRegional(codePoint) ? properties(openFlag, 2, false) : properties(0, codePointWidth(codePoint), false);
	},
};

/** Has the terminal measure text with this wcwidth, grapheme clusters joined. */
export function useWcwidth(term: InstanceType<typeof xterm.Terminal>): void {
	term.unicode.register(provider);
	term.unicode.activeVersion = provider.version;
}
