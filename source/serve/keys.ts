import {createHash, randomBytes, timingSafeEqual} from 'node:crypto';

/**
The two keys of a served show: one to follow (read-only), one for the remote (moves the show). Each
is 192 random bits (crypto.randomBytes), URL-safe base64, new for every show. A key given in a request
is compared in constant time: both sides are hashed to 32 bytes first, so the comparison
(timingSafeEqual, on buffers of equal length) takes the same time whatever the length or the bytes.
*/
export type Role = 'follow' | 'remote';

export type Keys = {readonly follow: string; readonly remote: string};

export function newKeys(): Keys {
	const follow = randomBytes(24).toString('base64url');
	let remote = randomBytes(24).toString('base64url');
	while (remote === follow) {
		remote = randomBytes(24).toString('base64url');
	}

	return {follow, remote};
}

function digest(text: string): Buffer {
	return createHash('sha256').update(text, 'utf8').digest();
}

export function sameKey(given: string, expected: string): boolean {
	return timingSafeEqual(digest(given), digest(expected));
}

/** Which key a request gave, if any: both are always compared, so the time says nothing of which. */
export function roleOf(given: string | undefined, keys: Keys): Role | undefined {
	if (given === undefined || given.length > 200) {
		return undefined;
	}

	const isFollow = sameKey(given, keys.follow);
	const isRemote = sameKey(given, keys.remote);
	return isFollow ? 'follow' : isRemote ? 'remote' : undefined;
}
