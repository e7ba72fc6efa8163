import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import type PDFDocument from 'pdfkit';

/**
The fonts the PDF handouts embed, from the `dejavu-fonts-ttf` package (read from node_modules when a
PDF is asked for, never bundled): DejaVu Sans for the memo's text, DejaVu Sans Mono for the slide
pages, which has the box-drawing and block characters the slides are drawn with. pdfkit embeds the
subset of each font a document uses. A character a font lacks is drawn as a visible mark (U+FFFD)
and counted, so that the export can say how many: never dropped silently.
*/
export const fontFiles = {
	sans: 'DejaVuSans.ttf',
	sansBold: 'DejaVuSans-Bold.ttf',
	sansItalic: 'DejaVuSans-Oblique.ttf',
	sansBoldItalic: 'DejaVuSans-BoldOblique.ttf',
	mono: 'DejaVuSansMono.ttf',
	monoBold: 'DejaVuSansMono-Bold.ttf',
	monoItalic: 'DejaVuSansMono-Oblique.ttf',
	monoBoldItalic: 'DejaVuSansMono-BoldOblique.ttf',
} as const;

export type FontName = keyof typeof fontFiles;

/** What a missing character becomes: the replacement character, which both fonts have. */
export const missingMark = '\uFFFD';

const cache = new Map<FontName, Buffer>();

/** The font file's bytes (read once per process). */
function fontData(name: FontName): Buffer {
	let data = cache.get(name);
	if (!data) {
		const require = createRequire(import.meta.url);
		data = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${fontFiles[name]}`));
		cache.set(name, data);
	}

	return data;
}

/** The path of the font pdfkit starts a document with (so it never loads its own Helvetica). */
export function defaultFontPath(): string {
	return createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${fontFiles.sans}`);
}

type GlyphFont = {readonly font?: {hasGlyphForCodePoint?: (codePoint: number) => boolean}};

/** The fonts of a document: each character a font lacks becomes the mark, and is counted. */
export type FontSet = {
	/** The text as `font` can draw it, every missing character replaced by the mark. */
	readonly clean: (text: string, font: FontName) => string;
	/** How many characters were replaced so far. */
	readonly missing: () => number;
};

/** Registers the fonts with a document under their names (the first one is left current). */
export function registerFonts(document: PDFKit.PDFDocument, names: readonly FontName[]): FontSet {
	const coverage = new Map<FontName, (codePoint: number) => boolean>();
	for (const name of [...names].reverse()) {
		document.registerFont(name, fontData(name));
		// pdfkit keeps the fontkit font of the current font in `_font.font`.
		document.font(name);
		const fontkit = (document as unknown as {_font?: GlyphFont})._font?.font;
		coverage.set(name, fontkit?.hasGlyphForCodePoint ? fontkit.hasGlyphForCodePoint.bind(fontkit) : () => true);
	}

	let missing = 0;
	return {
		clean(text, font) {
			const has = coverage.get(font) ?? (() => true);
			let out = '';
			for (const character of text) {
				const codePoint = character.codePointAt(0)!;
				if (codePoint === 0x20 || has(codePoint)) {
					out += character;
				} else {
					out += missingMark;
					missing++;
				}
			}

			return out;
		},
		missing: () => missing,
	};
}
