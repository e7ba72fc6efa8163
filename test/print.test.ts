import {spawn} from 'node:child_process';
import process from 'node:process';
import {describe, expect, test} from 'vitest';
import {deck} from '../slides/index.js';
import {findSection} from '../source/deck/deck.js';
import {textWidth} from '../source/text/wrap.js';
import {deckText, listText, slideText} from '../source/outputs/print.js';
import {hasOwnHeading, memoSummary, selectSlides, slideCitation, whoseLine} from '../source/outputs/handout.js';
import {formatParagraphs} from '../source/deck/deck.js';
import {stripControls} from '../source/text/sanitize.js';
import {controlBytes, runBin as piped, squash} from './helpers/bin.js';
import {childEnv} from './helpers/env.js';
import {everyBlockDeck} from './helpers/every-block-deck.js';
import {loadInk} from '../source/deck/drawn.js';
import {readFileSync} from 'node:fs';
import {parseMarkdownDeck} from '../source/markdown/parse-deck.js';
import {deckHtml} from '../source/outputs/export-html.js';
import {deckMarkdown} from '../source/outputs/export-markdown.js';

// A slide holds an Ink component: the text outputs draw it with Ink.
await loadInk();


describe('the deck as plain text', () => {
	test('a memo: title, source and the as-of date, the summary, the contents, then each section with its slides', () => {
		const text = deckText(deck);
		expect(text.startsWith(`${deck.title}\n${'='.repeat(deck.title.length)}\n\n`)).toBe(true);
		expect(squash(text)).toContain(squash(whoseLine(deck)));
		expect(whoseLine(deck)).toBe(`A briefing on the article by ${deck.source.author} in ${deck.source.outlet}, ${deck.source.date}. The presenter wrote the briefing; the quotes and facts are the article’s.`);
		expect(text).toContain(`\nAs of ${deck.source.date}`);
		const [summary = '', contents = ''] = text.split(/^Contents\n-+$/m);
		const memo = memoSummary(deck);
		expect(memo?.kind).toBe('paragraph');
		expect(squash(summary)).toContain(`Summary ------- ${squash(memo?.kind === 'paragraph' ? memo.text : '')}`);

		let at = text.indexOf('\n=====');
		for (const [index, section] of deck.sections.entries()) {
			const first = section.start + 1;
			const range = section.count === 1 ? `slide ${first}` : `slides ${first}-${first + section.count - 1}`;
			expect(contents).toMatch(new RegExp(`^${index + 1}\\. ${section.title.replaceAll(/[()]/g, '\\$&')} \\(${range}\\)$`, 'm'));
			const heading = text.indexOf(`=\n${index + 1}. ${section.title}\n=`, at);
			expect(heading, section.title).toBeGreaterThan(at);
			at = heading;
			for (const slide of deck.slides.slice(section.start, section.start + section.count)) {
				const part = slideText(slide);
				const place = text.indexOf(part, at);
				expect(place, slide.id).toBeGreaterThan(at);
				at = place;
				const lines = part.split('\n');
				if (hasOwnHeading(slide)) {
					expect(lines[0]).toBe(slide.title);
					expect(lines[1]).toMatch(/^-+$/);
				} else {
					// The Source section's one slide: its title would only repeat the section's.
					expect(lines[0]).not.toBe(slide.title);
				}

				expect(lines.at(-1)).toBe(`  Article ${formatParagraphs(slide.paragraphs)}`);
				expect(part).not.toMatch(/Slide \d+ of|Source: article/);
			}
		}
	});

	test('quotes keep their speakers; notes only with showNotes', () => {
		for (const slide of deck.slides) {
			for (const block of slide.blocks) {
				if (block.kind === 'quote') {
					expect(slideText(slide)).toContain(`— ${block.speaker}`);
				}
			}

			if (slide.notes) {
				expect(slideText(slide, {showNotes: true})).toContain('Notes: ');
				expect(slideText(slide)).not.toContain('Notes: ');
			}
		}
	});

	test('fits 78 columns and holds no control character but the newline, even from hostile text', () => {
		for (const source of [deck, everyBlockDeck]) {
			const text = deckText(source, {showNotes: true});
			expect(text).not.toMatch(controlBytes);
			for (const line of text.split('\n')) {
				expect(textWidth(line), line).toBeLessThanOrEqual(78);
			}
		}

		expect(stripControls('a\u001B[31mb\u0007c\td\u009Be\nf')).toBe('a[31mbc de\nf');
	});

	test('reads in a proportional font: no box drawing or block bars, no columns padded with runs of spaces', () => {
		for (const source of [deck, everyBlockDeck]) {
			const text = deckText(source, {showNotes: true});
			expect(text.match(/[\u2500-\u259F\u25CF\u2022]/)?.[0]).toBeUndefined();
			// Indents only: inside a line no run of spaces lines words up into columns.
			expect(text.split('\n').filter(line => / {2,}/.test(line.trimStart()))).toEqual([]);
		}

		// The bar chart's figures are words, the fact's figure leads its words.
		expect(deckText(deck)).toContain('- Homeland Security Investigations (HSI): 7,000 agents');
		expect(deckText(deck)).toContain('62%: cut in ICE book-ins');
	});
});

