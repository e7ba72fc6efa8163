#!/usr/bin/env node
import process from 'node:process';
import meow from 'meow';
import {meowFlags, optionsHelp, unknownArgument} from './options.js';

/**
The bin: flags in, one of three things out (present, print, list), and an exit code. Everything that
can wait is imported only when it is needed, after the environment is set for it.
*/
const usage = `
  Usage
    $ npx briefing [options]

  Presents a briefing on The Washington Times article of April 6, 2021 about
  Alejandro Mayorkas's town hall with ICE employees. Press ? while presenting
  for the keys. When stdin or stdout is not a terminal, prints the deck.

  Options
${optionsHelp()}
`;

function usageError(message: string): number {
	process.stderr.write(`briefing: ${message}\n${usage}`);
	return 2;
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	// `briefing | head -1`: the reader left; there is nobody to tell.
	if (error.code === 'EPIPE') {
		process.exit(0);
	}
});

async function main(argv: readonly string[]): Promise<number> {
	const unknown = unknownArgument(argv);
	if (unknown !== undefined) {
		return usageError(unknown.startsWith('-') ? `unknown option ${unknown}` : `unexpected argument "${unknown}"`);
	}

	const cli = meow(usage, {importMeta: import.meta, argv: [...argv], flags: meowFlags() as never, autoHelp: true, autoVersion: true});
	const flags = cli.flags as Record<string, string | boolean | undefined>;
	const isInteractive = !flags['print'] && !flags['list'] && Boolean(process.stdin.isTTY && process.stdout.isTTY);
	if (isInteractive) {
		// Ink reads CI at import time and would then draw nothing until exit.
		if (process.env['CI'] !== undefined || process.env['CONTINUOUS_INTEGRATION'] !== undefined) {
			process.env['CI'] = 'false';
		}
	}

	process.env['NODE_ENV'] ??= 'production';
	const {deck} = await import('../slides/index.js');
	const {findSection} = await import('./deck.js');

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

	const themeName = flags['theme'];
	if (themeName !== undefined && !['dark', 'light', 'high-contrast'].includes(String(themeName))) {
		return usageError(`--theme takes dark, light or high-contrast, not "${String(themeName)}"`);
	}

	let duration: number | undefined;
	if (flags['duration'] !== undefined) {
		const text = String(flags['duration']);
		if (!flags['presenter']) {
			return usageError('--duration plans the presenter view: use it with --presenter');
		}

		const {parseDuration} = await import('./pace.js');
		duration = parseDuration(text);
		if (duration === undefined) {
			return usageError(`--duration takes a time such as 15m, 90s, 1h30m or plain minutes (15), not "${text}"`);
		}
	}

	if (flags['list']) {
		const {listText} = await import('./print.js');
		process.stdout.write(listText(deck));
		return 0;
	}

	if (!isInteractive) {
		const {deckText} = await import('./print.js');
		if (!flags['print'] && process.stdout.isTTY) {
			process.stderr.write('briefing: stdin is not a terminal, so the deck is printed instead of presented\n');
		}

		process.stdout.write(deckText(deck, {showNotes: Boolean(flags['notes'])}));
		return 0;
	}

	const isPresenter = Boolean(flags['presenter']);
	const {deckKey, LinkError, openPresenterLink} = await import('./presenter-link.js');
	let link;
	try {
		// The audience view listens too, so a presenter view started later finds it.
		link = await openPresenterLink({deckKey: deckKey(deck), role: isPresenter ? 'presenter' : 'audience'});
	} catch (error: unknown) {
		if (error instanceof LinkError) {
			process.stderr.write(`briefing: ${error.message}\n`);
			return 1;
		}

		throw error;
	}

	const {present} = await import('./present.js');
	const {pickTheme} = await import('./theme.js');
	return present({
		link,
		view: isPresenter ? 'presenter' : 'audience',
		...(duration ? {duration} : {}),
		deck,
		start,
		theme: pickTheme(themeName === undefined ? undefined : String(themeName), process.env),
		isRevealing: flags['reveal'] !== false,
		showTimer: Boolean(flags['timer']),
		isDebug: Boolean(flags['debug']),
	});
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
