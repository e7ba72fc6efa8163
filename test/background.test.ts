import {PassThrough} from 'node:stream';
import {describe, expect, test} from 'vitest';
import {askBackground, parseBackground, query, takeAnswers} from '../source/terminal/background.js';
import {fallbackBackground, isAutoTheme, pickTheme} from '../source/text/theme.js';

/** A keyboard as the session has it: a tty read stream (raw mode already on). */
function keyboard() {
	const stream = new PassThrough() as PassThrough & {isTTY: boolean};
	stream.isTTY = true;
	return stream as unknown as NodeJS.ReadStream & PassThrough;
}

/** Everything a stream still holds, once it is read again (by the input guard, in the show). */
async function leftIn(stream: NodeJS.ReadStream): Promise<string> {
	stream.resume();
	return new Promise(resolve => {
		let text = '';
		stream.on('data', (chunk: Buffer) => {
			text += chunk.toString('utf8');
		});
		setImmediate(() => {
			resolve(text);
		});
	});
}

describe('the terminal\'s background (OSC 11)', () => {
	test('an answer in 4, 2 or 1 hex digits a channel, ended by BEL or ST: light over half luminance, else dark', () => {
		expect(parseBackground('\u001B]11;rgb:ffff/ffff/ffff\u0007')).toBe('light');
		expect(parseBackground('\u001B]11;rgb:0000/0000/0000\u001B\\')).toBe('dark');
		expect(parseBackground('\u001B]11;rgb:fd/f6/e3\u0007')).toBe('light');
		expect(parseBackground('\u001B]11;rgb:00/2b/36\u0007')).toBe('dark');
		expect(parseBackground('\u001B]11;rgb:2/2/2\u0007')).toBe('dark');
		expect(parseBackground('\u001B]11;rgb:ffff/ffff\u0007')).toBeUndefined();
		expect(parseBackground('\u001B]10;rgb:ffff/ffff/ffff\u0007')).toBeUndefined();
		expect(parseBackground('q')).toBeUndefined();
	});

	test('the answers are taken out of what was read; keys typed meanwhile stay, in order', () => {
		const taken = takeAnswers('j\u001B]11;rgb:ffff/ffff/ffff\u0007k\u001B[?62;22c');
		expect(taken).toEqual({background: 'light', isDone: true, rest: 'jk'});
		// A terminal without OSC 11 answers DA1 alone: done, no background.
		expect(takeAnswers('\u001B[?1;2c')).toEqual({background: undefined, isDone: true, rest: ''});
		expect(takeAnswers('\u001B]11;rgb:0/0/0\u0007').isDone).toBe(false);
	});

	test('asks with OSC 11 then DA1, and reads the answer; the keys typed meanwhile are put back for the input guard', async () => {
		const stdin = keyboard();
		const written: string[] = [];
		const asked = askBackground({stdin, write: text => written.push(text), timeoutMs: 5000});
		expect(written).toEqual([query]);
		expect(query).toBe('\u001B]11;?\u0007\u001B[c');
		stdin.write('x\u001B]11;rgb:ffff/');
		stdin.write('ffff/ffff\u0007');
		stdin.write('\u001B[?64;1c');
		expect(await asked).toBe('light');
		expect(await leftIn(stdin)).toBe('x');
	});

	test('when the input guard starts reading first, it gets the keys read so far, in order, and the answer is still heard', async () => {
		const stdin = keyboard();
		const asked = askBackground({stdin, write: () => undefined, timeoutMs: 5000});
		stdin.write('ab');
		await new Promise(resolve => setImmediate(resolve));
		// The guard starts, as input-stream.ts does: a data listener, then resume.
		let guard = '';
		stdin.on('data', (chunk: Buffer) => {
			guard += chunk.toString('utf8');
		});
		stdin.resume();
		stdin.write('c');
		stdin.write('\u001B]11;rgb:0000/0000/0000\u0007\u001B[?62c');
		expect(await asked).toBe('dark');
		await new Promise(resolve => setImmediate(resolve));
		// The guard read the keys in order (and the answer, which it drops as a sequence).
		expect(guard.startsWith('abc')).toBe(true);
		stdin.write('d');
		await new Promise(resolve => setImmediate(resolve));
		expect(guard.endsWith('d')).toBe(true);
	});

	test('no answer: undefined after the timeout, nothing taken from the keys; not a terminal: not asked', async () => {
		const stdin = keyboard();
		const asked = askBackground({stdin, write: () => undefined, timeoutMs: 20});
		stdin.write('q');
		expect(await asked).toBeUndefined();
		expect(await leftIn(stdin)).toBe('q');
		const pipe = keyboard();
		(pipe as unknown as {isTTY: boolean}).isTTY = false;
		const written: string[] = [];
		expect(await askBackground({stdin: pipe, write: text => written.push(text)})).toBeUndefined();
		expect(written).toEqual([]);
	});

	test('the fallback: COLORFGBG, then dark; auto is the default, and NO_COLOR stays plain', () => {
		expect(fallbackBackground({COLORFGBG: '0;15'})).toBe('light');
		expect(fallbackBackground({COLORFGBG: '15;0'})).toBe('dark');
		expect(fallbackBackground({})).toBe('dark');
		expect(pickTheme(undefined, {}).name).toBe('dark');
		expect(pickTheme('auto', {}, 'light').name).toBe('light');
		expect(pickTheme(undefined, {COLORFGBG: '0;15'}, 'dark').name).toBe('dark');
		expect(pickTheme('dark', {}, 'light').name).toBe('dark');
		expect(isAutoTheme(undefined, {})).toBe(true);
		expect(isAutoTheme('light', {})).toBe(false);
		expect(isAutoTheme(undefined, {NO_COLOR: '1'})).toBe(false);
		expect(pickTheme(undefined, {NO_COLOR: '1'}, 'light').name).toBe('plain');
	});
});
