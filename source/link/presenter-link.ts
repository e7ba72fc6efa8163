import {createHash, randomBytes} from 'node:crypto';
import {linkSync, lstatSync, mkdirSync, statSync, unlinkSync} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import type {Blank} from '../show/navigation.js';
import {type PeerLink, type Position, samePosition} from './peer.js';

/**
The link between the audience view and the presenter view of one deck: a Unix domain socket in a
private per-user directory, never TCP. Whoever starts first listens; a later process connects (an
audience view links only with a presenter view: two audience views of the same deck, say in
parallel tests, stay apart). Both
send their full position (never a delta) as newline-delimited JSON, stamped with a Lamport clock, so
any interleaving of keys on both sides ends on the same position. A peer that dies is replaced: the
survivor reconnects, or takes over the socket, every few hundred milliseconds.
*/
export const protocolVersion = 1;

/** The longest line either side accepts, newline excluded. */
export const maxLineBytes = 4096;

/** Unix socket paths are cut silently beyond sun_path (107 bytes on Linux, 103 on macOS). */
export const maxPathBytes = 100;

/** How often a view retries while the socket belongs to a view of its own kind. */
const sameRoleRetryMs = 1000;

/** Unsent bytes above which a write is dropped; the latest position is sent on 'drain' instead. */
const maxBuffered = 4096;

export type LinkRole = 'audience' | 'presenter';

export type LinkOptions = {
	readonly deckKey: string;
	readonly role: LinkRole;
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** How often a link without a peer retries (ms); at most 250 so restarts are found within a second. */
	readonly retryMs?: number;
};

/** A refusal the CLI prints as one line (exit 1). */
export class LinkError extends Error {
	override name = 'LinkError';
}

type Stamped = Position & {readonly clock: number; readonly origin: string};

type Hello = {readonly type: 'hello'; readonly proto: number; readonly deck: string; readonly role?: LinkRole};

const roles: readonly LinkRole[] = ['audience', 'presenter'];

/** The deck's name in the socket path: its title and slide ids, hashed. */
export function deckKey(deck: {readonly title: string; readonly slides: ReadonlyArray<{readonly id: string}>}): string {
	return createHash('sha256')
		.update(JSON.stringify([deck.title, ...deck.slides.map(slide => slide.id)]))
		.digest('hex')
		.slice(0, 16);
}

function uid(): number {
	return process.getuid?.() ?? 0;
}

/** `$XDG_RUNTIME_DIR/briefing`, else `<tmp>/briefing-<uid>`. */
export function socketDirectory(env: Readonly<Record<string, string | undefined>> = process.env): string {
	const runtime = env['XDG_RUNTIME_DIR'];
	if (runtime && path.isAbsolute(runtime)) {
		try {
			if (statSync(runtime).isDirectory()) {
				return path.join(runtime, 'briefing');
			}
		} catch {
			// Not there: use the temp directory.
		}
	}

	return path.join(os.tmpdir(), `briefing-${uid()}`);
}

