import {beforeAll, describe, expect, test} from 'vitest';
import {deck} from '../../slides/index.js';
import {blockTexts} from '../../source/deck/blocks.js';
import {loadInk} from '../../source/deck/drawn.js';
import {runBin} from '../helpers/bin.js';
import {counter} from '../helpers/deck-facts.js';
import {spawnBin, endAfterEach} from '../helpers/pty.js';

/** A slide that holds an Ink component (a reminder Ink centres): Ink draws it in the live show and in --print. */
const {sessions} = endAfterEach();

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

	test('in the live show: its words where Ink laid them out, centred at the slide’s width, at two terminal sizes', async () => {
		for (const size of [{columns: 100, rows: 30}, {columns: 70, rows: 24}]) {
			const session = spawnBin(['--slide', String(slide.index + 1), '--no-reveal'], {size});
			sessions.push(session);
			await session.waitForText(counter(slide.index + 1));
			await session.waitForText(words.slice(0, 30));
			const line = session.lines().find(candidate => candidate.includes(words.slice(0, 30)))!;
			// Centred by Ink's flexbox in the slide's body, which is centred in the terminal.
			const left = line.length - line.trimStart().length;
			const right = size.columns - line.length;
			expect(Math.abs(left - right)).toBeLessThanOrEqual(3);
			expect(left).toBeGreaterThan(2);
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

	test('in --print: its words, laid out by Ink as on the screen (centred in the print’s width)', async () => {
		const {code, stdout} = await runBin(['--print']);
		expect(code).toBe(0);
		const line = stdout.split('\n').find(candidate => candidate.includes(words))!;
		expect(line).toBeDefined();
		expect(line.length - line.trimStart().length).toBeGreaterThan(4);
	});
});
