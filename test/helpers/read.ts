import {readFileSync} from 'node:fs';
import type {Session} from './pty.js';

/** Bytes the program has read so far, from any file (`rchar` in /proc/PID/io); idle, it reads only its terminal. */
function bytesRead(session: Session): number {
	return Number(/rchar: (\d+)/.exec(readFileSync(`/proc/${session.pty.pid}/io`, 'utf8'))?.[1]);
}

/**
Writes bytes that change nothing on the screen, and waits until the program has read them, so the next
write reaches it as a read of its own (two quick writes to a pty can arrive as one read).
*/
export async function writeAndWaitRead(session: Session, bytes: string): Promise<void> {
	const before = bytesRead(session);
	session.write(bytes);
	await session.waitFor(() => bytesRead(session) >= before + Buffer.byteLength(bytes), `the program to read ${JSON.stringify(bytes)}`);
}
