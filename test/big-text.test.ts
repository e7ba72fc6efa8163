import {beforeAll, describe, expect, test} from 'vitest';
import {loadInk} from '../source/deck/drawn.js';
import {bigWidth, canDrawBig, drawBig, wrapBig} from '../source/layout/big-text.js';
import {lineText} from '../source/text/lines.js';
import {deckHasBigOpening, deckLook, slideBody} from '../source/layout/screen.js';
import {soleQuote} from '../source/layout/slide-body.js';
import type {Deck, Slide} from '../source/deck/deck.js';
import {deck} from '../slides/index.js';

const blocks = /[▀▄█]/;

describe('big letters', () => {
	test('every slide title of the deck can be drawn big', () => {
		for (const slide of deck.slides) {
			expect(canDrawBig(slide.title), slide.title).toBe(true);
		}
	});

	test('a line is three rows as wide as measured, in half blocks only', () => {
		for (const text of ['ICE', 'Cut by 62%', 'What to watch: the agency', '“rings hollow”']) {
			const rows = drawBig(text);
			expect(rows).toHaveLength(3);
			expect(Math.max(...rows.map(row => row.length))).toBeLessThanOrEqual(bigWidth(text));
			expect(rows.join('')).toMatch(/^[▀▄█ ]+$/);
		}
	});

	test('letters are told apart: no two glyphs draw the same', () => {
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
		const drawn = new Set([...alphabet].map(char => drawBig(char).join('\n')));
		expect(drawn.size).toBe(alphabet.length);
	});

	test('wrapping keeps every line within the width and every word', () => {
		const title = 'He ousted the Homeland Security Advisory Committee';
		const lines = wrapBig(title, 120) ?? [];
		expect(lines.join(' ')).toBe(title);
		for (const line of lines) {
			expect(bigWidth(line)).toBeLessThanOrEqual(120);
		}

		expect(wrapBig('Unbreakablewordthatiswaytoowide', 20)).toBeUndefined();
	});

	test('an ellipsis is three dots, not a full stop: a title cut short reads as cut', () => {
		expect(canDrawBig('Mayorkas says he’s…')).toBe(true);
		expect(drawBig('…')).not.toEqual(drawBig('.'));
		expect(drawBig('…')[2]).toBe('▀ ▀ ▀');
	});

	test('a character without a glyph makes the title plain', () => {
		expect(canDrawBig('Tilde ~')).toBe(false);
	});
});

beforeAll(async () => {
	// The deck holds a slide with an Ink component: laying it out draws it with Ink.
	await loadInk();
});

describe('titles and quotes on a projector-sized terminal', () => {
	const isBigRow = (line: string) => blocks.test(line);
	/** Rows of big letters before the first text row: the title's height. */
	const titleHeight = (lines: string[]) => {
		const first = lines.findIndex(line => line.trim() !== '');
		const rest = lines.slice(first);
		if (!isBigRow(rest[0] ?? '')) {
			return 0;
		}

		const end = rest.findIndex((line, index) => !isBigRow(line) && line.trim() !== '' && index > 0);
		return rest.slice(0, end < 0 ? rest.length : end).filter(isBigRow).length;
	};

	const body = (slide: Slide, size: {columns: number; rows: number}) =>
		slideBody(slide, slide.units, size, {look: deckLook(deck, size)}).lines.map(lineText);

	test.each([
		{columns: 120, rows: 36},
		{columns: 200, rows: 50},
	])('at %j the title slide has its title in big letters; every content slide a text title, the body starting on one row', size => {
		expect(deckHasBigOpening(deck, size)).toBe(true);
		const [opening, ...content] = deck.slides;
		const first = body(opening!, size);
		expect(titleHeight(first), opening!.title).toBeGreaterThanOrEqual(3);
		expect(first.join('\n')).not.toContain(opening!.title);
		const firstBodyRows = new Set<number>();
		for (const slide of content) {
			const lines = body(slide, size);
			expect(titleHeight(lines), slide.title).toBe(0);
			expect(lines.join(' '), slide.title).toContain(slide.title.split(' ')[0]);
			// The title block is as tall on every content slide: the tallest title's rows, then the gap.
			const afterTitle = deckLook(deck, size).titleRows + 1;
			expect(lines.slice(afterTitle, afterTitle + 1).join('').trim(), slide.title).toBe('');
			firstBodyRows.add(afterTitle);
		}

		expect(firstBodyRows.size).toBe(1);
	});

	test.each([
		{columns: 80, rows: 24},
		{columns: 100, rows: 30},
	])('at %j every title is a line of text', size => {
		expect(deckHasBigOpening(deck, size)).toBe(false);
		for (const slide of deck.slides) {
			const lines = body(slide, size);
			expect(titleHeight(lines), slide.title).toBe(0);
			expect(lines.join(' ')).toContain(slide.title.split(' ')[0]);
		}
	});

	test('a title slide whose title is too long for three big lines shows it as text', () => {
		const long = {...deck.slides[0]!, title: 'A title far too long to be drawn in three lines of big letters on any screen we know of, which goes on and on past any width a projector has, and then it goes on some more'};
		const changed: Deck = {...deck, slides: deck.slides.map(slide => (slide.index === 0 ? long : slide))};
		const size = {columns: 200, rows: 50};
		expect(deckHasBigOpening(changed, size)).toBe(false);
		expect(titleHeight(slideBody(changed.slides[0]!, 0, size, {look: deckLook(changed, size)}).lines.map(lineText))).toBe(0);
	});

	test('the abolition quote is big, its speaker beneath; a long quote is not', () => {
		const abolition = deck.slides.find(slide => slide.id === 'abolition-opposed')!;
		const quote = soleQuote(abolition);
		expect(quote?.text).toContain('100% opposed to the abolition of ICE');
		const lines = body(abolition, {columns: 200, rows: 50});
		const lead = lines.findIndex(line => line.includes('Mayorkas said no.'));
		const after = lines.slice(lead + 1);
		expect(after.some(isBigRow)).toBe(true);
		expect(after.join('\n')).not.toContain('100% opposed');
		const speaker = after.findIndex(line => line.includes('— Alejandro Mayorkas'));
		expect(speaker).toBeGreaterThan(after.findIndex(isBigRow));
		// Hidden until its step, in its place.
		const hidden = slideBody(abolition, 0, {columns: 200, rows: 50}, {look: deckLook(deck, {columns: 200, rows: 50})}).lines.map(lineText);
		expect(hidden.slice(lead + 1).some(isBigRow)).toBe(false);
		const long = deck.slides.find(slide => slide.id === 'noble-mission')!;
		expect(soleQuote(long)).toBeUndefined();
	});

	test('the body uses at least half the rows at 200x50 on every slide and step', () => {
		const size = {columns: 200, rows: 50};
		for (const slide of deck.slides) {
			for (let step = 0; step <= slide.units; step++) {
				const lines = slideBody(slide, step, size, {look: deckLook(deck, size)}).lines.map(lineText);
				const used = lines.map(line => line.trim() !== '');
				const span = used.lastIndexOf(true) - used.indexOf(true) + 1;
				expect(span, `${slide.id} step ${step}`).toBeGreaterThanOrEqual(size.rows / 2);
			}
		}
	});
});
