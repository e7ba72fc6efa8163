import type {Block} from '../deck/blocks.js';
import {blocksUpTo, quoteInMarks, revealUnits} from '../deck/blocks.js';
import type {Deck, Slide} from '../deck/deck.js';
import {formatParagraphs, isPrintableAscii, titleSpan} from '../deck/deck.js';
import {canDrawBig, drawBig, wrapBig} from './big-text.js';
import {codeLines} from './code.js';
import {layoutBlock, listItemLines, symbols} from './layout.js';
import {fit, textWidth, wrap} from '../text/wrap.js';
import {indentLines, type Line, lineWidth, seg} from '../text/lines.js';
import type {Role} from '../text/theme.js';

/**
A slide's body at a size, pure. Two looks:
- compact (below 120x36): a text title, the blocks one blank line apart, from the top;
- roomy, for a projector (from 120x36): the title at the top, the citation on the body's last row, and
  the blocks between them with as much air as fits (up to three rows between blocks), centred in the rows
  they really have. One look per kind of slide: the title slide (the deck's first) has its title in big
  letters when it fits in three big lines; a content slide has a text title, every one given the rows of
  the tallest, so the body starts on the same row on every content slide; a slide whose point is one
  short quote shows it in big letters, its speaker beneath. Big letters cost three bytes a cell on every
  slide change, so content titles stay text: the bench's bytes-per-change target holds.
*/
export type Size = {readonly columns: number; readonly rows: number};

export type SlideScreen = {
	readonly lines: Line[];
	/** Set on a slide too tall for the rows, shown across pages: the page shown and how many there are. */
	readonly pages?: {
		readonly index: number;
		readonly count: number;
		/** Whether steps reach every page (else the first page is shown, marked). */
		readonly isReached: boolean;
		/** The rows of the slide under its title: those on the page shown, and all of them. */
		readonly rows: {readonly shown: number; readonly all: number};
		/** Where the page is cut inside a code block: its lines shown (the first ones), and all of them. */
		readonly code?: {readonly shown: number; readonly all: number};
	};
	/** Set when the slide cannot be shown at this size: the size it needs. */
	readonly needs?: Size;
};

/**
How titles look at a size, decided once for the whole deck (`deckLook`): whether the title slide's
title is in big letters, and the rows a content slide's title takes (the tallest one's), so content
titles have one height and the body starts on the same row on every content slide.
*/
export type Look = {readonly bigOpening: boolean; readonly titleRows: number};

export const compactLook: Look = {bigOpening: false, titleRows: 0};

/** The title slide: the deck's first, a kind of its own. */
function isTitleSlide(slide: Slide): boolean {
	return slide.index === 0;
}

export type BodyOptions = {
	/** False with --no-reveal: no step reaches a second page, so a tall slide is tightened, then cut (marked), instead. */
	readonly isRevealing?: boolean;
	readonly showNotes?: boolean;
	readonly look?: Look;
};

/** Rows the frame uses around the body: the header and its rule, the rule and the footer. */
export const chromeRows = 4;

/** Below this the frame itself cannot be drawn. */
export const minimumSize: Size = {columns: 36, rows: 16};

/** Big letters are used for titles that fit in this many big lines, and for quotes in this many. */
const mostBigTitleLines = 3;
const mostBigQuoteLines = 3;

/** A quote this short, alone on its slide (a lead may come before it), is shown big. */
const bigQuoteLength = 90;

function blankLines(count: number): Line[] {
	return Array.from({length: Math.max(0, count)}, () => []);
}

export function isRoomy(size: Size): boolean {
	return size.columns >= 120 && size.rows >= 36;
}

export function contentWidth(size: Size, roomy = isRoomy(size)): number {
	return roomy ? Math.min(size.columns - 8, 120) : Math.min(size.columns - 4, 96);
}

/** A line of a slide read from the back of a room: no longer than this many characters. */
const readableMeasure = 76;

/** The slide's text column: a readable measure, centred on the screen as a column. */
export function readingWidth(size: Size, roomy = isRoomy(size)): number {
	return Math.min(contentWidth(size, roomy), readableMeasure);
}

/** Where the text column starts: centred on the screen. */
function columnMargin(size: Size, width: number): number {
	return Math.max(2, Math.floor((size.columns - width) / 2));
}

/** Width for big letters: nearly the whole screen. */
function bigWidthAt(size: Size): number {
	return size.columns - 8;
}

