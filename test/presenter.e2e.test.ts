import {chmodSync, existsSync, mkdirSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {expect, test} from 'vitest';
import {deck} from '../slides/index.js';
import {endAfterEach, type Session, spawnBin} from './helpers/pty.js';

const {sessions: running, folder} = endAfterEach();
let runtime = '';

const count = deck.slides.length;
/** A view of the show in a terminal of its own: the screen is what a person sees there. */
function view(args: readonly string[], {columns, rows, env}: {columns: number; rows: number; env: Record<string, string>}): Session & {seen: (check: (screen: string) => boolean, what: string) => Promise<void>} {
	const session = spawnBin(args, {size: {columns, rows}, env});
	return Object.assign(session, {
		async seen(check: (screen: string) => boolean, what: string) {
			await session.waitFor(() => check(session.screen()), what);
		},
	});
}

/** A slide's title as far as it shows unwrapped. */
const titleOf = (index: number) => deck.slides[index]!.title.slice(0, 24);

test('the audience and presenter views in two terminals move each other, and both leave cleanly', {timeout: 30_000}, async () => {
	runtime = folder('brf-e2e-');
	const env = {XDG_RUNTIME_DIR: runtime};
	const size = {columns: 80, rows: 24, env};
	const audience = view([], size);
	running.push(audience);
	await audience.seen(screen => screen.includes(titleOf(0)) && screen.includes(`1/${count}`), 'the audience view');

	const presenter = view(['--presenter', '--duration', '10m'], size);
	running.push(presenter);
	await presenter.seen(screen => screen.includes('audience view connected'), 'the presenter view to connect');
	await audience.seen(screen => screen.includes('presenter view connected'), 'the audience to see the presenter');
	const socketDirectory = path.join(runtime, 'briefing');
	// The presenter link's socket (beside it, the followers' `-follow.sock`: docs/follow.md).
	expect(readdirSync(socketDirectory).filter(name => name.endsWith('.sock') && !name.endsWith('-follow.sock'))).toHaveLength(1);

	// A key in the presenter view moves the audience...
	presenter.write('3');
	await presenter.seen(screen => screen.includes('go to 3'), 'the typed number');
	presenter.write('\r');
	await audience.seen(screen => screen.includes(titleOf(2)) && screen.includes(`3/${count}`), 'the audience to follow to slide 3');
	presenter.write('\u001B[F');
	await audience.seen(screen => screen.includes(titleOf(count - 1)) && screen.includes(`${count}/${count}`), 'the audience to follow to the last slide');
	await presenter.seen(screen => screen.includes('Next: end of deck'), 'the presenter view to show the end');

	// ...and one in the audience view moves the presenter.
	audience.write('\u001B[H');
	await presenter.seen(screen => screen.includes(`slide 1/${count}`) && screen.includes(`Next slide (2/${count}): ${titleOf(1)}`), 'the presenter to follow to slide 1');

	// Blanking the audience from the presenter view: the audience goes dark, the presenter says so.
	presenter.write('b');
	await presenter.seen(screen => screen.includes('audience screen blanked (black)'), 'the blank notice');
	await audience.seen(screen => screen.trim() === '', 'the audience screen to go black');
	presenter.write('x');
	await audience.seen(screen => screen.includes(titleOf(0)), 'the audience screen back');
	await presenter.seen(screen => !screen.includes('blanked'), 'the presenter view to drop the notice');

	presenter.write('q');
	expect(await presenter.status()).toBe(0);
	await audience.seen(screen => !screen.includes('presenter view connected'), 'the audience to notice the presenter left');
	audience.write('q');
	expect(await audience.status()).toBe(0);
	expect(existsSync(socketDirectory)).toBe(true);
	expect(readdirSync(socketDirectory)).toEqual([]);
});

for (const [signal, code] of [
	['SIGTERM', 143],
	['SIGHUP', 129],
] as const) {
	test(`${signal} to the view that holds the socket: exit ${code}, the socket file is gone, the other view takes over`, {timeout: 30_000}, async () => {
		runtime = folder('brf-e2e-');
		const size = {columns: 80, rows: 24, env: {XDG_RUNTIME_DIR: runtime}};
		const audience = view([], size);
		running.push(audience);
		await audience.seen(screen => screen.includes(`1/${count}`), 'the audience view');
		const socketDirectory = path.join(runtime, 'briefing');
		// The audience view opens its link just after its first frame.
		const sockets = () => (existsSync(socketDirectory) ? readdirSync(socketDirectory).filter(name => name.endsWith('.sock') && !name.endsWith('-follow.sock')) : []);
		await audience.seen(() => sockets().length === 1, 'the audience view to listen');
		const [socket] = sockets();
		expect(socket).toMatch(/^[\da-f]{16}\.sock$/);
		const presenter = view(['--presenter'], size);
		running.push(presenter);
		await presenter.seen(screen => screen.includes('audience view connected'), 'the presenter view to connect');
		audience.signal(signal);
		expect(await audience.status()).toBe(code);
		await presenter.seen(screen => screen.includes('waiting for the audience view'), 'the presenter view to wait again');
		// The presenter view takes the path over with a socket of its own.
		// (Listening goes through a private name first, so wait for the socket's own name.)
		await presenter.seen(() => readdirSync(socketDirectory).join() === socket, 'the presenter view to take over the socket');
		presenter.signal(signal);
		expect(await presenter.status()).toBe(code);
		expect(readdirSync(socketDirectory)).toEqual([]);
	});
}

test('an unsafe socket directory: the audience view presents and says why there is no link; the presenter view refuses, exit 1', {timeout: 30_000}, async () => {
	runtime = folder('brf-e2e-');
	const directory = path.join(runtime, 'briefing');
	mkdirSync(directory);
	chmodSync(directory, 0o755);
	const size = {columns: 100, rows: 24, env: {XDG_RUNTIME_DIR: runtime}};
	const audience = view([], size);
	running.push(audience);
	await audience.seen(screen => screen.includes(`1/${count}`) && screen.includes('presenter link off'), 'the audience view to say the link is off');
	audience.write('\u001B[C');
	await audience.seen(screen => screen.includes(`2/${count}`), 'the audience view to go on presenting');
	const presenter = view(['--presenter'], size);
	running.push(presenter);
	expect(await presenter.status()).toBe(1);
	await presenter.seen(screen => screen.includes('unsafe permissions'), 'the refusal on the presenter terminal');
	expect(readdirSync(directory)).toEqual([]);
	audience.write('q');
	expect(await audience.status()).toBe(0);
});
