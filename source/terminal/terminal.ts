import {writeSync} from 'node:fs';
import process from 'node:process';

/**
What the program turns on in the terminal, and how each is turned off again; the terminal's size.
Writes are synchronous so that nothing is lost when the process exits right after, and they never
throw (a hung-up terminal answers EIO).
*/
export const escapes = {
	enterAlternateScreen: '\u001B[?1049h',
	leaveAlternateScreen: '\u001B[?1049l',
	hideCursor: '\u001B[?25l',
	showCursor: '\u001B[?25h',
	clearScreen: '\u001B[2J',
	home: '\u001B[H',
	resetAttributes: '\u001B[0m',
	endSynchronizedOutput: '\u001B[?2026l',
	/** Pastes arrive between ESC [ 200 ~ and ESC [ 201 ~, so input.ts can drop them whole. */
	enableBracketedPaste: '\u001B[?2004h',
	disableBracketedPaste: '\u001B[?2004l',
	/** Auto-wrap off: a character in the last column stays there, even in the bottom-right cell. */
	autoWrapOff: '\u001B[?7l',
	autoWrapOn: '\u001B[?7h',
} as const;

let isLost = false;

/** Whether a write found the terminal hung up (EIO): the window was closed or the SSH link dropped. */
export function isTerminalLost(): boolean {
	return isLost;
}

/** Notes an error from the terminal; true when it says the terminal is gone. */
export function noteTerminalError(error: unknown): boolean {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code === 'EIO' || code === 'ENXIO') {
		isLost = true;
	}

	return isLost;
}

export function writeNow(fd: number, text: string): void {
	try {
		writeSync(fd, text);
	} catch (error: unknown) {
		// The terminal is gone (SIGHUP, EIO); there is nothing left to restore on it.
		noteTerminalError(error);
	}
}

/** Sets raw mode off and on again: libuv skips a call that looks unchanged (after fg, it is not). */
export function resetRawMode(stdin: NodeJS.ReadStream, isRaw: boolean): void {
	try {
		if (stdin.isTTY) {
			stdin.setRawMode(!isRaw);
			stdin.setRawMode(isRaw);
		}
	} catch {
		// As above: no terminal to set.
	}
}

export type TerminalSize = {readonly columns: number; readonly rows: number};

/** Some ptys (and `ssh -T`) report no size; 80x24 is what a terminal is assumed to be then. */
export function readSize(stream: {columns?: number; rows?: number}): TerminalSize {
	const columns = Number(stream.columns);
	const rows = Number(stream.rows);
	return {
		columns: Number.isFinite(columns) && columns > 0 ? columns : 80,
		rows: Number.isFinite(rows) && rows > 0 ? rows : 24,
	};
}

type SizedStream = {columns: number; rows: number; isTTY?: boolean};

/**
Stores the size on the stream, 80x24 where the terminal says 0. Returns whether the size changed.
*/
export function refreshSize(stream: SizedStream): boolean {
	const size = readSize(stream);
	const isChanged = size.columns !== stream.columns || size.rows !== stream.rows;
	stream.columns = size.columns;
	stream.rows = size.rows;
	return isChanged;
}

/**
Has Node read the terminal's size afresh, then calls `done`. Node reads it on SIGWINCH, which a
stopped job never gets (the terminal was resized while the shell had it): after fg the stream still
has the size from before. So the process sends itself SIGWINCH; Node's own listener (added when
process.stdout was made, so before this one) stores the new `columns` and `rows` and emits 'resize'
when they changed; `done` runs after it. Without a terminal (or on Windows, which has no SIGWINCH)
`done` runs at once.
*/
export function rereadSize(stream: {isTTY?: boolean}, done: () => void): void {
	if (!stream.isTTY || process.platform === 'win32') {
		done();
		return;
	}

	process.once('SIGWINCH', done);
	process.kill(process.pid, 'SIGWINCH');
}