export function bodyRows(size: Size): number {
	return Math.max(0, size.rows - chromeRows);
}

function centred(lines: readonly Line[], width: number): Line[] {
	return lines.map(line => (line.length === 0 ? line : [seg(' '.repeat(Math.max(0, Math.floor((width - lineWidth(line)) / 2))), 'body'), ...line]));
}

function textTitle(title: string, width: number, roomy: boolean): Line[] {
	const lines: Line[] = wrap(title, width).map(text => [seg(text, 'title')]);
	if (roomy) {
		lines.push([seg(symbols.rule.repeat(Math.min(width, Math.max(...lines.map(lineWidth)))), 'rule')]);
	}

	return lines;
}

/** Text in big letters, one blank row between big lines; undefined past `most` big lines. */
function bigLines(text: string, width: number, most: number, role: Role): Line[] | undefined {
	const big = canDrawBig(text) ? wrapBig(text, width) : undefined;
	if (!big || big.length > most) {
		return undefined;
	}

	return big.flatMap((part, index) => [...(index > 0 ? [[]] : []), ...drawBig(part).map(row => [seg(row, role)])]);
}

type Quote = Extract<Block, {kind: 'quote'}>;

/** The quote of a slide whose point is one short quote: a lead at most before it, nothing after. */
export function soleQuote(slide: Slide): Quote | undefined {
	const quotes = slide.blocks.filter((block): block is Quote => block.kind === 'quote');
	const others = slide.blocks.filter(block => block.kind !== 'quote' && block.kind !== 'lead');
	const quote = quotes[0];
	return quotes.length === 1 && others.length === 0 && slide.blocks.at(-1) === quote && quote && [...quote.text].length <= bigQuoteLength
		? quote
		: undefined;
}

/** The quote in big letters with its speaker beneath, right-aligned under it. */
function bigQuote(quote: Quote, width: number, visible: boolean): Line[] | undefined {
	const letters = bigLines(quoteInMarks(quote), width, mostBigQuoteLines, 'quote');
	if (!letters) {
		return undefined;
	}

	const widest = Math.max(...letters.map(lineWidth));
	const speaker = `${symbols.dash} ${quote.speaker}${quote.role ? ', ' + quote.role : ''}`;
	const lines: Line[] = [...letters.map(line => [...line, seg(' '.repeat(widest - lineWidth(line)), 'body')]), [], [seg(' '.repeat(Math.max(0, widest - textWidth(speaker))), 'body'), seg(speaker, 'speaker')]];
	return visible ? lines : lines.map(() => []);
}

function citation(slide: Slide, width: number): Line | undefined {
	const cite = formatParagraphs(slide.paragraphs);
	return cite ? [seg(' '.repeat(Math.max(0, width - textWidth(cite))) + cite, 'cite')] : undefined;
}

/** Where big lines go: centred on the screen. */
type Big = {readonly quote: Quote; readonly columns: number};

/** Code and columns may be wider than the text column: code lines and columns of bullets read at more than a prose measure. */
function widthFor(block: Block, width: number, wide: number): number {
	return block.kind === 'code' || block.kind === 'columns' ? Math.max(width, wide) : width;
}

/**
The width a code block or columns may take: from the text column's left edge to the screen's right
margin (as far as the body's own width), so that they keep the text's left edge.
*/
function wideWidth(size: Size, roomy: boolean): number {
	const width = readingWidth(size, roomy);
	return Math.max(width, Math.min(contentWidth(size, roomy), size.columns - columnMargin(size, width) - 2));
}

/** The blocks up to the reveal step, `gap` blank rows between blocks, at column 0 of the text column (code and columns up to `wide`). */
function blockLines(slide: Slide, width: number, step: number, gap: number, roomy: boolean, wide = width): Line[] {
	const lines: Line[] = [];
	let before = 0;
	for (const block of blocksUpTo(slide.blocks, step)) {
		if (block.kind === 'pause') {
			before += revealUnits(block);
			continue;
		}

		if (lines.length > 0) {
			lines.push(...blankLines(gap));
		}

		const visible = Math.max(0, step - before);
		before += revealUnits(block);
		const at = widthFor(block, width, wide);
		lines.push(...layoutBlock(block, at, visible, {width: at, isRoomy: roomy}));
	}

	return lines;
}

