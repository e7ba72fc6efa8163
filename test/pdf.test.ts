import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {deck} from '../slides/index.js';
import type {Block} from '../source/deck/blocks.js';
import {hasOwnHeading, memoSummary, whoseLine} from '../source/outputs/handout.js';
import {paperFromLocale} from '../source/outputs/pdf.js';
import {runBin as cli, squash} from './helpers/bin.js';
import {endAfterEach, spawnBin} from './helpers/pty.js';

/**
The PDF handouts, read back as a reader's tools read them: poppler's pdftotext (the words, page by
page), pdfinfo (pages, paper) and pdffonts (embedded fonts), which .ci/run installs (poppler-utils).
*/
const run = promisify(execFile);
let directory: string;

beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'briefing-pdf-'));
});

afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

/** The text of each page (pdftotext puts a form feed after each). */
async function pages(file: string): Promise<string[]> {
	const {stdout} = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
	return stdout.split('\f').slice(0, -1);
}

async function info(file: string): Promise<Record<string, string>> {
	const {stdout} = await run('pdfinfo', [file]);
	return Object.fromEntries(stdout.split('\n').filter(line => line.includes(':')).map(line => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]));
}

/** pdffonts' rows: each font's name and whether it is embedded. */
async function fonts(file: string): Promise<Array<{name: string; isEmbedded: boolean}>> {
	const {stdout} = await run('pdffonts', [file]);
	return stdout
		.split('\n')
		.slice(2)
		.filter(Boolean)
		.map(line => ({name: line.split(/\s+/)[0]!, isEmbedded: / yes +(yes|no) +(yes|no) +\d+ +\d+$/.test(line)}));
}

/** Text as extracted, compared with text as written: spaces squashed, a word broken after its hyphen joined again. */
const flat = (text: string) => squash(text).replaceAll(/(?<=\w)- (?=\w)/g, '-');

const quotes = deck.slides.flatMap(slide => slide.blocks.filter((block): block is Extract<Block, {kind: 'quote'}> => block.kind === 'quote'));

async function exportPdf(name: string, args: readonly string[], env: Record<string, string | undefined> = {}) {
	const file = path.join(directory, name);
	const result = await cli(['--export', 'pdf', '-o', file, ...args], env);
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	return file;
}

