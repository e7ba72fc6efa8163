import net from 'node:net';
import process from 'node:process';
import {type Connection, openConnection} from './connection.js';
import {type PeerLink, type Position, presenterConnected} from './peer.js';
import {type ClockState, initialClock, nextCount, publishLocal, receive, type Stamped, unstamped} from './position-clock.js';
import {type Bounds, busyLine, type Hello, helloLine, type LinkRole, maxLineBytes, parseMessage, positionLine, protocolVersion, randomId} from './protocol.js';
import {clearStale, inodeOf, listenAt, removeOwn, tryConnect} from './rendezvous.js';
import {checkSocketPath, ensurePrivateDirectory, type Environment, socketDirectory, socketPath, temporaryName} from './socket-directory.js';

/**
The link between the audience view and the presenter view of one deck: a Unix domain socket in a
private per-user directory (socket-directory.ts), never TCP. Whoever starts first listens; the other
connects (rendezvous.ts). Pairing is explicit: one audience view and one presenter view. A third
view of the same deck (a second audience view, a second presenter view) is told `busy` and runs
alone, saying so once; a `--rehearse` run opens no link at all. Both send their full position as
checked lines (protocol.ts), stamped by a Lamport clock (position-clock.ts), so any interleaving of
keys ends on one position. A peer that dies is replaced: the survivor reconnects, or takes over the
socket, every few hundred milliseconds.
*/
export {deckKey, maxLineBytes, protocolVersion, type LinkRole} from './protocol.js';
export {LinkError, maxPathBytes, socketDirectory, ensurePrivateDirectory, socketPath} from './socket-directory.js';

export type LinkOptions = {
	readonly deckKey: string;
	readonly role: LinkRole;
	readonly env?: Environment;
	/** How often a link without a peer retries (ms); at most 250 so restarts are found within a second. */
	readonly retryMs?: number;
	/** The reveal units of each slide: positions outside them are refused. */
	readonly bounds?: Bounds;
};

export type PresenterLink = PeerLink & {
	readonly path: string;
	/** 'server' while listening, 'client' while connected or looking, 'alone' after `busy`, 'closed' after close(). */
	readonly side: () => 'server' | 'client' | 'alone' | 'closed';
	/** Peers that completed the handshake. */
	readonly peers: () => number;
	/** The most bytes waiting to be written to any one peer (bounded: a frozen peer gets no queue). */
	readonly backlog: () => number;
	/** The position the link holds (the newest it has seen). */
	readonly current: () => Position | undefined;
};

class Link {
	readonly id = randomId();
	readonly positionListeners = new Set<(position: Position) => void>();
	readonly statusListeners = new Set<(status: string) => void>();
	readonly connections = new Set<Connection>();
	readonly retryMs: number;
	server: net.Server | undefined;
	serverInode: number | undefined;
	clock: ClockState = initialClock;
	/**
	The view's own count of timer restarts, as it last published it or was handed it. On the wire
	the count goes round the clock's circle, and a change means `r`; the view is handed its own
	count plus one for each change (see timerFor), so a peer's number never becomes the view's.
	*/
	viewTimer: number | undefined;
	isClosed = false;
	isAlone = false;
	status = '';
	timer: NodeJS.Timeout | undefined;
	isLooking = false;
	joined: (() => void) | undefined;
	readonly watch: NodeJS.Timeout;
	readonly onExit = () => {
		removeOwn(this.file, this.serverInode);
	};

	constructor(
		readonly options: LinkOptions,
		readonly directory: string,
		readonly file: string,
	) {
		this.retryMs = Math.min(250, options.retryMs ?? 200);
		// A server checks that the path is still its own socket; if another took it, it joins that one.
		this.watch = setInterval(() => {
			if (this.server && this.serverInode !== undefined && inodeOf(file) !== this.serverInode) {
				this.stopServer();
				this.schedule();
			}
		}, this.retryMs);
		this.watch.unref();
		process.on('exit', this.onExit);
	}

	greeted(): number {
		return [...this.connections].filter(connection => connection.isGreeted).length;
	}

	setStatus(text: string): void {
		if (text !== this.status) {
			this.status = text;
			for (const listener of this.statusListeners) {
				listener(text);
			}
		}
	}

	peerStatus(): void {
		if (this.isAlone) {
			return;
		}

		const peers = this.greeted();
		if (this.options.role === 'presenter') {
			this.setStatus(peers > 0 ? 'audience view connected' : 'waiting for the audience view');
		} else {
			this.setStatus(peers > 0 ? presenterConnected : '');
		}
	}

	broadcast(except?: Connection): void {
		const {current} = this.clock;
		if (!current) {
			return;
		}

		const line = positionLine(current);
		for (const connection of this.connections) {
			if (connection !== except && connection.isGreeted) {
				connection.send(line);
			}
		}
	}

