import {readFileSync} from 'node:fs';
import {fc, test} from '@fast-check/vitest';
import stringWidth from 'string-width';
import {describe, expect} from 'vitest';
import {cellWidth, cutCells, graphemes, isNarrowText, isSimpleText} from '../source/text/cells.js';
import {fit, padCells, textWidth, wrap} from '../source/text/wrap.js';
import {parseMarkdownDeck} from '../source/markdown/parse-deck.js';
import {deckToMarkdown} from '../source/outputs/export-deck.js';

/**
Terminal cells (source/text/cells.ts): every measure counts the columns string-width gives, the package
Ink measures with; narrow and simple wide text are measured without it, and are held to it here.
*/
const segmenter = new Intl.Segmenter();
const segments = (text: string) => [...segmenter.segment(text)].map(({segment}) => segment);

/** Every character (of the basic plane and the next) that cells.ts measures without string-width, the wide ones (CJK, emoji) apart. */
const simple = Array.from({length: 0x2_00_00}, (_, code) => String.fromCodePoint(code)).filter(character => isSimpleText(character));
const wide = simple.filter(character => !isNarrowText(character));

/** Graphemes of every kind a deck may hold. */
const family = '👨\u200D👩\u200D👧';
const kinds = ['a', 'Z', ' ', 'é', 'e\u0301', 'i\u0308', '字', '漢', 'の', 'ア', '한', '。', '，', '「', '」', '😀', '🎉', family, '❤️', '☺', '🇯🇵', '\u200B', '−', '─', 'ｱ', 'ﾞ', '\u1100\u1161'];
const mixed = fc.array(fc.constantFrom(...kinds), {maxLength: 40}).map(parts => parts.join(''));

describe('the simple wide characters', {timeout: 30_000}, () => {
	test('are two columns each to string-width', {timeout: 60_000}, () => {
		expect(wide.length).toBeGreaterThan(30_000);
		expect(wide.filter(character => character.length === 2).length).toBeGreaterThan(900);
		expect(wide.filter(character => stringWidth(character) !== 2 || cellWidth(character) !== 2)).toEqual([]);
	});

	test('are each a grapheme of their own beside any simple character', () => {
		// Each text below puts every wide character beside another simple one, each in another order.
		for (const order of [simple, simple.toReversed(), wide.map(character => `a${character}`), wide.map(character => `${character}字`), wide.map(character => character + character)]) {
			// In pieces of a thousand: the segmenter is slow on one long text.
			for (let at = 0; at < order.length; at += 1000) {
				const text = order.slice(at, at + 1000).join('');
				expect(segments(text).length, text.slice(0, 20)).toBe([...text].length);
			}
		}
	}, 60_000);
});

describe('cellWidth and graphemes', () => {
	test.prop([mixed], {seed: 20_210_406, numRuns: 500})('agree with string-width on text of every kind, grapheme by grapheme', text => {
		expect(cellWidth(text)).toBe(stringWidth(text));
		const cells = graphemes(text);
		expect(cells.map(cell => cell.text).join('')).toBe(text);
		expect(cells.map(cell => cell.text)).toEqual(segments(text));
		expect(cells.reduce((sum, cell) => sum + cell.width, 0)).toBe(stringWidth(text));
	});

	test('count what a terminal shows', () => {
		expect(textWidth('字字 字字')).toBe(9);
		expect(textWidth(family)).toBe(2);
		expect(textWidth('cafe\u0301')).toBe(4);
		expect(textWidth('a\u200Bb')).toBe(2);
		expect(textWidth('❤️')).toBe(2);
		expect(textWidth('𝐀𝐁')).toBe(2);
	});

	test.prop([mixed, fc.integer({min: 0, max: 30})], {seed: 20_210_406, numRuns: 300})('cutCells keeps whole graphemes within the width', (text, width) => {
		const cut = cutCells(text, width);
		expect(text.startsWith(cut.text)).toBe(true);
		expect(cut.width).toBe(stringWidth(cut.text));
		expect(cut.width).toBeLessThanOrEqual(width);
		// Only a wide grapheme (or none) is left out at the edge.
		const next = graphemes(text.slice(cut.text.length))[0];
		expect(next === undefined || cut.width + next.width > width).toBe(true);
	});
});

