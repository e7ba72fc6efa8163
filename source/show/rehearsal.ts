import type {Deck} from '../deck/deck.js';
import {keptRuns, type SlideRecord, saveTimings, slideMark, type TimingsStore} from '../outputs/timings-file.js';

/**
A rehearsal (`--rehearse`): how long each slide and each reveal step was on screen, added to the
timings of earlier rehearsals and written after each slide change (a moment later, off the key's
way), on the save key, and at the end (quit or a signal). It counts from the moment the talk's
timer does (the first move, or r), so that the talk is paced against times measured as its timer
measures them; r again starts the count again. A slide seen twice adds up. What is written after a
slide change counts the slides left behind; the save key and the end also count the time on the
slide still up.
*/
export type Rehearsal = {
	/** The show stands here now (a slide by id, and how many reveal steps are shown). */
	readonly move: (slideId: string, step: number) => void;
	/**
	The talk's timer started (`run` is its start's number: the first move, or r): the count starts
	now; a new `run` (r again) drops what this rehearsal counted before it. Call it before the move.
	*/
	readonly startTimer: (run: number) => void;
	/** Ctrl+Z: the time until `resume` (fg) is nobody's. */
	readonly pause: () => void;
	readonly resume: () => void;
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

/** Adds `time` to a slide's total and to its step's. */
function addTo(spent: Map<string, Spent>, id: string, step: number, time: number): void {
	const entry = spent.get(id) ?? {total: 0, steps: []};
	entry.total += time;
	entry.steps[step] = (entry.steps[step] ?? 0) + time;
	spent.set(id, entry);
}

/**
What the timings file holds after this rehearsal: each slide's time (with `open`, the time on the slide
still up) added as one more run to the earlier rehearsals' of it; a slide not shown keeps its earlier runs.
*/
function timingsAfter(deck: Deck, base: TimingsStore | undefined, spent: ReadonlyMap<string, Spent>, open: {readonly id: string; readonly step: number; readonly time: number} | undefined, at: number): TimingsStore {
	const totals = new Map([...spent].map(([id, entry]) => [id, {total: entry.total, steps: [...entry.steps]}]));
	if (open && open.time > 0) {
		addTo(totals, open.id, open.step, open.time);
	}

	const slides = new Map<string, SlideRecord>();
	for (const slide of deck.slides) {
		const earlier = base?.slides.get(slide.id);
		const mine = totals.get(slide.id);
		if (mine) {
			const steps = Array.from(mine.steps, time => time ?? 0);
			slides.set(slide.id, {runs: [...(earlier?.runs ?? []), mine.total].slice(-keptRuns), steps, mark: slideMark(slide)});
		} else if (earlier) {
			slides.set(slide.id, earlier);
		}
	}

	return {deck: deck.title, rehearsals: (base?.rehearsals ?? 0) + 1, updated: new Date(at).toISOString(), slides};
}

export function createRehearsal(options: RehearsalOptions): Rehearsal {
	const {file, base, now = Date.now, delayMs = 30, write = saveTimings} = options;
	let deck = options.deck;
	const spent = new Map<string, Spent>();
	let current: {id: string; step: number; since: number} | undefined;
	let isPaused = false;
	/** The timer's start the count runs from; undefined until the timer starts. */
	let run: number | undefined;
	let timer: NodeJS.Timeout | undefined;
	const problems: string[] = [];

	const add = (until: number) => {
		if (current && !isPaused && run !== undefined) {
			addTo(spent, current.id, current.step, Math.max(0, until - current.since));
		}
	};

	const store = (countOpen: boolean): TimingsStore => {
		const at = now();
		const open = countOpen && current && !isPaused && run !== undefined ? {id: current.id, step: current.step, time: Math.max(0, at - current.since)} : undefined;
		return timingsAfter(deck, base, spent, open, at);
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
			isPaused = false;
			if (isNewSlide) {
				clearTimeout(timer);
				timer = setTimeout(() => {
					writeNow(false);
				}, delayMs);
				timer.unref();
			}
		},
		startTimer(next) {
			if (next !== run) {
				run = next;
				spent.clear();
				current &&= {...current, since: now()};
			}
		},
		pause() {
			add(now());
			isPaused = true;
		},
		resume() {
			if (current && isPaused) {
				current = {...current, since: now()};
			}

			isPaused = false;
		},
		setDeck(next) {
			deck = next;
		},
		save() {
			return writeNow(true);
		},
		finish() {
			if (current && run !== undefined) {
				writeNow(true);
			}
		},
		problems: () => problems,
		store,
	};
}
