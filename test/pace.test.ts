import {describe, expect, test} from 'vitest';
import {paceAt, paceText, planTalk, slideWindow} from '../source/layout/pace.js';
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

describe('the plan', () => {
	test('15 minutes over 12 slides: 1:15 a slide', () => {
		const plan = planTalk(900_000, 12);
		expect(plan.starts).toHaveLength(12);
		expect(plan.starts[0]).toBe(0);
		expect(plan.starts[1]).toBe(75_000);
		expect(plan.starts[11]).toBe(825_000);
		expect(slideWindow(plan, 11)).toEqual({start: 825_000, end: 900_000});
		expect(slideWindow(plan, 3)).toEqual({start: 225_000, end: 300_000});
	});

	test('out-of-range slides use the nearest window; an empty deck has one slide of all the time', () => {
		const plan = planTalk(60_000, 3);
		expect(slideWindow(plan, -1)).toEqual({start: 0, end: 20_000});
		expect(slideWindow(plan, 99)).toEqual({start: 40_000, end: 60_000});
		expect(slideWindow(planTalk(60_000, 0), 0)).toEqual({start: 0, end: 60_000});
	});

	test('ahead before the slide is due, behind after its time is up, on time in between', () => {
		const plan = planTalk(900_000, 12);
		// Slide 4 (index 3) is due from 3:45 to 5:00.
		expect(paceAt(plan, 3, 185_000)).toEqual({kind: 'ahead', by: 40_000});
		expect(paceText(paceAt(plan, 3, 185_000))).toBe('ahead 0:40');
		expect(paceAt(plan, 3, 225_000)).toEqual({kind: 'on-time'});
		expect(paceAt(plan, 3, 300_000)).toEqual({kind: 'on-time'});
		expect(paceText(paceAt(plan, 3, 370_000))).toBe('behind 1:10');
		expect(paceText(paceAt(plan, 0, 0))).toBe('on time');
		// Past the whole talk on the last slide.
		expect(paceText(paceAt(plan, 11, 900_000 + 3_725_000))).toBe('behind 1:02:05');
	});
});
