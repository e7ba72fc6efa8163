import {describe, expect, test} from 'vitest';
import {deck as builtIn} from '../slides/index.js';
import {blockMarkdown} from '../source/deck/markdown.js';
import {indentLines as indentSegments, seg} from '../source/text/lines.js';
import {deckToMarkdown} from '../source/outputs/export-deck.js';
import {paragraphsText} from '../source/check-command.js';
import {parseMarkdownDeck} from '../source/markdown/parse-deck.js';
import {bigWidth, wrapBig} from '../source/layout/big-text.js';
import {fit, indentLines, packWords, textWidth, wrap} from '../source/text/wrap.js';

describe('wrap: the one word wrapper', () => {
	test('breaks at whitespace, each line at most the width, the words kept in order', () => {
		const text = 'Homeland Security Secretary Alejandro Mayorkas held a virtual town hall with ICE employees';
		for (const width of [1, 5, 12, 20, 40, 200]) {
			const lines = wrap(text, width);
			// Below the longest word (9) words are broken: the characters stay, in order.
			expect(width >= 9 ? lines.join(' ') : lines.join('')).toBe(width >= 9 ? text : text.replaceAll(' ', ''));
			for (const line of lines) {
				expect(textWidth(line)).toBeLessThanOrEqual(Math.max(1, width));
			}
		}

		expect(wrap('a  b\tc\nd', 3)).toEqual(['a b', 'c d']);
		expect(wrap('   ', 10)).toEqual(['']);
	});

	test('a word longer than a line is broken, or stands whole with breakLongWords: false', () => {
		expect(wrap('see https://example.com/a/long/path now', 10)).toEqual(['see', 'https://ex', 'ample.com/', 'a/long/pat', 'h now']);
		expect(wrap('see https://example.com/a/long/path now', 10, {breakLongWords: false})).toEqual(['see', 'https://example.com/a/long/path', 'now']);
	});

	test('counts characters, not UTF-16 units', () => {
		expect(wrap('“é” — ok', 5)).toEqual(['“é” —', 'ok']);
		expect(textWidth('𝐀𝐁')).toBe(2);
	});
});

describe('packWords: the packer under every wrapper', () => {
	test('packs whole words (a key name with spaces in it too), one too wide on its own line', () => {
		expect(packWords(['gg (g twice)', 'Home', 'PageUp', 'k'], 12)).toEqual(['gg (g twice)', 'Home PageUp', 'k']);
		expect(packWords(['wide-word', 'a'], 4)).toEqual(['wide-word', 'a']);
		expect(packWords([], 10)).toEqual([]);
	});

	test('big letters: measured in big columns, no line wider, undefined when a word cannot fit', () => {
		const lines = wrapBig('ICE TOWN HALL', bigWidth('TOWN HALL'));
		expect(lines).toEqual(['ICE TOWN', 'HALL']);
		expect(wrapBig('MAYORKAS', bigWidth('MAYORKAS') - 1)).toBeUndefined();
	});
});

describe('fit: text cut to a width', () => {
	test('keeps what fits, cuts with an ellipsis, never wider than the width', () => {
		expect(fit('Sections', 8)).toBe('Sections');
		expect(fit('Sections', 7)).toBe('Sectio…');
		expect(fit('Sections', 1)).toBe('…');
		expect(fit('Sections', 0)).toBe('');
		expect(fit('Sections', -3)).toBe('');
		expect(fit('“Quote”', 3)).toBe('“Q…');
	});
});

describe('indentLines: one indent for text lines and lines of segments', () => {
	test('moves lines right, empty lines stay empty', () => {
		expect(indentLines(['a', '', 'b'], '  ')).toEqual(['  a', '', '  b']);
		expect(indentSegments([[seg('a', 'body')], []], 3)).toEqual([[seg('   ', 'body'), seg('a', 'body')], []]);
	});
});

describe('the one Markdown writer', () => {
	test('the deck file and the memo write the same blocks alike but where the deck file is read back', () => {
		const blocks = builtIn.slides.flatMap(slide => slide.blocks);
		const same = blocks.filter(block => ['lead', 'source', 'bullets', 'fact', 'timeline'].includes(block.kind));
		expect(same.length).toBeGreaterThan(0);
		for (const block of same) {
			expect(blockMarkdown(block, 'deck')).toBe(blockMarkdown(block, 'memo'));
		}

		expect(blockMarkdown({kind: 'text', text: 'Table: a word'}, 'deck')).toBe(String.raw`Table\: a word`);
		expect(blockMarkdown({kind: 'text', text: 'Table: a word'}, 'memo')).toBe('Table: a word');
	});

	test('speaker notes with a word longer than the comment\'s line come back word for word', () => {
		const address = `https://example.com/${'x'.repeat(120)}`;
		const notes = `Read ${address} before the talk, ${'and more words '.repeat(12).trim()}.`;
		const deck = parseMarkdownDeck(`---\ntitle: T\noutlet: O\ndate: D\nauthor: A\n---\n\n# S\n\n## A\n\nWords.\n\n<!-- speaker_note: ${notes} -->\n`).deck;
		const written = deckToMarkdown(deck);
		expect(written).toContain(`\n${address}\n`);
		expect(written.split('\n').filter(line => line !== address).every(line => line.length <= 96)).toBe(true);
		expect(parseMarkdownDeck(written).deck.slides[0]?.notes).toBe(notes);
	});
});

describe('briefing paragraphs', () => {
	test('wraps at the width without breaking a long word', () => {
		const address = `https://example.com/${'y'.repeat(90)}`;
		const text = paragraphsText(`First paragraph with a few words to wrap at twenty.\n\nSee ${address} here.\n`, 24);
		expect(text).toBe(`1  First paragraph with\n   a few words to wrap\n   at twenty.\n\n2  See\n   ${address}\n   here.\n`);
	});
});
