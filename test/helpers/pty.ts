import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {type IPty, spawn} from '@lydell/node-pty';
import {afterEach} from 'vitest';
import xterm from '@xterm/headless';
import {childEnv} from './env.js';
import {poll} from './poll.js';

/**
THE pty harness: the built bin (or a shell) in a real pseudo-terminal, with a real terminal emulator as
the screen and every byte it wrote kept. Waits poll the screen or the bytes with a deadline (poll.ts);
the environment is the one every spawned bin gets (env.ts).
*/
const {Terminal} = xterm;
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const bin = path.join(root, 'dist/cli.js');

export const esc = {
	showCursor: '\u001B[?25h',
	hideCursor: '\u001B[?25l',
	leaveAlternate: '\u001B[?1049l',
	eraseScrollback: '\u001B[3J',
	eraseScreen: '\u001B[2J',
	syncStart: '\u001B[?2026h',
	syncEnd: '\u001B[?2026l',
} as const;

export type Size = {readonly columns: number; readonly rows: number};

export type SpawnOptions = {
	readonly size?: Size;
	readonly env?: Record<string, string | undefined>;
	/**
	Run the bin inside `bash -c`, followed by `echo RC=$?` and `stty -a` in the same pty, so the exit
	code and the terminal modes it left behind are on the screen afterwards.
	*/
	readonly wrap?: boolean;
};

/** The environment a person's terminal has (env.ts). */
export const terminalEnv = childEnv;

function quote(word: string): string {
	return `'${word.replaceAll('\'', '\'\\\'\'')}'`;
}

const defaultWaitMs = 8000;

export class Session {
	readonly term: InstanceType<typeof Terminal>;
	readonly pty: IPty;
	/** Every byte the pty gave us, as text. */
	log = '';
	exit: {code: number; signal: number} | undefined;
	readonly exited: Promise<{code: number; signal: number}>;

	/** A presenter-link directory of this session's own, unless the test gives one. */
	private readonly runtime: string | undefined;

	constructor(file: string, args: readonly string[], {size = {columns: 80, rows: 24}, env = {}}: SpawnOptions = {}) {
		this.term = new Terminal({cols: size.columns, rows: size.rows, allowProposedApi: true, scrollback: 1000});
		// Two audience views of one deck and user do not pair, but the second says so in its footer:
		// sessions of parallel tests must not meet.
		this.runtime = 'XDG_RUNTIME_DIR' in env ? undefined : mkdtempSync(path.join(os.tmpdir(), 'brf-session-'));
		this.pty = spawn(file, [...args], {
			name: 'xterm-256color',
			cols: size.columns,
			rows: size.rows,
			cwd: root,
			env: terminalEnv({...(this.runtime ? {XDG_RUNTIME_DIR: this.runtime} : {}), ...env}),
		});
		this.pty.onData(data => {
			this.log += data;
			this.term.write(data);
		});
		this.exited = new Promise(resolve => {
			this.pty.onExit(({exitCode, signal}) => {
				this.exit = {code: exitCode, signal: signal ?? 0};
				resolve(this.exit);
			});
		});
	}

	/**
	The screen as lines of text, trailing spaces cut: as a person sees it. (A space written in a colour
	with no background looks like an erased cell, though xterm keeps it as content.)
	*/
	lines(): string[] {
		const buffer = this.term.buffer.active;
		return Array.from({length: this.term.rows}, (_, row) => (buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '').trimEnd());
	}

	screen(): string {
		return this.lines().join('\n');
	}

	/** Everything in the active buffer, scrollback included. */
	all(): string {
		const buffer = this.term.buffer.active;
		return Array.from({length: buffer.length}, (_, row) => buffer.getLine(row)?.translateToString(true) ?? '').join('\n');
	}

	get bufferType(): 'normal' | 'alternate' {
		return this.term.buffer.active.type;
	}

