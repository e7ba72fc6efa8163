import {readFileSync} from 'node:fs';
import React from 'react';
import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import {formatTallSlide, tallSlides} from '../source/check/size.js';
import {loadInk} from '../source/deck/drawn.js';
import {deck} from '../slides/index.js';
import {lineText, lineWidth} from '../source/text/lines.js';
import {textWidth} from '../source/text/wrap.js';
import {menuRow, overviewGrid} from '../source/layout/lists.js';
import {blankLines, bodyRows, deckLook, footerColumns, screenLines, slideBody} from '../source/layout/screen.js';
import {soleQuote} from '../source/layout/slide-body.js';
import {parseMarkdownDeck} from '../source/markdown/parse-deck.js';
import {App, hintMs, statusMs} from '../source/show/app.js';
import {followCursor, openWindow} from '../source/show/components/sections-menu.js';
import {initNavigation, navigate, type NavigationAction, type NavigationState} from '../source/model/navigation.js';
import {type PeerLink, type Position, samePosition} from '../source/link/peer.js';
import {parseMessage, positionLine} from '../source/link/protocol.js';
import {themes} from '../source/text/theme.js';
import {fixtureDeck} from './helpers/fixture-deck.js';
import {cleanupShown, keys, press, pressUntil, renderShow, waitForFrame} from './helpers/ink.js';

/** Made for the room: what the audience screen shows, laid out (pure) and live (in-process Ink). */
const small = {columns: 80, rows: 24};
const start = (index = 0) => initNavigation({units: deck.slides.map(slide => slide.units), start: index});
const run = (state: NavigationState, ...actions: NavigationAction[]) => actions.reduce(navigate, state);

/** Every slide at every reveal step. */
function everyStep(): NavigationState[] {
	const states: NavigationState[] = [];
	for (const slide of deck.slides) {
		for (let step = 0; step <= slide.units; step++) {
			states.push(run(start(slide.index), {type: 'sync', index: slide.index, step, blank: 'none'}));
		}
	}

	return states;
}

afterEach(() => {
	cleanupShown();
});

beforeAll(async () => {
	// The deck holds a slide with an Ink component: laying it out draws it with Ink.
	await loadInk();
});

describe('the audience footer', () => {
	const footerOf = (state: NavigationState, extras = {}, size = small) => lineText(screenLines(deck, state, size, extras).at(-1) ?? []);
	const barColumns = (footer: string) => {
		const first = footer.search(/[━─]/);
		const last = Math.max(footer.lastIndexOf('━'), footer.lastIndexOf('─'));
		return [first, last];
	};

	test.each([
		{columns: 80, rows: 24},
		{columns: 100, rows: 30},
		{columns: 200, rows: 50},
	])('at %j the bar starts and ends in the same columns on every slide and step, with or without anything beside it', size => {
		const {barStart, barWidth} = footerColumns(deck, size.columns);
		const extras = [{}, {status: 'presenter view connected', timer: '12:34'}, {showHints: true}];
		for (const state of everyStep()) {
			for (const extra of extras) {
				expect(barColumns(footerOf(state, extra, size)), `${state.index + 1}.${state.step}`).toEqual([barStart, barStart + barWidth - 1]);
			}
		}
	});

	test('the bar scales with the width', () => {
		expect(footerColumns(deck, 80).barWidth).toBeLessThan(footerColumns(deck, 200).barWidth);
		expect(footerColumns(deck, 200).barWidth).toBeGreaterThan(30);
	});

	test('at 80x24 nothing is cut, in any state: linked, typed, refused, timed, hinted', () => {
		const states = [
			...everyStep(),
			run(start(), {type: 'digit', digit: '1'}, {type: 'digit', digit: '2'}),
			run(start(), {type: 'digit', digit: '9'}, {type: 'digit', digit: '9'}, {type: 'confirm'}),
			run(start(), {type: 'g'}),
			run(start(), {type: 'toggle-help'}),
			run(start(), {type: 'toggle-menu'}),
			run(start(), {type: 'toggle-overview'}),
		];
		const extras = [
			{status: 'not linked: another audience view is running'},
			{status: 'presenter view connected', timer: '1:02:03'},
			{status: 'presenter view connected', timer: '12:34', showHints: true},
			{timer: '12:34', showHints: true},
		];
		for (const state of states) {
			for (const extra of extras) {
				const footer = footerOf(state, extra);
				expect(footer, footer).not.toContain('…');
				expect(footer.length).toBeLessThanOrEqual(80);
			}
		}
	});

	test('a typed number and "no slide 99" show in the footer, until the next key', () => {
		const refused = run(start(), {type: 'digit', digit: '9'}, {type: 'digit', digit: '9'}, {type: 'confirm'});
		expect(refused.index).toBe(0);
		expect(footerOf(refused)).toContain('no slide 99');
		expect(footerOf(run(refused, {type: 'next'}))).not.toContain('no slide 99');
	});

	test('the key hint shows only when asked (the first slide\'s first seconds), and always in the overlays', () => {
		expect(footerOf(start())).not.toContain('? help');
		expect(footerOf(start(), {showHints: true})).toContain('? help · m sections · q quit');
		expect(footerOf(run(start(), {type: 'toggle-menu'}))).toContain('Enter go');
	});
});

