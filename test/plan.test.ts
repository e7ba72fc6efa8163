import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {durationText} from '../source/model/clock.js';
import {makePlan, paceReadout, type PaceClock, parseEndAt, timerText, untilWallClock} from '../source/layout/plan.js';
import {deckToMarkdown} from '../source/outputs/export-deck.js';
import {parseMarkdownDeck} from '../source/markdown/parse-deck.js';
import {deck as builtInDeck} from '../slides/index.js';
import {cutsToFit} from '../source/timings-command.js';
import {loadInk} from '../source/deck/drawn.js';
import {lineText} from '../source/text/lines.js';
import {presenterLines} from '../source/layout/presenter-screen.js';
import {initNavigation} from '../source/model/navigation.js';

// The built-in deck's export draws its Ink component.
await loadInk();

const fixture = readFileSync(new URL('fixtures/timed-deck.md', import.meta.url), 'utf8');
const timed = parseMarkdownDeck(fixture).deck;
const text = (parts: ReadonlyArray<{text: string}>) => parts.map(part => part.text).join('');
const budgetsOf = (deck: typeof timed) => ({
	duration: deck.duration,
	sections: deck.sections.map(section => [section.id, section.budget]),
	slides: deck.slides.map(slide => [slide.id, slide.budget]),
});

describe('budgets in a Markdown deck', () => {
	test('front matter gives the length, a comment gives a slide its budget, or under a # line its section', () => {
		expect(budgetsOf(timed)).toEqual({
			duration: 300_000,
			sections: [['opening', 90_000], ['middle', undefined], ['close', undefined]],
			slides: [['welcome', undefined], ['plan', undefined], ['numbers', 60_000], ['people', undefined], ['questions', 30_000]],
		});
	});

	test('a slide without a budget takes its share: of its section\'s, else of what the length leaves', () => {
		const plan = makePlan({slides: timed.slides, sections: timed.sections, length: 300_000});
		expect(plan.slides.map(slide => [slide.id, slide.budget, slide.budgetKind])).toEqual([
			['welcome', 45_000, 'section'],
			['plan', 45_000, 'section'],
			['numbers', 60_000, 'slide'],
			// 5:00 less 1:30, 1:00 and 0:30 leaves 2:00 for the one slide left.
			['people', 120_000, 'share'],
			['questions', 30_000, 'slide'],
		]);
		expect(plan.total).toBe(300_000);
		expect(plan.slides.map(slide => slide.start)).toEqual([0, 45_000, 90_000, 150_000, 270_000]);
	});

	test('a budget that is no time, or outside a slide or section head, is an error at its line', () => {
		const bad = (body: string) => () => parseMarkdownDeck(fixture.replace('<!-- budget: 1m -->', body));
		expect(bad('<!-- budget: soon -->')).toThrow(/The budget "soon" is not a time/);
		expect(() => parseMarkdownDeck(fixture.replace('duration: 5m', 'duration: a while'))).toThrow(/duration takes a time/);
		expect(() => parseMarkdownDeck(fixture.replace('Why we are here.\n', 'Why we are here.\n\n---\n\n<!-- budget: 1m -->\n'))).toThrow(/A <!-- budget: … --> line belongs inside a slide/);
	});

	test('a deck big enough to be read in pieces keeps every budget, a section\'s under its # line too', () => {
		const parts = ['---\ntitle: T\noutlet: O\ndate: D\nauthor: A\nduration: 2h\n---\n'];
		for (let section = 0; section < 100; section++) {
			parts.push(`# Section ${section}\n\n<!-- budget: ${section + 1}m -->\n`);
			for (let slide = 0; slide < 3; slide++) {
				parts.push(`## Slide ${section}-${slide}\n\n${slide === 1 ? '<!-- budget: 10s -->\n\n' : ''}Words ${'to fill the slide '.repeat(5)}\n\n---\n`);
			}
		}

		const {deck} = parseMarkdownDeck(parts.join('\n'));
		expect(deck.sections.map(section => section.budget)).toEqual(Array.from({length: 100}, (_, section) => (section + 1) * 60_000));
		expect(deck.slides.map(slide => slide.budget)).toEqual(Array.from({length: 300}, (_, slide) => (slide % 3 === 1 ? 10_000 : undefined)));
		expect(deck.duration).toBe(2 * 3_600_000);
	});

	test('the budgets survive the --export deck round trip, the built-in deck\'s too', () => {
		for (const deck of [timed, builtInDeck]) {
			const markdown = deckToMarkdown(deck);
			const again = parseMarkdownDeck(markdown).deck;
			expect(budgetsOf(again)).toEqual(budgetsOf(deck));
			// And once more: the text is stable.
			expect(deckToMarkdown(again)).toBe(markdown);
		}

		expect(deckToMarkdown(timed)).toContain('duration: 5m');
		expect(deckToMarkdown(timed)).toContain('# Opening\n\n<!-- budget: 1m30s -->');
		expect(deckToMarkdown(timed)).toContain('<!-- budget: 30s -->');
	});

	test('the built-in deck fits a 20-minute briefing, every section budgeted', () => {
		expect(builtInDeck.duration).toBe(20 * 60_000);
		expect(builtInDeck.sections.every(section => section.budget !== undefined)).toBe(true);
		expect(builtInDeck.sections.reduce((sum, section) => sum + (section.budget ?? 0), 0)).toBe(20 * 60_000);
		const plan = makePlan({slides: builtInDeck.slides, sections: builtInDeck.sections, length: 20 * 60_000});
		expect(plan.total).toBe(20 * 60_000);
		expect(plan.isComplete).toBe(true);
	});

	test('a length other than the deck\'s (--duration 15m) scales its budgets to fit', () => {
		const plan = makePlan({slides: builtInDeck.slides, sections: builtInDeck.sections, length: 15 * 60_000, deckLength: builtInDeck.duration!});
		expect(plan.total).toBe(15 * 60_000);
		// The opening's 1:20 over two slides: 0:40 each, 0:30 in a 15-minute talk.
		expect(plan.slides[0]?.budget).toBe(30_000);
	});

	test('durationText writes what parseDuration reads', () => {
		expect([90_000, 30_000, 1_200_000, 3_905_000].map(ms => durationText(ms))).toEqual(['1m30s', '30s', '20m', '1h5m5s']);
	});
});

