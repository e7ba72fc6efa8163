import {blockTexts} from '../deck/blocks.js';
import type {Deck, Slide} from '../deck/deck.js';
import {indentLines, type Line, lineWidth, seg, textWidth} from './layout.js';
import type {NavigationState} from '../show/navigation.js';
import {bodyRows, contentWidth, type Size, toHeight} from './slide-body.js';

/**
The sections menu and the overview grid as lines, pure. The cursor is the navigation state's; the
section headers are not stops. Slide numbers end in one column whatever is cut after them, and a
marker row says when the list goes on above or below.
*/
function cut(text: string, width: number): string {
	const chars = [...text];
	return chars.length <= width ? text : chars.slice(0, Math.max(0, width - 1)).join('') + '…';
}

/** The rows of a long list that fit in `rows`, the cursor's row kept in view, with markers. */
export function scrolled<T>(items: readonly T[], focus: number, rows: number, marker: (direction: 'above' | 'below') => T): T[] {
	if (items.length <= rows) {
		return [...items];
	}

	const inner = Math.max(1, rows - 2);
	const start = Math.min(Math.max(0, focus - Math.floor(inner / 2)), items.length - inner);
	const above = start > 0;
	const below = start + inner < items.length;
	const first = above ? start : 0;
	const count = rows - (above ? 1 : 0) - (below ? 1 : 0);
	const shown = items.slice(first, first + count);
	return [...(above ? [marker('above')] : []), ...shown, ...(below ? [marker('below')] : [])];
}

function moreLine(direction: 'above' | 'below', margin: number): Line {
	return [seg(' '.repeat(margin), 'body'), seg(direction === 'above' ? '▲ more above' : '▼ more below', 'muted')];
}

function numberWidth(deck: Deck): number {
	return String(deck.slides.length).length;
}

function menuRow(deck: Deck, slide: Slide, state: NavigationState, width: number): Line {
	const isCursor = slide.index === state.cursor;
	const number = String(slide.index + 1).padStart(numberWidth(deck));
	const prefix = `${isCursor ? '›' : ' '} ${slide.index === state.index ? '▶' : ' '} ${number}  `;
	const title = cut(slide.title, width - textWidth(prefix));
	if (isCursor) {
		return [seg(prefix + title + ' '.repeat(Math.max(0, width - textWidth(prefix + title))), 'selected')];
	}

	return [seg(prefix.slice(0, 4), 'accent'), seg(prefix.slice(4), 'muted'), seg(title, 'body')];
}

/** The sections menu: each section's name over its slides. */
export function menuLines(deck: Deck, state: NavigationState, size: Size): Line[] {
	const rows = bodyRows(size);
	const width = contentWidth(size);
	const margin = Math.max(2, Math.floor((size.columns - width) / 2));
	const items: Line[] = [];
	let focus = 0;
	for (const section of deck.sections) {
		const last = section.start + section.count;
		const range = section.count > 1 ? `slides ${section.start + 1}-${last}` : `slide ${last}`;
		items.push([seg(cut(section.title, width - textWidth(range) - 2), 'heading'), seg('  ' + range, 'muted')]);
		for (const slide of deck.slides.slice(section.start, last)) {
			focus = slide.index === state.cursor ? items.length : focus;
			items.push(menuRow(deck, slide, state, width));
		}
	}

	const list = scrolled(items, focus, rows - 3, direction => moreLine(direction, 0));
	return indentLines([[], [seg('Sections', 'title')], [], ...list], margin);
}

const cardRows = 4;
const narrowest = 28;
const widest = 48;

/**
Card geometry at a size: the fewest cards across that let every card show (wider cards show more of
each title), else as many as the width takes.
*/
export function overviewGrid(size: Size, count = 32): {columns: number; cardWidth: number} {
	const room = size.columns - 4;
	const most = Math.max(1, Math.floor((room + 2) / (narrowest + 2)));
	const rows = bodyRows(size) - 3;
	let columns = most;
	for (let tried = 1; tried <= most; tried++) {
		if (Math.ceil(count / tried) * cardRows <= rows && Math.floor((room - (tried - 1) * 2) / tried) <= widest) {
			columns = tried;
			break;
		}
	}

	return {columns, cardWidth: Math.min(widest, Math.floor((room - (columns - 1) * 2) / columns))};
}

/** A slide's first line of words, for a card or the presenter's next-slide line. */
export function firstWords(slide: Slide): string {
	const block = slide.blocks[0];
	// A timeline's first line is its first event: when, then what.
	return block ? blockTexts(block).slice(0, block.kind === 'timeline' ? 2 : 1).join(': ') : '';
}

/** One card: the number in its top border (▶ on the slide on screen), the title, the first line. */
function card(deck: Deck, slide: Slide, state: NavigationState, width: number): Line[] {
	const inner = width - 4;
	const isCursor = slide.index === state.cursor;
	const border = isCursor ? 'accent' : 'rule';
	const label = ` ${slide.index === state.index ? '▶ ' : ''}${String(slide.index + 1).padStart(numberWidth(deck))} `;
	const title = cut(slide.title, inner);
	const words = cut(firstWords(slide), inner);
	const pad = (text: string) => ' '.repeat(Math.max(0, inner - textWidth(text)));
	return [
		[seg('╭─', border), seg(label, isCursor ? 'selected' : 'accent'), seg('─'.repeat(Math.max(0, width - 3 - textWidth(label))) + '╮', border)],
		[seg('│ ', border), seg(title + pad(title), isCursor ? 'selected' : 'heading'), seg(' │', border)],
		[seg('│ ', border), seg(words + pad(words), 'muted'), seg(' │', border)],
		[seg('╰' + '─'.repeat(width - 2) + '╯', border)],
	];
}

/** The overview: every slide as a small card in a centred grid; it scrolls by rows of cards. */
export function overviewLines(deck: Deck, state: NavigationState, size: Size): Line[] {
	const rows = bodyRows(size);
	const {columns, cardWidth} = overviewGrid(size, deck.slides.length);
	const gridWidth = columns * cardWidth + (columns - 1) * 2;
	const margin = Math.max(0, Math.floor((size.columns - gridWidth) / 2));
	const cardLines: Line[][] = [];
	for (let start = 0; start < deck.slides.length; start += columns) {
		const cards = deck.slides.slice(start, start + columns).map(slide => card(deck, slide, state, cardWidth));
		cardLines.push(
			Array.from({length: cardRows}, (_, row) => cards.flatMap((lines, index) => [...(index > 0 ? [seg('  ', 'body')] : []), ...(lines[row] ?? [])])),
		);
	}

	const heading: Line[] = [[seg('Overview', 'title')], []];
	const room = rows - heading.length - 1;
	const fitting = Math.floor(room / cardRows);
	const focus = Math.floor(state.cursor / columns);
	let lines: Line[];
	if (cardLines.length <= fitting) {
		lines = cardLines.flat();
	} else {
		const shownRows = Math.max(1, Math.floor((room - 2) / cardRows));
		const first = Math.min(Math.max(0, focus - Math.floor(shownRows / 2)), cardLines.length - shownRows);
		const above = first > 0 ? [moreLine('above', 0)] : [[]];
		const below = first + shownRows < cardLines.length ? [moreLine('below', 0)] : [[]];
		lines = [...above, ...cardLines.slice(first, first + shownRows).flat(), ...below];
	}

	const block = [...heading, ...lines];
	const widest = Math.max(...block.map(lineWidth));
	return indentLines(toHeight([[], ...block], rows, cardLines.length <= fitting), Math.max(margin, Math.floor((size.columns - widest) / 2)));
}
