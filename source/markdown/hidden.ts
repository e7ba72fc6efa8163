import type {Problem} from '../check/check.js';
import type {Deck} from '../deck/deck.js';
import {hiddenCharacters, hiddenMarks} from './inline.js';
import type {SlidePlaces} from './parse-deck.js';

/**
`briefing check`'s look for characters that can make a deck's text read other than it is (the
bidirectional controls and the zero-width characters that inline.ts shows as marks, `[RLO]`): one
problem per line that holds any, at that line, in the slide the line belongs to.
*/
const names: Readonly<Record<string, string>> = {
	'061C': 'ARABIC LETTER MARK',
	'200B': 'ZERO WIDTH SPACE',
	'200C': 'ZERO WIDTH NON-JOINER',
	'200D': 'ZERO WIDTH JOINER',
	'200E': 'LEFT-TO-RIGHT MARK',
	'200F': 'RIGHT-TO-LEFT MARK',
	'202A': 'LEFT-TO-RIGHT EMBEDDING',
	'202B': 'RIGHT-TO-LEFT EMBEDDING',
	'202C': 'POP DIRECTIONAL FORMATTING',
	'202D': 'LEFT-TO-RIGHT OVERRIDE',
	'202E': 'RIGHT-TO-LEFT OVERRIDE',
	'2060': 'WORD JOINER',
	'2066': 'LEFT-TO-RIGHT ISOLATE',
	'2067': 'RIGHT-TO-LEFT ISOLATE',
	'2068': 'FIRST STRONG ISOLATE',
	'2069': 'POP DIRECTIONAL ISOLATE',
	FEFF: 'ZERO WIDTH NO-BREAK SPACE',
};

/** `U+202E RIGHT-TO-LEFT OVERRIDE, shown as [RLO]`. */
function describe(character: string): string {
	const code = character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
	return `U+${code} ${names[code] ?? ''}, shown as [${hiddenMarks[character] ?? ''}]`;
}

/** The slide a line of the file belongs to: the last whose title is at or above it (the first for the front matter). */
function slideAt(places: readonly SlidePlaces[], line: number): number {
	let low = 0;
	let high = places.length - 1;
	while (low < high) {
		const middle = Math.ceil((low + high) / 2);
		if (places[middle]!.title <= line) {
			low = middle;
		} else {
			high = middle - 1;
		}
	}

	return low;
}

export function hiddenProblems(text: string, deck: Deck, places: readonly SlidePlaces[]): Array<Problem & {readonly line: number; readonly column: number}> {
	const problems: Array<Problem & {readonly line: number; readonly column: number}> = [];
	const lines = text.replace(/^\uFEFF/, '').split('\n');
	for (const [index, line] of lines.entries()) {
		const found = hiddenCharacters(line);
		if (found.length === 0) {
			continue;
		}

		const number = index + 1;
		const at = slideAt(places, number);
		const slide = deck.slides[at]!;
		problems.push({
			slideId: slide.id,
			slide: at + 1,
			field: places[at]?.title === number ? 'title' : 'body',
			kind: 'hidden-character',
			text: found.map(character => `[${hiddenMarks[character] ?? ''}]`).join(''),
			message: `line ${number} holds ${found.map(character => describe(character)).join(', ')}, which can make the text read other than it is; delete ${found.length === 1 ? 'it' : 'them'}`,
			line: number,
			column: [...line.slice(0, Math.max(0, line.indexOf(found[0]!)))].length + 1,
		});
	}

	return problems;
}
