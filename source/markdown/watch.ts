import {type FSWatcher, watch, watchFile, unwatchFile} from 'node:fs';
import path from 'node:path';
import type {Deck} from '../deck/deck.js';
import {DeckFileError, parseDeckText, readDeckText} from './load.js';

/**
Live reload of a Markdown deck: the file's directory is watched (an editor that saves by writing a
new file and renaming it over the old one replaces the file, which a watch on the file itself would
lose), changes are gathered for a moment, then the file is read and parsed again. Each reading
reports a new deck or the problem; a reading that gives the same text reports nothing. Where the
directory cannot be watched, the file is polled.
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

	const read = async () => {
		timer = undefined;
		try {
			const text = await readDeckText(file);
			retries = 0;
			if (text === lastText || isStopped) {
				return;
			}

			lastText = text;
			onUpdate({deck: parseDeckText(file, text).deck});
		} catch (error: unknown) {
			if (isStopped) {
				return;
			}

			if (error instanceof DeckFileError && / no such file$/.test(error.message) && retries < missingRetries) {
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

	let watcher: FSWatcher | undefined;
	try {
		watcher = watch(path.dirname(path.resolve(file)), {persistent: false}, (_event, changed) => {
			if (changed === null || changed === name) {
				schedule();
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

	function poll() {
		watchFile(file, {interval: options.pollMs ?? 250, persistent: false}, () => {
			schedule();
		});
	}

	return () => {
		isStopped = true;
		clearTimeout(timer);
		watcher?.close();
		unwatchFile(file);
	};
}
