import type {Deck} from '../deck/deck.js';
import {keptRuns, type SlideRecord, saveTimings, slideMark, type TimingsStore} from '../outputs/timings-file.js';

/**
A rehearsal (`--rehearse`): how long each slide and each reveal step was on screen, added to the
timings of earlier rehearsals and written after each slide change (a moment later, off the key's
way), on the save key, and at the end (quit or a signal). It counts from the moment the talk's
timer does (the first move, or r), so that the talk is paced against times measured as its timer
measures them. r again ends this run, kept as a rehearsal of its own (as the end would keep it), and
starts a new one from nothing; a run that left no slide or step behind (r, then r or the end on the
same step) is a false start and is not recorded, unless the save key kept it. A slide seen twice adds
up. What is written after a slide change counts the slides left behind; the save key and the end also
count the time on the slide still up.
*/
export type Rehearsal = {
	/** The show stands here now (a slide by id, and how many reveal steps are shown). */
	readonly move: (slideId: string, step: number) => void;
	/**
	The talk's timer started (`run` is its start's number: the first move, or r): the count starts
	now; a new `run` (r again) keeps the run before it as a rehearsal (unless it was a false start)
	and counts the new one from nothing. Call it before the move.
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
	/** Reads the earlier rehearsals now if they are read on first need (`loadBase`): the show calls it once its first frame is up. */
	readonly prepare: () => void;
};

export type RehearsalOptions = {
	readonly deck: Deck;
	readonly file: string;
	/** The timings of earlier rehearsals (already cleared of changed slides). */
	readonly base?: TimingsStore;
	/**
	Instead of `base`: reads them on first need (or `prepare`), so the audience view's first frame does
	not wait for every slide's mark (each slide read, and node:crypto loaded); a problem with the file
	is said with the others, once the terminal is given back.
	*/
	readonly loadBase?: () => {readonly store?: TimingsStore; readonly problem?: string};
	readonly now?: () => number;
	/** How long after a slide change the file is written (ms). */
	readonly delayMs?: number;
	readonly write?: (file: string, store: TimingsStore) => string | undefined;
};

type Spent = {total: number; steps: number[]};

/** The step still on screen and its time so far. */
type Open = {readonly id: string; readonly step: number; readonly time: number};

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
function timingsAfter(deck: Deck, base: TimingsStore | undefined, spent: ReadonlyMap<string, Spent>, open: Open | undefined, at: number): TimingsStore {
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

/**
The counting half of a rehearsal: which step is on screen since when, and the time each slide and
step has had since the timer started, paused by Ctrl+Z.
*/
function stepClock(now: () => number) {
	const spent = new Map<string, Spent>();
	let current: {id: string; step: number; since: number} | undefined;
	let isPaused = false;
	/** The timer's start the count runs from; undefined until the timer starts. */
	let run: number | undefined;
	/** Whether this run left a slide or a step behind: a run that did not is a false start. */
	let hasMoved = false;
	/** The step on screen while it counts: the timer started and the rehearsal not paused. */
	const counted = () => (current && !isPaused && run !== undefined ? current : undefined);
	const add = (until: number) => {
		const shown = counted();
		if (shown) {
			addTo(spent, shown.id, shown.step, Math.max(0, until - shown.since));
		}
	};

	return {
		spent,
		/** The step on screen and its time so far, when it counts. */
		open(at: number): Open | undefined {
			const shown = counted();
			return shown && {id: shown.id, step: shown.step, time: Math.max(0, at - shown.since)};
		},
		hasStarted: () => current !== undefined && run !== undefined,
		hasMoved: () => hasMoved,
		/** Whether `next` is another start of the timer than the one this run counts from. */
		isNewRun: (next: number) => next !== run,
		/** Moves to a step; says whether it left another slide (undefined when it stays where it is). */
		move(slideId: string, step: number): boolean | undefined {
			if (current?.id === slideId && current.step === step) {
				return undefined;
			}

			const at = now();
			const isNewSlide = current !== undefined && current.id !== slideId;
			add(at);
			hasMoved ||= current !== undefined && run !== undefined;
			current = {id: slideId, step, since: at};
			isPaused = false;
			return isNewSlide;
		},
		startTimer(next: number) {
			if (next !== run) {
				run = next;
				hasMoved = false;
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
	};
}

/** The earlier rehearsals, with the runs this show ended with r: given, or read on first need (`loadBase`), a problem with the file added to `problems`. */
function earlierRehearsals({base: given, loadBase}: Pick<RehearsalOptions, 'base' | 'loadBase'>, problems: string[]) {
	let base = given;
	let load = given ? undefined : loadBase;
	const prepare = () => {
		if (load) {
			const loaded = load();
			load = undefined;
			base = loaded.store;
			if (loaded.problem) {
				problems.push(loaded.problem);
			}
		}
	};

	return {
		prepare,
		get() {
			prepare();
			return base;
		},
		set(store: TimingsStore) {
			base = store;
		},
	};
}

export function createRehearsal(options: RehearsalOptions): Rehearsal {
	const {file, now = Date.now, delayMs = 30, write = saveTimings} = options;
	let deck = options.deck;
	const clock = stepClock(now);
	let timer: NodeJS.Timeout | undefined;
	const problems: string[] = [];
	const earlier = earlierRehearsals(options, problems);
	/** The save key was pressed in this run: it is kept even if it left nothing behind. */
	let isSaved = false;
	/** This run is a rehearsal: it started, and it moved on or was saved (else a false start). */
	const isKept = () => clock.hasStarted() && (clock.hasMoved() || isSaved);

	const store = (countOpen: boolean): TimingsStore => {
		const base = earlier.get();
		const at = now();
		if (!isKept()) {
			return {deck: deck.title, rehearsals: base?.rehearsals ?? 0, updated: new Date(at).toISOString(), slides: base?.slides ?? new Map()};
		}

		return timingsAfter(deck, base, clock.spent, countOpen ? clock.open(at) : undefined, at);
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

	const writeSoon = () => {
		clearTimeout(timer);
		timer = setTimeout(() => writeNow(false), delayMs).unref();
	};

	return {
		move(slideId, step) {
			if (clock.move(slideId, step)) {
				writeSoon();
			}
		},
		startTimer(run) {
			if (!clock.isNewRun(run)) {
				return;
			}

			// R again: the run so far is a rehearsal of its own, as if the show had ended here.
			const ended = isKept() ? store(true) : undefined;
			clock.startTimer(run);
			isSaved = false;
			if (ended) {
				earlier.set(ended);
				writeSoon();
			}
		},
		pause: clock.pause,
		resume: clock.resume,
		setDeck(next) {
			deck = next;
		},
		save() {
			isSaved = clock.hasStarted();
			return writeNow(true);
		},
		finish() {
			// A write still to come (the run r ended) is made now, as is this run's if it is one.
			if (isKept() || timer !== undefined) {
				writeNow(true);
			}
		},
		problems: () => problems,
		store,
		prepare: earlier.prepare,
	};
}
