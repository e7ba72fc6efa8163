import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {expect, test} from 'vitest';
import {sizedDeck} from '../bench/decks.mjs';
import {goTo} from '../helpers/go-to.js';
import {endAfterEach, spawnBin} from '../helpers/pty.js';

/**
A show reads a deck of up to 64 KiB whole before it starts, so any mistake refuses it at once. A larger
deck is read lazily (docs/performance.md): a mistake the line scan finds (a structure error, a limit)
refuses the show at start with exit 2, as --list does; a mistake in a later slide's body is found by
the reading ahead and said with its line while the show runs, and that slide says it could not be read.
*/
const {sessions, folder} = endAfterEach();

test('a deck whose structure is broken far down refuses the show at start, exit 2 and FILE:LINE:COL', {timeout: 30_000}, async () => {
	const file = path.join(folder('brf-lazy-'), 'deck.md');
	const text = sizedDeck(400).replace('# Part 31\n', '# Part 31\n\nWords outside any slide.\n');
	writeFileSync(file, text);
	const line = text.split('\n').indexOf('Words outside any slide.') + 1;
	const show = spawnBin([file], {size: {columns: 100, rows: 30}});
	sessions.push(show);
	expect((await show.waitForExit()).code).toBe(2);
	expect(show.output()).toContain(`deck.md:${line}:1: This is outside any slide`);
});

test('a deck of up to 64 KiB with a mistake in a later slide\'s body refuses the show at start', {timeout: 30_000}, async () => {
	const file = path.join(folder('brf-lazy-'), 'deck.md');
	const text = sizedDeck(60).replace(/(## Slide 40:[^\n]*\n)/, '$1\n<!-- nope: x -->\n');
	expect(text.length).toBeLessThan(64 * 1024);
	writeFileSync(file, text);
	const line = text.split('\n').indexOf('<!-- nope: x -->') + 1;
	const show = spawnBin([file, '--no-reveal'], {size: {columns: 100, rows: 30}});
	sessions.push(show);
	expect((await show.waitForExit()).code).toBe(2);
	expect(show.output()).toContain(`deck.md:${line}:1:`);
});

test('in a larger deck, a mistake in a later slide\'s body is said while the show runs, with its line; the slide says it could not be read', {timeout: 40_000}, async () => {
	const file = path.join(folder('brf-lazy-'), 'deck.md');
	const text = sizedDeck(300).replace(/(## Slide 250:[^\n]*\n)/, '$1\n<!-- nope: x -->\n');
	expect(text.length).toBeGreaterThan(64 * 1024);
	writeFileSync(file, text);
	const line = text.split('\n').indexOf('<!-- nope: x -->') + 1;
	const show = spawnBin([file, '--no-reveal'], {size: {columns: 100, rows: 30}});
	sessions.push(show);
	await show.waitFor(() => show.screen().includes(`deck.md not reloaded (line ${line})`), 'the mark in the footer');
	await goTo(show, 250);
	await show.waitFor(() => show.screen().includes('This slide could not be read'), 'slide 40');
	expect(show.screen()).toContain(`(line ${line}, column 1)`);
});
