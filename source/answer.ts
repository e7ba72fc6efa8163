import process from 'node:process';
import {optionsHelp} from './options.js';

/** What the program says back: the usage text, a usage error (exit 2), and output written to stdout with its exit code. */
export const usage = `
  Usage
    $ npx briefing [FILE.md] [options]
    $ npx briefing check [FILE.md] [--source ARTICLE] [--json]
    $ npx briefing paragraphs ARTICLE

  Presents a briefing on The Washington Times article of April 6, 2021 about
  Alejandro Mayorkas's town hall with ICE employees, or your own Markdown deck
  FILE.md (reloaded as you save it). Press ? while presenting for the keys.
  When stdin or stdout is not a terminal, prints the deck. \`check\` holds a
  deck to its article; \`paragraphs\` numbers an article's paragraphs.

  Options
${optionsHelp()}
`;

export function usageError(message: string): number {
	process.stderr.write(`briefing: ${message}\n${usage}`);
	return 2;
}

export /**
Writes the program's output to stdout and waits until it is written: a full disk or a dead device
(ENOSPC, EIO, EBADF) is one line and exit 1; a reader that left (EPIPE) ends the program quietly.
*/
async function writeOut(text: string): Promise<number> {
	const error = await new Promise<NodeJS.ErrnoException | undefined>(resolve => {
		process.stdout.write(text, failure => {
			resolve(failure ?? undefined);
		});
	});
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

