import {EventEmitter} from 'node:events';
import {render, Text, useInput, type Key} from 'ink';
import {afterEach, describe, expect, test} from 'vitest';
import {isTableKey} from '../source/model/keymap.js';
import {guardInput} from '../source/terminal/input-stream.js';
import {keys} from './helpers/ink.js';
import {poll} from './helpers/poll.js';

/**
The input guard with the real Ink 6.8 in-process: bytes go into a stand-in terminal, Ink's own
useInput receives what the guard lets through. Without the guard, Ctrl+F1 crashes useInput
(upstream ink issue 901).
*/
class FakeTerminal extends EventEmitter {
	isTTY = true;
	isRaw = false;
	setRawMode(isRaw: boolean) {
		this.isRaw = isRaw;
		return this;
	}

	resume() {
		return this;
	}

	pause() {
		return this;
	}

	ref() {
		return this;
	}

	unref() {
		return this;
	}

	type(text: string) {
		this.emit('data', Buffer.from(text, 'utf8'));
	}
}

class FakeStdout extends EventEmitter {
	columns = 80;
	rows = 24;
	isTTY = false;
	write() {
		return true;
	}
}

type Seen = {input: string; key: Partial<Key>};

const unmounts: Array<() => void> = [];
afterEach(() => {
	for (const unmount of unmounts.splice(0)) {
		unmount();
	}
});

function Recorder({seen}: {readonly seen: Seen[]}) {
	useInput((input, key) => {
		seen.push({input, key: {rightArrow: key.rightArrow, escape: key.escape, ctrl: key.ctrl, meta: key.meta, pageDown: key.pageDown}});
	});
	return <Text>recording</Text>;
}

async function mount(): Promise<{terminal: FakeTerminal; seen: Seen[]}> {
	const terminal = new FakeTerminal();
	const seen: Seen[] = [];
	const stdin = guardInput(terminal as unknown as NodeJS.ReadStream, {accepts: isTableKey, escapeMs: 20}).stdin;
	const instance = render(<Recorder seen={seen} />, {stdin, stdout: new FakeStdout() as unknown as NodeJS.WriteStream, exitOnCtrlC: false, patchConsole: false, debug: true});
	unmounts.push(() => {
		instance.unmount();
	});
	await poll(() => terminal.isRaw, 'Ink to set raw mode');
	return {terminal, seen};
}

const names = (seen: readonly Seen[]) => seen.map(each => each.key.rightArrow ? '→' : each.key.pageDown ? 'PgDn' : each.key.escape ? 'Esc' : `${each.key.ctrl ? 'Ctrl+' : ''}${each.input}`);

/** Waits until Ink's handler has seen `count` keys. */
async function seenKeys(seen: readonly Seen[], count: number): Promise<void> {
	await poll(() => seen.length >= count, `${count} keys to reach Ink`, {seen: () => names(seen).join(' ')});
}

/**
The sentinel for "nothing else reached Ink": a Page Down typed last. The guard hands keys over in order,
so once it is seen, every key typed before it has been read or dropped.
*/
async function sentinel(terminal: FakeTerminal, seen: readonly Seen[]): Promise<void> {
	const pageDowns = () => seen.filter(each => each.key.pageDown).length;
	const before = pageDowns();
	terminal.type(keys.pageDown);
	await poll(() => pageDowns() > before, 'the sentinel Page Down to reach Ink', {seen: () => names(seen).join(' ')});
}

describe('the input guard in front of Ink', () => {
	test('Ctrl+F1 to Ctrl+F4 and SGR sequences reach no handler and crash nothing; the next key does', async () => {
		const {terminal, seen} = await mount();
		for (const text of ['\u001B[1;5P', '\u001B[1;5Q', '\u001B[1;5R', '\u001B[1;5S', '\u001B[0m', '\u001B[32m', '\u001B[39m', '\u001B[22m']) {
			terminal.type(text);
		}

		terminal.type(keys.right);
		await sentinel(terminal, seen);
		expect(seen[0]).toEqual({input: '', key: {rightArrow: true, escape: false, ctrl: false, meta: false, pageDown: false}});
		expect(names(seen)).toEqual(['→', 'PgDn']);
	});

	test('keys in one read reach Ink one at a time; an Esc is not joined to the key after it', async () => {
		const {terminal, seen} = await mount();
		terminal.type(`${keys.right}${keys.pageDown}${keys.right}`);
		terminal.type(keys.escape);
		// The lone Esc is a key once the guard's wait for the rest of a sequence is over.
		await seenKeys(seen, 4);
		terminal.type('q');
		await seenKeys(seen, 5);
		await sentinel(terminal, seen);
		expect(names(seen)).toEqual(['→', 'PgDn', '→', 'Esc', 'q', 'PgDn']);
		expect(seen.find(each => each.input === 'q')?.key.meta).toBe(false);
	});

	test('a paste, bracketed and split or unbracketed in one read, gives no key', async () => {
		const {terminal, seen} = await mount();
		terminal.type('\u001B[200~note \u001B[1mq\u001B');
		terminal.type('[1m more\u001B[C\u001B[20');
		terminal.type('1~');
		terminal.type(`a${keys.right}b${keys.right}c q`);
		await sentinel(terminal, seen);
		expect(names(seen)).toEqual(['PgDn']);
		terminal.type('q');
		await seenKeys(seen, 2);
		await sentinel(terminal, seen);
		expect(names(seen)).toEqual(['PgDn', 'q', 'PgDn']);
	});

	test('Ctrl with a letter reaches Ink only for the table\'s Ctrl+C and Ctrl+Z', async () => {
		const {terminal, seen} = await mount();
		for (const text of ['\u0001', '\u0002', '\u0003', '\u0004', '\u001A']) {
			terminal.type(text);
		}

		await sentinel(terminal, seen);
		expect(names(seen)).toEqual(['Ctrl+c', 'Ctrl+z', 'PgDn']);
	});
});
