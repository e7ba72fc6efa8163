import {realpathSync} from 'node:fs';
import type {FormatChoice} from './markdown/formats/scan.js';
import process from 'node:process';
import {deck as builtInDeck} from '../slides/index.js';
import {usageError, writeOut} from './answer.js';
import {type Deck, findSection, hasDrawnBlocks} from './deck/deck.js';
import {isAutoTheme, pickTheme, themeNames} from './text/theme.js';
import {checkShow, type Command, type PresentCommand, resolveStart} from './parse-args.js';
import {quoted} from './text/quoted.js';
import {firstFrameText, present, type RunningShow} from './show/present.js';
import type {PeerLink} from './link/peer.js';
import {withoutFetch} from './boot/without-fetch.js';
import {holdYoungGenerationFor, lightenV8} from './boot/lighter-v8.js';

/**
The commands that show or write a deck: present, print, list and export. What the first slide needs
(the built-in deck, its layout and the live show up to its first frame) is imported statically, so
that it loads as one step of the module graph; Ink, the outputs, the link and the Markdown reader load
when they are needed.
*/
export type DeckCommand = Extract<Command, {kind: 'present' | 'print' | 'list' | 'export'}>;

/** Ink reads CI as it loads, and with it set ignores the terminal's resize (test/ink-ci.test.ts fails the day it no longer does). */
function notInCi(): void {
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) {
		if (process.env[name] !== undefined) {
			process.env[name] = 'false';
		}
	}
}

export async function runDeckCommand(command: DeckCommand): Promise<number> {
	const isInteractive = command.kind === 'present' && Boolean(process.stdin.isTTY && process.stdout.isTTY);
	if (isInteractive) {
		notInCi();
	}

	// V8's flags for a long show, before the deck is read: a show reads a small deck whole and a big one
	// (over 64 KB) lazily, and the optimizing compiler's threads cost a big deck's first frame more than
	// they save it (docs/performance.md has the measures).
	const lighten = command.kind === 'present' ? lightenV8 : () => undefined;
	const beforeParse = command.kind === 'present' ? lightenV8 : holdYoungGenerationFor;
	const markdown = command.deckFile === undefined ? undefined : await loadDeckFile(command.deckFile, beforeParse, isInteractive, command.deckFormat);
	if (command.deckFile !== undefined && !markdown) {
		return 2;
	}

	lighten();

	const deck = markdown?.deck ?? builtInDeck;
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
		if (command.kind === 'present' && (process.stdout.isTTY || command.view !== 'audience' || command.isRehearsal || command.serve !== undefined)) {
			// Said on a terminal; through a pipe, only when what was asked for (a presenter view, a rehearsal, serving followers) is not done.
			process.stderr.write(`briefing: ${process.stdin.isTTY ? 'stdout' : 'stdin'} is not a terminal, so the deck is printed instead of presented\n`);
		}

		return writeOut(deckText(deck, {showNotes: command.showNotes, slides: await chosenSlides()}));
	}

	return show(deck, start, command, checked, markdown && command.deckFile !== undefined ? {file: command.deckFile, text: markdown.text, ...('problemOf' in markdown ? {problemOf: markdown.problemOf} : {})} : undefined);
}

/** The Markdown deck named on the command line, or undefined after a one-line problem with its file, line and column. */
async function loadDeckFile(file: string, beforeParse: (length: number) => void, isShow: boolean, format?: FormatChoice) {
	const {DeckFileError, loadDeckForShow, loadMarkdownDeck, noticeLines} = await import('./markdown/load.js');
	if (format) {
		(await import('./markdown/formats/translate.js')).chooseFormat(format);
	}

	try {
		// A show reads each slide when it is first shown (the rest in its idle time); the outputs read the whole deck now.
		const loaded = await withoutFetch(async () => (isShow ? loadDeckForShow(file, beforeParse) : loadMarkdownDeck(file, beforeParse)));
		// What of another presenter's deck is not shown, one line a kind (the show's screen comes after it).
		for (const line of noticeLines(file, loaded.notices)) {
			process.stderr.write(`briefing: ${line}\n`);
		}

		return loaded;
	} catch (error: unknown) {
		if (error instanceof DeckFileError) {
			process.stderr.write(`briefing: ${error.message}\n`);
			return undefined;
		}

		throw error;
	}
}