/** The slide's own lines, compact: title, blocks up to the reveal step, the citation (unless left out). */
export function slideLines(slide: Slide, width: number, step: number, roomy = false, withCitation = true, wide = width): Line[] {
	const cite = withCitation ? citation(slide, width) : undefined;
	return [...textTitle(slide.title, width, roomy), [], ...blockLines(slide, width, step, 1, roomy, wide), ...(cite ? [[], cite] : [])];
}

/**
The roomy blocks placed on the screen: in the text column (indented to it), or centred, line by line,
for a centred kind (a big quote centred as a whole, its speaker right-aligned under it).
*/
function roomyBlocks(slide: Slide, size: Size, step: number, gap: number, alignment: Alignment, big: Big | undefined): Line[] | undefined {
	const width = readingWidth(size, true);
	const wide = wideWidth(size, true);
	if (!big && alignment === 'column') {
		return indentLines(blockLines(slide, width, step, gap, true, wide), columnMargin(size, width));
	}

	const lines: Line[] = [];
	let before = 0;
	for (const block of blocksUpTo(slide.blocks, step)) {
		if (block.kind === 'pause') {
			before += revealUnits(block);
			continue;
		}

		lines.push(...blankLines(lines.length > 0 ? gap : 0));
		const visible = Math.max(0, step - before);
		before += revealUnits(block);
		const quote = block === big?.quote ? bigQuote(big.quote, big.columns - 8, visible > 0) : undefined;
		if (big && block === big.quote && !quote) {
			return undefined;
		}

		const at = widthFor(block, width, wide);
		const own = layoutBlock(block, at, visible, {width: at, isRoomy: true});
		// Centred, anything but prose (bullets, a list, a table, code, columns...) moves as one, so its indents and columns stay lined up.
		const place = alignment === 'column' ? indentLines(own, columnMargin(size, width)) : isShaped(block) ? centredAsOne(own, size.columns, layoutBlock(block, at, Number.POSITIVE_INFINITY, {width: at, isRoomy: true})) : centred(own, size.columns);
		lines.push(...(quote ? centred(quote, big!.columns) : place));
	}

	return lines;
}

/** Blocks whose lines are lined up with each other (bullets and their wrapped lines, a table, a chart...): centred as one, not line by line; only prose is centred line by line. */
function isShaped(block: Block): boolean {
	return !['heading', 'lead', 'text', 'source'].includes(block.kind);
}

/** Lines centred as one block: each moved right as far as the widest of `whole` (the block fully revealed, so nothing moves as steps come) needs. */
function centredAsOne(lines: readonly Line[], width: number, whole: readonly Line[]): Line[] {
	return indentLines(lines, Math.max(0, Math.floor((width - Math.max(0, ...whole.map(lineWidth))) / 2)));
}

/** The title as the roomy look draws it: big letters (undefined when they take too many lines), or text. */
function roomyTitle(slide: Slide, size: Size, big: boolean): Line[] | undefined {
	if (!big) {
		return textTitle(slide.title, readingWidth(size, true), true);
	}

	const title = bigLines(slide.title, bigWidthAt(size), mostBigTitleLines, 'title');
	return title ? centred(title, size.columns) : undefined;
}

/** How a kind of slide is aligned on a projector: a content slide to its column's left edge, the title slide and a big quote centred. */
type Alignment = 'column' | 'centre';

/** The row the title of every content and quote slide starts on: the same on every one of them. */
function titleTop(rows: number): number {
	return Math.max(1, Math.round(rows * 0.12));
}

/** The title placed for the kind: at the column's left edge, or centred (big letters come centred). */
function placeTitle(title: readonly Line[], alignment: Alignment, size: Size, isBig: boolean): Line[] {
	if (isBig) {
		return [...title];
	}

	return alignment === 'column' ? indentLines(title, columnMargin(size, readingWidth(size, true))) : centred(title, size.columns);
}