	/** A position for the view: its timer count is the view's own, one more if the wire's count moved on from `held`. */
	timerFor(position: Position, held: number): Position {
		const isSame = (position.timer ?? 0) === held;
		if (isSame && this.viewTimer === undefined) {
			return position;
		}

		this.viewTimer = (this.viewTimer ?? 0) + (isSame ? 0 : 1);
		return {...position, timer: this.viewTimer};
	}

	emit(position: Position): void {
		for (const listener of this.positionListeners) {
			listener(position);
		}
	}

	drop(connection: Connection, reason?: string): void {
		connection.close();
		if (reason) {
			this.setStatus(`closed a connection: the peer sent ${reason}`);
		}
	}

	/** Told `busy`, or met a view of its own kind: this view runs alone from now on and says so. */
	runAlone(): void {
		this.isAlone = true;
		for (const connection of this.connections) {
			connection.close();
		}

		this.setStatus(`not linked: another ${this.options.role} view is running`);
		this.joined?.();
	}

	onHello(connection: Connection, hello: Hello): void {
		if (hello.proto !== protocolVersion) {
			this.drop(connection, `protocol ${hello.proto}; this briefing speaks protocol ${protocolVersion}`);
			return;
		}

		if (hello.deck !== this.options.deckKey) {
			this.drop(connection, 'a hello for a different deck');
			return;
		}

		const isTaken = hello.role === this.options.role || (this.server !== undefined && this.greeted() > 0);
		if (isTaken) {
			// One audience view and one presenter view: a third is told so, and runs alone.
			if (this.server) {
				connection.isRefused = true;
				connection.socket.end(busyLine);
			} else {
				this.runAlone();
			}

			return;
		}

		connection.isGreeted = true;
		if (this.server) {
			// The server answers a hello it accepts (and only then): a refused view never sees a greeting.
			connection.send(helloLine(this.options.deckKey, this.options.role));
		}

		this.peerStatus();
		if (this.clock.current) {
			// The newest position so far, whatever happened while the peer was connecting.
			connection.send(positionLine(this.clock.current));
		}

		if (!this.server) {
			// Give the server's position a moment to arrive before the view starts.
			setTimeout(() => this.joined?.(), 100).unref();
		}
	}

	onPosition(connection: Connection, position: Stamped): void {
		if (!connection.isGreeted) {
			this.drop(connection, 'a position before its hello');
			return;
		}

		const held = this.clock.current?.timer ?? 0;
		const received = receive(this.clock, position);
		this.clock = received.state;
		if (received.isTaken) {
			if (this.server) {
				this.broadcast(connection);
			}

			this.emit(this.timerFor(unstamped(position), held));
		}

		if (!this.server) {
			this.joined?.();
		}
	}

	onLine(connection: Connection, line: string): void {
		if (line.trim() === '' || connection.isRefused) {
			return;
		}

		const message = parseMessage(line, this.options.bounds);
		if ('error' in message) {
			this.drop(connection, message.error);
		} else if ('hello' in message) {
			this.onHello(connection, message.hello);
		} else if ('busy' in message) {
			if (!this.server) {
				this.runAlone();
			}
		} else if ('position' in message) {
			this.onPosition(connection, message.position);
		}
	}

	/** A new connection; the connecting side says hello first, the server answers in onHello. */
	attach(socket: net.Socket, isConnecting: boolean): Connection {
		const connection = openConnection(socket, {
			onLine: (each, line) => {
				this.onLine(each, line);
			},
			onOversize: each => {
				this.drop(each, `a line over ${maxLineBytes} bytes`);
			},
			onClose: each => {
				this.onClose(each);
			},
			latest: () => (this.clock.current ? positionLine(this.clock.current) : undefined),
		});
		this.connections.add(connection);
		if (isConnecting) {
			socket.write(helloLine(this.options.deckKey, this.options.role));
		}

		return connection;
	}

	onClose(connection: Connection): void {
		const wasGreeted = connection.isGreeted;
		this.connections.delete(connection);
		this.joined?.();
		if (wasGreeted || this.status === '' || this.status.startsWith('waiting')) {
			this.peerStatus();
		}

		if (!this.server) {
			this.schedule();
		}
	}

	stopServer(): void {
		const old = this.server;
		this.server = undefined;
		this.serverInode = undefined;
		for (const connection of this.connections) {
			connection.close();
		}

		old?.close();
	}

	/** Takes the path: listens on a private name, then links it into place. */
	async listen(): Promise<'listening' | 'taken'> {
		const candidate = net.createServer(socket => {
			if (this.server === candidate) {
				this.attach(socket, false);
				this.peerStatus();
			} else {
				socket.destroy();
			}
		});
		const taken = await listenAt(candidate, temporaryName(this.directory, this.options.deckKey, this.id), this.file);
		if (taken === 'taken') {
			return 'taken';
		}

		if (this.isClosed) {
			candidate.close();
			removeOwn(this.file, inodeOf(this.file));
			return 'listening';
		}

		this.server = candidate;
		this.serverInode = inodeOf(this.file);
		this.peerStatus();
		return 'listening';
	}

