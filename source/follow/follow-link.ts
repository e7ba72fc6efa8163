import {type Connection, openConnection} from '../link/connection.js';
import type {PeerLink, Position} from '../link/peer.js';
import {type Bounds, parseMessage} from '../link/protocol.js';
import {tryConnect} from '../link/rendezvous.js';
import {checkSocketPath, ensurePrivateDirectory, type Environment} from '../link/socket-directory.js';
import {type Addresses, followPath, maxNoticeLength} from './follow-socket.js';
import {stripControls} from '../text/sanitize.js';

/**
A follower's side (`briefing --follow`): connects to the audience view's followers' socket (after
checking the directory is private, as the presenter view does), takes each checked position line
(protocol.ts) and hands it to the view. It sends nothing, so `publish` is a no-op: a follower
cannot move the show. Without an audience view it says it waits, and looks again every 250 ms.
*/
export type FollowLinkOptions = {
	readonly deckKey: string;
	readonly env?: Environment;
	/** The reveal units of each slide of a fixed deck: positions outside them close the connection. */
	readonly bounds?: Bounds;
	readonly retryMs?: number;
};

/** A follower's link; `onNotice` hears the audience view's notices (the presenter view shows them). */
export type FollowLink = PeerLink & {
	readonly onNotice: (listener: (text: string) => void) => () => void;
	/** What the audience view said of `--serve`: its addresses, 'none', or undefined while it is not known (yet). */
	readonly addresses: () => Addresses | 'none' | undefined;
	/** Whether the first look has its answer: no audience view there, or the audience view's addresses line. */
	readonly hasAnswered: () => boolean;
};

/** The addresses of an `addresses` line: http URLs only, at most 300 characters each. */
export function addressesOf(line: string): Addresses | 'none' | undefined {
	try {
		const value = JSON.parse(line) as {type?: unknown; follow?: unknown; remote?: unknown};
		const isUrl = (text: unknown): text is string => typeof text === 'string' && text.length <= 300 && /^http:\/\/[\w.:[\]-]+\/(follow|remote)\?key=[\w-]+$/.test(text);
		if (value?.type !== 'addresses') {
			return undefined;
		}

		return isUrl(value.follow) && isUrl(value.remote) ? {follow: value.follow, remote: value.remote} : 'none';
	} catch {
		return undefined;
	}
}

/** The text of a notice line, or undefined for any other line; nothing received is shown raw. */
export function noticeOf(line: string): string | undefined {
	try {
		const value = JSON.parse(line) as {type?: unknown; text?: unknown};
		return value?.type === 'notice' && typeof value.text === 'string' ? stripControls(value.text).slice(0, maxNoticeLength) : undefined;
	} catch {
		return undefined;
	}
}

export const waitingStatus = 'waiting for the audience view';
export const followingStatus = 'following the show';

/** The follower's side of the socket: looks for the audience view, reads its lines, looks again when it goes. */
class Follower {
	readonly positionListeners = new Set<(position: Position) => void>();
	readonly statusListeners = new Set<(status: string) => void>();
	readonly noticeListeners = new Set<(text: string) => void>();
	status = waitingStatus;
	addresses: Addresses | 'none' | undefined;
	hasLooked = false;
	isConnected = false;
	isClosed = false;
	timer: NodeJS.Timeout | undefined;
	connection: Connection | undefined;

	constructor(
		readonly file: string,
		readonly bounds: Bounds | undefined,
		readonly retryMs: number,
	) {}

	setStatus(text: string): void {
		if (text !== this.status) {
			this.status = text;
			for (const listener of this.statusListeners) {
				listener(text);
			}
		}
	}

	schedule(): void {
		if (!this.isClosed) {
			this.timer = setTimeout(() => {
				this.look();
			}, this.retryMs);
			this.timer.unref();
		}
	}

	/** One line from the audience view: its addresses, a notice, or a position (anything else malformed ends the connection). */
	onLine(connection: Connection, line: string): void {
		const told = addressesOf(line);
		const notice = told === undefined ? noticeOf(line) : undefined;
		if (told !== undefined) {
			this.addresses = told;
		} else if (notice !== undefined) {
			for (const listener of this.noticeListeners) {
				listener(notice);
			}
		} else {
			const message = parseMessage(line, this.bounds);
			if ('position' in message) {
				this.setStatus(followingStatus);
				const {index, step, blank} = message.position;
				for (const listener of this.positionListeners) {
					listener({index, step, blank});
				}
			} else if ('error' in message) {
				connection.close();
			}
		}
	}

	look(): void {
		try {
			checkSocketPath(this.file);
		} catch (error: unknown) {
			this.setStatus(error instanceof Error ? error.message : String(error));
			this.schedule();
			return;
		}

		void tryConnect(this.file).then(attempt => {
			this.hasLooked = true;
			if (!('socket' in attempt)) {
				this.schedule();
				return;
			}

			if (this.isClosed) {
				attempt.socket.destroy();
				return;
			}

			this.isConnected = true;
			this.connection = openConnection(attempt.socket, {
				onLine: (connection, line) => {
					this.onLine(connection, line);
				},
				onOversize(connection) {
					connection.close();
				},
				onClose: () => {
					this.connection = undefined;
					this.isConnected = false;
					this.setStatus(waitingStatus);
					this.schedule();
				},
				latest: () => undefined,
			});
		});
	}

	close(): void {
		this.isClosed = true;
		clearTimeout(this.timer);
		this.connection?.close();
	}
}

function listen<T>(listeners: Set<(value: T) => void>, listener: (value: T) => void): () => void {
	listeners.add(listener);
	return () => {
		listeners.delete(listener);
	};
}

/** Opens the follower's link; throws LinkError when the socket directory is unsafe. */
export function openFollowLink({deckKey, env, bounds, retryMs = 250}: FollowLinkOptions): FollowLink {
	const {directory, file} = followPath(deckKey, env);
	ensurePrivateDirectory(directory);
	const follower = new Follower(file, bounds, retryMs);
	follower.look();
	return {
		publish() {
			// A follower never moves the show.
		},
		onPosition: listener => listen(follower.positionListeners, listener),
		onNotice: listener => listen(follower.noticeListeners, listener),
		onStatus(listener) {
			listener(follower.status);
			return listen(follower.statusListeners, listener);
		},
		addresses: () => follower.addresses,
		hasAnswered: () => follower.hasLooked && (!follower.isConnected || follower.addresses !== undefined),
		async close() {
			follower.close();
		},
	};
}
