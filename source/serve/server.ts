import http from 'node:http';
import type net from 'node:net';
import type {Deck} from '../deck/deck.js';
import type {ShowFeed, Shown} from '../follow/feed.js';
import {latestWriter, type LatestWriter} from '../follow/latest-writer.js';
import {inkKey, resolveKeypress} from '../model/keymap.js';
import {type ServeAddress, urlHost} from './address.js';
import {type Keys, newKeys, type Role, roleOf} from './keys.js';
import {defaultLimits, type Limits, rateLimiter} from './limits.js';
import {followPage, followSlideHtml, remotePage, stylesheet} from './page.js';
import {followScript, remoteScript} from './scripts.js';

/**
`--serve`: the audience view's web server, on Node's own http, with server-sent events. Every request
carries a key in its query: the follow key opens the follow page and its stream, the remote key the
remote page, its stream and its buttons; anything else (no key, a wrong key, the follow key on the
remote) gets 403 and an empty body. A button is a key of the key table, resolved in the audience
view's mode and dispatched there (feed.ts), so it moves the show as the presenter's key does. See
limits.ts for what a client may do, docs/follow.md for the why.
*/
export class ServeError extends Error {
	override name = 'ServeError';
}

export type ServeOptions = {
	readonly address: ServeAddress;
	readonly feed: ShowFeed;
	readonly keys?: Keys;
	/** The talk's planned length (ms), for the remote's time left. */
	readonly duration?: number;
	readonly limits?: Partial<Limits>;
	readonly now?: () => number;
	/** One line for the presenter about a follower the server let go or turned away; the show goes on. */
	readonly onNotice?: (text: string) => void;
};

export type Served = {
	readonly port: number;
	readonly host: string;
	readonly followUrl: string;
	readonly remoteUrl: string;
	/** Open event streams, by page. */
	readonly streams: () => {follow: number; remote: number};
	readonly close: () => Promise<void>;
};

const securityHeaders = {
	'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'X-Frame-Options': 'DENY',
	'Cache-Control': 'no-store',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Resource-Policy': 'same-origin',
};

const buttons = {
	next: {input: '', key: 'rightArrow'},
	previous: {input: '', key: 'leftArrow'},
	black: {input: 'b', key: undefined},
} as const;

type Button = keyof typeof buttons;

type Stream = {readonly writer: LatestWriter; readonly response: http.ServerResponse; behindSince: number | undefined};

/** An empty answer, then the connection closed: whatever else the client was sending is not read. */
function deny(response: http.ServerResponse, status = 403): void {
	response.writeHead(status, {...securityHeaders, 'Content-Length': '0', Connection: 'close'});
	response.end(() => {
		response.socket?.destroy();
	});
}

