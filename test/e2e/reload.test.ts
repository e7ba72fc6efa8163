import {readFileSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {expect, test} from 'vitest';
import {endAfterEach, type Session, spawnBin} from '../helpers/pty.js';

/**
Live reload in a real terminal: the Markdown deck is edited under a running show (the audience view
and the presenter view at once), saved by rename, then broken, then fixed; both screens follow and
stay on their slide, and the broken file never takes the slides away.
*/
const {sessions, folder} = endAfterEach();

const original = readFileSync(new URL('../fixtures/every-primitive.md', import.meta.url), 'utf8');

/** An editor's save: a new file renamed over the old one. */
function saveByRename(file: string, text: string) {
	writeFileSync(`${file}.swp`, text);
	renameSync(`${file}.swp`, file);
}

const footer = (session: Session) => session.lines().filter(Boolean).at(-1) ?? '';

test('saving the deck reloads both views on the same slide; a broken save keeps the last good deck and says where', {timeout: 40_000}, async () => {
	const directory = folder('brf-reload-');
	const file = path.join(directory, 'deck.md');
	writeFileSync(file, original);
	const env = {XDG_RUNTIME_DIR: directory};
	const audience = spawnBin([file, '--no-reveal'], {size: {columns: 100, rows: 30}, env});
	sessions.push(audience);
	await audience.waitForText('A title with a starred word');
	audience.write('\u001B[C');
	await audience.waitFor(() => audience.screen().includes('Bullets and a quote') && footer(audience).includes('2/3'), 'slide 2');
	const presenter = spawnBin([file, '--presenter', '--no-reveal'], {size: {columns: 100, rows: 30}, env});
	sessions.push(presenter);
	await presenter.waitFor(() => presenter.screen().includes('slide 2/3'), 'the presenter view on slide 2');

	// A slide inserted before this one, and this one's title changed (its id stays): both views stay on it.
	const inserted = original
		.replace('# Words {#words}\n', '# Words {#words}\n\n## A new first slide {#new-first}\n\nNew words.\n\n---\n')
		.replace('## Bullets and a quote', '## Bullets and a quote, edited {#bullets-and-a-quote}');
	saveByRename(file, inserted);
	await audience.waitFor(() => audience.screen().includes('Bullets and a quote, edited') && footer(audience).includes('3/4'), 'the audience view to reload');
	await presenter.waitFor(() => presenter.screen().includes('Bullets and a quote, edited') && presenter.screen().includes('slide 3/4'), 'the presenter view to reload');

	// A broken save: the slides stay; the error, whole with its file and line, is in the presenter view;
	// the audience footer has only a short mark with the line, never the file's path.
	const broken = inserted.replace('New words.', 'New words.\n\n> “A quote with nobody to say it”');
	writeFileSync(file, broken);
	const line = broken.split('\n').indexOf('> “A quote with nobody to say it”') + 1;
	await audience.waitFor(() => footer(audience).includes(`deck.md not reloaded (line ${line})`), 'the mark in the audience footer');
	await presenter.waitFor(() => presenter.screen().includes(`deck.md:${line}:1: A quote needs its speaker`), 'the error in the presenter view');
	expect(audience.screen()).not.toContain(directory);
	expect(audience.screen()).not.toContain('quote needs');
	expect(audience.screen()).toContain('Bullets and a quote, edited');
	expect(footer(audience)).toContain('3/4');

	// Keys still work on the last good deck while the file is broken; then the fix clears the error.
	audience.write('\u001B[C');
	await audience.waitFor(() => audience.screen().includes('A table, a figure') && footer(audience).includes('4/4'), 'slide 4 on the last good deck');
	saveByRename(file, inserted.replace('## A table, a figure, a chart and a timeline {#figures}', '## Figures, fixed {#figures}'));
	await audience.waitFor(() => audience.screen().includes('Figures, fixed') && !footer(audience).includes('not reloaded'), 'the fixed deck');
	await presenter.waitFor(() => presenter.screen().includes('Figures, fixed') && !presenter.screen().includes('quote needs'), 'the presenter view fixed');
	expect(footer(audience)).toContain('4/4');
	expect(presenter.screen()).toContain('slide 4/4');
});
