import {writeSync} from 'node:fs';

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
type TtyHandle = {getWindowSize?: (size: [number, number]) => number | undefined};

/** Asks the terminal for its size (`getWindowSize()` only returns what the stream last stored). */
function measure(stream: SizedStream): {columns?: number; rows?: number} {
	const handle = (stream as {_handle?: TtyHandle})._handle;
	if (!stream.isTTY || typeof handle?.getWindowSize !== 'function') {
		return stream;
	}

	const size: [number, number] = [0, 0];
	try {
		return handle.getWindowSize(size) ? stream : {columns: size[0], rows: size[1]};
	} catch {
		// No terminal to ask; keep what the stream has.
		return stream;
	}
}

/**
Reads the size from the terminal itself and stores it on the stream, 80x24 where the terminal says
0. Node only updates `columns` and `rows` on SIGWINCH, which a stopped job never gets: after fg the
stream still has the size from before. Returns whether the size changed.
*/
export function refreshSize(stream: SizedStream): boolean {
	const size = readSize(measure(stream));
	const isChanged = size.columns !== stream.columns || size.rows !== stream.rows;
	stream.columns = size.columns;
	stream.rows = size.rows;
	return isChanged;
}
