import {createHash} from 'node:crypto';
import {closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import type {Deck, Slide} from '../deck/deck.js';
import {visibleControls} from '../markdown/inline.js';
import {escaped} from '../text/quoted.js';
import {reason, temporaryName} from './write-file.js';

/**
Rehearsal timings, kept between runs in a small JSON file a person can read: the deck's title, how
many rehearsals, and per slide (by id) the last and the median time in seconds, every run's time
(the newest last, at most `keptRuns`), the last run's time per reveal step, and a mark of the
slide's words, so that an edit drops the timings of the slides it changed and keeps the others.
Beside a Markdown deck (`deck.md` → `deck.timings.json`), or for the built-in deck in
`$XDG_STATE_HOME/briefing` (default `~/.local/state/briefing`). Written whole or not at all
(a temporary file, then a rename); a file that is not one of ours is named in one line and ignored.
*/
export type SlideRecord = {
	/** Every rehearsal's time on the slide (ms), oldest first. */
	readonly runs: readonly number[];
	/** The last rehearsal's time per reveal step (ms), indexed by the number of steps shown. */
	readonly steps?: readonly number[];
	/** A mark of the slide's words when it was timed. */
	readonly mark?: string;
};

export type TimingsStore = {
	readonly deck: string;
	readonly rehearsals: number;
	readonly updated?: string;
	readonly slides: ReadonlyMap<string, SlideRecord>;
};

/** The file's first key and value: what says the file is ours. */
const marker = 'rehearsal timings';
const version = 1;
/** How many rehearsals a slide keeps. */
export const keptRuns = 9;
/** A timings file is small; anything bigger is not ours (an untrusted file is bounded). */
const largestFile = 1_000_000;
const longest = 24 * 3_600_000;

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : Math.round(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
}

/** A short mark of what the slide says (title, words, notes): changed words, new mark. */
export function slideMark(slide: Pick<Slide, 'title' | 'notes' | 'blocks'>): string {
	return createHash('sha256').update(JSON.stringify([slide.title, slide.notes, slide.blocks])).digest('hex').slice(0, 10);
}

/** Where a deck's timings live: beside a Markdown deck, else in the user's state folder. */
export function timingsPath(deckFile: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
	if (deckFile !== undefined) {
		const {dir, name, ext} = path.parse(deckFile);
		return path.join(dir, `${/^\.(md|markdown)$/i.test(ext) ? name : name + ext}.timings.json`);
	}

	const state = env['XDG_STATE_HOME'];
	const base = state && path.isAbsolute(state) ? state : path.join(env['HOME'] || homedir(), '.local', 'state');
	return path.join(base, 'briefing', 'built-in.timings.json');
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** The file's text: one line per slide, times in seconds. */
export function timingsText(store: TimingsStore): string {
	const slides = [...store.slides].map(([id, record]) => {
		const fields = {
			last: seconds(record.runs.at(-1) ?? 0),
			median: seconds(median(record.runs)),
			runs: record.runs.map(run => seconds(run)),
			...(record.steps ? {steps: record.steps.map(step => seconds(step))} : {}),
			...(record.mark ? {mark: record.mark} : {}),
		};
		return `\t\t${JSON.stringify(id)}: ${JSON.stringify(fields).replaceAll(/,"/g, ', "').replaceAll('":', '": ')}`;
	});
	const head = [
		`\t"briefing": ${JSON.stringify(marker)}`,
		`\t"version": ${version}`,
		`\t"deck": ${JSON.stringify(store.deck)}`,
		`\t"rehearsals": ${store.rehearsals}`,
		...(store.updated ? [`\t"updated": ${JSON.stringify(store.updated)}`] : []),
	];
	return `{\n${head.join(',\n')},\n\t"slides": {\n${slides.join(',\n')}\n\t}\n}\n`;
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value * 1000 <= longest;

function readRecord(value: unknown): SlideRecord | undefined {
	if (typeof value !== 'object' || value === null) {
		return undefined;
	}

	const {runs, steps, mark} = value as Record<string, unknown>;
	if (!Array.isArray(runs) || runs.length === 0 || runs.length > 100 || !runs.every(run => isTime(run))) {
		return undefined;
	}

	if (steps !== undefined && (!Array.isArray(steps) || steps.length > 1000 || !steps.every(step => isTime(step)))) {
		return undefined;
	}

	if (mark !== undefined && typeof mark !== 'string') {
		return undefined;
	}

	return {
		runs: runs.slice(-keptRuns).map(run => Math.round(run * 1000)),
		...(steps ? {steps: steps.map(step => Math.round(step * 1000))} : {}),
		...(mark === undefined ? {} : {mark}),
	};
}

/** The store a file holds, or why it is not a timings file (corrupt or foreign). */
export function parseTimings(text: string): TimingsStore | {readonly problem: string} {
	if (text.length > largestFile) {
		return {problem: 'too big for a timings file'};
	}

	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return {problem: 'not a timings file (not JSON)'};
	}

	const fields = (typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {}) as Record<string, unknown>;
	if (fields['briefing'] !== marker || fields['version'] !== version) {
		return {problem: 'not a briefing timings file'};
	}

	const {deck, rehearsals, updated, slides} = fields;
	if (typeof deck !== 'string' || typeof rehearsals !== 'number' || !Number.isSafeInteger(rehearsals) || rehearsals < 0 || typeof slides !== 'object' || slides === null || Array.isArray(slides)) {
		return {problem: 'a timings file with missing or broken fields'};
	}

	const records = new Map<string, SlideRecord>();
	for (const [id, value] of Object.entries(slides)) {
		const record = readRecord(value);
		if (!record) {
			return {problem: `a timings file with a broken entry for slide "${visibleControls(id.slice(0, 60))}"`};
		}

		records.set(id, record);
	}

	return {deck, rehearsals, ...(typeof updated === 'string' ? {updated} : {}), slides: records};
}

/**
Reads the timings of `deck` from `file`: nothing if there is no file; a problem (one line) if it is
not ours, or names another deck (another title and none of its slide ids). Unchanged slides only.
*/
export function loadTimings(file: string, deck: Deck): {store?: TimingsStore; problem?: string} {
	let text: string;
	try {
		const info = statSync(file);
		if (!info.isFile() || info.size > largestFile) {
			return {problem: `${escaped(file)}: ${info.isFile() ? 'too big for a timings file' : 'not a file'}; ignored`};
		}

		text = readFileSync(file, 'utf8');
	} catch (error: unknown) {
		return (error as NodeJS.ErrnoException).code === 'ENOENT' ? {} : {problem: `${escaped(file)}: cannot read it: ${reason(error)}; ignored`};
	}

	const parsed = parseTimings(text);
	if ('problem' in parsed) {
		return {problem: `${escaped(file)}: ${parsed.problem}; ignored`};
	}

	const byId = new Map(deck.slides.map(slide => [slide.id, slide]));
	if (parsed.deck !== deck.title && ![...parsed.slides.keys()].some(id => byId.has(id))) {
		return {problem: `${escaped(file)}: timings of another deck ("${visibleControls(parsed.deck.slice(0, 60))}"); ignored`};
	}

	const slides = new Map([...parsed.slides].filter(([id, record]) => {
		const slide = byId.get(id);
		return slide !== undefined && (record.mark === undefined || record.mark === slideMark(slide));
	}));
	return {store: {...parsed, slides}};
}

/** The rehearsed time (the median of the runs) of each slide. */
export function rehearsedTimes(store: TimingsStore | undefined): Map<string, number> {
	return new Map([...(store?.slides ?? [])].map(([id, record]) => [id, median(record.runs)]));
}

/**
Writes the file whole or not at all, synchronously (a few kilobytes): a temporary file beside it,
flushed, then renamed over it. Synchronous so that a signal's handler can write the last one, and
no older write can land after a newer one. Returns why not, in a line, or undefined.
*/
export function saveTimings(file: string, store: TimingsStore): string | undefined {
	const temporary = temporaryName(file);
	try {
		mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
		const fd = openSync(temporary, 'wx', 0o644);
		try {
			writeSync(fd, timingsText(store));
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}

		renameSync(temporary, file);
		return undefined;
	} catch (error: unknown) {
		try {
			unlinkSync(temporary);
		} catch {
			// Never made, or gone.
		}

		return `cannot write ${escaped(file)}: ${reason(error)}`;
	}
}
