import {openConnection} from '../link/connection.js';
import type {PeerLink, Position} from '../link/peer.js';
import {type Bounds, parseMessage} from '../link/protocol.js';
import {tryConnect} from '../link/rendezvous.js';
import {checkSocketPath, ensurePrivateDirectory, type Environment} from '../link/socket-directory.js';
import {type Addresses, followPath, maxNoticeLength} from './follow-socket.js';
import {stripControls} from '../deck/sanitize.js';

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

/** Opens the follower's link; throws LinkError when the socket directory is unsafe. */
export function openFollowLink({deckKey, env, bounds, retryMs = 250}: FollowLinkOptions): FollowLink {
	const {directory, file} = followPath(deckKey, env);
	ensurePrivateDirectory(directory);
	const positionListeners = new Set<(position: Position) => void>();
	const statusListeners = new Set<(status: string) => void>();
	const noticeListeners = new Set<(text: string) => void>();
	let addresses: Addresses | 'none' | undefined;
	let hasLooked = false;
	let isConnected = false;
	let status = waitingStatus;
	let isClosed = false;
	let timer: NodeJS.Timeout | undefined;
	let close: (() => void) | undefined;
	const setStatus = (text: string) => {
		if (text !== status) {
			status = text;
			for (const listener of statusListeners) {
				listener(text);
			}
		}
	};

	const schedule = () => {
		if (!isClosed) {
			timer = setTimeout(look, retryMs);
			timer.unref();
		}
	};

	const look = () => {
		try {
			checkSocketPath(file);
		} catch (error: unknown) {
			setStatus(error instanceof Error ? error.message : String(error));
			schedule();
			return;
		}

		void tryConnect(file).then(attempt => {
			hasLooked = true;
			isConnected = 'socket' in attempt;
			if (!('socket' in attempt)) {
				schedule();
				return;
			}

			if (isClosed) {
				attempt.socket.destroy();
				return;
			}

			const connection = openConnection(attempt.socket, {
				onLine(each, line) {
					const told = addressesOf(line);
					if (told !== undefined) {
						addresses = told;
						return;
					}

					const notice = noticeOf(line);
					if (notice !== undefined) {
						for (const listener of noticeListeners) {
							listener(notice);
						}

						return;
					}

					const message = parseMessage(line, bounds);
					if ('position' in message) {
						setStatus(followingStatus);
						const {index, step, blank} = message.position;
						for (const listener of positionListeners) {
							listener({index, step, blank});
						}
					} else if ('error' in message) {
						each.close();
					}
				},
				onOversize(each) {
					each.close();
				},
				onClose() {
					close = undefined;
					isConnected = false;
					setStatus(waitingStatus);
					schedule();
				},
				latest: () => undefined,
			});
			close = connection.close;
		});
	};

	look();
	return {
		publish() {
			// A follower never moves the show.
		},
		onPosition(listener) {
			positionListeners.add(listener);
			return () => {
				positionListeners.delete(listener);
			};
		},
		addresses: () => addresses,
		hasAnswered: () => hasLooked && (!isConnected || addresses !== undefined),
		onNotice(listener) {
			noticeListeners.add(listener);
			return () => {
				noticeListeners.delete(listener);
			};
		},
		onStatus(listener) {
			statusListeners.add(listener);
			listener(status);
			return () => {
				statusListeners.delete(listener);
			};
		},
		async close() {
			isClosed = true;
			clearTimeout(timer);
			close?.();
		},
	};
}
