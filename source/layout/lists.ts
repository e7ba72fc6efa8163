import {blockTexts} from '../deck/blocks.js';
import type {Deck, Slide} from '../deck/deck.js';
import {fit, textWidth} from '../text/wrap.js';
import {indentLines, type Line, lineWidth, seg} from '../text/lines.js';
import type {NavigationState} from '../model/navigation.js';
import {bodyRows, contentWidth, type Size, toHeight} from './slide-body.js';

/**
The sections menu and the overview grid, pure. The menu's list is drawn by ink-select-input
(show/components/sections-menu.tsx) from the rows made here: each row a section, its number
right-aligned in one column, its slides at the right. The overview is all lines, its cursor the
navigation state's.
*/
export function moreLine(direction: 'above' | 'below', margin = 0): Line {
	return [seg(' '.repeat(margin), 'body'), seg(direction === 'above' ? '▲ more above' : '▼ more below', 'muted')];
}

function numberWidth(deck: Deck): number {
	return String(deck.slides.length).length;
}

/** The section a slide is in (0-based). */
export function sectionOf(deck: Deck, index: number): number {
	return Math.max(0, deck.sections.findIndex(section => index >= section.start && index < section.start + section.count));
}

function rangeText(start: number, count: number): string {
	return count > 1 ? `slides ${start + 1}-${start + count}` : `slide ${start + 1}`;
}

/** Where the menu's list goes on a screen: its first row, column and width, and the rows it may use. */
export type MenuPlace = {readonly top: number; readonly left: number; readonly width: number; readonly rows: number};

const menuHeadingRows = 3;
/** Wider than this, a section's slides would sit too far from its name to read across. */
const widestMenu = 76;

/** The menu's block (heading and list), centred in the body both ways. */
function menuBox(size: Size, count: number): {margin: number; width: number; offset: number; rows: number} {
	const width = Math.min(contentWidth(size), widestMenu);
	const rows = Math.max(1, bodyRows(size) - menuHeadingRows);
	const offset = Math.max(0, Math.floor((rows - Math.min(count, rows)) / 2));
	return {margin: Math.max(2, Math.floor((size.columns - width) / 2)), width, offset, rows};
}

/** Where the list of `count` sections goes on a screen whose body starts at row `bodyTop`. */
export function menuPlace(size: Size, bodyTop: number, count: number): MenuPlace {
	const {margin, width, offset, rows} = menuBox(size, count);
	return {top: bodyTop + offset + menuHeadingRows, left: margin, width, rows};
}

/** The body of the menu's screen: its heading; the list is drawn over the rows under it. */
export function menuHeading(size: Size, count: number): Line[] {
	const {margin, offset} = menuBox(size, count);
	return indentLines([...Array.from({length: offset}, () => []), [], [seg('Sections', 'title')], []], margin);
}

/** The width of the mark before a row ("› " on the highlighted one): ink-select-input's indicator. */
export const indicatorWidth = 2;

/**
One section's row, `width` wide (after the indicator): ▶ on the section of the slide on screen, the
section's number right-aligned, its name (cut with … where it must be), its slides in a column at
the right. The highlighted row is one band of the selected style.
*/
export function menuRow(deck: Deck, section: number, width: number, marks: {readonly isCurrent: boolean; readonly isSelected: boolean}): Line {
	const {title, start, count} = deck.sections[section] ?? {title: '', start: 0, count: 0};
	const digits = String(deck.sections.length).length;
	const rangeWidth = Math.max(...deck.sections.map(each => textWidth(rangeText(each.start, each.count))));
	const mark = marks.isCurrent ? '▶ ' : '  ';
	const number = `${String(section + 1).padStart(digits)}. `;
	const room = Math.max(1, width - textWidth(mark + number) - rangeWidth - 2);
	const name = fit(title, room);
	const range = rangeText(start, count).padStart(rangeWidth);
	const gap = ' '.repeat(Math.max(2, width - textWidth(mark + number + name) - rangeWidth));
	if (marks.isSelected) {
		return [seg(mark + number + name + gap + range, 'selected')];
	}

	return [seg(mark, 'accent'), seg(number, 'muted'), seg(name, 'body'), seg(gap + range, 'muted')];
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
	if (block?.kind === 'table') {
		// A table's first line is its first row (its column heads say little alone).
		return (block.rows[0] ?? block.columns).filter(Boolean).join(' · ');
	}

	// A timeline's first line is its first event: when, then what.
	return block ? blockTexts(block).slice(0, block.kind === 'timeline' ? 2 : 1).join(': ') : '';
}

