import {execFileSync} from 'node:child_process';
import {copyFileSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {afterAll, afterEach, describe, expect, test} from 'vitest';
import {goTo} from '../helpers/go-to.js';
import {bin, root, type Session, type Size, spawnBin} from '../helpers/pty.js';
import {useWcwidth, wcwidth} from '../helpers/wcwidth.js';

/**
A deck in Chinese, Japanese and emoji (test/fixtures/wide-text.md: a ZWJ family, combining accents, a
table with CJK cells, CJK section titles, notes of 200 wide characters), presented in a pty whose
terminal measures text with a wcwidth of the test's own (helpers/wcwidth.ts), at 80x24 and 120x40:
no row wider than the terminal, every character of every slide on screen, table rules under their
cells; the notes whole in the presenter view; --print within its width.
*/
const original = path.join(root, 'test/fixtures/wide-text.md');
const source = readFileSync(original, 'utf8');
// Presented from a copy: a rehearsal writes its timings beside the deck, never into the checkout.
const folder = mkdtempSync(path.join(tmpdir(), 'briefing-wide-'));
const fixture = path.join(folder, 'wide-text.md');
copyFileSync(original, fixture);
afterAll(() => {
	rmSync(folder, {recursive: true, force: true});
});
const sizes: Size[] = [
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
];

const sessions: Session[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});

function start(args: readonly string[], size: Size): Session {
	const session = spawnBin([...args, fixture], {size});
	useWcwidth(session.term);
	sessions.push(session);
	return session;
}

const squeeze = (text: string) => text.replaceAll(/\s+/g, '');

/**
What the slides say, from the fixture itself: the deck's title, every section and slide title, bullet
(a timeline's date and event apart), table cell, caption and quote line, Markdown marks taken out.
*/
function slideTexts(): string[] {
	const body = source.slice(source.indexOf('\n---\n', 4) + 5).replaceAll(/<!--[\s\S]*?-->/g, '');
	const texts = [/^title: (.*)$/m.exec(source)![1]!];
	for (const line of body.split('\n')) {
		const text = line.replace(/\s*\{#[\w-]+\}$/, '');
		if (/^#{1,2} /.test(text)) {
			texts.push(text.replace(/^#+ /, ''));
		} else if (text.startsWith('- ')) {
			texts.push(...text.slice(2).split(/\*\*(.+?)\*\*:?/).filter(Boolean));
		} else if (text.startsWith('|') && !text.startsWith('| ---')) {
			texts.push(...text.split('|').map(cell => cell.trim()).filter(Boolean));
		} else if (text.startsWith('Table: ')) {
			texts.push(text.slice('Table: '.length));
		} else if (/^> \S/.test(text)) {
			texts.push(text.slice(2));
		} else if (/^\*\*.+\*\*$/.test(text)) {
			texts.push(text.slice(2, -2));
		}
	}

	return texts.map(each => squeeze(each)).filter(Boolean);
}

/** The footer's place: "3/5", with " · 2/3" on a step. */
const footer = (session: Session) => /^ (\d+\/\d+(?: · \d+\/\d+)?)/.exec(session.lines().at(-1) ?? '')?.[1];

/** Every screen of the show, from the first slide to the last step of the last one. */
async function walk(session: Session): Promise<string[][]> {
	await session.waitFor(() => footer(session) !== undefined, 'the first slide');
	const screens: string[][] = [];
	for (let key = 0; key < 40; key++) {
		screens.push(session.lines());
		const place = footer(session)!;
		const [slide, count, step, steps] = place.split(/\/| · /).map(Number);
		if (slide === count && step === steps) {
			return screens;
		}

		session.write('l');
		await session.waitFor(() => footer(session) !== undefined && footer(session) !== place, `the step after ${place}`);
	}

	throw new Error('the show did not end in 40 steps');
}

/** The columns (cell indices) of the screen row `y` that hold one of `marks`. */
function columnsOf(session: Session, y: number, marks: string): number[] {
	const line = session.term.buffer.active.getLine(session.term.buffer.active.viewportY + y)!;
	const found: number[] = [];
	for (let x = 0; x < session.term.cols; x++) {
		const char = line.getCell(x)?.getChars() ?? '';
		if (char && marks.includes(char)) {
			found.push(x);
		}
	}

	return found;
}

describe.each(sizes)('a deck in Chinese, Japanese and emoji at $columns x $rows', {timeout: 30_000}, size => {
	test('every row within the terminal, every character of every slide on screen, table rules under their cells', async () => {
		const session = start([], size);
		const screens = await walk(session);
		for (const screen of screens) {
			for (const row of screen) {
				expect(wcwidth(row), row).toBeLessThanOrEqual(size.columns);
			}
		}

		const shown = screens.map(screen => squeeze(screen.join('')));
		const missing = slideTexts().filter(text => !shown.some(each => each.includes(text)));
		expect(missing).toEqual([]);
		expect(shown.join('')).toContain('第二部分：日本語のセクションと長い題名');

		// Back to the table: every │ of its rows stands on a ┼ of its rule.
		await goTo(session, 3);
		await session.waitFor(() => session.screen().includes('┼') && session.screen().includes('首尔'), 'the table');
		const lines = session.lines();
		const rule = lines.findIndex(line => line.includes('┼'));
		const crossings = columnsOf(session, rule, '┼');
		expect(crossings).toHaveLength(2);
		const rows = lines.flatMap((line, y) => (line.includes('│') && /城市|北京|東京都|首尔/.test(line) ? [y] : []));
		expect(rows).toHaveLength(4);
		for (const y of rows) {
			expect(columnsOf(session, y, '│'), lines[y]).toEqual(crossings);
		}
	});

	test('the presenter view shows notes of 200 wide characters whole', async () => {
		const session = start(['--presenter', '--slide', '2'], size);
		await session.waitFor(() => session.screen().includes('Notes') && session.screen().includes('注'), 'the notes');
		expect(session.screen().match(/注/g)).toHaveLength(200);
		for (const row of session.lines()) {
			expect(wcwidth(row), row).toBeLessThanOrEqual(size.columns);
		}
	});
});

describe('--print of a deck in Chinese, Japanese and emoji', () => {
	test('every line within the width it promises, every word there', () => {
		const printed = execFileSync(process.execPath, [bin, '--print', fixture], {encoding: 'utf8', env: {...process.env, CI: 'true'}});
		const lines = printed.split('\n');
		const widest = Math.max(...lines.map(line => wcwidth(line)));
		expect(widest).toBeLessThanOrEqual(78);
		expect(lines.filter(line => /^=+$/.test(line)).map(line => line.length)).toContain(78);
		const text = squeeze(printed);
		// The table is printed as a list of its rows; every other text as written.
		const missing = slideTexts().filter(each => !text.includes(each));
		expect(missing).toEqual([]);
	});
});
