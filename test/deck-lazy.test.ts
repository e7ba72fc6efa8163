import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {type Deck, isSlideRead, mapBlocks, mostSteps, stepCounts} from '../source/deck/deck.js';
import {deckLook} from '../source/layout/slide-body.js';
import {overviewLines} from '../source/layout/lists.js';
import {initNavigation} from '../source/model/navigation.js';
import {MarkdownDeckError} from '../source/markdown/inline.js';
import {parseMarkdownDeck, plainTitle, readDeckLazily} from '../source/markdown/parse-deck.js';
import {readAhead} from '../source/markdown/read-ahead.js';
import {poll} from './helpers/poll.js';
import {sizedDeck} from './bench/decks.mjs';

/**
A show reads a Markdown deck lazily: the line scan's titles and sections now, each slide's body the first
time it is asked for. What it reads must be what the whole deck's reading gives, and nothing at start.
*/
const head = '---\ntitle: T\noutlet: O\ndate: D\nauthor: A\n---\n\n';

/** Everything a slide holds, drawn blocks without their functions. */
function facts(deck: Deck): unknown {
	return JSON.parse(JSON.stringify({...deck, slides: deck.slides.map(slide => ({...slide}))})) as unknown;
}

const decks: Record<string, string> = {
	generated: sizedDeck(40),
	'every primitive': readFileSync(new URL('fixtures/every-primitive.md', import.meta.url), 'utf8'),
	'check problems': readFileSync(new URL('fixtures/check-problems.md', import.meta.url), 'utf8'),
	'tall slide': readFileSync(new URL('fixtures/tall-slide.md', import.meta.url), 'utf8'),
	'titles the scan does not read': `${head}# S\n\n## A *starred* title\n\n- one\n\n## Same\n\n## Same\n\n## Same {#own-id}\n\n## Café & co\n\n- two\n`,
	'titles with spaces after them, closing hashes and Windows line ends': `${head}# S  \n\n## One  \n\n- a\n\n## Two ##\n\n## Three\t\r\n\r\n- b\r\n\n#  Part two\n\n##  Four\n\n## 5. (five)\n`,
	'a setext heading and an indented one': `${head}# S\n\n## First\n\nWords\n---\n\n- a\n\n  ## Indented\n\n- b\n`,
	'thematic breaks and comments between slides': `${head}# S\n\n## One\n\n- a\n- b\n\n---\n\n<!-- a comment -->\n\n## Two\n\n> "Words," she said.\n\n# Second part\n\n## Three\n\n1. x\n2. y\n`,
	'breaks between slides': `${head}# S\n\n## One\n\n- a\n\n---\n\n## Two\n\n- b\n\n***\n\n## Three\n`,
	'budgets, an abstract and a duration': `${head.replace('---\n\n', 'abstract: What the talk is about.\nduration: 20m\n---\n\n')}# S\n\n<!-- budget: 5m -->\n\n## One\n\n<!-- budget: 1m30s -->\n\n- a\n\n## Two\n\n- b\n`,
	'a section line with words under it': `${head}# S\n\nnot a slide\n\n## One\n`,
};

