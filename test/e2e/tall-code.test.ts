import {afterEach, describe, expect, test} from 'vitest';
import {runBin} from '../helpers/bin.js';
import {type Session, spawnBin} from '../helpers/pty.js';

/**
A code block of forty lines on a slide of its own at 80x24: no step reaches a second page (a code block
is no reveal unit, and steps are the deck's, the same at every size), so its first page is shown,
marked with the code lines it shows of how many (lines of code, not the screen's rows) and what shows the rest (no paging is promised); a bigger
terminal shows every line, and
`check --size` names the slide beforehand.
*/
const sessions: Session[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});

const deckFile = 'test/fixtures/tall-code.md';
const codeLine = (n: number) => `const line${String(n).padStart(2, '0')} = ${n}; // line ${n} of the tall code block`;
const allLines = Array.from({length: 40}, (_, index) => codeLine(index + 1));

describe('a tall code block', () => {
	test('at 80x24 its first lines show, marked "code lines 1-16 of 40 shown"; never the too-small notice', async () => {
		const session = spawnBin([deckFile]);
		sessions.push(session);
		await session.waitFor(() => session.screen().includes('▼ code lines 1-'), 'the mark');
		const screen = session.screen();
		expect(screen).not.toContain('too small');
		expect(screen).toContain('▼ code lines 1-16 of 40 shown: a bigger terminal shows the rest');
		expect(screen).not.toMatch(/page \d+ of/);
		expect(screen).toContain(`│ ${codeLine(1)}`);
		expect(screen).toContain(`│ ${codeLine(16)}`);
		expect(screen).not.toContain(codeLine(17));
		expect(screen).not.toContain(codeLine(40));
		// No page of it is reached by a step: the next key goes to the next slide.
		session.write('l');
		await session.waitFor(() => (session.lines().at(-1) ?? '').startsWith(' 2/2'), 'slide 2');
	}, 30_000);

	test('at 80x50 every line of it shows at once', async () => {
		const session = spawnBin([deckFile], {size: {columns: 80, rows: 50}});
		sessions.push(session);
		await session.waitFor(() => session.screen().includes(codeLine(40)), 'the last line');
		const screen = session.screen();
		for (const line of allLines) {
			expect(screen).toContain(`│ ${line}`);
		}

		expect(screen).not.toContain('▼');
	}, 30_000);

	test('check --size 80x24 names it at its file and line, and says which code lines show', async () => {
		const small = await runBin(['check', deckFile, '--size', '80x24']);
		expect(small.code, small.stdout).toBe(0);
		expect(small.stdout).toMatch(new RegExp(`${deckFile}:11:1: Slide 1 “A tall code block” is taller than 80x24: code lines 1-16 of 40 are shown, and 80x49 shows it whole; split it, or present in a bigger terminal\\.`));
		expect((await runBin(['check', deckFile, '--size', '80x50'])).stdout).not.toContain('taller');
	});
});
