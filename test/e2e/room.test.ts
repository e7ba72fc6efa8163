import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, describe, expect, test} from 'vitest';
import {slideCount} from '../helpers/deck-facts.js';
import {type Session, type Size, spawnBin} from '../helpers/pty.js';

/**
Made for the room, in a real terminal: the built program in a pseudo-terminal at the sizes a room
uses, read back from the terminal emulator as a person (or a projector) would see it.
*/
const runtime = mkdtempSync(path.join(os.tmpdir(), 'brf-room-'));
const sessions: Session[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});
afterAll(() => {
	rmSync(runtime, {recursive: true, force: true});
});

/** Each test gets its own presenter-link rendezvous, so no two shows pair by accident. */
let runs = 0;
function start(args: readonly string[], size: Size, env: Record<string, string | undefined> = {}, dir?: string): Session {
	const own = dir ?? mkdtempSync(path.join(runtime, `run-${runs++}-`));
	const session = spawnBin(args, {size, env: {XDG_RUNTIME_DIR: own, ...env}});
	sessions.push(session);
	return session;
}

const counterOf = (line: string) => /^ (\d+)\/\d+(?: · (\d+)\/(\d+))?/.exec(line);
const barColumns = (line: string) => [line.search(/[━─]/), Math.max(line.lastIndexOf('━'), line.lastIndexOf('─'))];

/** Walks the show from the first slide to the last whole step, handing each screen to `visit`. */
async function walk(session: Session, visit: (lines: string[]) => void): Promise<void> {
	let last = '';
	for (let presses = 0; presses < 400; presses++) {
		await session.waitFor(() => {
			const footer = session.lines().at(-1) ?? '';
			return counterOf(footer) !== null && footer !== last;
		}, `a new footer after ${presses} presses`);
		const lines = session.lines();
		const footer = lines.at(-1) ?? '';
		visit(lines);
		last = footer;
		const match = counterOf(footer);
		if (Number(match?.[1]) === slideCount && match?.[2] === undefined) {
			return;
		}

		session.write('\u001B[C');
	}

	throw new Error('never reached the last slide');
}

