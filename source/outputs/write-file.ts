import {randomBytes} from 'node:crypto';
import {constants} from 'node:fs';
import {chmod, link, open, rename, stat, unlink} from 'node:fs/promises';
import path from 'node:path';

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

function reason(error: unknown): string {
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

		default: {
			return error instanceof Error ? error.message.split('\n')[0] ?? 'unknown error' : String(error);
		}
	}
}

async function existingMode(target: string): Promise<number | undefined> {
	try {
		const info = await stat(target);
		if (info.isDirectory()) {
			throw new WriteError(`cannot write ${target}: it is a folder`);
		}

		return info.mode & 0o7777;
	} catch (error: unknown) {
		if (error instanceof WriteError) {
			throw error;
		}

		return undefined;
	}
}

export async function writeFileAtomic(target: string, text: string, options: WriteOptions = {}): Promise<void> {
	const mode = await existingMode(target);
	if (mode !== undefined && !options.force) {
		throw new WriteError(`${target} already exists; add --force to replace it`);
	}

	const directory = path.dirname(path.resolve(target));
	const temporary = path.join(directory, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	let isCreated = false;
	try {
		const handle = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
		isCreated = true;
		try {
			await handle.writeFile(text, 'utf8');
			await handle.sync();
		} finally {
			await handle.close();
		}

		if (mode !== undefined) {
			await chmod(temporary, mode);
		}

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

		if ((error as NodeJS.ErrnoException).code === 'EEXIST' && !options.force) {
			throw new WriteError(`${target} already exists; add --force to replace it`);
		}

		throw new WriteError(`cannot write ${target}: ${reason(error)}`);
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
