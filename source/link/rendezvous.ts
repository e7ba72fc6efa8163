import {linkSync, lstatSync, unlinkSync} from 'node:fs';
import net from 'node:net';
import process from 'node:process';
import {quoted} from '../text/quoted.js';
import {checkSocketPath, LinkError} from './socket-directory.js';

/**
How two views find each other at one socket path: connect if someone answers, else take the path.
A server binds a private name and hard-links it into place, so of two views that race for the path
exactly one gets it. A socket nobody answers (left by a killed process) is removed; anything at the
path that is not a socket is never touched.
*/

export type Attempt = {readonly socket: net.Socket} | {readonly code: string};

export function tryConnect(file: string): Promise<Attempt> {
	return new Promise(resolve => {
		const socket = net.createConnection(file);
		const onError = (error: NodeJS.ErrnoException) => {
			socket.destroy();
			resolve({code: error.code ?? 'ERROR'});
		};

		socket.once('error', onError);
		socket.once('connect', () => {
			socket.off('error', onError);
			resolve({socket});
		});
	});
}

function listenOn(server: net.Server, file: string): Promise<string | undefined> {
	return new Promise(resolve => {
		const onError = (error: NodeJS.ErrnoException) => {
			resolve(error.code ?? 'ERROR');
		};

		server.once('error', onError);
		const mask = process.umask(0o077);
		try {
			server.listen(file, () => {
				server.off('error', onError);
				resolve(undefined);
			});
		} finally {
			process.umask(mask);
		}
	});
}

export function inodeOf(file: string): number | undefined {
	try {
		return lstatSync(file).ino;
	} catch {
		return undefined;
	}
}

function unlinkQuietly(file: string): void {
	try {
		unlinkSync(file);
	} catch {
		// Gone already.
	}
}

/**
Listens on `temporary`, then links it to `file`. Resolves with the server, or 'taken' if another
view got the path first. Throws LinkError if it cannot listen at all.
*/
export async function listenAt(server: net.Server, temporary: string, file: string): Promise<net.Server | 'taken'> {
	const failed = await listenOn(server, temporary);
	if (failed) {
		throw new LinkError(`cannot listen on the presenter socket (${failed})`);
	}

	try {
		linkSync(temporary, file);
	} catch {
		server.close();
		return 'taken';
	}

	unlinkQuietly(temporary);
	return server;
}

/**
What a failed connect means: ENOENT and a refused stale socket (removed here) leave the path free to
take; anything else, or something at the path that is not a socket, is a LinkError.
*/
export function clearStale(file: string, code: string): void {
	checkSocketPath(file);
	if (code === 'ECONNREFUSED') {
		// Left by a process that died without closing: nobody answers it.
		unlinkQuietly(file);
		return;
	}

	if (code !== 'ENOENT') {
		throw new LinkError(`cannot reach the presenter socket ${quoted(file)} (${code})`);
	}
}

/** Removes the socket at `file` if it is still the one this view bound (same inode). */
export function removeOwn(file: string, inode: number | undefined): void {
	if (inode !== undefined && inodeOf(file) === inode) {
		unlinkQuietly(file);
	}
}
