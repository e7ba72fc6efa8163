import {readFileSync} from 'node:fs';
import {createElement} from 'react';
import stringWidth from 'string-width';
import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import {deck} from '../slides/index.js';
import {App} from '../source/show/app.js';
import {type Block, blockTexts} from '../source/deck/blocks.js';
import {formatParagraphs, type Slide} from '../source/deck/deck.js';
import {loadInk} from '../source/deck/drawn.js';
import {lineText, lineWidth} from '../source/layout/layout.js';
import {listText} from '../source/outputs/print.js';
import {type Size, slideBody} from '../source/layout/screen.js';
import {themes} from '../source/layout/theme.js';
import {cleanupShown, renderShow, waitForFrame} from './helpers/ink.js';

// A slide holds an Ink component: its words and its lines come from Ink.
beforeAll(async () => {
	await loadInk();
});

/**
The content checks: the deck against the article it briefs on. The article is read from beside the
checkout (`<repo>/../shared/source/article.txt`), never copied into the project.
*/
const article = readFileSync(new URL('../../shared/source/article.txt', import.meta.url), 'utf8');

/** The article's paragraphs: blank-line-separated blocks, numbered from 1 (index 0 is unused). */
function splitParagraphs(text: string): string[] {
	return ['', ...text.split(/\n[ \t]*\n/).map(block => block.trim()).filter(Boolean)];
}

const paragraphs = splitParagraphs(article);

/**
Page furniture, never cited: the related-story link, the contact line, the copyright, the comment
policy and the "Click to" buttons. The dateline (paragraph 1) is not content either, but it is the
outlet and date the title and source slides show, so those two may cite it and no other slide may.
*/
const furniture = [/^SEE ALSO:/, /can be reached at/, /^Copyright/, /comment policy/i, /^Click to/];
const isFurniture = (text: string) => furniture.some(pattern => pattern.test(text));
const isDateline = (text: string) => /^- The Washington Times - \w+day, \w+ \d+, \d{4}$/.test(text);
const datelineSlides = new Set(['title', 'source']);

/** Every piece of text a slide shows or the presenter reads: title, blocks, notes. */
function slideTexts(slide: Slide): string[] {
	return [slide.title, ...slide.blocks.flatMap(block => blockTexts(block)), slide.notes];
}

function citedTexts(slide: Slide): string[] {
	return slide.paragraphs.map(n => paragraphs[n] ?? '');
}

/** Passages inside typographic or straight double quotes. */
function quotedPassages(text: string): string[] {
	return [...text.matchAll(/“([^“”]+)”|"([^"]+)"/g)].map(match => match[1] ?? match[2] ?? '');
}

/** Tokens with a digit, as written: 5,000 · 62% · 1326 · 12 · 2001. */
function numbers(text: string): string[] {
	return text.match(/\d+(?:[.,]\d+)*%?/g) ?? [];
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

describe('the article, as the tests read it', () => {
	test('splits into numbered paragraphs with the dateline first and furniture where expected', () => {
		expect(paragraphs.length - 1).toBe(51);
		expect(isDateline(paragraphs[1] ?? '')).toBe(true);
		const furnitureNumbers = paragraphs.flatMap((text, n) => (n > 0 && isFurniture(text) ? [n] : []));
		expect(furnitureNumbers).toEqual([8, 47, 48, 49, 50, 51]);
	});

	test('the helpers count sentences and find quotes and numbers', () => {
		expect(sentences('He ran U.S. Citizenship and Immigration Services. Then he left. “Yes.” Done!')).toHaveLength(4);
		expect(quotedPassages('He said “noble mission” and "set in stone".')).toEqual(['noble mission', 'set in stone']);
		expect(numbers('nearly 5,000; 62%, the 1801-1811 idea, COVID-19.')).toEqual(['5,000', '62%', '1801', '1811', '19']);
	});
});

describe('the deck says only what the article says', () => {
	test.each(deck.slides.map(slide => [slide.id, slide] as const))(
		'%s: cites existing article paragraphs, never furniture, the dateline only on the title and source',
		(_id, slide) => {
			expect(slide.paragraphs.length).toBeGreaterThan(0);
			for (const n of slide.paragraphs) {
				expect(Number.isInteger(n) && n >= 1 && n < paragraphs.length, `¶ ${n} does not exist`).toBe(true);
				const text = paragraphs[n] ?? '';
				expect(isFurniture(text), `¶ ${n} is page furniture: ${text}`).toBe(false);
				if (isDateline(text)) {
					expect(datelineSlides.has(slide.id), `only the title and source slides may cite the dateline`).toBe(true);
				}
			}
		},
	);

	test.each(deck.slides.map(slide => [slide.id, slide] as const))(
		'%s: every Quote and every “quoted” passage (body and notes) is verbatim, unnormalized, in a cited paragraph',
		(_id, slide) => {
			const cited = citedTexts(slide);
			const quotes = [
				...quoteBlocks(slide).map(block => block.text),
				...slideTexts(slide).flatMap(text => quotedPassages(text)),
			];
			for (const quote of quotes) {
				expect(
					cited.some(text => text.includes(quote)),
					`not verbatim in ${formatParagraphs(slide.paragraphs)}: ${quote}`,
				).toBe(true);
			}
		},
	);

	test.each(deck.slides.map(slide => [slide.id, slide] as const))(
		'%s: every number on the slide and in its notes appears in a cited paragraph (no exemptions: dates come from the dateline)',
		(_id, slide) => {
			const cited = new Set(citedTexts(slide).flatMap(text => numbers(text)));
			for (const number of slideTexts(slide).flatMap(text => numbers(text))) {
				expect(cited.has(number), `${number} is not in ${formatParagraphs(slide.paragraphs)}`).toBe(true);
			}
		},
	);

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

		// The body as laid out reaches the screen whole, under the header, and the footer is on the last row.
		const body = slideBody(slide, slide.units, size).lines.map(line => lineText(line).trimEnd());
		expect(frame).not.toContain('Terminal too small');
		expect(body.length).toBeGreaterThan(0);
		expect(lines.slice(2, 2 + body.length)).toEqual(body);
		expect(lines.at(-1)).toContain(counter);
	});
});

describe('the README', () => {
	test('lists every slide with its number, section, title and paragraphs, in order', () => {
		const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
		const section = readme.split('\n## The briefing\n')[1]?.split('\n## ')[0] ?? '';
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
