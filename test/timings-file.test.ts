import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {parseMarkdownDeck} from '../source/markdown/parse-deck.js';
import {loadTimings, median, parseTimings, rehearsedTimes, saveTimings, timingsPath} from '../source/outputs/timings-file.js';
import {createRehearsal} from '../source/show/rehearsal.js';
import {poll} from './helpers/poll.js';

const fixture = readFileSync(new URL('fixtures/timed-deck.md', import.meta.url), 'utf8');
const deck = parseMarkdownDeck(fixture).deck;
let folder: string;
let file: string;

beforeEach(() => {
	folder = mkdtempSync(path.join(os.tmpdir(), 'briefing-timings-'));
	file = path.join(folder, 'deck.timings.json');
});

afterEach(() => {
	rmSync(folder, {recursive: true, force: true});
});

/** A rehearsal driven by a clock the test sets, its timer started (r) on the first slide: `moves` are [seconds, slide id, step]. */
function rehearse(moves: ReadonlyArray<readonly [number, string, number]>, end: number, base = loadTimings(file, deck).store) {
	let time = Date.UTC(2026, 11, 6, 10, 0, 0);
	const start = time;
	const rehearsal = createRehearsal({deck, file, ...(base ? {base} : {}), now: () => time, delayMs: 60_000});
	for (const [at, id, step] of moves) {
		time = start + at * 1000;
		rehearsal.startTimer(1);
		rehearsal.move(id, step);
	}

	time = start + end * 1000;
	rehearsal.finish();
	return rehearsal;
}

const fiveSlides = [
	[0, 'welcome', 0],
	[40, 'plan', 1],
	[60, 'plan', 2],
	[100, 'numbers', 0],
	[190, 'people', 0],
	[300, 'questions', 0],
] as const;

