import {spawnSync} from 'node:child_process';
import {readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {describe, expect, test} from 'vitest';
import {deck} from '../../slides/index.js';
import {counter, slideCount} from '../helpers/deck-facts.js';
import {binCommand, root, spawnBin, spawnScript, terminalEnv, endAfterEach} from '../helpers/pty.js';

/** Without a terminal the deck is printed, plain; with CI set in a terminal the show still runs. */
const {sessions} = endAfterEach();

const escape = '\u001B';

/** A shell pipeline outside any pty: stdin /dev/null, the output captured, never a hang. */
function pipeline(script: string) {
	const result = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
		cwd: root,
		env: terminalEnv(),
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 15_000,
	});
	expect(result.error).toBeUndefined();
	return result;
}

describe.sequential('no terminal', {timeout: 30_000}, () => {
	test('through a pipe: the deck alone, but a presenter view, a rehearsal or serving asked for says it is not done', () => {
		const plain = pipeline('node dist/cli.js | head -c 100');
		expect(plain.stderr).toBe('');
		for (const flag of ['--presenter', '--rehearse']) {
			const asked = pipeline(`node dist/cli.js ${flag} | head -c 100`);
			expect(asked.stdout, flag).toContain(deck.title);
			expect(asked.stderr, flag).toBe('briefing: stdin is not a terminal, so the deck is printed instead of presented\n');
		}
	});

	test('stdout to a file in a terminal: the deck, zero escape bytes, exit 0, nothing on the screen', async () => {
		const file = path.join(os.tmpdir(), `briefing-e2e-${process.pid}.txt`);
		const session = spawnScript(`${binCommand([], ` >${file}`)}; echo "RC=$?"`);
		sessions.push(session);
		expect(await session.wrappedCode()).toBe(0);
		const text = readFileSync(file, 'utf8');
		rmSync(file, {force: true});
		expect(text).toContain(deck.title);
		for (const slide of deck.slides) {
			expect(text).toContain(slide.title);
		}

		expect(text).not.toContain(escape);
		expect(session.log).not.toContain(escape);
		expect(session.all().trim()).toBe('RC=0');
	});

	test('| head -1: exit 0, the first line, nothing on stderr', () => {
		const result = pipeline(`${binCommand()} | head -1; echo "RC=\${PIPESTATUS[0]}" >&2`);
		expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
		expect(result.stderr).toBe('RC=0\n');
	});

	test('no controlling terminal (setsid, stdin /dev/null): the deck, exit 0, nothing on stderr', () => {
		const result = pipeline(`setsid -w ${binCommand()} </dev/null`);
		expect(result.status).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toContain(deck.title);
		expect(result.stdout).not.toContain(escape);
	});

	test('stdin not a terminal, stdout one: one line on stderr says so, the deck is printed plain', async () => {
		const session = spawnScript(`${binCommand([], ' </dev/null')}; echo "RC=$?"`);
		sessions.push(session);
		expect(await session.wrappedCode()).toBe(0);
		expect(session.all()).toContain('briefing: stdin is not a terminal, so the deck is printed instead of presented');
		expect(session.log).not.toContain(escape);
	});

	test('a bad flag: exit 2 before anything is drawn', async () => {
		const session = spawnBin(['--slide', String(slideCount + 1)], {wrap: true});
		sessions.push(session);
		expect(await session.wrappedCode()).toBe(2);
		expect(session.log.split('RC=')[0]).not.toContain(escape);
		expect(session.all()).toContain(`--slide takes a number from 1 to ${slideCount}, not "${slideCount + 1}"`);
	});

	test('CI=true in the environment of a terminal run: the slides still show, and q quits', async () => {
		const session = spawnBin([], {env: {CI: 'true', CONTINUOUS_INTEGRATION: 'true'}});
		sessions.push(session);
		await session.waitForText(counter(1));
		expect(session.bufferType).toBe('alternate');
		session.write('\u001B[C');
		await session.waitForText(counter(2));
		session.write('q');
		expect((await session.waitForExit()).code).toBe(0);
		expect(session.bufferType).toBe('normal');
	});
});
