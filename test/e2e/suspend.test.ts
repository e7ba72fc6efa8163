import process from 'node:process';
import {describe, expect, test} from 'vitest';
import {counter, deckTitleStart, revealSlide} from '../helpers/deck-facts.js';
import {binCommand, esc, processState, type Session, spawnBin, spawnShell, waitUntil, endAfterEach} from '../helpers/pty.js';

/** Ctrl+Z and fg in a job-control shell: the terminal goes back to the shell and is taken again. */
const {sessions} = endAfterEach();

/** What a fresh start shows at a size and slide: the screen a resume must equal. */
async function freshScreen(args: readonly string[], size: {columns: number; rows: number}, text: RegExp): Promise<string> {
	const fresh = spawnBin(args, {size});
	sessions.push(fresh);
	await fresh.waitForText(text);
	await fresh.flush();
	const screen = fresh.screen();
	fresh.dispose();
	return screen;
}

async function startInShell(args: readonly string[], text: RegExp) {
	const shell = spawnShell();
	sessions.push(shell);
	await shell.waitForText('$ ');
	shell.write(`${binCommand(args)}\r`);
	await shell.waitForText(text);
	const pid = shell.programPid();
	if (pid === undefined) {
		throw new Error('no program under the shell');
	}

	return {shell, pid};
}

async function expectStopped(shell: Session, pid: number) {
	await waitUntil(() => processState(pid).startsWith('T'), 'the program to stop');
	await shell.waitForText(/Stopped/);
	expect(shell.bufferType).toBe('normal');
	expect(shell.cursorShown()).toBe(true);
	// Bracketed paste, on while the show has the terminal, is off again before the shell says Stopped
	// (bash's own readline turns it on for its prompt after that).
	const beforeStopped = shell.log.slice(0, shell.log.lastIndexOf('Stopped'));
	expect(beforeStopped.lastIndexOf('\u001B[?2004l')).toBeGreaterThan(beforeStopped.lastIndexOf('\u001B[?2004h'));
	// The shell is usable: a command runs and the terminal is back in line mode.
	shell.write('stty -a\r');
	await shell.waitForText(/\bicanon\b[\s\S]*\bechoctl\b/);
	const modes = new Set(shell.all().split(/[\s;]+/));
	expect(modes.has('echo') && modes.has('icanon')).toBe(true);
}

describe.sequential('suspend and resume', {timeout: 30_000}, () => {
	test('Ctrl+Z stops with the terminal given back; fg repaints at the new size and the next key works', async () => {
		const {shell, pid} = await startInShell(['--slide', String(revealSlide.number)], counter(revealSlide.number));
		shell.write('\u001A');
		await expectStopped(shell, pid);
		const whileStopped = shell.log.length;
		const size = {columns: 100, rows: 30};
		shell.resize(size);
		shell.write('fg\r');
		await shell.waitFor(() => shell.bufferType === 'alternate', 'the alternate screen again');
		expect(processState(pid)).not.toMatch(/^T/);
		const expected = await freshScreen(['--slide', String(revealSlide.number)], size, counter(revealSlide.number));
		await shell.waitFor(() => shell.screen() === expected, 'the slide repainted at 100x30');
		expect(shell.cursorShown()).toBe(false);
		// Nothing but the shell's own echo came between the stop and fg's repaint.
		const between = shell.log.slice(whileStopped, shell.log.indexOf('\u001B[?1049h', whileStopped));
		expect(between).not.toContain(esc.syncStart);
		// Raw mode is back: → moves on at once, without Enter, and echoes nothing.
		shell.write('\u001B[C');
		await shell.waitForText(counter(revealSlide.number, 2));
		expect(shell.screen()).not.toContain('^[[C');
		shell.write('q');
		await shell.waitFor(() => shell.bufferType === 'normal', 'the program to quit');
		await waitUntil(() => processState(pid) === '', 'the program to end');
	});

	test('fg at the same size repaints the same frame', async () => {
		const {shell, pid} = await startInShell(['--slide', '2'], counter(2));
		await shell.flush();
		const before = shell.screen();
		shell.write('\u001A');
		await expectStopped(shell, pid);
		shell.write('fg\r');
		await shell.waitFor(() => shell.screen() === before, 'the same frame again');
		shell.write('q');
		await waitUntil(() => processState(pid) === '', 'the program to end');
	});

	test('with the footer clock running, nothing is drawn over the shell after fg before the screen is taken', async () => {
		const {shell, pid} = await startInShell(['--timer'], counter(1));
		shell.write('\u001A');
		await expectStopped(shell, pid);
		const stoppedAt = shell.log.length;
		// Stay stopped past a clock tick: the tick is due the moment the process runs again.
		const until = Date.now() + 1200;
		await waitUntil(() => Date.now() > until, 'a clock tick to fall due');
		shell.resize({columns: 90, rows: 26});
		shell.write('fg\r');
		await shell.waitFor(() => shell.bufferType === 'alternate', 'the alternate screen again');
		await shell.waitForText(counter(1));
		const beforeTaken = shell.log.slice(stoppedAt, shell.log.indexOf('\u001B[?1049h', stoppedAt));
		expect(beforeTaken).not.toContain(esc.syncStart);
		expect(beforeTaken).not.toContain(deckTitleStart);
		shell.write('q');
		await waitUntil(() => processState(pid) === '', 'the program to end');
	});

	test('kill -TSTP from outside suspends like Ctrl+Z; fg takes the screen back', async () => {
		const {shell, pid} = await startInShell(['--slide', String(revealSlide.number)], counter(revealSlide.number, 1));
		await shell.flush();
		const before = shell.screen();
		process.kill(pid, 'SIGTSTP');
		await expectStopped(shell, pid);
		shell.write('fg\r');
		await shell.waitFor(() => shell.screen() === before, 'the frame again after fg');
		shell.write('\u001B[D');
		await shell.waitForText(counter(revealSlide.number - 1, 'whole'));
		shell.write('\u0003');
		await waitUntil(() => processState(pid) === '', 'the program to end');
	});

	test('SIGTERM while stopped ends the program once it is continued', async () => {
		const {shell, pid} = await startInShell([], counter(1));
		shell.write('\u001A');
		await expectStopped(shell, pid);
		process.kill(pid, 'SIGTERM');
		process.kill(pid, 'SIGCONT');
		await waitUntil(() => processState(pid) === '', 'the program to end');
		expect(shell.bufferType).toBe('normal');
		expect(shell.cursorShown()).toBe(true);
	});
});
