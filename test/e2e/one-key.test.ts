import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {deck} from '../../slides/index.js';
import {counter, revealSlide, slideCount} from '../helpers/deck-facts.js';
import {waitUntilAnswering} from '../helpers/answering.js';
import {writeAndWaitRead} from '../helpers/read.js';
import {type Session, spawnBin, endAfterEach} from '../helpers/pty.js';

/**
One key, one action, in a real terminal: a key that the sections menu, the overview, help, a blank
screen or a typed number takes never also reaches the show, and a mode that closes leaves nothing
typed. Each walk ends with a typed digit (the marker): once "go to 9" shows, every key before it has
been read and acted on, so the screen beside it is where those keys led and no further.
*/
const {sessions, folders} = endAfterEach();

const esc = '\u001B';
const key = {
	up: `${esc}[A`,
	down: `${esc}[B`,
	right: `${esc}[C`,
	left: `${esc}[D`,
	home: `${esc}[H`,
	end: `${esc}[F`,
	pageUp: `${esc}[5~`,
	pageDown: `${esc}[6~`,
	enter: '\r',
	esc,
	tab: '\t',
	backspace: '\u007F',
	ctrlZ: '\u001A',
} as const;

/** Where a jump to slide `index` (0-based) lands: its first step (the slide whole when it has none). */
function arrival(index: number): RegExp {
	const units = deck.slides[index]!.units;
	return counter(index + 1, units > 1 ? 1 : 'whole');
}

/** The first slide of each section, 0-based. */
const sectionStarts = deck.sections.map(section => section.start);
/** A section after the first whose first slide has one step or none: choosing it must not skip a slide. */
const oneStepSection = Math.max(1, sectionStarts.findIndex((start, at) => at > 0 && deck.slides[start]!.units <= 1));

async function open(args: readonly string[], here: RegExp, size = {columns: 80, rows: 24}): Promise<Session> {
	const runtime = mkdtempSync(path.join(os.tmpdir(), 'brf-keys-'));
	folders.push(runtime);
	const session = spawnBin(args, {size, env: {XDG_RUNTIME_DIR: runtime}});
	sessions.push(session);
	await session.waitFor(() => here.test(session.screen()), String(here));
	await waitUntilAnswering(session, here);
	return session;
}

async function shows(session: Session, check: (screen: string) => boolean, what: string): Promise<void> {
	await session.waitFor(() => check(session.screen()), what);
}

/** Every key before this one has acted: the screen is on `here`, nothing else typed; then the digit is cleared. */
async function expectAt(session: Session, here: RegExp, what: string): Promise<void> {
	session.write('9');
	await shows(session, screen => screen.includes('go to 9'), `the marker digit after ${what}`);
	const screen = session.screen();
	expect(screen, what).toMatch(here);
	// Only the marker is typed: no digit from before it was left behind.
	expect(screen, what).toContain('go to 9 ↵');
	expect(session.exit, what).toBeUndefined();
	session.write(esc);
	await shows(session, s => !s.includes('go to 9'), 'Esc to clear the marker');
}

const menuRows = (session: Session) => session.lines().filter(line => /^\s*(›\s)?\s*(▶\s)?\s*\d+\. /.test(line));
const highlighted = (session: Session) => /›\s+(?:▶\s+)?(\d+)\./.exec(menuRows(session).find(line => line.includes('›')) ?? '')?.[1];