describe('a rehearsal', () => {
	test('of five slides with set times writes the expected file', () => {
		rehearse(fiveSlides, 330);
		const parsed = parseTimings(readFileSync(file, 'utf8'));
		const marks = new Map(deck.slides.map(slide => [slide.id, 'problem' in parsed ? undefined : parsed.slides.get(slide.id)?.mark]));
		expect(readFileSync(file, 'utf8')).toBe(
			[
				'{',
				'\t"briefing": "rehearsal timings",',
				'\t"version": 1,',
				'\t"deck": "A timed deck",',
				'\t"rehearsals": 1,',
				'\t"updated": "2026-12-06T10:05:30.000Z",',
				'\t"slides": {',
				`\t\t"welcome": {"last": 40, "median": 40, "runs": [40], "steps": [40], "mark": "${marks.get('welcome')}"},`,
				`\t\t"plan": {"last": 60, "median": 60, "runs": [60], "steps": [0,20,40], "mark": "${marks.get('plan')}"},`,
				`\t\t"numbers": {"last": 90, "median": 90, "runs": [90], "steps": [90], "mark": "${marks.get('numbers')}"},`,
				`\t\t"people": {"last": 110, "median": 110, "runs": [110], "steps": [110], "mark": "${marks.get('people')}"},`,
				`\t\t"questions": {"last": 30, "median": 30, "runs": [30], "steps": [30], "mark": "${marks.get('questions')}"}`,
				'\t}',
				'}',
				'',
			].join('\n'),
		);
		expect([...marks.values()].every(mark => /^[\da-f]{10}$/.test(mark ?? ''))).toBe(true);
		// No temporary file is left beside it.
		expect(readdirSync(folder)).toEqual(['deck.timings.json']);
	});

	test('a slide seen twice adds up; several rehearsals keep the last and the median', () => {
		rehearse(fiveSlides, 330);
		// Back to the welcome slide for 10 more seconds.
		rehearse([[0, 'welcome', 0], [50, 'plan', 1], [70, 'welcome', 0], [80, 'plan', 1]], 120);
		rehearse([[0, 'welcome', 0], [70, 'plan', 1]], 100);
		const {store} = loadTimings(file, deck);
		expect(store?.rehearsals).toBe(3);
		expect(store?.slides.get('welcome')?.runs).toEqual([40_000, 60_000, 70_000]);
		expect(store?.slides.get('plan')?.runs).toEqual([60_000, 60_000, 30_000]);
		// The numbers were rehearsed once.
		expect(store?.slides.get('numbers')?.runs).toEqual([90_000]);
		expect(rehearsedTimes(store).get('welcome')).toBe(60_000);
		expect(readFileSync(file, 'utf8')).toContain('"welcome": {"last": 70, "median": 60, "runs": [40,60,70]');
		expect(median([4, 1, 3, 2])).toBe(3);
	});

	test('a slide change writes what was recorded up to it, a moment later; the slide still up is counted at the end', async () => {
		let time = 0;
		const rehearsal = createRehearsal({deck, file, now: () => time, delayMs: 1});
		rehearsal.move('welcome', 0);
		rehearsal.startTimer(1);
		time = 40_000;
		rehearsal.move('plan', 1);
		// Not on the key's way: nothing written yet.
		expect(readdirSync(folder)).toEqual([]);
		await poll(() => readdirSync(folder).includes(path.basename(file)), 'the write a moment later');
		let {store} = loadTimings(file, deck);
		expect([...store!.slides.keys()]).toEqual(['welcome']);
		time = 70_000;
		rehearsal.save();
		({store} = loadTimings(file, deck));
		expect(store?.slides.get('plan')?.runs).toEqual([30_000]);
	});

	test('the time while suspended (Ctrl+Z, until fg) is not counted', () => {
		let time = 0;
		const rehearsal = createRehearsal({deck, file, now: () => time, delayMs: 60_000});
		rehearsal.move('welcome', 0);
		rehearsal.startTimer(1);
		time = 10_000;
		rehearsal.pause();
		time = 300_000;
		rehearsal.resume();
		time = 315_000;
		rehearsal.move('plan', 1);
		expect(rehearsal.store(false).slides.get('welcome')?.runs).toEqual([25_000]);
	});

	test('it counts from the talk timer\'s start (the first move, or r); r again starts the count again', () => {
		let time = 0;
		const rehearsal = createRehearsal({deck, file, now: () => time, delayMs: 60_000});
		rehearsal.move('welcome', 0);
		time = 60_000;
		// Nothing is counted before the timer runs, and there is nothing to write at the end.
		expect(rehearsal.store(true).slides.size).toBe(0);
		rehearsal.finish();
		expect(readdirSync(folder)).toEqual([]);
		// The first move starts the timer (its first run, 0): the welcome slide had none of the talk's time.
		rehearsal.startTimer(0);
		rehearsal.move('plan', 1);
		time = 80_000;
		rehearsal.startTimer(0);
		rehearsal.move('plan', 2);
		time = 90_000;
		expect(rehearsal.store(true).slides.get('welcome')?.runs).toEqual([0]);
		expect(rehearsal.store(true).slides.get('plan')?.steps).toEqual([0, 20_000, 10_000]);
		// R on the numbers: the talk starts again there, and so does the count (the run before it is kept).
		rehearsal.move('numbers', 0);
		time = 95_000;
		rehearsal.startTimer(1);
		time = 125_000;
		rehearsal.move('people', 0);
		expect(rehearsal.store(true).slides.get('numbers')?.runs).toEqual([5000, 30_000]);
	});

	test('r on the last slide keeps the run just ended; the new run starts clean, and a false start is not recorded', async () => {
		let time = 0;
		const rehearsal = createRehearsal({deck, file, now: () => time, delayMs: 1});
		// The whole talk, its timer started with r on the welcome slide (fiveSlides' times).
		rehearsal.move('welcome', 0);
		for (const [at, id, step] of fiveSlides) {
			time = at * 1000;
			rehearsal.startTimer(1);
			rehearsal.move(id, step);
		}

		// R on the last slide, 30 s into it: the run is a rehearsal of its own, written a moment later.
		time = 330_000;
		rehearsal.startTimer(2);
		await poll(() => loadTimings(file, deck).store?.slides.get('questions')?.runs.length === 1, 'the ended run written');
		const ended = loadTimings(file, deck).store;
		expect(ended?.rehearsals).toBe(1);
		expect(Object.fromEntries([...ended!.slides].map(([id, record]) => [id, record.runs]))).toEqual({
			welcome: [40_000],
			plan: [60_000],
			numbers: [90_000],
			people: [110_000],
			questions: [30_000],
		});
		// Then q half a second later: nothing was left behind since r, so no rehearsal of half a second.
		time = 330_500;
		rehearsal.finish();
		expect(loadTimings(file, deck).store).toEqual(ended);
		// R again at once on the same slide is a false start too.
		time = 331_000;
		rehearsal.startTimer(3);
		rehearsal.finish();
		expect(loadTimings(file, deck).store?.rehearsals).toBe(1);
		// A second run from the welcome slide is the second rehearsal: its times only, added to the first's.
		for (const [at, id, step] of [[400, 'welcome', 0], [420, 'plan', 1], [480, 'numbers', 0]] as const) {
			time = at * 1000;
			rehearsal.startTimer(3);
			rehearsal.move(id, step);
		}

		time = 490_000;
		rehearsal.finish();
		const {store} = loadTimings(file, deck);
		expect(store?.rehearsals).toBe(2);
		// 69 s on the questions slide before the move back (331 to 400) is the second run's too.
		expect(store?.slides.get('questions')?.runs).toEqual([30_000, 69_000]);
		expect(store?.slides.get('welcome')?.runs).toEqual([40_000, 20_000]);
		expect(store?.slides.get('numbers')?.runs).toEqual([90_000, 10_000]);
		expect(store?.slides.get('people')?.runs).toEqual([110_000]);
	});

	test('r right after the start records nothing; the save key keeps a run that did not move', () => {
		let time = 0;
		const rehearsal = createRehearsal({deck, file, now: () => time, delayMs: 60_000});
		rehearsal.move('welcome', 0);
		time = 5000;
		rehearsal.startTimer(1);
		time = 6000;
		rehearsal.startTimer(2);
		time = 7000;
		rehearsal.finish();
		expect(readdirSync(folder)).toEqual([]);
		time = 50_000;
		rehearsal.save();
		time = 60_000;
		rehearsal.startTimer(3);
		time = 70_000;
		rehearsal.finish();
		const {store} = loadTimings(file, deck);
		expect(store?.rehearsals).toBe(1);
		expect(store?.slides.get('welcome')?.runs).toEqual([54_000]);
	});

	test('an edit keeps the timings of the slides it did not change', () => {
		rehearse(fiveSlides, 330);
		const edited = parseMarkdownDeck(fixture.replace('Three figures.', 'Four figures.').replace('## The people {#people}', '## The persons {#people}')).deck;
		const {store, problem} = loadTimings(file, edited);
		expect(problem).toBeUndefined();
		expect([...store!.slides.keys()]).toEqual(['welcome', 'plan', 'questions']);
	});
});

