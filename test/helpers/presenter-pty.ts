import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {spawn as spawnPty} from '@lydell/node-pty';
import xterm from '@xterm/headless';

/**
The built bin in a real pseudo-terminal, with a real terminal emulator as its screen. `CI` is removed
from the child's environment: Ink would draw nothing until exit with it set.
*/
export const bin = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export type Running = {
	/** The visible screen, one string per row, escapes already interpreted. */
	screen: () => string;
	write: (data: string) => void;
	/** Waits until the screen satisfies `check`, or fails with the screen it saw. */
	waitFor: (check: (screen: string) => boolean, what: string, timeoutMs?: number) => Promise<string>;
	/** The exit code; fails with the screen if the program has not exited within the timeout. */
	exit: (timeoutMs?: number) => Promise<number>;
	kill: () => void;
	signal: (name: string) => void;
};

export function runBin(args: readonly string[], options: {columns: number; rows: number; env: Record<string, string>}): Running {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value !== undefined && key !== 'CI' && key !== 'CONTINUOUS_INTEGRATION') {
			env[key] = value;
		}
	}

	Object.assign(env, {TERM: 'xterm-256color'}, options.env);
	const terminal = new xterm.Terminal({cols: options.columns, rows: options.rows, allowProposedApi: true});
	const child = spawnPty(process.execPath, [bin, ...args], {name: 'xterm-256color', cols: options.columns, rows: options.rows, env});
	child.onData(data => {
		terminal.write(data);
	});
	const exited = new Promise<number>(resolve => {
		// As a shell reports it: a process ended by a signal has the status 128 + the signal's number.
		child.onExit(({exitCode, signal}) => {
			resolve(signal ? 128 + signal : exitCode);
		});
	});
	let isDone = false;
	void exited.then(() => {
		isDone = true;
	});

	const screen = () => {
		const buffer = terminal.buffer.active;
		const rows: string[] = [];
		for (let row = 0; row < options.rows; row++) {
			rows.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		}

		return rows.join('\n');
	};

	// The emulator parses asynchronously; a write callback marks everything before it as parsed.
	const flushed = async () =>
		new Promise<void>(resolve => {
			terminal.write('', resolve);
		});

	return {
		screen,
		write(data) {
			child.write(data);
		},
		async waitFor(check, what, timeoutMs = 5000) {
			const end = Date.now() + timeoutMs;
			for (;;) {
				await flushed();
				const text = screen();
				if (check(text)) {
					return text;
				}

				if (Date.now() > end) {
					throw new Error(`timed out waiting for ${what}; the screen was:\n${text}`);
				}

				await new Promise(resolve => {
					setTimeout(resolve, 10);
				});
			}
		},
		async exit(timeoutMs = 5000) {
			let timer: NodeJS.Timeout | undefined;
			const late = new Promise<never>((_, reject) => {
				timer = setTimeout(() => {
					reject(new Error(`still running after ${timeoutMs} ms; the screen was:\n${screen()}`));
				}, timeoutMs);
			});
			try {
				return await Promise.race([exited, late]);
			} finally {
				clearTimeout(timer);
			}
		},
		kill() {
			if (!isDone) {
				child.kill('SIGKILL');
			}
		},
		signal(name) {
			child.kill(name);
		},
	};
}
