import {readFile, stat} from 'node:fs/promises';
import {MarkdownDeckError, visibleControls} from './inline.js';
import {type ParsedDeck, parseMarkdownDeck} from './parse-deck.js';

/**
A deck file from disk: read whole, checked (a regular file, at most `maxDeckBytes`, UTF-8), parsed.
Every failure is a DeckFileError whose message is one line, `FILE: problem` or `FILE:LINE:COLUMN:
problem`, with no control characters in it.
*/
export const maxDeckBytes = 1024 * 1024;

export class DeckFileError extends Error {
	override name = 'DeckFileError';
}

/** `deck.md:14:3: a quote needs its speaker`. */
export function formatDeckError(file: string, error: MarkdownDeckError): string {
	return visibleControls(`${file}:${error.at.line}:${error.at.column}: ${error.problem}`);
}

export async function readDeckText(file: string): Promise<string> {
	return readTextFile(file, 'a deck', '.md');
}

/** A text file read whole: one line for a missing file, a directory, too many bytes or not UTF-8. */
export async function readTextFile(file: string, what = 'a deck', extension = '.md'): Promise<string> {
	const name = visibleControls(file);
	let bytes: Buffer;
	try {
		const info = await stat(file);
		if (info.isDirectory()) {
			throw new DeckFileError(`${name}: is a directory, not ${what} (give a ${extension} file)`);
		}

		if (!info.isFile()) {
			throw new DeckFileError(`${name}: not a regular file`);
		}

		if (info.size > maxDeckBytes) {
			throw new DeckFileError(`${name}: ${Math.ceil(info.size / 1024)} KiB is too big for ${what} (at most ${maxDeckBytes / 1024} KiB)`);
		}

		bytes = await readFile(file);
	} catch (error: unknown) {
		if (error instanceof DeckFileError) {
			throw error;
		}

		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
		throw new DeckFileError(`${name}: ${visibleControls(why)}`);
	}

	if (bytes.length > maxDeckBytes) {
		throw new DeckFileError(`${name}: too big for ${what} (at most ${maxDeckBytes / 1024} KiB)`);
	}

	try {
		return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		throw new DeckFileError(`${name}: not UTF-8 text (save it as UTF-8)`);
	}
}

/** Reads and parses a deck file; every problem is a DeckFileError with a one-line message. */
export async function loadMarkdownDeck(file: string): Promise<ParsedDeck & {readonly text: string}> {
	const text = await readDeckText(file);
	return {...parseDeckText(file, text), text};
}

/** Parses a deck file's text; a mistake is a DeckFileError, `FILE:LINE:COLUMN: problem`. */
export function parseDeckText(file: string, text: string): ParsedDeck {
	try {
		return parseMarkdownDeck(text);
	} catch (error: unknown) {
		if (error instanceof MarkdownDeckError) {
			throw new DeckFileError(formatDeckError(file, error));
		}

		throw error;
	}
}
