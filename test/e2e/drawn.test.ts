import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import {deck} from '../../slides/index.js';
import {blockTexts} from '../../source/deck/blocks.js';
import {loadInk} from '../../source/deck/drawn.js';
import {runBin} from '../helpers/bin.js';
import {counter} from '../helpers/deck-facts.js';
import {type Session, spawnBin} from '../helpers/pty.js';

/** A slide that holds an Ink component (a framed reminder): Ink draws it in the live show and in --print. */
const sessions: Session[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});

const slide = deck.slides.find(candidate => candidate.blocks.some(block => block.kind === 'drawn'))!;
const drawn = slide.blocks.find(block => block.kind === 'drawn')!;
let words = '';

beforeAll(async () => {
	await loadInk();
	words = blockTexts(drawn)[0]!;
});

describe.sequential('a slide with an Ink component', {timeout: 30_000}, () => {
	test('the deck has one, and its words are read from it', () => {
		expect(slide).toBeDefined();
		expect(words.length).toBeGreaterThan(10);
	});

	test('in the live show: its words inside the frame Ink drew around them, at the terminal’s width', async () => {
		for (const size of [{columns: 100, rows: 30}, {columns: 70, rows: 24}]) {
			const session = spawnBin(['--slide', String(slide.index + 1), '--no-reveal'], {size});
			sessions.push(session);
			await session.waitForText(counter(slide.index + 1));
			await session.waitForText(words.slice(0, 30));
			const lines = session.lines();
			const row = lines.findIndex(line => line.includes(words.slice(0, 30)));
			expect(lines[row]).toMatch(/│ .* │$/);
			expect(lines[row - 1]).toMatch(/╭─+╮$/);
			expect(lines[row - 1]!.trim().length).toBeLessThanOrEqual(size.columns - 4);
			session.write('q');
			expect(await session.status()).toBe(0);
		}
	});

	test('arriving at it by keys: drawn after the render that needs it, then on screen', async () => {
		const session = spawnBin(['--slide', String(slide.index), '--no-reveal'], {size: {columns: 90, rows: 30}});
		sessions.push(session);
		await session.waitForText(counter(slide.index));
		session.write('\u001B[C');
		await session.waitFor(() => session.screen().includes(words.slice(0, 30)), 'the drawn component');
		expect(session.screen()).toMatch(counter(slide.index + 1));
	});

	test('in --print: its words, framed as on the screen', async () => {
		const {code, stdout} = await runBin(['--print']);
		expect(code).toBe(0);
		expect(stdout).toContain(words);
		const lines = stdout.split('\n');
		const row = lines.findIndex(line => line.includes(words));
		expect(lines[row - 1]).toMatch(/╭─+╮/);
	});
});
