import {expect, test} from 'vitest';
import type {Block} from '../source/deck/blocks.js';
import {blockMarkdown} from '../source/deck/markdown.js';
import {layoutBlock} from '../source/layout/layout.js';
import {parseMarkdownDeck} from '../source/markdown/parse-deck.js';
import {blockHtml} from '../source/outputs/export-html.js';
import {blockPlain} from '../source/outputs/print.js';
import {blockSpeech} from '../source/outputs/screen-reader.js';
import {lineText} from '../source/text/lines.js';
import {wrap} from '../source/text/wrap.js';

/**
A quote in its own language's quotation marks (« », „ “, 「 」…) is shown in them everywhere, not
wrapped again in English ones (“« … »”); the words inside are the quote's, as with “ ”.
*/
const head = '---\ntitle: T\n---\n\n# S\n\n## A\n\n';

function quoteOf(written: string): Extract<Block, {kind: 'quote'}> {
	const [block] = parseMarkdownDeck(`${head}> ${written}\n>\n> — A. Speaker\n`).deck.slides[0]!.blocks;
	expect(block?.kind).toBe('quote');
	return block as Extract<Block, {kind: 'quote'}>;
}

const nbsp = '\u00A0';

test.each([
	['« Nous ne reculerons pas »', 'Nous ne reculerons pas', `«${nbsp}`, `${nbsp}»`],
	[`«${nbsp}Sans espace fine${nbsp}»`, 'Sans espace fine', `«${nbsp}`, `${nbsp}»`],
	['«Ohne Leerzeichen»', 'Ohne Leerzeichen', '«', '»'],
	['„Wir schaffen das“', 'Wir schaffen das', '„', '“'],
	['„Nie pozwolimy”', 'Nie pozwolimy', '„', '”'],
	['»Dansk citat«', 'Dansk citat', '»', '«'],
	['「我们不会后退」', '我们不会后退', '「', '」'],
	['『引用の中』', '引用の中', '『', '』'],
	['‘Single marks’', 'Single marks', '‘', '’'],
])('%s: the words without the marks, the marks as written', (written, words, open, close) => {
	const quote = quoteOf(written);
	expect(quote.text).toBe(words);
	expect(quote.marks).toEqual([open, close]);
	const shown = `${open}${words}${close}`;
	expect(blockPlain(quote, 78).join('\n')).toContain(shown);
	expect(blockHtml(quote)).toContain(`<p>${shown}</p>`);
	// Read aloud, a no-break space is a space.
	expect(blockSpeech(quote, 1).join(' ').replaceAll(nbsp, ' ')).toContain(shown.replaceAll(nbsp, ' '));
	expect(layoutBlock(quote, 78, 1).map(line => lineText(line)).join('\n')).toContain(shown);
	// Written back as a deck, it reads back the same.
	expect(quoteOf(blockMarkdown(quote, 'deck').replace(/^> /, '').split('\n')[0]!)).toEqual(quote);
	expect(blockPlain(quote, 78).join('\n')).not.toContain(`“${shown}”`);
});

test('“ ” and " " stay the default: no marks stored, shown in “ ” as before', () => {
	for (const written of ['“English words”', '"Straight marks"']) {
		const quote = quoteOf(written);
		expect(quote.marks).toBeUndefined();
		expect(blockPlain(quote, 78).join('\n')).toContain(`“${quote.text}”`);
	}

	// No marks at all: the words as written, in “ ”.
	expect(blockPlain(quoteOf('Plain words'), 78).join('\n')).toContain('“Plain words”');
});

test('a no-break space never breaks a line: the marks stay with their words, 10 000 stays whole', () => {
	expect(wrap(`«${nbsp}Nous ne reculerons pas${nbsp}»`, 12)).toEqual([`«${nbsp}Nous ne`, 'reculerons', `pas${nbsp}»`]);
	expect(wrap(`un total de 10${nbsp}000 agents`, 14)).toEqual(['un total de', `10${nbsp}000 agents`]);
});
