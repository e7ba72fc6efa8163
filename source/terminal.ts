import {writeSync} from 'node:fs';

/**
What the program turns on in the terminal, and how each is turned off again. Writes are synchronous
so that nothing is lost when the process exits right after, and they never throw (a hung-up
terminal answers EIO).
*/
export const escapes = {
	enterAlternateScreen: '\u001B[?1049h',
	leaveAlternateScreen: '\u001B[?1049l',
	hideCursor: '\u001B[?25l',
	showCursor: '\u001B[?25h',
	clearScreen: '\u001B[2J',
	home: '\u001B[H',
	resetAttributes: '\u001B[0m',
} as const;

export function writeNow(fd: number, text: string): void {
	try {
		writeSync(fd, text);
	} catch {
		// The terminal is gone (SIGHUP, EIO); there is nothing left to restore on it.
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
