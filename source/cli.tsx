#!/usr/bin/env node
import module from 'node:module';
import {realpath} from 'node:fs/promises';
import process from 'node:process';
import type {Deck} from './deck/deck.js';
import {meowFlags, optionsHelp, unknownArgument} from './options.js';

// Node 22.1+ keeps compiled code between runs; the bundle's chunks load after this line.
(module as {enableCompileCache?: () => unknown}).enableCompileCache?.();

/**
The bin: flags in, one of three things out (present, print, list), and an exit code. Everything that
can wait is imported only when it is needed, after the environment is set for it.
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
	// `briefing | head -1`: the reader left; there is nobody to tell.
	if (error.code === 'EPIPE') {
		process.exit(0);
	}
});

type Flags = Record<string, string | boolean | undefined>;

/** What meow would return for no arguments: the defaults of the option table. */
function defaultFlags(): Flags {
	return Object.fromEntries(Object.entries(meowFlags()).flatMap(([name, spec]) => (spec.default === undefined ? [] : [[name, spec.default]])));
}

/** meow parses the flags (and answers --help and --version); it costs tens of milliseconds to load, so only when there are flags. */
async function parseFlags(argv: readonly string[]): Promise<Flags> {
	const {default: meow} = await import('meow');
	const cli = meow(usage, {importMeta: import.meta, argv: [...argv], flags: meowFlags() as never, autoHelp: true, autoVersion: true});
	return cli.flags as Flags;
}

/**
Yoga's loader fetch()es its inline WebAssembly when fetch exists, and the first fetch() loads Node's whole
HTTP client; without fetch it decodes the same bytes with atob. Hidden only while the deck (and with it Ink
and Yoga) loads.
*/
async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
	const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (!descriptor?.configurable) {
		return load();
	}

	Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	try {
		return await load();
	} finally {
		Object.defineProperty(globalThis, 'fetch', descriptor);
	}
}

/** `briefing FILE.md [options]`: one argument that is not a flag names a Markdown deck. */
function takeDeckFile(argv: readonly string[]): {argv: readonly string[]; file?: string} {
	const found = unknownArgument(argv);
	if (found === undefined || (found.startsWith('-') && found !== '-')) {
		return {argv};
	}

	const at = argv.indexOf(found);
	const rest = argv[at - 1] === '--' ? [...argv.slice(0, at - 1), ...argv.slice(at + 1)] : [...argv.slice(0, at), ...argv.slice(at + 1)];
	return {argv: rest, file: found};
}

/** The Markdown deck named on the command line, or a one-line problem with the file, line and column. */
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

