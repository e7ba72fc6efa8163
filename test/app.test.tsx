import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {App} from '../source/show/app.js';
import {themes} from '../source/text/theme.js';
import {fixtureDeck} from './helpers/fixture-deck.js';
import {cleanupShown, keys, press, pressUntil, renderShow, settle, waitForFrame} from './helpers/ink.js';

const size = {columns: 80, rows: 24};
const show = (props: Partial<React.ComponentProps<typeof App>> = {}) =>
	renderShow(<App deck={fixtureDeck} theme={themes.plain} size={size} {...props} />, props.size ?? size);

afterEach(() => {
	cleanupShown();
});

describe('the live show', () => {
	test('opens on the first slide with the counter and section', async () => {
		const app = show();
		const frame = await waitForFrame(app, f => f.includes('Slide one'));
		expect(frame).toContain('1/3');
		expect(frame).toContain('Alpha section');
		expect(frame).toContain('Fixture deck');
		// Every row is the frame's, the last one too: the footer is on it.
		expect(frame.split('\n')).toHaveLength(size.rows);
		expect(frame.split('\n').at(-1)).toMatch(/^ 1\/3 /);
	});

	test('→ moves on, bullets reveal one at a time, ← goes back', async () => {
		const app = show();
		await waitForFrame(app, f => f.includes('Slide one'));
		let frame = await press(app, keys.right);
		expect(frame).toContain('Slide two');
		expect(frame).toContain('2/3 · 1/3');
		expect(frame).toContain('Point A');
		expect(frame).not.toContain('Point B');
		frame = await press(app, ' ');
		expect(frame).toContain('Point B');
		frame = await press(app, keys.pageDown);
		expect(frame).toContain('Point C');
		frame = await press(app, 'n');
		expect(frame).toContain('Slide three');
		expect(frame).toContain('Beta section');
		frame = await press(app, keys.left);
		expect(frame).toContain('Point C');
		expect(frame).toContain('2/3');
	});

	test('--no-reveal shows the slide whole', async () => {
		const app = show({isRevealing: false, start: 1});
		const frame = await waitForFrame(app, f => f.includes('Slide two'));
		expect(frame).toContain('Point C');
	});

	test('digits then Enter jump, End and Home go to the ends', async () => {
		const app = show();
		await waitForFrame(app, f => f.includes('Slide one'));
		await press(app, '3');
		expect(app.lastFrame()).toContain('go to 3');
		let frame = await press(app, keys.enter);
		expect(frame).toContain('Slide three');
		frame = await press(app, keys.home);
		expect(frame).toContain('Slide one');
		frame = await press(app, 'G');
		expect(frame).toContain('Slide three');
		await press(app, 'g');
		frame = await press(app, 'g');
		expect(frame).toContain('Slide one');
	});

	test('? shows the help and Esc closes it', async () => {
		const app = show();
		await waitForFrame(app, f => f.includes('Slide one'));
		let frame = await press(app, '?');
		expect(frame).toContain('Keys');
		expect(frame).toContain('Black screen');
		frame = await press(app, keys.escape);
		await waitForFrame(app, f => f.includes('Slide one'));
		expect(app.lastFrame()).not.toContain('Black screen');
	});

	test('m opens the sections menu, arrows move in it, Enter jumps', async () => {
		const app = show();
		await waitForFrame(app, f => f.includes('Slide one'));
		let frame = await pressUntil(app, 'm', f => f.includes('2. Beta section'));
		expect(frame).toContain('Sections');
		// One row per section, its slides at the right; ▶ and the highlight on the slide's section.
		expect(frame).toMatch(/› ▶ 1\. Alpha section +slides 1-2/);
		expect(frame).toMatch(/ {4}2\. Beta section +slide 3/);
		frame = await press(app, keys.down);
		expect(frame).toMatch(/› {3}2\. Beta section/);
		frame = await press(app, keys.enter);
		await waitForFrame(app, f => f.includes('Slide three') && !f.includes('Sections'));
		// Enter goes to a section's first slide.
		await pressUntil(app, 'm', f => f.includes('2. Beta section'));
		await press(app, keys.up);
		await press(app, keys.enter);
		await waitForFrame(app, f => f.includes('Slide one') && !f.includes('Sections'));
	});

	test('the menu closes on Esc without moving', async () => {
		const app = show();
		await waitForFrame(app, f => f.includes('Slide one'));
		await press(app, keys.tab);
		await waitForFrame(app, f => f.includes('2. Beta section'));
		await press(app, keys.down);
		await press(app, keys.escape);
		let frame = await waitForFrame(app, f => !f.includes('Sections'));
		expect(frame).toContain('Slide one');
		// m and Tab close it too.
		await pressUntil(app, 'm', f => f.includes('2. Beta section'));
		frame = await press(app, 'm');
		expect(frame).not.toContain('Sections');
		expect(frame).toContain('Slide one');
	});

	test('o shows every slide with the current one marked; arrows and Enter jump; o closes', async () => {
		const app = show({start: 1});
		await waitForFrame(app, f => f.includes('Slide two'));
		let frame = await pressUntil(app, 'o', f => f.includes('Overview'));
		expect(frame).toContain('Overview');
		// A card per slide: its number in the top border (▶ on the slide on screen), its title.
		for (const title of ['Slide one', 'Slide two', 'Slide three']) {
			expect(frame).toContain(title);
		}

		expect(frame).toMatch(/╭─ 1 ─/);
		expect(frame).toMatch(/╭─ ▶ 2 ─/);
		await press(app, keys.down);
		await press(app, keys.enter);
		frame = await waitForFrame(app, f => f.includes('Slide three') && !f.includes('Overview'));
		expect(frame).toContain('3/3');
		await press(app, 'o');
		await waitForFrame(app, f => f.includes('Overview'));
		await press(app, 'o');
		frame = await waitForFrame(app, f => !f.includes('Overview'));
		expect(frame).toContain('Slide three');
	});

	test('b blanks the screen and any key brings the same slide back', async () => {
		const app = show({start: 2});
		await waitForFrame(app, f => f.includes('Slide three'));
		let frame = await press(app, 'b');
		expect(frame).not.toContain('Slide three');
		frame = await press(app, 'x');
		expect(frame).toContain('Slide three');
	});

	test('s shows the speaker notes', async () => {
		const app = show();
		await waitForFrame(app, f => f.includes('Slide one'));
		const frame = await press(app, 's');
		expect(frame).toContain('Notes for one.');
	});

	test('a terminal too small shows a notice with both sizes', async () => {
		const app = show({size: {columns: 40, rows: 10}});
		const frame = await waitForFrame(app, f => f.includes('too small'));
		expect(frame).toContain('40x10');
		expect(frame).toContain('36x16');
	});

	test('q asks to quit', async () => {
		const app = show();
		await waitForFrame(app, f => f.includes('Slide one'));
		app.stdin.write('q');
		await settle();
		// The app has exited: a key after q moves nothing.
		app.stdin.write(keys.right);
		await settle();
		expect(app.frames.some(frame => frame.includes('Slide one'))).toBe(true);
		expect(app.frames.some(frame => frame.includes('Slide two'))).toBe(false);
	});
});
