import {execFileSync, spawn} from 'node:child_process';
import {chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import fc from 'fast-check';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import type {Position} from '../source/link/peer.js';
import {maxClock} from '../source/link/position-clock.js';
import {initNavigation, navigate, type NavigationAction} from '../source/model/navigation.js';
import {parseMessage, positionProblem} from '../source/link/protocol.js';
import {
	deckKey,
	LinkError,
	maxLineBytes,
	openPresenterLink,
	type PresenterLink,
	protocolVersion,
	socketDirectory,
} from '../source/link/presenter-link.js';

let runtime = '';
let env: Record<string, string> = {};
const open: PresenterLink[] = [];
let keyCounter = 0;

/** A fresh deck key per test, so links of different tests never meet. */
function freshKey(): string {
	keyCounter++;
	return deckKey({title: `test deck ${process.pid} ${keyCounter}`, slides: [{id: 'a'}]});
}

async function link(key: string, role: 'audience' | 'presenter' = 'audience', bounds?: readonly number[]): Promise<PresenterLink> {
	const opened = await openPresenterLink({deckKey: key, role, env, retryMs: 50, ...(bounds ? {bounds} : {})});
	open.push(opened);
	return opened;
}

/** Polls until `check` holds; fails with `what` after the timeout. */
async function until(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > end) {
			throw new Error(`timed out waiting for ${what}`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, 5);
		});
	}
}

function same(a: Position | undefined, b: Position | undefined): boolean {
	return a !== undefined && b !== undefined && a.index === b.index && a.step === b.step && a.blank === b.blank;
}

/** A raw socket to the link, to say things a well-behaved peer would not. */
async function rawClient(file: string): Promise<net.Socket> {
	return new Promise((resolve, reject) => {
		const socket = net.createConnection(file, () => {
			// Flowing, so the peer's close is seen.
			socket.resume();
			resolve(socket);
		});
		socket.once('error', reject);
	});
}

function closed(socket: net.Socket): Promise<void> {
	return new Promise(resolve => {
		if (socket.destroyed) {
			resolve();
			return;
		}

		socket.once('close', () => {
			resolve();
		});
	});
}

beforeEach(() => {
	runtime = mkdtempSync(path.join(os.tmpdir(), 'brf-'));
	env = {XDG_RUNTIME_DIR: runtime};
});

afterEach(async () => {
	await Promise.all(open.splice(0).map(async opened => opened.close()));
	rmSync(runtime, {recursive: true, force: true});
});

