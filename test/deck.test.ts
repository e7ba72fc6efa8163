import {readFileSync} from 'node:fs';
import {createElement} from 'react';
import stringWidth from 'string-width';
import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import {deck} from '../slides/index.js';
import {App} from '../source/show/app.js';
import {type Block, blockTexts} from '../source/deck/blocks.js';
import {formatParagraphs, type Slide} from '../source/deck/deck.js';
import {loadInk} from '../source/deck/drawn.js';
import {checkDeck, formatProblem} from '../source/check/check.js';
import {splitParagraphs} from '../source/check/paragraphs.js';
import {lineText, lineWidth} from '../source/text/lines.js';
import {listText} from '../source/outputs/print.js';
import {deckLook, type Size, slideBody} from '../source/layout/screen.js';
import {themes} from '../source/text/theme.js';
import {cleanupShown, renderShow, waitForFrame} from './helpers/ink.js';

// A slide holds an Ink component: its words and its lines come from Ink.
beforeAll(async () => {
	await loadInk();
});

/**
The content checks: the deck against the article it briefs on, by the shared checker (source/check/, the
same one `briefing check` runs). The article is read from beside the checkout
(`<repo>/../shared/source/article.txt`), never copied into the project.
*/
const article = readFileSync(new URL('../../shared/source/article.txt', import.meta.url), 'utf8');
const paragraphs = splitParagraphs(article);

/** The dateline (¶ 1) is not story either, but it is the article's outlet and date: a slide that dates something by it may cite it. */
const isDateline = (text: string) => /^- The Washington Times - \w+day, \w+ \d+, \d{4}$/.test(text);

/** Every piece of text a slide shows or the presenter reads: title, blocks, notes. */
function slideTexts(slide: Slide): string[] {
	return [slide.title, ...slide.blocks.flatMap(block => blockTexts(block)), slide.notes];
}

/** Sentences, not fooled by the abbreviations the notes use (U.S., Mr.). */
function sentences(text: string): string[] {
	const masked = text.replace(/\b(?:U\.S|Mr|Mrs|Dr)\./g, match => match.replaceAll('.', '·'));
	return masked.split(/(?<=[.!?][”’"]?)\s+(?=[“"A-Z0-9])/).filter(part => part.trim());
}

const quoteBlocks = (slide: Slide) =>
	slide.blocks.filter((block): block is Extract<Block, {kind: 'quote'}> => block.kind === 'quote');

const sizes: readonly Size[] = [
	{columns: 80, rows: 24},
	{columns: 100, rows: 30},
	{columns: 200, rows: 50},
];

const kebab = /^[a-z\d]+(?:-[a-z\d]+)*$/;