/** Creates the directory 0700 if needed, then checks it is ours alone; throws LinkError if not. */
export function ensurePrivateDirectory(directory: string): void {
	try {
		mkdirSync(directory, {mode: 0o700});
	} catch (error: unknown) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
			throw new LinkError(`cannot create ${directory} for the presenter socket (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
		}
	}

	const stat = lstatSync(directory);
	if (stat.isSymbolicLink()) {
		throw new LinkError(`${directory} is a symbolic link; refusing to put the presenter socket there`);
	}

	if (!stat.isDirectory()) {
		throw new LinkError(`${directory} is not a directory; refusing to put the presenter socket there`);
	}

	if (stat.uid !== uid()) {
		throw new LinkError(`${directory} belongs to uid ${stat.uid}, not to you; refusing to put the presenter socket there`);
	}

	if ((stat.mode & 0o077) !== 0) {
		const mode = (stat.mode & 0o777).toString(8);
		throw new LinkError(`${directory} has unsafe permissions ${mode} (others can reach it); run chmod 700 ${directory}`);
	}
}

/** The name a server binds before linking it into place: `<key>.<8 hex>.tmp`, 8 bytes longer. */
function temporaryName(directory: string, key: string, id: string): string {
	return path.join(directory, `${key}.${id.slice(0, 8)}.tmp`);
}

export function socketPath(directory: string, key: string): string {
	const file = path.join(directory, `${key}.sock`);
	if (Buffer.byteLength(temporaryName(directory, key, '0'.repeat(8))) > maxPathBytes) {
		throw new LinkError(`the presenter socket path ${file} is longer than ${maxPathBytes} bytes; set XDG_RUNTIME_DIR to a shorter directory`);
	}

	return file;
}

function isNonNegativeInteger(value: unknown): value is number {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

const blanks: readonly Blank[] = ['none', 'black', 'white'];

/** What a line says, or why it is refused. Numbers and a short id only: nothing received is shown raw. */
export function parseMessage(line: string): {hello: Hello} | {position: Stamped} | {ignore: true} | {error: string} {
	if (Buffer.byteLength(line) > maxLineBytes) {
		return {error: `a line over ${maxLineBytes} bytes`};
	}

	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		return {error: 'a line that is not JSON'};
	}

	if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as {type?: unknown}).type !== 'string') {
		return {error: 'a message without a type'};
	}

	const message = value as Record<string, unknown>;
	if (message['type'] === 'hello') {
		if (!isNonNegativeInteger(message['proto']) || typeof message['deck'] !== 'string') {
			return {error: 'a malformed hello'};
		}

		const role = roles.find(each => each === message['role']);
		return {hello: {type: 'hello', proto: message['proto'], deck: message['deck'], ...(role ? {role} : {})}};
	}

	if (message['type'] === 'position') {
		const {index, step, blank, clock, origin} = message;
		if (
			!isNonNegativeInteger(index) ||
			!isNonNegativeInteger(step) ||
			!blanks.includes(blank as Blank) ||
			!isNonNegativeInteger(clock) ||
			typeof origin !== 'string' ||
			!/^[\da-f]{1,32}$/.test(origin)
		) {
			return {error: 'a malformed position'};
		}

		return {position: {index, step, blank: blank as Blank, clock, origin}};
	}

	// A later version may add message types; this one skips them.
	return {ignore: true};
}

function isNewer(a: Stamped, b: Stamped | undefined): boolean {
	return b === undefined || a.clock > b.clock || (a.clock === b.clock && a.origin > b.origin);
}

type Connection = {
	readonly socket: net.Socket;
	buffer: string;
	isGreeted: boolean;
	/** A write was dropped: send the latest position once the socket has flushed. */
	isBehind: boolean;
	/** The peer is a view of the same kind (a second audience view): no link, look again later. */
	isSameRole: boolean;
};

export type PresenterLink = PeerLink & {
	readonly path: string;
	/** 'server' while listening, 'client' while connected or looking, 'closed' after close(). */
	readonly side: () => 'server' | 'client' | 'closed';
	/** Peers that completed the handshake. */
	readonly peers: () => number;
	/** The most bytes waiting to be written to any one peer (bounded: a frozen peer gets no queue). */
	readonly backlog: () => number;
	/** The position the link holds (the newest it has seen). */
	readonly current: () => Position | undefined;
};

type Attempt = {readonly socket: net.Socket} | {readonly code: string};

function tryConnect(file: string): Promise<Attempt> {
	return new Promise(resolve => {
		const socket = net.createConnection(file);
		const onError = (error: NodeJS.ErrnoException) => {
			socket.destroy();
			resolve({code: error.code ?? 'ERROR'});
		};

		socket.once('error', onError);
		socket.once('connect', () => {
			socket.off('error', onError);
			resolve({socket});
		});
	});
}

function listenOn(server: net.Server, file: string): Promise<string | undefined> {
	return new Promise(resolve => {
		const onError = (error: NodeJS.ErrnoException) => {
			resolve(error.code ?? 'ERROR');
		};

		server.once('error', onError);
		const mask = process.umask(0o077);
		try {
			server.listen(file, () => {
				server.off('error', onError);
				resolve(undefined);
			});
		} finally {
			process.umask(mask);
		}
	});
}

function inodeOf(file: string): number | undefined {
	try {
		return lstatSync(file).ino;
	} catch {
		return undefined;
	}
}

/**
Opens the link: checks the directory, then joins a live peer or listens. Resolves once it is
listening, or connected and greeted (so a view that joins a running show starts where the show is).
Rejects with LinkError when the directory is unsafe or the path is something other than a socket.
*/
export async function openPresenterLink(options: LinkOptions): Promise<PresenterLink> {
	const directory = socketDirectory(options.env);
	ensurePrivateDirectory(directory);
	const file = socketPath(directory, options.deckKey);
	const retryMs = Math.min(250, options.retryMs ?? 200);
	const id = randomBytes(8).toString('hex');
	const positionListeners = new Set<(position: Position) => void>();
	const statusListeners = new Set<(status: string) => void>();
	const connections = new Set<Connection>();
	let server: net.Server | undefined;
	let serverInode: number | undefined;
	let current: Stamped | undefined;
	let hasPublished = false;
	let isClosed = false;
	let status = '';
	let timer: NodeJS.Timeout | undefined;
	let isLooking = false;
	let joined: (() => void) | undefined;

	const greeted = () => [...connections].filter(connection => connection.isGreeted).length;

	const setStatus = (text: string) => {
		if (text !== status) {
			status = text;
			for (const listener of statusListeners) {
				listener(text);
			}
		}
	};

	const peerStatus = () => {
		const peers = greeted();
		if (options.role === 'presenter') {
			setStatus(peers > 0 ? 'audience view connected' : 'waiting for the audience view');
		} else {
			setStatus(peers > 0 ? 'presenter view connected' : '');
		}
	};

	const positionLine = (position: Stamped) => JSON.stringify({type: 'position', ...position}) + '\n';

	const send = (connection: Connection, text: string) => {
		if (connection.socket.destroyed || !connection.socket.writable) {
			return;
		}

		if (connection.socket.writableLength > maxBuffered) {
			// A slow or stopped peer: never queue behind it; it gets the latest position when it drains.
			connection.isBehind = true;
			return;
		}

		// Once this is flushed, a peer that missed positions meanwhile gets the latest one.
		connection.socket.write(text, () => {
			if (connection.isBehind && current && connection.socket.writableLength <= maxBuffered) {
				connection.isBehind = false;
				send(connection, positionLine(current));
			}
		});
	};

	const broadcast = (except?: Connection) => {
		if (!current) {
			return;
		}

		const line = positionLine(current);
		for (const connection of connections) {
			if (connection !== except && connection.isGreeted) {
				send(connection, line);
			}
		}
	};

	const emit = (position: Position) => {
		for (const listener of positionListeners) {
			listener(position);
		}
	};

	const drop = (connection: Connection, reason?: string) => {
		connection.socket.destroy();
		if (reason) {
			setStatus(`closed a connection: the peer sent ${reason}`);
		}
	};

	const adopt = (position: Stamped, from: Connection) => {
		if (!isNewer(position, current)) {
			return;
		}

		current = position;
		if (server) {
			broadcast(from);
		}

		emit({index: position.index, step: position.step, blank: position.blank});
	};

	const onLine = (connection: Connection, line: string) => {
		if (line.trim() === '') {
			return;
		}

		const message = parseMessage(line);
		if ('error' in message) {
			drop(connection, message.error);
			return;
		}

		if ('hello' in message) {
			if (message.hello.proto !== protocolVersion) {
				drop(connection, `protocol ${message.hello.proto}; this briefing speaks protocol ${protocolVersion}`);
				return;
			}

			if (message.hello.deck !== options.deckKey) {
				drop(connection, 'a hello for a different deck');
				return;
			}

			if (message.hello.role === options.role) {
				// Two audience views (or two presenter views) do not drive each other; say nothing.
				connection.isSameRole = true;
				drop(connection);
				return;
			}

			connection.isGreeted = true;
			peerStatus();
			if (current) {
				// The newest position so far, whatever happened while the peer was connecting.
				send(connection, positionLine(current));
			}

			if (!server) {
				// Give the server's position a moment to arrive before the view starts.
				setTimeout(() => joined?.(), 100).unref();
			}

			return;
		}

		if ('position' in message) {
			if (!connection.isGreeted) {
				drop(connection, 'a position before its hello');
				return;
			}

			adopt(message.position, connection);
			if (!server) {
				joined?.();
			}
		}
	};

	const attach = (socket: net.Socket): Connection => {
		const connection: Connection = {socket, buffer: '', isGreeted: false, isBehind: false, isSameRole: false};
		connections.add(connection);
		socket.setEncoding('utf8');
		socket.on('data', (chunk: string) => {
			connection.buffer += chunk;
			let newline = connection.buffer.indexOf('\n');
			while (newline !== -1 && !socket.destroyed) {
				const line = connection.buffer.slice(0, newline);
				connection.buffer = connection.buffer.slice(newline + 1);
				onLine(connection, line);
				newline = connection.buffer.indexOf('\n');
			}

			if (Buffer.byteLength(connection.buffer) > maxLineBytes && !socket.destroyed) {
				drop(connection, `a line over ${maxLineBytes} bytes`);
			}
		});
		socket.on('error', () => {
			// EPIPE, ECONNRESET: the peer went away; 'close' follows.
		});
		socket.on('close', () => {
			const wasGreeted = connection.isGreeted;
			connections.delete(connection);
			joined?.();
			if (wasGreeted || status === '' || status.startsWith('waiting')) {
				peerStatus();
			}

			if (!server && !isClosed) {
				schedule(connection.isSameRole ? sameRoleRetryMs : retryMs);
			}
		});
		const hello = JSON.stringify({type: 'hello', proto: protocolVersion, deck: options.deckKey, role: options.role}) + '\n';
		socket.write(hello);
		return connection;
	};

	const stopServer = (thenLook: boolean) => {
		const old = server;
		server = undefined;
		serverInode = undefined;
		for (const connection of connections) {
			connection.socket.destroy();
		}

		old?.close();
		if (thenLook && !isClosed) {
			schedule();
		}
	};

	const removeOwnSocket = () => {
		if (serverInode !== undefined && inodeOf(file) === serverInode) {
			try {
				unlinkSync(file);
			} catch {
				// Already gone.
			}
		}
	};

	/** Listens on a private name, then links it into place: link() fails if someone got there first. */
	const listen = async (): Promise<'listening' | 'taken'> => {
		const candidate = net.createServer(socket => {
			if (server === candidate) {
				attach(socket);
				peerStatus();
			} else {
				socket.destroy();
			}
		});
		const temporary = temporaryName(directory, options.deckKey, id);
		const failed = await listenOn(candidate, temporary);
		if (failed) {
			throw new LinkError(`cannot listen on the presenter socket in ${directory} (${failed})`);
		}

		try {
			linkSync(temporary, file);
		} catch {
			candidate.close();
			return 'taken';
		}

		try {
			unlinkSync(temporary);
		} catch {
			// Gone already.
		}

		if (isClosed) {
			candidate.close();
			try {
				unlinkSync(file);
			} catch {
				// Gone already.
			}

			return 'listening';
		}

		server = candidate;
		serverInode = inodeOf(file);
		peerStatus();
		return 'listening';
	};

	/** One round: join a live peer, else replace a stale socket, else listen. */
	const look = async (): Promise<void> => {
		const attempt = await tryConnect(file);
		if (isClosed) {
			if ('socket' in attempt) {
				attempt.socket.destroy();
			}

			return;
		}

		if ('socket' in attempt) {
			attach(attempt.socket);
			return;
		}

		if (attempt.code === 'ECONNREFUSED') {
			let isSocket = false;
			try {
				isSocket = lstatSync(file).isSocket();
			} catch {
				// Vanished meanwhile: listen.
				isSocket = true;
			}

			if (!isSocket) {
				throw new LinkError(`${file} exists and is not a socket; not touching it (remove it yourself if it is not needed)`);
			}

			try {
				// Left by a process that died without closing: nobody answers it.
				unlinkSync(file);
			} catch {
				// Someone else removed it.
			}
		} else if (attempt.code !== 'ENOENT') {
			throw new LinkError(`cannot reach the presenter socket ${file} (${attempt.code})`);
		}

		if ((await listen()) === 'taken') {
			schedule();
		}
	};

	function schedule(delay = retryMs) {
		if (timer || isClosed || server) {
			return;
		}

		// A little jitter, so two survivors do not race for the socket in lockstep.
		timer = setTimeout(() => {
			timer = undefined;
			void round();
		}, Math.round(delay * (0.5 + Math.random() * 0.5)));
		timer.unref();
	}

	async function round(): Promise<void> {
		if (isLooking || isClosed || server || connections.size > 0) {
			return;
		}

		isLooking = true;
		try {
			await look();
		} catch (error: unknown) {
			setStatus(error instanceof Error ? error.message : String(error));
			schedule();
		} finally {
			isLooking = false;
		}
	}

	// A server checks that the path is still its own socket; if another took it, it joins that one.
	const watch = setInterval(() => {
		if (server && serverInode !== undefined && inodeOf(file) !== serverInode) {
			stopServer(true);
		}
	}, retryMs);
	watch.unref();

	const onExit = () => {
		removeOwnSocket();
	};

	process.on('exit', onExit);

	try {
		await look();
	} catch (error: unknown) {
		clearInterval(watch);
		process.off('exit', onExit);
		isClosed = true;
		for (const connection of connections) {
			connection.socket.destroy();
		}

		throw error;
	}

	if (!server && connections.size > 0) {
		await new Promise<void>(resolve => {
			joined = resolve;
			setTimeout(resolve, 500).unref();
		});
		joined = undefined;
	}

	if (!server && connections.size === 0) {
		schedule();
	}

	// Joined a peer that has not answered (stopped with Ctrl+Z, say): the presenter still says it waits.
	peerStatus();
	return {
		path: file,
		side: () => (isClosed ? 'closed' : server ? 'server' : 'client'),
		peers: greeted,
		backlog: () => Math.max(0, ...[...connections].map(connection => connection.socket.writableLength)),
		current: () => (current ? {index: current.index, step: current.step, blank: current.blank} : undefined),
		/**
		Sends a local move to the peer. The first publish is the view's start position: if the link
		already holds the position of a running show, that wins and is handed back to the view instead.
		*/
		publish(position: Position) {
			if (isClosed) {
				return;
			}

			const isFirst = !hasPublished;
			hasPublished = true;
			if (isFirst && current) {
				// Joining a running show: its position wins over where this view happened to start.
				emit({index: current.index, step: current.step, blank: current.blank});
				return;
			}

			if (current && samePosition(current, position)) {
				// Already there (the app publishes a move early, then again once it has rendered it).
				return;
			}

			current = {...position, clock: (current?.clock ?? 0) + 1, origin: id};
			broadcast();
		},
		onPosition(listener) {
			positionListeners.add(listener);
			return () => {
				positionListeners.delete(listener);
			};
		},
		onStatus(listener) {
			statusListeners.add(listener);
			if (status) {
				listener(status);
			}

			return () => {
				statusListeners.delete(listener);
			};
		},
		async close() {
			if (isClosed) {
				return;
			}

			isClosed = true;
			clearInterval(watch);
			if (timer) {
				clearTimeout(timer);
			}

			removeOwnSocket();
			process.off('exit', onExit);
			const old = server;
			server = undefined;
			for (const connection of connections) {
				connection.socket.destroy();
			}

			if (old) {
				await new Promise<void>(resolve => {
					old.close(() => {
						resolve();
					});
				});
			}
		},
	};
}
