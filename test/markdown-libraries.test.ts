import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {sizedDeck} from './bench/decks.mjs';
import {readLibrary, runLoaded} from './helpers/loaded.js';

/**
A deck the plain readers read whole (markdown/plain-tree.ts, plain-fields.ts) never loads the Markdown
libraries' file (dist/libs/markdown.js): their exports are getters that load it on first use. A deck
with anything else loads it, and both read the same.
*/
const directory = mkdtempSync(path.join(tmpdir(), 'briefing-libraries-'));

function list(text: string): {stdout: string; status: number | null; markdown: boolean} {
	const deck = path.join(directory, 'deck.md');
	writeFileSync(deck, text);
	const run = runLoaded([deck, '--list']);
	return {stdout: run.stdout, status: run.status, markdown: readLibrary(run, 'markdown')};
}

afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

describe('the Markdown libraries', () => {
	it('are not loaded for a plain deck, and are for a deck with emphasis in underscores, which lists the same', () => {
		const plain = sizedDeck(12);
		// Emphasis with underscores is left to micromark (plain-tree.ts reads only stars).
		const marked = plain.replace('## Slide 3: ', '## Slide 3: _').replace(/(## Slide 3: _[^\n]*)/, '$1_');
		const [first, second] = [list(plain), list(marked)];
		expect([first.status, first.markdown]).toEqual([0, false]);
		expect([second.status, second.markdown]).toEqual([0, true]);
		expect(second.stdout).toBe(first.stdout);
		expect(first.stdout.split('\n').length).toBeGreaterThan(12);
	});

	it('are loaded for front matter that is not plain, which reads as YAML', () => {
		const quoted = sizedDeck(3).replace('title: A generated deck', 'title: "A generated deck"');
		const result = list(quoted);
		expect([result.status, result.markdown]).toEqual([0, true]);
		expect(result.stdout).toBe(list(sizedDeck(3)).stdout);
	});
});