	/** Whether the cursor was last shown rather than hidden, read from the bytes. */
	cursorShown(): boolean {
		return this.log.lastIndexOf(esc.showCursor) > this.log.lastIndexOf(esc.hideCursor);
	}

	count(text: string, log = this.log): number {
		return log.split(text).length - 1;
	}

	/** Lets xterm parse everything received so far. */
	async flush(): Promise<void> {
		await new Promise<void>(resolve => {
			this.term.write('', resolve);
		});
	}

	async waitFor(check: () => boolean, what: string, timeoutMs = defaultWaitMs): Promise<void> {
		await poll(
			async () => {
				await this.flush();
				return check();
			},
			what,
			{timeoutMs, seen: () => this.screen()},
		);
	}

	/** Everything the program wrote so far, escapes included. */
	output(): string {
		return this.log;
	}

	/** Waits until the bytes (from `from` on) satisfy `check`; returns them. */
	async waitForOutput(check: (output: string) => boolean, from = 0, timeoutMs = defaultWaitMs): Promise<string> {
		await poll(() => check(this.log.slice(from)), 'the expected output', {timeoutMs, seen: () => JSON.stringify(this.log.slice(from).slice(-2000))});
		return this.log.slice(from);
	}

	/** The exit status as a shell reports it: the code, or 128 + the signal's number. */
	async status(timeoutMs = defaultWaitMs): Promise<number> {
		const {code, signal} = await this.waitForExit(timeoutMs);
		return signal ? 128 + signal : code;
	}

	/** Sends a signal to the pty's process. */
	signal(name: string): void {
		this.pty.kill(name);
	}

	async waitForText(text: string | RegExp, timeoutMs = defaultWaitMs): Promise<string> {
		const has = () => (typeof text === 'string' ? this.all().includes(text) : text.test(this.all()));
		await this.waitFor(has, JSON.stringify(String(text)), timeoutMs);
		return this.screen();
	}

	/**
	Waits until a frame has been drawn (a whole paint is one synchronized frame) and no byte has come
	for a few polls: the screen is settled.
	*/
	async settled(timeoutMs = defaultWaitMs): Promise<string> {
		let length = -1;
		let quiet = 0;
		await this.waitFor(() => {
			quiet = this.log.length === length ? quiet + 1 : 0;
			length = this.log.length;
			return this.log.includes(esc.syncEnd) && quiet >= 5;
		}, 'the screen to settle', timeoutMs);
		return this.screen();
	}

	/** Waits for the pty's process to end; fails if it does not. */
	async waitForExit(timeoutMs = defaultWaitMs): Promise<{code: number; signal: number}> {
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(() => {
				reject(new Error(`still running after ${timeoutMs} ms; screen:\n${this.screen()}`));
			}, timeoutMs);
		});
		try {
			const result = await Promise.race([this.exited, timeout]);
			await this.flush();
			return result;
		} finally {
			clearTimeout(timer);
		}
	}

	write(data: string): void {
		this.pty.write(data);
	}

	resize({columns, rows}: Size): void {
		this.term.resize(columns, rows);
		this.pty.resize(columns, rows);
	}

	/** The pid of the program itself: the pty's process, or its child when wrapped in bash. */
	programPid(): number | undefined {
		try {
			const children = execFileSync('pgrep', ['-P', String(this.pty.pid)], {encoding: 'utf8'}).trim().split('\n');
			return Number(children[0]) || undefined;
		} catch {
			return undefined;
		}
	}

	/** The exit code `echo RC=$?` printed, after a wrapped run. */
	async wrappedCode(timeoutMs = defaultWaitMs): Promise<number> {
		await this.waitForText(/RC=\d+/, timeoutMs);
		return Number(/RC=(\d+)/.exec(this.all())?.[1]);
	}

	/** The modes `stty -a` printed after a wrapped run. */
	async sttyModes(timeoutMs = defaultWaitMs): Promise<Set<string>> {
		await this.waitForText(/RC=\d+[\s\S]*\bicanon\b[\s\S]*\bechoctl\b/, timeoutMs);
		const after = this.all().slice(this.all().search(/RC=\d+/));
		return new Set(after.split(/[\s;]+/));
	}

	dispose(): void {
		for (const target of [-this.pty.pid, this.pty.pid]) {
			try {
				// The pty's process leads its own group: the shell of a script and what it started.
				process.kill(target, 'SIGKILL');
			} catch {
				// Already gone.
			}
		}

		this.term.dispose();
		if (this.runtime) {
			rmSync(this.runtime, {recursive: true, force: true});
		}
	}
}