describe('the audience view\'s rehearsal reads the earlier ones on first need', () => {
	test('not at its start: once, when prepared (after the first frame) or at its first write, and the runs add up as before', () => {
		rehearse(fiveSlides, 330);
		let reads = 0;
		let time = Date.UTC(2026, 11, 6, 11, 0, 0);
		const rehearsal = createRehearsal({
			deck,
			file,
			now: () => time,
			delayMs: 60_000,
			loadBase() {
				reads++;
				return loadTimings(file, deck);
			},
		});
		expect(reads).toBe(0);
		rehearsal.prepare();
		rehearsal.prepare();
		expect(reads).toBe(1);
		rehearsal.startTimer(1);
		rehearsal.move('welcome', 0);
		time += 20_000;
		rehearsal.move('plan', 1);
		time += 10_000;
		rehearsal.finish();
		expect(reads).toBe(1);
		const {store} = loadTimings(file, deck);
		expect(store?.rehearsals).toBe(2);
		expect(store?.slides.get('welcome')?.runs.at(-1)).toBe(20_000);
	});

	test('a file that is not ours is said with the rehearsal\'s other problems (once the terminal is given back), and the rehearsal starts afresh', () => {
		writeFileSync(file, 'garbage');
		const rehearsal = createRehearsal({deck, file, delayMs: 60_000, loadBase: () => loadTimings(file, deck)});
		expect(rehearsal.problems()).toEqual([]);
		rehearsal.prepare();
		expect(rehearsal.problems()).toEqual([`${file}: not a timings file (not JSON); ignored`]);
		expect(rehearsal.store(false).rehearsals).toBe(0);
	});
});

