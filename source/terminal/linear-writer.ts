import {splitSgr} from './sgr.js';
import type {TerminalSize} from './terminal.js';

/**
The screen-reader mode's painter: linear text in the normal screen, each frame replacing the last (the
new one is what a screen reader announces), what scrolled away kept in the scrollback.
*/
export type LinearWriter = {
	readonly show: (frame: string) => void;
	/** Writes the last frame again (after fg: the shell's prompt is under it now). */
	readonly repaint: () => void;
};

/** Erases `count` rows, from the cursor's row upwards, and leaves the cursor at the first column. */
function eraseRows(count: number): string {
	let text = '';
	for (let row = 0; row < count; row++) {
		text += '\u001B[2K' + (row < count - 1 ? '\u001B[1A' : '');
	}

	return count > 0 ? text + '\u001B[G' : '';
}

/** How many terminal rows the text takes, its long lines wrapped by the terminal. */
function rowsOf(frame: string, columns: number): number {
	return splitSgr(frame).reduce((sum, row) => {
		const width = row.reduce((total, run) => total + [...run.text].length, 0);
		return sum + Math.max(1, Math.ceil(width / Math.max(1, columns)));
	}, 0);
}

export function createLinearWriter(write: (text: string) => void, size: () => TerminalSize): LinearWriter {
	let last = '';
	let height = 0;
	return {
		show(frame) {
			// Ink's empty writes (a flush at exit) are not frames here: the screen reader's text always says something.
			if (frame === last || frame === '') {
				return;
			}

			write(eraseRows(height) + frame);
			last = frame;
			height = frame ? rowsOf(frame, size().columns) : 0;
		},
		repaint() {
			write(last);
			height = last ? rowsOf(last, size().columns) : 0;
		},
	};
}
