import {mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, expect, test, vi} from 'vitest';
import {watchDeck, type WatchUpdate} from '../source/markdown/watch.js';
import {poll} from './helpers/poll.js';

/** How many times the watcher has finished reading the deck file: "nothing reported" is checked after a read. */
const reads = vi.hoisted(() => ({done: 0}));
vi.mock('../source/markdown/load.js', async original => {
	const load = await original<typeof import('../source/markdown/load.js')>();
	return {
		...load,
		async readDeckText(...args: Parameters<typeof load.readDeckText>) {
			try {
				return await load.readDeckText(...args);
			} finally {
				reads.done++;
			}
		},
	};
});

/** The watcher on its own: what it reports for each kind of save. Waits poll with a deadline. */
const original = readFileSync(new URL('fixtures/every-primitive.md', import.meta.url), 'utf8');
const stops: Array<() => void> = [];
let directory = '';

afterEach(() => {
	for (const stop of stops.splice(0)) {
		stop();
	}

	rmSync(directory, {recursive: true, force: true});
});

async function until(check: () => boolean, what: string): Promise<void> {
	await poll(check, what, {timeoutMs: 5000});
}

function start() {
	directory = mkdtempSync(path.join(os.tmpdir(), 'brf-watch-'));
	const file = path.join(directory, 'deck.md');
	writeFileSync(file, original);
	const updates: WatchUpdate[] = [];
	stops.push(watchDeck(file, original, update => updates.push(update)));
	const titles = () => updates.map(update => ('deck' in update ? update.deck.slides[0]?.title : `problem: ${update.problem}`));
	return {file, updates, titles};
}

test('an editor\'s saves: in place, by rename, by delete and write; the same text again is no change', async () => {
	const {file, titles} = start();
	writeFileSync(file, original.replace('A title with', 'In place:'));
	await until(() => titles().length === 1, 'the in-place save');
	writeFileSync(`${file}.tmp`, original.replace('A title with', 'Renamed:'));
	renameSync(`${file}.tmp`, file);
	await until(() => titles().length === 2, 'the rename save');
	unlinkSync(file);
	writeFileSync(file, original.replace('A title with', 'Rewritten:'));
	await until(() => titles().length === 3, 'the delete-and-write save');
	// The same text again, and another file in the folder: nothing to report once the watcher has read it.
	const readsBefore = reads.done;
	writeFileSync(path.join(directory, 'other.md'), 'another file');
	writeFileSync(file, original.replace('A title with', 'Rewritten:'));
	await until(() => reads.done > readsBefore, 'the watcher to read the same text');
	expect(titles()).toHaveLength(3);
	writeFileSync(file, original.replace('A title with', 'Last:'));
	await until(() => titles().length === 4, 'the last save');
	expect(titles()).toEqual(['In place: a starred word', 'Renamed: a starred word', 'Rewritten: a starred word', 'Last: a starred word']);
});

test('a save before the watch began (between the show\'s first reading and its watch) is reported; an unchanged file is not', async () => {
	directory = mkdtempSync(path.join(os.tmpdir(), 'brf-watch-'));
	const file = path.join(directory, 'deck.md');
	writeFileSync(file, original.replace('A title with', 'Saved early:'));
	const updates: WatchUpdate[] = [];
	stops.push(watchDeck(file, original, update => updates.push(update)));
	await until(() => updates.length === 1, 'the early save');
	expect('deck' in updates[0]! && updates[0].deck.slides[0]?.title).toBe('Saved early: a starred word');

	const other = path.join(directory, 'same.md');
	writeFileSync(other, original);
	const readsBefore = reads.done;
	const unchanged: WatchUpdate[] = [];
	stops.push(watchDeck(other, original, update => unchanged.push(update)));
	await until(() => reads.done > readsBefore, 'the watcher to read the unchanged file');
	expect(unchanged).toEqual([]);
});

test('a broken save reports the problem with its place; the fix reports the deck', async () => {
	const {file, titles} = start();
	writeFileSync(file, original.replace('- First point', '- First point\n\n  > a quote in a bullet'));
	await until(() => titles().length === 1, 'the broken save');
	expect(titles()[0]).toMatch(/^problem: .*deck\.md:\d+:3: A list item holds one line/);
	writeFileSync(file, original);
	await until(() => titles().length === 2, 'the fix');
	expect(titles()[1]).toBe('A title with a starred word');
});
