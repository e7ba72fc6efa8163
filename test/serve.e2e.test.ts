import {lstatSync} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import {expect, test} from 'vitest';
import {deck} from '../slides/index.js';
import {followPath} from '../source/follow/follow-socket.js';
import {deckKey} from '../source/link/protocol.js';
import {socketDirectory, socketPath} from '../source/link/socket-directory.js';
import {endAfterEach, spawnBin} from './helpers/pty.js';
import {poll} from './helpers/poll.js';

/**
`--serve` in the real audience view: the URLs on stderr before the show, the remote's buttons moving
the show (and the presenter view with it), the follow stream seeing it; a port in use is one line
and exit 2 before the show starts.
*/
const {sessions: running, folder} = endAfterEach();
const count = deck.slides.length;

test('the remote moves the audience and presenter views; the follow stream sees each move', {timeout: 30_000}, async () => {
	const env = {XDG_RUNTIME_DIR: folder('brf-serve-')};
	const audience = spawnBin(['--serve', '0'], {env});
	running.push(audience);
	await audience.waitFor(() => /remote at http:\/\/127\.0\.0\.1:\d+\/remote\?key=[\w-]{32}/.test(audience.log) && audience.screen().includes(`1/${count}`), 'the URLs, then the show');
	const follow = /follow along at (http:\/\/\S+)/.exec(audience.log)![1]!;
	const remote = /remote at (http:\/\/\S+)/.exec(audience.log)![1]!;
	expect(new URL(follow).searchParams.get('key')).not.toBe(new URL(remote).searchParams.get('key'));
	// The audience view opens its presenter socket and its followers' socket after its first frame: a
	// presenter view started before them listens itself, and can say the addresses only when it quits.
	const key = deckKey(deck);
	const isSocket = (file: string) => lstatSync(file, {throwIfNoEntry: false})?.isSocket() ?? false;
	await poll(() => isSocket(socketPath(socketDirectory(env), key)) && isSocket(followPath(key, env).file), 'the audience view\'s two sockets');
	const presenter = spawnBin(['--presenter'], {env});
	running.push(presenter);
	await presenter.waitFor(() => presenter.screen().includes('audience view connected'), 'the presenter view');
	// The presenter view printed both addresses before its show took the screen.
	expect(presenter.log).toContain(`briefing: remote at ${remote}`);
	expect(presenter.log).toContain(`briefing: follow along at ${follow}`);

	const controller = new AbortController();
	const stream = await fetch(follow.replace('/follow?', '/events?'), {signal: controller.signal});
	const reader: ReadableStreamDefaultReader<Uint8Array> = stream.body!.getReader();
	let received = '';
	void (async () => {
		for (;;) {
			const {value, done} = await reader.read().catch(() => ({value: undefined, done: true}));
			if (done) {
				return;
			}

			received += Buffer.from(value!).toString('utf8');
		}
	})();
	await poll(() => received.includes('"index":0'), 'the first event');

	const press = async (button: string) =>
		fetch(remote.replace('/remote?', '/press?'), {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'}, body: `button=${button}`});
	expect((await press('next')).status).toBe(204);
	await audience.waitFor(() => audience.screen().includes(` 2/${count}`), 'the audience on slide 2');
	await presenter.waitFor(() => presenter.screen().includes(`slide 2/${count}`), 'the presenter on slide 2');
	await poll(() => received.includes('"index":1'), 'the follow stream on slide 2');
	await press('black');
	await audience.waitFor(() => audience.screen().trim() === '', 'the audience screen black');
	await poll(() => received.includes('"blank":"black"'), 'the follow stream to say black');
	await press('next');
	await audience.waitFor(() => audience.screen().includes(` 2/${count}`), 'the slide back, not moved');
	// More remote pages than the server holds: the one turned away is a line in the presenter view.
	const remotes = Array.from({length: 9}, () => http.get(remote.replace('/remote?', '/remote/events?'), {agent: false}));
	for (const each of remotes) {
		each.on('error', () => undefined);
	}

	await presenter.waitFor(() => presenter.screen().includes('the remote is full (8 open): turned one away'), 'the presenter to hear of it');
	await press('next');
	await audience.waitFor(() => audience.screen().includes(` 3/${count}`), 'the show going on');
	for (const each of remotes) {
		each.destroy();
	}

	// The follow key moves nothing.
	expect((await fetch(follow.replace('/follow?', '/press?'), {method: 'POST', body: 'button=next'})).status).toBe(403);
	controller.abort();
	audience.write('q');
	expect(await audience.status()).toBe(0);
	// The server ended with the show.
	await expect(fetch(follow)).rejects.toThrow();
});

test('a port in use: one line and exit 2, before the show starts', {timeout: 30_000}, async () => {
	const holder = net.createServer();
	await new Promise<void>(resolve => {
		holder.listen(0, '127.0.0.1', resolve);
	});
	try {
		const {port} = holder.address() as net.AddressInfo;
		const session = spawnBin(['--serve', String(port)], {wrap: true, env: {XDG_RUNTIME_DIR: folder('brf-serve-')}});
		running.push(session);
		expect(await session.wrappedCode()).toBe(2);
		expect(session.screen()).toContain(`briefing: --serve 127.0.0.1:${port}: the port is in use (EADDRINUSE)`);
		const bad = spawnBin(['--serve', 'nowhere:80:80'], {wrap: true, env: {XDG_RUNTIME_DIR: folder('brf-serve-')}});
		running.push(bad);
		expect(await bad.wrappedCode()).toBe(2);
		expect(bad.screen()).toContain('briefing: --serve takes [HOST:]PORT');
	} finally {
		holder.close();
	}
});
