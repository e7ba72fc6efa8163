import {describe, expect, it} from 'vitest';
import {deck} from '../slides/index.js';
import {deckToMarkdown} from '../source/markdown/export-deck.js';
import {parseMarkdownDeck} from '../source/markdown/parse-deck.js';
import {everyBlockDeck} from './helpers/every-block-deck.js';

describe('x', () => {
	it('built-in', () => {
		const text = deckToMarkdown(deck);
		const back = parseMarkdownDeck(text).deck;
		expect(back).toEqual(deck);
	});
	it('every block', () => {
		const text = deckToMarkdown(everyBlockDeck);
		console.log(text);
		const back = parseMarkdownDeck(text).deck;
		expect(back).toEqual(everyBlockDeck);
	});
});
