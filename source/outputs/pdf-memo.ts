import PDFDocument from 'pdfkit';
import {type Block, blockTexts, type List, quoteInMarks, withoutPauses} from '../deck/blocks.js';
import {type Deck, deckLanguage, namesSource, type Slide, type SourceInfo} from '../deck/deck.js';
import {asOfWords, sourceCredit} from '../deck/source-words.js';
import {handoutPalette as palette} from '../text/theme.js';
import {stripControls} from '../text/sanitize.js';
import {aboutLine, handoutParts, type HandoutPart, hasOwnHeading, isWholeDeck, memoSummary, partTitle, slideCitation, slideRange, whoseLine} from './handout.js';
import {defaultFontPath, type FontName, type FontSet, registerFonts} from './pdf-fonts.js';
import {sourceUrl, urlLabel} from './print.js';

/**
The memo handout as a PDF (`--export pdf`): the title, whose briefing it is and on what article, the
summary, the contents with page numbers (each a link), then each section with its slides as
sub-headings; tables as tables, bar charts drawn, quotes set off with their speakers, each slide's
paragraphs cited; PDF bookmarks for the sections and slides; the page number and the "as of" date
in every page's footer. Laid out once, with the pages kept: the contents' page numbers stand in a
column of their own, written in once the sections have found their pages.
*/
export type Paper = 'a4' | 'letter';

export type MemoOptions = {
	readonly paper: Paper;
	readonly showNotes?: boolean;
	readonly slides?: readonly Slide[];
};

export const paperSizes: Readonly<Record<Paper, readonly [number, number]>> = {a4: [595.28, 841.89], letter: [612, 792]};

const margin = 56;
const footerRoom = 30;

type Writer = {
	readonly doc: PDFKit.PDFDocument;
	readonly fonts: FontSet;
	readonly left: number;
	readonly width: number;
	/** The deck's source, for the words under each slide. */
	readonly source: SourceInfo;
};

type TextStyle = {readonly font: FontName; readonly size: number; readonly color?: string; readonly gap?: number};

const styles = {
	title: {font: 'sansBold', size: 21, color: palette.ink, gap: 2},
	whose: {font: 'sans', size: 10.5, color: palette.ink, gap: 1.5},
	about: {font: 'sans', size: 8.5, color: palette.muted, gap: 1},
	h2: {font: 'sansBold', size: 15, color: palette.accent},
	h3: {font: 'sansBold', size: 11.5, color: palette.ink},
	heading: {font: 'sansBold', size: 10.5, color: palette.ink},
	lead: {font: 'sans', size: 11, color: palette.ink, gap: 1.5},
	body: {font: 'sans', size: 10, color: palette.ink, gap: 1.5},
	quote: {font: 'sansItalic', size: 10.5, color: palette.ink, gap: 1.5},
	speaker: {font: 'sans', size: 9, color: palette.muted},
	source: {font: 'sansItalic', size: 9, color: palette.muted},
	cite: {font: 'sans', size: 8, color: palette.muted},
	figure: {font: 'sansBold', size: 20, color: palette.accent},
	cell: {font: 'sans', size: 9, color: palette.ink, gap: 1},
	cellHead: {font: 'sansBold', size: 9, color: palette.ink, gap: 1},
	notesHead: {font: 'sansBold', size: 8.5, color: palette.muted},
	notes: {font: 'sansItalic', size: 9, color: palette.ink, gap: 1},
	footer: {font: 'sans', size: 8, color: palette.muted},
	code: {font: 'mono', size: 8.5, color: palette.ink, gap: 1},
} as const satisfies Record<string, TextStyle>;

function use(w: Writer, style: TextStyle): void {
	w.doc.font(style.font).fontSize(style.size).fillColor(style.color ?? palette.ink);
}

function clean(w: Writer, text: string, style: TextStyle): string {
	return w.fonts.clean(stripControls(text).replaceAll(/\s+/g, ' ').trim(), style.font);
}

function bottom(w: Writer): number {
	return w.doc.page.height - w.doc.page.margins.bottom;
}

