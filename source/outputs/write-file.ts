import {randomBytes} from 'node:crypto';
import {constants, type Stats, unlinkSync} from 'node:fs';
import {chmod, link, open, rename, stat, unlink} from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import {escaped, quoted} from '../text/quoted.js';
import {dumpsCore, endingSignals, ignoredSignals, signalCode} from '../terminal/signals.js';

/**
Writes a whole file or nothing: the text goes to a temporary file beside the target, is flushed to
disk, and only then takes the target's name. A failure at any point removes the temporary file, so
the target is either absent, as it was, or complete. Without `force` an existing file is never
replaced, even one created while we were writing.
*/
export type WriteOptions = {
	readonly force?: boolean;
};

/** A write that could not be done, with one line that says why. */
export class WriteError extends Error {
	override name = 'WriteError';
}

/** Why a write failed, in words, with the code for the ones a person looks up. */
export function reason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case 'ENOENT': {
			return 'the folder does not exist';
		}

		case 'EACCES':
		case 'EPERM': {
			return 'permission denied';
		}

		case 'ENOTDIR': {
			return 'a part of the path is not a folder';
		}

		case 'EISDIR': {
			return 'it is a folder';
		}

		case 'ENOSPC': {
			return 'the disk is full';
		}

		case 'EROFS': {
			return 'the file system is read-only';
		}

		case 'EIO': {
			return 'an input/output error (EIO)';
		}

		case 'EBADF': {
			// Not a closed stdout (`>&-`: Node opens /dev/null in its place at start) but one opened for reading (`1<file`).
			return 'it is not open for writing (EBADF)';
		}

		case 'EFBIG': {
			return 'the file would be larger than this system allows (EFBIG)';
		}

		case 'ENAMETOOLONG': {
			return 'the name is too long';
		}

		default: {
			// A system's message can name the file: escaped like every name.
			return escaped(error instanceof Error ? error.message.split('\n')[0] ?? 'unknown error' : String(error));
		}
	}
}

function kindOf(info: Stats): string | undefined {
	if (info.isFile()) {
		return undefined;
	}

	if (info.isDirectory()) {
		return 'it is a folder';
	}

	if (info.isCharacterDevice() || info.isBlockDevice()) {
		return 'it is a device';
	}

	if (info.isFIFO()) {
		return 'it is a fifo (named pipe)';
	}

	return info.isSocket() ? 'it is a socket' : 'it is not a regular file';
}

/** The mode of the regular file at `target`, undefined for a new path; anything else is refused. */
async function existingMode(target: string): Promise<number | undefined> {
	let info: Stats;
	try {
		info = await stat(target);
	} catch {
		return undefined;
	}

	const kind = kindOf(info);
	if (kind) {
		throw new WriteError(`cannot write ${quoted(target)}: ${kind}; -o writes only a regular file or a new one`);
	}

	return info.mode & 0o7777;
}

/** File names are at most 255 bytes: the temporary name cuts the target's name to fit. */
export const maxNameBytes = 255;

/** `.NAME.PID.HEX.tmp` beside the target, NAME cut (at a character boundary) so it fits in 255 bytes. */
export function temporaryName(target: string, pid = process.pid, hex = randomBytes(4).toString('hex')): string {
	const suffix = `.${pid}.${hex}.tmp`;
	const room = maxNameBytes - 1 - Buffer.byteLength(suffix);
	let base = path.basename(target);
	while (Buffer.byteLength(base) > room) {
		base = [...base].slice(0, -1).join('');
	}

	return path.join(path.dirname(path.resolve(target)), `.${base}${suffix}`);
}

/**
Removes the temporary file if the process is ended by a signal (or exits) while it exists, then
lets the signal end the process as it would have (QUIT and XCPU exit with 128+n instead of dumping
core; the signals ignored while presenting are ignored here too). Returns the function that stops watching.
*/
function removeOnExit(temporary: string): () => void {
	const remove = () => {
		try {
			unlinkSync(temporary);
		} catch {
			// Not there (yet, or any more).
		}
	};

	const onSignal = (signal: NodeJS.Signals) => {
		remove();
		stop();
		if (dumpsCore.has(signal)) {
			process.exit(signalCode(signal));
		}

		process.kill(process.pid, signal);
	};

	// Ignored as while presenting (signals.ts): XFSZ, a file larger than the system allows, then fails the write with EFBIG.
	const onIgnored = () => undefined;
	const stop = () => {
		for (const signal of endingSignals) {
			process.off(signal, onSignal);
		}

		for (const signal of ignoredSignals) {
			process.off(signal, onIgnored);
		}

		process.off('exit', remove);
	};

	for (const signal of endingSignals) {
		process.on(signal, onSignal);
	}

	for (const signal of ignoredSignals) {
		process.on(signal, onIgnored);
	}

	process.on('exit', remove);
	return stop;
}

export async function writeFileAtomic(target: string, text: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
	const mode = await existingMode(target);
	if (mode !== undefined && !options.force) {
		throw new WriteError(`${quoted(target)} already exists; add --force to replace it`);
	}

	const directory = path.dirname(path.resolve(target));
	const temporary = temporaryName(target);
	const stopWatching = removeOnExit(temporary);
	let isCreated = false;
	try {
		const handle = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
		isCreated = true;
		try {
			await (typeof text === 'string' ? handle.writeFile(text, 'utf8') : handle.writeFile(text));
			await handle.sync();
			await stallForTests();
		} finally {
			await handle.close();
		}

		if (mode !== undefined) {
			await chmod(temporary, mode);
		}

		// Checked again just before the name is taken: a fifo or device put there meanwhile stays.
		await existingMode(target);
		if (options.force) {
			await rename(temporary, target);
		} else {
			await linkNoClobber(temporary, target);
		}

		isCreated = false;
		await syncDirectory(directory);
	} catch (error: unknown) {
		if (isCreated) {
			await unlink(temporary).catch(() => undefined);
		}

		if (error instanceof WriteError) {
			throw error;
		}

		if ((error as NodeJS.ErrnoException).code === 'EEXIST' && !options.force) {
			throw new WriteError(`${quoted(target)} already exists; add --force to replace it`);
		}

		throw new WriteError(`cannot write ${quoted(target)}: ${reason(error)}`);
	} finally {
		stopWatching();
	}
}

/** A test hook (BRIEFING_FAULT=export-stall): wait with the temporary file written, for a signal to arrive. */
async function stallForTests(): Promise<void> {
	if (process.env['BRIEFING_FAULT'] === 'export-stall') {
		process.stderr.write('briefing: stalled for the test\n');
		await new Promise(resolve => {
			setTimeout(resolve, 10_000);
		});
	}
}

/**
A hard link fails if the name was taken meanwhile, where a rename would silently replace it. File
systems without hard links get a check and a rename instead.
*/
async function linkNoClobber(temporary: string, target: string): Promise<void> {
	try {
		await link(temporary, target);
	} catch (error: unknown) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') {
			throw error;
		}

		if ((await existingMode(target)) !== undefined) {
			throw Object.assign(new Error('exists'), {code: 'EEXIST'});
		}

		await rename(temporary, target);
		return;
	}

	await unlink(temporary);
}

/** Makes the new name itself durable; some file systems cannot open a folder, which is fine. */
async function syncDirectory(directory: string): Promise<void> {
	try {
		const handle = await open(directory, constants.O_RDONLY);
		try {
			await handle.sync();
		} finally {
			await handle.close();
		}
	} catch {
		// Best effort only.
	}
}
