import PDFDocument from 'pdfkit';
import {type Deck, deckLanguage, namesSource, type Slide} from '../deck/deck.js';
import {quoteInMarks} from '../deck/blocks.js';
import {sourcePhrase} from '../deck/source-words.js';
import type {Line} from '../text/lines.js';
import {deckLook, screenLines, type Size, slideBody} from '../layout/screen.js';
import {slidePagePalettes, type Theme} from '../text/theme.js';
import {initNavigation} from '../model/navigation.js';
import {styleParams} from '../terminal/frame-writer.js';
import {defaultFontPath, type FontName, type FontSet, registerFonts} from './pdf-fonts.js';

/**
The slides as PDF pages (`--export pdf --slides`): one 16:9 page per slide, each the screen the
audience sees at a projector's size (the layout engine's lines at `slideSize`, header, body and footer,
every reveal step shown), set in DejaVu Sans Mono, one character per cell. The words are text, to
select and search; the box-drawing rules and the block characters (bars, big letters) are drawn as
shapes filling their cells, so they join up as they do on a screen. Colours are the theme's, on
paper for the light theme and on the theme's own background for the others.
*/
export const slideSize = {columns: 128, rows: 36} as const;

/** Larger 16:9 grids, for a slide (of a deck someone wrote) whose body does not fit the projector's: the same page, a smaller font. */
const largerSizes = [
	{columns: 160, rows: 45},
	{columns: 192, rows: 54},
	{columns: 256, rows: 72},
] as const;

/** 16:9, the size of a widescreen presentation's page (13.333 by 7.5 inches). */
const page = {width: 960, height: 540, margin: 18} as const;

/** DejaVu Sans Mono: every glyph advances 1233/2048 of the font size. */
const advance = 1233 / 2048;
const lineHeight = 1.2;

type Style = {fg?: string; bg?: string; bold: boolean; italic: boolean; underline: boolean; dim: boolean; inverse: boolean};

/** 256-colour codes 16-255: the colour cube and the grey ramp. */
function colour256(code: number, table: readonly string[]): string {
	if (code < 16) {
		return table[code]!;
	}

	const hex = (value: number) => value.toString(16).padStart(2, '0');
	if (code >= 232) {
		const grey = 8 + (code - 232) * 10;
		return `#${hex(grey)}${hex(grey)}${hex(grey)}`;
	}

	const cube = code - 16;
	const level = (value: number) => (value === 0 ? 0 : 55 + value * 40);
	return `#${hex(level(Math.floor(cube / 36)))}${hex(level(Math.floor(cube / 6) % 6))}${hex(level(cube % 6))}`;
}

/** A colour from SGR parameters at `at` (after 38 or 48): 5;N or 2;R;G;B. Returns the colour and how many parameters it took. */
function extended(codes: readonly number[], at: number, table: readonly string[]): [string | undefined, number] {
	if (codes[at] === 5) {
		return [colour256(codes[at + 1] ?? 0, table), 2];
	}

	if (codes[at] === 2) {
		const hex = (value: number | undefined) => Math.max(0, Math.min(255, value ?? 0)).toString(16).padStart(2, '0');
		return [`#${hex(codes[at + 1])}${hex(codes[at + 2])}${hex(codes[at + 3])}`, 4];
	}

	return [undefined, 0];
}

/** SGR parameters ('1;36', '38;5;214') to a style, with the colours of `table`. */
export function sgrStyle(params: string, table: readonly string[]): Style {
	const style: Style = {bold: false, italic: false, underline: false, dim: false, inverse: false};
	const codes = params.split(';').filter(Boolean).map(Number);
	for (let index = 0; index < codes.length; index++) {
		const code = codes[index]!;
		if (code === 0) {
			Object.assign(style, {fg: undefined, bg: undefined, bold: false, italic: false, underline: false, dim: false, inverse: false});
		} else if (code === 1 || code === 2 || code === 3 || code === 4 || code === 7) {
			style[({1: 'bold', 2: 'dim', 3: 'italic', 4: 'underline', 7: 'inverse'} as const)[code]] = true;
		} else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) {
			style.fg = table[code >= 90 ? code - 82 : code - 30];
		} else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) {
			style.bg = table[code >= 100 ? code - 92 : code - 40];
		} else if (code === 38 || code === 48) {
			const [colour, used] = extended(codes, index + 1, table);
			style[code === 38 ? 'fg' : 'bg'] = colour;
			index += used;
		}
	}

	return style;
}

