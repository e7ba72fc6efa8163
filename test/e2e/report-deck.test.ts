import {copyFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {endAfterEach, spawnBin} from '../helpers/pty.js';

/**
A deck on a plain-text report with no author, presented in a real terminal as the audience, the
presenter and a screen reader see it: every screen of it, step by step, and none says "article".
*/
const {sessions, folder} = endAfterEach();
const newsWords = /article|outlet|reporter|dateline/i;

/**
Every screen from the first slide to the last, a key at a time: after each key, the screen once
`position` (the slide and step it says) has moved and the bytes have stopped.
*/
async function everyScreen(args: readonly string[], position: (screen: string) => string, size = {columns: 80, rows: 24}): Promise<string[]> {
	// A copy of the fixture: a rehearsal keeps its timings beside the deck.
	const directory = folder('brf-report-');
	for (const name of ['library-report.md', 'library-report.txt']) {
		copyFileSync(path.join('test/fixtures', name), path.join(directory, name));
	}

	const session = spawnBin([path.join(directory, 'library-report.md'), ...args], {size});
	sessions.push(session);
	const screens = [await session.waitForText('At a glance')];
	for (let key = 0; key < 12 && !position(screens.at(-1)!).startsWith('5/5 end'); key++) {
		const before = position(session.screen());
		session.write(' ');
		// The slide or step has moved, and no byte has come for three polls since (the frame is whole).
		let length = -1;
		let quiet = 0;
		await session.waitFor(() => {
			quiet = session.output().length === length ? quiet + 1 : 0;
			length = session.output().length;
			return position(session.screen()) !== before && quiet >= 3;
		}, `the screen after key ${key + 1}`);
		screens.push(session.screen());
	}

	expect(position(screens.at(-1)!), screens.at(-1)).toMatch(/^5\/5 end/);
	return screens;
}

/** `3/5 2/3`: the slide and step each view shows; `5/5 end` on the last slide whole. */
const positions = {
	audience: (screen: string) => {
		const [, slide, step] = /^ (\d)\/5(?: · (\d\/\d))?/m.exec(screen.split('\n').at(-1) ?? '') ?? [];
		return slide === '5' && !step ? '5/5 end' : `${slide ?? '?'}/5 ${step ?? ''}`;
	},
	presenter: (screen: string) => {
		const [, slide, step] = /slide (\d)\/5(?: · step (\d+\/\d+))?/.exec(screen) ?? [];
		return slide === '5' && (!step || step.split('/')[0] === step.split('/')[1]) ? '5/5 end' : `${slide ?? '?'}/5 ${step ?? ''}`;
	},
	// The screen reader writes each step below the last: the newest is at the bottom.
	reader: (screen: string) => {
		const newest = screen.slice(screen.lastIndexOf('Slide '));
		const [, slide] = /^Slide (\d) of 5/.exec(newest) ?? [];
		const point = /Point (\d) of (\d)/.exec(newest);
		return slide === '5' && (!point || point[1] === point[2]) ? '5/5 end' : `${slide ?? '?'}/5 ${point?.[0] ?? ''}`;
	},
};

describe('a deck on a report, presented', () => {
	test('the audience view at 80x24: every slide and step, the report\'s ¶ numbers, no news words', async () => {
		const screens = await everyScreen([], positions.audience);
		expect(screens.at(-1)).toContain('Six more study rooms');
		expect(screens.join('\n')).toContain('¶ 7-8');
		expect(screens.join('\n')).toContain('“The rooms have become the town\'s office.”');
		for (const screen of screens) {
			expect(screen).not.toMatch(newsWords);
		}
	}, 30_000);

	test('the presenter view at 120x40 and the screen reader: no news words either', async () => {
		const presenter = await everyScreen(['--presenter', '--rehearse'], positions.presenter, {columns: 120, rows: 40});
		expect(presenter.join('\n')).toContain('Okafor\'s words stand in the report');
		const reader = await everyScreen(['--screen-reader'], positions.reader);
		expect(reader.join('\n')).toContain('Source: report paragraphs 7 to 8.');
		for (const screen of [...presenter, ...reader]) {
			expect(screen).not.toMatch(newsWords);
		}
	}, 30_000);
});