/** --theme, --duration and --end-at, checked against the theme table and the clock's formats (loaded only for a time). */
async function checkShowFlags(command: PresentCommand) {
	const parseDuration = command.duration === undefined ? () => undefined : (await import('./model/clock.js')).parseDuration;
	const checked = checkShow(command, {themeNames, parseDuration});
	if ('message' in checked || command.endAt === undefined) {
		return checked;
	}

	const endAt = (await import('./layout/plan.js')).parseEndAt(command.endAt);
	return endAt ? {...checked, endAt: {...endAt, text: command.endAt.trim()}} : {message: `--end-at takes a time of day such as 14:30 (24-hour), not ${quoted(command.endAt)}`};
}

/** The rehearsed times the presenter view paces against, and with --rehearse the recorder; a timings file that is not ours is one line. */
async function timingsFor(deck: Deck, command: PresentCommand, deckFile: string | undefined) {
	if (command.view !== 'presenter' && !command.isRehearsal) {
		return {};
	}

	const {loadTimings, rehearsedTimes, timingsPath} = await import('./outputs/timings-file.js');
	const file = timingsPath(deckFile);
	if (command.view !== 'presenter') {
		// The audience view's rehearsal reads the earlier ones after its first frame: only its writes need them.
		const {createRehearsal} = await import('./show/rehearsal.js');
		return {rehearsal: createRehearsal({deck, file, loadBase: () => loadTimings(file, deck)})};
	}

	const {store, problem} = loadTimings(file, deck);
	if (problem) {
		process.stderr.write(`briefing: ${problem}\n`);
	}

	const rehearsed = store && store.slides.size > 0 ? {rehearsed: rehearsedTimes(store)} : {};
	if (!command.isRehearsal) {
		return rehearsed;
	}

	const {createRehearsal} = await import('./show/rehearsal.js');
	return {...rehearsed, rehearsal: createRehearsal({deck, file, ...(store ? {base: store} : {})})};
}

type ShownMarkdown = {file: string; text: string; problemOf?: (index: number) => string | undefined};

/** The presenter view's link, opened before the show: an unsafe socket directory stops the view here, in one line (exit 1). */
async function presenterLinkOrCode<Link extends PeerLink>(openLink: () => Promise<Link>): Promise<Link | number> {
	try {
		return await openLink();
	} catch (error: unknown) {
		const {LinkError} = await import('./link/presenter-link.js');
		if (error instanceof LinkError) {
			process.stderr.write(`briefing: ${error.message}\n`);
			return 1;
		}

		throw error;
	}
}

/**
Live reload: each save of a Markdown deck is read again, and the show keeps its place. The deck is
read whole in the idle time (a show parses a slide when it shows it), and a mistake is said as a
reload's is. Returns the show's onReady, and the stop of the reading ahead.
*/
async function liveReload(deck: Deck, start: number, markdown: ShownMarkdown) {
	const {watchDeck} = await import('./markdown/watch.js');
	const {readAhead} = markdown.problemOf ? await import('./markdown/read-ahead.js') : {readAhead: undefined};
	let stopReading: (() => void) | undefined;
	const onReady = (running: RunningShow) => {
		const stop = readAhead?.(markdown.file, markdown.text, running.setDeckProblem);
		stopReading = stop;
		// The next slide read just after the first frame, so the first key finds it parsed.
		setTimeout(() => deck.slides[start + 1]?.units, 50).unref();
		watchDeck(markdown.file, markdown.text, update => {
			stop?.();
			return 'deck' in update ? running.setDeck(update.deck) : running.setDeckProblem(update.problem);
		});
	};

	return {
		onReady,
		stopReading() {
			stopReading?.();
		},
	};
}