describe('the socket and its directory', () => {
	test('the directory is 0700 and the socket has no group or other bits', async () => {
		const key = freshKey();
		const opened = await link(key);
		const directory = socketDirectory(env);
		expect(directory).toBe(path.join(runtime, 'briefing'));
		expect(lstatSync(directory).mode & 0o777).toBe(0o700);
		const stat = lstatSync(opened.path);
		expect(stat.isSocket()).toBe(true);
		expect(stat.mode & 0o077).toBe(0);
		expect(path.basename(opened.path)).toBe(`${key}.sock`);
		expect(Buffer.byteLength(opened.path)).toBeLessThan(100);
		expect(opened.side()).toBe('server');
		// The umask is given back after listening.
		const mask = process.umask();
		expect(mask).not.toBe(0o077);
	});

	test('a socket path that would be cut by the kernel is refused', async () => {
		const deep = path.join(runtime, 'd'.repeat(60));
		mkdirSync(deep);
		await expect(openPresenterLink({deckKey: freshKey(), role: 'audience', env: {XDG_RUNTIME_DIR: deep}})).rejects.toThrow(/longer than 100 bytes/);
	});

	test('without XDG_RUNTIME_DIR the directory is briefing-<uid> in the temp dir', () => {
		expect(socketDirectory({})).toBe(path.join(os.tmpdir(), `briefing-${process.getuid?.() ?? 0}`));
	});

	test('a directory open to others (0755) is refused with a clear message', async () => {
		mkdirSync(path.join(runtime, 'briefing'), {mode: 0o755});
		chmodSync(path.join(runtime, 'briefing'), 0o755);
		await expect(link(freshKey())).rejects.toThrow(/unsafe permissions 755.*chmod 700/);
	});

	test('a symlinked directory is refused', async () => {
		const elsewhere = path.join(runtime, 'elsewhere');
		mkdirSync(elsewhere, {mode: 0o700});
		symlinkSync(elsewhere, path.join(runtime, 'briefing'));
		const failure = link(freshKey());
		await expect(failure).rejects.toBeInstanceOf(LinkError);
		await expect(failure).rejects.toThrow(/symbolic link/);
	});

	test('a regular file at the socket path is never deleted and gives a clear error', async () => {
		const key = freshKey();
		const directory = path.join(runtime, 'briefing');
		mkdirSync(directory, {mode: 0o700});
		const file = path.join(directory, `${key}.sock`);
		writeFileSync(file, 'not a socket');
		await expect(link(key)).rejects.toThrow(/exists and is not a socket; not touching it/);
		expect(readFileSync(file, 'utf8')).toBe('not a socket');
	});

	test('a stale socket left by a killed process is replaced', async () => {
		const key = freshKey();
		const directory = path.join(runtime, 'briefing');
		mkdirSync(directory, {mode: 0o700});
		const file = path.join(directory, `${key}.sock`);
		const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(file)}, () => console.log('up'))`]);
		await new Promise<void>(resolve => {
			child.stdout.once('data', () => {
				resolve();
			});
		});
		const exited = new Promise(resolve => {
			child.once('exit', resolve);
		});
		child.kill('SIGKILL');
		await exited;
		expect(lstatSync(file).isSocket()).toBe(true);
		await expect(rawClient(file)).rejects.toThrow(/ECONNREFUSED/);
		const opened = await link(key);
		expect(opened.side()).toBe('server');
		expect(lstatSync(file).isSocket()).toBe(true);
		const other = await link(key, 'presenter');
		other.publish({index: 2, step: 1, blank: 'none'});
		await until(() => same(opened.current(), {index: 2, step: 1, blank: 'none'}), 'the replaced socket to carry a position');
	});

	test('close removes the socket file', async () => {
		const opened = await link(freshKey());
		expect(existsSync(opened.path)).toBe(true);
		await opened.close();
		expect(existsSync(opened.path)).toBe(false);
		expect(opened.side()).toBe('closed');
	});

	const hasSetpriv = (() => {
		try {
			execFileSync('which', ['setpriv'], {stdio: 'ignore'});
			return process.getuid?.() === 0;
		} catch {
			return false;
		}
	})();

	// Run as root with setpriv available (as on the CI box); elsewhere the other user cannot be made.
	test.runIf(hasSetpriv)('a connection from another user (nobody, via setpriv) is refused with EACCES (skipped unless root with setpriv, which alone can act as nobody)', async () => {
		// Let nobody reach the runtime dir itself, so only our 0700 directory stands in the way.
		chmodSync(runtime, 0o755);
		const key = freshKey();
		const server = await link(key, 'audience');
		const code = `const s = require('net').createConnection(${JSON.stringify(server.path)});
s.on('connect', () => { console.log('CONNECTED'); s.destroy(); });
s.on('error', e => console.log(e.code));`;
		const output = execFileSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, '-e', code], {encoding: 'utf8'});
		expect(output.trim()).toBe('EACCES');
		const presenter = await link(key, 'presenter');
		presenter.publish({index: 1, step: 0, blank: 'none'});
		await until(() => same(server.current(), {index: 1, step: 0, blank: 'none'}), 'the link to keep working');
	});

	test('a dangling symbolic link, a folder or a fifo at the socket path gets the same one-line refusal and is left alone', async () => {
		for (const make of ['symlink', 'folder', 'fifo'] as const) {
			const key = freshKey();
			const directory = path.join(runtime, 'briefing');
			mkdirSync(directory, {mode: 0o700, recursive: true});
			const file = path.join(directory, `${key}.sock`);
			if (make === 'symlink') {
				symlinkSync(path.join(runtime, 'nowhere'), file);
			} else if (make === 'folder') {
				mkdirSync(file);
			} else {
				execFileSync('mkfifo', [file]);
			}

			const failure = link(key);
			await expect(failure, make).rejects.toBeInstanceOf(LinkError);
			await expect(failure, make).rejects.toThrow(`"${file}" exists and is not a socket; not touching it (remove it yourself if it is not needed)`);
			expect(lstatSync(file).isSocket(), make).toBe(false);
		}
	});
});

describe('the peers', () => {
	test('the first waits, the second connects, and statuses say so', async () => {
		const key = freshKey();
		const presenter = await link(key, 'presenter');
		const statuses: string[] = [];
		presenter.onStatus(status => statuses.push(status));
		expect(statuses).toEqual(['waiting for the audience view']);
		const audience = await link(key, 'audience');
		const audienceStatuses: string[] = [];
		audience.onStatus(status => audienceStatuses.push(status));
		await until(() => statuses.at(-1) === 'audience view connected', 'the presenter to see the audience');
		await until(() => audienceStatuses.at(-1) === 'presenter view connected', 'the audience to see the presenter');
		expect(audience.side()).toBe('client');
		await audience.close();
		await until(() => statuses.at(-1) === 'waiting for the audience view', 'the presenter to wait again');
	});

	test('a second audience view runs alone, says so once, and never links, even after the first leaves', async () => {
		const key = freshKey();
		const first = await link(key, 'audience');
		const second = await link(key, 'audience');
		const statuses: string[] = [];
		second.onStatus(status => statuses.push(status));
		const presenter = await link(key, 'presenter');
		first.publish({index: 0, step: 0, blank: 'none'});
		second.publish({index: 9, step: 0, blank: 'none'});
		presenter.publish({index: 0, step: 0, blank: 'none'});
		presenter.publish({index: 3, step: 0, blank: 'none'});
		await until(() => same(first.current(), {index: 3, step: 0, blank: 'none'}), 'the first audience view to follow');
		expect(second.side()).toBe('alone');
		expect(statuses).toEqual(['not linked: another audience view is running']);
		await first.close();
		// The presenter takes the socket over; the second audience view stays out of it.
		await until(() => presenter.side() === 'server', 'the presenter to take over the socket', 4000);
		await new Promise(resolve => {
			setTimeout(resolve, 300);
		});
		expect(second.peers()).toBe(0);
		expect(presenter.peers()).toBe(0);
		expect(second.current()).toEqual({index: 9, step: 0, blank: 'none'});
		expect(statuses).toHaveLength(1);
	});

	test('with a pair linked, a second presenter view and a third audience view are told busy and run alone', async () => {
		for (const serverRole of ['audience', 'presenter'] as const) {
			const key = freshKey();
			const server = await link(key, serverRole);
			const peer = await link(key, serverRole === 'audience' ? 'presenter' : 'audience');
			await until(() => server.peers() === 1 && peer.peers() === 1, 'the pair');
			for (const role of ['audience', 'presenter'] as const) {
				const extra = await link(key, role);
				await until(() => extra.side() === 'alone', `a third view (${role}) to run alone`);
				extra.publish({index: 5, step: 0, blank: 'none'});
				extra.publish({index: 6, step: 0, blank: 'none'});
			}

			peer.publish({index: 2, step: 0, blank: 'none'});
			await until(() => same(server.current(), {index: 2, step: 0, blank: 'none'}), 'the pair to still move together');
			expect(server.peers()).toBe(1);
		}
	});

	test('a view that joins a running show follows it instead of its own start', async () => {
		const key = freshKey();
		const audience = await link(key);
		audience.publish({index: 0, step: 0, blank: 'none'});
		audience.publish({index: 4, step: 2, blank: 'black'});
		const presenter = await link(key, 'presenter');
		const seen: Position[] = [];
		presenter.onPosition(position => seen.push(position));
		presenter.publish({index: 0, step: 0, blank: 'none'});
		expect(seen.at(-1)).toEqual({index: 4, step: 2, blank: 'black'});
		expect(same(audience.current(), {index: 4, step: 2, blank: 'black'})).toBe(true);
		presenter.publish({index: 5, step: 0, blank: 'none'});
		await until(() => same(audience.current(), {index: 5, step: 0, blank: 'none'}), 'the presenter to move the audience');
	});

	test('random interleavings of moves on both sides converge (fast-check, seed 4242)', {timeout: 60_000}, async () => {
		const move = fc.record({
			side: fc.integer({min: 0, max: 1}),
			index: fc.integer({min: 0, max: 20}),
			step: fc.integer({min: 0, max: 4}),
			blank: fc.constantFrom('none', 'black', 'white'),
			pause: fc.constantFrom('none', 'tick', 'wait'),
		});
		await fc.assert(
			fc.asyncProperty(fc.array(move, {minLength: 1, maxLength: 25}), async moves => {
				const key = freshKey();
				const links = [await link(key, 'audience'), await link(key, 'presenter')] as const;
				const views: Array<Position | undefined> = [undefined, undefined];
				links.forEach((each, side) => {
					each.onPosition(position => {
						views[side] = position;
					});
				});
				for (const {side, pause, ...position} of moves) {
					const where = position as Position;
					views[side] = where;
					links[side]!.publish(where);
					if (pause === 'tick') {
						await new Promise(resolve => {
							setImmediate(resolve);
						});
					} else if (pause === 'wait') {
						await new Promise(resolve => {
							setTimeout(resolve, 2);
						});
					}
				}

				await until(() => same(views[0], views[1]) && same(links[0].current(), links[1].current()), 'both views to agree');
				expect(same(views[0], links[0].current())).toBe(true);
				await Promise.all(links.map(async each => each.close()));
			}),
			{seed: 4242, numRuns: 30},
		);
	});

	test('the server quits and comes back: the client takes over, the new one joins and resyncs', async () => {
		const key = freshKey();
		const first = await link(key, 'audience');
		const second = await link(key, 'presenter');
		second.publish({index: 3, step: 1, blank: 'none'});
		await until(() => same(first.current(), {index: 3, step: 1, blank: 'none'}), 'the first sync');
		await first.close();
		await until(() => second.side() === 'server', 'the client to take over the socket', 1000);
		second.publish({index: 6, step: 0, blank: 'none'});
		const restarted = await link(key, 'audience');
		expect(restarted.side()).toBe('client');
		const seen: Position[] = [];
		restarted.onPosition(position => seen.push(position));
		restarted.publish({index: 0, step: 0, blank: 'none'});
		expect(seen.at(-1)).toEqual({index: 6, step: 0, blank: 'none'});
		restarted.publish({index: 7, step: 2, blank: 'white'});
		await until(() => same(second.current(), {index: 7, step: 2, blank: 'white'}), 'the restarted view to move the other');
	});

	test('the client quits and comes back: it rejoins the running server', async () => {
		const key = freshKey();
		const server = await link(key, 'audience');
		server.publish({index: 1, step: 0, blank: 'none'});
		const client = await link(key, 'presenter');
		await client.close();
		server.publish({index: 2, step: 0, blank: 'none'});
		const again = await link(key, 'presenter');
		const seen: Position[] = [];
		again.onPosition(position => seen.push(position));
		again.publish({index: 0, step: 0, blank: 'none'});
		expect(seen.at(-1)).toEqual({index: 2, step: 0, blank: 'none'});
	});

	test('a frozen peer that never reads does not make the writer queue without bound', async () => {
		const key = freshKey();
		const server = await link(key);
		const frozen = await rawClient(server.path);
		frozen.write(JSON.stringify({type: 'hello', proto: protocolVersion, deck: key}) + '\n');
		frozen.pause();
		await until(() => server.peers() === 1, 'the frozen peer to be greeted');
		for (let index = 0; index < 20_000; index++) {
			server.publish({index: index % 50, step: 0, blank: 'none'});
		}

		// Without the bound this would be over a megabyte queued in memory for a peer that never reads.
		expect(server.backlog()).toBeGreaterThan(0);
		expect(server.backlog()).toBeLessThanOrEqual(4096 + 200);
		expect(same(server.current(), {index: 19_999 % 50, step: 0, blank: 'none'})).toBe(true);
		// When it reads again, what it last receives is the latest position, not a stale one.
		let received = '';
		frozen.on('data', (chunk: Buffer) => {
			received += chunk.toString('utf8');
		});
		frozen.resume();
		const last = () => received.trimEnd().split('\n').at(-1) ?? '';
		await until(() => last().includes('"index":49,'), 'the latest position to reach the peer that was frozen');
		frozen.destroy();
	});
});

/** A deck of ten slides, slide 9 with two reveal units, for the checks of what a peer sends. */
const bounds = [0, 0, 0, 0, 0, 0, 0, 0, 2, 0];

/** Positions just past each bound of `bounds`, and what the link says of them. */
const badPositions: Array<[string, Record<string, unknown>, string]> = [
	['a slide past the deck', {index: 10, step: 0, clock: 1}, 'a position on slide 11 of a deck of 10'],
	['a huge slide number', {index: 1_000_000_000, step: 0, clock: 1}, 'a position on slide 1000000001 of a deck of 10'],
	['a step past its slide', {index: 8, step: 3, clock: 1}, 'a position on step 3 of a slide with 2'],
	['a clock past the ceiling', {index: 8, step: 2, clock: maxClock + 1}, `a position whose clock is not a whole number from 0 to ${maxClock}`],
	['a timer count past the ceiling', {index: 8, step: 2, clock: 1, timer: maxClock + 1}, `a position whose timer count is not a whole number from 0 to ${maxClock}`],
	['the largest safe integer as clock', {index: 8, step: 2, clock: Number.MAX_SAFE_INTEGER}, `a position whose clock is not a whole number from 0 to ${maxClock}`],
	['a blank that is no blank', {index: 8, step: 2, clock: 1, blank: 'grey'}, 'a malformed position'],
];

describe('the checks of a position, at each bound', () => {
	test('the last slide, its last step and the ceiling clock are taken; one past each is refused', () => {
		const base = {blank: 'none', origin: 'ab'};
		expect(positionProblem({...base, index: 9, step: 0, clock: maxClock}, bounds)).toBeUndefined();
		expect(positionProblem({...base, index: 8, step: 2, clock: 0}, bounds)).toBeUndefined();
		expect(positionProblem({...base, index: 0, step: 0, clock: 0, blank: 'white'}, bounds)).toBeUndefined();
		for (const [what, position, says] of badPositions) {
			expect(positionProblem({...base, ...position}, bounds), what).toBe(says);
		}

		expect(positionProblem({...base, index: -1, step: 0, clock: 0}, bounds)).toBe('a malformed position');
		expect(positionProblem({...base, index: 1.5, step: 0, clock: 0}, bounds)).toBe('a malformed position');
		expect(positionProblem({...base, index: 0, step: 0, clock: -1}, bounds)).toMatch(/clock/);
		expect(parseMessage(JSON.stringify({type: 'position', ...base, index: 10, step: 0, clock: 1}), bounds)).toEqual({error: 'a position on slide 11 of a deck of 10'});
	});
});

describe('what the link refuses', () => {
	const cases = [
		{name: 'garbage', send: '\u0000\u001B[2Jnot json at all\n', says: 'a line that is not JSON'},
		{name: 'an oversize line', send: 'x'.repeat(maxLineBytes + 10), says: `a line over ${maxLineBytes} bytes`},
		{name: 'an oversize line with its newline', send: `{"type":"hello","pad":"${'y'.repeat(maxLineBytes)}"}\n`, says: `a line over ${maxLineBytes} bytes`},
		{name: 'a wrong protocol version', send: JSON.stringify({type: 'hello', proto: 2, deck: 'x'}) + '\n', says: `protocol 2; this briefing speaks protocol ${protocolVersion}`},
		{name: 'a position before the hello', send: JSON.stringify({type: 'position', index: 1, step: 0, blank: 'none', clock: 9, origin: 'ab'}) + '\n', says: 'a position before its hello'},
		{name: 'a position of the wrong shape', send: 'HELLO\n' + JSON.stringify({type: 'position', index: '1', step: 0, blank: 'none', clock: 9, origin: 'ab'}) + '\n', says: 'a malformed position'},
		...badPositions.map(([what, position, says]) => ({name: `a position with ${what}`, send: 'HELLO\n' + JSON.stringify({type: 'position', blank: 'none', origin: 'ab', ...position}) + '\n', says})),
	];

	for (const {name, send, says} of cases) {
		test(`${name} closes that connection; the other keeps working`, async () => {
			const key = freshKey();
			const server = await link(key, 'presenter', bounds);
			const statuses: string[] = [];
			server.onStatus(status => statuses.push(status));
			const bad = await rawClient(server.path);
			const text = send.replace('HELLO', JSON.stringify({type: 'hello', proto: protocolVersion, deck: key}));
			bad.write(text);
			await closed(bad);
			await until(() => statuses.includes(`closed a connection: the peer sent ${says}`), `the status to say "${says}"`);
			expect(server.side()).toBe('server');
			expect(server.current()).toBeUndefined();
			const peer = await link(key, 'audience', bounds);
			await until(() => server.peers() === 1, 'the good peer');
			peer.publish({index: 8, step: 1, blank: 'none'});
			await until(() => same(server.current(), {index: 8, step: 1, blank: 'none'}), 'the good peer to still move the server');
		});
	}

	test('moves made while the peer has not answered yet (stopped, say) reach it once it does', async () => {
		const key = freshKey();
		const directory = path.join(runtime, 'briefing');
		mkdirSync(directory, {mode: 0o700});
		const file = path.join(directory, `${key}.sock`);
		let peer: net.Socket | undefined;
		let received = '';
		const slow = net.createServer(socket => {
			peer = socket;
			socket.on('data', chunk => {
				received += chunk.toString('utf8');
			});
			socket.on('error', () => {});
		});
		await new Promise<void>(resolve => {
			slow.listen(file, resolve);
		});
		try {
			const client = await link(key, 'presenter');
			client.publish({index: 0, step: 0, blank: 'none'});
			client.publish({index: 1, step: 0, blank: 'none'});
			client.publish({index: 2, step: 1, blank: 'none'});
			await until(() => received.includes('"type":"hello"'), 'the hello');
			expect(received).not.toContain('"type":"position"');
			peer!.write(JSON.stringify({type: 'hello', proto: protocolVersion, deck: key, role: 'audience'}) + '\n');
			await until(() => received.includes('"type":"position"'), 'the position after the handshake');
			const positions = received.trim().split('\n').filter(line => line.includes('"position"')).map(line => JSON.parse(line) as Position);
			expect(positions.map(({index, step}) => [index, step])).toEqual([[2, 1]]);
		} finally {
			peer?.destroy();
			await new Promise(resolve => {
				slow.close(resolve);
			});
		}
	});

	test('a server that speaks another protocol is left; the view keeps its own position', async () => {
		const key = freshKey();
		const directory = path.join(runtime, 'briefing');
		mkdirSync(directory, {mode: 0o700});
		const file = path.join(directory, `${key}.sock`);
		const impostor = net.createServer(socket => {
			socket.write(JSON.stringify({type: 'hello', proto: 99, deck: key}) + '\n');
			socket.on('error', () => {});
			socket.resume();
		});
		await new Promise<void>(resolve => {
			impostor.listen(file, resolve);
		});
		try {
			const client = await link(key, 'presenter');
			const statuses: string[] = [];
			client.onStatus(status => statuses.push(status));
			await until(() => statuses.some(status => status.includes('protocol 99')), 'the client to name the mismatch');
			client.publish({index: 1, step: 0, blank: 'none'});
			expect(same(client.current(), {index: 1, step: 0, blank: 'none'})).toBe(true);
		} finally {
			await new Promise(resolve => {
				impostor.close(resolve);
			});
		}
	});
});

/**
A view as the app keeps one: the navigation state, every local action published as the position
(and the timer's restarts) and every position from the link applied as 'sync' (use-peer-link.ts).
*/
function linkedView(opened: PresenterLink, units: readonly number[]) {
	let state = initNavigation({units});
	const publish = () => {
		opened.publish({index: state.index, step: state.step, blank: state.blank, timer: state.timerEpoch});
	};

	opened.onPosition(position => {
		state = navigate(state, {type: 'sync', ...position});
	});
	publish();
	return {
		state: () => state,
		act(action: NavigationAction) {
			state = navigate(state, action);
			publish();
		},
	};
}

describe('what a peer that left behind the largest values cannot break', () => {
	const units = [0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0];
	const largest = [
		{what: 'the largest clock (2^40)', clock: maxClock},
		{what: 'the largest timer count (2^40)', clock: 1, timer: maxClock},
		{what: 'both at 2^40', clock: maxClock, timer: maxClock},
		{what: 'one below each', clock: maxClock - 1, timer: maxClock - 1},
	];

	for (const {what, clock, timer} of largest) {
		test(`${what}, from a peer that said hello as the presenter and left: a real presenter view pairs, stays in step for ten moves and an r`, async () => {
			const key = freshKey();
			const audienceLink = await link(key, 'audience', units);
			const audience = linkedView(audienceLink, units);
			const bad = await rawClient(audienceLink.path);
			// Half the circle below first, so that the largest value is later than the audience's start and is taken.
			const halfBelow = (clock - 2 ** 39 + maxClock + 1) % (maxClock + 1);
			const ladder = [{index: 4, clock: halfBelow}, {index: 5, clock}].map(each => JSON.stringify({type: 'position', step: 0, blank: 'none', origin: 'f'.repeat(32), ...each, ...(timer === undefined ? {} : {timer})}) + '\n');
			bad.write(JSON.stringify({type: 'hello', proto: protocolVersion, deck: key, role: 'presenter'}) + '\n' + ladder.join(''));
			await until(() => audience.state().index === 5, 'the audience to take the position');
			bad.end();
			await closed(bad);
			await until(() => audienceLink.peers() === 0, 'the bad peer to be gone');
			const epochBefore = audience.state().timerEpoch;

			const presenterLink = await link(key, 'presenter', units);
			const statuses: string[] = [];
			presenterLink.onStatus(status => statuses.push(status));
			const presenter = linkedView(presenterLink, units);
			await until(() => presenterLink.peers() === 1 && audienceLink.peers() === 1, 'the pair');
			await until(() => presenter.state().index === 5, 'the presenter view to join the show where it is');
			for (let move = 0; move < 10; move++) {
				presenter.act({type: move === 6 ? 'previous' : 'next'});
				const {index, step} = presenter.state();
				await until(() => audience.state().index === index && audience.state().step === step, `the audience to follow move ${move + 1} to slide ${index + 1} step ${step}`);
			}

			const audienceEpoch = audience.state().timerEpoch;
			presenter.act({type: 'reset-timer'});
			await until(() => audience.state().timerEpoch > audienceEpoch, 'the r to restart the audience view\'s timer');
			expect(audience.state().timerEpoch).toBeGreaterThanOrEqual(epochBefore);
			// And the audience's own moves still reach the presenter view.
			audience.act({type: 'next'});
			await until(() => presenter.state().index === audience.state().index, 'the presenter view to follow the audience view');
			expect(presenterLink.peers()).toBe(1);
			expect(statuses.at(-1)).toBe('audience view connected');
		});
	}

	test('a restarted presenter view pairs again and stays in step after the largest clock', async () => {
		const key = freshKey();
		const audienceLink = await link(key, 'audience', units);
		const audience = linkedView(audienceLink, units);
		const bad = await rawClient(audienceLink.path);
		bad.write(JSON.stringify({type: 'hello', proto: protocolVersion, deck: key, role: 'presenter'}) + '\n' + JSON.stringify({type: 'position', index: 2, step: 0, blank: 'none', clock: maxClock, timer: maxClock, origin: 'f'.repeat(32)}) + '\n');
		bad.end();
		await closed(bad);
		for (const round of [1, 2]) {
			const presenterLink = await link(key, 'presenter', units);
			const presenter = linkedView(presenterLink, units);
			await until(() => audienceLink.peers() === 1 && presenter.state().index === audience.state().index, `round ${round}: the pair`);
			for (let move = 0; move < 3; move++) {
				presenter.act({type: 'next'});
				await until(() => audience.state().index === presenter.state().index, `round ${round}: move ${move + 1}`);
			}

			const epoch = audience.state().timerEpoch;
			presenter.act({type: 'reset-timer'});
			await until(() => audience.state().timerEpoch > epoch, `round ${round}: the r`);
			await presenterLink.close();
			await until(() => audienceLink.peers() === 0, `round ${round}: the presenter view gone`);
		}
	});

	test('one past the largest clock or timer count is refused and that peer dropped; the next good peer pairs', async () => {
		for (const position of [{clock: maxClock + 1}, {clock: 1, timer: maxClock + 1}]) {
			const key = freshKey();
			const audienceLink = await link(key, 'audience', units);
			const audience = linkedView(audienceLink, units);
			const bad = await rawClient(audienceLink.path);
			bad.write(JSON.stringify({type: 'hello', proto: protocolVersion, deck: key, role: 'presenter'}) + '\n' + JSON.stringify({type: 'position', index: 5, step: 0, blank: 'none', origin: 'ab', ...position}) + '\n');
			await closed(bad);
			expect(audience.state().index).toBe(0);
			const presenter = linkedView(await link(key, 'presenter', units), units);
			await until(() => audienceLink.peers() === 1, 'the good peer');
			presenter.act({type: 'next'});
			await until(() => audience.state().index === 1, 'the good peer to move the audience view');
		}
	});
});