/** A new page unless `height` points still fit on this one. */
function room(w: Writer, height: number): void {
	if (w.doc.y + height > bottom(w)) {
		w.doc.addPage();
	}
}

function heightOf(w: Writer, text: string, style: TextStyle, width: number): number {
	use(w, style);
	return w.doc.heightOfString(clean(w, text, style), {width, lineGap: style.gap ?? 0});
}

/** A paragraph at `x` (the left edge by default), `width` wide, then `after` points of space. */
function paragraph(w: Writer, text: string, style: TextStyle, options: {x?: number; width?: number; after?: number; link?: string} = {}): void {
	use(w, style);
	const x = options.x ?? w.left;
	w.doc.text(clean(w, text, style), x, w.doc.y, {width: options.width ?? w.width - (x - w.left), lineGap: style.gap ?? 0, ...(options.link ? {link: options.link} : {})});
	w.doc.y += options.after ?? 0;
	w.doc.x = w.left;
}

function rule(w: Writer, y: number, color: string = palette.rule, width = 0.6): void {
	w.doc.save().moveTo(w.left, y).lineTo(w.left + w.width, y).lineWidth(width).strokeColor(color).stroke().restore();
}

function bullets(w: Writer, items: readonly string[], style: TextStyle = styles.body): void {
	for (const item of items) {
		room(w, heightOf(w, item, style, w.width - 14));
		const y = w.doc.y;
		use(w, style);
		w.doc.text('•', w.left + 2, y, {lineBreak: false});
		w.doc.y = y;
		paragraph(w, item, style, {x: w.left + 14, after: 3});
	}
}

/** A list: each item after its number or bullet, an item's own list indented under its words. */
function listPdf(w: Writer, list: List, indent = 0): void {
	for (const [index, item] of list.items.entries()) {
		const x = w.left + indent;
		room(w, heightOf(w, item.text, styles.body, w.width - indent - 18));
		const y = w.doc.y;
		use(w, styles.body);
		w.doc.text(list.ordered ? `${list.start + index}.` : '•', x + 2, y, {lineBreak: false});
		w.doc.y = y;
		paragraph(w, item.text, styles.body, {x: x + 18, after: 3});
		if (item.list) {
			listPdf(w, item.list, indent + 18);
		}
	}
}

/** Code in the monospaced font, its spaces kept, on a grey ground, its language over it; never coloured. */
function codePdf(w: Writer, block: Extract<Block, {kind: 'code'}>): void {
	const rows = block.text.split('\n').map(row => w.fonts.clean(stripControls(row), 'mono') || ' ');
	use(w, styles.code);
	const height = rows.reduce((sum, row) => sum + w.doc.heightOfString(row, {width: w.width - 12, lineGap: 1}), 0);
	if (block.lang) {
		room(w, 12 + Math.min(height, 200));
		paragraph(w, block.lang, styles.cite, {after: 1});
	}

	room(w, Math.min(height, 200) + 8);
	const top = w.doc.y;
	w.doc.save().rect(w.left, top, w.width, Math.min(height + 8, bottom(w) - top)).fill(palette.aside).restore();
	w.doc.y = top + 4;
	use(w, styles.code);
	for (const row of rows) {
		room(w, 10);
		w.doc.text(row, w.left + 6, w.doc.y, {width: w.width - 12, lineGap: 1});
	}

	w.doc.y += 6;
	w.doc.x = w.left;
}

function quote(w: Writer, block: Extract<Block, {kind: 'quote'}>): void {
	const inner = w.width - 16;
	const who = `— ${block.speaker}${block.role ? `, ${block.role}` : ''}`;
	room(w, heightOf(w, quoteInMarks(block), styles.quote, inner) + heightOf(w, who, styles.speaker, inner) + 6);
	const top = w.doc.y;
	paragraph(w, quoteInMarks(block), styles.quote, {x: w.left + 16, after: 2});
	paragraph(w, who, styles.speaker, {x: w.left + 16});
	w.doc.save().rect(w.left + 3, top, 2.5, w.doc.y - top).fill(palette.accent).restore();
}

