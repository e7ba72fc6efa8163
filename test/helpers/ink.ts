import {EventEmitter} from 'node:events';
import {setImmediate as immediate} from 'node:timers/promises';
import {createElement, type ReactNode} from 'react';
import {type Instance, render} from 'ink';
import {FrameContext} from '../../source/show/components/frame.js';
import {isTableKey} from '../../source/model/keymap.js';
import {createFrameWriter} from '../../source/terminal/frame-writer.js';
import {guardInput} from '../../source/terminal/input-stream.js';
import {FrameSink} from '../../source/terminal/frame-sink.js';
import {themes, type Theme} from '../../source/text/theme.js';
import {loadInk} from '../../source/deck/drawn.js';
import {poll} from './poll.js';

// The show's components reach Ink through the Ink that loadInk() loaded (source/show/ink.ts), as the
// live show does before its first render.
await loadInk();

/** Named key sequences, as a terminal sends them. */
export const keys = {
	right: '\u001B[C',
	left: '\u001B[D',
	up: '\u001B[A',
	down: '\u001B[B',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	backspace: '\u007F',
	ctrlC: '\u0003',
	ctrlZ: '\u001A',
} as const;

/** Lets React 19's scheduler and Ink's input effects run. */
export async function settle(): Promise<void> {
	await immediate();
	await new Promise(resolve => {
		setTimeout(resolve, 0);
	});
	await immediate();
}

type Frames = {lastFrame: () => string | undefined; stdin: {write: (data: string) => void}};

/** Waits until the last frame satisfies `check`, or fails with the frame it saw. */
export async function waitForFrame(app: Frames, check: (frame: string) => boolean, timeoutMs = 2000): Promise<string> {
	await poll(() => check(app.lastFrame() ?? ''), 'the frame to match', {timeoutMs, intervalMs: 5, seen: () => app.lastFrame() ?? ''});
	return app.lastFrame() ?? '';
}

/** Lets the scheduler run, waits `ms` more, and returns the last frame. */
export async function frameAfter(app: Frames, ms = 20): Promise<string> {
	await settle();
	await new Promise(resolve => {
		setTimeout(resolve, ms);
	});
	return app.lastFrame() ?? '';
}

/** Writes a key and waits for the frame to settle. */
export async function press(app: Frames, data: string): Promise<string> {
	await settle();
	app.stdin.write(data);
	return frameAfter(app);
}

/** Writes a key, then waits for a frame that passes `check` (a view that loads when first opened). */
export async function pressUntil(app: Frames, data: string, check: (frame: string) => boolean): Promise<string> {
	await press(app, data);
	return waitForFrame(app, check);
}

/** A terminal as the input guard reads it (raw mode, 'data'), fed by `write`: each write is one read. */
class FakeTerminal extends EventEmitter {
	isTTY = true;
	write(data: string): void {
		this.emit('data', Buffer.from(data, 'utf8'));
	}

	setRawMode(): this {
		return this;
	}

	resume(): this {
		return this;
	}

	pause(): this {
		return this;
	}

	ref(): this {
		return this;
	}

	unref(): this {
		return this;
	}
}

/** A terminal's stdin as Ink reads it (raw mode, 'readable', read()), fed by `write`. */
class FakeStdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write(data: string): void {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	}

	read(): string | null {
		const {data} = this;
		this.data = null;
		return data;
	}

	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

export type Shown = {
	/** The screen now, as the frame writer composed it: every row, trailing blanks cut. */
	readonly lastFrame: () => string;
	/** Every screen painted so far. */
	readonly frames: string[];
	/** The bytes the frame writer wrote, as a terminal would get them. */
	readonly written: string[];
	readonly stdin: {write: (data: string) => void};
	readonly rerender: (tree: ReactNode) => void;
	readonly unmount: () => void;
};

const shown: Instance[] = [];

/**
Renders a view of the show the way the live show does: Ink into a frame sink (debug mode), the view's
lines and Ink's frame composed by the frame writer. The screen is what the writer painted.
*/
export function renderShow(
	tree: ReactNode,
	{columns, rows}: {columns: number; rows: number},
	theme: Theme = themes.plain,
	{isGuarded = false}: {readonly isGuarded?: boolean} = {},
): Shown {
	const frames: string[] = [];
	const written: string[] = [];
	const writer = createFrameWriter({
		theme,
		write(text) {
			written.push(text);
			frames.push(screen());
		},
		size: () => ({columns, rows}),
		hasStyles: true,
	});
	const screen = () => {
		const text = writer.text();
		return Array.from({length: rows}, (_, row) => text[row] ?? '').join('\n');
	};

	const sink = new FrameSink({columns, rows}, frame => {
		writer.show({ink: frame});
	});
	// Guarded: keys go through the live show's input guard (terminal/input-stream.ts), one key per read to Ink.
	const terminal = new FakeTerminal();
	const stdin = isGuarded ? terminal : new FakeStdin();
	const inkStdin = isGuarded ? guardInput(terminal as unknown as NodeJS.ReadStream, {accepts: isTableKey, escapeMs: 20}).stdin : stdin;
	const wrap = (node: ReactNode) =>
		createElement(FrameContext.Provider, {
			value(lines) {
				writer.show({lines});
			},
		}, node);
	const instance = render(wrap(tree), {
		stdout: sink as unknown as NodeJS.WriteStream,
		stdin: inkStdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	shown.push(instance);
	return {
		lastFrame: screen,
		frames,
		written,
		stdin,
		rerender(node) {
			instance.rerender(wrap(node));
		},
		unmount: instance.unmount,
	};
}

/** Unmounts every view `renderShow` rendered (call in afterEach). */
export function cleanupShown(): void {
	for (const instance of shown.splice(0)) {
		instance.unmount();
		instance.cleanup();
	}
}
