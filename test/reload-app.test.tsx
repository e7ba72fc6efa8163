import {Text} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {parseMarkdownDeck} from '../source/markdown/parse-deck.js';
import {App} from '../source/show/app.js';
import {useForAWhile} from '../source/show/hooks/use-for-a-while.js';
import {PresenterView} from '../source/show/presenter-view.js';
import {themes} from '../source/text/theme.js';
import {audienceMark} from '../source/layout/screen.js';
import {presenterLines} from '../source/layout/presenter-screen.js';
import {lineText} from '../source/text/lines.js';
import {initNavigation} from '../source/model/navigation.js';
import {cleanupShown, keys, press, renderShow, waitForFrame} from './helpers/ink.js';

/** The show handed a new deck, as live reload does: the same slide, the same step; a problem in the footer for a while. */
const head = '---\ntitle: Reload deck\noutlet: O\ndate: D\nauthor: A\n---\n\n# Part\n\n';
const before = parseMarkdownDeck(`${head}## First\n\nOne.\n\n## Second\n\n- a\n- b\n- c\n\n## Third\n\nThree.\n`).deck;
const after = parseMarkdownDeck(`${head}## New\n\nNew.\n\n## First\n\nOne.\n\n## Second {#second}\n\n- a\n- b\n- c\n- d\n\n## Third\n\nThree.\n`).deck;
const size = {columns: 80, rows: 24};

afterEach(() => {
	cleanup();
	cleanupShown();
});

function Probe({problem, ms}: {readonly problem?: string; readonly ms: number}) {
	return <Text>[{useForAWhile(problem, ms) ?? 'none'}]</Text>;
}

describe('a reloaded deck', () => {
	test('the audience view stays on its slide and step, and shows a problem in the footer', async () => {
		const app = renderShow(<App deck={before} theme={themes.plain} size={size} />, size);
		await waitForFrame(app, frame => frame.includes('First'));
		await press(app, keys.right);
		const frame = await press(app, ' ');
		expect(frame).toContain('2/3 · 2/3');
		app.rerender(<App deck={after} theme={themes.plain} size={size} />);
		const moved = await waitForFrame(app, each => each.includes('3/4'));
		expect(moved).toContain('3/4 · 2/4');
		expect(moved).toContain('Second');
		app.rerender(<App deck={after} theme={themes.plain} size={size} deckProblem="deck.md:9:1: a quote needs its speaker" />);
		const broken = await waitForFrame(app, each => each.includes('a quote needs its speaker'));
		expect(broken).toContain('Second');
		expect(broken).toContain('3/4 · 2/4');
		// Keys work on the last good deck.
		expect(await press(app, keys.right)).toContain('3/4 · 3/4');
	});

	test('the presenter view shows the problem on a line of its own until it is gone', async () => {
		const app = renderShow(<PresenterView deck={before} theme={themes.plain} size={size} start={2} deckProblem="deck.md:9:1: a quote needs its speaker" />, size);
		const frame = await waitForFrame(app, each => each.includes('slide 3/3'));
		expect(frame).toContain('■ not reloaded: deck.md:9:1: a quote needs its speaker');
		app.rerender(<PresenterView deck={after} theme={themes.plain} size={size} start={2} />);
		const fixed = await waitForFrame(app, each => each.includes('slide 4/4'));
		expect(fixed).not.toContain('not reloaded');
	});

	test('on the audience screen a reload problem is a short mark, never the file\'s path; the presenter view has it whole', () => {
		expect(audienceMark('/home/me/talks/deck.md:9:1: a quote needs its speaker')).toBe('deck.md not reloaded (line 9)');
		expect(audienceMark('/home/me/talks/deck.md: Not a regular file.')).toBe('deck.md: Not a regular file.');
		expect(audienceMark('talks/deck.md:12: front matter needs "outlet:"')).toBe('deck.md not reloaded (line 12)');
		expect(audienceMark('reading deck.md…')).toBe('reading deck.md…');
		const state = initNavigation({units: before.slides.map(slide => slide.units), start: 0});
		const long = '/home/me/talks/a/very/long/path/to/the/deck.md:9:1: a quote needs its speaker, written as a line of its own under the quote';
		const lines = presenterLines(before, state, {columns: 60, rows: 24}, {elapsed: 0, wall: '09:30', problem: long}).map(lineText).join('\n');
		// Whole, over as many lines as it takes.
		expect(lines.replaceAll(/\s+/g, ' ')).toContain(`■ not reloaded: ${long}`);
	});

	test('a deck problem shows for a while: from when it appears or changes, and never after it is gone', async () => {
		const app = render(<Probe ms={150} />);
		expect(app.lastFrame()).toBe('[none]');
		app.rerender(<Probe problem="broken" ms={150} />);
		await waitForFrame(app, frame => frame === '[broken]');
		await waitForFrame(app, frame => frame === '[none]');
		app.rerender(<Probe problem="broken again" ms={150} />);
		await waitForFrame(app, frame => frame === '[broken again]');
		app.rerender(<Probe ms={150} />);
		expect(await waitForFrame(app, frame => frame === '[none]')).toBe('[none]');
	});
});
