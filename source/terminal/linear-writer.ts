import type {TerminalSize} from './terminal.js';

/**
The screen-reader mode's painter: linear text in the normal screen. Each new frame is written under
the last, a blank line between them, never over it: the new one is what a screen reader announces,
and everything read stays in the terminal's scrollback.
*/
export type LinearWriter = {
	readonly show: (frame: string) => void;
	/** Writes the last frame again (after fg: the shell's prompt is under it now). */
	readonly repaint: () => void;
};

export function createLinearWriter(write: (text: string) => void, _size?: () => TerminalSize): LinearWriter {
	let last = '';
	return {
		show(frame) {
			// Ink's empty writes (a flush at exit) are not frames here: the screen reader's text always says something.
			if (frame === last || frame === '') {
				return;
			}

			write((last ? '\n\n' : '') + frame);
			last = frame;
		},
		repaint() {
			write('\n\n' + last);
		},
	};
}
