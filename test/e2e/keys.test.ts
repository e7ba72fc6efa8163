import {describe, expect, test} from 'vitest';
import {counter, revealSlide, slideCount} from '../helpers/deck-facts.js';
import {spawnBin, endAfterEach} from '../helpers/pty.js';
import {writeAndWaitRead} from '../helpers/read.js';

/** Keys as a terminal sends them, through the pty, into the built bin. */
const {sessions} = endAfterEach();

describe.sequential('keys in a real terminal', {timeout: 30_000}, () => {
	test('→ PgDn ← Space PgUp, End Home, a typed number and Enter, ? and Esc', async () => {
		const reveal = revealSlide.number;
		const before = reveal - 1;
		// Two digits when the deck has ten slides or more: each shows in the footer as it is typed.
		const target = slideCount - 1;
		const session = spawnBin(['--slide', String(before)]);
		sessions.push(session);
		await session.waitForText(counter(before, 'whole'));
		const typed = [...String(target)].map((digit, at): [string, RegExp] => [digit, new RegExp(`go to ${String(target).slice(0, at + 1)}(?!\\d)`)]);
		const steps: Array<[string, RegExp]> = [
			['\u001B[C', counter(reveal, 1)],
			['\u001B[6~', counter(reveal, 2)],
			['\u001B[D', counter(reveal, 1)],
			[' ', counter(reveal, 2)],
			['\u001B[5~', counter(reveal, 1)],
			['\u001B[5~', counter(before, 'whole')],
			['\u001B[F', counter(slideCount)],
			['\u001B[H', counter(1)],
			...typed,
			['\r', counter(target)],
			['?', /Keys/],
			['\u001B', new RegExp(`^(?![\\s\\S]*Keys)[\\s\\S]*${counter(target).source}`)],
		];
		for (const [key, expected] of steps) {
			session.write(key);
			await session.waitFor(() => expected.test(session.screen()), `${JSON.stringify(key)} to show ${String(expected)}`);
		}
	});

	test('Space pressed twice in one read (a busy show) steps twice; a pasted word of key letters steps nothing', async () => {
		const session = spawnBin(['--no-reveal']);
		sessions.push(session);
		await session.waitForText(counter(1));
		session.write('  ');
		await session.waitForText(counter(3));
		// A paste ("jump", all key letters but one), then a sentinel →: the next frame is slide 4, so the paste moved nothing.
		await writeAndWaitRead(session, 'jjjk');
		session.write('\u001B[C');
		await session.waitFor(() => /\d+\/\d+/.test(session.lines().at(-1) ?? '') && !counter(3).test(session.screen()), 'the sentinel key');
		expect(session.screen()).toMatch(counter(4));
	});

	test('every screen (slide, menu, overview, help, blank, notes) reaches the terminal through the one writer: by position, never by Ink’s line erasing', async () => {
		const session = spawnBin(['--slide', '3']);
		sessions.push(session);
		await session.waitForText(counter(3));
		const start = session.log.length;
		const steps: Array<[string, (screen: string) => boolean]> = [
			['m', screen => screen.includes('Sections')],
			['\u001B[B', screen => screen.includes('Sections')],
			['\u001B', screen => !screen.includes('Sections')],
			['o', screen => screen.includes('Overview')],
			['o', screen => !screen.includes('Overview')],
			['?', screen => screen.includes('Keys')],
			['?', screen => !screen.includes('Keys')],
			['s', screen => screen.includes('Notes')],
			['b', screen => screen.trim() === ''],
			['x', screen => counter(3).test(screen)],
		];
		for (const [key, isShown] of steps) {
			session.write(key);
			await session.waitFor(() => isShown(session.screen()), `${JSON.stringify(key)} to change the screen`);
			// Every row is the frame's: the footer (or a blank screen) on the last one, nothing scrolled.
			expect(session.term.buffer.active.baseY).toBe(0);
		}

		// Ink writing to the terminal itself would erase its last frame line by line (ESC[2K, ESC[1A).
		const bytes = session.log.slice(start);
		expect(bytes).not.toMatch(/\u001B\[2K|\u001B\[1A/);
		expect(bytes).toMatch(/\u001B\[\d+;\d+H/);
	});

	test('a lone Esc, then q, quits with the terminal given back', async () => {
		const session = spawnBin(['--slide', '2']);
		sessions.push(session);
		await session.waitForText(counter(2));
		// A typed number shows in the footer; a lone Esc clears it, so the screen shows when Ink took the
		// Esc as a key of its own. (Esc and q in one read are Alt+q, as in every terminal program.)
		session.write('3');
		await session.waitForText('go to 3');
		session.write('\u001B');
		await session.waitFor(() => !session.screen().includes('go to 3'), 'Esc to clear the typed number');
		expect(session.screen()).toMatch(counter(2));
		session.write('q');
		expect((await session.waitForExit()).code).toBe(0);
		expect(session.bufferType).toBe('normal');
		expect(session.cursorShown()).toBe(true);
	});
});
