import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {deck} from '../../slides/index.js';
import {binCommand, isRunning, spawnScript, waitUntil, endAfterEach} from '../helpers/pty.js';

/**
A real hang-up: the terminal itself goes away (the window is closed, the SSH link drops), so every
write and every terminal-mode call fails with EIO. Node's own terminal reset at exit aborts with an
assertion and a native stack on EIO; the program must end quietly instead.
*/
const {sessions, folders} = endAfterEach();

describe.sequential('when the terminal hangs up', {timeout: 30_000}, () => {
	test.each([
		['on a slide', [] as string[]],
		['with the footer clock ticking', ['--timer']],
	])('%s: the program ends without a crash report or a process left behind', async (_name, args) => {
		const folder = mkdtempSync(path.join(tmpdir(), 'briefing-hangup-'));
		folders.push(folder);
		const errors = path.join(folder, 'stderr.txt');
		// Under a shell, as a presenter runs it: the shell, not the program, leads the terminal's session.
		const session = spawnScript(`${binCommand(args, ` 2>${errors}`)}; true`);
		sessions.push(session);
		await session.waitForText(`1/${deck.slides.length}`);
		const pid = session.programPid();
		expect(pid).toBeDefined();
		expect(isRunning(pid!)).toBe(true);
		// Close our side of the pty: the kernel hangs the terminal up under the program.
		(session.pty as unknown as {destroy: () => void}).destroy();
		await waitUntil(() => !isRunning(pid!), 'the program to end after the hang-up');
		const stderr = readFileSync(errors, 'utf8');
		expect(stderr).not.toContain('Assertion failed');
		expect(stderr).not.toContain('Native stack trace');
		expect(stderr.trim()).toBe('');
	});
});
