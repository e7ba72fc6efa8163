#!/usr/bin/env node
import module from 'node:module';
import {realpath} from 'node:fs/promises';
import process from 'node:process';
import type {Deck} from './deck/deck.js';
import {optionsHelp} from './options.js';
import {checkShow, type Command, needsMeow, parseArgs, type PresentCommand, resolveStart} from './parse-args.js';

// Node 22.1+ keeps compiled code between runs; the bundle's chunks load after this line.
(module as {enableCompileCache?: () => unknown}).enableCompileCache?.();

/**
The bin: flags in (parse-args.ts), one of four things out (present, print, list, export), and an
exit code. Everything that can wait is imported only when it is needed, after the environment is
set for it.
*/
const usage = `
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

function usageError(message: string): number {
	process.stderr.write(`briefing: ${message}\n${usage}`);
	return 2;
}

// What `ps` and `pgrep -x briefing` show (meow did this when it was always loaded).
process.title = 'briefing';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	// `briefing | head -1`: the reader left; there is nobody to tell. Other write errors are
	// reported where the write is made (writeOut), or by the live show.
	if (error.code === 'EPIPE') {
		process.exit(0);
	}
});

/**
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

/** withoutFetch (deck/without-fetch.ts), loaded with the deck: --help and --version load one chunk less. */
async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
	return (await import('./deck/without-fetch.js')).withoutFetch(load);
}

/** The package's version, put in by the build (esbuild --define, from package.json); otherwise read from the package.json beside dist/. */
declare const BRIEFING_VERSION: string | undefined;

function version(): string {
	if (typeof BRIEFING_VERSION === 'string' && BRIEFING_VERSION !== '') {
		return BRIEFING_VERSION;
	}

	const require = module.createRequire(import.meta.url);
	return (require('../package.json') as {version: string}).version;
}

const isDebug = process.argv.includes('--debug');

/** Ink reads CI at import time and would then draw nothing until exit. */
function notInCi(): void {
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) {
		if (process.env[name] !== undefined) {
			process.env[name] = 'false';
		}
	}
}

/** The commands that show or write a deck. */
type DeckCommand = Extract<Command, {kind: 'present' | 'print' | 'list' | 'export'}>;

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
			return usageError(command.message);
		}

		case 'check':
		case 'paragraphs': {
			const {runCheck, runParagraphs} = await import('./markdown/commands.js');
			return command.kind === 'check' ? runCheck(command) : runParagraphs(command.article);
		}

		default: {
			return command;
		}
	}
}

async function main(argv: readonly string[]): Promise<number> {
	// meow costs tens of milliseconds to load: only when there are flags to read (not for --help or --version).
	const command = await answerAtOnce(parseArgs(argv, needsMeow(argv) ? (await import('meow')).default : undefined));
	if (typeof command === 'number') {
		return command;
	}

	const isInteractive = command.kind === 'present' && Boolean(process.stdin.isTTY && process.stdout.isTTY);
	if (isInteractive) {
		notInCi();
	}

	process.env['NODE_ENV'] ??= 'production';
	const markdown = command.deckFile === undefined ? undefined : await loadDeckFile(command.deckFile);
	if (command.deckFile !== undefined && !markdown) {
		return 2;
	}

	const {deck} = markdown ?? (await withoutFetch(async () => import('../slides/index.js')));
	const {findSection, hasDrawnBlocks} = await import('./deck/deck.js');
	if (!isInteractive && command.kind !== 'list' && hasDrawnBlocks(deck)) {
		// The outputs lay the deck out now, and a slide that holds an Ink component needs Ink to draw it
		// (--list writes titles only: no Ink).
		await (await import('./deck/drawn.js')).loadInk();
	}

	if (command.kind === 'list') {
		const {listText} = await import('./outputs/print.js');
		return writeOut(listText(deck));
	}

	const start = resolveStart(command.start, {
		count: deck.slides.length,
		sectionIds: deck.sections.map(section => section.id),
		sectionStart: name => findSection(deck, name)?.start,
	});
	if (typeof start !== 'number') {
		return usageError(start.message);
	}

	// --slide N and --section NAME choose what --print and --export write, as they choose where the show starts.
	const chosenSlides = async () =>
		(await import('./outputs/handout.js')).selectSlides(deck, {
			...(command.start.slide === undefined ? {} : {slide: start + 1}),
			...(command.start.section === undefined ? {} : {section: command.start.section}),
		});
	if (command.kind === 'export') {
		return exportHandout(deck, command, await chosenSlides(), command.deckFile === undefined);
	}

	const checked = command.kind === 'present' ? await checkShowFlags(command) : {};
	if ('message' in checked) {
		return usageError(checked.message);
	}

	if (command.kind === 'print' || !isInteractive) {
		const {deckText} = await import('./outputs/print.js');
		if (command.kind === 'present' && process.stdout.isTTY) {
			process.stderr.write('briefing: stdin is not a terminal, so the deck is printed instead of presented\n');
		}

		return writeOut(deckText(deck, {showNotes: command.showNotes, slides: await chosenSlides()}));
	}

	return show(deck, start, command, checked.duration, markdown && command.deckFile !== undefined ? {file: command.deckFile, text: markdown.text} : undefined);
}

/** The Markdown deck named on the command line, or undefined after a one-line problem with its file, line and column. */
async function loadDeckFile(file: string) {
	const {DeckFileError, loadMarkdownDeck} = await import('./markdown/load.js');
	try {
		return await withoutFetch(async () => loadMarkdownDeck(file));
	} catch (error: unknown) {
		if (error instanceof DeckFileError) {
			process.stderr.write(`briefing: ${error.message}\n`);
			return undefined;
		}

		throw error;
	}
}

/** --theme and --duration, checked against the theme table and the pace module (loaded only for a duration). */
async function checkShowFlags(command: PresentCommand) {
	const {themeNames} = await import('./layout/theme.js');
	const parseDuration = command.duration === undefined ? () => undefined : (await import('./layout/pace.js')).parseDuration;
	return checkShow(command, {themeNames, parseDuration});
}

/** The live show: the link, then present(). */
async function show(deck: Deck, start: number, command: PresentCommand, duration: number | undefined, markdown?: {file: string; text: string}): Promise<number> {
	const {pickTheme} = await import('./layout/theme.js');

	const isPresenter = command.view === 'presenter';
	const openLink = async () => {
		const {deckKey, openPresenterLink} = await import('./link/presenter-link.js');
		// The audience view listens too, so a presenter view started later finds it.
		// A Markdown deck pairs by its file, whose slides may change while it is shown (so no fixed bounds).
		return openPresenterLink({
			deckKey: markdown ? deckKey({title: `file:${await realpath(markdown.file)}`, slides: []}) : deckKey(deck),
			role: isPresenter ? 'presenter' : 'audience',
			...(markdown ? {} : {bounds: deck.slides.map(slide => slide.units)}),
		});
	};

	let link;
	if (isPresenter && !command.isRehearsal) {
		// The presenter view is nothing without the link: an unsafe socket directory stops it here.
		try {
			link = await openLink();
		} catch (error: unknown) {
			const {LinkError} = await import('./link/presenter-link.js');
			if (error instanceof LinkError) {
				process.stderr.write(`briefing: ${error.message}\n`);
				return 1;
			}

			throw error;
		}
	}

	const {present} = await import('./show/present.js');
	const {watchDeck} = markdown ? await import('./markdown/watch.js') : {watchDeck: undefined};
	return present({
		// Live reload: each save of a Markdown deck is read again; the show keeps its place.
		...(markdown && watchDeck
			? {onReady: running => watchDeck(markdown.file, markdown.text, update => ('deck' in update ? running.setDeck(update.deck) : running.setDeckProblem(update.problem)))}
			: {}),
		// The audience view opens its link after the first frame: the slide comes first. A rehearsal has none.
		...(link ? {link} : command.isRehearsal ? {} : {openLink}),
		view: command.view,
		...(duration ? {duration} : {}),
		deck,
		start,
		theme: pickTheme(command.theme, process.env),
		isRevealing: command.isRevealing,
		showTimer: command.showTimer,
		isDebug,
		isScreenReader: command.isScreenReader || process.env['INK_SCREEN_READER'] === 'true',
	});
}

type ExportCommand = Extract<Command, {kind: 'export'}>;

/** `--export FORMAT [-o FILE] [--force]`: usage errors exit 2, a file that cannot be written exits 1. */
async function exportHandout(deck: Deck, command: ExportCommand, slides: Deck['slides'], isBuiltIn: boolean): Promise<number> {
	const {exportDeck, exportFormats, formatFromFileName, isExportFormat, writeExport} = await import('./outputs/export.js');
	const {WriteError} = await import('./outputs/write-file.js');
	const {format: asked, file} = command;
	if (file === '') {
		return usageError('-o takes a file name (or - for stdout)');
	}

	if (asked !== undefined && !isExportFormat(asked)) {
		return usageError(`--export takes ${exportFormats.join(', ')}, not "${asked}"`);
	}

	const format = asked ?? formatFromFileName(file ?? '');
	if (format === undefined || !isExportFormat(format)) {
		return usageError(`-o "${file ?? ''}": add --export ${exportFormats.join('|')} (the file name does not say which)`);
	}

	// The built-in deck written as a Markdown deck names its article, so `briefing check` finds it.
	const article = format === 'deck' && isBuiltIn ? (await import('./markdown/article-path.js')).articleFor(file) : undefined;
	const text = exportDeck(article ? {...deck, source: {...deck.source, text: article}} : deck, format, {showNotes: command.showNotes, slides});
	if (file === undefined || file === '-') {
		return writeOut(text);
	}

	try {
		await writeExport(text, file, command.isForced);
	} catch (error: unknown) {
		if (error instanceof WriteError) {
			process.stderr.write(`briefing: ${error.message}\n`);
			return 1;
		}

		throw error;
	}

	if (process.stderr.isTTY) {
		process.stderr.write(`briefing: wrote ${file}\n`);
	}

	return 0;
}

try {
	process.exitCode = await main(process.argv.slice(2));
} catch (error: unknown) {
	const message = error instanceof Error ? error.message : String(error);
	process.stderr.write(`briefing: ${message.split('\n')[0]}\n`);
	if (isDebug && error instanceof Error && error.stack) {
		process.stderr.write(error.stack + '\n');
	}

	process.exitCode = 1;
}
