import type {Writable} from 'node:stream';

/**
Writes to one follower, never queueing behind it: while a write is still on its way (the follower is
slow, or stopped with Ctrl+Z, and the socket's buffer is full) a newer message replaces the one
waiting, and only the newest is written once the last write has gone out. So a stalled follower costs
the show one message of memory and no time, and catches up on the current slide when it reads again.
*/
export type LatestWriter = {
	/** Sends `text`, or keeps it as the one to send when the write on its way is done. */
	readonly send: (text: string) => void;
	/** Whether a message waits behind a write that has not gone out (the follower is behind). */
	readonly isBehind: () => boolean;
};

export function latestWriter(stream: Writable): LatestWriter {
	let isWriting = false;
	let waiting: string | undefined;
	const send = (text: string) => {
		if (stream.destroyed || !stream.writable) {
			return;
		}

		if (isWriting) {
			waiting = text;
			return;
		}

		isWriting = true;
		stream.write(text, () => {
			isWriting = false;
			const next = waiting;
			waiting = undefined;
			if (next !== undefined) {
				send(next);
			}
		});
	};

	return {send, isBehind: () => waiting !== undefined};
}
