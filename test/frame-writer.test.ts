import {fc, test} from '@fast-check/vitest';
import {Terminal} from '@xterm/headless';
import {describe, expect} from 'vitest';
import {createFrameWriter, type FrameWriter} from '../source/terminal/frame-writer.js';
import type {Line} from '../source/text/lines.js';
import {type Role, themes} from '../source/text/theme.js';

/**
The frame writer paints diffs; a real terminal emulator (xterm) checks that the screen it leaves is the
screen a fresh paint of the same frame gives, character and style, whatever came before.
*/
type Screen = {term: Terminal; written: string[]; columns: number; rows: number};

function screen(columns: number, rows: number): Screen {
	const term = new Terminal({cols: columns, rows, allowProposedApi: true});
	// As the terminal session leaves it: auto-wrap off, so the bottom-right cell never scrolls.
	term.write('\u001B[?7l');
	return {term, written: [], columns, rows};
}

/** Sets the layers and paints now (the live show paints once the commit is done). */
function paint(writer: FrameWriter, lines: readonly Line[], ink = ''): void {
	writer.show({lines, ink});
	writer.paint();
}

function writerFor(target: Screen) {
	return createFrameWriter({
		theme: themes.dark,
		write(text) {
			target.written.push(text);
			target.term.write(text);
		},
		size: () => ({columns: target.columns, rows: target.rows}),
		hasStyles: true,
	});
}

async function flush(target: Screen): Promise<void> {
	await new Promise<void>(resolve => {
		target.term.write('', resolve);
	});
}

/** Every cell: character and the attributes that show. */
function cells(target: Screen): string[] {
	const buffer = target.term.buffer.active;
	const rows: string[] = [];
	for (let y = 0; y < target.rows; y++) {
		const line = buffer.getLine(y);
		let row = '';
		for (let x = 0; x < target.columns; x++) {
			const cell = line?.getCell(x);
			const char = cell?.getChars() || ' ';
			// A blank cell shows its background only (its foreground is seen under inverse or an underline).
			const isBlank = char === ' ' && !cell?.isInverse() && !cell?.isUnderline();
			const look =
				cell && (char !== ' ' || !cell.isBgDefault() || cell.isInverse() || cell.isUnderline())
					? isBlank
						? `/${cell.getBgColor()}`
						: `${cell.getFgColor()}/${cell.getBgColor()}/${cell.isBold()}${cell.isItalic()}${cell.isUnderline()}${cell.isInverse()}`
					: '';
			row += `${char}${look}|`;
		}

		rows.push(row);
	}

	return rows;
}

/** Every cell's background colour (-1: the terminal's default, a cell no theme painted). */
function backgrounds(target: Screen): number[] {
	const buffer = target.term.buffer.active;
	const all: number[] = [];
	for (let y = 0; y < target.rows; y++) {
		for (let x = 0; x < target.columns; x++) {
			const cell = buffer.getLine(y)?.getCell(x);
			all.push(!cell || cell.isBgDefault() ? -1 : cell.getBgColor());
		}
	}

	return all;
}

