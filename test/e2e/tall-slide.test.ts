import {afterEach, describe, expect, test} from 'vitest';
import {runBin} from '../helpers/bin.js';
import {type Session, spawnBin} from '../helpers/pty.js';

/**
A tall slide is never replaced by a notice while presenting: at 80x24 a slide of nineteen bullets is
shown across two pages, its bullets continuing on the next step; `check --size` names it beforehand.
*/
const sessions: Session[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});

const deckFile = 'test/fixtures/tall-slide.md';
const points = 'alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa quebec romeo sierra'.split(' ');

describe('a tall slide at 80x24', () => {
	test('every bullet shows, on two pages, each marked; never the too-small notice', async () => {
		const session = spawnBin([deckFile, '--slide', '2']);
		sessions.push(session);
		const footer = () => session.lines().at(-1) ?? '';
		const seen = new Set<string>();
		const marks = new Set<string>();
		for (let step = 1; step <= points.length; step++) {
			// The step counter shows until the slide is whole.
			await session.waitFor(() => (step < points.length ? footer().startsWith(` 2/3 · ${step}/19`) : /^ 2\/3 +━/.test(footer())), `step ${step}`);
			const screen = session.screen();
			expect(screen).not.toContain('too small');
			expect(screen).toContain('Nineteen bullets');
			for (const point of points) {
				if (screen.includes(`• Point ${point} of the tall slide`)) {
					seen.add(point);
				}
			}

			marks.add(/(?:▼ more on the next step|▲ continued) \(page \d of 2\)/.exec(screen)?.[0] ?? 'no mark');
			session.write('l');
		}

		expect([...seen].sort()).toEqual([...points].sort());
		expect([...marks].sort()).toEqual(['▲ continued (page 2 of 2)', '▼ more on the next step (page 1 of 2)']);
		// The last step left the slide whole: the next key goes to slide 3.
		await session.waitFor(() => footer().startsWith(' 3/3'), 'slide 3');
	}, 30_000);

	test('with --no-reveal (no steps to page by) the slide is tightened to fit: every bullet at once', async () => {
		const session = spawnBin([deckFile, '--slide', '2', '--no-reveal']);
		sessions.push(session);
		await session.waitFor(() => (session.lines().at(-1) ?? '').startsWith(' 2/3'), 'slide 2');
		const screen = session.screen();
		expect(screen).not.toContain('too small');
		for (const point of points) {
			expect(screen).toContain(`• Point ${point} of the tall slide`);
		}
	});

	test('check --size 80x24 names it at its file and line; at 120x40 it fits', async () => {
		const small = await runBin(['check', deckFile, '--size', '80x24']);
		expect(small.code).toBe(0);
		expect(small.stdout).toContain(`${deckFile}:20:1: Slide 2 “Nineteen bullets” needs 2 pages at 80x24 (one page needs 80x27)`);
		expect(small.stdout.split('\n').filter(line => line.includes('needs'))).toHaveLength(1);
		const big = await runBin(['check', deckFile, '--size=120x40']);
		expect(big.stdout).not.toContain('needs');
		// The default size is 80x24.
		expect((await runBin(['check', deckFile])).stdout).toContain('needs 2 pages at 80x24');
		const json = JSON.parse((await runBin(['check', deckFile, '--json', '--size', '80x24'])).stdout) as {size: string; tall: Array<{slide: number; pages: number; line: number}>};
		expect(json.size).toBe('80x24');
		expect(json.tall).toMatchObject([{slide: 2, pages: 2, rows: 27, line: 20}]);
		const bad = await runBin(['check', deckFile, '--size', 'big']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('--size takes a terminal size as COLUMNSxROWS');
	}, 20_000);
});