/** Column widths for a table: each column's natural width, shrunk in proportion when they do not fit. */
function columnWidths(w: Writer, columns: readonly string[], rows: ReadonlyArray<readonly string[]>): number[] {
	const natural = columns.map((column, index) => {
		use(w, styles.cellHead);
		let most = w.doc.widthOfString(clean(w, column, styles.cellHead));
		use(w, styles.cell);
		for (const row of rows) {
			most = Math.max(most, w.doc.widthOfString(clean(w, row[index] ?? '', styles.cell)));
		}

		return most + 12;
	});
	const total = natural.reduce((sum, each) => sum + each, 0);
	return total <= w.width ? natural : natural.map(each => Math.max(48, (each / total) * w.width));
}

function tableRow(w: Writer, cells: readonly string[], widths: readonly number[], style: TextStyle, fill?: string): void {
	const height = Math.max(...cells.map((cell, index) => heightOf(w, cell, style, widths[index]! - 12))) + 8;
	room(w, height);
	const top = w.doc.y;
	if (fill) {
		w.doc.save().rect(w.left, top, widths.reduce((sum, each) => sum + each, 0), height).fill(fill).restore();
	}

	let x = w.left;
	for (const [index, cell] of cells.entries()) {
		use(w, style);
		w.doc.text(clean(w, cell, style), x + 6, top + 4, {width: widths[index]! - 12, lineGap: style.gap ?? 0});
		x += widths[index]!;
	}

	w.doc.y = top + height;
	w.doc.save().moveTo(w.left, w.doc.y).lineTo(x, w.doc.y).lineWidth(0.5).strokeColor(palette.rule).stroke().restore();
}

function table(w: Writer, columns: readonly string[], rows: ReadonlyArray<readonly string[]>, caption?: string): void {
	const widths = columnWidths(w, columns, rows);
	tableRow(w, columns, widths, styles.cellHead, palette.aside);
	for (const row of rows) {
		tableRow(w, columns.map((_, index) => row[index] ?? ''), widths, styles.cell);
	}

	w.doc.y += 3;
	if (caption) {
		paragraph(w, caption, styles.source);
	}
}

/** A bar chart: each bar's label, a bar as long as its value (the largest fills the track) and the figure in the article's words. */
function bars(w: Writer, block: Extract<Block, {kind: 'bars'}>): void {
	const labelWidth = Math.round(w.width * 0.42);
	const figureWidth = 90;
	const track = w.width - labelWidth - figureWidth - 16;
	const most = Math.max(...block.bars.map(bar => bar.value), 0);
	for (const bar of block.bars) {
		const height = Math.max(heightOf(w, bar.label, styles.body, labelWidth), 14) + 6;
		room(w, height);
		const top = w.doc.y;
		paragraph(w, bar.label, styles.body, {width: labelWidth});
		const x = w.left + labelWidth + 8;
		const length = most > 0 ? Math.max(1, (Math.max(0, bar.value) / most) * track) : 0;
		w.doc.save().rect(x, top + 1, track, 10).fill(palette.track).rect(x, top + 1, length, 10).fill(palette.bar).restore();
		use(w, styles.body);
		w.doc.text(clean(w, bar.display, styles.body), x + track + 8, top, {width: figureWidth, lineBreak: false});
		w.doc.y = top + height;
		w.doc.x = w.left;
	}

	if (block.caption) {
		paragraph(w, block.caption, styles.source);
	}
}

function factPdf(w: Writer, block: Extract<Block, {kind: 'fact'}>): void {
	room(w, 50);
	paragraph(w, block.value, styles.figure);
	paragraph(w, block.label, styles.body);
}

/** A drawing's words, a paragraph a line (the memo draws no frames). */
function drawnPdf(w: Writer, block: Extract<Block, {kind: 'drawn'}>): void {
	for (const line of blockTexts(block)) {
		paragraph(w, line, styles.body, {after: 2});
	}
}

