import {afterEach, describe, expect, test} from 'vitest';
import {type Session, spawnBin} from '../helpers/pty.js';

/** Keys as a terminal sends them, through the pty, into the built bin. */
const sessions: Session[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});

describe.sequential('keys in a real terminal', {timeout: 30_000}, () => {
	test('→ PgDn Space ← PgUp End Home, 4 Enter, ? and Esc', async () => {
		const session = spawnBin([]);
		sessions.push(session);
		await session.waitForText('1/5');
		const steps: Array<[string, RegExp]> = [
			['\u001B[C', /2\/5(?! ·)/],
			['\u001B[6~', /3\/5 · 1\/3/],
			[' ', /3\/5 · 2\/3/],
			['\u001B[D', /3\/5 · 1\/3/],
			['\u001B[5~', /2\/5/],
			['\u001B[F', /5\/5/],
			['\u001B[H', /1\/5/],
			['4', /go to 4/],
			['\r', /4\/5/],
			['?', /Keys/],
			['\u001B', /^(?![\s\S]*Keys)[\s\S]*4\/5/],
		];
		for (const [key, expected] of steps) {
			session.write(key);
			await session.waitFor(() => expected.test(session.screen()), `${JSON.stringify(key)} to show ${String(expected)}`);
		}
	});

	test('a lone Esc, then q, quits with the terminal given back', async () => {
		const session = spawnBin(['--slide', '2']);
		sessions.push(session);
		await session.waitForText('2/5');
		// A typed number shows in the footer; a lone Esc clears it, so the screen shows when Ink took the
		// Esc as a key of its own. (Esc and q in one read are Alt+q, as in every terminal program.)
		session.write('3');
		await session.waitForText('go to 3');
		session.write('\u001B');
		await session.waitFor(() => !session.screen().includes('go to 3'), 'Esc to clear the typed number');
		expect(session.screen()).toContain('2/5');
		session.write('q');
		expect((await session.waitForExit()).code).toBe(0);
		expect(session.bufferType).toBe('normal');
		expect(session.cursorShown()).toBe(true);
	});
});