describe('wrap in cells', () => {
	test('a bullet of 字字 twenty times wraps within the width, every group kept', () => {
		const text = Array.from({length: 20}, () => '字字').join(' ');
		const lines = wrap(text, 70);
		expect(lines.every(line => textWidth(line) <= 70)).toBe(true);
		expect(lines.join(' ')).toBe(text);
		expect(lines).toHaveLength(2);
	});

	test('East Asian text without spaces breaks between characters, never before a closing mark', () => {
		const notes = '注'.repeat(200);
		const lines = wrap(notes, 73);
		expect(lines.join('')).toBe(notes);
		expect(lines.every(line => textWidth(line) <= 73)).toBe(true);
		expect(lines[0]).toBe('注'.repeat(36));
		const sentence = '日本語の文章は単語の間にスペースを入れずに続きます。これは折り返しの試験です。';
		for (const width of [10, 11, 17, 23, 40]) {
			const parts = wrap(sentence, width);
			expect(parts.join('')).toBe(sentence);
			expect(parts.every(part => textWidth(part) <= width && !/^[。、]/.test(part))).toBe(true);
		}

		expect(wrap('「東京」です', 4)).toEqual(['「東', '京」', 'です']);
	});

	test('mixed text keeps its spaces, its emoji sequences and accents whole, and no wide character straddles the edge', () => {
		expect(wrap(`ab字 ${family} cafe\u0301`, 3)).toEqual(['ab', '字', family, 'caf', 'e\u0301']);
		expect(wrap('Mayorkas 说 ICE 的使命', 12)).toEqual(['Mayorkas 说', 'ICE 的使命']);
		expect(wrap('a字', 1)).toEqual(['a', '字']);
	});

	// A grapheme is at most three columns wide (字 with a halfwidth voiced mark, ﾞ): from three on, every one fits a line.
	test.prop([mixed, fc.integer({min: 3, max: 30})], {seed: 20_210_406, numRuns: 300})('no line wider than the width, no grapheme lost', (text, width) => {
		const lines = wrap(text, width);
		expect(lines.every(line => stringWidth(line) <= width)).toBe(true);
		expect(squeezed(lines.join(''))).toBe(squeezed(text));
	});

	test('breakLongWords: false breaks only at spaces, so joining the lines with spaces gives the text back', () => {
		const notes = `${'注'.repeat(60)} 和 ${'字'.repeat(10)}`;
		expect(wrap(notes, 40, {breakLongWords: false})).toEqual(['注'.repeat(60), `和 ${'字'.repeat(10)}`]);
	});
});

/** Text without its whitespace (wrap turns runs of it into line breaks or single spaces). */
function squeezed(text: string): string {
	return text.replaceAll(/\s+/g, '');
}

describe('fit and padCells in cells', () => {
	test('a title is cut by columns, a wide character never cut in half', () => {
		expect(fit('第一部分', 8)).toBe('第一部分');
		expect(fit('第一部分', 7)).toBe('第一部…');
		expect(fit('第一部分', 6)).toBe('第一…');
		expect(fit('a字b', 3)).toBe('a…');
		expect(fit(`${family}${family}`, 3)).toBe(`${family}…`);
		expect(textWidth(fit('字'.repeat(30), 11))).toBeLessThanOrEqual(11);
	});

	test('pads to columns', () => {
		expect(padCells('字', 4)).toBe('字  ');
		expect(padCells('字字字', 4)).toBe('字字字');
	});
});

describe('a deck in Chinese, Japanese and emoji', () => {
	test('comes back from --export deck with its notes word for word (notes of 200 wide characters stand on one line)', () => {
		const written = parseMarkdownDeck(readFileSync(new URL('fixtures/wide-text.md', import.meta.url), 'utf8')).deck;
		const again = parseMarkdownDeck(deckToMarkdown(written)).deck;
		expect(again.slides.map(slide => slide.notes)).toEqual(written.slides.map(slide => slide.notes));
		expect(again.slides.map(slide => slide.blocks)).toEqual(written.slides.map(slide => slide.blocks));
		expect(written.slides[1]?.notes).toBe('注'.repeat(200));
	});
});
