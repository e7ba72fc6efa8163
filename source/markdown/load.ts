import {constants} from 'node:fs';
import {type FileHandle, open} from 'node:fs/promises';
import {MarkdownDeckError, visibleControls} from './inline.js';
import type {Deck} from '../deck/deck.js';
import {type ParsedDeck, parseMarkdownDeck, readDeckLazily} from './parse-deck.js';
import type {FormatChoice} from './formats/scan.js';
import type {Notice} from './formats/translate.js';
import {hasHighlighter, useHighlighter} from '../layout/code.js';

/**
A deck file from disk: opened once, checked (a regular file, at most `maxDeckBytes`, UTF-8), parsed.
Every failure is a DeckFileError whose message is one line, `FILE: problem` or `FILE:LINE:COLUMN:
problem`, with no control characters in it.
*/
export const maxDeckBytes = 1024 * 1024;

export class DeckFileError extends Error {
	override name = 'DeckFileError';
}

/** What of another presenter's deck the show does not show, one line a kind: `deck.md:7: 2 images are shown as a placeholder, [image: file]`. */
export function noticeLines(file: string, notices: readonly Notice[] | undefined): string[] {
	return (notices ?? []).map(notice => visibleControls(`${file}:${notice.line}: ${notice.text}`));
}

/** `deck.md:14:3: a quote needs its speaker`. */
export function formatDeckError(file: string, error: MarkdownDeckError): string {
	return visibleControls(`${file}:${error.at.line}:${error.at.column}: ${error.problem}`);
}

export async function readDeckText(file: string): Promise<string> {
	return readTextFile(file, 'a deck', '.md');
}

/** How the opening flags keep a file that is not a regular file from holding the read up: a fifo opens at once, a terminal is not taken over. */
const openFlags = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

/**
Up to `cap + 1` bytes from an open file: a file that grew past what fstat said, or past the cap, is
seen to be too big without reading the rest.
*/
async function readCapped(handle: FileHandle, cap: number): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let total = 0;
	while (total <= cap) {
		const buffer = Buffer.allocUnsafe(Math.min(64 * 1024, cap + 1 - total));
		const {bytesRead} = await handle.read(buffer, 0, buffer.length, null);
		if (bytesRead === 0) {
			break;
		}

		chunks.push(buffer.subarray(0, bytesRead));
		total += bytesRead;
	}

	return Buffer.concat(chunks, total);
}

function readProblem(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	return code === 'ENOENT' ? 'No such file.' : code === 'EACCES' ? 'Permission denied.' : code === 'ELOOP' ? 'Too many symbolic links.' : (error as Error).message;
}

/**
A text file read whole: opened once, the open file checked (a regular file, at most `maxDeckBytes`),
then read from that same descriptor with the cap, so what is read is what was checked even when the
path is swapped meanwhile (for a symbolic link to /dev/zero, a fifo, a bigger file). One line for a
missing file, a directory, too many bytes or not UTF-8.
*/
export async function readTextFile(file: string, what = 'a deck', extension = '.md'): Promise<string> {
	const name = visibleControls(file);
	let bytes: Buffer;
	let handle: FileHandle | undefined;
	try {
		handle = await open(file, openFlags);
		const info = await handle.stat();
		if (info.isDirectory()) {
			throw new DeckFileError(`${name}: A folder, not ${what}: give a ${extension} file.`);
		}

		if (!info.isFile()) {
			throw new DeckFileError(`${name}: Not a regular file.`);
		}

		if (info.size > maxDeckBytes) {
			throw new DeckFileError(`${name}: ${Math.ceil(info.size / 1024)} KiB is too big for ${what} (at most ${maxDeckBytes / 1024} KiB).`);
		}

		bytes = await readCapped(handle, maxDeckBytes);
	} catch (error: unknown) {
		if (error instanceof DeckFileError) {
			throw error;
		}

		throw new DeckFileError(`${name}: ${visibleControls(readProblem(error))}`);
	} finally {
		await handle?.close();
	}

	if (bytes.length > maxDeckBytes) {
		throw new DeckFileError(`${name}: Too big for ${what} (at most ${maxDeckBytes / 1024} KiB).`);
	}

	// UTF-16 (a byte-order mark, or the zero bytes of its ASCII) decodes as UTF-8 without an error: said apart.
	if ((bytes[0] === 0xFF && bytes[1] === 0xFE) || (bytes[0] === 0xFE && bytes[1] === 0xFF) || bytes.includes(0)) {
		throw new DeckFileError(`${name}: Not UTF-8 text (${bytes.includes(0) && bytes[0] !== 0xFF && bytes[0] !== 0xFE ? 'it holds zero bytes' : 'it is UTF-16'}): save it as UTF-8.`);
	}

	try {
		return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		throw new DeckFileError(`${name}: Not UTF-8 text: save it as UTF-8.`);
	}
}