describe('a deck read lazily', () => {
	for (const [name, text] of Object.entries(decks)) {
		test(`reads as the whole deck does: ${name}`, () => {
			let whole: Deck | undefined;
			let error: unknown;
			try {
				whole = parseMarkdownDeck(text).deck;
			} catch (caught: unknown) {
				error = caught;
			}

			if (whole) {
				const lazy = readDeckLazily(text);
				expect(facts(lazy.deck)).toEqual(facts(whole));
				expect(lazy.deck.slides.map((_, index) => lazy.problemOf(index))).toEqual(lazy.deck.slides.map(() => undefined));
			} else {
				// Found at start, or when the slide that holds it is read: the same error at the same place.
				expect(error).toBeInstanceOf(MarkdownDeckError);
				const found = (() => {
					try {
						const lazy = readDeckLazily(text);
						return lazy.deck.slides.map((slide, index) => (slide.blocks && lazy.problemOf(index))).find(Boolean);
					} catch (caught: unknown) {
						return caught;
					}
				})();
				expect(found).toBeInstanceOf(MarkdownDeckError);
				expect([(found as MarkdownDeckError).message, (found as MarkdownDeckError).at]).toEqual([(error as MarkdownDeckError).message, (error as MarkdownDeckError).at]);
			}
		});
	}

	test('reads no slide at start; navigation and the footer read only the slide moved onto', () => {
		const {deck} = readDeckLazily(sizedDeck(300));
		expect(deck.slides.filter(slide => isSlideRead(slide))).toEqual([]);
		const steps = stepCounts(deck);
		expect(steps.length).toBe(300);
		expect(mostSteps(deck)).toBe(3);
		expect(deck.slides.filter(slide => isSlideRead(slide))).toEqual([]);
		// The look reads the first slide (the title slide: does its big title fit?), and only it.
		expect(deckLook(deck, {columns: 120, rows: 40}).titleRows).toBe(2);
		expect(deck.slides.filter(slide => isSlideRead(slide)).map(slide => slide.index)).toEqual([0]);
		expect(steps[7]).toBe(3);
		expect(deck.slides.filter(slide => isSlideRead(slide)).map(slide => slide.index)).toEqual([0, 7]);
		expect(deck.slides[7]!.blocks).toEqual(parseMarkdownDeck(sizedDeck(300)).deck.slides[7]!.blocks);
	});

	test('the overview reads only the slides whose cards are on screen, at any size', () => {
		const {deck} = readDeckLazily(sizedDeck(300));
		const state = initNavigation({units: stepCounts(deck), start: 150});
		const lines = overviewLines(deck, state, {columns: 120, rows: 40});
		const read = deck.slides.filter(slide => isSlideRead(slide)).map(slide => slide.index);
		const text = lines.map(line => line.map(segment => segment.text).join('')).join('\n');
		expect(read).toContain(150);
		expect(read.length).toBeLessThan(30);
		// Every card on screen is a slide that was read, and no other slide was.
		const shown = [...text.matchAll(/─ (?:▶ )?(\d+) ─/g)].map(match => Number(match[1]) - 1);
		expect(shown.sort((a, b) => a - b)).toEqual(read);
	});

	test('the title rows are the tallest title\'s, measured only for titles that may wrap', () => {
		const long = 'A title long enough to take two lines of the reading column when it is laid out at this size';
		const short = 'Ｗｉｄｅ ｌｅｔｔｅｒｓ ｔａｋｅ ｔｗｏ ｃｏｌｕｍｎｓ';
		const wide = `${short} ｅａｃｈ ａｎｄ ｗｒａｐ ｓｏｏｎｅｒ`;
		// The layout wraps by terminal cells, a wide letter two: 25 wide letters (54 columns) are one line of
		// a 76-column column, 43 of them (96 columns) two lines.
		for (const [title, rows] of [['Short', 2], [long, 3], [short, 2], [wide, 3]] as const) {
			const {deck} = parseMarkdownDeck(`${head}# S\n\n## Opening\n\n## ${title}\n\n## Another\n`);
			expect(deckLook(deck, {columns: 120, rows: 40}).titleRows, title).toBe(rows);
		}
	});

	test('the look of a big deck read lazily lays out no title, nor reads one, when the scan\'s titles all fit', () => {
		const text = sizedDeck(300);
		const whole = deckLook(parseMarkdownDeck(text).deck, {columns: 120, rows: 40}).titleRows;
		for (const deck of [readDeckLazily(text).deck, mapBlocks(readDeckLazily(text).deck, blocks => blocks)]) {
			let reads = 0;
			for (const slide of deck.slides.slice(1)) {
				const {title} = slide;
				Object.defineProperty(slide, 'title', {
					get() {
						reads++;
						return title;
					},
				});
			}

			expect(deckLook(deck, {columns: 120, rows: 40}).titleRows).toBe(whole);
			expect(reads).toBe(0);
		}

		// A title that may not fit (long, or not plain ASCII) is measured as the whole read measures it.
		for (const title of ['A title long enough to take two lines of the reading column when it is laid out at this size', 'Ｗｉｄｅ ｌｅｔｔｅｒｓ ｔａｋｅ ｔｗｏ ｃｏｌｕｍｎｓ ｅａｃｈ ａｎｄ ｗｒａｐ ｓｏｏｎｅｒ', 'Short']) {
			const changed = text.replace(/## Slide 150:[^\n]*/, `## ${title}`);
			expect(deckLook(readDeckLazily(changed).deck, {columns: 120, rows: 40}).titleRows, title).toBe(deckLook(parseMarkdownDeck(changed).deck, {columns: 120, rows: 40}).titleRows);
		}
	});

	test('a changed deck (the show\'s deferred drawings) is changed as each slide is read', () => {
		const {deck} = readDeckLazily(sizedDeck(20));
		const changed = mapBlocks(deck, blocks => blocks.slice(0, 1));
		expect(changed.slides.filter(slide => isSlideRead(slide))).toEqual([]);
		expect(changed.slides[3]!.blocks).toHaveLength(1);
		expect(changed.slides[3]!.units).toBe(3);
		expect(deck.slides[3]!.blocks).toHaveLength(1);
		expect(isSlideRead(deck.slides[4]!)).toBe(false);
	});

	test('a slide that fails when read says so, and the error has its line and column', () => {
		const text = sizedDeck(50).replace('## Slide 42:', '<p>html</p>\n\n## Slide 42:').replace(/(## Slide 42:[^\n]*\n)/, '$1\n<!-- nope: x -->\n');
		expect(() => parseMarkdownDeck(text)).toThrow(MarkdownDeckError);
		const whole = (() => {
			try {
				parseMarkdownDeck(text.replace('<p>html</p>\n\n', ''));
			} catch (error: unknown) {
				return error as MarkdownDeckError;
			}
		})();
		const lazy = readDeckLazily(text.replace('<p>html</p>\n\n', ''));
		expect(lazy.problemOf(41)).toBeUndefined();
		expect(lazy.deck.slides[41]!.blocks[0]).toMatchObject({kind: 'text', text: expect.stringContaining('could not be read') as string});
		expect(lazy.problemOf(41)?.message).toBe(whole?.message);
		expect(lazy.problemOf(41)?.at).toEqual(whole?.at);
	});

	test('reading ahead in idle slices reads the whole deck as --list would and tells its first mistake, FILE:LINE:COL', async () => {
		const text = sizedDeck(200).replace(/(## Slide 150:[^\n]*\n)/, '$1\n<!-- nope: x -->\n');
		const line = text.split('\n').findIndex(row => row === '<!-- nope: x -->') + 1;
		const problems: string[] = [];
		readAhead('deck.md', text, problem => problems.push(problem), {sliceMs: 1, afterMs: 0});
		await poll(() => problems.length > 0, 'a problem');
		expect(problems).toEqual([expect.stringMatching(new RegExp(`^deck\\.md:${line}:1: The directive "nope" is not one we know \\(known: paragraphs, speaker_note`)) as string]);
		const fine: string[] = [];
		const stop = readAhead('deck.md', sizedDeck(50), problem => fine.push(problem), {sliceMs: 1, afterMs: 0});
		stop();
		readAhead('deck.md', sizedDeck(50), problem => fine.push(problem), {sliceMs: 1, afterMs: 0});
		// A deck without mistakes: nothing is told (the reading ends; the test waits for a broken deck's word to be sure it ran).
		readAhead('deck.md', sizedDeck(30).replace('## Slide 30:', '## Slide 30:\n\n<p>x</p>\n\n## Slide 31:'), problem => fine.push(problem), {sliceMs: 1, afterMs: 0});
		await poll(() => fine.length > 0, 'the broken deck\'s problem');
		expect(fine).toEqual([expect.stringMatching(/^deck\.md:\d+:1: HTML is not shown on slides/) as string]);
	});

	test('the scan reads a plain title as written and leaves any other to the parser', () => {
		expect(plainTitle('## Slide 12: the review, in 2021 (as of April 2021) ##')).toBe('Slide 12: the review, in 2021 (as of April 2021)');
		for (const line of ['## A *b*', '## a_b', '## x &amp; y', '## t {#id}', '## a  b', '## `code`', '## [link](x)', '##', '## \\#']) {
			expect(plainTitle(line)).toBeUndefined();
		}
	});
});
