import process from 'node:process';
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {deck as realDeck} from '../slides/index.js';
import {App} from '../source/show/app.js';
import type {Deck} from '../source/deck/deck.js';
import {paragraphsInWords, slideSpeech} from '../source/outputs/screen-reader.js';
import {themes} from '../source/text/theme.js';
import {controlBytes, drawing, squash} from './helpers/bin.js';
import {everyBlockDeck} from './helpers/every-block-deck.js';
import {fixtureDeck} from './helpers/fixture-deck.js';
import {keys, press, pressUntil, waitForFrame} from './helpers/ink.js';
import {spawnBin} from './helpers/pty.js';


describe('a slide as linear text', () => {
	const [headline, points, grid, chart] = everyBlockDeck.slides;

	test('says where it is, then each thing on the slide with its role', () => {
		expect(slideSpeech(everyBlockDeck, headline!)).toEqual([
			'Slide 1 of 4. Words.',
			'Heading: A *starred* title with <script>alert(1)</script>.',
			'Headline: # Not a heading.',
			'Lead: 1. Not a list, and no [link](http://evil.example)',
			'Plain words with a bell and an escape[31m byte.',
			'Source line: By A. Writer · _underscored_.',
			'Source: article paragraphs 2 to 4 and 9.',
		]);
	});

	test('bullets are counted and a quote names its speaker', () => {
		expect(slideSpeech(everyBlockDeck, points!)).toEqual([
			'Slide 2 of 4. Words.',
			'Heading: Points and a quote.',
			'Bullet 1 of 3: First point.',
			'Bullet 2 of 3: Second <b>point</b>.',
			'Bullet 3 of 3: - third point.',
			'Quote, Jane Doe, a spokeswoman: “We said "this" & that”',
			'Source: article paragraph 5.',
		]);
	});

	test('a table is read row by row, each cell with its column', () => {
		expect(slideSpeech(everyBlockDeck, grid!)).toEqual([
			'Slide 3 of 4. Figures.',
			'Heading: A table and a figure.',
			'Table, 3 columns: Law; Covers; Offense. 2 rows.',
			'Row 1, Law Section 1. Covers: Entry | first time; Offense: Misdemeanor.',
			'Row 2, Law Section 2. Covers: Reentry; Offense: Felony.',
			'Table note: Both sections are in Title 8.',
			'Key figure: 62%, fewer book-ins.',
			'Source: article paragraph 7.',
		]);
	});

	test('a chart is a sentence with the article\'s figures, a timeline a list of events', () => {
		expect(slideSpeech(everyBlockDeck, chart!)).toEqual([
			'Slide 4 of 4. Figures.',
			'Heading: A chart and a timeline.',
			'Chart, 2 bars: Officers: nearly 5,000; Agents: 7,000 agents.',
			'Chart note: No size given for the lawyers.',
			'Timeline, 2 events: 2013: Started; 2021: Came back.',
			'Source: article paragraph 8.',
		]);
	});

	test('in reveal mode it says which point, and reads only what is shown', () => {
		const lines = slideSpeech(everyBlockDeck, points!, {step: 2, isRevealing: true});
		expect(lines).toContain('Point 2 of 4.');
		expect(lines).toContain('Bullet 2 of 3: Second <b>point</b>.');
		expect(lines.join('\n')).not.toContain('third point');
		expect(lines.join('\n')).not.toContain('Jane Doe');
		expect(slideSpeech(everyBlockDeck, points!, {step: 4, isRevealing: true})).toContain('Point 4 of 4.');
	});

	test('notes when asked, and paragraph ranges in words', () => {
		expect(slideSpeech(everyBlockDeck, grid!, {showNotes: true}).at(-1)).toBe('Speaker notes: Table notes.');
		expect(slideSpeech(everyBlockDeck, points!, {showNotes: true}).at(-1)).toBe('No speaker notes for this slide.');
		expect(paragraphsInWords([13, 17])).toBe('Source: article paragraphs 13 and 17.');
		expect(paragraphsInWords([6, 7, 9, 10, 12])).toBe('Source: article paragraphs 6 to 7, 9 to 10 and 12.');
		expect(paragraphsInWords([])).toBe('');
	});

	test.each([
		['the briefing', realDeck],
		['every block', everyBlockDeck],
	] as ReadonlyArray<[string, Deck]>)('no line of %s holds drawing or control characters', (_, deck) => {
		for (const slide of deck.slides) {
			for (const line of slideSpeech(deck, slide, {showNotes: true, isRevealing: true, step: 1})) {
				expect(line).not.toMatch(drawing);
				expect(line).not.toMatch(controlBytes);
			}
		}
	});
});

