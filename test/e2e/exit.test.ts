import {execFileSync} from 'node:child_process';
import process from 'node:process';
import {describe, expect, test} from 'vitest';
import {cpSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {counter, deckTitleStart} from '../helpers/deck-facts.js';
import {bin, binCommand, esc, isRunning, type Session, spawnBin, spawnScript, waitUntil, endAfterEach} from '../helpers/pty.js';

/** Exit paths of the built bin in a real pty: code, screen, cursor, termios, no process left. */
const {sessions} = endAfterEach();

async function start(args: readonly string[] = ['--slide', '3'], env: Record<string, string> = {}) {
	const session = spawnBin(args, {wrap: true, env});
	sessions.push(session);
	await session.waitForText(counter(3));
	const pid = session.programPid();
	if (pid === undefined) {
		throw new Error('no program under the shell');
	}

	return {session, pid};
}

/** The five checks of "restored", after the program has ended in the same pty. */
async function expectRestored(session: Session, pid: number, code: number) {
	expect(await session.wrappedCode()).toBe(code);
	const modes = await session.sttyModes();
	expect(modes.has('echo')).toBe(true);
	expect(modes.has('icanon')).toBe(true);
	expect(modes.has('isig')).toBe(true);
	expect(session.bufferType).toBe('normal');
	expect(session.cursorShown()).toBe(true);
	// Bracketed paste, on while the show has the terminal, is off again.
	expect(session.term.modes.bracketedPasteMode).toBe(false);
	expect(session.count(esc.leaveAlternate)).toBe(1);
	expect(session.screen()).not.toContain(deckTitleStart);
	expect(isRunning(pid)).toBe(false);
}

/** After a failure: exit 1, the terminal given back, and what the program printed before the shell's RC line. */
async function expectFailedCleanly(session: Session): Promise<string[]> {
	expect(await session.wrappedCode()).toBe(1);
	const modes = await session.sttyModes();
	expect(modes.has('echo') && modes.has('icanon')).toBe(true);
	expect(session.bufferType).toBe('normal');
	expect(session.cursorShown()).toBe(true);
	return session.all().split(/RC=\d+/)[0]!.trim().split('\n').filter(Boolean);
}

describe.sequential('every way out gives the terminal back', {timeout: 30_000}, () => {
	test('q exits 0', async () => {
		const {session, pid} = await start();
		session.write('q');
		await expectRestored(session, pid, 0);
	});

	test('Ctrl+C exits 0', async () => {
		const {session, pid} = await start();
		session.write('\u0003');
		await expectRestored(session, pid, 0);
	});

	// The signals that end the show (source/terminal/signals.ts), each with 128 + its number.
	for (const [signal, code] of [
		['SIGTERM', 143],
		['SIGHUP', 129],
		['SIGINT', 130],
		['SIGQUIT', 131],
		['SIGUSR2', 140],
		['SIGALRM', 142],
		['SIGXCPU', 152],
		['SIGVTALRM', 154],
		['SIGPROF', 155],
		['SIGABRT', 134],
		['SIGPWR', 158],
	] as const) {
		test(`kill -${signal.slice(3)} from outside exits ${code}`, async () => {
			const {session, pid} = await start();
			process.kill(pid, signal);
			await expectRestored(session, pid, code);
		});
	}

	test('USR1, IO (POLL) and XFSZ are ignored while presenting: the show answers the next key, on a clean screen', async () => {
		const {session, pid} = await start();
		// One at a time, each answered by a key: signal-exit in Ink would end the show with 0 on SIGIO.
		for (const [signal, slide] of [['SIGUSR1', 4], ['SIGIO', 5], ['SIGXFSZ', 6]] as const) {
			process.kill(pid, signal);
			session.write(String(slide));
			await session.waitForText(`go to ${slide}`);
			session.write('\r');
			await session.waitForText(counter(slide));
		}

		expect(isRunning(pid)).toBe(true);
		// Node's debugger, which USR1 would start, printed nothing over the slide.
		expect(session.all()).not.toContain('Debugger');
		session.write('q');
		await expectRestored(session, pid, 0);
	});

	test('a second SIGTERM during shutdown changes nothing', async () => {
		const {session, pid} = await start();
		process.kill(pid, 'SIGTERM');
		try {
			process.kill(pid, 'SIGTERM');
		} catch {
			// Already gone: nothing to change either.
		}

		await expectRestored(session, pid, 143);
	});

	test('an error thrown while rendering: exit 1, one line on stderr, no stack', async () => {
		const session = spawnBin([], {wrap: true, env: {BRIEFING_FAULT: 'render'}});
		sessions.push(session);
		expect(await expectFailedCleanly(session)).toEqual(['briefing: a fault thrown while rendering, on request (BRIEFING_FAULT=render)']);
		// Nothing of Ink's reaches the primary screen after the alternate screen was left.
		const after = session.log.slice(session.log.indexOf(esc.leaveAlternate));
		expect(after).not.toContain(esc.eraseScreen);
		expect(after).not.toContain(esc.syncStart);
	});

	test('a file of dist/ gone, found only as Ink loads after the first frame: exit 1, one line, the terminal given back', async () => {
		const copy = mkdtempSync(path.join(tmpdir(), 'briefing-broken-'));
		try {
			cpSync(path.dirname(bin), path.join(copy, 'dist'), {recursive: true});
			rmSync(path.join(copy, 'dist/vendor.js'));
			// Wide enough for the message's path on one line.
			const session = spawnScript(`${[process.execPath, path.join(copy, 'dist/cli.js')].join(' ')}; echo "RC=$?"; stty -a`, {size: {columns: 200, rows: 30}});
			sessions.push(session);
			const before = await expectFailedCleanly(session);
			expect(session.count(esc.leaveAlternate)).toBe(1);
			expect(before).toHaveLength(1);
			expect(before[0]).toMatch(/^briefing: .*vendor\.js/);
		} finally {
			rmSync(copy, {recursive: true, force: true});
		}
	});

	test('with --debug the error brings its stack', async () => {
		const session = spawnBin(['--debug'], {wrap: true, env: {BRIEFING_FAULT: 'render'}});
		sessions.push(session);
		expect(await session.wrappedCode()).toBe(1);
		expect(session.all()).toMatch(/BRIEFING_FAULT=render\)\s*\n\s*Error: a fault[\s\S]*\n\s+at /);
	});

	test('stderr redirected to a file gets the message and no escape bytes', async () => {
		const log = `/tmp/briefing-e2e-${process.pid}.err`;
		const session = spawnScript(`${binCommand([], ` 2>${log}`)}; echo "RC=$?"`, {env: {BRIEFING_FAULT: 'render'}});
		sessions.push(session);
		expect(await session.wrappedCode()).toBe(1);
		expect(session.bufferType).toBe('normal');
		const text = readFileSync(log, 'utf8');
		rmSync(log, {force: true});
		expect(text).toBe('briefing: a fault thrown while rendering, on request (BRIEFING_FAULT=render)\n');
	});

	test('q after a clean run leaves nothing running under the name briefing', async () => {
		const {session, pid} = await start();
		session.write('q');
		await session.wrappedCode();
		await waitUntil(() => !isRunning(pid), 'the program to be gone');
		let found = '';
		try {
			found = execFileSync('pgrep', ['-x', '-s', String(session.pty.pid), 'briefing'], {encoding: 'utf8'});
		} catch {
			// pgrep exits 1 when nothing matches.
		}

		expect(found).toBe('');
	});
});
