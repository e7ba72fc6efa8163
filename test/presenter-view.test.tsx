import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import React from 'react';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {lineText} from '../source/layout/layout.js';
import {initNavigation} from '../source/show/navigation.js';
import {deckKey, openPresenterLink, type PresenterLink} from '../source/link/presenter-link.js';
import {presenterLines} from '../source/layout/presenter-screen.js';
import {PresenterView} from '../source/show/presenter-view.js';
import {themes} from '../source/layout/theme.js';
import {fixtureDeck} from './helpers/fixture-deck.js';
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
	test('shows the notes, the slide small, the next title, n/N, elapsed time and the clock', async () => {
		const app = view();
		const frame = await waitForFrame(app, f => f.includes('Notes for one.'));
		expect(frame).toContain('Presenter view · slide 1/3');
		expect(frame).toContain('On the audience screen');
		expect(frame).toContain('Slide one');
		expect(frame).toContain('First body');
		expect(frame).toContain('Next (2/3): Slide two');
		expect(frame).toMatch(/0:0\d elapsed/);
		expect(frame).toMatch(/clock \d\d:\d\d/);
		// Without --duration there is no pace.
		expect(frame).not.toMatch(/ahead|behind|on time/);
		// Every row, the last one too: the key hint is on it.
		expect(frame.split('\n')).toHaveLength(size.rows);
		expect(frame.split('\n').at(-1)).toContain('q quit');
	});

	test('keys move it like the audience view: the step, the notes and the next title follow', async () => {
		const app = view();
		await waitForFrame(app, f => f.includes('Notes for one.'));
		let frame = await press(app, keys.right);
		expect(frame).toContain('slide 2/3 · step 1/3');
		expect(frame).toContain('Notes for two.');
		expect(frame).toContain('Point A');
		expect(frame).not.toContain('Point B');
		expect(frame).toContain('Next (3/3): Slide three');
		frame = await press(app, ' ');
		expect(frame).toContain('step 2/3');
		expect(frame).toContain('Point B');
		frame = await press(app, 'G');
		expect(frame).toContain('slide 3/3');
		expect(frame).toContain('Notes for three.');
		expect(frame).toContain('Next: end of deck');
		frame = await press(app, keys.left);
		expect(frame).toContain('slide 2/3 · step 3/3');
	});

	test('? shows every key in the presenter view too; the overview jumps', async () => {
		const app = view();
		await waitForFrame(app, f => f.includes('Notes for one.'));
		let frame = await press(app, '?');
		expect(frame).toContain('Restart the timer');
		expect(frame).toContain('Quit');
		expect(frame).toContain('Esc or ? close');
		frame = await press(app, keys.escape);
		expect(frame).toContain('Notes for one.');
		frame = await pressUntil(app, 'o', f => f.includes('Overview'));
		expect(frame).toContain('Overview');
		await press(app, keys.down);
		await press(app, keys.down);
		frame = await press(app, keys.enter);
		expect(frame).toContain('slide 3/3');
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

	test('pace against --duration, with fake timers: on time, behind, ahead; r restarts the clock', async () => {
		vi.useFakeTimers({toFake: ['Date', 'setInterval', 'clearInterval']});
		vi.setSystemTime(new Date(2026, 0, 1, 14, 5, 0));
		// Three slides in three minutes: a minute each.
		const app = view({duration: 180_000});
		let frame = await waitForFrame(app, f => f.includes('Notes for one.'));
		expect(frame).toContain('0:00 elapsed of 3:00');
		expect(frame).toContain('on time');
		expect(frame).toContain('clock 14:05');
		vi.advanceTimersByTime(130_000);
		frame = await waitForFrame(app, f => f.includes('2:10 elapsed'));
		expect(frame).toContain('behind 1:10');
		expect(frame).toContain('clock 14:07');
		frame = await press(app, 'r');
		frame = await waitForFrame(app, f => f.includes('0:00 elapsed'));
		expect(frame).toContain('on time');
		vi.advanceTimersByTime(20_000);
		await waitForFrame(app, f => f.includes('0:20 elapsed'));
		frame = await press(app, keys.right);
		// Slide 2 is due at 1:00.
		expect(frame).toContain('ahead 0:40');
	});

	test('at 200x50 the notes and the slide sit side by side', () => {
		const state = initNavigation({units: fixtureDeck.slides.map(slide => slide.units), start: 1});
		const lines = presenterLines(fixtureDeck, state, {columns: 200, rows: 50}, {elapsed: 65_000, wall: '09:30'}).map(lineText);
		expect(lines).toHaveLength(50);
		expect(lines.every(line => line.length <= 200)).toBe(true);
		const row = lines.find(line => line.includes('Notes'));
		expect(row).toContain('On the audience screen');
		const notes = lines.findIndex(line => line.includes('Notes for two.'));
		expect(lines[notes]).toContain('Slide two');
		expect(lines.join('\n')).toContain('1:05 elapsed');
		expect(lines.join('\n')).toContain('clock 09:30');
	});

	test('too small: the notice, not a broken screen', async () => {
		const app = view({size: {columns: 40, rows: 10}});
		const frame = await waitForFrame(app, f => f.includes('Terminal too small'));
		expect(frame).toContain('slide 1/3');
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
