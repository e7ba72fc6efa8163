import module from 'node:module';
import process from 'node:process';
import {optionsHelp} from './options.js';
import {helpOrVersion} from './parse-args.js';

/**
What the program says back: the usage text, a usage error (exit 2), output written to stdout with its
exit code, and --help and --version, which the bin answers before it loads the program.
*/
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

/**
Writes the program's output to stdout and waits until it is written: a full disk or a dead device
(ENOSPC, EIO, EBADF) is one line and exit 1; a reader that left (EPIPE) ends the program quietly.
*/
export async function writeOut(text: string): Promise<number> {
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


/** `briefing | head -1`: when the reader leaves, there is nobody to tell; the program ends quietly. */
export function endWhenReaderLeaves(): void {
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		// Other write errors are reported where the write is made (writeOut), or by the live show.
		if (error.code === 'EPIPE') {
			process.exit(0);
		}
	});
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

/** --help or --version (which win over every other flag) answered, with the exit code; undefined for anything else. */
export async function answerHelpOrVersion(argv: readonly string[]): Promise<number | undefined> {
	const wanted = helpOrVersion(argv);
	if (!wanted) {
		return undefined;
	}

	endWhenReaderLeaves();
	return writeOut(wanted === 'help' ? usage + '\n' : version() + '\n');
}
