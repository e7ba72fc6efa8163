import {copyFileSync, existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {describe, expect, test} from 'vitest';
import {parseTimings, type TimingsStore} from '../../source/outputs/timings-file.js';
import {runBin} from '../helpers/bin.js';
import {endAfterEach, isRunning, root, spawnBin, waitUntil} from '../helpers/pty.js';

/** `--rehearse` in a real terminal: killed mid-way, it keeps what it recorded; `briefing timings` prints the plan. */
const {sessions, folder} = endAfterEach();
const fixture = path.join(root, 'test/fixtures/timed-deck.md');

function deckIn(prefix: string): {deck: string; timings: string} {
	const dir = folder(prefix);
	const deck = path.join(dir, 'deck.md');
	copyFileSync(fixture, deck);
	return {deck, timings: path.join(dir, 'deck.timings.json')};
}

function stored(file: string): TimingsStore | undefined {
	if (!existsSync(file)) {
		return undefined;
	}

	const parsed = parseTimings(readFileSync(file, 'utf8'));
	return 'problem' in parsed ? undefined : parsed;
}

/** Rehearses the deck to its third slide, in the given order of keys, and waits until the file has the first two. */
async function rehearseToNumbers(deck: string, timings: string) {
	const session = spawnBin([deck, '--rehearse'], {wrap: true});
	sessions.push(session);
	await session.waitForText('Why we are here.');
	const pid = session.programPid()!;
	session.write('\u001B[C');
	await session.waitForText('First point');
	session.write('\u001B[C');
	await session.waitForText('Second point');
	session.write('\u001B[C');
	await session.waitForText('Three figures.');
	// The write after leaving the plan slide holds both its steps (an earlier one may hold the first).
	await waitUntil(() => stored(timings)?.slides.get('plan')?.steps?.length === 3, 'the timings file to hold the plan slide, both steps');
	return {session, pid};
}

describe.sequential('a rehearsal that is killed keeps its timings', {timeout: 30_000}, () => {
	test('SIGKILL mid-way: the slides before it are in the file, whole', async () => {
		const {deck, timings} = deckIn('brf-timings-kill-');
		const {session, pid} = await rehearseToNumbers(deck, timings);
		process.kill(pid, 'SIGKILL');
		await waitUntil(() => !isRunning(pid), 'the rehearsal to end');
		expect(await session.wrappedCode()).toBe(137);
		const store = stored(timings);
		expect(store?.rehearsals).toBe(1);
		expect([...store!.slides.keys()]).toEqual(['welcome', 'plan']);
		// The plan slide went through both its steps.
		expect(store?.slides.get('plan')?.steps).toHaveLength(3);
		// Nothing half-written beside it.
		expect(readFileSync(timings, 'utf8').endsWith('}\n')).toBe(true);
	});

	test('SIGTERM mid-way: the terminal is given back and the slide still up is counted too', async () => {
		const {deck, timings} = deckIn('brf-timings-term-');
		const {session, pid} = await rehearseToNumbers(deck, timings);
		process.kill(pid, 'SIGTERM');
		expect(await session.wrappedCode()).toBe(143);
		expect(session.bufferType).toBe('normal');
		expect(session.cursorShown()).toBe(true);
		expect([...stored(timings)!.slides.keys()]).toEqual(['welcome', 'plan', 'numbers']);
	});

	test('r on the last slide, then q: the run that reached the end is the one rehearsal, every slide in it (q adds no false start)', async () => {
		const {deck, timings} = deckIn('brf-timings-restart-');
		const {session} = await rehearseToNumbers(deck, timings);
		session.write('\u001B[C');
		await session.waitForText('Who said what.');
		session.write('\u001B[C');
		await session.waitForText('Anything else?');
		await waitUntil(() => stored(timings)?.slides.has('people') === true, 'the timings file to hold the people slide');
		// R ends the run: it is written whole a moment later, the last slide with it (so kill -9 keeps it too).
		session.write('r');
		await waitUntil(() => stored(timings)?.slides.has('questions') === true, 'the ended run written');
		session.write('q');
		expect(await session.wrappedCode()).toBe(0);
		const store = stored(timings);
		expect(store?.rehearsals).toBe(1);
		expect([...store!.slides.keys()]).toEqual(['welcome', 'plan', 'numbers', 'people', 'questions']);
		expect([...store!.slides.values()].every(record => record.runs.length === 1)).toBe(true);
	});

	test('q after a second rehearsal: two runs per slide; a corrupt file is one line and is replaced', async () => {
		const {deck, timings} = deckIn('brf-timings-quit-');
		writeFileSync(timings, '{"briefing": "rehearsal timings", "version": 1, "deck": ');
		for (const run of [1, 2]) {
			const session = spawnBin([deck, '--rehearse', '--presenter'], {wrap: true});
			sessions.push(session);
			await session.waitForText('Say hello.');
			session.write('\u001B[C');
			await session.waitForText('slide 2/5');
			session.write('q');
			expect(await session.wrappedCode()).toBe(0);
			// The terminal wraps a long line: read the rows before the shell's RC line as one.
			const before = session.all().split(/RC=\d+/)[0]!.replaceAll('\n', '');
			expect(before.split('briefing:').length - 1).toBe(run === 1 ? 1 : 0);
			if (run === 1) {
				expect(before).toContain(`briefing: ${timings}: not a timings file (not JSON); ignored`);
			}
			expect(stored(timings)?.rehearsals).toBe(run);
		}

		expect(stored(timings)?.slides.get('welcome')?.runs).toHaveLength(2);
	});
});

describe('briefing timings', () => {
	test('the built-in deck: every slide\'s budget, the running total, 20:00 in all', async () => {
		const state = folder('brf-timings-state-');
		const {code, stdout, stderr} = await runBin(['timings'], {XDG_STATE_HOME: state});
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(stdout).toContain('Mayorkas and ICE: the town hall briefing (built-in deck): talk 20:00, no rehearsal yet');
		expect(stdout).toMatch(/ {2}1 {2}title +0:40 +- +- +0:40\n/);
		expect(stdout).toMatch(/ 32 {2}source +0:30 +- +- +20:00\n/);
		expect(stdout).toContain('The plan fits: 20:00 of 20:00.');
	});

	test('a rehearsed deck: rehearsed times, the total against its length, what to cut; --json for tools', async () => {
		const {deck, timings} = deckIn('brf-timings-plan-');
		const seconds = {welcome: 80, plan: 45, numbers: 100, people: 130, questions: 40};
		writeFileSync(
			timings,
			JSON.stringify({briefing: 'rehearsal timings', version: 1, deck: 'A timed deck', rehearsals: 1, slides: Object.fromEntries(Object.entries(seconds).map(([id, s]) => [id, {runs: [s]}]))}),
		);
		const text = await runBin(['timings', deck]);
		expect(text.code).toBe(0);
		expect(text.stdout).toContain('A timed deck');
		expect(text.stdout).toMatch(/ {2}3 {2}numbers +1:00 +1:40 +1:40 +3:45 {2}\+0:40 over budget\n/);
		// The running total passes the talk's 5:00 on the people slide.
		expect(text.stdout).toMatch(/ {2}4 {2}people +2:00 +2:10 +2:10 +5:55 {2}\+0:10 over budget, past 5:00\n/);
		expect(text.stdout).toContain('The plan runs 1:35 over 5:00.');
		expect(text.stdout).toMatch(/To fit, cut from the slides furthest over their budget:\n {2}numbers +\+0:40 {2}The numbers\n {2}welcome +\+0:35 {2}Welcome\n/);
		const json = await runBin(['timings', deck, '--json']);
		const report = JSON.parse(json.stdout) as {lengthMs: number; plannedMs: number; overMs: number; slides: Array<{id: string; budgetMs: number; rehearsedMs: number; runningMs: number}>; cut: Array<{id: string}>};
		expect(report).toMatchObject({lengthMs: 300_000, plannedMs: 395_000, overMs: 95_000});
		expect(report.slides[2]).toMatchObject({id: 'numbers', budgetMs: 60_000, rehearsedMs: 100_000, runningMs: 225_000});
		expect(report.cut.map(cut => cut.id)).toEqual(['numbers', 'welcome', 'people', 'questions']);
	});

	test('a corrupt timings file: one line on stderr, the plan without it', async () => {
		const {deck, timings} = deckIn('brf-timings-corrupt-');
		writeFileSync(timings, '\u0000\u0001 not json');
		const {code, stdout, stderr} = await runBin(['timings', deck]);
		expect(code).toBe(0);
		expect(stderr).toBe(`briefing: ${timings}: not a timings file (not JSON); ignored\n`);
		expect(stdout).toContain('no rehearsal yet');
	});

	test('usage: one deck file, --json', async () => {
		const {code, stderr} = await runBin(['timings', 'a.md', 'b.md']);
		expect(code).toBe(2);
		expect(stderr.split('\n')[0]).toBe('briefing: timings takes [FILE.md] [--json], not "b.md"');
	});
});