/** The live show: the link, then present(). */
async function show(deck: Deck, start: number, command: PresentCommand, times: Awaited<ReturnType<typeof checkShowFlags>>, markdown?: ShownMarkdown): Promise<number> {
	const duration = 'duration' in times ? times.duration : undefined;
	const endAt = 'endAt' in times ? {endAt: times.endAt} : {};
	const isPresenter = command.view === 'presenter';
	// A Markdown deck pairs by its file, whose slides may change while it is shown (so no fixed bounds).
	// The key is hashed when a link needs it: the audience view's after its first frame.
	const linkKey = async () => {
		const {deckKey} = await import('./link/protocol.js');
		return markdown ? deckKey({title: `file:${realpathSync(markdown.file)}`, slides: []}) : deckKey(deck);
	};

	const bounds = markdown ? undefined : deck.slides.map(slide => slide.units);
	const openLink = async () => {
		const {openPresenterLink} = await import('./link/presenter-link.js');
		// The audience view listens too, so a presenter view started later finds it.
		return openPresenterLink({deckKey: await linkKey(), role: isPresenter ? 'presenter' : 'audience', ...(bounds ? {bounds} : {})});
	};

	// The presenter view is nothing without the link.
	const link = isPresenter && !command.isRehearsal ? await presenterLinkOrCode(openLink) : undefined;
	if (typeof link === 'number') {
		return link;
	}

	// --follow: a read-only link instead; the audience view feeds followers (and --serve's pages).
	const following = await (await import('./follow-setup.js')).setUpFollowing({command, deckKey: linkKey, ...(bounds ? {bounds} : {}), ...(duration ? {duration} : {}), ...(link ? {link} : {})});
	if ('code' in following) {
		return following.code;
	}

	const reload = markdown ? await liveReload(deck, start, markdown) : undefined;
	const timings = await timingsFor(deck, command, markdown?.file);
	const code = await present({
		...timings,
		...endAt,
		...(reload ? {onReady: reload.onReady} : {}),
		// The audience view opens its link after the first frame: the slide comes first. A rehearsal has none.
		...(following.link ? {link: following.link} : link ? {link} : command.isRehearsal ? {} : {openLink}),
		...(following.feed ? {feed: following.feed} : {}),
		...(following.openFollowers ? {openFollowers: following.openFollowers} : {}),
		view: command.view,
		...(duration ? {duration} : {}),
		deck,
		start,
		theme: pickTheme(command.theme, process.env),
		...(isAutoTheme(command.theme, process.env) ? {themeFor: background => pickTheme('auto', process.env, background)} : {}),
		isRevealing: command.isRevealing,
		showTimer: command.showTimer,
		isDebug: command.isDebug ?? false,
		isScreenReader: command.isScreenReader || process.env['INK_SCREEN_READER'] === 'true',
	});
	reload?.stopReading();
	return code;
}

type ExportCommand = Extract<Command, {kind: 'export'}>;

/** --paper, --slides and --theme for --export pdf (an error message for a bad value, or for them with another format; --theme only with --slides). */
function checkPdfFlags(command: ExportCommand, format: string): {paper?: string; slidePages: boolean; theme?: string} | string | undefined {
	const pdfOnly = [command.paper === undefined ? '' : '--paper', command.slidePages ? '--slides' : ''].filter(Boolean);
	if (format !== 'pdf' && pdfOnly.length > 0) {
		return `${pdfOnly[0]!} goes with --export pdf`;
	}

	if (command.theme !== undefined && (format !== 'pdf' || !command.slidePages)) {
		return '--theme goes with presenting or with --export pdf --slides';
	}

	if (format !== 'pdf') {
		return undefined;
	}

	if (command.paper !== undefined && command.paper !== 'a4' && command.paper !== 'letter') {
		return `--paper takes a4 or letter, not "${command.paper}"`;
	}

	if (command.theme !== undefined && !(themeNames as readonly string[]).includes(command.theme)) {
		return `--theme takes ${themeNames.join(', ')}, not "${command.theme}"`;
	}

	return {slidePages: Boolean(command.slidePages), ...(command.paper === undefined ? {} : {paper: command.paper}), ...(command.theme === undefined ? {} : {theme: command.theme})};
}

/** The PDF (outputs/pdf.ts and pdfkit load here, and only here); a one-line warning when the fonts lacked characters. */
async function pdfBytes(deck: Deck, options: {paper?: string; slidePages: boolean; theme?: string; showNotes: boolean; slides: Deck['slides']}): Promise<Uint8Array> {
	const {exportPdf, paperFromLocale} = await import('./outputs/pdf.js');
	const {themes} = await import('./text/theme.js');
	const paper = options.paper === 'a4' || options.paper === 'letter' ? options.paper : paperFromLocale(process.env);
	// The slide pages print: the light theme unless another is asked for.
	const theme = themes[options.theme === 'dark' || options.theme === 'high-contrast' ? options.theme : 'light'];
	const {data, missing} = await exportPdf(deck, {paper, theme, slidePages: options.slidePages, showNotes: options.showNotes, slides: options.slides});
	if (missing > 0) {
		process.stderr.write(`briefing: the PDF's fonts lack ${missing} character${missing === 1 ? '' : 's'} of the deck, each drawn as \uFFFD (U+FFFD)\n`);
	}

	return data;
}

