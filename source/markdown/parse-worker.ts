import {parentPort} from 'node:worker_threads';
import {parseDeckText} from './load.js';
import {packDeck} from './packed-deck.js';
import type {FormatChoice} from './formats/scan.js';

/**
The live reload's parser (dist/libs/parse-worker.js, see watch.ts): a deck's text in, the deck or the
one-line problem out. In a thread of its own, so that the show's keys are read while it works.
*/
export type ParseRequest = {readonly id: number; readonly file: string; readonly text: string; readonly format?: FormatChoice};

parentPort?.on('message', ({id, file, text, format}: ParseRequest) => {
	try {
		parentPort?.postMessage({id, deck: packDeck(parseDeckText(file, text, format).deck)});
	} catch (error: unknown) {
		parentPort?.postMessage({id, problem: error instanceof Error ? error.message : String(error)});
	}
});
