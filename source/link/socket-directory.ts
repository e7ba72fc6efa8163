import {lstatSync, mkdirSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {quoted} from '../text/quoted.js';

/**
Where the link's socket lives: a private per-user directory, checked before every use, and a path
short enough for the kernel. Nothing here opens a socket.
*/

/** Unix socket paths are cut silently beyond sun_path (107 bytes on Linux, 103 on macOS). */
export const maxPathBytes = 100;

/** A refusal the CLI prints as one line (exit 1). */
export class LinkError extends Error {
	override name = 'LinkError';
}

export type Environment = Readonly<Record<string, string | undefined>>;

function uid(): number {
	return process.getuid?.() ?? 0;
}

/** `$XDG_RUNTIME_DIR/briefing`, else `<tmp>/briefing-<uid>`. */
export function socketDirectory(env: Environment = process.env): string {
	const runtime = env['XDG_RUNTIME_DIR'];
	if (runtime && path.isAbsolute(runtime)) {
		try {
			if (statSync(runtime).isDirectory()) {
				return path.join(runtime, 'briefing');
			}
		} catch {
			// Not there: use the temp directory.
		}
	}

	return path.join(os.tmpdir(), `briefing-${uid()}`);
}

/** Creates the directory 0700 if needed, then checks it is ours alone; throws LinkError if not. */
export function ensurePrivateDirectory(directory: string): void {
	try {
		mkdirSync(directory, {mode: 0o700});
	} catch (error: unknown) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
			throw new LinkError(`cannot create ${quoted(directory)} for the presenter socket (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
		}
	}

	const stat = lstatSync(directory);
	if (stat.isSymbolicLink()) {
		throw new LinkError(`${quoted(directory)} is a symbolic link; refusing to put the presenter socket there`);
	}

	if (!stat.isDirectory()) {
		throw new LinkError(`${quoted(directory)} is not a directory; refusing to put the presenter socket there`);
	}

	if (stat.uid !== uid()) {
		throw new LinkError(`${quoted(directory)} belongs to uid ${stat.uid}, not to you; refusing to put the presenter socket there`);
	}

	if ((stat.mode & 0o077) !== 0) {
		const mode = (stat.mode & 0o777).toString(8);
		throw new LinkError(`${quoted(directory)} has unsafe permissions ${mode} (others can reach it); run chmod 700 ${quoted(directory)}`);
	}
}

/** The name a server binds before linking it into place: `<key>.<8 hex>.tmp`, 8 bytes longer. */
export function temporaryName(directory: string, key: string, id: string): string {
	return path.join(directory, `${key}.${id.slice(0, 8)}.tmp`);
}

export function socketPath(directory: string, key: string): string {
	const file = path.join(directory, `${key}.sock`);
	if (Buffer.byteLength(temporaryName(directory, key, '0'.repeat(8))) > maxPathBytes) {
		throw new LinkError(`the presenter socket path ${quoted(file)} is longer than ${maxPathBytes} bytes; set XDG_RUNTIME_DIR to a shorter directory`);
	}

	return file;
}

/**
Refuses a socket path that holds anything but a socket: a file, a folder, a symbolic link (dangling
or not). It is never removed: it is not ours.
*/
export function checkSocketPath(file: string): void {
	let isSocket = true;
	try {
		isSocket = lstatSync(file).isSocket();
	} catch {
		// Nothing there: fine.
	}

	if (!isSocket) {
		throw new LinkError(`${quoted(file)} exists and is not a socket; not touching it (remove it yourself if it is not needed)`);
	}
}
