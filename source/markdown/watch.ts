import {type FSWatcher, watch, watchFile, unwatchFile} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Worker} from 'node:worker_threads';
import type {Deck} from '../deck/deck.js';
import {visibleControls} from './inline.js';
import {DeckFileError, loadHighlighterFor, parseDeckText, readDeckText} from './load.js';
import {type PackedDeck, unpackDeck} from './packed-deck.js';
import {deckLimits} from './split.js';
import {chosenFormat} from './formats/translate.js';

/**
Live reload of a Markdown deck: the file's directory is watched (an editor that saves by writing a
new file and renaming it over the old one replaces the file, which a watch on the file itself would
lose), changes are gathered for a moment, then the file is read and parsed again. Each reading
reports a new deck or the problem; a reading that gives the same text reports nothing. Where the
directory cannot be watched, the file is polled.

The text is parsed in a worker thread (dist/libs/parse-worker.js), so that the show reads its keys
whatever the file holds: a parse that takes a while says "reading deck.md…" in the status line, one
that outlasts the deck's time limit is ended, a newer save ends the parse of an older one, and the
last good deck stays on screen throughout. In the sources (the tests), which a worker cannot run as
they are, the text is parsed in this thread.
*/
export type WatchUpdate = {readonly deck: Deck} | {readonly problem: string};

export type WatchOptions = {
	/** How long changes are gathered before the file is read (ms). */
	readonly settleMs?: number;
	/** How often the file is polled where it cannot be watched (ms). */
	readonly pollMs?: number;
};

/** A file that is missing for a moment (saved by delete and write) is tried again this many times. */
const missingRetries = 3;

/** Watches `file`, whose text on screen is `shownText`; returns the stop. */
export function watchDeck(file: string, shownText: string, onUpdate: (update: WatchUpdate) => void, options: WatchOptions = {}): () => void {
	const settleMs = options.settleMs ?? 60;
	const name = path.basename(file);
	let timer: NodeJS.Timeout | undefined;
	let lastText: string | undefined = shownText;
	let isStopped = false;
	let retries = 0;
	const parser = deckParser();

	const read = async () => {
		timer = undefined;
		try {
			const text = await readDeckText(file);
			retries = 0;
			if (text === lastText || isStopped) {
				return;
			}

			lastText = text;
			// A save that brings the deck its first code block brings the highlighter.
			await loadHighlighterFor(text);
			const update = await parser.parse(file, text, () => {
				onUpdate({problem: `reading ${visibleControls(name)}…`});
			});
			if (update && !isStopped) {
				onUpdate(update);
			}
		} catch (error: unknown) {
			if (isStopped) {
				return;
			}

			if (error instanceof DeckFileError && / No such file\.$/.test(error.message) && retries < missingRetries) {
				retries++;
				schedule(settleMs * 2);
				return;
			}

			lastText = undefined;
			onUpdate({problem: error instanceof Error ? error.message : String(error)});
		}
	};

	function schedule(delay = settleMs) {
		if (isStopped) {
			return;
		}

		clearTimeout(timer);
		timer = setTimeout(() => {
			void read();
		}, delay);
	}

	const stopWatching = onFileChange(file, options.pollMs ?? 250, () => {
		schedule();
	});
	// A save between the reading of `shownText` and this watch (the show starts watching once its first
	// frame is up) has no event: one reading now finds it, and the same text reports nothing.
	schedule();
	return () => {
		isStopped = true;
		parser.stop();
		clearTimeout(timer);
		stopWatching();
	};
}

/**
Calls `onChange` whenever `file` may have changed: a watch on its directory (an editor may save by
renaming a new file over the old one), or polling every `pollMs` where the directory cannot be
watched. Returns the stop.
*/
function onFileChange(file: string, pollMs: number, onChange: () => void): () => void {
	const name = path.basename(file);
	const poll = () => {
		watchFile(file, {interval: pollMs, persistent: false}, () => {
			onChange();
		});
	};

	let watcher: FSWatcher | undefined;
	try {
		watcher = watch(path.dirname(path.resolve(file)), {persistent: false}, (_event, changed) => {
			if (changed === null || changed === name) {
				onChange();
			}
		});
		watcher.on('error', () => {
			watcher?.close();
			watcher = undefined;
			poll();
		});
	} catch {
		poll();
	}

	return () => {
		watcher?.close();
		unwatchFile(file);
	};
}

/** True in the bundle (esbuild --define), where the worker's file is dist/libs/parse-worker.js. */
declare const BRIEFING_BUNDLE: boolean | undefined;

/** After this long a parse says so in the status line (ms). */
const readingNoticeMs = 150;

type Answer = {readonly id: number; readonly deck?: PackedDeck; readonly problem?: string};

/**
Parses a deck's text off the show's thread; `parse` resolves to the update, or to undefined when a
newer parse (or stop) took its place.
*/
function deckParser() {
	let worker: Worker | undefined;
	let pending: {id: number; settle: (update: WatchUpdate | undefined) => void} | undefined;
	let count = 0;
	const end = () => {
		void worker?.terminate();
		worker = undefined;
		pending?.settle(undefined);
		pending = undefined;
	};

	const start = () => {
		// node:worker_threads is loaded for the first save, not on the way to the first frame.
		const {Worker: ParseWorker} = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
		const started = new ParseWorker(fileURLToPath(new URL('libs/parse-worker.js', import.meta.url)), {resourceLimits: {maxOldGenerationSizeMb: 256}});
		started.unref();
		started.on('message', (answer: Answer) => {
			if (answer.id === pending?.id) {
				const {settle} = pending;
				pending = undefined;
				settle(answer.deck ? {deck: unpackDeck(answer.deck)} : {problem: answer.problem ?? 'the deck could not be read'});
			}
		});
		started.on('error', (error: Error) => {
			const {settle} = pending ?? {settle: () => undefined};
			worker = undefined;
			pending = undefined;
			settle({problem: `the deck could not be read (${visibleControls(error.message)})`});
		});
		return started;
	};

	return {
		async parse(file: string, text: string, onSlow: () => void): Promise<WatchUpdate | undefined> {
			if (!(typeof BRIEFING_BUNDLE === 'boolean' && BRIEFING_BUNDLE)) {
				return {deck: parseDeckText(file, text).deck};
			}

			if (pending) {
				end();
			}

			worker ??= start();
			const id = ++count;
			const notice = setTimeout(onSlow, readingNoticeMs);
			const limit = setTimeout(() => {
				const settle = pending?.settle;
				pending = undefined;
				end();
				settle?.({problem: `${visibleControls(file)}: reading the deck took over ${deckLimits.parseMs / 1000} s`});
			}, 4 * deckLimits.parseMs);
			try {
				return await new Promise<WatchUpdate | undefined>(resolve => {
					pending = {id, settle: resolve};
					worker!.postMessage({id, file, text, format: chosenFormat()});
				});
			} finally {
				clearTimeout(notice);
				clearTimeout(limit);
			}
		},
		stop: end,
	};
}