describe('the screen uses every row', () => {
	test.each([
		{columns: 80, rows: 24},
		{columns: 72, rows: 20},
		{columns: 120, rows: 40},
		{columns: 200, rows: 50},
	])('at %j every screen is exactly the terminal\'s rows, none wider than it', size => {
		for (const state of [...everyStep(), run(start(), {type: 'toggle-help'}), run(start(), {type: 'toggle-menu'}), run(start(), {type: 'toggle-overview'})]) {
			const lines = screenLines(deck, state, size);
			expect(lines).toHaveLength(size.rows);
			for (const line of lines) {
				expect(lineWidth(line)).toBeLessThanOrEqual(size.columns);
			}
		}
	});

	test.each([
		{columns: 120, rows: 40},
		{columns: 200, rows: 50},
	])('on a projector (%j) the page reads from the back: a centred column of at most 80 characters, the title over the body', size => {
		const titleRows = new Set<number>();
		for (const slide of deck.slides.slice(1)) {
			const lines = slideBody(slide, slide.units, size, {look: deckLook(deck, size)}).lines.map(lineText);
			const title = lines.findIndex(line => line.includes(slide.title.split(' ')[0]!));
			titleRows.add(title);
			const rule = lines.findIndex((line, index) => index > title && /^\s*─+$/.test(line));
			const first = lines.findIndex((line, index) => index > rule && line.trim() !== '');
			expect(first - rule - 1, slide.id).toBeLessThanOrEqual(3);
			const text = lines.filter(line => line.trim() !== '' && !/[▀▄█]{2}/.test(line) && !line.trim().startsWith('¶'));
			for (const line of text) {
				expect(line.trim().length, `${slide.id}: ${line}`).toBeLessThanOrEqual(80);
			}

			if (!soleQuote(slide)) {
				// A content slide: title and body share the column's left edge, and the column is centred.
				const lefts = new Set(text.map(line => line.search(/\S/)));
				const left = Math.min(...lefts);
				expect(left, slide.id).toBe(lines[title]!.search(/\S/));
				expect(Math.abs(left - (size.columns - 76) / 2), slide.id).toBeLessThanOrEqual(1);
			}
		}

		// The title on the same row of every slide but the title slide.
		expect(titleRows.size).toBe(1);
	});

	test('no slide is ever replaced by the too-small notice from the smallest frame up: a tall one is shown across pages, every word on one of them', () => {
		for (const state of everyStep()) {
			expect(lineText(screenLines(deck, state, {columns: 72, rows: 20})[0] ?? []), `${state.index + 1}.${state.step}`).not.toContain('too small');
		}

		const tight = {columns: 60, rows: 16};
		for (const slide of deck.slides) {
			const count = slideBody(slide, slide.units, tight).pages?.count ?? 1;
			const shown = new Set<string>();
			const pages = new Set<number>();
			for (let step = 0; step <= slide.units; step++) {
				const body = slideBody(slide, step, tight);
				expect(body.needs, slide.id).toBeUndefined();
				expect(body.lines.length, slide.id).toBe(bodyRows(tight));
				pages.add(body.pages?.index ?? 0);
				for (const line of body.lines) {
					shown.add(lineText(line).trim());
				}
			}

			// Every line of the whole slide (at its last step) is on one of the pages, each page reached by a step.
			const whole = slideBody(slide, slide.units, {columns: 60, rows: 200}).lines.map(line => lineText(line).trim()).filter(Boolean);
			const text = [...shown].join('\n');
			// A slide no step can page through (a tall table, no bullets) says more than fits, on its first page.
			const isCut = /▼ (?:code )?lines 1-\d+ of \d+ shown(?:$|\n|: a bigger terminal shows the rest)/.test(text);
			for (const line of whole.filter(line => !line.startsWith('¶'))) {
				expect(isCut || text.includes(line), `${slide.id}: ${line}`).toBe(true);
			}

			if (count > 1 && slide.units > 0) {
				expect(pages.size, slide.id).toBe(count);
			}
		}
	});

	test('a blank screen paints every cell, the last row too, in the blank role', () => {
		for (const color of ['black', 'white'] as const) {
			const lines = blankLines(small, color);
			expect(lines).toHaveLength(24);
			for (const line of lines) {
				expect(lineWidth(line)).toBe(80);
				expect(line.every(segment => segment.role === (color === 'white' ? 'whiteout' : 'blackout'))).toBe(true);
			}

			expect(screenLines(deck, run(start(), {type: 'blank', color}), small)).toEqual(lines);
		}
	});
});