describe('a timings file that is not ours', () => {
	test.each([
		['corrupt', '{"briefing": "rehearsal timings", "version": 1, "deck": "A timed', 'not a timings file (not JSON)'],
		['foreign', '{"name": "some-package", "version": "1.0.0"}\n', 'not a briefing timings file'],
		['broken', '{"briefing": "rehearsal timings", "version": 1, "deck": "A timed deck", "rehearsals": 1, "slides": {"welcome": {"runs": [-5]}}}', 'a timings file with a broken entry for slide "welcome"'],
		['another deck', '{"briefing": "rehearsal timings", "version": 1, "deck": "Another", "rehearsals": 1, "slides": {"intro": {"runs": [5]}}}', 'timings of another deck ("Another")'],
		// Its words reach the terminal only as pictures of control characters.
		['escapes', '{"briefing": "rehearsal timings", "version": 1, "deck": "\\u001b[2J", "rehearsals": 1, "slides": {}}', 'timings of another deck ("␛[2J")'],
	])('%s: one line, and ignored', (_, text, words) => {
		writeFileSync(file, text);
		const {store, problem} = loadTimings(file, deck);
		expect(store).toBeUndefined();
		expect(problem).toBe(`${file}: ${words}; ignored`);
		expect(problem).not.toContain('\n');
	});

	test('a rehearsal over a corrupt file starts afresh and replaces it', () => {
		writeFileSync(file, 'garbage');
		rehearse(fiveSlides, 330);
		expect(loadTimings(file, deck).store?.rehearsals).toBe(1);
	});

	test('a file that cannot be written is one line, and nothing is left behind', () => {
		writeFileSync(path.join(folder, 'blocker'), '');
		const problem = saveTimings(path.join(folder, 'blocker', 'deck.timings.json'), {deck: 'x', rehearsals: 1, slides: new Map()});
		expect(problem).toMatch(/^cannot write .*blocker\/deck\.timings\.json: /);
		expect(problem).not.toContain('\n');
		expect(readdirSync(folder)).toEqual(['blocker']);
	});
});

test('the file is beside a Markdown deck, else in the state folder', () => {
	expect(timingsPath('talks/deck.md')).toBe(path.join('talks', 'deck.timings.json'));
	expect(timingsPath('talk.txt')).toBe('talk.txt.timings.json');
	expect(timingsPath(undefined, {XDG_STATE_HOME: '/state', HOME: '/home/me'})).toBe('/state/briefing/built-in.timings.json');
	expect(timingsPath(undefined, {XDG_STATE_HOME: 'relative', HOME: '/home/me'})).toBe('/home/me/.local/state/briefing/built-in.timings.json');
	expect(timingsPath(undefined, {HOME: '/home/me'})).toBe('/home/me/.local/state/briefing/built-in.timings.json');
});
