import net from 'node:net';
import process from 'node:process';
import {nextCount} from '../link/position-clock.js';
import {positionLine, randomId} from '../link/protocol.js';
import {clearStale, inodeOf, listenAt, removeOwn, tryConnect} from '../link/rendezvous.js';
import {checkSocketPath, ensurePrivateDirectory, type Environment, LinkError, socketDirectory, socketPath, temporaryName} from '../link/socket-directory.js';
import type {ShowFeed, Shown} from './feed.js';
import {latestWriter} from './latest-writer.js';

/**
The followers' socket: the audience view listens at `<deck key>-follow.sock`, in the same private
per-user directory as the presenter link (socket-directory.ts), and writes every position it shows
to each follower as one line of the link's protocol (protocol.ts: a position with a clock, which
counts the audience view's changes). Followers only read: nothing they send is read. Any number of
them; each gets only the newest position while it is behind (latest-writer.ts).
*/
export const followSuffix = '-follow';

export type FollowerHub = {
	readonly path: string;
	/** Says one line to whoever listens for notices (the presenter view), and to the audience view's footer. */
	readonly notice: (text: string) => void;
	/** Followers connected now. */
	readonly followers: () => number;
	readonly close: () => Promise<void>;
};

export type FollowSocketOptions = {
	readonly deckKey: string;
	readonly feed: ShowFeed;
	readonly env?: Environment;
	/** One line about a follower that went wrong (a broken pipe); the show goes on. */
	readonly onNotice?: (text: string) => void;
	/** `--serve`'s two addresses, told to each view that connects (the presenter view prints them). */
	readonly addresses?: Addresses;
};

export type Addresses = {readonly follow: string; readonly remote: string};

/** The first line to each view: `--serve`'s addresses, or none. Only views of the same user reach this socket (socket-directory.ts). */
export function addressesLine(addresses: Addresses | undefined): string {
	return JSON.stringify({type: 'addresses', ...addresses}) + '\n';
}

/** The path followers of a deck look for. */
export function followPath(deckKey: string, env?: Environment): {directory: string; file: string} {
	const directory = socketDirectory(env);
	return {directory, file: socketPath(directory, deckKey + followSuffix)};
}

/** A line for the presenter view (followers skip it: an unknown type to protocol.ts). */
export function noticeLine(text: string): string {
	return JSON.stringify({type: 'notice', text: text.slice(0, maxNoticeLength)}) + '\n';
}

export const maxNoticeLength = 200;

function lineOf(shown: Shown, clock: number, origin: string): string {
	return positionLine({index: shown.index, step: shown.step, blank: shown.blank, clock, origin});
}

const followersTaken = 'another audience view of this deck already has the followers';

/** Makes sure the socket is ours to take: a private directory, and no audience view of the deck already listening (a stale file is removed). */
async function claimSocket(directory: string, file: string): Promise<void> {
	ensurePrivateDirectory(directory);
	checkSocketPath(file);
	const attempt = await tryConnect(file);
	if ('socket' in attempt) {
		attempt.socket.destroy();
		throw new LinkError(followersTaken);
	}

	clearStale(file, attempt.code);
}

type Followers = Map<net.Socket, (line: string) => void>;

/** The server that takes each follower: `--serve`'s addresses first, then the position now shown (`latest`), then each new one. */
function followerServer(followers: Followers, notice: (text: string) => void, addresses: Addresses | undefined, latest: () => string | undefined): net.Server {
	return net.createServer(socket => {
		const writer = latestWriter(socket);
		const send = (text: string) => {
			writer.send(text);
		};

		followers.set(socket, send);
		socket.resume();
		socket.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code === 'EPIPE') {
				notice('a follower went away mid-write (broken pipe); the show goes on');
			}
		});
		socket.on('close', () => {
			followers.delete(socket);
		});
		// Written before any position, so it is never replaced by one (latest-writer.ts).
		socket.write(addressesLine(addresses));

		const line = latest();
		if (line) {
			send(line);
		}
	});
}

/** Listens for followers; throws LinkError when the directory is unsafe or another audience view serves them. */
export async function serveFollowers({deckKey, feed, env, onNotice, addresses}: FollowSocketOptions): Promise<FollowerHub> {
	const {directory, file} = followPath(deckKey, env);
	await claimSocket(directory, file);
	const origin = randomId();
	const followers: Followers = new Map();
	let clock = 0;
	let line: string | undefined;
	const notice = (text: string) => {
		onNotice?.(text);
		for (const send of followers.values()) {
			send(noticeLine(text));
		}
	};

	const server = followerServer(followers, notice, addresses, () => line);
	const taken = await listenAt(server, temporaryName(directory, deckKey + followSuffix, origin), file);
	if (taken === 'taken') {
		throw new LinkError(followersTaken);
	}

	server.on('error', (error: NodeJS.ErrnoException) => {
		notice(`the followers' socket: ${error.code ?? 'error'}; the show goes on`);
	});
	const inode = inodeOf(file);
	const onExit = () => {
		removeOwn(file, inode);
	};

	process.on('exit', onExit);
	const publish = (shown: Shown) => {
		clock = nextCount(clock);
		line = lineOf(shown, clock, origin);
		for (const send of followers.values()) {
			send(line);
		}
	};

	const off = feed.onShown(publish);
	const current = feed.current();
	if (current) {
		publish(current);
	}

	return {
		path: file,
		notice,
		followers: () => followers.size,
		async close() {
			off();
			onExit();
			process.off('exit', onExit);
			for (const socket of followers.keys()) {
				socket.destroy();
			}

			await new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
			});
		},
	};
}
