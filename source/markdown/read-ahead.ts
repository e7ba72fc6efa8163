import {DeckFileError, deckFileError} from './load.js';
import {checkDeckSteps} from './parse-deck.js';

/**
Reads the whole deck in a show's idle time, as `--list` or `check` would read it (so with the same
errors), from a second after the show is up, 2 ms at a time: the keys are read between slices, and a
key waits for one slice at most (and a piece's parse: about 1 KB). A show starts on a deck read lazily (see readDeckLazily), whose slides not shown yet
have not been parsed: the first mistake in the file is told to `onProblem` (`FILE:LINE:COLUMN:
problem`) and the reading stops, as it does when the returned function is called (the deck was
reloaded).
*/
export function readAhead(file: string, text: string, onProblem: (message: string) => void, {sliceMs = 2, afterMs = 1000} = {}): () => void {
	const steps = checkDeckSteps(text, {name: file});
	let timer: NodeJS.Immediate | NodeJS.Timeout | undefined;
	const slice = () => {
		const started = performance.now();
		try {
			while (performance.now() - started < sliceMs) {
				if (steps.next().done) {
					return;
				}
			}
		} catch (error: unknown) {
			const known = deckFileError(file, error);
			if (known instanceof DeckFileError) {
				onProblem(known.message);
				return;
			}

			throw error;
		}

		// Held (not unref'd): an unref'd immediate lets the event loop sleep in its poll, and runs only when something else wakes it.
		timer = setImmediate(slice);
	};

	// Begun a second after the show is up: the first keys of a talk come before it.
	timer = setTimeout(slice, afterMs).unref();
	return () => {
		clearTimeout(timer as NodeJS.Timeout);
		clearImmediate(timer as NodeJS.Immediate);
	};
}
