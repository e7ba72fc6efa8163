import {afterEach, describe, expect, test} from 'vitest';
import {type Session, spawnBin} from '../helpers/pty.js';

/**
Themes that read everywhere, in a real terminal: each paints its own background under every cell of
the screen, and `auto` asks the terminal for its background (OSC 11) and follows the answer.
*/
const sessions: Session[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});

const query = '\u001B]11;?\u0007';

/** Every cell's background in the rows of the screen: the palette index or RGB, -1 where none was painted. */
function backgrounds(session: Session): number[][] {
	const buffer = session.term.buffer.active;
	return Array.from({length: session.term.rows}, (_, y) =>
		Array.from({length: session.term.cols}, (_, x) => {
			const cell = buffer.getLine(buffer.viewportY + y)?.getCell(x);
			return !cell || cell.isBgDefault() ? -1 : cell.getBgColor();
		}),
	);
}

/** Palette white bright (107) and black (40) as xterm numbers them. */
const whiteBright = 15;
const black = 0;

describe('themes that read everywhere', () => {
	test('--theme light on any terminal: every cell of every row, text rows too, on the light page; COLORFGBG dark does not matter', async () => {
		const session = spawnBin(['--theme', 'light', '--no-reveal'], {env: {COLORFGBG: '15;0', COLORTERM: undefined}});
		sessions.push(session);
		await session.waitFor(() => /^ 1\/\d+/.test(session.lines().at(-1) ?? ''), 'the first slide');
		session.write('l');
		await session.waitFor(() => /^ 2\/\d+/.test(session.lines().at(-1) ?? ''), 'slide 2');
		const rows = backgrounds(session);
		const textRows = session.lines().filter(line => line.trim() !== '').length;
		expect(textRows).toBeGreaterThan(6);
		for (const [y, row] of rows.entries()) {
			expect(row.every(bg => bg === whiteBright), `row ${y + 1}: ${session.lines()[y]}`).toBe(true);
		}

		// A text cell's own foreground is dark: the light theme's text is not the terminal's default.
		const title = session.term.buffer.active.getLine(0)?.getCell(2);
		expect(title?.isFgDefault()).toBe(false);
	});

	test('auto (the default) asks with OSC 11; a light answer gives the light page, and the answer never acts as a key', async () => {
		const session = spawnBin([], {env: {COLORFGBG: undefined, COLORTERM: undefined}});
		sessions.push(session);
		// The terminal answers as soon as it is asked (a real one answers within milliseconds): its background is white. Then a DA1 answer, as terminals send after it.
		await session.waitFor(() => session.log.includes(query), 'the OSC 11 question');
		session.write('\u001B]11;rgb:ffff/ffff/ffff\u0007\u001B[?64;1c');
		await session.waitFor(() => /^ 1\/\d+/.test(session.lines().at(-1) ?? ''), 'the first slide');
		const footer = session.lines().at(-1);
		await session.waitFor(() => backgrounds(session).every(row => row.every(bg => bg === whiteBright)), 'the light page on every cell');
		// Still the first slide at the same step, still running: nothing in the answer moved the show or quit it.
		expect(session.lines().at(-1)).toBe(footer);
		expect(session.exit).toBeUndefined();
	});

	test('auto with no answer: the quick fallback, dark, every cell on the dark page', async () => {
		const session = spawnBin([], {env: {COLORFGBG: undefined, COLORTERM: undefined}});
		sessions.push(session);
		await session.waitFor(() => /^ 1\/\d+/.test(session.lines().at(-1) ?? ''), 'the first slide');
		await session.waitFor(() => backgrounds(session).every(row => row.every(bg => bg === black)), 'the dark page on every cell');
	});

	test('NO_COLOR stays plain: not asked, no background painted', async () => {
		const session = spawnBin([], {env: {NO_COLOR: '1'}});
		sessions.push(session);
		await session.waitFor(() => /^ 1\/\d+/.test(session.lines().at(-1) ?? ''), 'the first slide');
		expect(session.log).not.toContain(query);
		expect(backgrounds(session).every(row => row.every(bg => bg === -1))).toBe(true);
	});
});
