// Sync latency between the two views, not part of the test suite (no timing assertions there):
// a key written to the presenter view's pty → the audience view's pty shows the new slide.
// Usage: npm run build && node test/bench/sync-latency.mjs [moves=60] [columns=80] [rows=24]
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {spawn} from '@lydell/node-pty';
import xterm from '@xterm/headless';

const moves = Number(process.argv[2] ?? 60);
const columns = Number(process.argv[3] ?? 80);
const rows = Number(process.argv[4] ?? 24);
const bin = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const runtime = mkdtempSync(path.join(os.tmpdir(), 'brf-bench-'));

/** `parse`: feed a terminal emulator (the audience); else only scan the raw text (the presenter), so
parsing the presenter's frames does not delay noticing the audience's. */
function start(args, parse = true) {
	const env = {...process.env, TERM: 'xterm-256color', XDG_RUNTIME_DIR: runtime};
	delete env.CI;
	const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
	const child = spawn(process.execPath, [bin, ...args], {name: 'xterm-256color', cols: columns, rows, env});
	const watchers = new Set();
	let raw = '';
	const screen = () => {
		if (!parse) {
			return raw;
		}

		const buffer = terminal.buffer.active;
		const lines = [];
		for (let row = 0; row < rows; row++) {
			lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		}

		return lines.join('\n');
	};

	child.onData(data => {
		if (!parse) {
			// Keep the tail, without escapes: enough to find the presenter's header text.
			raw = (raw + data.replaceAll(/\u001B\[[\d;?]*[A-Za-z]/g, ' ')).slice(-20_000);
			for (const watcher of watchers) {
				watcher(raw);
			}

			return;
		}

		terminal.write(data, () => {
			const text = screen();
			for (const watcher of watchers) {
				watcher(text);
			}
		});
	});
	const exited = new Promise(resolve => {
		child.onExit(({exitCode}) => resolve(exitCode));
	});
	return {
		child,
		exited,
		until(check, timeoutMs = 5000) {
			return new Promise((resolve, reject) => {
				if (check(screen())) {
					resolve();
					return;
				}

				const timer = setTimeout(() => {
					watchers.delete(watcher);
					reject(new Error(`timed out; screen:\n${screen()}`));
				}, timeoutMs);
				const watcher = text => {
					if (check(text)) {
						clearTimeout(timer);
						watchers.delete(watcher);
						resolve();
					}
				};

				watchers.add(watcher);
			});
		},
	};
}

const audience = start(['--no-reveal']);
await audience.until(text => /\b1\/\d+/.test(text));
const presenter = start(['--presenter', '--no-reveal'], false);
await presenter.until(text => text.includes('audience view connected'));

// Read the deck's length off the presenter's header.
let slides = 0;
await presenter.until(text => {
	const match = /slide 1\/(\d+)/.exec(text);
	slides = match ? Number(match[1]) : 0;
	return slides > 1;
});

// Alternate: a key into the presenter view (through the link) and, for comparison, a key into the
// audience view itself (its own keypress-to-frame time under the same load).
const samples = [];
const local = [];
let index = 1;
let direction = 1;
for (let move = 0; move < moves; move++) {
	if (index + direction < 1 || index + direction > slides) {
		direction = -direction;
	}

	index += direction;
	const footer = new RegExp(`(^|\\n) ${index}/${slides} `);
	const shown = audience.until(text => footer.test(text));
	const viaLink = move % 2 === 0;
	const began = performance.now();
	(viaLink ? presenter : audience).child.write(direction > 0 ? '\u001B[C' : '\u001B[D');
	await shown;
	(viaLink ? samples : local).push(performance.now() - began);
	// Let both views settle before the next key (the presenter's own frame, the link's echo).
	await new Promise(resolve => setTimeout(resolve, 60));
}

presenter.child.write('q');
await presenter.exited;
audience.child.write('q');
await audience.exited;
rmSync(runtime, {recursive: true, force: true});

const fmt = ms => ms.toFixed(1);
function summary(list) {
	list.sort((a, b) => a - b);
	const at = q => list[Math.min(list.length - 1, Math.ceil(q * list.length) - 1)];
	return `median ${fmt(at(0.5))} ms · p95 ${fmt(at(0.95))} ms · min ${fmt(list[0])} ms · max ${fmt(list.at(-1))} ms (${list.length} moves)`;
}

console.log(`at ${columns}x${rows}, node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
console.log(`presenter key → audience shows the slide: ${summary(samples)}`);
console.log(`audience key → audience shows the slide:  ${summary(local)}`);
