import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {afterEach, expect, test, vi} from 'vitest';
import {createShowFeed} from '../source/follow/feed.js';
import {serveFollowers} from '../source/follow/follow-socket.js';
import type {PeerLink} from '../source/link/peer.js';
import {setUpFollowing} from '../source/follow-setup.js';
import type {PresentCommand} from '../source/parse-args.js';

/**
A presenter view that joins an audience view prints the `--serve` addresses before its show, even
when the audience view's followers' socket opens a moment after its presenter socket (both open after
its first frame; on a loaded machine the presenter view once looked in between and printed nothing).
*/
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	vi.restoreAllMocks();
	vi.unstubAllEnvs();
	for (const cleanup of cleanups.splice(0).reverse()) {
		await cleanup();
	}
});

const command: PresentCommand = {kind: 'present', start: {kind: 'first'} as PresentCommand['start'], view: 'presenter', isRevealing: true, showTimer: true, isScreenReader: false, isRehearsal: false, showNotes: false};
const addresses = {follow: 'http://127.0.0.1:4000/follow?key=aaaa', remote: 'http://127.0.0.1:4000/remote?key=bbbb'};

function fakeLink(side: string): PeerLink & {side: () => string} {
	return {
		side: () => side,
		publish() {},
		onPosition: () => () => {},
		onStatus: () => () => {},
		async close() {},
	};
}

async function presenterStart(side: string, opensAfterMs: number | undefined) {
	const runtime = mkdtempSync(path.join(os.tmpdir(), 'brf-follow-setup-'));
	cleanups.push(() => {
		rmSync(runtime, {recursive: true, force: true});
	});
	vi.stubEnv('XDG_RUNTIME_DIR', runtime);
	const written: string[] = [];
	vi.spyOn(process.stderr, 'write').mockImplementation(chunk => {
		written.push(String(chunk));
		return true;
	});
	const key = 'follow-setup-test';
	if (opensAfterMs !== undefined) {
		const timer = setTimeout(() => {
			void serveFollowers({deckKey: key, feed: createShowFeed(), env: {XDG_RUNTIME_DIR: runtime}, addresses}).then(hub => cleanups.push(async () => hub.close()));
		}, opensAfterMs);
		cleanups.push(() => {
			clearTimeout(timer);
		});
	}

	const setup = await setUpFollowing({command, deckKey: async () => Promise.resolve(key), link: fakeLink(side)});
	if ('link' in setup) {
		cleanups.push(async () => setup.link?.close());
	}

	return {text: written.join('')};
}

test('joined an audience view whose followers socket opens 300 ms later: the addresses are printed', async () => {
	const {text} = await presenterStart('client', 300);
	expect(text).toContain(`briefing: follow along at ${addresses.follow}`);
	expect(text).toContain(`briefing: remote at ${addresses.remote}`);
});

test('no audience view found (the presenter view listens): it does not wait for one, so a followers socket opened later is not heard', async () => {
	const {text} = await presenterStart('server', 1000);
	expect(text).toBe('');
});