/** One card: the number in its top border (▶ on the slide on screen), the title, the first line. */
function card(deck: Deck, slide: Slide, state: NavigationState, width: number): Line[] {
	const inner = width - 4;
	const isCursor = slide.index === state.cursor;
	const border = isCursor ? 'accent' : 'rule';
	const label = ` ${slide.index === state.index ? '▶ ' : ''}${String(slide.index + 1).padStart(numberWidth(deck))} `;
	const title = fit(slide.title, inner);
	const words = fit(firstWords(slide), inner);
	const pad = (text: string) => ' '.repeat(Math.max(0, inner - textWidth(text)));
	return [
		[seg('╭─', border), seg(label, isCursor ? 'selected' : 'accent'), seg('─'.repeat(Math.max(0, width - 3 - textWidth(label))) + '╮', border)],
		[seg('│ ', border), seg(title + pad(title), isCursor ? 'selected' : 'heading'), seg(' │', border)],
		[seg('│ ', border), seg(words + pad(words), 'muted'), seg(' │', border)],
		[seg('╰' + '─'.repeat(width - 2) + '╯', border)],
	];
}

/** One row of cards, side by side, starting at slide `start`. */
function cardRow(deck: Deck, state: NavigationState, start: number, columns: number, cardWidth: number): Line[] {
	const cards = deck.slides.slice(start, start + columns).map(slide => card(deck, slide, state, cardWidth));
	return Array.from({length: cardRows}, (_, row) => cards.flatMap((lines, index) => [...(index > 0 ? [seg('  ', 'body')] : []), ...(lines[row] ?? [])]));
}

/**
The overview: every slide as a small card in a centred grid; it scrolls by rows of cards. Only the
rows on screen are made, so a deck of thousands of slides reads (and, when read lazily, parses) only
the slides it shows.
*/
export function overviewLines(deck: Deck, state: NavigationState, size: Size): Line[] {
	const rows = bodyRows(size);
	const {columns, cardWidth} = overviewGrid(size, deck.slides.length);
	const gridWidth = columns * cardWidth + (columns - 1) * 2;
	const margin = Math.max(0, Math.floor((size.columns - gridWidth) / 2));
	const rowCount = Math.ceil(deck.slides.length / columns);
	const rowsOfCards = (first: number, count: number) =>
		Array.from({length: Math.max(0, Math.min(count, rowCount - first))}, (_, offset) => cardRow(deck, state, (first + offset) * columns, columns, cardWidth)).flat();

	const heading: Line[] = [[seg('Overview', 'title')], []];
	const room = rows - heading.length - 1;
	const fitting = Math.floor(room / cardRows);
	const focus = Math.floor(state.cursor / columns);
	let lines: Line[];
	if (rowCount <= fitting) {
		lines = rowsOfCards(0, rowCount);
	} else {
		const shownRows = Math.max(1, Math.floor((room - 2) / cardRows));
		const first = Math.min(Math.max(0, focus - Math.floor(shownRows / 2)), rowCount - shownRows);
		const above = first > 0 ? [moreLine('above', 0)] : [[]];
		const below = first + shownRows < rowCount ? [moreLine('below', 0)] : [[]];
		lines = [...above, ...rowsOfCards(first, shownRows), ...below];
	}

	const block = [...heading, ...lines];
	const widest = Math.max(...block.map(lineWidth));
	return indentLines(toHeight([[], ...block], rows, rowCount <= fitting), Math.max(margin, Math.floor((size.columns - widest) / 2)));
}