async function main(commandLine: readonly string[]): Promise<number> {
	if (commandLine[0] === 'check' || commandLine[0] === 'paragraphs') {
		const {runCheck, runParagraphs} = await import('./markdown/commands.js');
		return commandLine[0] === 'check' ? runCheck(commandLine.slice(1)) : runParagraphs(commandLine.slice(1));
	}

	const {argv, file} = takeDeckFile(commandLine);
	const unknown = unknownArgument(argv);
	if (unknown !== undefined) {
		return usageError(unknown.startsWith('-') ? `unknown option ${unknown}` : `unexpected argument "${unknown}"`);
	}

	const flags = argv.length === 0 ? defaultFlags() : await parseFlags(argv);
	const isExport = flags['export'] !== undefined || flags['output'] !== undefined;
	const isInteractive = !flags['print'] && !flags['list'] && !isExport && Boolean(process.stdin.isTTY && process.stdout.isTTY);
	if (isInteractive) {
		// Ink reads CI at import time and would then draw nothing until exit.
		for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) {
			if (process.env[name] !== undefined) {
				process.env[name] = 'false';
			}
		}
	}

	process.env['NODE_ENV'] ??= 'production';
	const markdown = file === undefined ? undefined : await loadDeckFile(file);
	if (file !== undefined && !markdown) {
		return 2;
	}

	const {deck} = markdown ?? (await withoutFetch(async () => import('../slides/index.js')));
	const {findSection} = await import('./deck/deck.js');

	let start = 0;
	if (flags['slide'] !== undefined && flags['section'] !== undefined) {
		return usageError('use --slide or --section, not both');
	}

	if (flags['slide'] !== undefined) {
		const text = String(flags['slide']);
		const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
		if (!Number.isInteger(n) || n < 1 || n > deck.slides.length) {
			return usageError(`--slide takes a number from 1 to ${deck.slides.length}, not "${text}"`);
		}

		start = n - 1;
	}

	if (flags['section'] !== undefined) {
		const section = findSection(deck, String(flags['section']));
		if (!section) {
			return usageError(`no section "${String(flags['section'])}"; sections: ${deck.sections.map(s => s.id).join(', ')}`);
		}

		start = section.start;
	}

	// --slide N and --section NAME choose what --print and --export write, as they choose where the show starts.
	const chosenSlides = async () => (await import('./outputs/handout.js')).selectSlides(deck, {
		...(flags['slide'] === undefined ? {} : {slide: start + 1}),
		...(flags['section'] === undefined ? {} : {section: String(flags['section'])}),
	});

	const themeName = flags['theme'];
	const {themeNames} = await import('./layout/theme.js');
	if (themeName !== undefined && !(themeNames as readonly string[]).includes(String(themeName))) {
		return usageError(`--theme takes ${themeNames.join(', ')}, not "${String(themeName)}"`);
	}

	let duration: number | undefined;
	if (flags['duration'] !== undefined) {
		const text = String(flags['duration']);
		if (!flags['presenter']) {
			return usageError('--duration plans the presenter view: use it with --presenter');
		}

		const {parseDuration} = await import('./layout/pace.js');
		duration = parseDuration(text);
		if (duration === undefined) {
			return usageError(`--duration takes a time such as 15m, 90s, 1h30m or plain minutes (15), not "${text}"`);
		}
	}

	if (isExport) {
		if (flags['list']) {
			return usageError('use --list or --export, not both');
		}

		return exportHandout(deck, flags, await chosenSlides(), file === undefined);
	}

	if (flags['list']) {
		const {listText} = await import('./outputs/print.js');
		process.stdout.write(listText(deck));
		return 0;
	}

	if (!isInteractive) {
		const {deckText} = await import('./outputs/print.js');
		if (!flags['print'] && process.stdout.isTTY) {
			process.stderr.write('briefing: stdin is not a terminal, so the deck is printed instead of presented\n');
		}

		process.stdout.write(deckText(deck, {showNotes: Boolean(flags['notes']), slides: await chosenSlides()}));
		return 0;
	}

	const isPresenter = Boolean(flags['presenter']);
	const openLink = async () => {
		const {deckKey, openPresenterLink} = await import('./link/presenter-link.js');
		// A Markdown deck pairs by its file, whose slides may change while it is shown.
		const key = file === undefined ? deckKey(deck) : deckKey({title: `file:${await realpath(file)}`, slides: []});
		// The audience view listens too, so a presenter view started later finds it.
		return openPresenterLink({deckKey: key, role: isPresenter ? 'presenter' : 'audience'});
	};

	let link;
	if (isPresenter) {
		// The presenter view is nothing without the link: an unsafe socket directory stops it here.
		try {
			link = await openLink();
		} catch (error: unknown) {
			if (error instanceof Error && error.name === 'LinkError') {
				process.stderr.write(`briefing: ${error.message}\n`);
				return 1;
			}

			throw error;
		}
	}

	const {present} = await import('./show/present.js');
	const {pickTheme} = await import('./layout/theme.js');
	const {watchDeck} = markdown ? await import('./markdown/watch.js') : {watchDeck: undefined};
	return present({
		...(file && markdown && watchDeck ? {watch: onUpdate => watchDeck(file, markdown.text, onUpdate)} : {}),
		// The audience view opens its link after the first frame: the slide comes first.
		...(link ? {link} : {openLink}),
		view: isPresenter ? 'presenter' : 'audience',
		...(duration ? {duration} : {}),
		deck,
		start,
		theme: pickTheme(themeName === undefined ? undefined : String(themeName), process.env),
		isRevealing: flags['reveal'] !== false,
		showTimer: Boolean(flags['timer']),
		isDebug: Boolean(flags['debug']),
		isScreenReader: Boolean(flags['screenReader']) || process.env['INK_SCREEN_READER'] === 'true',
	});
}

/** `--export FORMAT [-o FILE] [--force]`: usage errors exit 2, a file that cannot be written exits 1. */
async function exportHandout(deck: Deck, flags: Readonly<Record<string, string | boolean | undefined>>, slides: Deck['slides'], isBuiltIn: boolean): Promise<number> {
	const {exportDeck, exportFormats, formatFromFileName, isExportFormat, writeExport} = await import('./outputs/export.js');
	const {WriteError} = await import('./outputs/write-file.js');
	const asked = flags['export'] === undefined ? undefined : String(flags['export']);
	const file = flags['output'] === undefined ? undefined : String(flags['output']);
	if (file === '') {
		return usageError('-o takes a file name (or - for stdout)');
	}

	if (asked !== undefined && !isExportFormat(asked)) {
		return usageError(`--export takes ${exportFormats.join(', ')}, not "${asked}"`);
	}

	const format = asked ?? formatFromFileName(file ?? '');
	if (format === undefined || !isExportFormat(format)) {
		return usageError(`-o ${file ?? ''}: add --export ${exportFormats.join('|')} (the file name does not say which)`);
	}

	try {
		// The built-in deck written as a Markdown deck names its article, so `briefing check` finds it.
		const article = format === 'deck' && isBuiltIn ? (await import('./markdown/article-path.js')).articleFor(file) : undefined;
		const exported = article ? {...deck, source: {...deck.source, text: article}} : deck;
		await writeExport(exportDeck(exported, format, {showNotes: Boolean(flags['notes']), slides}), file, Boolean(flags['force']));
	} catch (error: unknown) {
		if (error instanceof WriteError) {
			process.stderr.write(`briefing: ${error.message}\n`);
			return 1;
		}

		throw error;
	}

	if (file !== undefined && file !== '-' && process.stderr.isTTY) {
		process.stderr.write(`briefing: wrote ${file}\n`);
	}

	return 0;
}

const isDebug = process.argv.includes('--debug');
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
