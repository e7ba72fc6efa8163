import {EventEmitter} from 'node:events';
import {StringDecoder} from 'node:string_decoder';
import {unstable_IdlePriority as idlePriority, unstable_scheduleCallback as scheduleCallback} from 'scheduler';
import {decodeInput, flushDecoder, initialDecoderState, inkBytes, type InputEvent, type KeyEvent, keysOfRead, waitingFor} from './input.js';

/**
The guard in front of Ink's input (upstream ink issue 901: Ink 6.8's `useInput` crashes on a
Ctrl-modified CSI key it has no name for, and splits a paste at every escape sequence). Ink is given
this object as its `stdin`: it reads the terminal itself, decodes every read with input.ts, and hands
Ink only whole keys that `accepts` lets through, one key per read, each in the one byte form Ink 6.8
names correctly. Pastes (bracketed or not), mouse and focus reports, OSC and DCS strings and every
unknown sequence stop here.

Keys that arrive together each count: the next key goes to Ink only once React has rendered the one
before and run its effects (an idle task of React's scheduler, which Ink's renderer schedules its work
on). The app's one input handler reads its mode from the state every earlier key left (see
hooks/use-keymap.ts), and Ink renews a handler in an effect: a key handed over sooner could meet the
old one. test/ink-behaviour.test.tsx holds Ink 6.8 to both reasons, and fails the day either is gone.
*/
export type GuardedInput = {
	/** The object to pass as Ink's `render(..., {stdin})`. */
	readonly stdin: NodeJS.ReadStream;
};

export type GuardOptions = {
	/** Whether a decoded key may reach Ink (the key table's keys). */
	readonly accepts: (key: KeyEvent) => boolean;
	/** How long a lone ESC waits for the rest of a sequence before it is the Esc key. */
	readonly escapeMs?: number;
	/** How long an unfinished bracketed paste waits for its end marker before it is dropped. */
	readonly pasteMs?: number;
};

const defaultEscapeMs = 50;
const defaultPasteMs = 1000;

/** The parts of a tty ReadStream that Ink 6.8 uses: isTTY, setRawMode, setEncoding, ref/unref, 'readable' and read(). */
class GuardedStdin extends EventEmitter {
	readonly isTTY = true;
	private readonly queue: string[] = [];
	private state = initialDecoderState;
	private readonly text = new StringDecoder('utf8');
	private isReading = false;
	private isHeld = false;
	private waitTimer: NodeJS.Timeout | undefined;
	private isReleasing = false;

	constructor(
		private readonly source: NodeJS.ReadStream,
		private readonly options: GuardOptions,
	) {
		super();
	}

	setRawMode(isRaw: boolean): this {
		this.source.setRawMode(isRaw);
		if (isRaw && !this.isReading) {
			this.isReading = true;
			this.source.on('data', this.onData);
			this.source.resume();
		} else if (!isRaw && this.isReading) {
			this.isReading = false;
			this.source.off('data', this.onData);
			this.source.pause();
		}

		return this;
	}

	setEncoding(): this {
		return this;
	}

	ref(): this {
		this.source.ref();
		return this;
	}

	unref(): this {
		this.source.unref();
		return this;
	}

	/** One key per read: Ink's parser would join an Esc with the key after it (Alt+key). */
	read(): string | null {
		if (this.isHeld) {
			return null;
		}

		const next = this.queue.shift();
		if (next === undefined) {
			return null;
		}

		this.isHeld = true;
		return next;
	}

	private readonly onData = (chunk: Buffer | string) => {
		clearTimeout(this.waitTimer);
		const decoded = decodeInput(this.state, typeof chunk === 'string' ? chunk : this.text.write(chunk));
		this.state = decoded.state;
		this.deliver(decoded.events);
		this.waitForMore();
	};

	/** Flushes the decoder after a quiet spell, if it holds something unfinished. */
	private waitForMore() {
		const quiet = waitingFor(this.state);
		if (!quiet) {
			return;
		}

		this.waitTimer = setTimeout(
			() => {
				const flushed = flushDecoder(this.state, quiet);
				this.state = flushed.state;
				this.deliver(flushed.events);
				this.waitForMore();
			},
			quiet === 'short' ? (this.options.escapeMs ?? defaultEscapeMs) : (this.options.pasteMs ?? defaultPasteMs),
		);
		this.waitTimer.unref();
	}

	private deliver(events: readonly InputEvent[]) {
		for (const key of keysOfRead(events)) {
			const bytes = this.options.accepts(key) ? inkBytes(key) : undefined;
			if (bytes !== undefined) {
				this.queue.push(bytes);
			}
		}

		this.release();
	}

	/**
	Lets Ink read the next key, and waits before the one after: until React is idle (the key rendered,
	its effects run), then for Ink's own setImmediate, which flushes an Esc it holds.
	*/
	private release() {
		if (this.isReleasing || this.queue.length === 0) {
			return;
		}

		this.isHeld = false;
		this.isReleasing = true;
		this.emit('readable');
		scheduleCallback(idlePriority, () => {
			setImmediate(() => {
				this.isReleasing = false;
				this.release();
			});
		});
	}
}

export function guardInput(source: NodeJS.ReadStream, options: GuardOptions): GuardedInput {
	const guarded = new GuardedStdin(source, options);
	// Ink reads only the parts of a ReadStream that GuardedStdin has.
	return {stdin: guarded as unknown as NodeJS.ReadStream};
}