function blockPdf(w: Writer, block: Block): void {
	switch (block.kind) {
		case 'heading': {
			room(w, 40);
			paragraph(w, block.text, styles.heading, {after: 2});
			return;
		}

		case 'lead':
		case 'text':
		case 'source': {
			paragraph(w, block.text, block.kind === 'lead' ? styles.lead : block.kind === 'source' ? styles.source : styles.body);
			return;
		}

		case 'bullets': {
			bullets(w, block.items);
			return;
		}

		case 'list': {
			listPdf(w, block);
			return;
		}

		case 'code': {
			codePdf(w, block);
			return;
		}

		case 'columns': {
			for (const each of block.columns.flat()) {
				blockPdf(w, each);
			}

			return;
		}

		case 'quote': {
			quote(w, block);
			return;
		}

		case 'fact': {
			factPdf(w, block);
			return;
		}

		case 'table': {
			table(w, block.columns, block.rows, block.caption);
			return;
		}

		case 'bars': {
			bars(w, block);
			return;
		}

		case 'timeline': {
			table(w, ['When', 'What'], block.events.map(event => [event.when, event.what]));
			return;
		}

		case 'drawn': {
			drawnPdf(w, block);
			return;
		}

		case 'pause': {
			return;
		}

		default: {
			const never: never = block;
			return never;
		}
	}
}

/** Where the writer is: the page (0-based) it writes on. */
function pageIndex(w: Writer): number {
	const range = w.doc.bufferedPageRange();
	return range.start + range.count - 1;
}

function slidePdf(w: Writer, slide: Slide, section: PDFKit.PDFOutline, showNotes: boolean): void {
	room(w, 90);
	w.doc.y += 6;
	if (hasOwnHeading(slide)) {
		// A bookmark is drawn by the reader's own fonts: its title is not cleaned (nor counted).
		section.addItem(stripControls(slide.title));
		paragraph(w, slide.title, styles.h3, {after: 5});
	}

	for (const block of withoutPauses(slide.blocks)) {
		blockPdf(w, block);
		w.doc.y += 6;
	}

	const cited = slideCitation(slide, w.source);
	if (cited) {
		paragraph(w, cited, styles.cite, {after: 4});
	}

	if (showNotes && slide.notes) {
		room(w, heightOf(w, slide.notes, styles.notes, w.width - 14) + 16);
		const start = w.doc.y;
		paragraph(w, 'Speaker notes', styles.notesHead, {x: w.left + 12, after: 1});
		paragraph(w, slide.notes, styles.notes, {x: w.left + 12});
		w.doc.save().rect(w.left + 3, start, 1.5, w.doc.y - start).fill(palette.rule).restore();
		w.doc.y += 4;
	}
}

function partPdf(w: Writer, part: HandoutPart, showNotes: boolean): number {
	room(w, 130);
	w.doc.y += 10;
	const page = pageIndex(w);
	w.doc.addNamedDestination(`section-${part.number}`);
	const item = w.doc.outline.addItem(stripControls(partTitle(part)));
	paragraph(w, partTitle(part), styles.h2, {after: 3});
	rule(w, w.doc.y, palette.accent, 1);
	w.doc.y += 6;
	for (const slide of part.slides) {
		slidePdf(w, slide, item, showNotes);
	}

	return page;
}

/** Where a line of the contents is, for its page number. */
type ContentsLine = {readonly number: number; readonly page: number; readonly y: number};

/** The contents: a line per section with its slides, a link to the section; the page numbers come later (`pageNumbers`). */
function contentsPdf(w: Writer, parts: readonly HandoutPart[]): ContentsLine[] {
	paragraph(w, 'Contents', styles.h2, {after: 4});
	return parts.map(part => {
		const line = `${partTitle(part)} (${slideRange(part.slides)})`;
		room(w, 16);
		const top = w.doc.y;
		paragraph(w, line, styles.body, {width: w.width - 40});
		const height = w.doc.y - top;
		w.doc.goTo(w.left, top, w.width, height, `section-${part.number}`);
		w.doc.y = top + height + 3;
		w.doc.x = w.left;
		return {number: part.number, page: pageIndex(w), y: top};
	});
}

