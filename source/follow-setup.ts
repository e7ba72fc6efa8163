import process from 'node:process';
import type {PeerLink} from './link/peer.js';
import {LinkError} from './link/socket-directory.js';
import type {Bounds} from './link/protocol.js';
import type {PresentCommand} from './parse-args.js';
import {createShowFeed, type ShowFeed} from './follow/feed.js';
import type {FollowLink} from './follow/follow-link.js';

/**
What `--follow` and `--serve` add to a show, set up before it starts (deck-command.tsx): a follower's
read-only link, or the audience view's feed with what serves it (the followers' socket, opened once
the first frame is up, and the web server, started before the show so a port in use is one line and
exit 2). The URLs go to stderr before the show takes the screen.
*/
export type FollowSetup =
	| {readonly code: number}
	| {
			readonly link?: PeerLink;
			readonly feed?: ShowFeed;
			readonly openFollowers?: (notice: (text: string) => void) => Promise<{close(): Promise<void>}>;
	  };

export type FollowContext = {
	readonly command: PresentCommand;
	/** The presenter view's link, opened already: the audience view's notices are added to its status; `side` says whether it joined an audience view. */
	readonly link?: PeerLink & {readonly side: () => string};
	/** The deck's key in the socket paths (hashed when first needed: not on the audience view's way to its first frame). */
	readonly deckKey: () => Promise<string>;
	/** A built-in deck's reveal units (a Markdown deck's may change while it is shown). */
	readonly bounds?: Bounds;
	readonly duration?: number;
};

/** The presenter link with the audience view's notices (a follower's broken pipe, a full follow page) in its status. */
function withNotices(link: PeerLink, notices: FollowLink): PeerLink {
	return {
		publish: link.publish,
		onPosition: link.onPosition,
		onStatus(listener) {
			const offStatus = link.onStatus(listener);
			const offNotice = notices.onNotice(listener);
			return () => {
				offStatus();
				offNotice();
			};
		},
		async close() {
			await Promise.all([link.close(), notices.close()]);
		},
	};
}

/** The same line at most once in 10 s: a flood of failures is one line, not a flicker. */
function throttled(say: (text: string) => void, now = Date.now): (text: string) => void {
	const said = new Map<string, number>();
	return text => {
		const last = said.get(text);
		if (last === undefined || now() - last > 10_000) {
			said.set(text, now());
			say(text);
		}
	};
}

export async function setUpFollowing({command, deckKey, bounds, duration, link}: FollowContext): Promise<FollowSetup> {
	if (command.view === 'presenter') {
		if (!link) {
			return {};
		}

		const {openFollowLink} = await import('./follow/follow-link.js');
		const notices = openFollowLink({deckKey: await deckKey()});
		await printAddresses(notices, link.side() === 'client');
		return {link: withNotices(link, notices)};
	}

	if (command.view === 'follower') {
		const {openFollowLink} = await import('./follow/follow-link.js');
		try {
			return {link: openFollowLink({deckKey: await deckKey(), ...(bounds ? {bounds} : {})})};
		} catch (error: unknown) {
			if (error instanceof LinkError) {
				process.stderr.write(`briefing: ${error.message}\n`);
				return {code: 1};
			}

			throw error;
		}
	}

	if (command.view !== 'audience') {
		return {};
	}

	const feed = createShowFeed();
	// The web server's notices go where the followers' socket sends its own, once it is open.
	let hubNotice: ((text: string) => void) | undefined;
	const served = command.serve === undefined ? undefined : await serve(command.serve, feed, duration, throttled(text => hubNotice?.(text)));
	if (typeof served === 'number') {
		return {code: served};
	}

	const openFollowers = async (notice: (text: string) => void) => {
		const {serveFollowers} = await import('./follow/follow-socket.js');
		const hub = command.isRehearsal
			? undefined
			: await serveFollowers({deckKey: await deckKey(), feed, onNotice: notice, ...(served ? {addresses: {follow: served.followUrl, remote: served.remoteUrl}} : {})}).catch((error: unknown) => {
					notice(`terminal followers off: ${error instanceof Error ? error.message : String(error)}`);
					return undefined;
				});
		hubNotice = hub?.notice ?? notice;
		return {
			async close() {
				await Promise.all([hub?.close(), served?.close()]);
			},
		};
	};

	return {feed, openFollowers};
}

/**
A presenter view joining an audience view that serves: the two addresses on stderr before the show
takes the screen (they are there again when it gives the screen back). Waits at most five seconds,
and only while an audience view is found but has not yet said whether it serves (a loaded machine:
two seconds were once too few on CI's two cores with both test workers busy). `isJoined`: the
presenter link found the audience view, whose followers' socket may open a moment after its
presenter socket (both after its first frame), so a first look that finds no socket is not an answer.
*/
async function printAddresses(link: FollowLink, isJoined: boolean): Promise<void> {
	const end = Date.now() + 5000;
	const hasAnswered = () => (isJoined ? link.addresses() !== undefined : link.hasAnswered());
	while (!hasAnswered() && Date.now() < end) {
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
	}

	const addresses = link.addresses();
	if (addresses && addresses !== 'none') {
		process.stderr.write(addressLines(addresses.follow, addresses.remote));
	}
}

function addressLines(follow: string, remote: string): string {
	return [
		`briefing: follow along at ${follow}`,
		'  (anyone with this link sees the slides as they are shown; give it to the audience)',
		`briefing: remote at ${remote}`,
		'  (this one moves the show: keep it to yourself)',
		'',
	].join('\n');
}

/** Starts the web server, or says in one line why not (exit 2). */
async function serve(text: string, feed: ShowFeed, duration: number | undefined, onNotice: (text: string) => void) {
	const {parseServeAddress} = await import('./serve/address.js');
	const {ServeError, startServer} = await import('./serve/server.js');
	const address = parseServeAddress(text);
	if ('message' in address) {
		process.stderr.write(`briefing: ${address.message}\n`);
		return 2;
	}

	try {
		const served = await startServer({address, feed, onNotice, ...(duration ? {duration} : {})});
		process.stderr.write(addressLines(served.followUrl, served.remoteUrl));
		return served;
	} catch (error: unknown) {
		if (error instanceof ServeError) {
			process.stderr.write(`briefing: ${error.message}\n`);
			return 2;
		}

		throw error;
	}
}