describe('the screen-reader mode of the live show (Ink\'s INK_SCREEN_READER)', () => {
	const size = {columns: 80, rows: 24};
	beforeEach(() => {
		process.env['INK_SCREEN_READER'] = 'true';
	});
	afterEach(() => {
		cleanup();
		delete process.env['INK_SCREEN_READER'];
	});

	/** The frame on screen (in the live show, frames already read stay above it, a blank line between). */
	const current = (frame: string) => frame.split(/\n *\n/).at(-1) ?? '';
	const waitForCurrent = async (app: Parameters<typeof waitForFrame>[0], check: (frame: string) => boolean) =>
		current(await waitForFrame(app, frame => check(current(frame))));
	const pressCurrent = async (app: Parameters<typeof press>[0], data: string) => current(await press(app, data));

	test('every slide of the briefing is announced in turn with its position and roles, never drawn', async () => {
		const app = render(<App deck={realDeck} theme={themes.dark} size={size} />);
		const count = realDeck.slides.length;
		let frame = await waitForCurrent(app, f => f.includes(`Slide 1 of ${count}.`));
		for (const slide of realDeck.slides) {
			// The view wraps long lines at the frame's width: compare with the spaces and line breaks squashed.
			frame = await waitForCurrent(app, f => squash(f).startsWith(`Slide ${slide.index + 1} of ${count}. ${slide.sectionTitle}`));
			expect(squash(frame)).toContain(`Heading: ${squash(slide.title)}`);
			expect(frame).not.toMatch(drawing);
			expect(frame).not.toMatch(/\d+\/\d+/);
			// Every reveal step is a frame of its own that says which point it is.
			for (let step = 1; step <= slide.units; step++) {
				if (slide.units > 1) {
					expect(squash(frame)).toContain(`Point ${step} of ${slide.units}.`);
				}

				frame = await pressCurrent(app, keys.right);
				expect(frame).not.toMatch(drawing);
			}

			if (slide.units === 0) {
				frame = await pressCurrent(app, keys.right);
			}
		}

		expect(frame).toContain(`Slide ${count} of ${count}.`);
		expect(frame).toContain('Last slide.');
	});

	test('keys keep working: back, help, menu, blank, notes, a typed number', async () => {
		const app = render(<App deck={fixtureDeck} theme={themes.plain} size={size} />);
		await waitForCurrent(app, f => f.includes('Slide 1 of 3.'));
		let frame = await pressCurrent(app, keys.right);
		expect(frame).toContain('Slide 2 of 3. Alpha section.');
		expect(frame).toContain('Point 1 of 3.');
		expect(frame).toContain('Bullet 1 of 3: Point A.');
		expect(frame).not.toContain('Point B');
		frame = await pressCurrent(app, keys.left);
		expect(frame).toContain('Slide 1 of 3.');
		frame = await pressCurrent(app, '?');
		expect(frame).toContain('Keys, on slide 1 of 3.');
		expect(frame).toContain('Black screen: b .');
		frame = await pressCurrent(app, keys.escape);
		frame = await waitForCurrent(app, f => f.startsWith('Slide 1 of 3.'));
		frame = await pressCurrent(app, 's');
		expect(frame).toContain('Speaker notes: Notes for one.');
		frame = await pressCurrent(app, 'b');
		expect(frame).toContain('Screen blanked (black). Press any key to return to slide 1 of 3.');
		frame = await pressCurrent(app, 'x');
		expect(frame).toContain('Slide 1 of 3.');
		await pressCurrent(app, '3');
		frame = await waitForCurrent(app, f => f.includes('Go to slide 3: press Enter.'));
		frame = await pressCurrent(app, keys.enter);
		expect(frame).toContain('Slide 3 of 3. Beta section.');
		expect(frame).toContain('Quote, Someone: “A quoted line”');
		frame = current(await pressUntil(app, 'm', f => current(f).includes('2. Beta section')));
		// The menu as lines, words first: the list is the same ink-select-input list, without colour or scrolling.
		expect(frame.split('\n')[0]).toBe('Sections, on slide 3 of 3.');
		expect(frame).toMatch(/^ +1\. Alpha section +slides 1-2$/m);
		expect(frame).toMatch(/^› +▶ 2\. Beta section +slide 3$/m);
		expect(frame).not.toMatch(drawing);
		frame = await pressCurrent(app, keys.up);
		expect(frame).toMatch(/^› +1\. Alpha section/m);
		frame = await pressCurrent(app, keys.enter);
		expect(frame).toContain('Slide 1 of 3.');
		frame = current(await pressUntil(app, 'm', f => current(f).includes('2. Beta section')));
		frame = await pressCurrent(app, keys.escape);
		await waitForCurrent(app, f => f.startsWith('Slide 1 of 3.'));
	});

	test('a terminal too small for the drawn frame still reads the slide', async () => {
		const app = render(<App deck={fixtureDeck} theme={themes.dark} size={{columns: 20, rows: 5}} />);
		const frame = await waitForCurrent(app, f => f.includes('Slide 1 of 3.'));
		expect(frame).not.toContain('too small');
		expect(frame).toContain('Lead: First body.');
	});
});

describe('--screen-reader in a real terminal', () => {
	test('reads the first slide, announces the next after a key, draws nothing, and q exits 0', async () => {
		const session = spawnBin(['--screen-reader']);
		try {
			const count = realDeck.slides.length;
			await session.waitForOutput(output => output.includes(`Slide 1 of ${count}.`));
			const mark = session.output().length;
			session.write('\u001B[C');
			const next = await session.waitForOutput(output => output.includes(`Slide 2 of ${count}.`), mark);
			expect(next).toContain(`Heading: ${realDeck.slides[1]!.title}`);
			// What was read stays: slide 1 above slide 2 in the terminal (scrollback included), a blank line between.
			await session.flush();
			expect(session.all()).toMatch(new RegExp(`Slide 1 of ${count}\\.[^]*\\n\\s*\\nSlide 2 of ${count}\\.`));
			session.write('q');
			expect(await session.status()).toBe(0);
			const output = session.output();
			expect(output).not.toMatch(drawing);
			// The normal screen, so the scrollback keeps what was read; the cursor is never hidden.
			expect(output).not.toContain('\u001B[?1049h');
			expect(output).not.toContain('\u001B[?25l');
		} finally {
			session.dispose();
		}
	}, 30_000);

	test('INK_SCREEN_READER=true does the same without the flag', async () => {
		const session = spawnBin([], {env: {INK_SCREEN_READER: 'true'}});
		try {
			await session.waitForOutput(output => output.includes(`Slide 1 of ${realDeck.slides.length}.`));
			session.write('q');
			expect(await session.status()).toBe(0);
			expect(session.output()).not.toMatch(drawing);
		} finally {
			session.dispose();
		}
	}, 30_000);
});
