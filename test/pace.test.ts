import {describe, expect, test} from 'vitest';
import {paceAt, paceText, slideWindow} from '../source/layout/pace.js';
import {makePlan, paceOf, paceReadout} from '../source/layout/plan.js';
import {parseDuration} from '../source/model/clock.js';

describe('--duration', () => {
	test.each([
		['15m', 900_000],
		['90s', 90_000],
		['1h', 3_600_000],
		['1h30m', 5_400_000],
		['1h30m15s', 5_415_000],
		['2m30s', 150_000],
		['15', 900_000],
		[' 15M ', 900_000],
		['24h', 86_400_000],
	])('%s is %d ms', (text, ms) => {
		expect(parseDuration(text)).toBe(ms);
	});

	test.each(['', 'm', '0', '0m', '15 m', '15min', '-5m', '1.5h', '30m1h', 'abc', '25h', '1e3', '15mm'])('"%s" is refused', text => {
		expect(parseDuration(text)).toBeUndefined();
	});
});

describe('the plan of a talk without budgets or timings (--duration only)', () => {
	const slides = Array.from({length: 12}, (_, index) => ({id: `s${index + 1}`, sectionId: 'all'}));
	const plan = makePlan({slides, length: 900_000});
	const pace = paceOf(plan)!;

	test('15 minutes over 12 slides: 1:15 a slide', () => {
		expect(plan.slides.every(slide => slide.budget === 75_000 && slide.budgetKind === 'share')).toBe(true);
		expect(pace.starts).toHaveLength(12);
		expect(pace.starts[0]).toBe(0);
		expect(pace.starts[1]).toBe(75_000);
		expect(pace.starts[11]).toBe(825_000);
		expect(pace.duration).toBe(900_000);
		expect(slideWindow(pace, 11)).toEqual({start: 825_000, end: 900_000});
		expect(slideWindow(pace, 3)).toEqual({start: 225_000, end: 300_000});
	});

	test('a share that does not divide: whole milliseconds, the last slide ends at the length', () => {
		const thirds = paceOf(makePlan({slides: slides.slice(0, 3), length: 100_000}))!;
		expect(thirds.starts).toEqual([0, 33_333, 66_666]);
		expect(slideWindow(thirds, 2).end).toBe(99_999);
	});

	test('out-of-range slides use the nearest window; an empty deck has no pace', () => {
		const three = paceOf(makePlan({slides: slides.slice(0, 3), length: 60_000}))!;
		expect(slideWindow(three, -1)).toEqual({start: 0, end: 20_000});
		expect(slideWindow(three, 99)).toEqual({start: 40_000, end: 60_000});
		expect(paceOf(makePlan({slides: [], length: 60_000}))).toBeUndefined();
	});

	test('ahead before the slide is due, behind after its time is up, on time in between', () => {
		// Slide 4 (index 3) is due from 3:45 to 5:00.
		expect(paceAt(pace, 3, 185_000)).toEqual({kind: 'ahead', by: 40_000});
		expect(paceText(paceAt(pace, 3, 185_000))).toBe('ahead 0:40');
		expect(paceAt(pace, 3, 225_000)).toEqual({kind: 'on-time'});
		expect(paceAt(pace, 3, 300_000)).toEqual({kind: 'on-time'});
		expect(paceText(paceAt(pace, 3, 370_000))).toBe('behind 1:10');
		expect(paceText(paceAt(pace, 0, 0))).toBe('on time');
		// Past the whole talk on the last slide.
		expect(paceText(paceAt(pace, 11, 900_000 + 3_725_000))).toBe('behind 1:02:05');
	});

	test('less than a second either way is on time: never "ahead 0:00" or "behind 0:00"', () => {
		// Slide 4 (index 3) is due from 3:45 to 5:00.
		expect(paceAt(pace, 3, 224_001)).toEqual({kind: 'on-time'});
		expect(paceText(paceAt(pace, 3, 224_000))).toBe('ahead 0:01');
		expect(paceAt(pace, 3, 300_999)).toEqual({kind: 'on-time'});
		expect(paceText(paceAt(pace, 3, 301_000))).toBe('behind 0:01');
	});

	test('the line\'s pace agrees with its time left, and a slide\'s mark starts at +0:01', () => {
		const line = (index: number, elapsed: number, onSlide: number) =>
			paceReadout(plan, index, {elapsed, isRunning: true, onSlide})
				.map(part => part.text)
				.join('');
		// 0.6 s after the first move, on slide 2 (due at 1:15): the time left still reads 15:00, so 1:15 ahead.
		expect(line(1, 600, 600)).toBe('15:00 left of 15:00  ·  ahead 1:15  ·  slide 0:00/1:15');
		// 0.5 s past the slide's budget and its planned end.
		expect(line(1, 150_500, 75_500)).toBe('12:30 left of 15:00  ·  on time  ·  slide 1:15/1:15');
		expect(line(1, 151_000, 76_000)).toBe('12:29 left of 15:00  ·  behind 0:01  ·  slide 1:16/1:15 +0:01');
	});

	test('the presenter view\'s line says it', () => {
		const line = (index: number, elapsed: number) =>
			paceReadout(plan, index, {elapsed, isRunning: true, onSlide: 5000})
				.map(part => part.text)
				.join('');
		expect(line(3, 185_000)).toBe('11:55 left of 15:00  ·  ahead 0:40  ·  slide 0:05/1:15');
		expect(line(3, 370_000)).toBe('8:50 left of 15:00  ·  behind 1:10  ·  slide 0:05/1:15');
	});
});