type Painter = {
	readonly doc: PDFKit.PDFDocument;
	readonly fonts: FontSet;
	/** The font size that fits `grid` on the page, and where the grid starts. */
	readonly size: number;
	readonly grid: Size;
	readonly x0: number;
	readonly y0: number;
	readonly ink: string;
	readonly paper: string;
};

/** The painter for a grid of `grid` cells, centred on the page. */
function painterFor(base: Pick<Painter, 'doc' | 'fonts' | 'ink' | 'paper'>, grid: Size): Painter {
	const size = Math.min((page.width - 2 * page.margin) / (grid.columns * advance), (page.height - 2 * page.margin) / (grid.rows * lineHeight));
	return {...base, size, grid, x0: (page.width - grid.columns * size * advance) / 2, y0: (page.height - grid.rows * size * lineHeight) / 2};
}

const cellWidth = (p: Painter) => p.size * advance;
const cellHeight = (p: Painter) => p.size * lineHeight;

/** Shapes that join across cells: a run of them is drawn as one shape (a shade drawn twice where cells overlap would show seams). */
const joining = /^[─━█▀▄░▒▓]$/u;

/**
A box-drawing or block character drawn as a shape in its cell, or in `count` cells for a run of one
that joins (x, y: the top left corner), or false for a character the font draws.
*/
function drawShape(p: Painter, character: string, x: number, y: number, colour: string, count = 1): boolean {
	const w = cellWidth(p) * (joining.test(character) ? count : 1);
	const h = cellHeight(p);
	const thin = p.size * 0.08;
	const thick = p.size * 0.16;
	const {doc} = p;
	const rects: Readonly<Record<string, ReadonlyArray<readonly [number, number, number, number]>>> = {
		'─': [[0, (h - thin) / 2, w, thin]],
		'━': [[0, (h - thick) / 2, w, thick]],
		'│': [[(w - thin) / 2, 0, thin, h]],
		'┃': [[(w - thick) / 2, 0, thick, h]],
		'┼': [[0, (h - thin) / 2, w, thin], [(w - thin) / 2, 0, thin, h]],
		'█': [[0, 0, w, h]],
		'▀': [[0, 0, w, h / 2]],
		'▄': [[0, h / 2, w, h / 2]],
		'▌': [[0, 0, w / 2, h]],
		'▐': [[w / 2, 0, w / 2, h]],
	};
	const shape = rects[character];
	if (shape) {
		for (const [left, top, width, height] of shape) {
			// A hair wider, so neighbouring cells join without a seam.
			doc.rect(x + left, y + top, width + 0.2, height + 0.2).fill(colour);
		}

		return true;
	}

	if (character === '░' || character === '▒' || character === '▓') {
		doc.save().fillOpacity(character === '░' ? 0.25 : character === '▒' ? 0.5 : 0.75).rect(x, y, w + 0.2, h + 0.2).fill(colour).restore();
		return true;
	}

	return false;
}

function fontOf(style: Style): FontName {
	return style.bold && style.italic ? 'monoBoldItalic' : style.bold ? 'monoBold' : style.italic ? 'monoItalic' : 'mono';
}

/** One row of the screen: backgrounds, then shapes and text runs, each at its cell. */
function paintLine(p: Painter, line: Line, row: number, theme: Theme, table: readonly string[]): void {
	let column = 0;
	const y = p.y0 + row * cellHeight(p);
	for (const segment of line) {
		const style = sgrStyle(segment.sgr ?? styleParams(theme.roles[segment.role]), table);
		let fg = style.fg ?? p.ink;
		let bg = style.bg;
		if (style.inverse) {
			[fg, bg] = [bg ?? p.paper, fg];
		}

		const characters = [...segment.text];
		const x = p.x0 + column * cellWidth(p);
		if (bg) {
			p.doc.rect(x, y, characters.length * cellWidth(p) + 0.2, cellHeight(p) + 0.2).fill(bg);
		}

		const font = fontOf(style);
		let run = '';
		let runStart = column;
		const flush = () => {
			if (run.trim()) {
				p.doc.font(font).fontSize(p.size).fillColor(fg, style.dim ? 0.6 : 1);
				p.doc.text(p.fonts.clean(run, font), p.x0 + runStart * cellWidth(p), y + (cellHeight(p) - p.size * 1.164) / 2, {lineBreak: false, underline: style.underline});
			}

			run = '';
		};

		for (let index = 0; index < characters.length; index++) {
			const character = characters[index]!;
			let count = 1;
			while (joining.test(character) && characters[index + count] === character) {
				count++;
			}

			if (drawShape(p, character, p.x0 + column * cellWidth(p), y, fg, count)) {
				flush();
				index += count - 1;
				column += count;
				runStart = column;
				continue;
			}

			if (!run) {
				runStart = column;
			}

			run += character;
			column++;
		}

		flush();
	}
}