describe('--list', () => {
	test('names each section by the id --section takes, and each slide by the number --slide takes', () => {
		const lines = listText(deck).trimEnd().split('\n');
		let section: ReturnType<typeof findSection>;
		let numbers: number[] = [];
		const seen: number[] = [];
		for (const line of lines) {
			const slideLine = /^ {2}([ \d]\d) {2}(.+)$/.exec(line);
			if (slideLine) {
				const n = Number(slideLine[1]);
				expect(deck.slides[n - 1]?.title).toBe(slideLine[2]);
				expect(deck.slides[n - 1]?.sectionId).toBe(section?.id);
				numbers.push(n);
				seen.push(n);
				continue;
			}

			if (section) {
				expect(numbers[0]).toBe(section.start + 1);
				expect(numbers).toHaveLength(section.count);
			}

			const id = line.split(/\s+/)[0]!;
			section = findSection(deck, id);
			expect(section?.id, line).toBe(id);
			expect(line).toContain(section!.title);
			numbers = [];
		}

		expect(seen).toEqual(deck.slides.map(slide => slide.index + 1));
	});

	test('selectSlides: one slide, a section by id, title or prefix, or the whole deck', () => {
		const sanctuary = findSection(deck, 'sanctuary')!;
		const inside = deck.slides.slice(sanctuary.start, sanctuary.start + sanctuary.count);
		expect(selectSlides(deck, {slide: 12})).toEqual([deck.slides[11]]);
		expect(selectSlides(deck, {slide: deck.slides.length + 1})).toEqual([]);
		for (const name of ['sanctuary', 'Sanctuary cities', 'sanct']) {
			expect(selectSlides(deck, {section: name})).toEqual(inside);
		}

		expect(selectSlides(deck, {section: 'no such section'})).toEqual([]);
		expect(selectSlides(deck)).toBe(deck.slides);
	});

	test('--section NAME --print prints only that section, --slide N --print only that slide', async () => {
		const sanctuary = findSection(deck, 'sanctuary')!;
		const inside = deck.slides.slice(sanctuary.start, sanctuary.start + sanctuary.count);
		let {stdout, code} = await piped(['--section', 'sanctuary', '--print']);
		expect(code).toBe(0);
		expect(stdout).toBe(deckText(deck, {slides: inside}));
		for (const slide of deck.slides) {
			expect(stdout.split('\n').includes(slide.title), slide.title).toBe(inside.includes(slide));
		}

		expect(stdout).not.toMatch(/^Contents$/m);
		({stdout, code} = await piped(['--slide', '12', '--print', '--notes']));
		expect(code).toBe(0);
		expect(stdout).toBe(deckText(deck, {slides: [deck.slides[11]!], showNotes: true}));
		expect(stdout.match(/^ {2}Article ¶.*$/gm)).toEqual([`  ${slideCitation(deck.slides[11]!)}`]);
		expect(stdout).toContain(deck.slides[11]!.notes.slice(0, 20));
	});

	test('the bin prints the same list', async () => {
		const {stdout} = await piped(['--list']);
		expect(stdout).toBe(listText(deck));
	});
});

describe('the bin without a terminal', () => {
	test('stdout and stdin pipes: the whole deck, no escape bytes, nothing on stderr', async () => {
		const {stdout, stderr} = await piped([]);
		expect(stdout).toBe(deckText(deck));
		expect(stdout).not.toMatch(controlBytes);
		expect(stderr).toBe('');
	});

	test('NO_COLOR, FORCE_COLOR=3 and --print --notes stay free of escape bytes', async () => {
		for (const [args, env] of [
			[['--print'], {NO_COLOR: '1', FORCE_COLOR: undefined}],
			[['--print', '--notes'], {FORCE_COLOR: '3'}],
			[['--theme', 'high-contrast'], {FORCE_COLOR: '1', COLORFGBG: '0;15'}],
		] as const) {
			const {stdout} = await piped(args, env);
			expect(stdout, args.join(' ')).not.toMatch(controlBytes);
			expect(stdout).toBe(deckText(deck, {showNotes: args.includes('--notes' as never)}));
		}
	});

	test.each([
		['head -1', (title: string) => `${title}\n`],
		// `true` reads nothing and leaves at once: the deck meets a closed pipe (EPIPE).
		['true', () => ''],
	])('| %s ends quietly: exit 0, no trace', async (reader, expected) => {
		const child = spawn('bash', ['-c', `"${process.execPath}" dist/cli.js --print | ${reader}; echo "status \${PIPESTATUS[0]}"`], {
			env: childEnv(),
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
		});
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		await new Promise(resolve => child.on('close', resolve));
		expect(stdout).toBe(`${expected(deck.title)}status 0\n`);
		expect(stderr).toBe('');
	});
});

describe('what "¶" means is said only where a slide cites a paragraph', () => {
	const deckOf = (name: string) => parseMarkdownDeck(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')).deck;

	test('a deck whose slides cite none (its source names no text) says nothing of ¶ in any handout', () => {
		const wide = deckOf('wide-text.md');
		expect(wide.slides.every(slide => slide.paragraphs.length === 0)).toBe(true);
		for (const handout of [deckText(wide), deckMarkdown(wide), deckHtml(wide)]) {
			expect(handout).not.toContain('¶');
		}

		expect(deckHtml(wide)).toContain('Source: 测试日报');
	});

	test('a deck that cites says it, in the words of its kind', () => {
		const report = deckOf('library-report.md');
		expect(squash(deckText(report))).toContain('“¶ 13” means paragraph 13 of the report.');
		expect(deckHtml(report)).toContain('Paragraph numbers (¶) count the report’s paragraphs');
	});
});
