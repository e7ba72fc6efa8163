import {writeSync} from 'node:fs';
import module from 'node:module';
import process from 'node:process';
import {checkFlags, newFlags, optionsHelp, synopsis, timingsFlags} from './options.js';

/**
What the program says back: the usage text, a usage error (exit 2), output written to stdout with its
exit code, and the answers to --help and --version.
*/
/** A usage line, its flags wrapped under its first at 80 columns. */
function usageLine(command: string, flagWords: string): string {
	const start = `    $ npx briefing ${command}`;
	const lines = [start];
	for (const word of flagWords.match(/\[[^\]]*\]/g) ?? []) {
		const last = lines.length - 1;
		if (lines[last]!.length + word.length + 1 > 80) {
			lines.push(`${' '.repeat(start.length)} ${word}`);
		} else {
			lines[last] += ` ${word}`;
		}
	}

	return lines.join('\n');
}

export const usage = `
  Usage
    $ npx briefing [FILE.md] [options]
${usageLine('check [FILE.md]', synopsis(checkFlags))}
    $ npx briefing paragraphs SOURCE
    $ npx briefing new SOURCE ${synopsis(newFlags)}
    $ npx briefing timings [FILE.md] ${synopsis(timingsFlags)}

  Presents a briefing on The Washington Times article of April 6, 2021 about
  Alejandro Mayorkas's town hall with ICE employees, or your own Markdown deck
  FILE.md (reloaded as you save it). Press ? while presenting for the keys.
  When stdin or stdout is not a terminal, prints the deck. \`check\` holds a
  deck to its source; \`paragraphs\` numbers a source text's paragraphs;
  \`timings\` prints the talk's plan (budgets, rehearsals, what to cut);
  \`new\` starts a deck from a source text, with its quotes and paragraphs.

  Options
${optionsHelp()}
`;

/** A usage error: its one line, and where the usage is (the whole usage would scroll the line away). */
export function usageError(message: string): number {
	process.stderr.write(`briefing: ${message}\n${usageHint}\n`);
	return 2;
}

export const usageHint = 'briefing --help shows the usage.';

/**
Writes the program's output to stdout, all of it before it returns: a full disk or a dead device
(ENOSPC, EIO), or one opened for reading only (`1<file`: EBADF), is one line and exit 1; a reader
that left (EPIPE) ends the program quietly. A closed stdout (`>&-`) cannot happen: Node opens
/dev/null in its place at start, so the output is lost and the exit code is 0.
It is written with fs.writeSync, whatever stdout is (a terminal, a pipe, a socket, a file, a device):
Node's stream for stdout loads node:net or node:tty and its stream modules first, which a one-shot
answer such as `--list` need not wait for.
*/
export async function writeOut(text: string | Uint8Array): Promise<number> {
	const error = writeAll((bytes, offset) => writeSync(stdoutFd, bytes, offset), typeof text === 'string' ? Buffer.from(text) : Buffer.from(text.buffer, text.byteOffset, text.byteLength));
	if (!error) {
		return 0;
	}

	if (error.code === 'EPIPE') {
		process.exit(0);
	}

	const {reason} = await import('./outputs/write-file.js');
	process.stderr.write(`briefing: cannot write to stdout: ${reason(error)}\n`);
	return 1;
}

const stdoutFd = 1;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
All of `bytes` through `write` (which returns how many it took), or the error that stopped it. A
stdout that another program left non-blocking answers EAGAIN when it is full: wait a moment, write on.
*/
export function writeAll(write: (bytes: Buffer, offset: number) => number, bytes: Buffer): NodeJS.ErrnoException | undefined {
	let offset = 0;
	while (offset < bytes.length) {
		try {
			offset += write(bytes, offset);
		} catch (error: unknown) {
			if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
				Atomics.wait(pause, 0, 0, 5);
				continue;
			}

			return error as NodeJS.ErrnoException;
		}
	}

	return undefined;
}

/** The package's version, put in by the build (esbuild --define, from package.json); otherwise read from the package.json beside dist/. */
declare const BRIEFING_VERSION: string | undefined;

export function version(): string {
	if (typeof BRIEFING_VERSION === 'string' && BRIEFING_VERSION !== '') {
		return BRIEFING_VERSION;
	}

	const require = module.createRequire(import.meta.url);
	return (require('../package.json') as {version: string}).version;
}