describe('pacing against the plan', () => {
	const rehearsed = new Map([
		['welcome', 30_000],
		['plan', 60_000],
		['numbers', 90_000],
	]);
	const plan = makePlan({slides: timed.slides, sections: timed.sections, length: 300_000, rehearsed});
	const clock = (elapsed: number, onSlide: number): PaceClock => ({elapsed, isRunning: true, onSlide});

	test('the plan paces against the rehearsal where there is one, else the budget', () => {
		expect(plan.slides.map(slide => slide.planned)).toEqual([30_000, 60_000, 90_000, 120_000, 30_000]);
		expect(plan.slides.map(slide => slide.start)).toEqual([0, 30_000, 90_000, 180_000, 300_000]);
	});

	test('ahead, on time and behind in words and colour; past the slide\'s budget a quiet mark', () => {
		// The numbers are due from 1:30 to 3:00 (rehearsed 1:30).
		const ahead = paceReadout(plan, 2, clock(60_000, 5_000));
		expect(text(ahead)).toBe('4:00 left of 5:00  ·  ahead 0:30  ·  slide 0:05/1:00');
		expect(ahead.find(part => part.text.includes('ahead'))).toMatchObject({text: '  ·  ahead 0:30', role: 'accent'});
		expect(text(paceReadout(plan, 2, clock(120_000, 30_000)))).toContain('on time');
		const behind = paceReadout(plan, 2, clock(200_000, 75_000));
		expect(text(behind)).toBe('1:40 left of 5:00  ·  behind 0:20  ·  slide 1:15/1:00 +0:15');
		expect(behind.find(part => part.text.includes('behind'))).toMatchObject({text: '  ·  behind 0:20', role: 'warn'});
		// The mark is quiet: muted, not the warning colour.
		expect(behind.at(-1)).toEqual({text: '  ·  slide 1:15/1:00 +0:15', role: 'muted'});
	});

	test('on a narrow presenter view the line keeps the time left and the pace, each whole and in its colour, before the slide\'s time', () => {
		const readout = paceReadout(plan, 2, clock(200_000, 75_000));
		const state = initNavigation({units: timed.slides.map(slide => slide.units), start: 2});
		const line = (columns: number) => presenterLines(timed, state, {columns, rows: 24}, {elapsed: 200_000, isRunning: true, wall: '14:05', readout})[2]!;
		expect(lineText(line(100))).toMatch(/^ 1:40 left of 5:00 {2}· {2}behind 0:20 {2}· {2}slide 1:15\/1:00 \+0:15 +clock 14:05 $/);
		expect(lineText(line(50))).toMatch(/^ 1:40 left of 5:00 {2}· {2}behind 0:20 +clock 14:05 $/);
		// At 40, the narrowest presenter view, the time left and the pace before the wall clock.
		expect(lineText(line(40))).toBe(' 1:40 left of 5:00  ·  behind 0:20');
		expect([100, 50].map(columns => lineText(line(columns)).length)).toEqual([100, 50]);
		expect(line(40).find(segment => segment.text.includes('behind 0:20'))?.role).toBe('warn');
	});

	test('--end-at 14:30 at 14:25 shows 5:00 left, before the talk starts too; past it, overtime', () => {
		const at = (hours: number, minutes: number, seconds = 0) => new Date(2026, 11, 6, hours, minutes, seconds);
		const endAt = parseEndAt('14:30')!;
		expect(untilWallClock(endAt, at(14, 25))).toBe(300_000);
		const toEnd = untilWallClock(endAt, at(14, 25));
		expect(text(paceReadout(plan, 0, {elapsed: 0, isRunning: false, onSlide: 0, toEnd, endAt: '14:30'}))).toMatch(/^5:00 left to 14:30/);
		expect(text(paceReadout(plan, 0, {elapsed: 0, isRunning: false, onSlide: 0, toEnd: untilWallClock(endAt, at(14, 31, 5)), endAt: '14:30'}))).toMatch(/^OVERTIME \+1:05 past 14:30/);
		// 00:30 asked at 23:50 is tomorrow's.
		expect(untilWallClock(parseEndAt('0:30')!, at(23, 50))).toBe(40 * 60_000);
		expect(timerText(undefined, {elapsed: 0, toEnd})).toBe('5:00 left');
		expect(['25:00', '14:60', '2pm', '1430', ''].map(value => parseEndAt(value))).toEqual([undefined, undefined, undefined, undefined, undefined]);
	});

	test('what to cut: the slides furthest over their budget, until the overrun is covered', () => {
		const long = makePlan({
			slides: timed.slides,
			sections: timed.sections,
			length: 300_000,
			rehearsed: new Map([['welcome', 80_000], ['numbers', 100_000], ['people', 130_000], ['questions', 40_000]]),
		});
		// 80 + 45 + 100 + 130 + 40 = 6:35, 1:35 over; numbers +0:40, welcome +0:35, people +0:10, questions +0:10.
		expect(long.total).toBe(395_000);
		expect(cutsToFit(long).map(cut => [cut.id, cut.over])).toEqual([['numbers', 40_000], ['welcome', 35_000], ['people', 10_000], ['questions', 10_000]]);
		// 5:30 planned: the numbers, 0:30 over their budget, are the cut.
		expect(cutsToFit(plan).map(cut => [cut.id, cut.over])).toEqual([['numbers', 30_000]]);
		expect(cutsToFit(makePlan({slides: timed.slides, sections: timed.sections, length: 300_000}))).toEqual([]);
	});
});
