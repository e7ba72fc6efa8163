/**
What one served show allows: how many open streams and sockets, from one client and in all, how big
and how slow a request may be, how many a client may make. Numbers, in one place.
*/
export type Limits = {
	/** Follow pages open at once (each holds one event stream). */
	readonly followers: number;
	/** Remote pages' event streams open at once. */
	readonly remotes: number;
	/** Sockets open at once from one address. */
	readonly perClient: number;
	/** Sockets open at once in all (more are refused as they connect). */
	readonly sockets: number;
	/** A request's body (a button's name: a few bytes). */
	readonly bodyBytes: number;
	/** A request's line and headers. */
	readonly headerBytes: number;
	/** All headers must arrive within this (ms); a slow sender is cut off. */
	readonly headersMs: number;
	/** The whole request within this (ms). */
	readonly requestMs: number;
	/** A socket with no request on it for this long is closed (ms); event streams are exempt. */
	readonly idleMs: number;
	/** A stream that has not taken a write for this long is closed (ms): its reader is gone or frozen. */
	readonly stalledMs: number;
	/** Requests per client: a burst of this many, then `ratePerSecond`. */
	readonly burst: number;
	readonly ratePerSecond: number;
};

export const defaultLimits: Limits = {
	followers: 200,
	remotes: 8,
	perClient: 16,
	sockets: 240,
	bodyBytes: 256,
	headerBytes: 4096,
	headersMs: 5000,
	requestMs: 10_000,
	idleMs: 10_000,
	stalledMs: 30_000,
	burst: 30,
	ratePerSecond: 5,
};

/** A token bucket per client address: true while the client may make another request. */
export function rateLimiter(limits: Pick<Limits, 'burst' | 'ratePerSecond'>, now: () => number = Date.now) {
	const buckets = new Map<string, {tokens: number; at: number}>();
	return (client: string): boolean => {
		const time = now();
		const bucket = buckets.get(client) ?? {tokens: limits.burst, at: time};
		bucket.tokens = Math.min(limits.burst, bucket.tokens + ((time - bucket.at) / 1000) * limits.ratePerSecond);
		bucket.at = time;
		buckets.set(client, bucket);
		if (buckets.size > 10_000) {
			// Forget the oldest: a flood of addresses must not grow memory without end.
			buckets.delete(buckets.keys().next().value!);
		}

		if (bucket.tokens < 1) {
			return false;
		}

		bucket.tokens--;
		return true;
	};
}
