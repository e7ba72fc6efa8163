import {describe, expect, test} from 'vitest';
import {bigWidth, canDrawBig, drawBig, wrapBig} from '../source/layout/big-text.js';
import {lineText} from '../source/layout/layout.js';
import {slideBody} from '../source/layout/screen.js';
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

	test('a character without a glyph makes the title plain', () => {
		expect(canDrawBig('Tilde ~')).toBe(false);
	});
});

describe('titles on a projector-sized terminal', () => {
	const fitsBig = (title: string) => (wrapBig(title, 120)?.length ?? 9) <= 2;
	const opener = deck.slides.find(slide => slide.opensSection && fitsBig(slide.title))!;
	const inside = deck.slides.find(slide => !slide.opensSection && fitsBig(slide.title))!;
	const longOpener = deck.slides.find(slide => slide.opensSection && !fitsBig(slide.title));
	// The title is the first thing on the slide (the body is centred, so look past the blank rows).
	const isBig = (lines: string[]) => {
		const first = lines.findIndex(line => line.trim() !== '');
		return lines.slice(first, first + 3).some(line => blocks.test(line));
	};
	const body = (slide: typeof opener, size: {columns: number; rows: number}) =>
		slideBody(slide, slide.units, size).lines.map(lineText);

	test('every section opens with one slide, and the deck has openers and inside slides to try', () => {
		expect(deck.slides.filter(slide => slide.opensSection)).toHaveLength(deck.sections.length);
		expect(opener).toBeDefined();
		expect(inside).toBeDefined();
	});

	test('at 200x50 the first slide of a section has its title in big letters', () => {
		const lines = body(opener, {columns: 200, rows: 50});
		expect(isBig(lines)).toBe(true);
		expect(lines.join('\n')).not.toContain(opener.title);
	});

	test('at 200x50 the other slides keep a text title', () => {
		const lines = body(inside, {columns: 200, rows: 50});
		expect(isBig(lines)).toBe(false);
		expect(lines.join('\n')).toContain(inside.title);
	});

	test('at 80x24 titles are text', () => {
		const lines = body(opener, {columns: 80, rows: 24});
		expect(isBig(lines)).toBe(false);
		expect(lines.join(' ')).toContain(opener.title.split(' ')[0]);
	});

	test('a section opener whose title would take three big lines stays text at 200x50', () => {
		expect(longOpener, 'the deck has a long opener title to try').toBeDefined();
		const lines = body(longOpener!, {columns: 200, rows: 50});
		const first = lines.find(line => line.trim() !== '') ?? '';
		expect(first.trim()).toBe(longOpener!.title.slice(0, first.trim().length));
		expect(isBig(lines)).toBe(false);
	});
});
