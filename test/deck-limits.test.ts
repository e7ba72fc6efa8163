import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {MarkdownDeckError} from '../source/markdown/inline.js';
import {deckNodes, parseMarkdownDeck, parseMarkdownTree} from '../source/markdown/parse-deck.js';
import {deckLimits, nestingOf, splitDeck} from '../source/markdown/split.js';
import {hostileDecks, oneSlide, sizedDeck} from './bench/decks.mjs';

/**
Every deck is bounded: the hostile shapes of issue 22, at the sizes, each end in one
`LINE:COLUMN: problem` from the line scan (split.ts) before the parser sees them; a deck cut into
slides reads as the whole file would, with the file's lines.
*/
function problemOf(text: string): {line: number; column: number; problem: string} {
	try {
		parseMarkdownDeck(text);
	} catch (error: unknown) {
		if (error instanceof MarkdownDeckError) {
			return {line: error.at.line, column: error.at.column, problem: error.problem};
		}

		throw error;
	}

	throw new Error('the deck was read without a problem');
}

const hostile = hostileDecks(1);
/** The line in `text` where `slide` starts (the front matter and "# Part" come first). */
const bodyLine = 12;

describe('the shapes of issue 22, each one line with its place', () => {
	test('one bullet of *_ 20,000 times (40 KB): the line is too long', () => {
		expect(problemOf(hostile.emphasisRun)).toEqual({line: bodyLine, column: deckLimits.lineChars + 1, problem: expect.stringContaining('This line has 40,002 characters') as unknown});
	});

	test('the same marks over many short lines: too many * and _ marks on the slide', () => {
		const problem = problemOf(oneSlide(Array.from({length: 400}, () => '*_'.repeat(50)).join('\n')));
		expect(problem.problem).toBe(`A slide holds at most ${deckLimits.delimiters.toLocaleString('en-US')} *, _ and ~ marks.`);
		expect(problem.line).toBe(bodyLine + 10);
	});

	test('10,000 slides: at most 5,000', () => {
		const problem = problemOf(hostile.manySlides);
		expect(problem.problem).toBe('A deck holds at most 5,000 slides (split it into several decks).');
		expect(hostile.manySlides.split('\n')[problem.line - 1]).toBe('## S5001');
	});

	test('900 nested list levels and 1,400 nested quote levels: nested too deep, at the first line past the limit', () => {
		for (const text of [hostile.nestedLists, hostile.nestedQuotes]) {
			const problem = problemOf(text);
			expect(problem.problem).toContain(`nest at most ${deckLimits.depth} levels`);
			expect(nestingOf(text.split('\n')[problem.line - 1]!)).toBe(deckLimits.depth + 1);
		}
	});

	test('one unbroken 200 KB line, and 50,000 > on one line: the line is too long', () => {
		expect(problemOf(hostile.longLine)).toMatchObject({line: bodyLine, problem: expect.stringContaining('200,000 characters') as unknown});
		expect(problemOf(hostile.quoteRun)).toMatchObject({line: bodyLine, problem: expect.stringContaining('50,000 characters') as unknown});
	});

	test('4,000 > on one line (within the line limit): nested too deep, not the stack', () => {
		expect(problemOf(oneSlide('>'.repeat(4000)))).toMatchObject({line: bodyLine, column: 1, problem: expect.stringContaining('nest at most') as unknown});
	});

	test('a YAML alias bomb in the front matter: a front matter problem on line 2', () => {
		expect(problemOf(hostile.aliasBomb)).toMatchObject({line: 2, column: 1, problem: expect.stringContaining('The front matter repeats itself through aliases') as unknown});
	});

	test('reading stops at the time limit, at the line it got to', () => {
		const text = sizedDeck(200);
		const read = (parseMs: number) => {
			try {
				return [...deckNodes(text, 0, parseMs)].length;
			} catch (error: unknown) {
				return error instanceof MarkdownDeckError ? error : undefined;
			}
		};

		// Whatever the machine: no time at all stops it, at the first line of a piece; a minute never does.
		const stopped = read(0);
		expect(stopped).toBeInstanceOf(MarkdownDeckError);
		expect((stopped as MarkdownDeckError).problem).toBe('Reading the deck took over 0 s and stopped at this line (split the deck).');
		expect(text.split('\n')[(stopped as MarkdownDeckError).at.line - 1]).toMatch(/^(?:---|#{1,2} )/);
		expect(read(60_000)).toBeGreaterThan(200);
	});

	test('a slide over the size limit says so at its title', () => {
		const text = oneSlide(Array.from({length: 700}, () => 'words '.repeat(8)).join('\n\n'));
		expect(problemOf(text)).toMatchObject({line: 10, problem: expect.stringContaining('This slide has 35,011 characters of Markdown; a slide holds at most 32,768') as unknown});
	});
});

describe('a deck cut into slides', () => {
	const head = '---\ntitle: T\noutlet: O\ndate: D\nauthor: A\n# a YAML comment, not a section\n---\n\n';

	test('a fence, a comment over several lines and the front matter are never cut; the pieces start at # and ## lines', () => {
		const text = `${head}# S\n\n## One\n\n\`\`\`drawn\n# not a section\n## not a slide\n\`\`\`\n\n<!-- speaker_note: the notes\n## not a slide either\n-->\n\n## Two\n\nWords.\n`;
		expect(splitDeck(text).map(piece => piece.text.split('\n')[0])).toEqual(['---', '# S', '## One', '## Two']);
		const {deck} = parseMarkdownDeck(text);
		expect(deck.slides.map(slide => slide.title)).toEqual(['One', 'Two']);
		expect(deck.slides[0]?.notes).toBe('the notes ## not a slide either');
		expect(deck.slides[0]?.blocks[0]).toMatchObject({kind: 'drawn', words: ['# not a section', '## not a slide']});
	});

	test('a mistake far down the file is at the file\'s line and column', () => {
		const text = `${sizedDeck(40)}\n## The last\n\n  > “A quote with nobody to say it”\n`;
		const line = text.split('\n').indexOf('  > “A quote with nobody to say it”') + 1;
		expect(problemOf(text)).toEqual({line, column: 3, problem: expect.stringContaining('A quote needs its speaker') as unknown});
	});

	test('many slides with one title get ids one after another', () => {
		const text = `${head}# S\n\n${Array.from({length: 50}, () => '## Same\n\nWords.\n').join('\n')}`;
		const ids = parseMarkdownDeck(text).deck.slides.map(slide => slide.id);
		expect(ids.slice(0, 3)).toEqual(['same', 'same-2', 'same-3']);
		expect(new Set(ids).size).toBe(50);
	});

	test('a generated deck of 100 slides reads whole, every slide with its three bullets', () => {
		const {deck, places} = parseMarkdownDeck(sizedDeck(100));
		expect(deck.slides).toHaveLength(100);
		expect(deck.slides.every(slide => slide.units === 3)).toBe(true);
		const lines = sizedDeck(100).split('\n');
		expect(places.every((place, index) => lines[place.title - 1]?.startsWith(`## Slide ${index + 1}:`))).toBe(true);
	});
});

describe('cut into slides, read as the whole file', () => {
	const lines = [
		'# Section',
		'## Slide',
		'## Slide {#id}',
		'',
		'- a bullet',
		'  a continued bullet',
		'* another bullet',
		'1. a number',
		'> a quote',
		'> — Somebody, *role*',
		'lazy words',
		'**bold** and *starred* words',
		'```drawn',
		'~~~',
		'```',
		'    indented',
		'<!-- paragraphs: 1 -->',
		'<!-- speaker_note: open',
		'-->',
		'| a | b |',
		'| - | - |',
		'===',
		'---',
		'[x] and www.example.com',
		'<div>',
		'#not a heading',
		' ## indented heading',
	];
	const head = '---\ntitle: T\noutlet: O\ndate: D\nauthor: A\n---\n';

	// Not a link reference definition (`[x]: url`): the one thing that reaches across blocks, and an error in a deck wherever it is.
	test('any mix of lines: the pieces\' nodes, moved to their place, are the whole file\'s, positions and all', {timeout: 60_000}, () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...lines), {maxLength: 40}), chosen => {
				const text = head + chosen.join('\n') + '\n';
				expect([...deckNodes(text, 0)]).toEqual(parseMarkdownTree(text).children);
			}),
			{numRuns: 300, seed: 22},
		);
	});

	test('the fixtures and a generated deck: the same nodes, each piece alone or a few together', () => {
		for (const text of [readFileSync(new URL('fixtures/every-primitive.md', import.meta.url), 'utf8'), readFileSync(new URL('fixtures/check-problems.md', import.meta.url), 'utf8'), sizedDeck(20)]) {
			expect([...deckNodes(text, 0)]).toEqual(parseMarkdownTree(text).children);
			expect([...deckNodes(text)]).toEqual(parseMarkdownTree(text).children);
		}
	});
});

