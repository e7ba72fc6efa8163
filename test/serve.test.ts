import http from 'node:http';
import net from 'node:net';
import {afterEach, describe, expect, test} from 'vitest';
import {deck} from '../slides/index.js';
import {createShowFeed, type ShowFeed} from '../source/follow/feed.js';
import {initNavigation, modeOf, navigate, type NavigationAction, type NavigationState} from '../source/model/navigation.js';
import {parseServeAddress} from '../source/serve/address.js';
import {newKeys, roleOf} from '../source/serve/keys.js';
import {defaultLimits} from '../source/serve/limits.js';
import {followPage, followSlideHtml} from '../source/serve/page.js';
import {type Served, ServeError, startServer} from '../source/serve/server.js';
import {poll} from './helpers/poll.js';

/**
The `--serve` web server against 127.0.0.1 on a port the system picks: the show behind it is the real
reducer, fed as the audience view feeds it (feed.ts). Keys, limits, the pages and the remote's buttons.
*/
type Show = {feed: ShowFeed; state: () => NavigationState; served: Served};
const open: Served[] = [];
const sockets: net.Socket[] = [];

afterEach(async () => {
	for (const socket of sockets.splice(0)) {
		socket.destroy();
	}

	await Promise.all(open.splice(0).map(async served => served.close()));
});

async function show(limits = {}): Promise<Show> {
	const feed = createShowFeed();
	let state = initNavigation({units: deck.slides.map(slide => slide.units), sections: deck.sections.map(section => section.start)});
	const dispatch = (action: NavigationAction) => {
		state = navigate(state, action);
		feed.report(state, deck);
	};

	feed.report(state, deck);
	feed.attach({dispatch, mode: () => modeOf(state)});
	const served = await startServer({address: {host: '127.0.0.1', port: 0}, feed, limits});
	open.push(served);
	return {feed, state: () => state, served};
}

type Reply = {status: number; body: string; headers: http.IncomingHttpHeaders};

async function request(url: string, {method = 'GET', body, headers = {}, localAddress}: {method?: string; body?: string; headers?: Record<string, string>; localAddress?: string} = {}): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const outgoing = http.request(url, {method, agent: false, headers: {...headers, ...(body === undefined ? {} : {'Content-Length': String(Buffer.byteLength(body))})}, ...(localAddress ? {localAddress} : {})}, response => {
			let text = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (text += chunk));
			// 'close' also comes when the server cuts the connection after its answer.
			response.on('close', () => {
				resolve({status: response.statusCode ?? 0, body: text, headers: response.headers});
			});
		});
		outgoing.on('error', reject);
		outgoing.end(body);
	});
}

function base(served: Served): string {
	return `http://127.0.0.1:${served.port}`;
}

function keyOf(url: string): string {
	return new URL(url).searchParams.get('key')!;
}

/** An event stream kept open: the events it has had so far, parsed. */
type Listener = {events: Array<Record<string, unknown>>; closed: boolean; response?: http.IncomingMessage; request: http.ClientRequest};

function listen(url: string, localAddress?: string): Listener {
	const listener: Listener = {events: [], closed: false} as unknown as Listener;
	let buffer = '';
	listener.request = http.get(url, {agent: false, ...(localAddress ? {localAddress} : {})}, response => {
		listener.response = response;
		response.setEncoding('utf8');
		response.on('data', (chunk: string) => {
			buffer += chunk;
			let end = buffer.indexOf('\n\n');
			while (end !== -1) {
				const data = buffer.slice(0, end).split('\n').find(line => line.startsWith('data: '));
				if (data) {
					listener.events.push(JSON.parse(data.slice(6)) as Record<string, unknown>);
				}

				buffer = buffer.slice(end + 2);
				end = buffer.indexOf('\n\n');
			}
		});
		response.on('close', () => {
			listener.closed = true;
		});
	});
	listener.request.on('error', () => {
		listener.closed = true;
	});
	return listener;
}

