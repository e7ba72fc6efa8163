import process from 'node:process';
import {usage, usageError, version, writeOut} from './answer.js';
import {lightenV8} from './boot/lighter-v8.js';
import type {DeckCommand} from './deck-command.js';
import {type Command, needsMeow, parseArgs} from './parse-args.js';
import {escaped} from './text/quoted.js';

/**
The program: flags in (parse-args.ts) and an exit code out. What needs no deck (help, version, a
usage error, check, paragraphs) is answered here; the rest (present, print, list, export) is in
deck-command.tsx, which holds the way to the first slide. The bin (bin.ts) loads this module and
calls run().
*/

/** Answers the commands that need no deck (help, version, a usage error, check, paragraphs) with an exit code; passes the others on. */
async function answerAtOnce(command: Command): Promise<number | DeckCommand> {
	switch (command.kind) {
		case 'help': {
			return writeOut(usage + '\n');
		}

		case 'version': {
			return writeOut(version() + '\n');
		}

		case 'usage-error': {
			const code = usageError(command.message);
			return command.isJson ? (await writeOut(JSON.stringify({error: command.message}, null, '\t') + '\n')) || code : code;
		}

		case 'timings': {
			return (await import('./timings-command.js')).runTimings(command);
		}

		case 'new': {
			return (await import('./new-command.js')).runNew(command);
		}

		case 'check':
		case 'paragraphs': {
			const {runCheck, runParagraphs} = await import('./check-command.js');
			return command.kind === 'check' ? runCheck(command) : runParagraphs(command.article);
		}

		default: {
			return command;
		}
	}
}

async function main(parsed: Command): Promise<number> {
	const command = await answerAtOnce(parsed);
	if (typeof command === 'number') {
		return command;
	}

	if (command.kind === 'list' && command.deckFile === undefined) {
		// The built-in deck's titles: the slides and the printer, without the live show that
		// deck-command.tsx loads with the deck.
		const [{deck}, {listText}] = await Promise.all([import('../slides/index.js'), import('./outputs/print.js')]);
		return writeOut(listText(deck));
	}

	if (command.kind === 'present' && command.deckFile === undefined) {
		// A show runs for an hour: V8's flags for a lighter process, before the deck is read (a Markdown
		// deck is parsed first, with V8's optimizing compiler: deck-command.tsx).
		lightenV8();
	}

	const {runDeckCommand} = await import('./deck-command.js');
	return runDeckCommand(command);
}

/** Runs the command line and sets the exit code; an unexpected error is one line (its stack with --debug). */
export async function run(argv: readonly string[]): Promise<void> {
	// What `ps` and `pgrep -x briefing` show (meow did this when it was always loaded).
	process.title = 'briefing';
	let isDebug = false;
	try {
		// meow is slow to load next to the rest of a start: only when there are flags to read (--help and
		// --version, which win over everything else, no arguments and switches alone need none).
		const command = parseArgs(argv, needsMeow(argv) ? (await import('meow')).default : undefined);
		isDebug = 'isDebug' in command && command.isDebug === true;
		process.exitCode = await main(command);
	} catch (error: unknown) {
		const message = error instanceof Error ? error.message : String(error);
		// Whatever the error says (a file's name, a value), no control character reaches the terminal.
		process.stderr.write(`briefing: ${escaped(message.split('\n')[0] ?? '')}\n`);
		if (isDebug && error instanceof Error && error.stack) {
			process.stderr.write(error.stack + '\n');
		}

		process.exitCode = 1;
	}
}

/**
What the bin runs once at build time, before it writes V8's code cache: the code on the way to the
first slide is compiled here (the flags read, the built-in deck's first frame and --list laid
out and painted into a string), so that the cache holds it and a presenter's start skips compiling it.
Writes nothing to the terminal.
*/
export async function warmUp(): Promise<void> {
	const meow = (await import('meow')).default;
	for (const argv of [[], ['--help'], ['--list'], ['deck.md', '--rehearse', '--no-reveal', '--slide', '2']]) {
		parseArgs(argv, meow);
	}

	const {warmUp: warmDeck} = await import('./deck-command.js');
	await warmDeck();
	// A Markdown deck read as a show reads it (the Markdown libraries' code cache holds their parser).
	const {DeckFileError, parseDeckText} = await import('./markdown/load.js');
	try {
		parseDeckText('warm-up.md', warmUpDeck);
	} catch (error: unknown) {
		// A format that changed under the warm-up's deck still parsed it: only its code cache is the poorer.
		if (!(error instanceof DeckFileError)) {
			throw error;
		}
	}
}

const warmUpDeck = [
	'---',
	'title: A warm-up',
	'outlet: The Outlet',
	'date: April 6, 2021',
	'author: A Reporter',
	'---',
	'',
	'# A section',
	'',
	'## A slide: *words* and **more**',
	'',
	'- a bullet with `code` and a [link](https://example.com)',
	'- another, ~~struck~~',
	'',
	'> “A quote.”',
	'> — Someone, *a role*',
	'',
	'| a | b |',
	'| --- | ---: |',
	'| 1 | 2 |',
	'',
	'<!-- paragraphs: 1-2 -->',
	'<!-- speaker_note: a note -->',
	'',
	'---',
	'',
	'## Another slide',
	'',
	'Some text.',
	'',
].join('\n');

/**
Run at build time after warmUp and the program's cache, before the bin writes Ink's: loads Ink (which
sets the show's V8 flags first) and has it draw the built-in deck's Ink components, as a handout does.
*/
export async function warmUpInk(): Promise<void> {
	const {warmUpInk: warmInk} = await import('./deck-command.js');
	await warmInk();
}

/** Loads Ink as the show does (the bin's BRIEFING_CODE_CACHE=check asks whether Ink's cache was taken). */
export async function loadInk(): Promise<void> {
	await (await import('./deck/drawn.js')).loadInk();
}
