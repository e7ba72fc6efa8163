import {EventEmitter} from 'node:events';
import {setImmediate as immediate} from 'node:timers/promises';
import type {ReactNode} from 'react';
import {type Instance, render} from 'ink';
import {mountShow} from '../../source/show/mount.js';
import {isTableKey} from '../../source/model/keymap.js';
import {createFrameWriter} from '../../source/terminal/frame-writer.js';
import {guardInput} from '../../source/terminal/input-stream.js';
import {FrameSink} from '../../source/terminal/frame-sink.js';
import {themes, type Theme} from '../../source/text/theme.js';
import {loadInk} from '../../source/deck/drawn.js';
import {unstable_IdlePriority as idlePriority, unstable_scheduleCallback as scheduleCallback} from 'scheduler';
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

/** What a test writes keys to and reads frames from: ink-testing-library's render, or renderShow's. */
type Frames = {
	lastFrame: () => string | undefined;
	stdin: {write: (data: string) => void};
	/** Every frame Ink wrote so far (a key that changes nothing writes none). */
	readonly frames: readonly unknown[];
	/** Whether written keys still wait to reach Ink (renderShow says; ink-testing-library's stdin holds `data` until read). */
	readonly hasUnread?: () => boolean;
};

/** Waits until the last frame satisfies `check`, or fails with the frame it saw. */
export async function waitForFrame(app: Pick<Frames, 'lastFrame'>, check: (frame: string) => boolean, timeoutMs = 4000): Promise<string> {
	await poll(() => check(app.lastFrame() ?? ''), 'the frame to match', {timeoutMs, intervalMs: 5, seen: () => app.lastFrame() ?? ''});
	return app.lastFrame() ?? '';
}

/** Resolves when React's scheduler has run every task queued ahead of an idle one, and Ink's setImmediate (a held Esc) has run. */
async function reactIdle(): Promise<void> {
	await new Promise<void>(resolve => {
		scheduleCallback(idlePriority, () => {
			resolve();
		});
	});
	await immediate();
}

const unread = (app: Frames) => app.hasUnread?.() ?? (app.stdin as {data?: unknown}).data != null;

/**
Waits until every key written has reached Ink and a whole idle turn of React passed without a new frame:
the keys were read, rendered (or changed nothing), and their effects ran.
*/
export async function quiet(app: Frames): Promise<string> {
	let seen = -1;
	await poll(async () => {
		const before = app.frames.length;
		await reactIdle();
		const isQuiet = !unread(app) && app.frames.length === before && before === seen;
		seen = app.frames.length;
		return isQuiet;
	}, 'the keys to be read and React to be idle', {intervalMs: 1, seen: () => app.lastFrame() ?? ''});
	return app.lastFrame() ?? '';
}

/** Writes a key and waits until it was read and React is idle (see `quiet`); returns the frame. */
export async function press(app: Frames, data: string): Promise<string> {
	await quiet(app);
	app.stdin.write(data);
	return quiet(app);
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
export class FakeStdin extends EventEmitter {
	isTTY = true;
	/** The key written and not yet read by Ink. */
	data: string | null = null;
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
	/** Whether keys written have not all reached Ink yet. */
	readonly hasUnread: () => boolean;
	readonly rerender: (tree: ReactNode) => void;
	readonly unmount: () => void;
	/** Resolves when the app exits (Ink's `waitUntilExit`). */
	readonly waitUntilExit: () => Promise<unknown>;
};

const shown: Instance[] = [];

/**
Renders a view of the show the way the live show does, with its mount (source/show/mount.tsx): Ink into a
frame sink (debug mode), the view's lines and Ink's frame composed by the frame writer. The screen is what
the writer painted.
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
	// The guard's queue and its release are private; a test reads them to know that every key reached Ink.
	const guard = inkStdin as unknown as {readonly queue: readonly string[]; readonly isReleasing: boolean};
	// An app that has exited reads no more keys: nothing waits to be read.
	let hasExited = false;
	if (isGuarded && !(Array.isArray(guard.queue) && typeof guard.isReleasing === 'boolean')) {
		throw new TypeError('the input guard keeps its queue elsewhere now: update hasUnread in test/helpers/ink.ts');
	}

	const hasUnread = () => !hasExited && (isGuarded ? guard.queue.length > 0 || guard.isReleasing : (stdin as FakeStdin).data !== null);
	const {instance, rerender} = mountShow(render, tree, {
		sink,
		stdin: inkStdin as unknown as NodeJS.ReadStream,
		showLines(lines) {
			writer.show({lines});
		},
	});
	const exited = () => {
		hasExited = true;
	};
	instance.waitUntilExit().then(exited, exited);
	shown.push(instance);
	return {
		lastFrame: screen,
		frames,
		written,
		stdin,
		hasUnread,
		rerender,
		unmount: instance.unmount,
		waitUntilExit: instance.waitUntilExit,
	};
}

/** Unmounts every view `renderShow` rendered (call in afterEach). */
export function cleanupShown(): void {
	for (const instance of shown.splice(0)) {
		instance.unmount();
		instance.cleanup();
	}
}
