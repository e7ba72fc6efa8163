import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest';
import {App} from '../source/show/app.js';
import {PresenterView} from '../source/show/presenter-view.js';
import {parseMarkdownDeck} from '../source/markdown/parse-deck.js';
import {loadTimings, rehearsedTimes} from '../source/outputs/timings-file.js';
import {createRehearsal} from '../source/show/rehearsal.js';
import {themes} from '../source/text/theme.js';
import {cleanupShown, keys, press, renderShow, waitForFrame} from './helpers/ink.js';

const deck = parseMarkdownDeck(readFileSync(new URL('fixtures/timed-deck.md', import.meta.url), 'utf8')).deck;
const size = {columns: 100, rows: 24};
let folder: string;
let file: string;

beforeEach(() => {
	folder = mkdtempSync(path.join(os.tmpdir(), 'briefing-timings-view-'));
	file = path.join(folder, 'deck.timings.json');
});

afterEach(() => {
	cleanupShown();
	vi.useRealTimers();
	rmSync(folder, {recursive: true, force: true});
});

/** A clock the test sets, and the view's once-a-second tick. */
function testClock(start: Date) {
	vi.useFakeTimers({toFake: ['setInterval', 'clearInterval']});
	let time = start.getTime();
	return {
		now: () => time,
		async tick(app: Parameters<typeof press>[0], ms: number) {
			time += ms;
			vi.advanceTimersByTime(1000);
			await press(app, '');
		},
	};
}

describe('rehearsing in the show', () => {
	test('the keys move the rehearsal; t writes the timings, the slide still up counted', async () => {
		let time = 0;
		const rehearsal = createRehearsal({deck, file, now: () => time, delayMs: 60_000});
		const app = renderShow(<PresenterView deck={deck} theme={themes.plain} size={size} rehearsal={rehearsal} />, size);
		await waitForFrame(app, frame => frame.includes('Say hello.'));
		time = 5000;
		// r starts the talk's timer, and the rehearsal with it.
		await press(app, 'r');
		time = 45_000;
		await press(app, keys.right);
		time = 60_000;
		await press(app, keys.right);
		time = 70_000;
		const frame = await press(app, 't');
		// The header says so.
		expect(frame.split('\n')[0]).toContain('timings saved');
		const {store} = loadTimings(file, deck);
		expect(store?.slides.get('welcome')?.runs).toEqual([40_000]);
		expect(store?.slides.get('plan')?.runs).toEqual([25_000]);
		expect(store?.slides.get('plan')?.steps).toEqual([0, 15_000, 10_000]);
	});
});

test('t without --rehearse says what it is for, and writes nothing', async () => {
	const app = renderShow(<PresenterView deck={deck} theme={themes.plain} size={size} />, size);
	await waitForFrame(app, frame => frame.includes('Say hello.'));
	const frame = await press(app, 't');
	expect(frame).toContain('t saves timings in a rehearsal (--rehearse)');
	expect(loadTimings(file, deck)).toEqual({});
});

test('a presenter view that rehearses says so in its header', async () => {
	const rehearsal = createRehearsal({deck, file, delayMs: 60_000});
	const app = renderShow(<PresenterView deck={deck} theme={themes.plain} size={size} rehearsal={rehearsal} />, size);
	const frame = await waitForFrame(app, f => f.includes('Say hello.'));
	expect(frame.split('\n')[0]).toContain('rehearsal: timings kept');
});

test('the audience view rehearses too; t is no key there (its help has no row to spare)', async () => {
	let time = 0;
	const rehearsal = createRehearsal({deck, file, now: () => time, delayMs: 1});
	const app = renderShow(<App deck={deck} theme={themes.plain} size={size} rehearsal={rehearsal} />, size);
	await waitForFrame(app, frame => frame.includes('Welcome'));
	time = 5000;
	await press(app, 'r');
	time = 35_000;
	await press(app, keys.right);
	await press(app, 't');
	const {poll} = await import('./helpers/poll.js');
	await poll(() => loadTimings(file, deck).store?.slides.get('welcome')?.runs[0] === 30_000, 'the welcome slide\'s time in the file');
	expect(loadTimings(file, deck).store?.slides.has('plan')).toBe(false);
});