	/** One round: join a live peer, else replace a stale socket, else listen. */
	async look(): Promise<void> {
		checkSocketPath(this.file);
		const attempt = await tryConnect(this.file);
		if (this.isClosed || this.isAlone) {
			if ('socket' in attempt) {
				attempt.socket.destroy();
			}

			return;
		}

		if ('socket' in attempt) {
			this.attach(attempt.socket, true);
			return;
		}

		clearStale(this.file, attempt.code);
		if ((await this.listen()) === 'taken') {
			this.schedule();
		}
	}

	schedule(delay = this.retryMs): void {
		if (this.timer || this.isClosed || this.isAlone || this.server) {
			return;
		}

		// A little jitter, so two survivors do not race for the socket in lockstep.
		this.timer = setTimeout(() => {
			this.timer = undefined;
			void this.round();
		}, Math.round(delay * (0.5 + Math.random() * 0.5)));
		this.timer.unref();
	}

	async round(): Promise<void> {
		if (this.isLooking || this.isClosed || this.isAlone || this.server || this.connections.size > 0) {
			return;
		}

		this.isLooking = true;
		try {
			await this.look();
		} catch (error: unknown) {
			this.setStatus(error instanceof Error ? error.message : String(error));
			this.schedule();
		} finally {
			this.isLooking = false;
		}
	}

	/** Stops everything; `onExit` is the last thing left to undo. */
	async close(): Promise<void> {
		if (this.isClosed) {
			return;
		}

		this.isClosed = true;
		clearInterval(this.watch);
		clearTimeout(this.timer);
		removeOwn(this.file, this.serverInode);
		process.off('exit', this.onExit);
		const old = this.server;
		this.server = undefined;
		for (const connection of this.connections) {
			connection.close();
		}

		if (old) {
			await new Promise<void>(resolve => {
				old.close(() => {
					resolve();
				});
			});
		}
	}

	publish(position: Position): void {
		if (this.isClosed) {
			return;
		}

		// The wire's count of restarts: one round further when the view's own count changed (`r`).
		const held = this.clock.current?.timer ?? 0;
		const viewTimer = position.timer ?? 0;
		const timer = this.viewTimer === undefined || this.viewTimer === viewTimer ? held : nextCount(held);
		this.viewTimer = position.timer ?? this.viewTimer;
		const published = publishLocal(this.clock, {...position, ...(position.timer === undefined && timer === 0 ? {} : {timer})}, this.id);
		this.clock = published.state;
		if (published.adopt) {
			// Joining a running show: its position wins over where this view happened to start.
			this.emit(this.timerFor(published.adopt, 0));
		} else if (published.send) {
			this.broadcast();
		}
	}
}

/** The link's face: what the app and the tests use. */
function handle(link: Link): PresenterLink {
	return {
		path: link.file,
		side: () => (link.isClosed ? 'closed' : link.isAlone ? 'alone' : link.server ? 'server' : 'client'),
		peers: () => link.greeted(),
		backlog: () => Math.max(0, ...[...link.connections].map(connection => connection.socket.writableLength)),
		current: () => (link.clock.current ? unstamped(link.clock.current) : undefined),
		publish(position) {
			link.publish(position);
		},
		onPosition(listener) {
			link.positionListeners.add(listener);
			return () => {
				link.positionListeners.delete(listener);
			};
		},
		onStatus(listener) {
			link.statusListeners.add(listener);
			if (link.status) {
				listener(link.status);
			}

			return () => {
				link.statusListeners.delete(listener);
			};
		},
		async close() {
			await link.close();
		},
	};
}

/**
Opens the link: checks the directory, then joins a live peer or listens. Resolves once it is
listening, or connected and greeted (so a view that joins a running show starts where the show is).
Rejects with LinkError when the directory is unsafe or the path is something other than a socket.
*/
export async function openPresenterLink(options: LinkOptions): Promise<PresenterLink> {
	const directory = socketDirectory(options.env);
	ensurePrivateDirectory(directory);
	const link = new Link(options, directory, socketPath(directory, options.deckKey));
	try {
		await link.look();
	} catch (error: unknown) {
		await link.close();
		throw error;
	}

	if (!link.server && link.connections.size > 0) {
		await new Promise<void>(resolve => {
			link.joined = resolve;
			setTimeout(resolve, 500).unref();
		});
		link.joined = undefined;
	}

	if (!link.server && link.connections.size === 0) {
		link.schedule();
	}

	// Joined a peer that has not answered (stopped with Ctrl+Z, say): the presenter still says it waits.
	link.peerStatus();
	return handle(link);
}
