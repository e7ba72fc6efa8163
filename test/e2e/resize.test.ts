import {describe, expect, test} from 'vitest';
import {counter, deckTitleStart} from '../helpers/deck-facts.js';
import {binCommand, esc, isRunning, paintedRows, type Session, type Size, spawnBin, spawnScript, endAfterEach} from '../helpers/pty.js';

/** Resizes of every kind: the screen always equals a fresh start at the new size. */
const {sessions} = endAfterEach();

function open(args: readonly string[], size: Size): Session {
	const session = spawnBin(args, {size});
	sessions.push(session);
	return session;
}

/** The screen a fresh start shows at this size: what every resize must end in. */
async function fresh(args: readonly string[], size: Size): Promise<string> {
	const session = open(args, size);
	const screen = await session.settled();
	session.dispose();
	return screen;
}

async function expectLike(session: Session, args: readonly string[], size: Size) {
	const expected = await fresh(args, size);
	await session.waitFor(() => session.screen() === expected, `the screen of a fresh start at ${size.columns}x${size.rows}`);
}

const tiny: Size[] = [
	{columns: 1, rows: 1},
	{columns: 5, rows: 2},
	{columns: 20, rows: 3},
];

describe.sequential('resize', {timeout: 30_000}, () => {
	test('smaller, then larger, mid-slide: a fresh start at each size', async () => {
		const args = ['--slide', '4'];
		const session = open(args, {columns: 80, rows: 24});
		await session.waitForText(counter(4));
		for (const size of [{columns: 64, rows: 18}, {columns: 120, rows: 40}, {columns: 200, rows: 50}]) {
			session.resize(size);
			await expectLike(session, args, size);
		}
	});

	test('fifty sizes in a second: still running, the last frame right', async () => {
		const args = ['--slide', '3'];
		const session = open(args, {columns: 80, rows: 24});
		await session.waitForText(counter(3));
		for (let index = 0; index < 50; index++) {
			session.resize({columns: 40 + ((index * 37) % 160), rows: 10 + ((index * 13) % 40)});
			await new Promise(resolve => {
				setTimeout(resolve, 20);
			});
		}

		const last = {columns: 90, rows: 30};
		session.resize(last);
		await expectLike(session, args, last);
		expect(isRunning(session.pty.pid)).toBe(true);
		expect(session.log).not.toContain(esc.eraseScrollback);
	});

	test('1x1, 5x2, 20x3: no crash, the notice where it fits, the whole slide when it grows', async () => {
		const args = ['--slide', '2'];
		const session = open(args, {columns: 80, rows: 24});
		await session.waitForText(counter(2));
		for (const size of tiny) {
			session.resize(size);
			await expectLike(session, args, size);
			expect(isRunning(session.pty.pid)).toBe(true);
		}

		expect(session.screen()).toContain('Terminal too small');
		session.resize({columns: 80, rows: 24});
		await expectLike(session, args, {columns: 80, rows: 24});
		expect(session.screen()).toMatch(counter(2));
		session.write('q');
		expect((await session.waitForExit()).code).toBe(0);
	});

	test('started at 5x2 it shows what fits, and the slide once the terminal grows', async () => {
		const session = open([], {columns: 5, rows: 2});
		await session.waitFor(() => session.screen().trim() !== '', 'something on the screen');
		session.resize({columns: 70, rows: 20});
		await expectLike(session, [], {columns: 70, rows: 20});
		expect(session.screen()).toMatch(counter(1));
	});

	for (const size of [{columns: 80, rows: 24}, {columns: 60, rows: 16}]) {
		test(`twenty slide changes at ${size.columns}x${size.rows}: every row used, the last one too, and nothing scrolls or clears`, async () => {
			const session = open([], size);
			await session.waitForText(counter(1));
			const start = session.log.length;
			// End, Home, →, ←, over and over: each one changes the slide or its step.
			const keys = Array.from({length: 20}, (_, index) => ['\u001B[F', '\u001B[H', '\u001B[C', '\u001B[D'][index % 4]!);
			for (const key of keys) {
				const before = session.screen();
				session.write(key);
				await session.waitFor(() => session.screen() !== before, 'the next frame');
				// Not scrolled: the header (or the too-small notice) is on the first row, the footer's counter
				// on the last, and nothing went into the scrollback.
				const lines = session.lines();
				if (!session.screen().includes('Terminal too small')) {
					expect(lines[0]).toContain(deckTitleStart);
					expect(lines.at(-1)).toMatch(/^ \d+\/\d+/);
				}

				expect(session.term.buffer.active.baseY).toBe(0);
			}

			expect(session.count(esc.eraseScrollback)).toBe(0);
			// Clears belong to the start (the alternate screen taken, the first paint); the twenty
			// changes after it are drawn over what is there, never by clearing the screen.
			const changes = session.log.slice(start);
			expect(session.count(esc.eraseScreen, changes)).toBe(0);
			// Every change reaches the screen by absolute position, the last row included, never below it.
			expect(paintedRows(changes).length).toBeGreaterThanOrEqual(20);
			expect(Math.max(...paintedRows(changes))).toBeLessThanOrEqual(size.rows);
		});
	}

	test('a terminal that reports 0x0 is taken as 80x24', async () => {
		const session = spawnScript(`stty rows 0 cols 0; ${binCommand(['--slide', '3'])}`, {size: {columns: 80, rows: 24}});
		sessions.push(session);
		const expected = await fresh(['--slide', '3'], {columns: 80, rows: 24});
		await session.waitFor(() => session.screen() === expected, 'the slide laid out at 80x24');
		expect(session.log).not.toContain(esc.eraseScrollback);
	});
});
