import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {parseMarkdownDeck} from '../source/markdown/parse-deck.js';
import {exportDeck} from '../source/outputs/export.js';

/**
A deck saved on Windows (every line ending `\r\n`) is the same deck: every output of every fixture is
what the same file with `\n` gives, code and drawn blocks included (micromark keeps the `\r` in a code
block's value, and it showed as `␍` at each line's end).
*/
const folders = ['fixtures/', 'fixtures/formats/'];
const decks = folders.flatMap(folder =>
	readdirSync(new URL(folder, import.meta.url))
		.filter(name => name.endsWith('.md'))
		.map(name => ({name: folder + name, text: readFileSync(new URL(folder + name, import.meta.url), 'utf8')})),
);

const outputs = (text: string) => {
	const {deck} = parseMarkdownDeck(text, {name: 'deck.md'});
	return {
		txt: exportDeck(deck, 'txt', {showNotes: true}),
		md: exportDeck(deck, 'md', {showNotes: true}),
		html: exportDeck(deck, 'html', {showNotes: true}),
		deck: exportDeck(deck, 'deck'),
	};
};

describe('a deck saved with Windows line ends', () => {
	test('there are fixtures with code and drawn blocks to read', () => {
		expect(decks.some(({text}) => text.includes('```drawn'))).toBe(true);
		expect(decks.some(({text}) => /```python/.test(text))).toBe(true);
	});

	test.each(decks)('$name gives every output as with \\n line ends', ({text}) => {
		const windows = text.replaceAll('\n', '\r\n');
		const crlf = outputs(windows);
		expect(crlf).toEqual(outputs(text));
		expect(Object.values(crlf).join('')).not.toContain('␍');
	});
});