describe.sequential('the room in a real terminal', {timeout: 60_000}, () => {
	test.each([
		{columns: 100, rows: 30},
		{columns: 120, rows: 40},
		{columns: 200, rows: 50},
	])('at %j the footer is on the last row and its bar never moves, on every slide and step', async size => {
		const session = start([], size);
		const columns = new Set<string>();
		await walk(session, lines => {
			const footer = lines.at(-1) ?? '';
			expect(footer).not.toContain('…');
			columns.add(barColumns(footer).join('-'));
		});
		expect([...columns]).toHaveLength(1);
	});

	test('at 80x24 with a presenter view linked: no key hint, nothing cut, the bar in the same columns throughout', async () => {
		const size = {columns: 80, rows: 24};
		const dir = mkdtempSync(path.join(runtime, 'linked-'));
		const audience = start([], size, {}, dir);
		await audience.waitForText('1/');
		const presenter = start(['--presenter'], size, {}, dir);
		await presenter.waitForText('audience view connected');
		await audience.waitFor(() => (audience.lines().at(-1) ?? '').includes('presenter view connected'), 'the link status');
		const columns = new Set<string>();
		await walk(audience, lines => {
			const footer = lines.at(-1) ?? '';
			expect(footer).not.toContain('…');
			expect(footer).not.toContain('? help');
			columns.add(barColumns(footer).join('-'));
		});
		expect([...columns]).toHaveLength(1);
		// A number typed in the presenter view, and its refusal, show there and not to the room.
		// One digit a read: two printable characters in one read are a paste, which the show ignores.
		presenter.write('9');
		await presenter.waitForText('go to 9 ');
		presenter.write('9');
		await presenter.waitForText('go to 99');
		presenter.write('\r');
		await presenter.waitForText('no slide 99');
		expect(audience.screen()).not.toMatch(/go to 99|no slide 99/);
	});

	test('at 200x50 every slide\'s body uses at least half the rows; the title slide\'s title is big letters, three rows a line; every content slide\'s title is text and its body starts on one row', async () => {
		const size = {columns: 200, rows: 50};
		const session = start(['--no-reveal'], size);
		const isBig = (line: string) => /[▀▄█]/.test(line) && !/[░]/.test(line);
		const bodyStarts = new Set<number>();
		await walk(session, lines => {
			const body = lines.slice(2, -2);
			const used = body.map(line => line.trim() !== '');
			expect(used.lastIndexOf(true) - used.indexOf(true) + 1).toBeGreaterThanOrEqual(size.rows / 2);
			const first = used.indexOf(true);
			const counter = counterOf(lines.at(-1) ?? '');
			if (Number(counter?.[1]) === 1) {
				// The title: runs of big-letter rows from the top, each run three rows (one line of big letters).
				const runs: number[] = [];
				for (let row = first; row < body.length && (isBig(body[row] ?? '') || (body[row] ?? '').trim() === ''); row++) {
					if (isBig(body[row] ?? '') && (row === first || !isBig(body[row - 1] ?? ''))) {
						runs.push(0);
					}

					if (isBig(body[row] ?? '')) {
						runs[runs.length - 1]! += 1;
					} else if (runs.length > 0 && body.slice(row, row + 2).every(line => line.trim() === '')) {
						break;
					}
				}

				expect(runs.length).toBeGreaterThan(0);
				expect(new Set(runs)).toEqual(new Set([3]));
				return;
			}

			expect(isBig(body[first] ?? ''), lines.at(-1)).toBe(false);
			bodyStarts.add(first);
		});
		expect([...bodyStarts]).toHaveLength(1);
	});

	test.each([
		['palette', {COLORTERM: undefined}, (cell: Cell) => cell.isBgPalette() && cell.getBgColor() === 15],
		['true colour', {COLORTERM: 'truecolor'}, (cell: Cell) => cell.isBgRGB() && cell.getBgColor() === 0xff_ff_ff],
	] as const)('a white screen (%s) paints every cell white, the last row too', async (_name, env, isWhite) => {
		const size = {columns: 80, rows: 24};
		const session = start([], size, env);
		await session.waitForText('1/');
		session.write('w');
		const buffer = () => session.term.buffer.active;
		const cells = () => {
			const all: Cell[] = [];
			for (let y = 0; y < size.rows; y++) {
				const line = buffer().getLine(buffer().viewportY + y);
				for (let x = 0; x < size.columns; x++) {
					const cell = line?.getCell(x);
					if (cell) {
						all.push(cell);
					}
				}
			}

			return all;
		};

		await session.waitFor(() => cells().length === size.columns * size.rows && cells().every(cell => isWhite(cell)), 'every cell white');
		session.write('x');
		await session.waitForText('1/');
	});

	test.each([
		{columns: 80, rows: 24},
		{columns: 200, rows: 50},
	])('at %j the sections menu (ink-select-input) keeps its numbers in one column; keys that arrive together each count; Enter jumps', async size => {
		const session = start(['--slide', '12'], size);
		await session.waitForText('12/');
		session.write('m');
		await session.waitForText('12. Source');
		const rows = () => session.lines().filter(line => /^\s*(›\s)?\s*(▶\s)?\s*\d+\. /.test(line));
		const highlighted = () => /›\s+(?:▶\s+)?(\d+)\./.exec(rows().find(line => line.includes('›')) ?? '')?.[1];
		// Slide 12 is in section 5 (slides 10-15): marked ▶ and highlighted when the menu opens.
		expect(rows().find(line => line.includes('▶'))).toMatch(/› ▶\s+5\. Sanctuary cities\s+slides 10-15/);
		for (const [keys, section] of [
			['\u001B[A', '4'],
			['\u001B[A\u001B[A\u001B[A', '1'],
			['\u001B[B\u001B[B\u001B[B\u001B[B\u001B[B\u001B[B', '7'],
		] as const) {
			// Written at once, one read: every ↑ and ↓ in it counts.
			session.write(keys);
			await session.waitFor(() => highlighted() === section, `section ${section} highlighted`);
			expect(rows()).toHaveLength(12);
			expect(new Set(rows().map(line => /^.*?\d+\./.exec(line)?.[0].length)).size).toBe(1);
		}

		session.write('\r');
		await session.waitForText('19/');
		expect(session.screen()).not.toContain('Sections');
	});
});

type Cell = {isBgPalette(): boolean; isBgRGB(): boolean; getBgColor(): number};