describe('a code block or comment never closed', () => {
	/** sizedDeck(n) with `line` put in before slide `at`'s title, and the file line it lands on. */
	function withLine(n: number, at: number, line: string): {text: string; line: number} {
		const text = sizedDeck(n);
		const index = text.indexOf(`## Slide ${at}:`);
		return {text: `${text.slice(0, index)}${line}\n\n${text.slice(index)}`, line: text.slice(0, index).split('\n').length};
	}

	test('in a big deck, is told at the line that opens it, not as one huge slide', () => {
		const fence = withLine(3000, 1500, '```python');
		expect(problemOf(fence.text)).toEqual({line: fence.line, column: 1, problem: expect.stringMatching(/^This code block is never closed/) as unknown});
		// The last slide's comment has no --> after it: the rest of the file is the comment.
		const last = withLine(3000, 3000, '<!-- speaker_note: remember to');
		const open = `${last.text.replace(/<!-- paragraphs: \d+ -->\n$/, '')}`;
		expect(problemOf(open)).toEqual({line: last.line, column: 1, problem: expect.stringMatching(/^This comment is never closed/) as unknown});
		// Any other: the next slide's comment closes it, and what is between is not read as slides.
		const comment = withLine(3000, 1500, '<!-- speaker_note: remember to');
		expect(problemOf(comment.text)).toEqual({line: comment.line, column: 1, problem: expect.stringMatching(/^This comment is never closed before the next one begins/) as unknown});
	});

	test('in a small deck, a comment never closed says so (not that HTML is not shown)', () => {
		const comment = withLine(6, 3, '<!-- speaker_note: remember to');
		expect(problemOf(comment.text)).toEqual({line: comment.line, column: 1, problem: expect.stringMatching(/^This comment is never closed/) as unknown});
	});
});