/** The menu's rows on screen: the numbered ones, with the highlighted and the current marked. */
const menuRows = (frame: string) => frame.split('\n').filter(line => /^\s*(›\s)?\s*(▶\s)?\s*\d+\. /.test(line));
const highlighted = (frame: string) => menuRows(frame).find(line => line.includes('›'));
const realShow = (size: {columns: number; rows: number}, start = 0) =>
	renderShow(<App deck={deck} theme={themes.plain} size={size} start={start} />, size, themes.plain, {isGuarded: true});

describe('a slide no step pages through (a tall code block) promises no paging', () => {
	const {deck: tall} = parseMarkdownDeck(readFileSync('test/fixtures/tall-code.md', 'utf8'));
	const slide = tall.slides[0]!;

	test('on screen: which code lines show, of how many, and that a bigger terminal shows the rest; no "page 1 of N"', () => {
		const body = slideBody(slide, slide.units, {columns: 80, rows: 24});
		const text = body.lines.map(line => lineText(line)).join('\n');
		const mark = /▼ code lines 1-(\d+) of (\d+) shown: a bigger terminal shows the rest/.exec(text);
		expect(mark, text).not.toBeNull();
		expect(text).not.toMatch(/page \d+ of|more than fits|rows/);
		// It counts the code's lines (forty), not the screen's rows (the language's row is none of them), and they are the lines on screen.
		expect(Number(mark![2])).toBe(40);
		const shown = text.split('\n').filter(line => line.includes('│ const line'));
		expect(shown.length).toBe(Number(mark![1]));
		expect(shown.at(-1)).toContain(`line ${mark![1]} of the tall code block`);
		expect(body.pages?.code).toEqual({shown: Number(mark![1]), all: 40});
	});

	test('check --size says the same, and the size that shows it whole', () => {
		const [found] = tallSlides(tall, {columns: 80, rows: 24});
		expect(formatTallSlide(found!, {columns: 80, rows: 24})).toMatch(/^Slide 1 “A tall code block” is taller than 80x24: code lines 1-16 of 40 are shown, and 80x\d+ shows it whole; split it, or present in a bigger terminal\.$/);
		expect(formatTallSlide(found!, {columns: 80, rows: 24})).not.toMatch(/page|rows/);
	});

	const deckOf = (body: string) => parseMarkdownDeck(`---\ntitle: T\nsource: ../shared/source/article.txt\n---\n\n# Part\n\n## Cut\n\n<!-- paragraphs: 1 -->\n\n${body}\n`).deck.slides[0]!;
	const markOf = (cut: ReturnType<typeof deckOf>, size: {columns: number; rows: number}) =>
		slideBody(cut, cut.units, size).lines.map(line => lineText(line).trim()).find(line => line.startsWith('▼')) ?? '';

	test('a code line wrapped onto ↪ rows counts once, and is never split from its rows by the cut', () => {
		const long = Array.from({length: 20}, (_, index) => `call(${index + 1}, 'a long argument that wraps at forty columns', 'and more')`).join('\n');
		const cut = deckOf(`\`\`\`\n${long}\n\`\`\`\n`);
		const size = {columns: 40, rows: 24};
		const text = slideBody(cut, cut.units, size).lines.map(line => lineText(line).trim());
		const [, shown] = /^▼ code lines 1-(\d+) of 20 shown/.exec(markOf(cut, size)) ?? [];
		expect(shown, text.join('\n')).toBeDefined();
		// Too narrow for the whole mark: its count stays whole, the promise of a bigger terminal goes.
		expect(markOf(cut, size)).toMatch(/shown$/);
		// Each code line starts a `│ call(` row; the rows after it that go on are ↪ rows.
		expect(text.filter(line => line.startsWith('│ call(')).length).toBe(Number(shown));
		expect(text.filter(line => line.startsWith('│ ↪')).length).toBeGreaterThan(Number(shown));
		const last = text.findLastIndex(line => line.startsWith('│'));
		expect(text[last + 1], 'the mark follows the last line whole').toMatch(/^▼/);
		expect(text.filter(line => line.startsWith('│ ')).at(-1)).toMatch(/more'\)$/);
	});

	test('code after words: its own lines are counted; a slide tall for other reasons counts the slide\'s lines', () => {
		const code = Array.from({length: 30}, (_, index) => `line${index + 1}()`).join('\n');
		expect(markOf(deckOf(`Some words first.\n\n\`\`\`\n${code}\n\`\`\`\n`), small)).toMatch(/^▼ code lines 1-\d+ of 30 shown: a bigger terminal shows the rest$/);
		// Cut before a code block starts (not inside one): the slide's lines, never "rows" nor "code lines".
		const words = Array.from({length: 40}, (_, index) => `Word ${index + 1} of a long paragraph that runs on.`).join(' ');
		const mark = markOf(deckOf(`${words}\n\n\`\`\`\n${code}\n\`\`\`\n`), small);
		expect(mark).toMatch(/^▼ lines 1-\d+ of \d+ shown: a bigger terminal shows the rest$/);
		const table = ['| Name | Count |', '| --- | --- |', ...Array.from({length: 30}, (_, index) => `| Row ${index + 1} | ${index} |`)].join('\n');
		// A table taller than the page is one block cut on it: the count is of all its lines, and check --size names it.
		const long = deckOf(table);
		const [, shownLines, allLines] = /^▼ lines 1-(\d+) of (\d+) shown/.exec(markOf(long, small)) ?? [];
		expect(Number(allLines)).toBe(slideBody(long, long.units, {columns: 80, rows: 60}).lines.map(line => lineText(line).trim()).filter(line => line.includes('│') || line.includes('┼')).length);
		const [found] = tallSlides({...tall, slides: [long]}, small);
		expect(formatTallSlide(found!, small)).toContain(`is taller than 80x24: lines 1-${shownLines} of ${allLines} are shown`);
	});
});

describe('the sections menu and the overview', () => {
	test('a menu row is its width exactly, and its number ends in one column however much of the name is cut', () => {
		for (const width of [30, 44, 54, 74]) {
			const ends = new Set<number>();
			for (const [section] of deck.sections.entries()) {
				for (const marks of [{isCurrent: false, isSelected: false}, {isCurrent: true, isSelected: false}, {isCurrent: true, isSelected: true}]) {
					const row = lineText(menuRow(deck, section, width, marks));
					expect(textWidth(row), `${width}: ${row}`).toBe(width);
					ends.add(/^[▶ ] +\d+\./.exec(row)?.[0].length ?? -1);
					expect(row.startsWith('▶'), row).toBe(marks.isCurrent);
					expect(row).toMatch(/slides? \d+(-\d+)?$/);
				}
			}

			expect([...ends], `width ${width}`).toEqual([5]);
		}

		expect(lineText(menuRow(deck, 10, 30, {isCurrent: false, isSelected: false}))).toMatch(/^ {2}11\. What to w…\s+slides 30-31$/);
	});

	test.each([
		{columns: 60, rows: 16},
		{columns: 80, rows: 24},
		{columns: 200, rows: 50},
	])('at %j the menu is ink-select-input\'s list of sections: numbers in one column, ▶ on the slide\'s section, every ↓ a section', async size => {
		const app = realShow(size, 8);
		await waitForFrame(app, f => f.includes(`9/${deck.slides.length}`));
		let frame = await pressUntil(app, 'm', f => menuRows(f).length > 0);
		// Opened on the section of slide 9, marked ▶ and highlighted.
		expect(highlighted(frame)).toMatch(/› ▶\s+4\. Criminal prosecution\s+slides 6-9/);
		for (let press_ = 0; press_ < 4; press_++) {
			frame = await press(app, keys.up);
		}

		expect(highlighted(frame)).toMatch(/›\s+1\. Opening/);
		for (const [index, section] of deck.sections.entries()) {
			const rows = menuRows(frame);
			const ends = new Set(rows.map(line => /^.*?\d+\./.exec(line)?.[0].length));
			expect(ends.size, `${index}: ${rows.join('\n')}`).toBe(1);
			expect(rows.filter(line => line.includes('▶'))).toHaveLength(rows.some(line => line.includes('4. Criminal')) ? 1 : 0);
			// Every stop is a section: there are no headings to step over.
			expect(highlighted(frame), String(index)).toContain(`${index + 1}. ${section.title.slice(0, 12)}`);
			frame = await press(app, keys.down);
		}
	});

	test('the window the menu follows: opened with the highlight in view, scrolled only as far as keeps it there', () => {
		// Twelve sections, seven rows: opened on the ninth, it is on the last row.
		let window = openWindow(8, 7);
		expect(window).toEqual({limit: 7, start: 2});
		window = followCursor(window, 9, 12);
		expect(window).toEqual({limit: 7, start: 3});
		window = followCursor(followCursor(window, 10, 12), 11, 12);
		expect(window).toEqual({limit: 7, start: 5});
		// Moving inside the window leaves it where it is (the same object: nothing to draw again).
		expect(followCursor(window, 6, 12)).toBe(window);
		// ↑ from the top row of a scrolled list moves the window up by one.
		expect(followCursor(window, 4, 12)).toEqual({limit: 7, start: 4});
		// A list that fits never scrolls.
		expect(followCursor(openWindow(0, 12), 11, 12)).toEqual({limit: 12, start: 0});
	});

	test('the list stops at its ends, and on a short screen "▲ more above" / "▼ more below" say it goes on', async () => {
		const app = realShow({columns: 60, rows: 16});
		await waitForFrame(app, f => f.includes(`1/${deck.slides.length}`));
		let frame = await pressUntil(app, 'm', f => menuRows(f).length > 0);
		expect(menuRows(frame).length).toBeLessThan(deck.sections.length);
		expect(frame).toContain('▼ more below');
		expect(frame).not.toContain('▲ more above');
		frame = await press(app, keys.up);
		expect(highlighted(frame)).toMatch(/1\. Opening/);
		for (let press_ = 0; press_ < deck.sections.length + 2; press_++) {
			frame = await press(app, keys.down);
		}

		// ↓ past the last section stays on it (ink-select-input would go round to the first).
		expect(highlighted(frame)).toMatch(/12\. Source/);
		expect(frame).toContain('▲ more above');
		expect(frame).not.toContain('▼ more below');
		frame = await press(app, keys.enter);
		expect(frame).toContain(`${deck.slides.length}/${deck.slides.length}`);
	});

	test('the overview is a centred grid of cards that fits: number, title, first line; ▶ on the slide on screen', () => {
		const size = {columns: 200, rows: 50};
		const state = run(start(3), {type: 'grid', columns: overviewGrid(size, deck.slides.length).columns}, {type: 'toggle-overview'});
		const lines = screenLines(deck, state, size).map(lineText);
		const text = lines.join('\n');
		expect(text).toContain('Overview');
		expect(text).not.toContain('more below');
		for (const slide of deck.slides) {
			expect(text).toMatch(new RegExp(`╭─ (▶ )? ?${slide.index + 1} ─`));
		}

		expect(text).toMatch(/╭─ ▶ {2}4 ─/);
		// Centred: as much room left of the grid as right of it, within a column; top and bottom alike.
		const rows = lines.filter(line => line.includes('╭'));
		const left = Math.min(...rows.map(line => line.search(/\S/)));
		const right = Math.min(...rows.map(line => size.columns - line.trimEnd().length));
		expect(Math.abs(left - right)).toBeLessThanOrEqual(2);
		const body = lines.slice(2, -2);
		const used = body.map(line => line.trim() !== '');
		expect(Math.abs(used.indexOf(true) - (body.length - 1 - used.lastIndexOf(true)))).toBeLessThanOrEqual(1);
	});

	test('↓ in the overview moves a row of cards; to the last card from a row with none beneath', () => {
		const state = run(start(0), {type: 'grid', columns: 5}, {type: 'toggle-overview'});
		expect(run(state, {type: 'cursor', move: 'down'}).cursor).toBe(5);
		expect(run(state, {type: 'cursor', move: 'right'}, {type: 'cursor', move: 'left'}, {type: 'cursor', move: 'left'}).cursor).toBe(0);
		const nearEnd = run(state, {type: 'cursor', move: 'last'}, {type: 'cursor', move: 'up'}, {type: 'cursor', move: 'right'});
		expect(run(nearEnd, {type: 'cursor', move: 'down'}).cursor).toBe(deck.slides.length - 1);
		expect(run(state, {type: 'cursor', move: 'last'}, {type: 'choose'}).index).toBe(deck.slides.length - 1);
	});
});

/** A peer link that only says it is linked. */
function linkedPeer(): PeerLink {
	return {
		publish(_position: Position) {},
		onPosition: () => () => {},
		onStatus(listener) {
			listener('presenter view connected');
			return () => {};
		},
		async close() {},
	};
}

describe('the live audience view says nothing but the briefing', () => {
	const show = (props: Partial<React.ComponentProps<typeof App>> = {}) =>
		renderShow(<App deck={fixtureDeck} theme={themes.plain} size={small} {...props} />, small);

	test('the key hint is on the first slide for its first seconds (six by default), then gone; never on another slide', async () => {
		expect(hintMs).toBe(6000);
		const app = show({hintMs: 300});
		let frame = await waitForFrame(app, f => f.includes('Slide one'));
		expect(frame).toContain('? help · m sections · q quit');
		frame = await press(app, keys.right);
		expect(frame).not.toContain('? help');
		frame = await press(app, keys.left);
		expect(frame).toContain('Slide one');
		await waitForFrame(app, f => f.includes('Slide one') && !f.includes('? help'));
	});

	test('with a presenter view linked: no key hint, the link status for a few seconds (four by default)', async () => {
		expect(statusMs).toBe(4000);
		const app = show({link: linkedPeer(), statusMs: 300});
		let frame = await waitForFrame(app, f => f.includes('presenter view connected'));
		expect(frame).not.toContain('? help');
		// Digits typed on this keyboard show here: whoever types them is looking at this screen.
		frame = await press(app, '3');
		expect(frame).toContain('go to 3');
		await press(app, keys.escape);
		frame = await waitForFrame(app, f => !f.includes('presenter view connected'));
		expect(frame).toContain('1/3');
	});

	test('keys that arrive together each count, in the menu as on the slides (through the input guard)', async () => {
		const app = realShow(small);
		await waitForFrame(app, f => f.includes(`1/${deck.slides.length}`));
		await pressUntil(app, 'm', f => menuRows(f).length > 0);
		// Three ↓ in one read, as a clicker or a held key sends them: from section 1 to section 4 and no further.
		// The guard hands Ink one key per idle React turn, so a loaded machine may show a frame between them:
		// wait for the fourth section, then press ↑ as a sentinel: keys are read in order, so its frame comes
		// after any stray fourth ↓, and shows the third section only if there was none.
		const atFourth = (f: string) => /›\s+4\. Criminal prosecution/.test(highlighted(f) ?? '');
		await pressUntil(app, keys.down + keys.down + keys.down, atFourth);
		let frame = await pressUntil(app, keys.up, f => !atFourth(f));
		expect(highlighted(frame)).toMatch(/›\s+3\. /);
		await pressUntil(app, keys.down, atFourth);
		frame = await pressUntil(app, keys.enter, f => f.includes(`6/${deck.slides.length}`));
		expect(menuRows(frame)).toEqual([]);
		const atSeventh = new RegExp(`\\b7/${deck.slides.length}`);
		await pressUntil(app, keys.right + keys.right + keys.right, f => atSeventh.test(f));
		// The sentinel ←: the slide before the seventh, unless a stray fourth → was read first.
		frame = await pressUntil(app, keys.left, f => !atSeventh.test(f));
		expect(frame).toMatch(new RegExp(`\\b6/${deck.slides.length}`));
	});
});

describe('the presenter link carries the timer restarts', () => {
	test('a position line keeps its timer count; a bad count is refused; an old peer without one is read', () => {
		const line = positionLine({index: 2, step: 1, blank: 'none', timer: 3, clock: 7, origin: 'ab'}).trim();
		expect(parseMessage(line)).toEqual({position: {index: 2, step: 1, blank: 'none', timer: 3, clock: 7, origin: 'ab'}});
		expect(parseMessage(JSON.stringify({type: 'position', index: 2, step: 1, blank: 'none', clock: 7, origin: 'ab'}))).toEqual({
			position: {index: 2, step: 1, blank: 'none', clock: 7, origin: 'ab'},
		});
		for (const timer of [-1, 1.5, '3', 2 ** 50]) {
			expect(parseMessage(JSON.stringify({type: 'position', index: 2, step: 1, blank: 'none', timer, clock: 7, origin: 'ab'}))).toHaveProperty('error');
		}
	});

	test('a restart alone is a new position to send', () => {
		expect(samePosition({index: 1, step: 0, blank: 'none', timer: 0}, {index: 1, step: 0, blank: 'none', timer: 1})).toBe(false);
		expect(samePosition({index: 1, step: 0, blank: 'none'}, {index: 1, step: 0, blank: 'none', timer: 0})).toBe(true);
	});
});
