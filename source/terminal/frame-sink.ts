import {Writable} from 'node:stream';
import type {TerminalSize} from './terminal.js';

/**
The stream Ink renders into instead of the terminal. With `debug: true` Ink 6.8 writes every render as
one whole frame (`stdout.write(output)`, no cursor moves, no throttle) to the stream it is given, and
reads from it only `columns` (its layout width) and `rows`, and listens for 'resize'. Each frame is
handed to `onFrame`; the frame writer composes it with the slide's lines and paints the difference.
A write of '' is a frame too: Ink drew nothing (a slide, whose lines are the whole screen).
*/
export class FrameSink extends Writable {
	columns: number;
	rows: number;

	constructor(size: TerminalSize, onFrame: (frame: string) => void) {
		super({
			decodeStrings: false,
			write(chunk: unknown, _encoding, done) {
				onFrame(String(chunk));
				done();
			},
		});
		this.columns = size.columns;
		this.rows = size.rows;
	}

	/** The terminal changed size: Ink lays out at the new width, the app reads the new size. Returns whether it changed. */
	resize(size: TerminalSize): boolean {
		if (size.columns === this.columns && size.rows === this.rows) {
			return false;
		}

		this.columns = size.columns;
		this.rows = size.rows;
		this.emit('resize');
		return true;
	}
}