/**
The roomy look in `rows` rows, placed on the screen, or undefined when it does not fit. The title and
the body read as one group: the title on the same row on every slide but the title slide (which is
centred in the rows), the blocks two rows under it (one where rows are tight), the citation on the
body's last row.
*/
function roomyBody(slide: Slide, step: number, size: Size, rows: number, look: Look, gaps: readonly number[] = [2, 1]): Line[] | undefined {
	const width = readingWidth(size, true);
	const margin = columnMargin(size, width);
	const isBig = look.bigOpening && isTitleSlide(slide);
	const title = roomyTitle(slide, size, isBig);
	if (!title) {
		return undefined;
	}

	// Content titles padded towards the tallest one's rows (one row at most), so bodies start on nearly one row.
	const titleLines = isBig ? title : [...title, ...blankLines(Math.min(1, look.titleRows - title.length))];
	const cite = citation(slide, width);
	const quote = soleQuote(slide);
	for (const big of quote ? [{quote, columns: size.columns}, undefined] : [undefined]) {
		// One alignment per kind: the title slide and a big quote centred, a content slide in its column.
		const alignment: Alignment = isTitleSlide(slide) || big ? 'centre' : 'column';
		for (const gap of gaps) {
			const blocks = roomyBlocks(slide, size, step, gap, alignment, big);
			if (!blocks) {
				break;
			}

			const group = [...placeTitle(titleLines, alignment, size, isBig), ...blankLines(gap), ...blocks];
			// The citation and a row over it are below the group.
			const room = rows - (cite ? 2 : 0);
			if (group.length > room) {
				continue;
			}

			const top = isTitleSlide(slide) ? Math.floor((room - group.length) / 2) : Math.min(titleTop(rows), room - group.length);
			return [...blankLines(top), ...group, ...blankLines(room - top - group.length), ...(cite ? [[], ...indentLines([cite], margin)] : [])];
		}
	}

	return undefined;
}

const looks = new WeakMap<Deck, Map<string, Look>>();

/**
The rows the tallest content title takes as text. A title no wider than the reading width in the
most columns its characters can take (one for printable ASCII, else two) is one line and its rule:
only longer ones are laid out, so a deck of thousands of short titles costs a pass over their lengths.
*/
function mostTitleRows(deck: Deck, size: Size): number {
	const width = readingWidth(size, true);
	const span = titleSpan(deck.slides);
	if (span && span.longest <= width && (span.isPrintable || span.longest * 2 <= width)) {
		// Known from the deck's reading (a big deck's line scan): every content title is short, with no pass over them.
		return deck.slides.length > 1 ? 2 : 0;
	}

	let most = 0;
	for (const slide of deck.slides) {
		if (!isTitleSlide(slide)) {
			// Printable ASCII is a column a character; anything else at most two.
			const isShort = slide.title.length <= width && (isPrintableAscii(slide.title) || slide.title.length * 2 <= width);
			most = Math.max(most, isShort ? 2 : roomyTitle(slide, size, false)?.length ?? 0);
		}
	}

	return most;
}

/**
The deck's look at a size: content slides' text titles each given the tallest one's rows; the title
slide's title in big letters when it fits in them and the slide, whole, still fits.
*/
export function deckLook(deck: Deck, size: Size): Look {
	if (!isRoomy(size)) {
		return compactLook;
	}

	const known = looks.get(deck) ?? new Map<string, Look>();
	looks.set(deck, known);
	const key = `${size.columns}x${size.rows}`;
	const cached = known.get(key);
	if (cached) {
		return cached;
	}

	// Measured when a content slide first needs it: the title slide in big letters (the first frame) does not.
	let titleRows: number | undefined;
	const rowsOfTitles = () => {
		titleRows ??= mostTitleRows(deck, size);
		return titleRows;
	};

	const lookWith = (bigOpening: boolean): Look => ({
		bigOpening,
		get titleRows() {
			return rowsOfTitles();
		},
	});
	const opening = deck.slides[0];
	const big = lookWith(true);
	// Whether the title slide fits with its big title: the tightest spacing is enough to know.
	const fits = opening !== undefined && roomyBody(opening, opening.units, size, bodyRows(size), big, [1]) !== undefined;
	const look = fits ? big : lookWith(false);
	known.set(key, look);
	return look;
}

function notesLines(slide: Slide, width: number, most: number): Line[] {
	const text = wrap(slide.notes || '(no notes for this slide)', width - 7);
	const lines: Line[] = text.map((part, index) => [seg(index === 0 ? 'Notes  ' : '       ', 'accent'), seg(part, 'body')]);
	if (lines.length > most) {
		const kept = lines.slice(0, Math.max(1, most));
		kept[kept.length - 1] = [...(kept.at(-1) ?? []), seg(' …', 'muted')];
		return kept;
	}

	return lines;
}

/** Pads or cuts a body to exactly `rows` lines. */
export function toHeight(lines: readonly Line[], rows: number, center: boolean): Line[] {
	if (lines.length >= rows) {
		return lines.slice(0, rows);
	}

	const spare = rows - lines.length;
	const top = center ? Math.floor(spare / 2) : 0;
	return [...blankLines(top), ...lines, ...blankLines(spare - top)];
}

