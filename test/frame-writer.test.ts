import {fc, test} from '@fast-check/vitest';
import {Terminal} from '@xterm/headless';
import {describe, expect} from 'vitest';
import {createFrameWriter} from '../source/terminal/frame-writer.js';
import type {Line} from '../source/layout/layout.js';
import {type Role, themes} from '../source/layout/theme.js';

/**
The frame writer paints diffs; a real terminal emulator (xterm) checks that the screen it leaves is the
screen a fresh paint of the same frame gives, character and style, whatever came before.
*/
type Screen = {term: Terminal; written: string[]; columns: number; rows: number};

function screen(columns: number, rows: number): Screen {
	return {term: new Terminal({cols: columns, rows, allowProposedApi: true}), written: [], columns, rows};
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
		const line = buffer.getLine(buffer.viewportY + y);
		let row = '';
		for (let x = 0; x < target.columns; x++) {
			const cell = line?.getCell(x);
			const char = cell?.getChars() || ' ';
			const look =
				cell && (char !== ' ' || !cell.isBgDefault() || cell.isInverse() || cell.isUnderline())
					? `${cell.getFgColor()}/${cell.getBgColor()}/${cell.isBold()}${cell.isItalic()}${cell.isUnderline()}${cell.isInverse()}`
					: '';
			row += `${char}${look}|`;
		}

		rows.push(row);
	}

	return rows;
}

function text(target: Screen): string[] {
	const buffer = target.term.buffer.active;
	return Array.from({length: target.rows}, (_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
}

const roles: Role[] = ['heading', 'body', 'muted', 'quote', 'selected', 'rule', 'accent'];
const segment = fc.record({
	text: fc.stringMatching(/^[ a-e│━]{0,12}$/),
	role: fc.constantFrom(...roles),
});
const line = fc.array(segment, {maxLength: 5});
const frame = (rows: number) => fc.array(line, {maxLength: rows});

const expectedText = (lines: readonly Line[], columns: number, rows: number) =>
	Array.from({length: rows}, (_, y) =>
		[...(lines[y] ?? []).map(part => part.text).join('')].slice(0, columns).join('').replace(/ +$/, ''),
	);

describe('the frame writer', () => {
	test.prop([fc.array(frame(8), {minLength: 1, maxLength: 6})], {seed: 20_210_406, numRuns: 100})(
		'after any sequence of frames the screen equals a fresh paint of the last one',
		async frames => {
			const live = screen(24, 8);
			const writer = writerFor(live);
			for (const lines of frames) {
				writer.paint(lines);
			}

			await flush(live);
			const fresh = screen(24, 8);
			writerFor(fresh).paint(frames.at(-1)!);
			await flush(fresh);
			expect(text(live).map(row => row.trimEnd())).toEqual(expectedText(frames.at(-1)!, 24, 8));
			expect(cells(live)).toEqual(cells(fresh));
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
		writer.paint([...body, footer('0:41')]);
		const before = target.written.length;
		writer.paint([...body, footer('0:41')]);
		expect(target.written.length).toBe(before);
		writer.paint([...body, footer('0:42')]);
		const tick = target.written.slice(before).join('');
		expect(tick.length).toBeLessThan(40);
		await flush(target);
		expect(text(target)[3]).toBe(' 3/12  ━━━━━━━━                                        0:42');
	});

	test('paints again in full after someone else wrote over the screen', async () => {
		const target = screen(40, 6);
		const writer = writerFor(target);
		const lines: Line[] = [[{text: 'first row', role: 'heading'}], [{text: 'second row', role: 'body'}]];
		writer.paint(lines);
		// What Ink writes when its own output changes: erase lines, then its (empty) frame.
		target.term.write('\u001B[2K\u001B[1A\u001B[2K\u001B[G\n');
		writer.noteForeignWrite();
		await Promise.resolve();
		await flush(target);
		expect(text(target).slice(0, 2)).toEqual(['first row', 'second row']);
	});

	test('a paint that comes right after a foreign write (before the queued repaint) is a full one', async () => {
		const target = screen(40, 6);
		const writer = writerFor(target);
		const header: Line = [{text: 'header stays the same', role: 'title'}];
		writer.paint([header, [{text: 'slide one', role: 'body'}]]);
		// After Ctrl+Z and fg: the alternate screen comes back empty.
		target.term.write('\u001B[H\u001B[2J');
		writer.noteForeignWrite();
		writer.paint([header, [{text: 'slide two', role: 'body'}]]);
		await Promise.resolve();
		await flush(target);
		expect(text(target).slice(0, 2)).toEqual(['header stays the same', 'slide two']);
	});

	test('erases its frame just before the next foreign write after clear(), not before', async () => {
		const target = screen(40, 6);
		const writer = writerFor(target);
		writer.paint([[{text: 'slide text', role: 'body'}]]);
		writer.clear();
		await flush(target);
		expect(text(target)[0]).toBe('slide text');
		writer.beforeForeignWrite();
		await flush(target);
		expect(text(target)[0]).toBe('');
	});

	test('repaints from scratch at a new size, never past the last column, the last row too, never scrolling', async () => {
		const target = screen(30, 6);
		const writer = writerFor(target);
		const wide: Line[] = Array.from({length: 8}, (_, index) => [{text: `row ${index} `.repeat(6), role: 'body'}]);
		writer.paint(wide);
		await flush(target);
		// Every row, the last one to its last cell, and nothing scrolled: row 0 is still at the top.
		expect(text(target).at(-1)).toBe('row 5 row 5 row 5 row 5 row 5');
		expect(text(target)[0]).toBe('row 0 row 0 row 0 row 0 row 0');
		target.columns = 20;
		target.term.resize(20, 6);
		writer.paint(wide);
		await flush(target);
		expect(text(target)[0]).toBe('row 0 row 0 row 0 ro');
		expect(text(target)[1]).toBe('row 1 row 1 row 1 ro');
	});
});
