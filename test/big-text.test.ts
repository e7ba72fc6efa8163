import {describe, expect, test} from 'vitest';
import {bigWidth, canDrawBig, drawBig, wrapBig} from '../source/big-text.js';
import {lineText} from '../source/layout.js';
import {slideBody} from '../source/screen.js';
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
	const short = deck.slides.find(slide => (wrapBig(slide.title, 120)?.length ?? 9) <= 2)!;
	const long = deck.slides.find(slide => (wrapBig(slide.title, 120)?.length ?? 0) > 2);

	test('at 200x50 a title that fits two big lines is drawn big', () => {
		const body = slideBody(short, short.units, {columns: 200, rows: 50}).lines.map(lineText);
		expect(body.some(line => blocks.test(line))).toBe(true);
		expect(body.join('\n')).not.toContain(short.title);
	});

	test('at 80x24 titles are text', () => {
		const body = slideBody(short, short.units, {columns: 80, rows: 24}).lines.map(lineText);
		expect(body.some(line => blocks.test(line))).toBe(false);
		expect(body.join(' ')).toContain(short.title.split(' ')[0]);
	});

	test('a title that would take three big lines stays text at 200x50', () => {
		expect(long, 'the deck has a long title to try').toBeDefined();
		const body = slideBody(long!, long!.units, {columns: 200, rows: 50}).lines.map(lineText);
		const first = body.find(line => line.trim() !== '') ?? '';
		expect(first.trim()).toBe(long!.title.slice(0, first.trim().length));
		expect(first).not.toMatch(blocks);
	});
});
