import {mkdtempSync, rmSync, statSync} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {afterEach, expect, test} from 'vitest';
import {deck} from '../slides/index.js';
import {createShowFeed} from '../source/follow/feed.js';
import {openFollowLink, waitingStatus} from '../source/follow/follow-link.js';
import {serveFollowers} from '../source/follow/follow-socket.js';
import type {Position} from '../source/link/peer.js';
import {deckKey} from '../source/link/protocol.js';
import {initNavigation, navigate, type NavigationState} from '../source/model/navigation.js';
import {poll} from './helpers/poll.js';

/** The followers' socket and a follower's link, in-process: positions, notices, and a follower that comes first. */
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) {
		await cleanup();
	}
});

function setUp() {
	const runtime = mkdtempSync(path.join(os.tmpdir(), 'brf-follow-socket-'));
	cleanups.push(() => {
		rmSync(runtime, {recursive: true, force: true});
	});
	const env = {XDG_RUNTIME_DIR: runtime};
	const key = deckKey(deck);
	const feed = createShowFeed();
	let state: NavigationState = initNavigation({units: deck.slides.map(slide => slide.units)});
	feed.report(state, deck);
	const move = (action: Parameters<typeof navigate>[1]) => {
		state = navigate(state, action);
		feed.report(state, deck);
	};

	return {env, key, feed, move, runtime};
}

function follower(options: Parameters<typeof openFollowLink>[0]) {
	const link = openFollowLink(options);
	const seen: Position[] = [];
	const notices: string[] = [];
	const statuses: string[] = [];
	link.onPosition(position => seen.push(position));
	link.onNotice(text => notices.push(text));
	link.onStatus(status => statuses.push(status));
	cleanups.push(async () => link.close());
	return {link, seen, notices, statuses};
}

test('followers get the position on joining and every move after; notices reach them apart from positions', async () => {
	const {env, key, feed, move} = setUp();
	const early = follower({deckKey: key, env, retryMs: 20});
	expect(early.statuses).toEqual([waitingStatus]);
	const hub = await serveFollowers({deckKey: key, feed, env});
	cleanups.push(async () => hub.close());
	expect((statSync(hub.path).mode & 0o777).toString(8)).toMatch(/^[67]00$/);
	const late = follower({deckKey: key, env, bounds: deck.slides.map(slide => slide.units)});
	await poll(() => early.seen.length > 0 && late.seen.length > 0, 'both followers to get the start');
	expect(hub.followers()).toBe(2);
	move({type: 'next'});
	move({type: 'blank', color: 'white'});
	await poll(() => [early, late].every(each => each.seen.at(-1)?.blank === 'white'), 'the blank');
	expect(late.seen.at(-1)).toEqual({index: 1, step: 0, blank: 'white'});
	hub.notice('a follower went away \u001B[31mmid-write');
	await poll(() => early.notices.length > 0 && late.notices.length > 0, 'the notice');
	// Nothing received is shown raw: the escape is gone.
	expect(late.notices).toEqual(['a follower went away [31mmid-write']);
	await hub.close();
	await poll(() => early.statuses.at(-1) === waitingStatus, 'the follower to wait again');
});

test('a view that connects is told --serve\'s addresses first, or that there are none', async () => {
	const {env, key, feed} = setUp();
	const addresses = {follow: 'http://127.0.0.1:8080/follow?key=abc', remote: 'http://127.0.0.1:8080/remote?key=def'};
	const hub = await serveFollowers({deckKey: key, feed, env, addresses});
	cleanups.push(async () => hub.close());
	const {link} = follower({deckKey: key, env});
	await poll(() => link.hasAnswered(), 'the addresses');
	expect(link.addresses()).toEqual(addresses);
	await hub.close();
	const plain = await serveFollowers({deckKey: key, feed, env});
	cleanups.push(async () => plain.close());
	const other = follower({deckKey: key, env});
	await poll(() => other.link.hasAnswered(), 'the answer');
	expect(other.link.addresses()).toBe('none');
});

test('a follower whose pipe breaks mid-write is one notice, and the others go on', async () => {
	const {env, key, feed, move} = setUp();
	const notices: string[] = [];
	const hub = await serveFollowers({deckKey: key, feed, env, onNotice: text => notices.push(text)});
	cleanups.push(async () => hub.close());
	const other = follower({deckKey: key, env});
	const broken = net.createConnection(hub.path);
	await poll(() => hub.followers() === 2 && other.seen.length > 0, 'two followers');
	// The follower goes; the show moves before the audience view has read that it went.
	broken.destroy();
	for (let index = 1; index <= 3; index++) {
		move({type: 'go-to', index});
	}

	await poll(() => notices.length > 0, 'the notice');
	expect(notices).toEqual(['a follower went away mid-write (broken pipe); the show goes on']);
	await poll(() => other.seen.at(-1)?.index === 3, 'the other follower on slide 4');
	await poll(() => hub.followers() === 1, 'the broken one gone');
});

test('a second audience view of the deck does not take the followers', async () => {
	const {env, key, feed} = setUp();
	const hub = await serveFollowers({deckKey: key, feed, env});
	cleanups.push(async () => hub.close());
	await expect(serveFollowers({deckKey: key, feed: createShowFeed(), env})).rejects.toThrow(/already has the followers/);
});