/** The `source:` a deck exported as a Markdown deck names, relative to where it is written. */
async function deckSource(deck: Deck, command: ExportCommand, isBuiltIn: boolean): Promise<string | undefined> {
	if (isBuiltIn) {
		return (await import('./markdown/article-path.js')).articleFor(command.file);
	}

	const {sourceForOutput} = await import('./outputs/export-deck.js');
	const text = deck.source?.text;
	return text === undefined || command.deckFile === undefined ? undefined : sourceForOutput(text, command.deckFile, command.file);
}

/** `--export FORMAT [-o FILE] [--force]`: usage errors exit 2, a file that cannot be written exits 1. */
async function exportHandout(deck: Deck, command: ExportCommand, slides: Deck['slides'], isBuiltIn: boolean): Promise<number> {
	const {exportDeck, exportFormats, formatFromFileName, isExportFormat, writeExport} = await import('./outputs/export.js');
	const {WriteError} = await import('./outputs/write-file.js');
	const {format: asked, file} = command;
	if (file === '') {
		return usageError('-o takes a file name (or - for stdout)');
	}

	if (asked !== undefined && !isExportFormat(asked)) {
		return usageError(`--export takes ${exportFormats.join(', ')}, not ${quoted(asked)}`);
	}

	// A name that asks for another format (`--export txt -o handout.pdf`) is a slip, not a wish: a deck is Markdown, so .md names it too.
	const named = formatFromFileName(file ?? '');
	if (asked !== undefined && named !== undefined && named !== asked && !(asked === 'deck' && named === 'md')) {
		return usageError(`-o ${quoted(file ?? '')} names a ${named} file, but --export is ${asked}: use --export ${named}, or a .${asked === 'deck' ? 'md' : asked} name`);
	}

	const format = asked ?? named;
	if (format === undefined || !isExportFormat(format)) {
		return usageError(`-o ${quoted(file ?? '')}: add --export ${exportFormats.join('|')} (the file name does not say which)`);
	}

	const pdfOptions = checkPdfFlags(command, format);
	if (typeof pdfOptions === 'string') {
		return usageError(pdfOptions);
	}

	if (format === 'pdf' && (file === undefined || file === '-') && process.stdout.isTTY) {
		// One line, not the usage: the command was right, the place is not.
		process.stderr.write('briefing: a PDF is not for a terminal: write it to a file with -o FILE.pdf\n');
		return 2;
	}

	// The built-in deck written as a Markdown deck names its article, so `briefing check` finds it.
	const article = format === 'deck' ? await deckSource(deck, command, isBuiltIn) : undefined;
	const text = format === 'pdf' ? await pdfBytes(deck, {...pdfOptions!, showNotes: command.showNotes, slides}) : exportDeck(article && deck.source ? {...deck, source: {...deck.source, text: article}} : deck, format, {showNotes: command.showNotes, slides});
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
		process.stderr.write(`briefing: wrote ${quoted(file)}\n`);
	}

	return 0;
}


/** The built-in deck's first frame at two common sizes, painted into strings, and its --list: cli.tsx's warmUp(). */
export async function warmUp(): Promise<void> {
	for (const size of [{columns: 120, rows: 40}, {columns: 80, rows: 24}]) {
		firstFrameText(builtInDeck, pickTheme(undefined, {}), size);
	}

	const {listText} = await import('./outputs/print.js');
	listText(builtInDeck);
}

/** Ink drawing the built-in deck's Ink components, as the show does, and the plain text (cli.tsx's warmUpInk). */
export async function warmUpInk(): Promise<void> {
	await (await import('./deck/drawn.js')).loadInk();
	const {deckText} = await import('./outputs/print.js');
	deckText(builtInDeck);
	// The plain text reads a drawing's words, which may not draw it: draw each as a slide does.
	for (const block of builtInDeck.slides.flatMap(slide => slide.blocks)) {
		if (block.kind === 'drawn') {
			block.draw(76);
		}
	}
}