/** The page each section starts on, at the right of its line in the contents. */
function pageNumbers(w: Writer, lines: readonly ContentsLine[], pages: ReadonlyMap<number, number>): void {
	for (const line of lines) {
		w.doc.switchToPage(line.page);
		use(w, styles.body);
		w.doc.text(String((pages.get(line.number) ?? 0) + 1), w.left + w.width - 40, line.y, {width: 40, align: 'right', lineBreak: false});
	}
}

function headPdf(w: Writer, deck: Deck, slides: readonly Slide[]): ContentsLine[] {
	paragraph(w, deck.title, styles.title, {after: 8});
	if (whoseLine(deck)) {
		paragraph(w, whoseLine(deck), styles.whose, {after: 3});
	}

	const url = sourceUrl(deck);
	if (url) {
		paragraph(w, `${urlLabel(deck)} ${url}`, styles.about, {after: 3, link: url});
	}

	paragraph(w, aboutLine(deck, slides), styles.about, {after: 10});
	rule(w, w.doc.y);
	w.doc.y += 12;
	if (!isWholeDeck(deck, slides)) {
		return [];
	}

	const memo = memoSummary(deck);
	if (memo) {
		paragraph(w, 'Summary', styles.h2, {after: 4});
		if (memo.kind === 'paragraph') {
			paragraph(w, memo.text, styles.lead, {after: 12});
		} else {
			bullets(w, memo.points, styles.lead);
			w.doc.y += 9;
		}
	}

	return contentsPdf(w, handoutParts(deck));
}

/** `As of April 6, 2021, the article’s date · The Washington Times, by Stephen Dinan`, the parts the source states. */
function footerWords(source: SourceInfo): string {
	return namesSource(source) ? [source.date ? asOfWords(source) : '', sourceCredit(source)].filter(Boolean).join(' · ') : '';
}

function footers(w: Writer, deck: Deck): void {
	const range = w.doc.bufferedPageRange();
	for (let index = range.start; index < range.start + range.count; index++) {
		w.doc.switchToPage(index);
		const keep = w.doc.page.margins.bottom;
		w.doc.page.margins.bottom = 0;
		const y = w.doc.page.height - margin + 14;
		use(w, styles.footer);
		w.doc.text(clean(w, footerWords(deck.source), styles.footer), w.left, y, {width: w.width - 80, lineBreak: false, height: 10, ellipsis: true});
		w.doc.text(`Page ${index + 1} of ${range.count}`, w.left + w.width - 80, y, {width: 80, align: 'right', lineBreak: false});
		w.doc.page.margins.bottom = keep;
	}
}

/** The memo's PDF document, laid out, with the characters the fonts lacked; the caller ends it. */
export function memoDocument(deck: Deck, options: MemoOptions): {doc: PDFKit.PDFDocument; missing: number} {
	const [width, height] = paperSizes[options.paper];
	const doc = new PDFDocument({
		size: [width, height],
		margins: {top: margin, left: margin, right: margin, bottom: margin + footerRoom},
		bufferPages: true,
		autoFirstPage: true,
		font: defaultFontPath(),
		displayTitle: true,
		lang: deckLanguage(deck),
		info: {Title: deck.title, Subject: whoseLine(deck), Creator: 'briefing', Producer: 'briefing (pdfkit)'},
	});
	const fonts = registerFonts(doc, ['sans', 'sansBold', 'sansItalic', 'sansBoldItalic', 'mono']);
	const w: Writer = {doc, fonts, left: margin, width: width - 2 * margin, source: deck.source};
	const slides = options.slides ?? deck.slides;
	const contents = headPdf(w, deck, slides);
	const pages = new Map<number, number>();
	for (const part of handoutParts(deck, slides)) {
		pages.set(part.number, partPdf(w, part, Boolean(options.showNotes)));
	}

	pageNumbers(w, contents, pages);
	footers(w, deck);
	return {doc, missing: fonts.missing()};
}
