import {type Deck, readSlide} from '../deck/deck.js';

/**
Reads, in the show's idle time, every slide of a lazily read deck that the show has not read yet, a few
milliseconds at a time with as long a rest after each (the keys are read between slices, and a key's
frame shares the processor with at most one slice), in order from the first; the first slide that
fails is told to `onProblem` (`FILE:LINE:COLUMN: problem`) and the reading stops, as it does when the
returned function is called (the deck was reloaded).
*/
export function readAhead(deck: Deck, problemOf: (index: number) => string | undefined, onProblem: (message: string) => void, sliceMs = 4): () => void {
	let next = 0;
	let timer: NodeJS.Timeout | undefined;
	const slice = () => {
		const started = performance.now();
		while (next < deck.slides.length && performance.now() - started < sliceMs) {
			readSlide(deck.slides[next]!);
			const problem = problemOf(next);
			next++;
			if (problem) {
				onProblem(problem);
				return;
			}
		}

		timer = next < deck.slides.length ? setTimeout(slice, sliceMs).unref() : undefined;
	};

	timer = setTimeout(slice, sliceMs).unref();
	return () => {
		if (timer) {
			clearTimeout(timer);
		}
	};
}
