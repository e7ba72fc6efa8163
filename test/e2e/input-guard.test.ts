import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {counter, slideCount} from '../helpers/deck-facts.js';
import {waitUntilAnswering} from '../helpers/answering.js';
import {type Session, spawnBin, endAfterEach} from '../helpers/pty.js';
import {writeAndWaitRead} from '../helpers/read.js';

/**
The input guard (upstream ink issue 901) in a real terminal: whatever bytes come, in whatever reads,
the view stays up on its slide, and only the key table's keys act.
*/
const {sessions, folders} = endAfterEach();

const esc = '\u001B';
const start = 3;

type View = {readonly name: string; readonly args: readonly string[]; readonly here: RegExp};

const views: readonly View[] = [
	{name: 'audience view', args: ['--slide', String(start)], here: counter(start)},
	{name: 'presenter view', args: ['--presenter', '--slide', String(start)], here: new RegExp(`slide ${start}/${slideCount}(?!\\d)`)},
	{name: 'audience view with --no-reveal --timer', args: ['--no-reveal', '--timer', '--slide', String(start)], here: counter(start)},
];

async function open(view: View): Promise<Session> {
	const runtime = mkdtempSync(path.join(os.tmpdir(), 'brf-guard-'));
	folders.push(runtime);
	const session = spawnBin(view.args, {env: {XDG_RUNTIME_DIR: runtime}});
	sessions.push(session);
	await session.waitFor(() => view.here.test(session.screen()), `the ${view.name} on slide ${start}`);
	await waitUntilAnswering(session, view.here);
	return session;
}

/**
Proves every byte before it was read and the view still answers: a typed digit shows in the footer,
and Esc clears it. BELs first end any string or sequence the bytes left open.
*/
async function expectAliveOnStart(session: Session, view: View, batch: string): Promise<void> {
	session.write('\u0007\u0007\u0007\u0007');
	await waitUntilAnswering(session, view.here);
	expect(session.exit, `the ${view.name} ended after ${batch}`).toBeUndefined();
	expect(session.screen(), `the ${view.name} moved after ${batch}`).toMatch(view.here);
}

/** Everything a terminal sends that is not one of our keys. */
function batches(): Array<[string, string[]]> {
	const finals = Array.from({length: 0x7f - 0x40}, (_, at) => String.fromCodePoint(0x40 + at));
	const modifiers = Array.from({length: 15}, (_, at) => at + 2);
	return [
		['every CSI final byte with modifiers 2 to 16', finals.map(final => modifiers.map(m => `${esc}[1;${m}${final}`).join(''))],
		['every tilde key with modifiers 2 to 16', [1, 2, 3, 4, 5, 6, 15, 17, 24].map(n => modifiers.map(m => `${esc}[${n};${m}~`).join(''))],
		['every SS3 final byte with modifiers 2 to 16', finals.map(final => modifiers.map(m => `${esc}O${m}${final}`).join(''))],
		['Ctrl+F1 to Ctrl+F4 and SGR sequences, one per read', [`${esc}[1;5P`, `${esc}[1;5Q`, `${esc}[1;5R`, `${esc}[1;5S`, `${esc}[0m`, `${esc}[32m`, `${esc}[39m`, `${esc}[22m`]],
		['focus in and out, SGR and X10 mouse reports', [`${esc}[I`, `${esc}[O`, `${esc}[<0;10;5M`, `${esc}[<0;10;5m`, `${esc}[<64;3;3M`, `${esc}[M !!`]],
		['OSC and DCS strings holding keys', [`${esc}]0;q jjj [C l\u0007`, `${esc}]52;c;cQ==${esc}\\`, `${esc}P1$rq${esc}\\`, `${esc}_Gq${esc}\\`]],
		['sequences split across reads', [`${esc}`, '[1;5', 'P', `${esc}[`, '32m', `${esc}]0;`, 'qq', '\u0007', `${esc}[<0;1`, ';1M']],
	];
}