describe('the presenter view paces the talk', () => {
	/** The talk in keys and seconds: a key, then how long the presenter stays. */
	const talk: ReadonlyArray<readonly [string, number]> = [[keys.right, 20], [keys.right, 40], [keys.right, 90], [keys.right, 110], [keys.right, 30]];

	/** Rehearses `talk` (after `first`, on the welcome slide) in the presenter view, then presents it again with those timings; every frame's pace. */
	async function rehearseThenPresent(first: ReadonlyArray<readonly [string, number]>) {
		const clock = testClock(new Date(2026, 11, 6, 14, 0, 0));
		const rehearsal = createRehearsal({deck, file, now: clock.now, delayMs: 60_000});
		const rehearsing = renderShow(<PresenterView deck={deck} theme={themes.plain} size={size} rehearsal={rehearsal} now={clock.now} />, size);
		await waitForFrame(rehearsing, f => f.includes('Say hello.'));
		// A minute on the title slide while the room settles: before the timer, in the rehearsal as in the talk.
		await clock.tick(rehearsing, 60_000);
		for (const [key, seconds] of [...first, ...talk]) {
			await press(rehearsing, key);
			await clock.tick(rehearsing, seconds * 1000);
		}

		rehearsal.finish();
		cleanupShown();
		const rehearsed = rehearsedTimes(loadTimings(file, deck).store);
		const app = renderShow(<PresenterView deck={deck} theme={themes.plain} size={size} rehearsed={rehearsed} now={clock.now} />, size);
		await waitForFrame(app, f => f.includes('Say hello.'));
		await clock.tick(app, 60_000);
		const paces: string[] = [];
		const paceOf = (frame: string) => /ahead \d+:\d\d|behind \d+:\d\d|on time/.exec(frame)?.[0] ?? 'none';
		for (const [key, seconds] of [...first, ...talk]) {
			paces.push(paceOf(await press(app, key)));
			await clock.tick(app, seconds * 1000);
			paces.push(paceOf(app.lastFrame() ?? ''));
		}

		return {rehearsed, paces};
	}

	test('the talk timed as rehearsed, started by the first move: on time on every slide', async () => {
		const {rehearsed, paces} = await rehearseThenPresent([]);
		expect(paces).toEqual(Array.from({length: 10}, () => 'on time'));
		// The welcome slide was left at the timer's start: none of the talk's time is on it.
		expect(rehearsed.get('welcome')).toBe(0);
		expect(rehearsed.get('plan')).toBe(60_000);
	});

	test('the talk timed as rehearsed, started with r on the welcome slide: on time on every slide', async () => {
		const {rehearsed, paces} = await rehearseThenPresent([['r', 45]]);
		expect(paces).toEqual(Array.from({length: 12}, () => 'on time'));
		expect(rehearsed.get('welcome')).toBe(45_000);
	});

	test('a second run, against the first rehearsal: ahead, on time, then behind, and past a budget a quiet mark', async () => {
		// The first rehearsal: 0:40, 1:00, 1:30, 1:50, 0:30.
		let rehearsalTime = 0;
		const rehearsal = createRehearsal({deck, file, now: () => rehearsalTime, delayMs: 60_000});
		for (const [at, id, step] of [[0, 'welcome', 0], [40, 'plan', 1], [100, 'numbers', 0], [190, 'people', 0], [300, 'questions', 0]] as const) {
			rehearsalTime = at * 1000;
			// The timer started with r on the welcome slide.
			rehearsal.startTimer(0);
			rehearsal.move(id, step);
		}

		rehearsalTime = 330_000;
		rehearsal.finish();
		const rehearsed = rehearsedTimes(loadTimings(file, deck).store);

		const clock = testClock(new Date(2026, 11, 6, 14, 0, 0));
		const app = renderShow(<PresenterView deck={deck} theme={themes.plain} size={size} rehearsed={rehearsed} now={clock.now} />, size);
		let frame = await waitForFrame(app, f => f.includes('Say hello.'));
		expect(frame).toContain('timer starts at the first move');
		await press(app, 'r');
		await press(app, keys.right);
		// Straight past the welcome: on the plan slide at 0:00, due from 0:40: ahead.
		frame = await waitForFrame(app, f => f.includes('5:00 left of 5:00'));
		expect(frame).toContain('ahead 0:40');
		await clock.tick(app, 50_000);
		frame = await waitForFrame(app, f => f.includes('4:10 left of 5:00'));
		expect(frame).toContain('on time');
		expect(frame).toContain('slide 0:50/0:45 +0:05');
		await press(app, keys.right);
		frame = await press(app, keys.right);
		// The numbers at 0:50, due from 1:40: ahead 0:50.
		expect(frame).toContain('ahead 0:50');
		expect(frame).toContain('slide 0:00/1:00');
		await clock.tick(app, 150_000);
		// At 3:20 still on the numbers, due to end at 3:10: behind.
		frame = await waitForFrame(app, f => f.includes('1:40 left of 5:00'));
		expect(frame).toContain('behind 0:10');
		expect(frame).toContain('slide 2:30/1:00 +1:30');
	});

	test('the title slide up while the room settles: its time counts from the timer\'s start (r), as the pace does', async () => {
		const clock = testClock(new Date(2026, 11, 6, 14, 0, 0));
		const app = renderShow(<PresenterView deck={deck} theme={themes.plain} size={size} now={clock.now} />, size);
		await waitForFrame(app, f => f.includes('Say hello.'));
		await clock.tick(app, 120_000);
		await press(app, 'r');
		let frame = await waitForFrame(app, f => f.includes('5:00 left of 5:00'));
		expect(frame).toContain('on time  ·  slide 0:00/0:45');
		await clock.tick(app, 50_000);
		frame = await waitForFrame(app, f => f.includes('4:10 left of 5:00'));
		expect(frame).toContain('behind 0:05  ·  slide 0:50/0:45 +0:05');
	});

	test('--end-at 14:30 with the clock at 14:25: 5:00 left, before the first move too', async () => {
		const clock = testClock(new Date(2026, 11, 6, 14, 25, 0));
		const app = renderShow(<PresenterView deck={deck} theme={themes.plain} size={size} endAt={{hours: 14, minutes: 30, text: '14:30'}} now={clock.now} />, size);
		const frame = await waitForFrame(app, f => f.includes('Say hello.'));
		expect(frame).toContain('5:00 left to 14:30');
		await clock.tick(app, 61_000);
		await waitForFrame(app, f => f.includes('3:59 left to 14:30'));
		await clock.tick(app, 5 * 60_000);
		await waitForFrame(app, f => f.includes('OVERTIME +1:01 past 14:30'));
	});

	test('an --end-at hours away leaves the deck\'s budgets as they are', async () => {
		const clock = testClock(new Date(2026, 11, 6, 14, 25, 0));
		const app = renderShow(<PresenterView deck={deck} theme={themes.plain} size={size} endAt={{hours: 16, minutes: 30, text: '16:30'}} now={clock.now} />, size);
		await waitForFrame(app, f => f.includes('Say hello.'));
		const frame = await press(app, keys.right);
		expect(frame).toContain('2:05:00 left to 16:30');
		expect(frame).toContain('slide 0:00/0:45');
		expect(frame).toContain('ahead 0:45');
	});

	test('nothing of it reaches the audience screen, unless --timer asks for it', async () => {
		const clock = testClock(new Date(2026, 11, 6, 14, 25, 0));
		const endAt = {hours: 14, minutes: 30, text: '14:30'};
		const plain = renderShow(<App deck={deck} theme={themes.plain} size={size} countdown={{endAt}} now={clock.now} />, size);
		await waitForFrame(plain, f => f.includes('Welcome'));
		let frame = await press(plain, keys.right);
		expect(frame).not.toMatch(/left|ahead|behind|on time|\d:\d\d/);
		cleanupShown();
		const timed = renderShow(<App deck={deck} theme={themes.plain} size={size} showTimer countdown={{endAt}} now={clock.now} />, size);
		frame = await waitForFrame(timed, f => f.includes('5:00 left'));
		expect(frame).not.toMatch(/ahead|behind|on time/);
	});
});