/** The body area of a slide at this size (every row of it), or what size it would need. */
export function slideBody(slide: Slide, step: number, size: Size, options: BodyOptions = {}): SlideScreen {
	const rows = bodyRows(size);
	const roomy = isRoomy(size);
	const width = readingWidth(size, roomy);
	const margin = columnMargin(size, width);
	const notes = options.showNotes ? notesLines(slide, width, Math.max(3, Math.floor(rows / 3))) : [];
	const notesBlock: Line[] = notes.length > 0 ? [[seg(symbols.rule.repeat(width), 'rule')], ...notes] : [];
	const contentRows = rows - notesBlock.length;
	if (roomy) {
		// The deck's look; where the notes panel leaves too few rows for it, text titles of their own height.
		const body =
			roomyBody(slide, step, size, contentRows, options.look ?? compactLook) ?? roomyBody(slide, step, size, contentRows, compactLook);
		if (body) {
			return {lines: [...body, ...indentLines(notesBlock, margin)]};
		}
	}

	// Compact: a row of air on top, then the slide from the top.
	const compactWidth = readingWidth(size, false);
	const compactMargin = columnMargin(size, compactWidth);
	const wide = wideWidth(size, false);
	const lines = slideLines(slide, compactWidth, step, false, true, wide);
	// The row of air goes first when the rows are tight.
	const content = lines.length < contentRows ? [[], ...lines] : lines;
	if (content.length <= contentRows) {
		return {lines: indentLines([...toHeight(content, contentRows, false), ...notesBlock], compactMargin)};
	}

	// Too tall for the rows there are: never a notice instead of it. First without the citation; then
	// across pages where steps reach them; else spacing tightened; else its first page, marked.
	const place = (shown: readonly Line[]) => ({lines: indentLines([...toHeight(shown, contentRows, false), ...notesBlock], compactMargin)});
	const title = textTitle(slide.title, compactWidth, false);
	const uncited = [...title, [], ...blockLines(slide, compactWidth, step, 1, false, wide)];
	if (uncited.length <= contentRows) {
		return place(uncited);
	}

	const isRevealing = options.isRevealing ?? true;
	const paged = pageOf(slide, compactWidth, step, contentRows, isRevealing, wide);
	if (!paged.stepsOn) {
		for (const gap of [1, 0]) {
			const tight = [...title, ...blockLines(slide, compactWidth, step, gap, false, wide)];
			if (tight.length <= contentRows) {
				return place(tight);
			}
		}
	}

	return {lines: indentLines([...toHeight(paged.lines, contentRows, false), ...notesBlock], compactMargin), pages: {index: paged.index, count: paged.count, isReached: paged.stepsOn, rows: {shown: paged.shown, all: paged.all}, ...(paged.code ? {code: paged.code} : {})}};
}

/** A piece of a slide that stays whole on a page: a bullet, a quote, a line of code, any other block; the reveal unit it is, if any; the line of code it is (of how many), if one. */
type Piece = {readonly lines: readonly Line[]; readonly unit?: number; readonly gapBefore: number; readonly code?: {readonly line: number; readonly of: number}};

/** The slide's blocks as pieces: each bullet or list item one (its unit), a quote one (its unit), any other block one. */
function pieces(slide: Slide, width: number, step: number, wide = width): Piece[] {
	const all: Piece[] = [];
	let before = 0;
	for (const block of blocksUpTo(slide.blocks, step)) {
		if (block.kind === 'pause') {
			before += revealUnits(block);
			continue;
		}

		const gapBefore = all.length > 0 ? 1 : 0;
		if (block.kind === 'bullets') {
			for (const [at, item] of block.items.entries()) {
				const unit = before + at;
				const lines = layoutBlock({...block, items: [item]}, width, unit < step ? 1 : 0, {width});
				all.push({lines, unit, gapBefore: at === 0 ? gapBefore : 0});
			}
		} else if (block.kind === 'list') {
			for (const [at, lines] of listItemLines(block, width).entries()) {
				const unit = before + at;
				all.push({lines: unit < step ? lines : lines.map(() => []), unit, gapBefore: at === 0 ? gapBefore : 0});
			}
		} else if (block.kind === 'code') {
			// A line of code at a time (with the ↪ rows it wraps onto), so a tall code block runs on over the next
			// pages (its language stays with its first line), and a page cut inside it can say which lines show.
			const {label, lines} = codeLines(block, widthFor(block, width, wide));
			const of = lines.length;
			all.push(...(of > 0 ? lines : [[]]).map((rows, at) => ({lines: at === 0 ? [...label, ...rows] : rows, gapBefore: at === 0 ? gapBefore : 0, code: {line: at + 1, of}})));
		} else {
			const units = revealUnits(block);
			const at = widthFor(block, width, wide);
			const lines = layoutBlock(block, at, Math.max(0, step - before), {width: at});
			all.push({lines, gapBefore, ...(units > 0 ? {unit: before} : {})});
		}

		before += revealUnits(block);
	}

	return all;
}

