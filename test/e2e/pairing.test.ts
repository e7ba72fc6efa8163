import {expect, test} from 'vitest';
import {waitUntilAnswering} from '../helpers/answering.js';
import {counter, slideCount} from '../helpers/deck-facts.js';
import {goTo} from '../helpers/go-to.js';
import {endAfterEach, type Session, spawnBin} from '../helpers/pty.js';

/**
Pairing is explicit: only a --presenter view joins the audience view. A second audience view and a
--rehearse run of the same deck, by the same user, never move the show; a presenter view started
late lands on the show's slide, not its own --slide.
*/
const {sessions, folder} = endAfterEach();
let runtime = '';

const presenterAt = (number: number) => new RegExp(`slide ${number}/${slideCount}(?!\\d)`);

/**
The sentinel for "nothing happened here": a digit typed last, whose "go to N" prompt shows that this
program has read everything that reached it before; Esc then closes the prompt.
*/
async function readEverything(session: Session, digit: number): Promise<void> {
	session.write(String(digit));
	await session.waitFor(() => session.screen().includes(`go to ${digit}`), 'the sentinel digit\'s prompt');
	session.write('\u001B');
	await session.waitFor(() => !session.screen().includes(`go to ${digit}`), 'the prompt to close');
}

async function start(args: readonly string[], here: RegExp): Promise<Session> {
	const session = spawnBin(args, {env: {XDG_RUNTIME_DIR: runtime}});
	sessions.push(session);
	await session.waitFor(() => here.test(session.screen()), `${args.join(' ')} to start`);
	await waitUntilAnswering(session, here);
	return session;
}

test('a second audience view and a rehearsal run alone; a late presenter view lands on the show\'s slide and drives only it', {timeout: 60_000}, async () => {
	runtime = folder('brf-pair-');
	const show = await start(['--slide', '2'], counter(2));
	await goTo(show, 6);
	await show.waitFor(() => counter(6).test(show.screen()), 'the show on slide 6');

	const second = await start(['--slide', '4'], counter(4));
	// The audience footer shows a link status for four seconds only: look for it in what was painted.
	await second.waitFor(() => second.log.includes('not linked: another audience view is running'), 'the second view to say it is not linked');
	const rehearsal = await start(['--rehearse', '--slide', '8', '--theme', 'light'], counter(8));

	// Keys in the second view and in the rehearsal move them, never the show.
	second.write('\u001B[F');
	await second.waitFor(() => counter(slideCount).test(second.screen()), 'the second view to move');
	await goTo(rehearsal, 20);
	await rehearsal.waitFor(() => counter(20).test(rehearsal.screen()), 'the rehearsal to move');
	await readEverything(show, 9);
	expect(show.screen()).toMatch(counter(6));
	expect(show.screen()).not.toContain('presenter view connected');

	// A presenter view started late, with its own --slide, lands where the show is.
	const presenter = spawnBin(['--presenter', '--slide', '3'], {env: {XDG_RUNTIME_DIR: runtime}});
	sessions.push(presenter);
	await presenter.waitFor(() => presenterAt(6).test(presenter.screen()) && presenter.screen().includes('audience view connected'), 'the presenter view on the show\'s slide');
	await show.waitFor(() => show.log.includes('presenter view connected'), 'the show to say a presenter view is connected');
	await waitUntilAnswering(presenter, presenterAt(6));
	presenter.write('\u001B[H');
	await show.waitFor(() => counter(1).test(show.screen()), 'the presenter to move the show');
	await readEverything(second, 9);
	await readEverything(rehearsal, 9);
	expect(second.screen()).toMatch(counter(slideCount));
	expect(rehearsal.screen()).toMatch(counter(20));
	expect(rehearsal.screen()).not.toMatch(/linked|connected/);
	for (const session of [show, second, rehearsal, presenter]) {
		expect(session.exit).toBeUndefined();
	}
});
