import {MarkdownDeckError} from '../../source/markdown/inline.js';
import {formatDeckError} from '../../source/markdown/load.js';
import {parseMarkdownDeck} from '../../source/markdown/parse-deck.js';

/** The message a deck gets, as `deck.md:LINE:COLUMN: problem`, or `parsed` when it parses. */
export function deckFailure(text: string): string {
	try {
		parseMarkdownDeck(text);
	} catch (error: unknown) {
		if (error instanceof MarkdownDeckError) {
			return formatDeckError('deck.md', error);
		}

		throw error;
	}

	return 'parsed';
}
