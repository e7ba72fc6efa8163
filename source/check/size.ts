import {type Deck, hasDrawnBlocks} from '../deck/deck.js';
import {loadInk} from '../deck/drawn.js';
import {chromeRows, cutShown, deckLook, slideBody, slideLines, readingWidth, type Size} from '../layout/slide-body.js';

/**
`briefing check --size WxH`: the slides that need more than one page at a terminal size (a tall slide
is shown across pages while presenting, its bullets continuing on the next step; one no step pages
through shows its first rows, and says how many: of a code block cut, its lines). Pure: the same
layout the show uses, at every slide's last step.
*/
export const defaultCheckSize: Size = {columns: 80, rows: 24};

export type TallSlide = {
	/** 1-based, as the show and --slide count. */
	readonly slide: number;
	readonly slideId: string;
	readonly title: string;
	readonly pages: number;
	/** The rows the slide would need on one page. */
	readonly rows: number;
	/** Whether steps reach every page while presenting (a page of only code or text is reached by none). */
	readonly isReached: boolean;
	/** The rows under the title: on the first page, and in all. */
	readonly shownRows: number;
	readonly allRows: number;
	/** Where the first page is cut inside a code block: its lines shown, and all of them (a presenter counts code by its lines). */
	readonly code?: {readonly shown: number; readonly all: number};
};

/** The tall slides, once Ink is loaded where a slide holds an Ink component (it draws its own lines). */
export async function measureSlides(deck: Deck, size: Size): Promise<TallSlide[]> {
	if (hasDrawnBlocks(deck, deck.slides)) {
		await loadInk();
	}

	return tallSlides(deck, size);
}

export function tallSlides(deck: Deck, size: Size): TallSlide[] {
	const look = deckLook(deck, size);
	return deck.slides.flatMap(slide => {
		const paged = slideBody(slide, slide.units, size, {look}).pages;
		const pages = paged?.count ?? 1;
		// One page can still be cut: a block taller than a page (a long table) is cut on it.
		if (!paged || (pages <= 1 && paged.rows.shown >= paged.rows.all)) {
			return [];
		}

		const rows = slideLines(slide, readingWidth(size, false), slide.units).length + chromeRows;
		return [{slide: slide.index + 1, slideId: slide.id, title: slide.title, pages, rows, isReached: paged?.isReached ?? false, shownRows: paged?.rows.shown ?? 0, allRows: paged?.rows.all ?? 0, ...(paged?.code ? {code: paged.code} : {})}];
	});
}

/** A tall slide in a sentence: shown across pages by its steps, or (no step reaching the rest) how much of it shows (as the show's mark counts it), promising no paging. */
export function formatTallSlide(tall: TallSlide, size: Size): string {
	const at = `${size.columns}x${size.rows}`;
	return tall.isReached
		? `Slide ${tall.slide} “${tall.title}” needs ${tall.pages} pages at ${at} (one page needs ${size.columns}x${tall.rows}); it is shown across pages while presenting.`
		: `Slide ${tall.slide} “${tall.title}” is taller than ${at}: ${cutShown(tall.shownRows, tall.allRows, tall.code)} are shown, and ${size.columns}x${tall.rows} shows it whole; split it, or present in a bigger terminal.`;
}