describe('keys', () => {
	test('no key, a wrong key, and the follow key on the remote get 403 and an empty body; each key opens its own page', async () => {
		const {served} = await show();
		const follow = keyOf(served.followUrl);
		const remote = keyOf(served.remoteUrl);
		expect(follow).not.toBe(remote);
		expect(Buffer.from(follow, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
		const wrong = follow.slice(0, -1) + (follow.endsWith('A') ? 'B' : 'A');
		const refused = [
			'/follow',
			`/follow?key=${wrong}`,
			`/follow?key=${follow}x`,
			`/follow?key=`,
			`/events?key=${wrong}`,
			`/remote?key=${follow}`,
			`/remote/events?key=${follow}`,
			`/remote.js?key=${follow}`,
			`/follow?key=${remote}`,
			`/events?key=${remote}`,
			'/',
			`/?key=${follow}`,
			`/../../etc/passwd?key=${follow}`,
			`/package.json?key=${follow}`,
		];
		for (const path of refused) {
			const reply = await request(base(served) + path);
			expect([path, reply.status, reply.body]).toEqual([path, 403, '']);
		}

		const press = await request(`${base(served)}/press?key=${follow}`, {method: 'POST', body: 'button=next', headers: {'Content-Type': 'application/x-www-form-urlencoded'}});
		expect([press.status, press.body]).toEqual([403, '']);
		const page = await request(served.followUrl);
		expect(page.status).toBe(200);
		expect(page.body).toContain(deck.slides[0]!.title.replaceAll('’', '’'));
		expect((await request(served.remoteUrl)).status).toBe(200);
	});

	test('keys are compared whole: a prefix, a longer key or another case is no key', () => {
		const keys = newKeys();
		expect(roleOf(keys.follow, keys)).toBe('follow');
		expect(roleOf(keys.remote, keys)).toBe('remote');
		for (const given of [keys.follow.slice(0, 10), keys.follow + 'a', keys.follow.toUpperCase() === keys.follow ? keys.follow.toLowerCase() : keys.follow.toUpperCase(), '', undefined, 'x'.repeat(5000)]) {
			expect(roleOf(given, keys)).toBeUndefined();
		}
	});

	test('pages carry a strict policy: scripts from the server only, none inline, no inline styles', async () => {
		const {served} = await show();
		for (const url of [served.followUrl, served.remoteUrl]) {
			const reply = await request(url);
			const policy = String(reply.headers['content-security-policy']);
			expect(policy).toContain("default-src 'none'");
			expect(policy).toContain("script-src 'self'");
			expect(policy).not.toContain('unsafe');
			expect(reply.headers['referrer-policy']).toBe('no-referrer');
			const scripts = [...reply.body.matchAll(/<script\b[^>]*>/g)].map(match => match[0]);
			expect(scripts.length).toBe(1);
			expect(scripts[0]).toMatch(/src="\/(follow|remote)\.js\?key=/);
			expect(reply.body).not.toMatch(/<script\b[^>]*>[^<]/);
			expect(reply.body).not.toMatch(/\sstyle=|<style/);
			expect(reply.body).not.toMatch(/\son[a-z]+=/);
		}
	});
});

describe('the remote', () => {
	test('next, previous and black move the show as the presenter keys do, through the reducer', async () => {
		const {served, state} = await show();
		const press = async (button: string) =>
			request(served.remoteUrl.replace('/remote?', '/press?'), {method: 'POST', body: `button=${button}`, headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'}});
		expect((await press('next')).status).toBe(204);
		expect(state().index).toBe(1);
		await press('next');
		expect([state().index, state().step]).toEqual([2, 1]);
		await press('next');
		expect([state().index, state().step]).toEqual([2, 2]);
		await press('previous');
		expect([state().index, state().step]).toEqual([2, 1]);
		await press('black');
		expect(state().blank).toBe('black');
		// On a blank screen any key brings the slide back, and moves nothing: as on the keyboard.
		await press('next');
		expect([state().index, state().step, state().blank]).toEqual([2, 1, 'none']);
		expect((await press('shutdown')).status).toBe(400);
		// Without the script, the form posts and comes back to the remote page.
		const plain = await request(served.remoteUrl.replace('/remote?', '/press?'), {method: 'POST', body: 'button=next', headers: {'Content-Type': 'application/x-www-form-urlencoded'}});
		expect(plain.status).toBe(303);
		expect(plain.headers.location).toBe(new URL(served.remoteUrl).pathname + new URL(served.remoteUrl).search);
	});

	test('with --duration its stream says when the talk ends: the duration after the talk\'s first move, again after r', async () => {
		let time = 1_000_000;
		const feed = createShowFeed(() => time);
		let state = initNavigation({units: deck.slides.map(slide => slide.units)});
		const dispatch = (action: NavigationAction) => {
			state = navigate(state, action);
			feed.report(state, deck);
		};

		feed.report(state, deck);
		feed.attach({dispatch, mode: () => modeOf(state)});
		const served = await startServer({address: {host: '127.0.0.1', port: 0}, feed, duration: 15 * 60_000, now: () => time});
		open.push(served);
		const stream = listen(served.remoteUrl.replace('/remote?', '/remote/events?'));
		await poll(() => stream.events.length > 0, 'the first event');
		// Before the first move the timer waits: no end yet.
		expect(stream.events[0]).not.toHaveProperty('endsAt');
		time += 5000;
		dispatch({type: 'next'});
		await poll(() => stream.events.some(event => event['endsAt'] === 1_005_000 + 15 * 60_000), 'the end, from the first move');
		time += 60_000;
		dispatch({type: 'reset-timer'});
		await poll(() => stream.events.some(event => event['endsAt'] === 1_065_000 + 15 * 60_000), 'the end, from the restart');
		stream.request.destroy();
	});

	test('its stream has the slide\'s title and notes', async () => {
		const {served, feed} = await show();
		const stream = listen(served.remoteUrl.replace('/remote?', '/remote/events?'));
		await poll(() => stream.events.length > 0, 'the first event');
		expect(stream.events[0]).toMatchObject({index: 0, title: deck.slides[0]!.title, notes: deck.slides[0]!.notes ?? ''});
		feed.press(() => ({type: 'next'}));
		await poll(() => stream.events.some(event => event['index'] === 1), 'the move');
		stream.request.destroy();
	});
});

describe('followers', () => {
	test('200 follow pages are held while the show moves, and every one sees the move; the 201st is turned away', {timeout: 60_000}, async () => {
		const {served, feed} = await show();
		const events = served.followUrl.replace('/follow?', '/events?');
		// 8 streams from each of 25 loopback addresses (a client may hold 16 sockets).
		const streams = Array.from({length: 200}, (_, index) => listen(events, `127.0.0.${2 + Math.floor(index / 8)}`));
		await poll(() => streams.every(stream => stream.events.length > 0), 'every follower\'s first event', {timeoutMs: 20_000});
		expect(served.streams().follow).toBe(200);
		expect(streams.every(stream => stream.events[0]!['index'] === 0)).toBe(true);
		const extra = await request(events, {localAddress: '127.0.0.200'});
		expect(extra.status).toBe(503);
		feed.press(() => ({type: 'next'}));
		await poll(() => streams.every(stream => stream.events.some(event => event['index'] === 1)), 'every follower to see slide 2', {timeoutMs: 20_000});
		const html = String(streams[0]!.events.at(-1)!['html']);
		expect(html).toContain(deck.slides[1]!.title.slice(0, 20).replaceAll('&', '&amp;'));
		for (const stream of streams) {
			stream.request.destroy();
		}

		await poll(() => served.streams().follow === 0, 'the streams to close');
	});

	test('a client may hold 16 sockets at once; the 17th is closed as it connects', async () => {
		const {served} = await show();
		const held = Array.from({length: defaultLimits.perClient}, () => listen(served.followUrl.replace('/follow?', '/events?'), '127.0.0.9'));
		await poll(() => held.every(stream => stream.events.length > 0), 'the streams');
		await expect(request(served.followUrl, {localAddress: '127.0.0.9'})).rejects.toThrow();
		expect((await request(served.followUrl, {localAddress: '127.0.0.10'})).status).toBe(200);
		for (const stream of held) {
			stream.request.destroy();
		}
	});

	test('the follow page shows a revealing slide as far as the audience sees it', () => {
		const index = deck.slides.findIndex(slide => slide.blocks.some(block => block.kind === 'bullets' && block.items.length >= 3));
		const slide = deck.slides[index]!;
		const bullets = slide.blocks.find(block => block.kind === 'bullets')!;
		const html = followSlideHtml(deck, index, 1);
		expect(html).toContain(escape(bullets.items[0]!).slice(0, 20));
		expect(html).not.toContain(escape(bullets.items[2]!).slice(0, 20));
		expect(followSlideHtml(deck, index)).toContain(escape(bullets.items[2]!).slice(0, 20));
		const page = followPage(deck, 'k', {index, step: 1, blank: 'none', seen: [0, index]});
		expect(page.match(/<article /g)).toHaveLength(2);
	});
});

function escape(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll("'", '&#39;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

describe('limits', () => {
	test('an oversized body, oversized headers and a body that runs on are cut off', async () => {
		const {served, state} = await show();
		const press = served.remoteUrl.replace('/remote?', '/press?');
		const big = await request(press, {method: 'POST', body: 'button=next&' + 'x'.repeat(10_000)}).catch(() => ({status: 0}));
		expect([413, 0]).toContain(big.status);
		const headers = await request(served.followUrl, {headers: {'X-Padding': 'y'.repeat(8000)}}).catch(() => ({status: 0}));
		expect([431, 0]).toContain(headers.status);
		// A chunked body with no length, past the limit: the connection is closed.
		const socket = net.createConnection({host: '127.0.0.1', port: served.port});
		sockets.push(socket);
		let closed = false;
		// Read what comes (an answer, then the end): a socket nobody reads never sees its end.
		socket.resume();
		socket.on('end', () => (closed = true));
		socket.on('close', () => (closed = true));
		socket.on('error', () => undefined);
		socket.write(`POST ${new URL(press).pathname}${new URL(press).search} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n`);
		for (let chunk = 0; chunk < 10; chunk++) {
			socket.write(`64\r\n${'z'.repeat(100)}\r\n`);
		}

		await poll(() => closed, 'the runaway body to be cut off');
		expect(state().index).toBe(0);
	});

	test('a request whose headers never finish is cut off', {timeout: 20_000}, async () => {
		const {served} = await show();
		const socket = net.createConnection({host: '127.0.0.1', port: served.port});
		sockets.push(socket);
		let closed = false;
		// Read what comes (an answer, then the end): a socket nobody reads never sees its end.
		socket.resume();
		socket.on('end', () => (closed = true));
		socket.on('close', () => (closed = true));
		socket.on('error', () => undefined);
		socket.write(`GET ${new URL(served.followUrl).pathname}${new URL(served.followUrl).search} HTTP/1.1\r\nHost: x\r\n`);
		await poll(() => closed, 'the slow request to be cut off', {timeoutMs: defaultLimits.headersMs + 5000});
	});

	test('an idle connection is closed', async () => {
		const {served} = await show({idleMs: 300});
		const socket = net.createConnection({host: '127.0.0.1', port: served.port});
		sockets.push(socket);
		let closed = false;
		socket.resume();
		socket.on('end', () => (closed = true));
		socket.on('close', () => (closed = true));
		socket.on('error', () => undefined);
		// One request on a kept-alive connection, then nothing.
		socket.write(`GET ${new URL(served.followUrl).pathname}${new URL(served.followUrl).search} HTTP/1.1\r\nHost: x\r\n\r\n`);
		await poll(() => closed, 'the idle connection to be closed', {timeoutMs: 5000});
	});

	test('a follow page that stops reading is let go, with a line for the presenter; the others go on', {timeout: 20_000}, async () => {
		const notices: string[] = [];
		const feed = createShowFeed();
		let state = initNavigation({units: deck.slides.map(slide => slide.units)});
		feed.report(state, deck);
		const served = await startServer({address: {host: '127.0.0.1', port: 0}, feed, limits: {stalledMs: 300}, onNotice: text => notices.push(text)});
		open.push(served);
		const events = served.followUrl.replace('/follow?', '/events?');
		const frozen = listen(events);
		const reading = listen(events);
		await poll(() => frozen.events.length > 0 && reading.events.length > 0, 'both streams');
		frozen.response!.pause();
		// Moves until the frozen reader's socket is full and its writer is behind.
		for (let move = 0; move < 20_000 && !frozen.closed; move++) {
			state = navigate(state, {type: move % 2 === 0 ? 'next' : 'previous'});
			feed.report(state, deck);
			// A turn of the event loop between moves, as between a presenter's keys.
			await new Promise(resolve => {
				setImmediate(resolve);
			});
		}

		await poll(() => served.streams().follow === 1, 'the frozen stream to be let go', {timeoutMs: 10_000});
		expect(notices).toContain('let go of a follow page that stopped reading; the show goes on');
		state = navigate(initNavigation({units: deck.slides.map(slide => slide.units)}), {type: 'last'});
		feed.report(state, deck);
		await poll(() => reading.events.at(-1)?.['index'] === deck.slides.length - 1, 'the reader to see the last slide');
		reading.request.destroy();
		frozen.request.destroy();
	});

	test('a client that asks too often is told to wait (429)', async () => {
		const {served} = await show();
		const statuses: number[] = [];
		for (let index = 0; index < defaultLimits.burst + 5; index++) {
			statuses.push((await request(served.followUrl.replace('/follow?', '/page.css?'), {localAddress: '127.0.0.11'})).status);
		}

		expect(statuses.slice(0, defaultLimits.burst - 1).every(status => status === 200)).toBe(true);
		expect(statuses).toContain(429);
		expect((await request(served.followUrl, {localAddress: '127.0.0.12'})).status).toBe(200);
	});
});

describe('the server\'s life', () => {
	test('a port in use and an address this machine does not have are one clear line', async () => {
		const {served} = await show();
		const feed = createShowFeed();
		await expect(startServer({address: {host: '127.0.0.1', port: served.port}, feed})).rejects.toThrow(/port is in use \(EADDRINUSE\)/);
		await expect(startServer({address: {host: '192.0.2.1', port: 0}, feed})).rejects.toThrow(ServeError);
	});

	test('closing ends every stream and frees the port', async () => {
		const {served} = await show();
		const stream = listen(served.followUrl.replace('/follow?', '/events?'));
		await poll(() => stream.events.length > 0, 'the stream');
		await served.close();
		await poll(() => stream.closed, 'the stream to end');
		const again = await startServer({address: {host: '127.0.0.1', port: served.port}, feed: createShowFeed()});
		open.push(again);
		expect(again.port).toBe(served.port);
	});

	test('--serve takes PORT or HOST:PORT, on 127.0.0.1 unless another address is named', () => {
		expect(parseServeAddress('8080')).toEqual({host: '127.0.0.1', port: 8080});
		expect(parseServeAddress('0.0.0.0:80')).toEqual({host: '0.0.0.0', port: 80});
		expect(parseServeAddress('[::1]:9000')).toEqual({host: '::1', port: 9000});
		for (const bad of ['', 'abc', '70000', 'host:', ':80', '1.2.3.4:-1']) {
			expect(parseServeAddress(bad)).toHaveProperty('message');
		}
	});
});