const squash = (text: string) => text.replaceAll(/\s+/g, ' ').trim();

/**
What the slide says in big letters (its title on a section's first slide, a short quote), which the
page draws as shapes: the words, to be laid invisibly over them, so that they can be selected,
searched and read aloud like the rest of the page. Each is a title or quote the page's text lacks.
*/
export function bigWords(slide: Slide, lines: readonly Line[]): string[] {
	const visible = squash(lines.map(line => line.map(segment => segment.text).join('')).join('\n').replaceAll(/[\u2500-\u259F]/g, ' '));
	const quotes = slide.blocks.flatMap(block => (block.kind === 'quote' ? [quoteInMarks(block, squash(block.text))] : []));
	return [squash(slide.title), ...quotes].filter(words => !visible.includes(words) && !visible.includes(words.slice(1, -1)));
}

/** The big letters' words, invisible (transparent), over the first rows drawn in blocks. */
function paintBigWords(p: Painter, slide: Slide, lines: readonly Line[]): void {
	const words = bigWords(slide, lines);
	const row = lines.findIndex(line => line.some(segment => /[\u2580-\u259F]/.test(segment.text)));
	if (words.length === 0 || row === -1) {
		return;
	}

	p.doc.save().font('mono').fontSize(p.size).fillColor(p.ink).fillOpacity(0);
	p.doc.text(p.fonts.clean(words.join(' '), 'mono'), p.x0, p.y0 + row * cellHeight(p), {width: p.grid.columns * cellWidth(p), lineGap: p.size * (lineHeight - 1.164)});
	p.doc.restore();
}

/** The screen the audience sees on slide `slide`, every step shown, at the projector size (or the first larger one its body fits). */
export function slideScreen(deck: Deck, slide: Slide): {lines: Line[]; size: Size} {
	const state = initNavigation({units: deck.slides.map(each => each.units), start: slide.index, isRevealing: false});
	const fits = (each: Size) => {
		const body = slideBody(slide, slide.units, each, {look: deckLook(deck, each)});
		// Neither too small nor shown across pages (the show's "more than fits" mark).
		return !body.needs && !body.pages;
	};

	const size = [slideSize, ...largerSizes].find(each => fits(each)) ?? largerSizes.at(-1)!;
	return {lines: screenLines(deck, state, size), size};
}

export type SlidePagesOptions = {
	readonly theme: Theme;
	readonly slides?: readonly Slide[];
};

/** The slide pages' PDF document; the caller ends it. */
export function slidesDocument(deck: Deck, options: SlidePagesOptions): {doc: PDFKit.PDFDocument; missing: number} {
	const doc = new PDFDocument({
		size: [page.width, page.height],
		margin: 0,
		autoFirstPage: false,
		font: defaultFontPath(),
		lang: deckLanguage(deck),
		displayTitle: true,
		info: {Title: deck.title, Subject: namesSource(deck.source) ? `The slides of a briefing on ${sourcePhrase(deck.source)}` : 'The slides of a briefing', Creator: 'briefing', Producer: 'briefing (pdfkit)'},
	});
	const fonts = registerFonts(doc, ['mono', 'monoBold', 'monoItalic', 'monoBoldItalic']);
	const palette = options.theme.name === 'light' || options.theme.name === 'plain' ? slidePagePalettes.paper : slidePagePalettes.screen;
	const table = palette.colours;
	const base = {doc, fonts, ink: palette.ink, paper: palette.page};
	for (const slide of options.slides ?? deck.slides) {
		doc.addPage();
		doc.outline.addItem(`${slide.index + 1}. ${slide.title}`);
		doc.rect(0, 0, page.width, page.height).fill(base.paper);
		const {lines, size} = slideScreen(deck, slide);
		const painter = painterFor(base, size);
		for (const [row, line] of lines.entries()) {
			paintLine(painter, line, row, options.theme, table);
		}

		paintBigWords(painter, slide, lines);
	}

	return {doc, missing: fonts.missing()};
}
