import xterm from '@xterm/headless';
import {describe, expect, test} from 'vitest';
import {createLinearWriter} from '../source/terminal/linear-writer.js';

/** The screen-reader mode's writer, into a real terminal emulator: what was read stays readable. */
describe('the linear writer', () => {
	test('each frame goes under the last, a blank line between; the scrollback keeps every frame read', async () => {
		// As a pty delivers it: the terminal driver turns each newline into CR LF (raw mode keeps ONLCR).
		const term = new xterm.Terminal({cols: 40, rows: 5, scrollback: 100, allowProposedApi: true, convertEol: true});
		const writer = createLinearWriter(text => {
			term.write(text);
		});
		writer.show('Slide 1 of 3.\nHeading: One.');
		writer.show('Slide 1 of 3.\nHeading: One.');
		writer.show('Slide 2 of 3.\nHeading: Two.');
		writer.show('');
		writer.show('Slide 3 of 3.\nHeading: Three.');
		await new Promise<void>(resolve => {
			term.write('', resolve);
		});
		const buffer = term.buffer.active;
		const all = Array.from({length: buffer.length}, (_, row) => buffer.getLine(row)?.translateToString(true) ?? '').join('\n').trimEnd();
		expect(all).toBe('Slide 1 of 3.\nHeading: One.\n\nSlide 2 of 3.\nHeading: Two.\n\nSlide 3 of 3.\nHeading: Three.');
	});
});
