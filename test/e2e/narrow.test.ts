import {afterEach, describe, expect, test} from 'vitest';
import {type Session, spawnBin} from '../helpers/pty.js';

/** The README's rehearsal split in an 80-column window: the two panes are 40 and 39 columns wide. */
const sessions: Session[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});

describe('an 80-column split', () => {
	test('the presenter view at 40x20: slide, step, time and notes; no notice', async () => {
		const session = spawnBin(['--presenter', '--rehearse', '--duration', '15m'], {size: {columns: 40, rows: 20}});
		sessions.push(session);
		await session.waitFor(() => session.screen().includes('slide 1/'), 'the presenter view');
		session.write('l');
		await session.waitFor(() => session.screen().includes('slide 2/'), 'slide 2');
		await session.waitFor(() => /\d+:\d\d left/.test(session.screen()), 'the countdown');
		const screen = session.screen();
		expect(screen).not.toContain('too small');
		expect(screen).toContain('Notes');
		expect(screen).toContain('He knows the department');
		expect(screen).toMatch(/Next (slide|bullet)/);
		expect(session.lines().every(line => line.length <= 40)).toBe(true);
	});

	test('the audience view at 39x24: the slide and its footer; the help in one column', async () => {
		const session = spawnBin(['--rehearse'], {size: {columns: 39, rows: 24}});
		sessions.push(session);
		await session.waitFor(() => /^ 1\/\d+/.test(session.lines().at(-1) ?? ''), 'the first slide');
		expect(session.screen()).not.toContain('too small');
		session.write('l');
		await session.waitFor(() => /^ 2\/\d+/.test(session.lines().at(-1) ?? ''), 'slide 2');
		expect(session.screen()).toContain('Who is speaking');
		session.write('?');
		await session.waitFor(() => session.screen().includes('Keys'), 'the help');
		expect(session.screen()).toContain('Help (this list)');
	});
});
