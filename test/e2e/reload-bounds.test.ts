import {execFileSync} from 'node:child_process';
import {readFileSync, renameSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {expect, test} from 'vitest';
import {endAfterEach, type Session, spawnBin} from '../helpers/pty.js';

/**
Live reload against what a deck file can become while it is shown (issue 22): a deck that is slow to
parse (parsed in a worker thread, so the keys are read meanwhile), and a path swapped between a file,
a symbolic link to /dev/zero and a fifo (the file is opened once, checked and read from that
descriptor with a cap: nothing is read past the cap, and nothing waits on the fifo).
*/
const {sessions, folder} = endAfterEach();

const original = readFileSync(new URL('../fixtures/every-primitive.md', import.meta.url), 'utf8');
const frontMatter = original.slice(0, original.indexOf('---', 4) + 4);
const footer = (session: Session) => session.lines().filter(Boolean).at(-1) ?? '';

/** A new file, a link or a fifo made beside `file` and renamed over it, as an editor saves. */
function replace(file: string, make: (temporary: string) => void): void {
	const temporary = `${file}.new`;
	make(temporary);
	renameSync(temporary, file);
}

/** The show on slide 2: a key answered, so the live show (and its watch on the file) is up. */
async function start(file: string): Promise<Session> {
	writeFileSync(file, original);
	const session = spawnBin([file, '--no-reveal'], {size: {columns: 100, rows: 30}});
	sessions.push(session);
	await session.waitForText('A title with a starred word');
	session.write('\u001B[C');
	await session.waitFor(() => session.screen().includes('Bullets and a quote') && footer(session).includes('2/3'), 'slide 2');
	return session;
}

test('a deck that is slow to parse saved over the one shown: the next key still answers, on the deck shown', {timeout: 40_000}, async () => {
	const file = path.join(folder('brf-slow-'), 'deck.md');
	const session = await start(file);
	// About 960 KB of one-word bullets, within every limit: seconds of parsing.
	const slides = Array.from({length: 40}, (_, index) => `## Slow ${index + 1}\n\n${'- w\n'.repeat(6000)}`);
	replace(file, temporary => {
		writeFileSync(temporary, `${frontMatter}\n# Slow\n\n${slides.join('\n')}`);
	});
	await session.waitFor(() => footer(session).includes('reading deck.md…'), 'the reload to say it is reading');
	session.write('\u001B[D');
	// Slide 1 of the deck on screen, while the new one is still being read.
	await session.waitFor(() => session.screen().includes('A title with a starred word') && footer(session).includes('1/3'), 'slide 1 of the shown deck');
	expect(footer(session)).toContain('reading deck.md…');
	session.write('q');
	expect(await session.status()).toBe(0);
});

test('the deck swapped between a file, a link to /dev/zero and a fifo: each read is one line or the deck, memory stays small, q exits', {timeout: 60_000}, async () => {
	const directory = folder('brf-swap-');
	const file = path.join(directory, 'deck.md');
	const session = await start(file);
	for (let round = 0; round < 8; round++) {
		replace(file, temporary => {
			symlinkSync('/dev/zero', temporary);
		});
		await session.waitFor(() => footer(session).includes('deck.md: Not a regular file.'), `round ${round}: the link to /dev/zero refused`);
		replace(file, temporary => {
			writeFileSync(temporary, original.replace('## Bullets and a quote', `## Round ${round}`));
		});
		await session.waitFor(() => session.screen().includes(`Round ${round}`) && !footer(session).includes('not a regular'), `round ${round}: the file read`);
		replace(file, temporary => {
			execFileSync('mkfifo', [temporary]);
		});
		await session.waitFor(() => footer(session).includes('deck.md: Not a regular file.'), `round ${round}: the fifo refused`);
		replace(file, temporary => {
			writeFileSync(temporary, original.replace('## Bullets and a quote', `## Again ${round}`));
		});
		await session.waitFor(() => session.screen().includes(`Again ${round}`) && !footer(session).includes('not a regular'), `round ${round}: the file read again`);
	}

	// Peak memory: a show is about 60 MB; one read of /dev/zero up to the deck cap would add little, an uncapped one gigabytes.
	const peak = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${session.pty.pid}/status`, 'utf8'))?.[1]);
	expect(peak).toBeGreaterThan(0);
	expect(peak).toBeLessThan(200 * 1024);
	session.write('q');
	expect(await session.status()).toBe(0);
});
