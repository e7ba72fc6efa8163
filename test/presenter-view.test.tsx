import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import React from 'react';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {lineText} from '../source/text/lines.js';
import {initNavigation} from '../source/model/navigation.js';
import {deckKey, openPresenterLink, type PresenterLink} from '../source/link/presenter-link.js';
import {nextStep, presenterLines} from '../source/layout/presenter-screen.js';
import {PresenterView, useHeldStatus} from '../source/show/presenter-view.js';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {themes} from '../source/text/theme.js';
import {fixtureDeck} from './helpers/fixture-deck.js';
import {deck as realDeck} from '../slides/index.js';
import {slideLines} from '../source/layout/screen.js';
import {loadInk} from '../source/deck/drawn.js';
import {poll} from './helpers/poll.js';
import {cleanupShown, keys, press, pressUntil, renderShow, waitForFrame} from './helpers/ink.js';

const size = {columns: 80, rows: 24};
const view = (props: Partial<React.ComponentProps<typeof PresenterView>> = {}) =>
	renderShow(<PresenterView deck={fixtureDeck} theme={themes.plain} size={size} {...props} />, props.size ?? size);

afterEach(() => {
	cleanupShown();
	vi.useRealTimers();
});

describe('the presenter view', () => {
	test('shows the notes, the slide small, the next slide, n/N, the clock; the timer waits for the talk', async () => {
		const app = view();
		const frame = await waitForFrame(app, f => f.includes('Notes for one.'));
		expect(frame).toContain('Presenter view · slide 1/3');
		expect(frame).toContain('On the audience screen');
		expect(frame).toContain('Slide one');
		expect(frame).toContain('First body');
		expect(frame).toContain('Next slide (2/3): Slide two — Point A');
		expect(frame).toContain('timer starts at the first move (or r)');
		expect(frame).toMatch(/clock \d\d:\d\d/);
		// Without --duration there is no pace.
		expect(frame).not.toMatch(/ahead|behind|on time/);
		// Every row, the last one too: the key hint is on it.
		expect(frame.split('\n')).toHaveLength(size.rows);
		expect(frame.split('\n').at(-1)).toContain('q quit');
	});

	test('keys move it like the audience view: the step, the notes and the next step follow', async () => {
		const app = view();
		await waitForFrame(app, f => f.includes('Notes for one.'));
		let frame = await press(app, keys.right);
		expect(frame).toContain('slide 2/3 · step 1/3');
		expect(frame).toContain('Notes for two.');
		expect(frame).toContain('Point A');
		// Point B is not on the audience screen yet: only on the next-step line.
		expect(frame.match(/Point B/g)).toHaveLength(1);
		// Two bullets of this slide are still to come: the next step is the next bullet, not the next slide.
		expect(frame).toContain('Next bullet: Point B');
		expect(frame).not.toContain('Next slide');
		frame = await press(app, ' ');
		expect(frame).toContain('step 2/3');
		expect(frame).toContain('Next bullet: Point C');
		frame = await press(app, ' ');
		expect(frame).toContain('Next slide (3/3): Slide three — A quoted line');
		frame = await press(app, 'G');
		expect(frame).toContain('slide 3/3');
		expect(frame).toContain('Notes for three.');
		expect(frame).toContain('Next: end of deck');
		frame = await press(app, keys.left);
		expect(frame).toContain('slide 2/3 · step 3/3');
	});

	test('99 Enter says there is no slide 99, until the next key', async () => {
		const app = view();
		await waitForFrame(app, f => f.includes('Notes for one.'));
		await press(app, '9');
		let frame = await press(app, '9');
		expect(frame).toContain('go to 99 ↵');
		frame = await press(app, keys.enter);
		expect(frame).toContain('no slide 99');
		expect(frame).toContain('slide 1/3');
		frame = await press(app, keys.right);
		expect(frame).not.toContain('no slide 99');
	});

	test('? shows the presenter view\'s own keys; the overview jumps', async () => {
		const app = view();
		await waitForFrame(app, f => f.includes('Notes for one.'));
		let frame = await press(app, '?');
		expect(frame).toContain('Restart both timers');
		expect(frame).toContain('Black out audience');
		expect(frame).toContain('While the audience screen is blanked');
		expect(frame).not.toContain('Notes under the slide');
		expect(frame).toContain('Esc close');
		frame = await press(app, keys.escape);
		expect(frame).toContain('Notes for one.');
		frame = await pressUntil(app, 'o', f => f.includes('Overview'));
		expect(frame).toContain('Overview');
		// Two cards a row here: ↓ goes to the card under this one (slide 3).
		await press(app, keys.down);
		frame = await press(app, keys.enter);
		expect(frame).toContain('slide 3/3');
	});

	test('m opens the same sections menu in the presenter view, under its header; Enter goes to the section', async () => {
		const app = view();
		await waitForFrame(app, f => f.includes('Notes for one.'));
		let frame = await pressUntil(app, 'm', f => f.includes('2. Beta section'));
		const lines = frame.split('\n');
		expect(lines[0]).toContain('Presenter view · slide 1/3');
		const heading = lines.findIndex(line => line.trim() === 'Sections');
		expect(heading).toBeGreaterThan(2);
		expect(lines.findIndex(line => /› ▶ 1\. Alpha section +slides 1-2/.test(line))).toBeGreaterThan(heading);
		expect(frame).not.toContain('Notes for one.');
		frame = await press(app, keys.down);
		expect(frame).toMatch(/› {3}2\. Beta section +slide 3/);
		frame = await press(app, keys.enter);
		expect(frame).toContain('slide 3/3');
		expect(frame).toContain('Notes for three.');
	});

	test('a blanked audience screen is named; the presenter view itself keeps the notes', async () => {
		const app = view();
		await waitForFrame(app, f => f.includes('Notes for one.'));
		let frame = await press(app, 'b');
		expect(frame).toContain('audience screen blanked (black)');
		expect(frame).toContain('Notes for one.');
		expect(frame).toContain('any key brings the audience screen back');
		frame = await press(app, 'x');
		expect(frame).not.toContain('blanked');
		frame = await press(app, ',');
		expect(frame).toContain('audience screen blanked (white)');
	});

	test('a key typed right after a mode change is read in the new mode', async () => {
		const app = view();
		await waitForFrame(app, f => f.includes('Notes for one.'));
		// Before the frame (and Ink's handler) catches up with 'b', 'x' must already count as "any key".
		app.stdin.write('b');
		app.stdin.write('x');
		await press(app, '');
		const frame = await waitForFrame(app, f => f.includes('Notes for one.'));
		expect(frame).not.toContain('blanked');
	});

	test('--duration 1m with a clock driven by the test: time left, the pace, then overtime; r restarts', async () => {
		vi.useFakeTimers({toFake: ['setInterval', 'clearInterval']});
		let time = new Date(2026, 0, 1, 14, 5, 0).getTime();
		const now = () => time;
		const tick = async (ms: number) => {
			time += ms;
			vi.advanceTimersByTime(1000);
			await press(app, '');
		};

		// Three slides in a minute: 20 seconds each.
		const app = view({duration: 60_000, now});
		let frame = await waitForFrame(app, f => f.includes('Notes for one.'));
		expect(frame).toContain('timer starts at the first move');
		expect(frame).toContain('clock 14:05');
		// Time before the first move does not count.
		await tick(30_000);
		frame = await press(app, keys.right);
		expect(frame).toContain('1:00 left of 1:00');
		await tick(15_000);
		frame = await waitForFrame(app, f => f.includes('0:45 left of 1:00'));
		// Slide 2 is due from 0:20 to 0:40.
		expect(frame).toContain('ahead 0:05');
		expect(frame).toContain('Next bullet: Point B');
		await tick(30_000);
		frame = await waitForFrame(app, f => f.includes('0:15 left'));
		expect(frame).toContain('behind 0:05');
		await tick(20_000);
		frame = await waitForFrame(app, f => f.includes('OVERTIME +0:05'));
		expect(frame).not.toContain('left of');
		frame = await press(app, 'r');
		frame = await waitForFrame(app, f => f.includes('1:00 left of 1:00'));
		expect(frame).not.toContain('OVERTIME');
	});

	test('a clear end: 0:00 left through the last second, then OVERTIME in its own colour, not "behind"\'s', () => {
		const state = initNavigation({units: fixtureDeck.slides.map(slide => slide.units), start: 2});
		const plan = {duration: 60_000, starts: [0, 20_000, 40_000]};
		const at = (elapsed: number) => presenterLines(fixtureDeck, state, size, {elapsed, isRunning: true, wall: '09:30', plan});
		const roleOf = (elapsed: number, text: string) =>
			at(elapsed)
				.flat()
				.find(segment => segment.text.includes(text))?.role;
		const clock = (elapsed: number) => lineText(at(elapsed)[2] ?? []);
		expect(roleOf(10_000, '0:50')).toBe('accent');
		// The last slide is behind from 0:60 on; the time is not over until its last second is.
		expect(clock(60_000)).toContain('0:00 left of 1:00');
		expect(clock(60_999)).toContain('0:00 left of 1:00');
		expect(clock(60_999)).not.toContain('OVERTIME');
		expect(clock(61_000)).toContain('OVERTIME +0:01 · 1:01 of 1:00');
		expect(clock(61_000)).not.toContain('+0:00');
		expect(roleOf(65_000, 'OVERTIME +0:05')).toBe('overtime');
		const first = initNavigation({units: fixtureDeck.slides.map(slide => slide.units), start: 0});
		const behind = presenterLines(fixtureDeck, first, size, {elapsed: 59_000, isRunning: true, wall: '09:30', plan}).flat().find(segment => segment.text.includes('behind'));
		expect(behind?.role).toBe('warn');
		for (const theme of [themes.dark, themes.light, themes['high-contrast'], themes.plain]) {
			expect(JSON.stringify(theme.roles.overtime), theme.name).not.toBe(JSON.stringify(theme.roles.warn));
		}
	});

	test('the next slide, a table: its first row, not only its first column\'s head', () => {
		const table = {kind: 'table' as const, columns: ['Option', 'Cost'], rows: [['Buses', 'low'], ['Trains', 'high']]};
		const withTable = {...fixtureDeck, slides: fixtureDeck.slides.map(slide => (slide.index === 1 ? {...slide, blocks: [table], units: 0} : slide))};
		const state = initNavigation({units: withTable.slides.map(slide => slide.units), start: 0});
		expect(nextStep(withTable, state)).toEqual({label: 'Next slide (2/3)', text: 'Slide two — Buses · low'});
		const text = presenterLines(withTable, state, size, {elapsed: 0, wall: '09:30'}).map(lineText).join('\n');
		expect(text).toContain('Next slide (2/3): Slide two — Buses · low');
	});

	test('down to 40 columns, and 39 (an 80-column split): slide, step, time and notes; the preview goes first', () => {
		const units = fixtureDeck.slides.map(slide => slide.units);
		const state = {...initNavigation({units, start: 1}), step: 2};
		const plan = {duration: 60_000, starts: [0, 20_000, 40_000]};
		for (const columns of [40, 39]) {
			const lines = presenterLines(fixtureDeck, state, {columns, rows: 20}, {elapsed: 30_000, isRunning: true, wall: '09:30', plan}).map(lineText);
			expect(lines).toHaveLength(20);
			expect(lines.every(line => line.length <= columns), lines.join('\n')).toBe(true);
			const text = lines.join('\n');
			expect(text).toContain('slide 2/3 · step 2/3');
			expect(text).toContain('0:30 left');
			expect(text).toContain('Notes for two.');
			expect(text).toContain('Next bullet: Point C');
		}

		// A slide whose notes fill the view keeps them whole and drops the preview.
		const long = {...fixtureDeck, slides: fixtureDeck.slides.map(slide => (slide.index === 0 ? {...slide, notes: 'Many words of notes. '.repeat(40)} : slide))};
		const lines = presenterLines(long, initNavigation({units, start: 0}), {columns: 40, rows: 20}, {elapsed: 0, wall: '09:30'}).map(lineText);
		expect(lines.join('\n')).not.toContain('On the audience screen');
		expect(lines.filter(line => line.includes('Many words')).length).toBeGreaterThan(5);
	});

	test('at 200x50 the notes and the slide sit side by side', () => {
		const state = initNavigation({units: fixtureDeck.slides.map(slide => slide.units), start: 1});
		const lines = presenterLines(fixtureDeck, state, {columns: 200, rows: 50}, {elapsed: 65_000, isRunning: true, wall: '09:30'}).map(lineText);
		expect(lines).toHaveLength(50);
		expect(lines.every(line => line.length <= 200)).toBe(true);
		const row = lines.find(line => line.includes('Notes'));
		expect(row).toContain('On the audience screen');
		const notes = lines.findIndex(line => line.includes('Notes for two.'));
		expect(lines[notes]).toContain('Slide two');
		expect(lines.join('\n')).toContain('1:05 elapsed');
		expect(lines.join('\n')).toContain('clock 09:30');
	});

	test('at 80x24 the preview never ends in a stray …: a mark only where words were left out', async () => {
		await loadInk();
		for (const slide of realDeck.slides) {
			for (let step = 0; step <= slide.units; step++) {
				const state = initNavigation({units: realDeck.slides.map(each => each.units), start: slide.index});
				const lines = presenterLines(realDeck, {...state, step}, size, {elapsed: 0, wall: '09:30'}).map(lineText);
				const from = lines.findIndex(line => line.includes('On the audience screen'));
				const preview = lines.slice(from + 1, lines.findLastIndex(line => /^─+$/.test(line)));
				const whole = slideLines(slide, size.columns - 2, step, false, false).map(lineText).filter(line => line.trim() !== '');
				const shown = preview.filter(line => line.trim() !== '');
				const isCut = shown.length < whole.length;
				expect(shown.at(-1)?.endsWith('…') ?? false, `${slide.id} step ${step}`).toBe(isCut);
			}
		}
	});

	test('a refused position\'s status stays readable for a while, though the link goes straight back to "connected"', async () => {
		function Probe({status}: {readonly status?: string}) {
			return <Text>[{useHeldStatus(status, 200) ?? 'none'}]</Text>;
		}

		const app = render(<Probe status="audience view connected" />);
		expect(app.lastFrame()).toBe('[audience view connected]');
		app.rerender(<Probe status="closed a connection: the peer sent a step out of range" />);
		app.rerender(<Probe status="audience view connected" />);
		await waitForFrame(app, frame => frame === '[closed a connection: the peer sent a step out of range]');
		// Held, then the everyday status again.
		expect(await waitForFrame(app, frame => frame === '[audience view connected]')).toBe('[audience view connected]');
		app.unmount();
	});

	test('too small: the notice, not a broken screen', async () => {
		const app = view({size: {columns: 40, rows: 10}});
		const frame = await waitForFrame(app, f => f.includes('Terminal too small'));
		expect(frame).toContain('slide 1/3');
	});

	test('over a real link, r in either view restarts both timers', async () => {
		const runtime = mkdtempSync(path.join(os.tmpdir(), 'brf-timer-'));
		const env = {XDG_RUNTIME_DIR: runtime};
		const key = deckKey(fixtureDeck);
		const links: PresenterLink[] = [];
		let time = 1_000_000;
		try {
			const mine = await openPresenterLink({deckKey: key, role: 'presenter', env, retryMs: 50});
			links.push(mine);
			const app = view({link: mine, now: () => time});
			const audience = await openPresenterLink({deckKey: key, role: 'audience', env, retryMs: 50});
			links.push(audience);
			await waitForFrame(app, f => f.includes('audience view connected'));
			audience.publish({index: 0, step: 0, blank: 'none'});
			// The talk starts with a move; time passes.
			await press(app, keys.right);
			time += 90_000;
			await press(app, keys.right);
			await waitForFrame(app, f => f.includes('1:30 elapsed'));
			// The presenter's r goes to the audience view as a timer count...
			await press(app, 'r');
			await poll(() => audience.current()?.timer === 1, 'the audience link to get the restart');
			// ...and the audience view's r (a higher count) restarts this one.
			time += 40_000;
			await press(app, keys.left);
			await waitForFrame(app, f => f.includes('0:40 elapsed'));
			const {index, step, blank} = audience.current()!;
			audience.publish({index, step, blank, timer: 2});
			await waitForFrame(app, f => f.includes('0:00 elapsed'));
		} finally {
			await Promise.all(links.map(async each => each.close()));
			rmSync(runtime, {recursive: true, force: true});
		}
	});

	test('over a real link: waits for the audience view, then follows it and moves it', async () => {
		const runtime = mkdtempSync(path.join(os.tmpdir(), 'brf-view-'));
		const env = {XDG_RUNTIME_DIR: runtime};
		const key = deckKey(fixtureDeck);
		const links: PresenterLink[] = [];
		try {
			const mine = await openPresenterLink({deckKey: key, role: 'presenter', env, retryMs: 50});
			links.push(mine);
			const app = view({link: mine});
			await waitForFrame(app, f => f.includes('waiting for the audience view'));
			const audience = await openPresenterLink({deckKey: key, role: 'audience', env, retryMs: 50});
			links.push(audience);
			await waitForFrame(app, f => f.includes('audience view connected'));
			// As the app does: its start position first (the running show wins), then a move.
			audience.publish({index: 0, step: 0, blank: 'none'});
			audience.publish({index: 2, step: 1, blank: 'black'});
			const frame = await waitForFrame(app, f => f.includes('slide 3/3'));
			expect(frame).toContain('audience screen blanked (black)');
			// A burst of moves from the audience: the view ends on the last and sends nothing stale back.
			for (const index of [0, 1, 2, 1]) {
				audience.publish({index, step: 1, blank: 'none'});
			}

			await waitForFrame(app, f => f.includes('slide 2/3 · step 1/3') && !f.includes('blanked'));
			expect(audience.current()).toEqual({index: 1, step: 1, blank: 'none'});
			await press(app, keys.home);
			await waitForFrame(app, f => f.includes('slide 1/3'));
			await poll(() => audience.current()?.index === 0 && audience.current()?.blank === 'none', 'the audience link to follow', {
				timeoutMs: 2000,
				intervalMs: 5,
				seen: () => JSON.stringify(audience.current()),
			});
		} finally {
			await Promise.all(links.map(async each => each.close()));
			rmSync(runtime, {recursive: true, force: true});
		}
	});
});