describe.sequential('one key, one action, in a real terminal', {timeout: 60_000}, () => {
	test('m ↓ Enter lands on the section\'s first slide at step 1, slow and fast; a one-step slide is not skipped', async () => {
		const session = await open([], counter(1));
		for (const [section, isFast] of [
			[1, false],
			[1, true],
			[oneStepSection, false],
			[oneStepSection, true],
		] as const) {
			await expectAt(session, counter(1), 'the start');
			session.write('m');
			await shows(session, screen => screen.includes('Sections') && highlighted(session) === '1', 'the menu on section 1');
			if (isFast) {
				// Keys in one write: one read, every one of them counts, each once.
				session.write(key.down.repeat(section) + key.enter);
			} else {
				for (let row = 1; row <= section; row++) {
					session.write(key.down);
					await shows(session, () => highlighted(session) === String(row + 1), `section ${row + 1} highlighted`);
				}

				session.write(key.enter);
			}

			const start = sectionStarts[section]!;
			await shows(session, screen => !screen.includes('Sections') && arrival(start).test(screen), `slide ${start + 1} at its first step`);
			await expectAt(session, arrival(start), `m, ${section} ↓, Enter (${isFast ? 'in one write' : 'one at a time'})`);
			session.write(key.home);
			await shows(session, screen => counter(1).test(screen), 'Home');
		}
	});

	test('m 4 goes to section 4 and leaves nothing typed: the next Enter steps, it does not go to slide 4', async () => {
		const session = await open([], counter(1));
		for (let round = 0; round < 2; round++) {
			session.write('m');
			await shows(session, screen => screen.includes('Sections'), 'the menu');
			session.write('4');
			const start = sectionStarts[3]!;
			await shows(session, screen => !screen.includes('Sections') && arrival(start).test(screen), 'section 4');
			expect(session.lines().at(-1)).not.toContain('go to');
			session.write(key.enter);
			const next = deck.slides[start]!.units > 1 ? counter(start + 1, 2) : arrival(start + 1);
			await shows(session, screen => next.test(screen), 'Enter to step on from section 4');
			await expectAt(session, next, 'm 4 Enter');
			session.write(key.home);
			await shows(session, screen => counter(1).test(screen), 'Home');
		}
	});

	test('? then each key: in help only ? and Esc close it (back where it was) and q quits; no key moves the show or stays typed', async () => {
		const here = counter(revealSlide.number, 1);
		const session = await open(['--slide', String(revealSlide.number - 1)], counter(revealSlide.number - 1));
		session.write(key.right);
		await shows(session, screen => here.test(screen), 'the reveal slide at step 1');
		const keys = [...'ljnhkpgGmos.bw,r0123456789 x', key.up, key.down, key.left, key.right, key.home, key.end, key.pageUp, key.pageDown, key.enter, key.tab, key.backspace, key.ctrlZ];
		for (const pressed of keys) {
			session.write('?');
			await shows(session, screen => screen.includes('Keys'), 'help');
			// The key, read on its own, then ? to close help. (Should another read of the program's have
			// counted as the key's, the two can arrive as one read, which the guard drops as a paste: help
			// stays up, and both are sent again.)
			for (let attempt = 0; ; attempt++) {
				await writeAndWaitRead(session, pressed);
				session.write('?');
				try {
					await session.waitFor(() => !session.screen().includes('Keys'), `help closed after ${JSON.stringify(pressed)}`, 2000);
					break;
				} catch (error: unknown) {
					if (attempt > 3) {
						throw error;
					}
				}
			}
			await expectAt(session, here, `${JSON.stringify(pressed)} in help`);
		}

		session.write('?');
		await shows(session, screen => screen.includes('Keys'), 'help');
		session.write(esc);
		await shows(session, screen => !screen.includes('Keys'), 'Esc to close help');
		await expectAt(session, here, 'Esc in help');
		session.write('?');
		await shows(session, screen => screen.includes('Keys'), 'help');
		session.write('q');
		expect((await session.waitForExit()).code).toBe(0);
	});

	test('help per screen: the menu\'s and the overview\'s help list their own keys and close back to that screen', async () => {
		for (const size of [
			{columns: 80, rows: 24},
			{columns: 120, rows: 40},
		]) {
			const session = await open(['--slide', '3'], counter(3), size);
			session.write('m');
			await shows(session, screen => screen.includes('Sections'), 'the menu');
			session.write(key.down);
			await shows(session, () => highlighted(session) === '3', 'section 3 highlighted');
			session.write('?');
			await shows(session, screen => screen.includes('In the sections menu'), 'the menu\'s help');
			let screen = session.screen();
			expect(screen).toMatch(/Enter\s+Go to that section/);
			expect(screen).toMatch(/1-9\s+Go to section <n>/);
			expect(screen).not.toContain('Go to that slide');
			expect(screen).not.toContain('Next bullet or slide');
			session.write(esc);
			await shows(session, () => highlighted(session) === '3', 'the menu again, on the same row');
			session.write(esc);
			await shows(session, s => !s.includes('Sections'), 'the menu closed');
			session.write('o');
			await shows(session, s => s.includes('Overview'), 'the overview');
			session.write('?');
			await shows(session, s => s.includes('In the overview'), 'the overview\'s help');
			screen = session.screen();
			expect(screen).toMatch(/Enter\s+Go to that slide/);
			expect(screen).not.toContain('1-9');
			expect(screen).not.toContain('Go to that section');
			session.write('?');
			await shows(session, s => s.includes('Overview') && !s.includes('In the overview'), 'the overview again');
			session.write(esc);
			await shows(session, s => !s.includes('Overview'), 'the overview closed');
			await expectAt(session, counter(3), 'the menu\'s and the overview\'s help');
			session.write('?');
			await shows(session, s => s.includes('Keys'), 'the slides\' help');
			screen = session.screen();
			expect(screen).not.toContain('Go to that section');
			expect(screen).not.toContain('Go to that slide');
			expect(screen).toMatch(/Home, gg \(g twice\)\s+First slide/);
			expect(screen).toMatch(/→ ↓ Space PgDn l j n, Enter\s+Next bullet or slide/);
			session.dispose();
		}
	});

	test('the overview\'s keys move its cursor and Enter lands on that slide at step 1; twice, one key at a time and in one write', async () => {
		const session = await open(['--slide', '2'], counter(2));
		for (const isFast of [false, true]) {
			session.write('o');
			await shows(session, screen => screen.includes('Overview'), 'the overview');
			if (isFast) {
				session.write(key.right + key.right + key.left + key.right + key.enter);
			} else {
				for (const pressed of [key.right, key.right, key.left, key.right, key.enter]) {
					const before = session.log.length;
					session.write(pressed);
					await session.waitForOutput(output => output.length > 0, before);
				}
			}

			await shows(session, screen => !screen.includes('Overview') && arrival(3).test(screen), 'slide 4 at its first step');
			await expectAt(session, arrival(3), `→ → ← → Enter in the overview (${isFast ? 'one write' : 'one at a time'})`);
			session.write('o');
			await shows(session, screen => screen.includes('Overview'), 'the overview');
			session.write(key.end + key.enter);
			await shows(session, screen => !screen.includes('Overview') && arrival(slideCount - 1).test(screen), 'the last slide');
			session.write('o');
			await shows(session, screen => screen.includes('Overview'), 'the overview');
			session.write(key.home);
			session.write(key.enter);
			await shows(session, screen => !screen.includes('Overview') && arrival(0).test(screen), 'the first slide');
			await expectAt(session, arrival(0), 'Home Enter in the overview');
			session.write('2');
			await shows(session, screen => screen.includes('go to 2'), 'typed 2');
			session.write('G');
			await shows(session, screen => counter(2).test(screen), 'slide 2');
		}
	});

	test('a blank screen and a typed number take their key: it comes back (or closes) and does nothing else', async () => {
		const here = counter(revealSlide.number, 1);
		const session = await open(['--slide', String(revealSlide.number - 1)], counter(revealSlide.number - 1));
		session.write(key.right);
		await shows(session, screen => here.test(screen), 'the reveal slide at step 1');
		for (const [blank, back] of [
			['b', key.right],
			['w', '5'],
			['.', key.enter],
			[',', 'q'],
			['b', 'm'],
		] as const) {
			session.write(blank);
			await shows(session, () => !here.test(session.screen()), 'the blank screen');
			session.write(back);
			await shows(session, screen => here.test(screen), `${JSON.stringify(back)} to bring the slide back`);
			await expectAt(session, here, `${blank} then ${JSON.stringify(back)}`);
		}

		// A typed number: a mode that opens over it clears it, and closing leaves nothing typed.
		for (const [open, close] of [
			['m', esc],
			['o', 'o'],
			['?', '?'],
		] as const) {
			session.write('4');
			await shows(session, screen => screen.includes('go to 4'), 'typed 4');
			session.write(open);
			await shows(session, screen => !screen.includes('go to 4') && /Sections|Overview|Keys/.test(screen), `${open} over the typed number`);
			session.write(close);
			await shows(session, screen => !/Sections|Overview|Keys/.test(screen), `${JSON.stringify(close)} to close`);
			expect(session.lines().at(-1)).not.toContain('go to');
			await expectAt(session, here, `4 ${open} ${JSON.stringify(close)}`);
		}
	});

	test('driven from the presenter view, the menu moves the audience screen once: m ↓ Enter there, step 1 here', async () => {
		const runtime = mkdtempSync(path.join(os.tmpdir(), 'brf-keys-'));
		folders.push(runtime);
		const env = {XDG_RUNTIME_DIR: runtime};
		const audience = spawnBin([], {env});
		sessions.push(audience);
		await shows(audience, screen => counter(1).test(screen), 'the audience view');
		const presenter = spawnBin(['--presenter'], {env});
		sessions.push(presenter);
		await shows(presenter, screen => screen.includes('audience view connected'), 'the presenter view to connect');
		await waitUntilAnswering(presenter, new RegExp(`slide 1/${slideCount}(?!\\d)`));
		for (const section of [1, oneStepSection]) {
			presenter.write('m');
			await shows(presenter, screen => screen.includes('Sections'), 'the presenter\'s menu');
			presenter.write(key.down.repeat(section) + key.enter);
			const start = sectionStarts[section]!;
			await shows(audience, screen => arrival(start).test(screen), `the audience on slide ${start + 1} at its first step`);
			await shows(presenter, screen => !screen.includes('Sections') && screen.includes(`slide ${start + 1}/${slideCount}`), 'the presenter there too');
			// The audience's own marker: every move the link carried is in.
			await expectAt(audience, arrival(start), `m ${section} ↓ Enter in the presenter view`);
			presenter.write(key.home);
			await shows(audience, screen => counter(1).test(screen), 'Home from the presenter view');
		}
	});
});