/** Fills pages of `rows` rows with pieces, in order; a piece taller than a page is cut to it. */
function fillPages(all: readonly Piece[], rows: number): Piece[][] {
	const pages: Piece[][] = [[]];
	let used = 0;
	for (const piece of all) {
		const page = pages.at(-1)!;
		const need = (page.length > 0 ? piece.gapBefore : 0) + piece.lines.length;
		if (page.length > 0 && used + need > rows) {
			pages.push([{...piece, lines: piece.lines.slice(0, rows), gapBefore: 0}]);
			used = Math.min(rows, piece.lines.length);
			continue;
		}

		page.push(page.length === 0 ? {...piece, lines: piece.lines.slice(0, rows), gapBefore: 0} : piece);
		used += need;
	}

	return pages;
}

/**
A tall slide's page at a step: the title on every page, then the pieces that fit, and a mark that more
follows (or that this page goes on from the one before). The page shown is the one with the last
revealed bullet or quote, so its bullets continue on the next step; on the last step the last page.
*/
function pageOf(slide: Slide, width: number, step: number, rows: number, isRevealing = true, wide = width): {lines: Line[]; index: number; count: number; stepsOn: boolean; shown: number; all: number; code?: {shown: number; all: number}} {
	const title = textTitle(slide.title, width, false);
	// The title, a blank row under it, and the mark's row.
	const room = Math.max(1, rows - title.length - 2);
	const every = pieces(slide, width, step, wide);
	const pages = fillPages(every, room);
	const hasUnit = (page: readonly Piece[], most: number) => page.some(piece => piece.unit !== undefined && piece.unit <= most);
	const count = pages.length;
	// Whether a step brings a later page (a page with no bullet or quote of its own is reached by none).
	const stepsOn = isRevealing && pages.slice(1).every(later => hasUnit(later, Number.POSITIVE_INFINITY)) && count > 1;
	const index = stepsOn ? Math.max(0, pages.findLastIndex(page => hasUnit(page, step - 1))) : 0;
	const page = pages[index] ?? [];
	const bodyOf = (each: readonly Piece[]) => each.flatMap(piece => [...blankLines(piece.gapBefore), ...piece.lines]);
	const body = bodyOf(page);
	// Counted from the pieces whole: a piece taller than a page (a long table) is cut on its page.
	const all = every.reduce((sum, piece, at) => sum + (at > 0 ? piece.gapBefore : 0) + piece.lines.length, 0);
	const where = `page ${index + 1} of ${count}`;
	const code = stepsOn ? undefined : codeCut(pages[index + 1]?.[0]);
	// No step pages through a slide the rows cannot hold (a tall code block or table): say how much shows, and promise no paging.
	const cut = `▼ ${cutShown(body.length, all, code)} shown`;
	const mark = index === count - 1 && count > 1 ? `▲ continued (${where})` : stepsOn ? `▼ more on the next step (${where})` : [`${cut}: a bigger terminal shows the rest`, cut].find(each => textWidth(each) <= width) ?? cut;
	return {lines: [...title, [], ...body, [seg(fit(mark, width), 'muted')]], index, count, stepsOn, shown: body.length, all, ...(code ? {code} : {})};
}

/** Where the next page starts with a line of code after the first, the page is cut inside that code block: its lines before the cut, of how many. */
function codeCut(next: Piece | undefined): {shown: number; all: number} | undefined {
	return next?.code && next.code.line > 1 ? {shown: next.code.line - 1, all: next.code.of} : undefined;
}

/** How much of a cut slide shows, as a presenter counts it: the code block's lines where the cut is inside one (not the screen's rows), else the slide's lines. */
export function cutShown(shown: number, all: number, code?: {readonly shown: number; readonly all: number}): string {
	return code ? `code lines 1-${code.shown} of ${code.all}` : `lines 1-${shown} of ${all}`;
}
