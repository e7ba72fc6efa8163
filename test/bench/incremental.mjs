#!/usr/bin/env node
/**
`node test/bench/incremental.mjs`: our frame writer against Ink's own writer with and without its
`incrementalRendering` option, on the same frames. The built bin presents the built-in deck (--no-reveal)
at 120x40 in a pty seen by xterm; each Right key's bytes and its key-to-frame time are ours. Each
screen, read back from xterm with its colours and styles (SGR), is then what Ink draws: one <Text> per
screen, rerendered into a stream of the same size (Ink writing to the terminal itself, as it does
without `debug`), counting the bytes of each slide change and the time from rerender() to the write.
Not part of `npm test`.
*/
import {createRequire} from 'node:module';
import path from 'node:path';
import process from 'node:process';
import {Writable} from 'node:stream';
import {fileURLToPath} from 'node:url';

delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
const require = createRequire(import.meta.url);
const pty = require('@lydell/node-pty');
const {Terminal} = require('@xterm/headless');
const React = (await import('react')).default;
const {render, Text} = await import('ink');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const size = {cols: 120, rows: 40};
const median = values => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];

/** SGR parameters of a cell's colour: mode is fg (30/38) or bg (40/48). */
function colour(cell, isForeground) {
	const [isDefault, isPalette, isRgb, value] = isForeground
		? [cell.isFgDefault(), cell.isFgPalette(), cell.isFgRGB(), cell.getFgColor()]
		: [cell.isBgDefault(), cell.isBgPalette(), cell.isBgRGB(), cell.getBgColor()];
	const base = isForeground ? 38 : 48;
	if (isDefault) {
		return [];
	}

	if (isPalette) {
		return [base, 5, value];
	}

	return isRgb ? [base, 2, (value >> 16) & 255, (value >> 8) & 255, value & 255] : [];
}

/** The screen as lines of text with SGR, as a program would write it. */
function styledScreen(term) {
	const buffer = term.buffer.active;
	const cell = buffer.getNullCell();
	const lines = [];
	for (let y = 0; y < term.rows; y++) {
		const line = buffer.getLine(y);
		let text = '';
		let last = '';
		for (let x = 0; x < term.cols; x++) {
			line.getCell(x, cell);
			if (cell.getWidth() === 0) {
				continue;
			}

			const sgr = [0, cell.isBold() ? 1 : [], cell.isDim() ? 2 : [], cell.isItalic() ? 3 : [], cell.isUnderline() ? 4 : [], cell.isInverse() ? 7 : [], colour(cell, true), colour(cell, false)]
				.flat()
				.join(';');
			if (sgr !== last) {
				text += `\u001B[${sgr}m`;
				last = sgr;
			}

			text += cell.getChars() || ' ';
		}

		lines.push(`${text}\u001B[0m`);
	}

	return lines.join('\n');
}

/** Our bin: every slide change's bytes and key-to-frame time, and each screen. */
async function ours() {
	const term = new Terminal({...size, allowProposedApi: true, scrollback: 0});
	const env = {...process.env, TERM: 'xterm-256color', COLORTERM: 'truecolor'};
	const child = pty.spawn(path.join(root, 'dist/cli.js'), ['--no-reveal'], {name: 'xterm-256color', ...size, cwd: root, env});
	let bytes = 0;
	let waiter;
	child.onData(data => {
		const at = performance.now();
		bytes += Buffer.byteLength(data);
		term.write(data, () => waiter?.(at));
	});
	const counter = () => {
		const buffer = term.buffer.active;
		for (let y = size.rows - 3; y < size.rows; y++) {
			const match = /^\s*(\d+)\/(\d+)(\s|$)/.exec(buffer.getLine(y)?.translateToString(true) ?? '');
			if (match) {
				return {index: Number(match[1]), count: Number(match[2])};
			}
		}

		return undefined;
	};

	const until = index =>
		new Promise(resolve => {
			waiter = at => {
				if (counter()?.index === index) {
					waiter = undefined;
					resolve(at);
				}
			};

			waiter(performance.now());
		});
	const settle = () => new Promise(resolve => setTimeout(resolve, 300));
	await until(1);
	await settle();
	const {count} = counter();
	const screens = [styledScreen(term)];
	const changes = [];
	for (let index = 2; index <= count; index++) {
		const before = bytes;
		const sent = performance.now();
		child.write('\u001B[C');
		const at = await until(index);
		await settle();
		changes.push({bytes: bytes - before, ms: at - sent});
		screens.push(styledScreen(term));
	}

	child.write('q');
	return {screens, changes};
}

/** Ink drawing the same screens, with or without incrementalRendering. */
async function ink(screens, incrementalRendering) {
	const writes = [];
	const stdout = new Writable({
		write(chunk, _encoding, done) {
			writes.push({at: performance.now(), bytes: Buffer.byteLength(String(chunk))});
			done();
		},
	});
	Object.assign(stdout, {columns: size.cols, rows: size.rows});
	const frame = text => React.createElement(Text, null, text);
	const instance = render(frame(screens[0]), {stdout, incrementalRendering, patchConsole: false, exitOnCtrlC: false, maxFps: 1000});
	await new Promise(resolve => setTimeout(resolve, 50));
	const changes = [];
	for (const screen of screens.slice(1)) {
		const before = writes.length;
		const started = performance.now();
		instance.rerender(frame(screen));
		while (writes.length === before) {
			await new Promise(resolve => setTimeout(resolve, 1));
		}

		await new Promise(resolve => setTimeout(resolve, 20));
		const mine = writes.slice(before);
		changes.push({bytes: mine.reduce((sum, write) => sum + write.bytes, 0), ms: mine[0].at - started});
	}

	instance.unmount();
	return changes;
}

const {screens, changes} = await ours();
const rows = [['our frame writer (pty: key to frame)', changes]];
for (const incremental of [false, true]) {
	rows.push([`Ink ${incremental ? 'incrementalRendering: true' : 'default (whole frame)'} (rerender to write)`, await ink(screens, incremental)]);
}

console.log(`${screens.length - 1} slide changes at ${size.cols}x${size.rows}; medians`);
console.log('| writer | bytes per slide change | ms |');
console.log('|---|---:|---:|');
for (const [name, list] of rows) {
	console.log(`| ${name} | ${median(list.map(change => change.bytes))} | ${median(list.map(change => change.ms)).toFixed(1)} |`);
}

process.exit(0);