/**
Random bytes with none of the table's keys in them (no letters, digits or controls that act, no CSI
or SS3 final that names an arrow, Home, End or a page key), as Latin-1 characters: the bytes from
0x80 up arrive as C1 controls (8-bit CSI, OSC, DCS) and accented letters.
*/
const quiet = new Set([...'ljnhkpgGmo?sbw.,rqABCDFHM~ 0123456789'].map(char => char.codePointAt(0)!).concat([0x03, 0x08, 0x09, 0x0d, 0x1a, 0x7f]));
function soups(count: number): string[][] {
	const soup = fc.tuple(fc.uint8Array({minLength: 1, maxLength: 400}), fc.array(fc.nat(), {maxLength: 12}));
	return fc.sample(soup, {numRuns: count, seed: 20_210_406}).map(([bytes, cuts]) => {
		const text = [...bytes].filter(byte => !quiet.has(byte)).map(byte => String.fromCodePoint(byte)).join('');
		const points = [...new Set(cuts.map(cut => cut % (text.length + 1)))].sort((a, b) => a - b);
		return [0, ...points].map((from, at, all) => text.slice(from, all[at + 1] ?? text.length)).filter(Boolean);
	});
}

describe.sequential('no input crashes or moves a view', {timeout: 60_000}, () => {
	for (const view of views) {
		test(`${view.name}: modified keys, reports, strings, split sequences and byte soup`, async () => {
			const session = await open(view);
			for (const [batch, reads] of batches()) {
				for (const read of reads) {
					session.write(read);
				}

				await expectAliveOnStart(session, view, batch);
			}

			for (const [at, reads] of soups(4).entries()) {
				for (const read of reads) {
					session.write(read);
				}

				await expectAliveOnStart(session, view, `byte soup ${at}: ${JSON.stringify(reads)}`);
			}

			// And the keys of the table still act.
			session.write(`${esc}[F`);
			await session.waitFor(() => !view.here.test(session.screen()), `End to move the ${view.name}`);
		});
	}
});

describe.sequential('pastes are text, not keys', {timeout: 30_000}, () => {
	test('a bracketed paste with q, arrows and escapes, split across reads, changes nothing; a stray string or paste start ends; paste mode is off after SIGTERM', async () => {
		const view = views[0]!;
		const session = await open(view);
		expect(session.term.modes.bracketedPasteMode).toBe(true);
		const pasted = `note ${esc}[1mq${esc}[1m more a${esc}[Cb${esc}[C${esc}[C${esc}[Cc q \r${esc}[D${esc}`;
		const whole = `${esc}[200~${pasted}${esc}[201~`;
		for (const cuts of [[3, 9, 20], [1, 2, 30, 31, 40], [whole.length - 3, whole.length - 1]]) {
			const reads = [0, ...cuts].map((from, at, all) => whole.slice(from, all[at + 1] ?? whole.length));
			for (const read of reads) {
				// Each part a read of its own: the next is written once the program has read this one.
				await writeAndWaitRead(session, read);
			}

			await expectAliveOnStart(session, view, `a paste in reads ${JSON.stringify(reads)}`);
		}

		// Without bracketed paste a terminal sends the paste as one read: the guard sees all of it.
		session.write(pasted.slice(0, -1));
		await expectAliveOnStart(session, view, 'an unbracketed paste');

		// A stray start of a string or of a paste swallows keys only for a moment.
		for (const [stray, quietMs] of [[`${esc}]0;`, 150], [`${esc}[200~`, 1300]] as const) {
			session.write(stray);
			await new Promise(resolve => {
				setTimeout(resolve, quietMs);
			});
			await waitUntilAnswering(session, view.here);
		}

		session.pty.kill('SIGTERM');
		await session.waitForExit();
		expect(session.term.modes.bracketedPasteMode).toBe(false);
		expect(session.log.lastIndexOf(`${esc}[?2004l`)).toBeGreaterThan(session.log.lastIndexOf(`${esc}[?2004h`));
	});
});
