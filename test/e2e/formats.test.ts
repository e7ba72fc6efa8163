import {copyFileSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {runBin} from '../helpers/bin.js';
import {endAfterEach, type Session, spawnBin} from '../helpers/pty.js';

/**
Decks written for presenterm, slides and patat (our own fixtures, written to each convention) in a real
terminal, printed, exported as ours and round-tripped, and checked with no source.
*/
const {sessions, folder} = endAfterEach();

const fixture = (name: string) => new URL(`../fixtures/formats/${name}.md`, import.meta.url).pathname;
const footer = (session: Session) => session.lines().filter(Boolean).at(-1) ?? '';

function show(args: readonly string[], env: Record<string, string> = {}): Session {
	const session = spawnBin(args, {size: {columns: 80, rows: 24}, env});
	sessions.push(session);
	return session;
}

describe('presented as they are', () => {
	test('presenterm: the intro slide, a pause step by step, the placeholder, the menu by its sections and the overview', {timeout: 30_000}, async () => {
		const session = show([fixture('presenterm'), '--slide', '4']);
		await session.waitFor(() => session.screen().includes('What you may see') && footer(session).includes('4/6 · 1/2'), 'slide 4 at its first step');
		expect(session.screen()).toContain('Anemones close up');
		expect(session.screen()).not.toContain('Crabs shelter');
		session.write('\u001B[C');
		await session.waitFor(() => session.screen().includes('Crabs shelter') && session.screen().includes('[image: crab.png]'), 'the words after the pause, and the image placeholder');
		session.write('m');
		await session.waitFor(() => session.screen().includes('Tide pools at low water') && session.screen().includes('The animals') && session.screen().includes('Sections'), 'the sections menu');
		session.write('m');
		await session.waitFor(() => !session.screen().includes('Sections'), 'the menu closed');
		session.write('o');
		await session.waitFor(() => session.screen().includes('Why go at low water') && session.screen().includes('Slide 4'), 'the overview with every slide');
		session.write('q');
		expect((await session.waitForExit()).code).toBe(0);
		// What is not shown is said once, before the show, one line a kind.
		expect(session.log).toContain('1 image is shown as a placeholder, [image: file]');
	});

	test('slides: the first slide with its byline, bullets one at a time', {timeout: 30_000}, async () => {
		const session = show([fixture('slides')]);
		await session.waitFor(() => session.screen().includes('Bread at home') && session.screen().includes('A. Presenter · May 1, 2026'), 'the first slide');
		session.write('\u001B[C');
		await session.waitFor(() => session.screen().includes('Mix the flour') && !session.screen().includes('Rest it'), 'the first bullet alone');
		session.write('\u001B[C');
		await session.waitFor(() => session.screen().includes('Rest it'), 'the second bullet');
	});

	test('patat: the presenter view has the slide, its next step and the notes place; . . . is a step', {timeout: 30_000}, async () => {
		const directory = folder('brf-formats-');
		const file = path.join(directory, 'walk.md');
		copyFileSync(fixture('patat'), file);
		const session = show([file, '--presenter', '--rehearse', '--slide', '2'], {XDG_RUNTIME_DIR: directory});
		await session.waitFor(() => session.screen().includes('slide 2/5') && session.screen().includes('What to carry'), 'the presenter view');
		session.write('\u001B[C');
		await session.waitFor(() => session.screen().includes('step 2/3') && session.screen().includes('after the pause: And a warm layer'), 'the pause as the next step');
		session.write('\u001B[C');
		await session.waitFor(() => session.screen().includes('step 3/3') && session.screen().includes('And a warm layer, even in summer.'), 'the words after the pause on the audience screen');
	});

	test('live reload: a save of a presenterm deck is read again, on the same slide', {timeout: 30_000}, async () => {
		const directory = folder('brf-formats-');
		const file = path.join(directory, 'tides.md');
		const original = readFileSync(fixture('presenterm'), 'utf8');
		writeFileSync(file, original);
		const session = show([file, '--slide', '5'], {XDG_RUNTIME_DIR: directory});
		await session.waitForText('It keeps its words.');
		// Saved (by rename, as an editor saves) again every half second until the show has it: the file is
		// watched from just after the first frame, and saves closer together than the watch gathers them put the reading off.
		let savedAt = 0;
		const save = () => {
			if (Date.now() - savedAt > 500) {
				writeFileSync(`${file}.swp`, original.replace('It keeps its words.', 'It keeps its new words.'));
				renameSync(`${file}.swp`, file);
				savedAt = Date.now();
			}

			return false;
		};

		await session.waitFor(() => session.screen().includes('It keeps its new words.') || save(), 'the saved words');
		expect(footer(session)).toContain('5/6');
	});
});

describe('printed, exported and round-tripped', () => {
	test.each(['presenterm', 'slides', 'patat'])('%s', {timeout: 30_000}, async name => {
		const directory = folder('brf-formats-');
		const printed = await runBin([fixture(name), '--print']);
		expect(printed.code).toBe(0);
		expect(printed.stdout).toMatch(/\[image: \w+\.(png|jpg)\]/);
		expect(printed.stdout).not.toMatch(/article|¶/i);
		expect(printed.stderr).toContain(`Read as a ${name} deck`);

		const exported = path.join(directory, `${name}-ours.md`);
		const written = await runBin([fixture(name), '--export', 'deck', '-o', exported]);
		expect(written.code).toBe(0);
		const again = await runBin([exported, '--print']);
		expect(again.stdout).toBe(printed.stdout);
		// Ours, as it is: no notice.
		expect(again.stderr).toBe('');
		expect((await runBin([exported, '--list'])).stdout).toBe((await runBin([fixture(name), '--list'])).stdout);
		const html = await runBin([fixture(name), '--export', 'html']);
		const shown = html.stdout.replaceAll(/<style[\s\S]*?<\/style>/g, '').replaceAll(/<[^>]*>/g, '');
		expect(shown).toContain('[image: ');
		expect(shown).not.toMatch(/article|¶/i);
		for (const pages of [[], ['--slides']]) {
			const pdf = path.join(directory, `${name}.pdf`);
			expect((await runBin([fixture(name), '--export', 'pdf', ...pages, '-o', pdf, '--force'])).code).toBe(0);
			expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
		}
	});
});

describe('check with no source', () => {
	test('structure and fit only, and it says quotes and numbers were not checked', async () => {
		const result = await runBin(['check', fixture('presenterm')]);
		expect(result.code).toBe(0);
		const lines = result.stdout.trim().split('\n');
		expect(lines.at(-1)).toMatch(/^\S+presenterm\.md: 6 slides .*quotes and numbers were not checked/);
		expect(lines).toContain(`${fixture('presenterm')}:1: Read as a presenterm deck (--format chooses another).`);
		const json = JSON.parse((await runBin(['check', fixture('slides'), '--json'])).stdout) as {article: unknown; notChecked: string; notices: string[]};
		expect(json.article ?? null).toBeNull();
		expect(json.notChecked).toContain('quotes and numbers were not checked');
		expect(json.notices).toHaveLength(5);
	});

	test('--format forces a reading, and a deck that is not that is a mistake at its line', async () => {
		const result = await runBin(['check', fixture('presenterm'), '--format', 'briefing']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/^briefing: \S+presenterm\.md:3:1: .*"sub_title/);
		const bad = await runBin([fixture('slides'), '--format', 'keynote', '--list']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/--format/);
	});
});
