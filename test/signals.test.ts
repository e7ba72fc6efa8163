import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {constants} from 'node:os';
import {describe, expect, test} from 'vitest';
import {dumpsCore, endingSignals, ignoredSignals, signalCode} from '../source/terminal/signals.js';

/** The signals Ink's signal-exit listens to: each must have a listener of ours, or it would end the show with 0. */
const signalExitNames = createRequire(createRequire(import.meta.url).resolve('ink')).resolve('signal-exit/signals.js');

describe('what each signal does', () => {
	test('every signal Ink\'s signal-exit hears is one that ends the show or one that is ignored', () => {
		const names = (createRequire(import.meta.url)(signalExitNames) as string[]).filter(name => name in constants.signals);
		const ours = new Set<string>([...endingSignals, ...ignoredSignals]);
		expect(names.length).toBeGreaterThan(10);
		for (const name of names) {
			expect(ours.has(name), name).toBe(true);
		}
	});

	test('every signal whose default is to end the process (this system\'s) is ending or ignored', () => {
		// Not catchable (KILL, STOP), job control (TSTP, TTIN, TTOU, CONT: session.ts), ignored by default
		// (CHLD, URG, WINCH), handled by Node (PIPE), or not safe to catch (BUS, FPE, ILL, SEGV).
		const elsewhere = new Set(['SIGKILL', 'SIGSTOP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGCONT', 'SIGCHLD', 'SIGURG', 'SIGWINCH', 'SIGPIPE', 'SIGBUS', 'SIGFPE', 'SIGILL', 'SIGSEGV', 'SIGUNUSED', 'SIGBREAK', 'SIGLOST', 'SIGINFO', 'SIGEMT']);
		const ours = new Set<string>([...endingSignals, ...ignoredSignals]);
		for (const name of Object.keys(constants.signals)) {
			expect(ours.has(name) || elsewhere.has(name), name).toBe(true);
		}
	});

	test('the codes are 128 + the signal\'s number, and the core-dumping ones are among the ending', () => {
		expect(signalCode('SIGTERM')).toBe(143);
		expect(signalCode('SIGUSR2')).toBe(128 + constants.signals.SIGUSR2);
		for (const signal of dumpsCore) {
			expect(endingSignals as readonly string[]).toContain(signal);
		}
	});
});

describe('docs/reliability.md', () => {
	test('its "Exit codes" section names every signal that ends the show and every one that is ignored', () => {
		const notes = readFileSync(new URL('../docs/reliability.md', import.meta.url), 'utf8');
		const exitCodes = notes.split('\n## Exit codes\n')[1]?.split('\n## ')[0] ?? '';
		for (const signal of [...endingSignals, ...ignoredSignals]) {
			expect(exitCodes, signal).toContain(signal);
		}
	});
});