function text(target: Screen): string[] {
	const buffer = target.term.buffer.active;
	return Array.from({length: target.rows}, (_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
}

const roles: Role[] = ['heading', 'body', 'muted', 'quote', 'selected', 'rule', 'accent'];
/**
Text of narrow and wide graphemes: CJK (two columns to every terminal), an emoji (two columns to
string-width and to most terminals, one to xterm.js's Unicode 6 table) and a letter with a combining accent.
*/
const cellText = (most: number, narrow: readonly string[]) =>
	fc.array(fc.constantFrom(...narrow, '字', '漢', '😀', 'e\u0301'), {maxLength: most}).map(graphemes => graphemes.join(''));
const segment = fc.record({
	text: cellText(12, [' ', 'a', 'b', 'c', 'd', 'e', '│', '━']),
	role: fc.constantFrom(...roles),
});
const line = fc.array(segment, {maxLength: 5});
const frame = (rows: number) => fc.array(line, {maxLength: rows});
/** What Ink writes: rows of text with SGR codes, each row closing what it opened. */
const inkRun = fc.record({text: cellText(6, [' ', 'x', 'y', 'z', '›']), sgr: fc.constantFrom('', '1', '36', '7', '1;46', '38;5;12', '48;2;1;2;3')});
const inkFrame = (rows: number) =>
	fc
		.array(fc.array(inkRun, {maxLength: 3}), {maxLength: rows})
		.map(frameRows => frameRows.map(runs => runs.map(run => (run.sgr ? `\u001B[${run.sgr}m${run.text}\u001B[0m` : run.text)).join('')).join('\n'));

/** Columns by hand, for the graphemes of these tests: CJK and the emoji two, a combining mark with its letter. */
const handWidth = (grapheme: string) => (/^[\u3000-\u9FFF]$|^\p{Extended_Pictographic}$/u.test(grapheme) ? 2 : 1);
const handSegmenter = new Intl.Segmenter();

/**
A line as a terminal shows it `columns` wide: a wide grapheme that would straddle the edge is a space.
xterm.js draws 😀 one column wide and the writer erases the column after it, hence a space after it.
*/
const expectedText = (lines: readonly Line[], columns: number, rows: number) =>
	Array.from({length: rows}, (_, y) => {
		let shown = '';
		let used = 0;
		for (const {segment: grapheme} of handSegmenter.segment((lines[y] ?? []).map(part => part.text).join(''))) {
			if (used + handWidth(grapheme) > columns) {
				shown += used < columns ? ' ' : '';
				break;
			}

			shown += grapheme === '😀' ? '😀 ' : grapheme;
			used += handWidth(grapheme);
		}

		return shown.replace(/ +$/, '');
	});

describe('the frame writer', () => {
	test.prop([fc.array(fc.tuple(frame(8), inkFrame(8)), {minLength: 1, maxLength: 6})], {seed: 20_210_406, numRuns: 100})(
		'after any sequence of frames (lines and Ink’s frame over them) the screen equals a fresh paint of the last one',
		async frames => {
			const live = screen(24, 8);
			const writer = writerFor(live);
			for (const [lines, ink] of frames) {
				paint(writer, lines, ink);
			}

			await flush(live);
			const fresh = screen(24, 8);
			const [lines, ink] = frames.at(-1)!;
			paint(writerFor(fresh), lines, ink);
			await flush(fresh);
			expect(cells(live)).toEqual(cells(fresh));
			// The theme paints its own background on every cell, written or erased (the dark page is black: 0).
			expect(cells(live).join('').match(/\|/g)?.length).toBe(24 * 8);
			expect(backgrounds(live).every(bg => bg !== -1 && bg !== undefined), backgrounds(live).join(',')).toBe(true);
			if (!ink) {
				expect(text(live).map(row => row.trimEnd())).toEqual(expectedText(lines, 24, 8));
			}
		},
	);

	test('writes nothing for an unchanged frame and only the changed cells for a small change', async () => {
		const target = screen(80, 10);
		const writer = writerFor(target);
		const footer = (clock: string): Line => [
			{text: ' 3/12  ', role: 'accent'},
			{text: '━━━━━━━━', role: 'progress'},
			{text: ' '.repeat(40), role: 'muted'},
			{text: clock, role: 'muted'},
		];
		const body: Line[] = [[{text: 'A title', role: 'heading'}], [], [{text: 'Some body text here', role: 'body'}]];
		paint(writer, [...body, footer('0:41')]);
		const before = target.written.length;
		paint(writer, [...body, footer('0:41')]);
		expect(target.written.length).toBe(before);
		paint(writer, [...body, footer('0:42')]);
		const tick = target.written.slice(before).join('');
		expect(tick.length).toBeLessThan(40);
		await flush(target);
		expect(text(target)[3]).toBe(' 3/12  ━━━━━━━━                                        0:42');
	});

	test('Ink’s cells cover the lines where Ink drew, a blank cell of Ink’s shows the line, and closing Ink’s part brings the lines back', async () => {
		const target = screen(40, 6);
		const writer = writerFor(target);
		const lines: Line[] = [[{text: 'header', role: 'title'}], [{text: 'under the menu', role: 'body'}], [], [{text: 'footer', role: 'muted'}]];
		paint(writer, lines);
		// A menu: one row of Ink’s, a highlighted item, over the second row.
		paint(writer, lines, '\n  \u001B[30;46mItem\u001B[39;49m');
		await flush(target);
		expect(text(target).slice(0, 4)).toEqual(['header', 'unItemthe menu', '', 'footer']);
		const item = target.term.buffer.active.getLine(1)!.getCell(2)!;
		expect(item.isBgPalette() && item.getBgColor()).toBe(6);
		expect(writer.text().slice(0, 2)).toEqual(['header', 'unItemthe menu']);
		paint(writer, lines, '');
		await flush(target);
		expect(text(target)[1]).toBe('under the menu');
	});

	test('paints whole after invalidate (the screen came back from the shell empty)', async () => {
		const target = screen(40, 6);
		const writer = writerFor(target);
		const lines: Line[] = [[{text: 'header stays the same', role: 'title'}], [{text: 'slide one', role: 'body'}]];
		paint(writer, lines);
		// After Ctrl+Z and fg: the alternate screen comes back empty.
		target.term.write('\u001B[H\u001B[2J');
		writer.invalidate();
		writer.paint();
		await flush(target);
		expect(text(target).slice(0, 2)).toEqual(['header stays the same', 'slide one']);
	});

	test('one paint for the lines and Ink’s frame of the same commit, after it', async () => {
		const target = screen(40, 6);
		const writer = writerFor(target);
		writer.show({ink: 'ink row'});
		writer.show({lines: [[], [{text: 'line row', role: 'body'}]]});
		expect(target.written).toEqual([]);
		await Promise.resolve();
		expect(target.written).toHaveLength(1);
		await flush(target);
		expect(text(target).slice(0, 2)).toEqual(['ink row', 'line row']);
	});

	test('repaints from scratch at a new size; every row is used, the bottom-right cell too, and nothing scrolls', async () => {
		const target = screen(30, 6);
		const writer = writerFor(target);
		const wide: Line[] = Array.from({length: 8}, (_, index) => [{text: `row ${index} `.repeat(6), role: 'body'}]);
		paint(writer, wide);
		await flush(target);
		expect(text(target)[0]).toBe('row 0 row 0 row 0 row 0 row 0');
		expect(text(target).at(-1)).toBe('row 5 row 5 row 5 row 5 row 5');
		expect(target.term.buffer.active.baseY).toBe(0);
		target.columns = 20;
		target.term.resize(20, 6);
		paint(writer, wide);
		await flush(target);
		expect(text(target)[0]).toBe('row 0 row 0 row 0 ro');
		expect(text(target)[1]).toBe('row 1 row 1 row 1 ro');
		expect(text(target).at(-1)).toBe('row 5 row 5 row 5 ro');
	});
});

describe('the frame writer in terminal cells', () => {
	test('a wide character takes two cells; one that would straddle the right edge is a space; a combining mark joins its letter', async () => {
		const target = screen(9, 3);
		const writer = writerFor(target);
		paint(writer, [[{text: 'ab字字字', role: 'body'}], [{text: '字字字字字', role: 'title'}], [{text: 'cafe\u0301 字', role: 'body'}]]);
		await flush(target);
		expect(text(target).map(row => row.trimEnd())).toEqual(['ab字字字', '字字字字', 'cafe\u0301 字']);
		expect(writer.text()).toEqual(['ab字字字', '字字字字', 'cafe\u0301 字']);
		// The ninth column of the second row holds the space the fifth 字 became, not half of it.
		expect(target.term.buffer.active.getLine(1)!.getCell(8)!.getWidth()).toBe(1);
		expect(target.term.buffer.active.getLine(0)!.getCell(3)!.getWidth()).toBe(0);
	});

	test('a change next to wide characters writes whole characters where they were and are', async () => {
		const target = screen(12, 2);
		const writer = writerFor(target);
		paint(writer, [[{text: 'x漢字漢字y', role: 'body'}]]);
		paint(writer, [[{text: 'xa漢字漢字y', role: 'body'}]]);
		await flush(target);
		expect(text(target)[0]!.trimEnd()).toBe('xa漢字漢字y');
		paint(writer, [[{text: 'x漢b字漢字', role: 'body'}]]);
		await flush(target);
		expect(text(target)[0]!.trimEnd()).toBe('x漢b字漢字');
	});

	test('Ink drawing over half of a wide character leaves a space in its other half', async () => {
		const target = screen(10, 2);
		const writer = writerFor(target);
		paint(writer, [[{text: '漢字漢字', role: 'body'}]], '   Ok');
		await flush(target);
		expect(text(target)[0]!.trimEnd()).toBe('漢 Ok 字');
		expect(writer.text()[0]).toBe('漢 Ok 字');
	});

	test('after an emoji the cursor is placed, so what follows stands where the layout put it on any terminal', async () => {
		const target = screen(20, 2);
		const writer = writerFor(target);
		paint(writer, [[{text: '😀|👨\u200D👩\u200D👧|x', role: 'body'}]]);
		await flush(target);
		const row = target.term.buffer.active.getLine(0)!;
		// xterm.js (Unicode 6) draws the emoji one column wide, the family as three; the bars stay at 2 and 5.
		expect(row.getCell(2)!.getChars()).toBe('|');
		expect(row.getCell(5)!.getChars()).toBe('|');
		expect(row.getCell(6)!.getChars()).toBe('x');
		expect(target.written.join('')).toContain('\u001B[2X😀\u001B[1;3H');
	});
});