/** A fence at a line's start, and the language it names. */
const fenceLine = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)/;

/** Whether the text opens a fenced code block (a drawing, ```drawn, is not code): a deck without one needs no highlighter. */
export function hasCodeFence(text: string): boolean {
	if (!text.includes('```') && !text.includes('~~~')) {
		return false;
	}

	let open: string | undefined;
	for (const line of text.split('\n')) {
		const fence = fenceLine.exec(line);
		if (!fence) {
			continue;
		}

		if (open === undefined) {
			if (fence[2] !== 'drawn') {
				return true;
			}

			open = fence[1];
		} else if (fence[1]![0] === open[0] && fence[1]!.length >= open.length && !fence[2]) {
			open = undefined;
		}
	}

	return false;
}

/**
Loads the syntax highlighter (highlight.ts: lowlight and its grammars) for a show whose deck has a
code fence, and hands it to the layout; a deck without one (the built-in deck, a deck of drawings
only) never reads it.
*/
export async function loadHighlighterFor(text: string): Promise<void> {
	if (hasHighlighter() || !hasCodeFence(text)) {
		return;
	}

	const {highlightCode} = await import('./highlight.js');
	useHighlighter(highlightCode);
}

/** Reads and parses a deck file; every problem is a DeckFileError with a one-line message. `beforeParse` is told the text's length. */
export async function loadMarkdownDeck(file: string, beforeParse?: (length: number) => void): Promise<ParsedDeck & {readonly text: string}> {
	const text = await readDeckText(file);
	beforeParse?.(text.length);
	return {...parseDeckText(file, text), text};
}

/** Parses a deck file's text (ours, or another presenter's: `format`, else `--format`'s, else found from the text); a mistake is a DeckFileError, `FILE:LINE:COLUMN: problem`. */
export function parseDeckText(file: string, text: string, format?: FormatChoice): ParsedDeck {
	try {
		return parseMarkdownDeck(text, {name: file, ...(format ? {format} : {})});
	} catch (error: unknown) {
		throw deckFileError(file, error);
	}
}

/** Decks up to this size are read whole before a show starts: a mistake anywhere refuses the show at once. */
export const wholeReadBelow = 64 * 1024;

/**
Reads a deck file for a show. A deck up to `wholeReadBelow` is read whole, as the outputs read it, so a
mistake on any slide stops the show before it starts. A larger one has every limit, the front matter,
the sections and titles checked now and each slide's body parsed when it is first asked for (see
readDeckLazily); its `problemOf` gives the error of a slide that failed when read, `FILE:LINE:COLUMN: problem`.
*/
export async function loadDeckForShow(file: string, beforeParse?: (length: number) => void): Promise<{readonly deck: Deck; readonly text: string; readonly notices?: readonly Notice[] | undefined; readonly problemOf?: (index: number) => string | undefined}> {
	const text = await readDeckText(file);
	beforeParse?.(text.length);
	await loadHighlighterFor(text);
	if (text.length <= wholeReadBelow) {
		const {deck, notices} = parseDeckText(file, text);
		return {deck, text, notices};
	}

	try {
		const {deck, problemOf, notices} = readDeckLazily(text, {name: file});
		return {
			deck,
			text,
			notices,
			problemOf(index) {
				const error = problemOf(index);
				return error && formatDeckError(file, error);
			},
		};
	} catch (error: unknown) {
		throw deckFileError(file, error);
	}
}

/** A reading error as a DeckFileError with its file (another error as it is). */
export function deckFileError(file: string, error: unknown): unknown {
	if (error instanceof MarkdownDeckError) {
		return new DeckFileError(formatDeckError(file, error));
	}

	if (error instanceof RangeError) {
		// The limits (split.ts) keep a deck from nesting this deep; should one still, it is the deck's problem, said so.
		return new DeckFileError(`${visibleControls(file)}: Too deeply nested to read (${error.message}).`);
	}

	return error;
}