function send(response: http.ServerResponse, type: string, body: string): void {
	response.writeHead(200, {...securityHeaders, 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': String(Buffer.byteLength(body))});
	response.end(body);
}

class Server {
	readonly keys: Keys;
	readonly limits: Limits;
	readonly now: () => number;
	readonly server: http.Server;
	readonly sockets = new Set<net.Socket>();
	readonly perClient = new Map<string, number>();
	readonly follow = new Set<Stream>();
	readonly remote = new Set<Stream>();
	readonly isAllowed: (client: string) => boolean;
	/** The slides shown since the deck was last read, for a follow page opened late. */
	seen = new Set<number>();
	deckVersion = 0;
	followEvent = '';
	remoteEvent = '';
	readonly off: () => void;
	readonly sweep: NodeJS.Timeout;

	constructor(readonly options: ServeOptions) {
		this.keys = options.keys ?? newKeys();
		this.limits = {...defaultLimits, ...options.limits};
		this.now = options.now ?? Date.now;
		this.isAllowed = rateLimiter(this.limits, this.now);
		this.server = http.createServer({maxHeaderSize: this.limits.headerBytes, headersTimeout: this.limits.headersMs, requestTimeout: this.limits.requestMs, keepAliveTimeout: this.limits.idleMs, connectionsCheckingInterval: 500}, (request, response) => {
			this.handle(request, response);
		});
		this.server.maxConnections = this.limits.sockets;
		this.server.on('connection', socket => {
			this.admit(socket);
		});
		this.server.on('clientError', (_error, socket) => {
			// A request too big or malformed, or too slow: cut off without a word.
			socket.destroy();
		});
		this.off = options.feed.onShown(shown => {
			this.publish(shown);
		});
		const current = options.feed.current();
		if (current) {
			this.publish(current);
		}

		// Streams whose reader stopped reading, and a heartbeat for the others (proxies close quiet ones).
		this.sweep = setInterval(
			() => {
				this.heartbeat();
			},
			Math.min(10_000, this.limits.stalledMs / 3),
		);
		this.sweep.unref();
	}

	admit(socket: net.Socket): void {
		const client = socket.remoteAddress ?? '';
		const count = (this.perClient.get(client) ?? 0) + 1;
		if (count > this.limits.perClient) {
			socket.destroy();
			return;
		}

		this.perClient.set(client, count);
		this.sockets.add(socket);
		socket.setTimeout(this.limits.idleMs, () => {
			socket.destroy();
		});
		socket.once('close', () => {
			this.sockets.delete(socket);
			const left = (this.perClient.get(client) ?? 1) - 1;
			if (left > 0) {
				this.perClient.set(client, left);
			} else {
				this.perClient.delete(client);
			}
		});
	}

	deck(): Deck | undefined {
		return this.options.feed.deck();
	}

	publish(shown: Shown): void {
		const deck = this.deck();
		if (!deck) {
			return;
		}

		if (shown.deckVersion !== this.deckVersion) {
			this.deckVersion = shown.deckVersion;
			this.seen = new Set();
		}

		this.seen.add(shown.index);
		const slide = deck.slides[shown.index];
		const count = deck.slides.length;
		this.followEvent = event({index: shown.index, step: shown.step, blank: shown.blank, count, deckVersion: shown.deckVersion, html: followSlideHtml(deck, shown.index, shown.step)});
		const {duration} = this.options;
		const endsAt = duration === undefined ? undefined : (shown.timerStartedAt ?? this.now()) + duration;
		this.remoteEvent = event({
			index: shown.index,
			blank: shown.blank,
			count,
			title: slide?.title ?? '',
			notes: slide?.notes ?? '',
			now: this.now(),
			...(endsAt === undefined || shown.timerStartedAt === undefined ? {} : {endsAt}),
		});
		for (const stream of this.follow) {
			stream.writer.send(this.followEvent);
		}

		for (const stream of this.remote) {
			stream.writer.send(this.remoteEvent);
		}
	}

	heartbeat(): void {
		const time = this.now();
		for (const stream of [...this.follow, ...this.remote]) {
			if (!stream.writer.isBehind()) {
				stream.behindSince = undefined;
				stream.writer.send(': still here\n\n');
			} else if (stream.behindSince === undefined) {
				stream.behindSince = time;
			} else if (time - stream.behindSince > this.limits.stalledMs) {
				stream.response.destroy();
				this.options.onNotice?.('let go of a follow page that stopped reading; the show goes on');
			}
		}
	}

	handle(request: http.IncomingMessage, response: http.ServerResponse): void {
		const client = request.socket.remoteAddress ?? '';
		if (!this.isAllowed(client)) {
			response.writeHead(429, {...securityHeaders, 'Retry-After': '1', 'Content-Length': '0', Connection: 'close'});
			response.end();
			return;
		}

		const url = new URL(request.url ?? '/', 'http://localhost');
		const role = roleOf(url.searchParams.get('key') ?? undefined, this.keys);
		const route = role ? `${role} ${request.method ?? ''} ${url.pathname}` : '';
		switch (route) {
			case 'follow GET /follow': {
				return this.page(response, 'follow');
			}

			case 'remote GET /remote': {
				return this.page(response, 'remote');
			}

			case 'follow GET /events': {
				return this.stream(request, response, this.follow, this.limits.followers, this.followEvent);
			}

			case 'remote GET /remote/events': {
				return this.stream(request, response, this.remote, this.limits.remotes, this.remoteEvent);
			}

			case 'follow GET /page.css':
			case 'remote GET /page.css': {
				return send(response, 'text/css', stylesheet);
			}

			case 'follow GET /follow.js': {
				return send(response, 'text/javascript', followScript);
			}

			case 'remote GET /remote.js': {
				return send(response, 'text/javascript', remoteScript);
			}

			case 'remote POST /press': {
				return this.press(request, response);
			}

			default: {
				// No key, a wrong key, a key for the other page, a path that is not served: 403, nothing else.
				request.resume();
				deny(response);
			}
		}
	}

	page(response: http.ServerResponse, role: Role): void {
		const deck = this.deck();
		const shown = this.options.feed.current();
		if (!deck || !shown) {
			response.writeHead(503, {...securityHeaders, 'Retry-After': '1', 'Content-Length': '0'});
			response.end();
			return;
		}

		const body =
			role === 'follow'
				? followPage(deck, this.keys.follow, {index: shown.index, step: shown.step, blank: shown.blank, seen: [...this.seen].sort((a, b) => a - b)})
				: remotePage(deck, this.keys.remote, {index: shown.index, blank: shown.blank});
		send(response, 'text/html', body);
	}

	stream(request: http.IncomingMessage, response: http.ServerResponse, streams: Set<Stream>, most: number, first: string): void {
		if (streams.size >= most) {
			this.options.onNotice?.(`${streams === this.follow ? 'the follow page' : 'the remote'} is full (${most} open): turned one away`);
			response.writeHead(503, {...securityHeaders, 'Retry-After': '5', 'Content-Length': '0', Connection: 'close'});
			response.end();
			return;
		}

		// A stream is long-lived by design: no idle cut-off, but a stalled reader is dropped (heartbeat).
		request.socket.setTimeout(0);
		request.socket.setNoDelay(true);
		response.writeHead(200, {...securityHeaders, 'Content-Type': 'text/event-stream; charset=utf-8', 'X-Accel-Buffering': 'no'});
		const writer = latestWriter(response);
		const stream: Stream = {response, writer, behindSince: undefined};
		streams.add(stream);
		response.on('close', () => {
			streams.delete(stream);
		});
		writer.send('retry: 1000\n\n');
		if (first) {
			writer.send(first);
		}
	}

	press(request: http.IncomingMessage, response: http.ServerResponse): void {
		const declared = Number(request.headers['content-length'] ?? 0);
		if (!Number.isSafeInteger(declared) || declared > this.limits.bodyBytes) {
			deny(response, 413);
			return;
		}

		let body = '';
		request.setEncoding('utf8');
		request.on('data', (chunk: string) => {
			body += chunk;
			if (Buffer.byteLength(body) > this.limits.bodyBytes && !response.headersSent) {
				deny(response, 413);
			}
		});
		request.on('end', () => {
			if (response.headersSent) {
				return;
			}

			const name = new URLSearchParams(body).get('button') ?? '';
			const button = Object.hasOwn(buttons, name) ? buttons[name as Button] : undefined;
			if (!button) {
				deny(response, 400);
				return;
			}

			this.options.feed.press(mode => resolveKeypress(button.input, inkKey(button.key), mode, 'presenter'));
			if ((request.headers.accept ?? '').includes('application/json')) {
				response.writeHead(204, securityHeaders);
				response.end();
			} else {
				response.writeHead(303, {...securityHeaders, Location: `/remote?key=${encodeURIComponent(this.keys.remote)}`, 'Content-Length': '0'});
				response.end();
			}
		});
	}

	async listen(): Promise<void> {
		const {host, port} = this.options.address;
		await new Promise<void>((resolve, reject) => {
			const onError = (error: NodeJS.ErrnoException) => {
				reject(new ServeError(bindProblem(host, port, error.code ?? 'error')));
			};

			this.server.once('error', onError);
			this.server.listen({host, port, exclusive: true}, () => {
				this.server.off('error', onError);
				// Later errors (out of file descriptors while accepting, say) are a line; the show goes on.
				this.server.on('error', (error: NodeJS.ErrnoException) => {
					this.options.onNotice?.(`the follow page's server: ${error.code ?? 'error'}; the show goes on`);
				});
				resolve();
			});
		});
	}

	async close(): Promise<void> {
		this.off();
		clearInterval(this.sweep);
		await new Promise<void>(resolve => {
			this.server.close(() => {
				resolve();
			});
			for (const socket of this.sockets) {
				socket.destroy();
			}
		});
	}
}

function event(data: Record<string, unknown>): string {
	return `event: shown\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Why the server could not listen, in a presenter's words. */
export function bindProblem(host: string, port: number, code: string): string {
	const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
	switch (code) {
		case 'EADDRINUSE': {
			return `--serve ${where}: the port is in use (EADDRINUSE); choose another port, or 0 for any free one`;
		}

		case 'EADDRNOTAVAIL':
		case 'ENOTFOUND':
		case 'EAI_AGAIN': {
			return `--serve ${where}: this machine has no address ${host} (${code})`;
		}

		case 'EACCES': {
			return `--serve ${where}: not allowed to listen there (EACCES); ports below 1024 need privileges`;
		}

		default: {
			return `--serve ${where}: cannot listen (${code})`;
		}
	}
}

/** Starts the server; rejects with ServeError when it cannot listen. */
export async function startServer(options: ServeOptions): Promise<Served> {
	const server = new Server(options);
	try {
		await server.listen();
	} catch (error: unknown) {
		await server.close();
		throw error;
	}

	const bound = server.server.address() as net.AddressInfo;
	const base = `http://${urlHost(options.address.host)}:${bound.port}`;
	return {
		port: bound.port,
		host: options.address.host,
		followUrl: `${base}/follow?key=${server.keys.follow}`,
		remoteUrl: `${base}/remote?key=${server.keys.remote}`,
		streams: () => ({follow: server.follow.size, remote: server.remote.size}),
		close: async () => server.close(),
	};
}
