import type {Deck} from '../deck/deck.js';
import {keptRuns, type SlideRecord, saveTimings, slideMark, type TimingsStore} from '../outputs/timings-file.js';

/**
A rehearsal (`--rehearse`): how long each slide and each reveal step was on screen, added to the
timings of earlier rehearsals and written after each slide change (a moment later, off the key's
way), on the save key, and at the end (quit or a signal). A slide seen twice adds up. What is
written after a slide change counts the slides left behind; the save key and the end also count
the time on the slide still up.
*/
export type Rehearsal = {
	/** The show stands here now (a slide by id, and how many reveal steps are shown). */
	readonly move: (slideId: string, step: number) => void;
	/** The deck was read again (live reload): its slides' marks change with their words. */
	readonly setDeck: (deck: Deck) => void;
	/** Writes now, counting the time on the slide still up (the save key); why it could not, or undefined. */
	readonly save: () => string | undefined;
	/** The last write, when the show ends; synchronous, so a signal's handler can call it. */
	readonly finish: () => void;
	/** What could not be written, in one line each (said once the terminal is given back). */
	readonly problems: () => readonly string[];
	/** The timings as they would be written now (tests). */
	readonly store: (countOpen: boolean) => TimingsStore;
};

export type RehearsalOptions = {
	readonly deck: Deck;
	readonly file: string;
	/** The timings of earlier rehearsals (already cleared of changed slides). */
	readonly base?: TimingsStore;
	readonly now?: () => number;
	/** How long after a slide change the file is written (ms). */
	readonly delayMs?: number;
	readonly write?: (file: string, store: TimingsStore) => string | undefined;
};

type Spent = {total: number; steps: number[]};

export function createRehearsal(options: RehearsalOptions): Rehearsal {
	const {file, base, now = Date.now, delayMs = 30, write = saveTimings} = options;
	let deck = options.deck;
	const spent = new Map<string, Spent>();
	let current: {id: string; step: number; since: number} | undefined;
	let timer: NodeJS.Timeout | undefined;
	const problems: string[] = [];

	const add = (until: number) => {
		if (!current) {
			return;
		}

		const entry = spent.get(current.id) ?? {total: 0, steps: []};
		const time = Math.max(0, until - current.since);
		entry.total += time;
		entry.steps[current.step] = (entry.steps[current.step] ?? 0) + time;
		spent.set(current.id, entry);
	};

	const store = (countOpen: boolean): TimingsStore => {
		const open = countOpen && current ? {id: current.id, step: current.step, time: Math.max(0, now() - current.since)} : undefined;
		const slides = new Map<string, SlideRecord>();
		for (const slide of deck.slides) {
			const earlier = base?.slides.get(slide.id);
			const mine = spent.get(slide.id);
			const extra = open?.id === slide.id ? open.time : 0;
			if (!mine && extra === 0) {
				if (earlier) {
					slides.set(slide.id, earlier);
				}

				continue;
			}

			const steps = Array.from({length: Math.max(mine?.steps.length ?? 0, open?.id === slide.id ? open.step + 1 : 0)}, (_, step) => (mine?.steps[step] ?? 0) + (open?.id === slide.id && open.step === step ? extra : 0));
			slides.set(slide.id, {runs: [...(earlier?.runs ?? []), (mine?.total ?? 0) + extra].slice(-keptRuns), steps, mark: slideMark(slide)});
		}

		return {deck: deck.title, rehearsals: (base?.rehearsals ?? 0) + 1, updated: new Date(now()).toISOString(), slides};
	};

	const writeNow = (countOpen: boolean) => {
		clearTimeout(timer);
		timer = undefined;
		const problem = write(file, store(countOpen));
		if (problem && !problems.includes(problem)) {
			problems.push(problem);
		}

		return problem;
	};

	return {
		move(slideId, step) {
			const at = now();
			if (current?.id === slideId && current.step === step) {
				return;
			}

			const isNewSlide = current !== undefined && current.id !== slideId;
			add(at);
			current = {id: slideId, step, since: at};
			if (isNewSlide) {
				clearTimeout(timer);
				timer = setTimeout(() => {
					writeNow(false);
				}, delayMs);
				timer.unref();
			}
		},
		setDeck(next) {
			deck = next;
		},
		save() {
			return writeNow(true);
		},
		finish() {
			if (current) {
				writeNow(true);
			}
		},
		problems: () => problems,
		store,
	};
}