/** The bin's command line, quoted for bash, with `extra` (a redirection) after it. */
export function binCommand(args: readonly string[] = [], extra = ''): string {
	return [process.execPath, bin, ...args].map(quote).join(' ') + extra;
}

/** A bash script in the pty; the program is then a child of bash. */
export function spawnScript(script: string, options: SpawnOptions = {}): Session {
	// The shell stays on after the script: node-pty can drop what is still unread in the pty when the
	// process behind it ends (seen with the 18 kB printed deck, 1 run in 8), and the tests read the
	// screen after the program, not the end of the shell. dispose() ends the shell and its children.
	return new Session('bash', ['--norc', '--noprofile', '-c', `${script}\nexec sleep 60`], options);
}

export function spawnBin(args: readonly string[] = [], options: SpawnOptions = {}): Session {
	if (options.wrap) {
		return spawnScript(`${binCommand(args)}; echo "RC=$?"; stty -a`, options);
	}

	return new Session(process.execPath, [bin, ...args], options);
}

/** A job-control shell in the pty (for Ctrl+Z and fg). */
export function spawnShell(options: SpawnOptions = {}): Session {
	return new Session('bash', ['--norc', '--noprofile', '-i'], {...options, env: {PS1: '$ ', HISTFILE: '/dev/null', ...options.env}});
}

export function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** The state letters `ps` gives a process (T = stopped), or '' once it is gone. */
export function processState(pid: number): string {
	try {
		return execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], {encoding: 'utf8'}).trim();
	} catch {
		return '';
	}
}

export async function waitUntil(check: () => boolean, what: string, timeoutMs = defaultWaitMs): Promise<void> {
	await poll(check, what, {timeoutMs, intervalMs: 10});
}

/** Every SGR parameter list in the bytes (`ESC[1;33m` → [[1, 33]]). */
export function sgrParameters(output: string): number[][] {
	return [...output.matchAll(/\u001B\[([\d;:]*)m/g)].map(match => (match[1] ?? '').split(/[;:]/).filter(Boolean).map(Number));
}

/** Whether any SGR sets a colour (foreground, background, 256 or true colour). */
export function hasColourCodes(output: string): boolean {
	return sgrParameters(output).some(parameters =>
		parameters.some(n => (n >= 30 && n <= 49) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107)),
	);
}

/** The 1-based rows that cursor moves in the bytes address (the frame writer paints by position). */
export function paintedRows(log: string): number[] {
	return [...log.matchAll(/\u001B\[(\d+);\d+H/g)].map(match => Number(match[1]));
}

/**
What a test file starts and makes, ended after each test: push sessions to `sessions`, temporary
folders to `folders`, or make one with `folder(prefix)` (`const {sessions, folder} = endAfterEach();` at
the top of the file).
*/
export function endAfterEach(): {readonly sessions: Session[]; readonly folders: string[]; readonly folder: (prefix: string) => string} {
	const sessions: Session[] = [];
	const folders: string[] = [];
	afterEach(() => {
		for (const session of sessions.splice(0)) {
			session.dispose();
		}

		for (const folder of folders.splice(0)) {
			rmSync(folder, {recursive: true, force: true});
		}
	});
	const folder = (prefix: string) => {
		const made = mkdtempSync(path.join(os.tmpdir(), prefix));
		folders.push(made);
		return made;
	};

	return {sessions, folders, folder};
}