describe('the deck says only what the article says', () => {
	test('the checker finds no problem: quotes verbatim and somebody’s words, numbers and citations from the article', () => {
		expect(checkDeck(deck, article).map(problem => formatProblem(problem))).toEqual([]);
	});

	test('the dateline is cited only by slides that give the article’s date', () => {
		expect(isDateline(paragraphs[0] ?? '')).toBe(true);
		const citing = deck.slides.filter(slide => slide.paragraphs.includes(1));
		expect(citing.length).toBeGreaterThan(0);
		for (const slide of citing) {
			expect(slideTexts(slide).join(' '), slide.id).toMatch(/April (?:6, )?2021/);
		}
	});

	test('quotes have a speaker, and the deck writes quotes and apostrophes typographically, as the article does', () => {
		for (const slide of deck.slides) {
			for (const block of quoteBlocks(slide)) {
				expect(block.speaker.trim(), slide.id).not.toBe('');
			}

			for (const text of slideTexts(slide)) {
				expect(text, slide.id).not.toMatch(/["']/);
			}
		}
	});

	test('the notes sentences are counted as a reader counts them', () => {
		expect(sentences('He ran U.S. Citizenship and Immigration Services. Then he left. “Yes.” Done!')).toHaveLength(4);
	});
});

describe('the deck is well formed', () => {
	test.each(deck.slides.map(slide => [slide.id, slide] as const))('%s: notes of two to five sentences', (_id, slide) => {
		const count = sentences(slide.notes).length;
		expect(count, slide.notes).toBeGreaterThanOrEqual(2);
		expect(count, slide.notes).toBeLessThanOrEqual(5);
		expect(slide.notes.trim()).toMatch(/[.!?][”’]?$/);
	});

	test('slide and section ids are unique kebab-case', () => {
		const ids = deck.slides.map(slide => slide.id);
		expect(new Set(ids).size).toBe(ids.length);
		const sectionIds = deck.sections.map(section => section.id);
		expect(new Set(sectionIds).size).toBe(sectionIds.length);
		for (const id of [...ids, ...sectionIds]) {
			expect(id).toMatch(kebab);
		}
	});

	test('the five sections the user named are in the deck, in the section menu and in this order', () => {
		const named = ['ICE abolition stance', 'Criminal prosecution', 'Sanctuary cities', 'Priorities', 'Reorganization'];
		const titles = deck.sections.map(section => section.title);
		const positions = named.map(title => titles.indexOf(title));
		expect(positions.every(position => position >= 0), titles.join(', ')).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
		const menu = listText(deck);
		for (const title of named) {
			const section = deck.sections.find(candidate => candidate.title === title);
			expect(section && section.count > 0).toBe(true);
			expect(deck.slides.filter(slide => slide.sectionTitle === title)).toHaveLength(section?.count ?? -1);
			expect(menu).toContain(title);
		}

		expect(named.map(title => menu.indexOf(title))).toEqual(named.map(title => menu.indexOf(title)).sort((a, b) => a - b));
	});

	test('every character in the deck is one terminal cell wide', () => {
		const texts = [
			deck.title,
			...deck.sections.map(section => section.title),
			...deck.slides.flatMap(slide => [...slideTexts(slide), formatParagraphs(slide.paragraphs)]),
		];
		for (const text of texts) {
			for (const char of text) {
				expect(stringWidth(char), `${JSON.stringify(char)} in: ${text}`).toBe(1);
			}
		}
	});
});

describe('every slide fits', () => {
	const cases = sizes.flatMap(size => deck.slides.map(slide => [`${size.columns}x${size.rows}`, slide.id, size, slide] as const));

	test.each(cases)('%s %s: the body fits at every reveal step, also with the notes panel open', (_size, _id, size, slide) => {
		for (const showNotes of [false, true]) {
			for (let step = 0; step <= slide.units; step++) {
				const body = slideBody(slide, step, size, {showNotes});
				expect(body.needs, `step ${step}, notes ${showNotes}: needs ${JSON.stringify(body.needs)}`).toBeUndefined();
				for (const line of body.lines) {
					expect(lineWidth(line), lineText(line)).toBeLessThanOrEqual(size.columns);
				}
			}
		}
	});

	afterEach(() => {
		cleanupShown();
	});

	test.each(cases)('%s %s: the whole frame reaches the screen with nothing cut off', async (_size, _id, size, slide) => {
		const counter = `${slide.index + 1}/${deck.slides.length}`;
		const app = renderShow(createElement(App, {deck, theme: themes.plain, size, start: slide.index, isRevealing: false}), size);
		const frame = await waitForFrame(app, screen => screen.includes(counter));
		const lines = frame.split('\n');
		expect(lines).toHaveLength(size.rows);
		for (const line of lines) {
			expect(stringWidth(line), line).toBeLessThanOrEqual(size.columns);
		}

		// The body as laid out must reach the screen whole: Ink truncates lines that are too wide.
		const body = slideBody(slide, slide.units, size, {look: deckLook(deck, size)}).lines.map(line => lineText(line).trimEnd());
		expect(frame).not.toContain('Terminal too small');
		expect(body.length).toBeGreaterThan(0);
		expect(lines.slice(2, 2 + body.length)).toEqual(body);
		expect(lines.at(-1)).toContain(counter);
	});
});

describe('docs/briefing.md', () => {
	test('lists every slide with its number, section, title and paragraphs, in order', () => {
		const notes = readFileSync(new URL('../docs/briefing.md', import.meta.url), 'utf8');
		const section = notes.split('\n## The slides\n')[1]?.split('\n## ')[0] ?? '';
		const rows = section
			.split('\n')
			.filter(line => /^\| \d+ \|/.test(line))
			.map(line => line.split('|').slice(1, -1).map(cell => cell.trim()));
		expect(rows).toEqual(
			deck.slides.map(slide => [
				String(slide.index + 1),
				slide.sectionTitle,
				slide.title,
				formatParagraphs(slide.paragraphs).replace('¶ ', ''),
			]),
		);
	});
});
