import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {counter} from '../helpers/deck-facts.js';
import {waitUntilAnswering} from '../helpers/answering.js';
import {writeAndWaitRead} from '../helpers/read.js';
import {type Session, spawnBin, endAfterEach} from '../helpers/pty.js';

/**
A paste never presses a key, in a real terminal: pasted text that holds the end marker (`x ESC[201~ q`
would quit, `G` would jump to the end, `w` white the screen), in one read or split in two at every
byte. After each, the view is on its slide, not blank, running, and answers keys (a typed digit shows).
*/
const {sessions, folders} = endAfterEach();

const esc = '\u001B';
const start = 3;
const here = counter(start);

async function open(args: readonly string[] = []): Promise<Session> {
	const runtime = mkdtempSync(path.join(os.tmpdir(), 'brf-paste-'));
	folders.push(runtime);
	const session = spawnBin(['--slide', String(start), ...args], {env: {XDG_RUNTIME_DIR: runtime}});
	sessions.push(session);
	await session.waitFor(() => here.test(session.screen()), `slide ${start}`);
	await waitUntilAnswering(session, here);
	return session;
}

/**
The paste was read (writeAndWaitRead): one typed digit now shows at once. On a blank screen it would
bring the slide back instead, and show nothing typed; after a quit nothing shows at all.
*/
async function expectStill(session: Session, what: string): Promise<void> {
	session.write('5');
	await session.waitFor(() => session.screen().includes('go to 5'), `the typed digit after ${what}`);
	expect(session.exit, `quit after ${what}`).toBeUndefined();
	expect(session.screen(), `moved after ${what}`).toMatch(here);
	session.write(esc);
	await session.waitFor(() => !session.screen().includes('go to 5') && here.test(session.screen()), 'Esc to clear the digit');
}

/** What the terminal sends for pasted text: its own markers around it. */
const bracketed = (text: string) => `${esc}[200~${text}${esc}[201~`;

const pastes = [`x${esc}[201~q`, `${esc}[200~a${esc}[201~G`, `${esc}[201~w`, `${esc}[201~${esc}[200~${esc}[201~G`];

describe.sequential('a paste never presses a key', {timeout: 120_000}, () => {
	test('text holding the end marker, pasted in one read: the show stays on its slide', async () => {
		const session = await open();
		expect(session.term.modes.bracketedPasteMode).toBe(true);
		for (const text of pastes) {
			await writeAndWaitRead(session, bracketed(text));
			await expectStill(session, `pasting ${JSON.stringify(text)}`);
		}

		// The same bytes typed raw (no paste around them): nothing after an end marker in its read acts.
		for (const text of [`x${esc}[201~q`, `${esc}[200~a${esc}[201~G`]) {
			await writeAndWaitRead(session, text);
			await expectStill(session, `the bytes ${JSON.stringify(text)}`);
		}
	});

	test.each(pastes)('%j pasted and split in two at every byte: the show stays on its slide', async text => {
		const session = await open();
		const sent = bracketed(text);
		for (let at = 1; at < sent.length; at++) {
			// Two reads: the first is read before the second is written.
			await writeAndWaitRead(session, sent.slice(0, at));
			await writeAndWaitRead(session, sent.slice(at));
			await expectStill(session, `${JSON.stringify(sent.slice(0, at))} then ${JSON.stringify(sent.slice(at))}`);
		}
	});
});