describe('--export pdf: the memo', () => {
	let file: string;
	let text: string[];

	beforeAll(async () => {
		file = await exportPdf('memo.pdf', [], {LANG: 'en_US.UTF-8', LC_ALL: undefined, LC_PAPER: undefined});
		text = await pages(file);
	}, 30_000);

	test('opens with the title, whose briefing it is and on what article, the "as of" line and the summary', () => {
		const first = flat(text[0]!);
		expect(first.startsWith(deck.title)).toBe(true);
		expect(first).toContain(flat(whoseLine(deck)));
		expect(first).toContain(`As of ${deck.source.date}`);
		const summary = memoSummary(deck);
		expect(first).toContain(flat(`Summary ${summary?.kind === 'paragraph' ? summary.text : ''}`));
	});

	test('has the contents, every section with the page it starts on', () => {
		const first = text[0]!;
		for (const [index, section] of deck.sections.entries()) {
			const heading = `${index + 1}. ${section.title}`;
			expect(first, heading).toContain(heading);
			const line = first.split('\n').find(each => each.startsWith(`${heading} (`));
			expect(line, heading).toBeDefined();
			// The page number is the next number pdftotext finds after the contents' lines.
			const where = text.findIndex((page, at) => at > 0 && page.split('\n').includes(heading));
			expect(where, heading).toBeGreaterThan(0);
			const numbers = first.slice(first.lastIndexOf('Contents')).match(/^\d+$/gm) ?? [];
			expect(numbers[index], heading).toBe(String(where + 1));
		}
	});

	test('has every slide as a sub-heading and every quote verbatim with its speaker', () => {
		const all = flat(text.join(' '));
		for (const slide of deck.slides.filter(each => hasOwnHeading(each))) {
			expect(all, slide.id).toContain(flat(slide.title));
		}

		for (const quote of quotes) {
			expect(all).toContain(flat(`“${quote.text}” — ${quote.speaker}`));
		}

		expect(all).toContain('Article ¶ 1, 3, 6');
		expect(all).not.toMatch(/Slide \d+ of \d+/);
	});

	test('draws the tables and the bar chart with their words, and numbers every page with the "as of" date', () => {
		const all = flat(text.join(' '));
		expect(all).toContain('Section 1326 Reentering after being ousted Felony');
		expect(all).toContain('Homeland Security Investigations (HSI)');
		expect(all).toContain('7,000 agents');
		for (const [index, page] of text.entries()) {
			expect(page).toContain(`Page ${index + 1} of ${text.length}`);
			expect(page).toContain(`As of ${deck.source.date}`);
		}
	});

	test('is US Letter for a US locale, embeds its fonts and has bookmarks for the sections', async () => {
		const details = await info(file);
		expect(details['Page size']).toContain('612 x 792');
		expect(Number(details['Pages'])).toBe(text.length);
		expect(details['Title']).toBe(deck.title);
		const used = await fonts(file);
		expect(used.length).toBeGreaterThanOrEqual(2);
		expect(used.every(font => font.isEmbedded && font.name.includes('DejaVuSans'))).toBe(true);
		const bytes = await readFile(file, 'latin1');
		expect(bytes).toContain('/Outlines');
		expect(bytes).toContain('(1. Opening)');
		expect(bytes).toContain('(12. Source)');
	});

	test('A4 for a German locale or --paper a4; the notes with --notes; --section writes one section', async () => {
		const a4 = await exportPdf('a4.pdf', [], {LANG: 'de_DE.UTF-8', LC_ALL: undefined, LC_PAPER: undefined});
		expect((await info(a4))['Page size']).toContain('595.28 x 841.89');
		const forced = await exportPdf('forced.pdf', ['--paper', 'a4'], {LANG: 'en_US.UTF-8'});
		expect((await info(forced))['Page size']).toContain('595.28 x 841.89');
		const notes = flat((await pages(await exportPdf('notes.pdf', ['--notes']))).join(' '));
		expect(notes).toContain('Speaker notes');
		expect(notes).toContain(flat(deck.slides[19]!.notes));
		const section = flat((await pages(await exportPdf('section.pdf', ['--section', 'sanctuary']))).join(' '));
		expect(section).toContain('5. Sanctuary cities');
		expect(section).toContain('slides 10-15 of 32');
		expect(section).not.toContain('Contents');
		expect(section).not.toContain(deck.slides[0]!.title);
	}, 30_000);
});

describe('--export pdf --slides: the slides as pages', () => {
	let file: string;
	let text: string[];

	beforeAll(async () => {
		file = await exportPdf('slides.pdf', ['--slides']);
		text = await pages(file);
	}, 30_000);

	test('one 16:9 page per slide, each with its title, counter and every quote (the big letters too)', async () => {
		expect(text).toHaveLength(deck.slides.length);
		const details = await info(file);
		expect(details['Page size']).toContain('960 x 540');
		for (const [index, slide] of deck.slides.entries()) {
			const page = flat(text[index]!);
			expect(page, slide.id).toContain(flat(slide.title));
			expect(page, slide.id).toContain(`${index + 1}/${deck.slides.length}`);
			for (const quote of slide.blocks.filter(block => block.kind === 'quote')) {
				expect(page, slide.id).toContain(flat(quote.text));
			}
		}
	});

	test('embeds DejaVu Sans Mono', async () => {
		const used = await fonts(file);
		expect(used.length).toBeGreaterThanOrEqual(1);
		expect(used.every(font => font.isEmbedded && font.name.includes('DejaVuSansMono'))).toBe(true);
	});

	test('--slide N writes one page, --theme takes the deck\'s themes', async () => {
		const one = await exportPdf('one.pdf', ['--slides', '--slide', '17', '--theme', 'dark']);
		const [page] = await pages(one);
		expect((await pages(one)).length).toBe(1);
		expect(flat(page!)).toContain(deck.slides[16]!.title);
		expect(flat(page!)).toContain('62%');
	});
});

