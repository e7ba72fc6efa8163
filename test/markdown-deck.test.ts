import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {deck as builtIn} from '../slides/index.js';
import {blockTexts, type BlockKind, revealUnits, textWidthOfDrawings} from '../source/deck/blocks.js';
import type {Deck} from '../source/deck/deck.js';
import {loadInk} from '../source/deck/drawn.js';
import {checkDeck} from '../source/check/check.js';
import {deckText} from '../source/outputs/print.js';
import {deckToMarkdown} from '../source/outputs/export-deck.js';
import {parseMarkdownDeck} from '../source/markdown/parse-deck.js';
import {followSlide, initNavigation, navigate} from '../source/model/navigation.js';
import {screenLines} from '../source/layout/screen.js';
import {lineText} from '../source/text/lines.js';
import {everyBlockDeck} from './helpers/every-block-deck.js';
import {deckFailure} from './helpers/deck-failure.js';

const fixture = readFileSync(new URL('fixtures/every-primitive.md', import.meta.url), 'utf8');

const head = '---\ntitle: T\noutlet: O\ndate: D\nauthor: A\n---\n\n';

const failure = deckFailure;

describe('a Markdown deck', () => {
	test('the fixture holds every slide primitive, its metadata, notes and citations', () => {
		const {deck, places} = parseMarkdownDeck(fixture);
		const kinds = new Set(deck.slides.flatMap(slide => slide.blocks.map(block => block.kind)));
		const every: BlockKind[] = ['heading', 'lead', 'text', 'bullets', 'quote', 'fact', 'table', 'bars', 'timeline', 'source', 'drawn'];
		expect([...kinds].sort()).toEqual([...every].sort());
		expect(deck.title).toBe('Every primitive, from Markdown');
		expect(deck.source).toEqual({outlet: 'Test Outlet', date: 'January 1, 2000', author: 'A. Writer', url: 'https://example.com/article', text: '../../../shared/source/article.txt'});
		expect(deck.sections.map(section => [section.id, section.title, section.start, section.count])).toEqual([['words', 'Words', 0, 2], ['figures', 'Figures', 2, 1]]);
		expect(deck.slides.map(slide => [slide.id, slide.title, slide.paragraphs])).toEqual([
			['headline', 'A title with a starred word', [2, 4, 5]],
			['bullets-and-a-quote', 'Bullets and a quote', [5]],
			['figures', 'A table, a figure, a chart and a timeline', [7]],
		]);
		const [first, second, third] = deck.slides;
		expect(first?.notes).toBe('Notes for the first slide, and a second note that is joined to the first.');
		expect(first?.blocks).toEqual([
			{kind: 'heading', text: 'A heading line'},
			{kind: 'lead', text: 'The lead: one sentence that carries the slide.'},
			{kind: 'text', text: 'A plain paragraph, written over two lines.'},
			{kind: 'source', text: 'A source line · Test Outlet'},
		]);
		expect(second?.blocks).toEqual([
			{kind: 'bullets', items: ['First point', 'Second point with `code`']},
			{kind: 'quote', text: 'ICE has a noble mission', speaker: 'Alejandro Mayorkas', role: 'Homeland Security Secretary'},
			{kind: 'quote', text: 'Short and plain', speaker: 'Jane Doe'},
		]);
		expect(second?.units).toBe(4);
		expect(third?.blocks).toEqual([
			{kind: 'table', columns: ['Law', 'Covers'], rows: [['Section 1325', 'Entry'], ['Section 1326', 'Reentry']], caption: 'Both sections are in Title 8'},
			{kind: 'fact', value: '62%', label: 'fewer book-ins'},
			{
				kind: 'bars',
				bars: [{label: 'Officers', value: 5000, display: 'nearly 5,000'}, {label: 'Agents', value: 7000, display: '7000'}],
				caption: 'No size given for the lawyers',
			},
			{kind: 'timeline', events: [{when: '2013', what: 'Started'}, {when: '2021', what: 'Came back'}]},
			{kind: 'drawn', name: 'drawn', words: ['A drawing, kept'], draw: expect.any(Function) as unknown, peek: expect.any(Function) as unknown},
		]);
		// A drawing is shown as drawn, cut where the width ends.
		const drawing = third?.blocks.at(-1);
		const rows = (width: number) => (drawing?.kind === 'drawn' ? drawing.draw(width).map(line => line.map(segment => segment.text).join('')) : []);
		expect(rows(76)).toEqual(['╭─────────────────╮', '│ A drawing, kept │', '╰─────────────────╯']);
		expect(rows(5)).toEqual(['╭────', '│ A d', '╰────']);
		// Lines for `briefing check`: titles, citations, notes and each word's own line.
		const lines = fixture.split('\n');
		expect(lines[(places[0]?.title ?? 0) - 1]).toMatch(/^## A title/);
		expect(lines[(places[0]?.paragraphs ?? 0) - 1]).toMatch(/paragraphs: 2, 4-5/);
		expect(lines[(places[0]?.notes ?? 0) - 1]).toMatch(/speaker_note: Notes for/);
		expect(places[1]?.body.find(piece => piece.text === 'Jane Doe')?.line).toBe(lines.indexOf('> — Jane Doe') + 1);
		expect(places[2]?.body.find(piece => piece.text === 'Section 1326')?.line).toBe(lines.indexOf('| Section 1326 | Reentry |') + 1);
	});

	test('the built-in deck goes to Markdown and back unchanged, slide for slide and word for word', async () => {
		await loadInk();
		// An Ink component comes back as its drawing (at the text outputs' width), not as the component.
		const drawnAsText = (deck: Deck) => ({
			...deck,
			slides: deck.slides.map(slide => ({
				...slide,
				blocks: slide.blocks.map(block => (block.kind === 'drawn' ? {kind: 'drawn', lines: block.draw(textWidthOfDrawings).map(line => line.map(segment => segment.text).join('').trimEnd())} : block)),
			})),
		});
		const back = parseMarkdownDeck(deckToMarkdown(builtIn)).deck;
		expect(drawnAsText(back)).toEqual(drawnAsText(builtIn));
		expect(back.slides.flatMap(slide => slide.blocks.map(block => blockTexts(block)))).toEqual(builtIn.slides.flatMap(slide => slide.blocks.map(block => blockTexts(block))));
	});

	test('a deck written to trip Markdown (markup, HTML, control bytes) comes back with the same words', () => {
		const back = parseMarkdownDeck(deckToMarkdown(everyBlockDeck)).deck;
		expect(deckText(back, {showNotes: true})).toBe(deckText(everyBlockDeck, {showNotes: true}));
		expect(back.slides.map(slide => slide.title)).toEqual(everyBlockDeck.slides.map(slide => slide.title));
		expect(back.slides[0]?.blocks[0]).toEqual({kind: 'heading', text: '# Not a heading'});
	});

	test('control characters in the file are shown as their pictures, never passed on', () => {
		const {deck} = parseMarkdownDeck(`${head}# S\n\n## Bell \u0007 and \u001B[31m escape\n\nWords \u001B]0;title\u0007 here\n`);
		expect(deck.slides[0]?.title).toBe('Bell \u2407 and \u241B[31m escape');
		expect(JSON.stringify(deck)).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
	});
});

describe('the example deck the README links to', () => {
	const example = readFileSync(new URL('../docs/examples/town-hall.md', import.meta.url), 'utf8');

	test('is complete: it uses every primitive and checks out against the article', () => {
		const {deck} = parseMarkdownDeck(example);
		const kinds = new Set(deck.slides.flatMap(slide => slide.blocks.map(block => block.kind)));
		expect(kinds.size).toBe(10);
		expect(deck.slides.every(slide => slide.paragraphs.length > 0)).toBe(true);
		expect(deck.slides.some(slide => slide.notes)).toBe(true);
		const article = readFileSync(new URL('../../shared/source/article.txt', import.meta.url), 'utf8');
		expect(checkDeck(deck, article)).toEqual([]);
		expect(deck.source.text).toBe('../../../shared/source/article.txt');
	});
});

describe('a deck that does not parse says where', () => {
	test.each([
		['a missing title', '---\noutlet: O\ndate: D\n---\n\n# S\n\n## A\n', 'deck.md:1:1: The front matter needs "title:"'],
		['an unknown key', '---\ntitle: T\noutlet: O\ndate: D\nauthor: A\ntitel: x\n---\n', 'deck.md:6:1: The front matter has no key "titel:"; did you mean "title:"?'],
		['bad YAML', '---\ntitle: [T\n---\n', 'deck.md:2:'],
		['a quote without its speaker', `${head}# S\n\n## A\n\nWords.\n\n  > “Just words”\n`, 'deck.md:14:3: A quote needs its speaker'],
		['a slide before any section', `${head}## A\n`, 'deck.md:8:1: A slide belongs to a section'],
		['words outside a slide', `${head}# S\n\nStray words.\n`, 'deck.md:10:1: This is outside any slide'],
		['words after ---', `${head}# S\n\n## A\n\n---\n\nStray.\n`, 'deck.md:14:1: This is outside any slide'],
		['a list four deep', `${head}# S\n\n## A\n\n- one\n  - two\n    - three\n      - four\n`, 'deck.md:15:7: Lists nest 3 deep at most.'],
		['a block in a list item', `${head}# S\n\n## A\n\n- one\n\n  > two\n`, 'deck.md:14:3: A list item holds one line'],
		['a column before its layout', `${head}# S\n\n## A\n\n<!-- column: 0 -->\n`, 'deck.md:12:1: A <!-- column: N --> line comes after a <!-- column_layout'],
		['words in a layout before a column', `${head}# S\n\n## A\n\n<!-- column_layout: [1, 1] -->\n\nWords.\n`, 'deck.md:14:1: After <!-- column_layout: [...] --> say which column'],
		['four columns', `${head}# S\n\n## A\n\n<!-- column_layout: [1, 1, 1, 1] -->\n`, 'deck.md:12:1: A column_layout has 2 or 3 columns, not 4.'],
		['a column past the layout', `${head}# S\n\n## A\n\n<!-- column_layout: [2, 1] -->\n<!-- column: 2 -->\n`, 'deck.md:13:1: The column "2" is not a column of this layout (0 to 1).'],
		['bad widths', `${head}# S\n\n## A\n\n<!-- column_layout: [1, x] -->\n`, 'deck.md:12:1: The column_layout "[1, x]" is not a list of widths'],
		['an image', `${head}# S\n\n## A\n\nSee ![x](y.png)\n`, 'deck.md:12:5: An image cannot be shown in a terminal slide: say in words what it shows (a ```drawn block keeps a drawing made of text).'],
		['HTML', `${head}# S\n\n## A\n\n<div>x</div>\n`, 'deck.md:12:1: HTML is not shown on slides'],
		['an unknown directive', `${head}# S\n\n## A\n\n<!-- speaker_notes: x -->\n`, 'deck.md:12:1: The directive "speaker_notes" is not one we know'],
		['a bad citation', `${head}# S\n\n## A\n\n<!-- paragraphs: 4, x -->\n`, 'deck.md:12:1: In <!-- paragraphs: … -->, "x" is not a paragraph number'],
		['a bar without a number', `${head}# S\n\n## A\n\n<!-- bars -->\n| a | b |\n| - | - |\n| x | many |\n`, 'deck.md:15:1: A bar needs a label and a number'],
		['a twice-used slide id', `${head}# S\n\n## A {#a}\n\n## B {#a}\n`, 'deck.md:12:1: The slide id "a" is used twice (first on line 10).'],
		['a bad id', `${head}# S\n\n## A {#Not_an_id}\n`, 'deck.md:10:1: An id is lower-case letters (of any script)'],
		['an empty section', `${head}# S\n\n# T\n\n## A\n`, 'deck.md:8:1: The section "S" has no slides.'],
		['no slides', head, 'deck.md:1:1: The deck has no slides'],
		['an empty bullet', `${head}# S\n\n## A\n\n- one\n-\n- three\n`, 'deck.md:13:1: A list item has no words.'],
		['a bullet with no words', `${head}# S\n\n## A\n\n- one\n- [ ](x)\n`, 'deck.md:13:1: A bullet has no words.'],
		['a numbered item with no words', `${head}# S\n\n## A\n\n1. one\n2.\n`, 'deck.md:13:1: A list item has no words.'],
		['a speaker line alone', `${head}# S\n\n## A\n\n> — Ann Lee, *mayor*\n`, 'deck.md:12:1: A quote needs its words before the speaker line.'],
		['a list in a quote', `${head}# S\n\n## A\n\n> Words.\n>\n> - a list\n>\n> — Ann Lee\n`, 'deck.md:14:3: A quote holds words and its speaker line only.'],
		['a chart with no bars', `${head}# S\n\n## A\n\n<!-- bars -->\n| a | b |\n| - | - |\n`, 'deck.md:13:1: A bar chart needs at least one bar.'],
		['a chart with no table', `${head}# S\n\n## A\n\n<!-- bars -->\nWords.\n`, 'deck.md:13:1: A <!-- bars --> line is followed by the chart\'s table.'],
		['a bad budget', `${head}# S\n\n## A\n\n<!-- budget: soon -->\n`, 'deck.md:12:1: The budget "soon" is not a time (1m30s, 90s, 2m).'],
		['a budget before any section', `${head}<!-- budget: 1m -->\n\n# S\n\n## A\n`, 'deck.md:8:1: A <!-- budget: … --> line belongs inside a slide, or under a "# Section" line.'],
		['a pause outside a slide', `${head}# S\n\n<!-- pause -->\n\n## A\n`, 'deck.md:10:1: The <!-- pause --> line belongs inside a slide (after its ## title).'],
		['a slide with no title', `${head}# S\n\n##\n`, 'deck.md:10:1: A slide needs a title after "##".'],
		['a section with no title', `${head}#\n\n## A\n`, 'deck.md:8:1: A section needs a title after "#".'],
		['a twice-used section id', `${head}# S {#s}\n\n## A\n\n# T {#s}\n\n## B\n`, 'deck.md:12:1: The section id "s" is used twice (first on line 8).'],
		['a heading too deep', `${head}# S\n\n## A\n\n#### Deep\n`, 'deck.md:12:1: Slides use # sections, ## slide titles and ### heading lines; no deeper.'],
		['a link definition', `${head}# S\n\n## A\n\n[a]: https://example.com\n`, 'deck.md:12:1: Link definitions are not part of a slide.'],
		['words before any section', `${head}Words.\n\n# S\n\n## A\n`, 'deck.md:8:1: Slides start with a "# Section" line, then a "## Slide title" line.'],
		['a code fence never closed, before later slides', `${head}# S\n\n## A\n\n\`\`\`python\nx = 1\n\n## B\n\n- b\n`, 'deck.md:12:1: This code block is never closed, so everything after it to the end of the file is code, later slides too: close it with a line of the ``` or ~~~ that opens it.'],
		['a code fence never closed, with Windows line ends', `${head}# S\n\n## A\n\n~~~~\nx\n~~~\n`.replaceAll('\n', '\r\n'), 'deck.md:12:1: This code block is never closed'],
		['a line too long', `${head}# S\n\n## A\n\n${'word '.repeat(1001)}\n`, 'deck.md:12:5001: This line has 5,005 characters; a deck\'s lines hold at most 5,000 (break it into lines).'],
		['a control byte in a message', '---\n"k\\e[2J": 1\n---\n', 'deck.md:2:1: The front matter has no key "k\u241B[2J:"'],
	])('%s', (_name, text, message) => {
		const got = failure(text);
		expect(got.startsWith(message), got).toBe(true);
		// Each reads as a sentence after its place: a capital first, a full stop (or question mark) last.
		expect(got).toMatch(/^deck\.md:\d+:\d+: [A-Z].*[.?]$/);
		expect(got).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
	});
});

test('a closed fence, an empty one, and indented code at the end of the file are no mistake', () => {
	for (const code of ['```\nx\n```\n', '```\n```\n', '~~~~\nx\n~~~~\n\n\n', '    indented\n    code\n\n', '```drawn\n╭─╮\n```\n']) {
		expect(failure(`${head}# S\n\n## A\n\n${code}`), code).toBe('parsed');
	}
});

describe('reload keeps the place', () => {
	test('the same slide by id; else next to its nearest surviving neighbour; else the same number', () => {
		expect(followSlide(['a', 'b', 'c'], ['x', 'a', 'b', 'c'], 1)).toBe(2);
		expect(followSlide(['a', 'b', 'c'], ['a', 'c'], 1)).toBe(1);
		expect(followSlide(['a', 'b', 'c'], ['a', 'b2', 'c'], 1)).toBe(1);
		expect(followSlide(['a', 'b', 'c'], ['c'], 2)).toBe(0);
		expect(followSlide(['a', 'b', 'c'], ['x', 'y'], 2)).toBe(1);
		expect(followSlide(['a', 'b', 'c'], ['b', 'c', 'a'], 0)).toBe(2);
	});

	test('a deck in any script has ids of its own words, so a slide put before the one shown does not take its place', () => {
		const head = '---\ntitle: 国际\n---\n\n# 介绍\n\n';
		const before = parseMarkdownDeck(`${head}## 你好，世界\n\n- 一\n\n## مرحبا بالعالم\n\n- ٢\n\n## 안녕 세상\n\n- 삼\n\n## Café crème\n\n- x\n`).deck;
		expect(before.slides.map(slide => slide.id)).toEqual(['你好-世界', 'مرحبا-بالعالم', '안녕-세상', 'cafe-creme']);
		const after = parseMarkdownDeck(`${head}## 新的幻灯片\n\n- 新\n\n## 你好，世界\n\n- 一\n\n## مرحبا بالعالم\n\n- ٢\n`).deck;
		expect(followSlide(before.slides.map(slide => slide.id), after.slides.map(slide => slide.id), 1)).toBe(2);
		// Written ids of any script read back (an --export deck of like titles writes them).
		const twice = parseMarkdownDeck(`${head}## 你好\n\n- 一\n\n## 你好\n\n- 二\n`).deck;
		expect(twice.slides.map(slide => slide.id)).toEqual(['你好', '你好-2']);
		expect(parseMarkdownDeck(deckToMarkdown(twice)).deck.slides.map(slide => slide.id)).toEqual(['你好', '你好-2']);
	});

	test('the reducer takes the new deck\'s reveal units and keeps the step where it can', () => {
		const state = navigate(initNavigation({units: [0, 3, 0], start: 1}), {type: 'next'});
		expect([state.index, state.step]).toEqual([1, 2]);
		const moved = navigate(state, {type: 'reload', units: [0, 0, 3, 0], index: 2});
		expect([moved.index, moved.step, moved.units]).toEqual([2, 2, [0, 0, 3, 0]]);
		const fewer = navigate(moved, {type: 'reload', units: [0, 0, 1], index: 2});
		expect([fewer.index, fewer.step]).toEqual([2, 1]);
		expect(navigate(fewer, {type: 'reload', units: [0], index: 5}).index).toBe(0);
	});
});

describe('the audience header', () => {
	const headerOf = (text: string) => {
		const {deck} = parseMarkdownDeck(text);
		const state = initNavigation({units: deck.slides.map(() => 0), isRevealing: false});
		return lineText(screenLines(deck, state, {columns: 80, rows: 24})[0] ?? []).trim();
	};

	test('names the section beside the deck title, but not twice when the section is named as the deck (a starter deck)', () => {
		expect(headerOf(`${head.replace('title: T', 'title: The talk')}# Part one\n\n## A slide\n\nText.\n`)).toMatch(/^The talk +Part one$/);
		expect(headerOf(`${head.replace('title: T', 'title: Article')}# Article\n\n## A slide\n\nText.\n`)).toBe('Article');
	});
});

describe('a pause', () => {
	test('right before bullets adds no step that shows nothing; before a paragraph it is a step', () => {
		const {deck} = parseMarkdownDeck(`${head}# S\n\n## A\n\nWords\n\n- one\n- two\n\n<!-- pause -->\n\n- three\n\n<!-- pause -->\n\nAfter.\n`);
		const blocks = deck.slides[0]!.blocks;
		expect(blocks.map(block => block.kind)).toEqual(['text', 'bullets', 'pause', 'text']);
		expect(blocks[1]).toEqual({kind: 'bullets', items: ['one', 'two', 'three']});
		// Arrival, then one step per bullet, then the pause before "After.".
		expect(blocks.reduce((sum, block) => sum + revealUnits(block), 0)).toBe(4);
	});
});
