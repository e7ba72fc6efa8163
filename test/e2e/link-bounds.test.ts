import net from 'node:net';
import {expect, test} from 'vitest';
import {deck} from '../../slides/index.js';
import {maxClock} from '../../source/link/position-clock.js';
import {deckKey, protocolVersion, socketDirectory, socketPath} from '../../source/link/presenter-link.js';
import {waitUntilAnswering} from '../helpers/answering.js';
import {counter, slideCount} from '../helpers/deck-facts.js';
import {goTo} from '../helpers/go-to.js';
import {endAfterEach, type Session, spawnBin} from '../helpers/pty.js';

/**
The link keeps room to count, with the real views: a client says hello as the presenter, leaves the
largest clock and timer count (2^40) with the audience view and goes; a real presenter view then
pairs and the show follows it for ten moves, and its `r` restarts the audience view's timer.
*/
const {sessions, folder} = endAfterEach();

const presenterAt = (number: number) => new RegExp(`slide ${number}/${slideCount}(?!\\d)`);

async function start(args: readonly string[], here: RegExp, runtime: string): Promise<Session> {
	const session = spawnBin(args, {env: {XDG_RUNTIME_DIR: runtime}});
	sessions.push(session);
	await session.waitFor(() => here.test(session.screen()), `${args.join(' ')} to start`);
	await waitUntilAnswering(session, here);
	return session;
}

/** Says hello as the presenter, sends `lines`, and leaves once the audience view shows `shown`. */
async function badPresenter(file: string, lines: readonly object[], audience: Session, shown: RegExp): Promise<void> {
	const socket = net.createConnection(file);
	socket.on('error', () => undefined);
	socket.resume();
	await new Promise<void>(resolve => {
		socket.once('connect', () => {
			resolve();
		});
	});
	socket.write([{type: 'hello', proto: protocolVersion, deck: deckKey(deck), role: 'presenter'}, ...lines].map(line => JSON.stringify(line) + '\n').join(''));
	await audience.waitFor(() => shown.test(audience.screen()), 'the audience view to take the bad peer\'s position');
	socket.end();
	await new Promise<void>(resolve => {
		socket.once('close', () => {
			resolve();
		});
	});
}

/** The audience footer's timer, in seconds. */
function timerSeconds(session: Session): number | undefined {
	const match = /(\d+):(\d\d)\s*$/m.exec(session.screen().trimEnd().split('\n').at(-1) ?? '');
	return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

test('after a peer left 2^40 as clock and timer count, a presenter view pairs and the show follows ten moves and an r', {timeout: 90_000}, async () => {
	const runtime = folder('brf-bounds-');
	const audience = await start(['--slide', '2', '--timer'], counter(2), runtime);
	const file = socketPath(socketDirectory({XDG_RUNTIME_DIR: runtime}), deckKey(deck));
	// Half the circle below first, so that 2^40 is later than the audience view's own start and is taken.
	const position = {step: 0, blank: 'none', origin: 'f'.repeat(32), timer: maxClock};
	await badPresenter(file, [{type: 'position', ...position, index: 3, clock: maxClock - 2 ** 39}, {type: 'position', ...position, index: 4, clock: maxClock}], audience, counter(5));

	const presenter = await start(['--presenter'], presenterAt(5), runtime);
	await presenter.waitFor(() => presenter.screen().includes('audience view connected'), 'the presenter view to pair');
	for (const slide of [7, 9, 12, 3, 15, 20, 1, 30, 8, 11]) {
		await goTo(presenter, slide);
		await audience.waitFor(() => counter(slide).test(audience.screen()), `the audience view to follow to slide ${slide}`);
	}

	// `r` in the presenter view restarts the audience view's timer: wait until it has counted, then see it start again.
	await audience.waitFor(() => (timerSeconds(audience) ?? 0) >= 2, 'the audience view\'s timer to count', 10_000);
	presenter.write('r');
	await audience.waitFor(() => (timerSeconds(audience) ?? 99) < 2, 'the r to restart the audience view\'s timer');
	expect(presenter.screen()).toContain('audience view connected');
	for (const session of [audience, presenter]) {
		expect(session.exit).toBeUndefined();
	}
});