describe('--export pdf: checks and warnings', () => {
	const sessions = endAfterEach();

	test('--paper, --slides and --theme are checked; --slides goes with --export pdf', async () => {
		for (const [args, message] of [
			[['--export', 'pdf', '--paper', 'a3', '-o', path.join(directory, 'x.pdf')], '--paper takes a4, letter, not "a3"'],
			[['--export', 'pdf', '--theme', 'pink', '-o', path.join(directory, 'x.pdf')], '--theme takes auto, dark, light, high-contrast, not "pink"'],
			[['--export', 'md', '--slides'], '--slides goes with --export pdf'],
			[['--export', 'md', '--theme', 'dark'], '--theme goes with presenting or with --export pdf --slides'],
			[['--export', 'md', '--paper', 'a4'], '--paper goes with --export pdf'],
		] as const) {
			const result = await cli(args);
			expect(result.code, args.join(' ')).toBe(2);
			expect(result.stderr.split('\n')[0]).toContain(message);
		}
	});

	test('a PDF is not written to a terminal: one line, use -o', async () => {
		const session = spawnBin(['--export', 'pdf'], {size: {columns: 100, rows: 10}});
		sessions.sessions.push(session);
		const {code} = await session.waitForExit(20_000);
		expect(code).toBe(2);
		expect(session.log).toContain('briefing: a PDF is not for a terminal: write it to a file with -o FILE.pdf');
		expect(session.log).not.toContain('%PDF');
		expect(session.log).not.toContain('Usage');
	}, 30_000);

	test('a character the fonts lack is drawn as a visible mark and counted in one line', async () => {
		const deckFile = path.join(directory, 'cjk.md');
		await writeFile(deckFile, ['---', 'title: A tiny deck', 'outlet: Test Outlet', 'date: January 1, 2000', 'author: A. Writer', '---', '', '# First part {#first}', '', '## Hello {#hello}', '', 'Two characters no font here has: 中文.', ''].join('\n'));
		for (const extra of [[], ['--slides']]) {
			const file = path.join(directory, `cjk${extra.length}.pdf`);
			const result = await cli([deckFile, '--export', 'pdf', '-o', file, ...extra]);
			expect(result.code).toBe(0);
			expect(result.stderr).toBe('briefing: the PDF\'s fonts lack 2 characters of the deck, each drawn as \uFFFD (U+FFFD)\n');
			expect(flat((await pages(file)).join(' '))).toContain('Two characters no font here has: \uFFFD\uFFFD.');
		}
	}, 30_000);

	test('a Markdown deck: a slide too long for the projector\'s grid gets a page of its own with every line; a PDF goes down a pipe', async () => {
		const deckFile = path.join(directory, 'long.md');
		const items = Array.from({length: 40}, (_, index) => `- Point number ${index + 1} of a long list`);
		await writeFile(deckFile, ['---', 'title: A long deck', 'outlet: Test Outlet', 'date: January 1, 2000', 'author: A. Writer', '---', '', '# Only part {#only}', '', '## Forty points {#forty}', '', ...items, ''].join('\n'));
		const file = path.join(directory, 'long.pdf');
		const result = await cli([deckFile, '--export', 'pdf', '--slides', '-o', file]);
		expect(result.code, result.stderr).toBe(0);
		const [page] = await pages(file);
		expect(flat(page!)).toContain('Point number 40 of a long list');
		expect(flat(page!)).not.toMatch(/too small|more than fits/i);
		const piped = await cli([deckFile, '--export', 'pdf']);
		expect(piped.code).toBe(0);
		expect(piped.stdout.startsWith('%PDF-')).toBe(true);
	}, 30_000);

	test('the paper follows the locale: LC_ALL, then LC_PAPER, then LANG; Letter when none names a territory', () => {
		expect(paperFromLocale({LANG: 'en_US.UTF-8'})).toBe('letter');
		expect(paperFromLocale({LANG: 'en_GB.UTF-8'})).toBe('a4');
		expect(paperFromLocale({LANG: 'en_US.UTF-8', LC_PAPER: 'de_DE.UTF-8'})).toBe('a4');
		expect(paperFromLocale({LC_ALL: 'es_MX.UTF-8', LC_PAPER: 'de_DE.UTF-8'})).toBe('letter');
		expect(paperFromLocale({LANG: 'fr_CA'})).toBe('letter');
		expect(paperFromLocale({LANG: 'C.UTF-8'})).toBe('letter');
		expect(paperFromLocale({})).toBe('letter');
	});
});
