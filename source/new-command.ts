import {existsSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {writeOut} from './answer.js';
import {DeckFileError, maxDeckBytes, readTextFile} from './markdown/load.js';
import {MarkdownDeckError, visibleControls} from './markdown/inline.js';
import {splitDeck} from './markdown/split.js';
import {newDeck} from './new-deck.js';
import {splitParagraphs} from './check/paragraphs.js';
import type {NewCommand} from './parse-args.js';
import {quoted} from './text/quoted.js';

/**
`briefing new SOURCE [-o deck.md] [--force]`: reads a source text and writes a deck to start from
(new-deck.ts), to stdout or to a new file (an existing one only with --force). Exit 0 when written;
2 when the source cannot be read (missing, a folder, binary, empty) or -o names a file that exists;
1 when the deck cannot be written.
*/
export async function runNew(command: NewCommand): Promise<number> {
	const {file} = command;
	const toStdout = file === undefined || file === '-';
	if (!toStdout && !command.isForced && existsSync(file)) {
		process.stderr.write(`briefing: ${quoted(file)} already exists; add --force to replace it\n`);
		return 2;
	}

	let text: string;
	try {
		text = await readSource(command.source);
	} catch (error: unknown) {
		if (error instanceof DeckFileError) {
			process.stderr.write(`briefing: ${error.message}\n`);
			return 2;
		}

		throw error;
	}

	// The source as the deck names it: relative to the deck's folder (the current one for stdout).
	const folder = toStdout ? process.cwd() : path.dirname(path.resolve(file));
	const sourcePath = path.relative(folder, path.resolve(command.source)).split(path.sep).join('/');
	const deck = newDeck({text, sourcePath, fileName: path.basename(command.source)});
	const tooBig = beyondLimits(deck);
	if (tooBig) {
		process.stderr.write(`briefing: ${visibleControls(command.source)}: Too big to start one deck from; start from a part of it. ${tooBig}\n`);
		return 2;
	}

	if (toStdout) {
		return writeOut(deck);
	}

	const {WriteError, writeFileAtomic} = await import('./outputs/write-file.js');
	try {
		await writeFileAtomic(file, deck, {force: command.isForced});
	} catch (error: unknown) {
		if (error instanceof WriteError) {
			process.stderr.write(`briefing: ${error.message}\n`);
			return /already exists/.test(error.message) ? 2 : 1;
		}

		throw error;
	}

	if (process.stderr.isTTY) {
		process.stderr.write(`briefing: wrote ${quoted(file)}\n`);
	}

	return 0;
}

/** The source's text: UTF-8 text with at least one paragraph; a binary file (a NUL byte, or mostly control characters) is refused. */
async function readSource(file: string): Promise<string> {
	const name = visibleControls(file);
	const text = await readTextFile(file, 'a source text', '.txt').catch((error: unknown) => {
		throw error instanceof DeckFileError && error.message.endsWith(': save it as UTF-8.') ? new DeckFileError(`${name}: Not a text file (binary, or not UTF-8): give a plain text file.`) : error;
	});
	const controls = text.match(/[\u0000-\u0008\u000E-\u001F\u007F]/g)?.length ?? 0;
	if (text.includes('\u0000') || controls > text.length / 100) {
		throw new DeckFileError(`${name}: a binary file, not a source text (give a plain text file)`);
	}

	if (splitParagraphs(text).length === 0) {
		throw new DeckFileError(`${name}: empty: no paragraph to start a deck from`);
	}

	return text;
}

/** Why the deck would not present, if it breaks a deck's limits: its size, or a limit of its slides. */
function beyondLimits(deck: string): string | undefined {
	const bytes = Buffer.byteLength(deck);
	if (bytes > maxDeckBytes) {
		return `The deck would be ${Math.ceil(bytes / 1024)} KiB, and a deck is at most ${maxDeckBytes / 1024} KiB.`;
	}

	try {
		splitDeck(deck);
		return undefined;
	} catch (error: unknown) {
		if (error instanceof MarkdownDeckError) {
			return `The deck's line ${error.at.line}: ${error.problem}`;
		}

		throw error;
	}
}
