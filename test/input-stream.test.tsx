import {EventEmitter} from 'node:events';
import React from 'react';
import {render, Text, useInput, type Key} from 'ink';
import {afterEach, describe, expect, test} from 'vitest';
import {isTableKey} from '../source/model/keymap.js';
import {guardInput} from '../source/terminal/input-stream.js';
import {keys} from './helpers/ink.js';

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
	await wait(20);
	expect(terminal.isRaw).toBe(true);
	return {terminal, seen};
}

async function wait(ms: number): Promise<void> {
	await new Promise(resolve => {
		setTimeout(resolve, ms);
	});
}

describe('the input guard in front of Ink', () => {
	test('Ctrl+F1 to Ctrl+F4 and SGR sequences reach no handler and crash nothing; the next key does', async () => {
		const {terminal, seen} = await mount();
		for (const text of ['\u001B[1;5P', '\u001B[1;5Q', '\u001B[1;5R', '\u001B[1;5S', '\u001B[0m', '\u001B[32m', '\u001B[39m', '\u001B[22m']) {
			terminal.type(text);
		}

		terminal.type(keys.right);
		await wait(30);
		expect(seen).toEqual([{input: '', key: {rightArrow: true, escape: false, ctrl: false, meta: false, pageDown: false}}]);
	});

	test('keys in one read reach Ink one at a time; an Esc is not joined to the key after it', async () => {
		const {terminal, seen} = await mount();
		terminal.type(`${keys.right}${keys.pageDown}${keys.right}`);
		terminal.type(keys.escape);
		await wait(40);
		terminal.type('q');
		await wait(30);
		expect(seen.map(each => each.key.rightArrow ? '→' : each.key.pageDown ? 'PgDn' : each.key.escape ? 'Esc' : each.input)).toEqual(['→', 'PgDn', '→', 'Esc', 'q']);
		expect(seen.find(each => each.input === 'q')?.key.meta).toBe(false);
	});

	test('a paste, bracketed and split or unbracketed in one read, gives no key', async () => {
		const {terminal, seen} = await mount();
		terminal.type('\u001B[200~note \u001B[1mq\u001B');
		terminal.type('[1m more\u001B[C\u001B[20');
		terminal.type('1~');
		terminal.type(`a${keys.right}b${keys.right}c q`);
		await wait(40);
		expect(seen).toEqual([]);
		terminal.type('q');
		await wait(20);
		expect(seen.map(each => each.input)).toEqual(['q']);
	});

	test('Ctrl with a letter reaches Ink only for the table\'s Ctrl+C and Ctrl+Z', async () => {
		const {terminal, seen} = await mount();
		for (const text of ['\u0001', '\u0002', '\u0003', '\u0004', '\u001A']) {
			terminal.type(text);
		}

		await wait(30);
		expect(seen.map(each => `${each.key.ctrl ? 'Ctrl+' : ''}${each.input}`)).toEqual(['Ctrl+c', 'Ctrl+z']);
	});
});
