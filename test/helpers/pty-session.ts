import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import pty from '@lydell/node-pty';

/**
The built bin in a real pseudo-terminal, raw bytes kept: for the checks that only a real terminal
shows (colour codes, the screen-reader frames). `CI` is removed from the child's environment, or Ink
would print only the last frame.
*/
export type PtySession = {
	/** Everything the program wrote so far, escapes included. */
	readonly output: () => string;
	readonly write: (data: string) => void;
	/** Waits until the output (from `from` on) satisfies `check`. */
	readonly waitFor: (check: (output: string) => boolean, from?: number, timeoutMs?: number) => Promise<string>;
	/** Waits until something was written and then nothing more for `quietMs` (a frame is complete). */
	readonly waitForQuiet: (from: number, quietMs?: number) => Promise<void>;
	readonly exited: Promise<number>;
	readonly kill: () => void;
};

export function startPty(args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}, size = {columns: 80, rows: 24}): PtySession {
	const childEnv: Record<string, string> = {};
	// A presenter-link directory of its own: a second audience view of the deck says so in its footer.
	const runtime = 'XDG_RUNTIME_DIR' in env ? undefined : mkdtempSync(path.join(os.tmpdir(), 'brf-session-'));
	for (const [key, value] of Object.entries({...process.env, TERM: 'xterm-256color', ...(runtime ? {XDG_RUNTIME_DIR: runtime} : {}), ...env})) {
		if (value !== undefined && key !== 'CI' && key !== 'CONTINUOUS_INTEGRATION') {
			childEnv[key] = value;
		}
	}

	const child = pty.spawn(process.execPath, ['dist/cli.js', ...args], {
		name: 'xterm-256color',
		cols: size.columns,
		rows: size.rows,
		cwd: process.cwd(),
		env: childEnv,
	});
	let output = '';
	child.onData(data => {
		output += data;
	});
	const exited = new Promise<number>(resolve => {
		child.onExit(({exitCode}) => {
			resolve(exitCode);
		});
	});
	return {
		output: () => output,
		write(data) {
			child.write(data);
		},
		async waitFor(check, from = 0, timeoutMs = 10_000) {
			const end = Date.now() + timeoutMs;
			while (!check(output.slice(from))) {
				if (Date.now() > end) {
					throw new Error(`the terminal never showed what was expected; it showed:\n${JSON.stringify(output.slice(from).slice(-2000))}`);
				}

				await new Promise(resolve => {
					setTimeout(resolve, 20);
				});
			}

			return output.slice(from);
		},
		async waitForQuiet(from, quietMs = 150) {
			let seen = -1;
			let since = Date.now();
			const end = Date.now() + 10_000;
			while (output.length <= from || seen !== output.length || Date.now() - since < quietMs) {
				if (seen !== output.length) {
					seen = output.length;
					since = Date.now();
				}

				if (Date.now() > end) {
					throw new Error('the terminal never settled');
				}

				await new Promise(resolve => {
					setTimeout(resolve, 20);
				});
			}
		},
		exited,
		kill() {
			try {
				child.kill();
			} catch {
				// Already gone.
			}

			if (runtime) {
				rmSync(runtime, {recursive: true, force: true});
			}
		},
	};
}

/** Every SGR parameter list the output holds (`ESC[1;33m` → [[1, 33]]). */
export function sgrParameters(output: string): number[][] {
	// eslint-disable-next-line no-control-regex
	return [...output.matchAll(/\u001B\[([\d;:]*)m/g)].map(match => (match[1] ?? '').split(/[;:]/).filter(Boolean).map(Number));
}

/** Whether any SGR sets a colour (foreground, background, 256 or true colour). */
export function hasColourCodes(output: string): boolean {
	return sgrParameters(output).some(parameters =>
		parameters.some(n => (n >= 30 && n <= 49) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107)),
	);
}
