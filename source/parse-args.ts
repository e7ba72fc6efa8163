import process from 'node:process';
import type meowFunction from 'meow';
import type {Result} from 'meow';
import {quoted} from './text/quoted.js';
import {camel, type CommandKind, type MeowFlags, meowFlags, type OptionSpec, options} from './options.js';

/**
The command line as data: `parseArgs(argv)` says what to do, or why not, and touches nothing (no
stdout, no exit, no deck). Every flag is checked against the table in options.ts before meow reads
the typed values; a value given with a space is joined to its flag first, so `--duration -5m` and
`-o -` reach meow as `--duration=-5m` and `--output=-`. Rules: a flag given twice, a value on a
switch, a missing value, an unknown flag or an argument nobody asked for is a usage error that
quotes what was typed; `--help` and `--version` win over everything else. One word that is no flag
names a Markdown deck (`deckFile`); `check` and `paragraphs` first are subcommands with flags of
their own.
*/
export type StartAt = {readonly slide?: string; readonly section?: string};

export type PresentCommand = {
	readonly kind: 'present';
	readonly start: StartAt;
	readonly view: 'audience' | 'presenter' | 'follower';
	/** `--serve [HOST:]PORT`: the audience view serves the follow page and the remote (serve/address.ts checks it). */
	readonly serve?: string;
	readonly theme?: string;
	readonly duration?: string;
	/** --end-at HH:MM: count down to a wall-clock time. */
	readonly endAt?: string;
	readonly isRevealing: boolean;
	readonly showTimer: boolean;
	readonly isScreenReader: boolean;
	/** A practice run: no presenter link is opened or joined. */
	readonly isRehearsal: boolean;
	/** With --notes: what a print falls back to when there is no terminal. */
	readonly showNotes: boolean;
};

/** `briefing check [FILE.md] [--source ARTICLE] [--size WxH] [--json]`. */
export type CheckCommand = {
	readonly kind: 'check';
	readonly deckFile?: string;
	readonly source?: string;
	readonly isJson: boolean;
	/** `--size WxH`: the terminal size the slides are measured at (default 80x24). */
	readonly size?: {readonly columns: number; readonly rows: number};
};

/** `briefing timings [FILE.md] [--json]`: the plan of budgets and rehearsed times. */
export type TimingsCommand = {readonly kind: 'timings'; readonly deckFile?: string; readonly isJson: boolean};

/** What shows a deck: the built-in one, or the Markdown deck `deckFile`. */
type DeckCommand =
	| {readonly kind: 'list'}
	| {readonly kind: 'print'; readonly start: StartAt; readonly showNotes: boolean}
	| {
			readonly kind: 'export';
			readonly start: StartAt;
			readonly format?: string;
			readonly file?: string;
			readonly isForced: boolean;
			readonly showNotes: boolean;
			/** --export pdf: the paper (--paper), the slides as pages (--slides) and their theme (--theme). */
			readonly paper?: string;
			readonly slidePages?: boolean;
			readonly theme?: string;
	  }
	| PresentCommand;

export type Command =
	| {readonly kind: 'help'}
	| {readonly kind: 'version'}
	| {readonly kind: 'usage-error'; readonly message: string; /** `check --json` was asked: the error is written as JSON too. */ readonly isJson?: boolean}
	| CheckCommand
	| TimingsCommand
	| {readonly kind: 'paragraphs'; readonly article: string}
	| (DeckCommand & {readonly deckFile?: string});

type Meow = typeof meowFunction;

/** The program's arguments, as the table reads them: canonical `--name[=value]` words. */
type Scanned =
	| {readonly words: string[]; readonly positionals: string[]; readonly wantsHelp: boolean; readonly wantsVersion: boolean}
	| {readonly error: string; readonly wantsHelp: boolean; readonly wantsVersion: boolean};

const table: readonly OptionSpec[] = options;
const byName = new Map(table.map(option => [option.name, option]));
const byShort = new Map(table.flatMap(option => (option.shortFlag ? [[option.shortFlag, option] as const] : [])));

/** Which option a word names (`--slide`, `--no-reveal`, `-o`), and the value it carries after `=`. */
function optionOf(word: string): {option?: OptionSpec; isNegated: boolean; value?: string} {
	if (word.startsWith('--')) {
		const [name = '', ...rest] = word.slice(2).split('=');
		const value = rest.length > 0 ? rest.join('=') : undefined;
		const option = byName.get(name);
		if (option && !option.negated) {
			return {option, isNegated: false, ...(value === undefined ? {} : {value})};
		}

		// `--no-NAME` only for a switch the table writes so (`--no-reveal`), and that one only so.
		const negated = name.startsWith('no-') ? byName.get(name.slice(3)) : undefined;
		return negated?.negated ? {option: negated, isNegated: true, ...(value === undefined ? {} : {value})} : {isNegated: false};
	}

	const option = word.length === 2 ? byShort.get(word.slice(1)) : undefined;
	return option ? {option, isNegated: false} : {isNegated: false};
}

/** Walks argv by the option table; the first problem found is the one reported. */
function scan(argv: readonly string[]): Scanned {
	const words: string[] = [];
	/** Words that are no flag: everything after `--`, and words not starting with a dash (or `-` alone). */
	const positionals: string[] = [];
	/** What each option was given as so far (its value, or the switch as typed). */
	const seen = new Map<string, string>();
	let error: string | undefined;
	let wantsHelp = false;
	let wantsVersion = false;
	const fail = (message: string) => {
		error ??= message;
	};

	for (let index = 0; index < argv.length; index++) {
		const word = argv[index]!;
		if (word === '--') {
			positionals.push(...argv.slice(index + 1));
			break;
		}

		if (!word.startsWith('-') || word === '-') {
			positionals.push(word);
			continue;
		}

		const {option, isNegated, value} = optionOf(word);
		if (!option) {
			const onlyNegated = byName.get(word.slice(2).split('=')[0]!)?.negated;
			fail(`unknown option ${quoted(word)}${onlyNegated ? ` (the switch is --no-${word.slice(2).split('=')[0]!})` : ''}`);
			continue;
		}

		wantsHelp ||= option.name === 'help';
		wantsVersion ||= option.name === 'version';
		const repeated = (again: string) => {
			fail(`--${option.negated ? 'no-' : ''}${option.name} is given more than once (${quoted(seen.get(option.name)!)}, then ${quoted(again)}); give it once`);
		};

		if (option.type === 'boolean') {
			if (seen.has(option.name)) {
				repeated(word);
			}

			seen.set(option.name, word);
			if (value !== undefined) {
				fail(`--${isNegated ? 'no-' : ''}${option.name} is a switch and takes no value, not ${quoted(value)}`);
			}

			words.push(`--${isNegated ? 'no-' : ''}${option.name}`);
			continue;
		}

		// A value is the rest after `=`, or the next word unless that is a long flag (`--slide --help`).
		const next = argv[index + 1];
		const given = value ?? (next !== undefined && !next.startsWith('--') ? next : undefined);
		if (given === undefined) {
			fail(`--${option.name} takes a value (${option.arg ?? 'VALUE'})`);
			continue;
		}

		if (value === undefined) {
			index++;
		}

		if (seen.has(option.name)) {
			repeated(given);
		}

		seen.set(option.name, given);
		words.push(`--${option.name}=${given}`);
	}

	return error === undefined ? {words, positionals, wantsHelp, wantsVersion} : {error, wantsHelp, wantsVersion};
}

/** What each command is called in a message. */
const commandWords: Readonly<Record<CommandKind, string>> = {present: 'presenting', list: '--list', print: '--print', export: '--export'};

/** "a, b or c". */
function either(words: readonly string[]): string {
	return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}` : words.join('');
}

/** A value that no command takes, whatever else is asked: one outside the table's choices, a slide that is no number. */
function valueProblem(flags: Flags): string | undefined {
	const values = flags as Readonly<Record<string, unknown>>;
	for (const option of table) {
		const value = values[camel(option.name)];
		if (option.choices && typeof value === 'string' && !option.choices.includes(value)) {
			return `--${option.name} takes ${option.choices.join(', ')}, not ${quoted(value)}`;
		}
	}

	if (flags.slide !== undefined && !/^\d+$/.test(flags.slide)) {
		return `--slide takes a slide number (1 is the first), not ${quoted(flags.slide)}`;
	}

	return undefined;
}

/** The first flag given that does not go with the command (the table's `goesWith`). */
function misplaced(kind: CommandKind, given: readonly OptionSpec[]): string | undefined {
	const option = given.find(each => each.goesWith && !each.goesWith.includes(kind));
	return option ? `--${option.negated ? 'no-' : ''}${option.name} goes with ${either(option.goesWith!.map(each => commandWords[each]))}, not with ${commandWords[kind]}` : undefined;
}

/** What the flags ask for, once they are known to be well formed; `given` are the options typed. */
function commandOf(flags: Flags, given: readonly OptionSpec[]): Command {
	const problem = valueProblem(flags);
	if (problem) {
		return {kind: 'usage-error', message: problem};
	}

	const command = commandKindOf(flags);
	const message = command.kind === 'usage-error' ? undefined : misplaced(command.kind, given);
	return message === undefined ? command : {kind: 'usage-error', message};
}

function commandKindOf(flags: Flags): Extract<Command, {kind: CommandKind | 'usage-error'}> {
	const start: StartAt = {...(flags.slide === undefined ? {} : {slide: flags.slide}), ...(flags.section === undefined ? {} : {section: flags.section})};
	if (start.slide !== undefined && start.section !== undefined) {
		return {kind: 'usage-error', message: 'use --slide or --section, not both'};
	}

	if (flags.duration !== undefined && !flags.presenter && !flags.timer && flags.serve === undefined) {
		return {kind: 'usage-error', message: `--duration ${quoted(flags.duration)} plans the presenter view: use it with --presenter`};
	}

	if (flags.endAt !== undefined && (!flags.presenter && !flags.timer || flags.duration !== undefined)) {
		return {kind: 'usage-error', message: flags.duration === undefined ? `--end-at ${quoted(flags.endAt)} times the talk: use it with --presenter or --timer` : 'use --duration or --end-at, not both'};
	}

	const followProblem = followConflict(flags);
	if (followProblem) {
		return {kind: 'usage-error', message: followProblem};
	}

	const isExport = flags.export !== undefined || flags.output !== undefined;
	if (isExport || flags.force) {
		if (flags.list || flags.print) {
			return {kind: 'usage-error', message: `use ${flags.list ? '--list' : '--print'} or --export, not both`};
		}

		if (!isExport) {
			return {kind: 'usage-error', message: '--force goes with -o FILE'};
		}

		return {
			kind: 'export',
			start,
			...(flags.export === undefined ? {} : {format: flags.export}),
			...(flags.output === undefined ? {} : {file: flags.output}),
			isForced: Boolean(flags.force),
			showNotes: Boolean(flags.notes),
			...(flags.paper === undefined ? {} : {paper: flags.paper}),
			...(flags.slides ? {slidePages: true} : {}),
			...(flags.theme === undefined ? {} : {theme: flags.theme}),
		};
	}

	if (flags.list) {
		return flags.print ? {kind: 'usage-error', message: 'use --list or --print, not both'} : {kind: 'list'};
	}

	const showNotes = Boolean(flags.notes);
	if (flags.print) {
		return {kind: 'print', start, showNotes};
	}

	return {
		kind: 'present',
		start,
		view: flags.presenter ? 'presenter' : flags.follow ? 'follower' : 'audience',
		...(flags.serve === undefined ? {} : {serve: flags.serve}),
		...(flags.theme === undefined ? {} : {theme: flags.theme}),
		...(flags.duration === undefined ? {} : {duration: flags.duration}),
		...(flags.endAt === undefined ? {} : {endAt: flags.endAt}),
		isRevealing: flags.reveal,
		showTimer: Boolean(flags.timer),
		isScreenReader: Boolean(flags.screenReader),
		isRehearsal: Boolean(flags.rehearse),
		showNotes,
	};
}

type Flags = Result<MeowFlags>['flags'];

/** --follow is a read-only view and --serve belongs to the audience view: what they cannot go with. */
function followConflict(flags: Flags): string | undefined {
	const other = flags.follow ? (flags.presenter ? '--presenter' : flags.rehearse ? '--rehearse' : flags.serve === undefined ? undefined : '--serve') : undefined;
	if (other) {
		return `use --follow or ${other}, not both (a follower only watches the show)`;
	}

	if (flags.serve !== undefined && (flags.presenter || flags.list || flags.print)) {
		return `--serve runs in the audience view: use it without ${flags.presenter ? '--presenter' : flags.list ? '--list' : '--print'}`;
	}

	return undefined;
}

/** What meow gives for no arguments: every switch off but `--reveal` (its default), no values. */
const noFlags = Object.fromEntries(
	table.filter(option => option.type === 'boolean' && option.name !== 'help' && option.name !== 'version').map(option => [camel(option.name), option.default ?? false]),
) as Flags;

/** Whether every word is a switch (`--list`, `--no-reveal`): words that carry no value to read. */
function isSwitchesOnly(words: readonly string[]): boolean {
	return words.every(word => !word.includes('='));
}

/**
The flags of canonical words that are switches only, as meow reads them (each one true, or false
after `--no-`, the rest as for no arguments): a test holds this to meow's own reading of every switch.
*/
export function switchFlags(words: readonly string[]): Flags {
	const flags: Record<string, unknown> = {...noFlags};
	for (const word of words) {
		const isNegated = word.startsWith('--no-') && byName.get(word.slice(5))?.type === 'boolean';
		flags[camel(word.slice(isNegated ? 5 : 2))] = !isNegated;
	}

	return flags as Flags;
}

/** meow reads the canonical words with the table's types (switches alone need no reading). */
function readFlags(meow: Meow | undefined, words: readonly string[]): Flags {
	return !meow || isSwitchesOnly(words) ? switchFlags(words) : meowFlagsOf(meow, words);
}

/** meow's reading of canonical words (the test of switchFlags compares the two). */
export function meowFlagsOf(meow: Meow, words: readonly string[]): Flags {
	// meow names the process after the package it is given; the bin's name stays.
	const title = process.title;
	try {
		return meow({importMeta: {url: import.meta.url} as ImportMeta, argv: [...words], flags: meowFlags(), autoHelp: false, autoVersion: false, allowUnknownFlags: false, pkg: {}}).flags;
	} finally {
		process.title = title;
	}
}

/** `check`, `paragraphs` and `timings` first: subcommands with flags of their own. */
function isSubcommand(first: string | undefined): first is 'check' | 'paragraphs' | 'timings' {
	return first === 'check' || first === 'paragraphs' || first === 'timings';
}

/**
Whether parseArgs needs meow for argv: only to read the values of well-formed flags (`--slide 5`,
`--theme light`). `--help`, `--version`, a usage error, a subcommand, no arguments and switches alone
(`--list`, `--presenter --no-reveal`) are answered without it: meow and the package-data normaliser
behind it take about as long to load as Node takes to start.
*/
export function needsMeow(argv: readonly string[]): boolean {
	const [first] = argv;
	if (isSubcommand(first)) {
		return false;
	}

	const scanned = scan(argv);
	return !scanned.wantsHelp && !scanned.wantsVersion && !('error' in scanned) && !isSwitchesOnly(scanned.words);
}

/** Whether argv asks for --help or --version (which win over every other flag, outside the subcommands). */
export function helpOrVersion(argv: readonly string[]): 'help' | 'version' | undefined {
	const [first] = argv;
	if (isSubcommand(first)) {
		return undefined;
	}

	const scanned = scan(argv);
	return scanned.wantsHelp ? 'help' : scanned.wantsVersion ? 'version' : undefined;
}

/**
argv (without node and the script) to a command. `meow` is meow's default export, loaded by the
caller only when there are arguments (it is slow to load next to the rest of a start); with no
arguments it is not needed.
*/
export function parseArgs(argv: readonly string[], meow?: Meow): Command {
	const [first, ...rest] = argv;
	if (isSubcommand(first)) {
		return parseSubcommand(first, rest);
	}

	const scanned = scan(argv);
	if (scanned.wantsHelp) {
		return {kind: 'help'};
	}

	if (scanned.wantsVersion) {
		return {kind: 'version'};
	}

	if ('error' in scanned) {
		return {kind: 'usage-error', message: scanned.error};
	}

	// One word that is no flag names a Markdown deck (`briefing FILE.md`).
	const [deckFile, extra] = scanned.positionals;
	if (extra !== undefined) {
		return {kind: 'usage-error', message: `unexpected argument ${quoted(extra)}`};
	}

	if (!isSwitchesOnly(scanned.words) && !meow) {
		throw new Error('parseArgs needs meow to read the values of flags');
	}

	const given = scanned.words.map(word => byName.get(word.slice(word.startsWith('--no-') ? 5 : 2).split('=')[0]!)!);
	const command = commandOf(readFlags(meow, scanned.words), given);
	switch (command.kind) {
		case 'list':
		case 'print':
		case 'export':
		case 'present': {
			return deckFile === undefined ? command : {...command, deckFile};
		}

		default: {
			return command;
		}
	}
}

/** `check [FILE.md] [--source ARTICLE] [--size WxH] [--json]`, `paragraphs ARTICLE` and `timings [FILE.md] [--json]`, after their name. */
function parseSubcommand(name: 'check' | 'paragraphs' | 'timings', argv: readonly string[]): Command {
	if (argv.some(word => word === '--help' || word === '-h')) {
		return {kind: 'help'};
	}

	if (name === 'timings') {
		return parseTimings(argv);
	}

	if (name === 'paragraphs') {
		const [article, extra] = argv;
		if (article === undefined || (article.startsWith('-') && article !== '-') || extra !== undefined) {
			return {kind: 'usage-error', message: 'paragraphs takes one article file: briefing paragraphs ARTICLE'};
		}

		return {kind: 'paragraphs', article};
	}

	// `check --json` answers a usage error in JSON too, wherever --json stands.
	const asJson = argv.includes('--json') ? {isJson: true} : {};
	let check: CheckCommand = {kind: 'check', isJson: false};
	for (let index = 0; index < argv.length; index++) {
		const word = argv[index]!;
		const [flag, value] = word.startsWith('--') ? [word.split('=', 1)[0], word.includes('=') ? word.slice(word.indexOf('=') + 1) : undefined] : [word, undefined];
		if (flag === '--json' && value === undefined && !check.isJson) {
			check = {...check, isJson: true};
		} else if (flag === '--source' && check.source === undefined) {
			const given = value ?? argv[++index];
			if (!given) {
				return {kind: 'usage-error', ...asJson, message: '--source takes the article\'s text file (ARTICLE)'};
			}

			check = {...check, source: given};
		} else if (flag === '--size' && check.size === undefined) {
			const given = value ?? argv[++index] ?? '';
			const match = /^(\d{1,4})x(\d{1,4})$/.exec(given);
			if (!match || Number(match[1]) < 20 || Number(match[2]) < 8) {
				return {kind: 'usage-error', ...asJson, message: `--size takes a terminal size as COLUMNSxROWS (at least 20x8), such as 80x24, not ${quoted(given)}`};
			}

			check = {...check, size: {columns: Number(match[1]), rows: Number(match[2])}};
		} else if (word.startsWith('-') && word !== '-') {
			return {kind: 'usage-error', ...asJson, message: `check takes [FILE.md] [--source ARTICLE] [--size WxH] [--json], not ${quoted(word)}`};
		} else if (check.deckFile === undefined) {
			check = {...check, deckFile: word};
		} else {
			return {kind: 'usage-error', ...asJson, message: `check takes one deck file, not also ${quoted(word)}`};
		}
	}

	return check;
}

/** `timings [FILE.md] [--json]`, after its name. */
function parseTimings(argv: readonly string[]): Command {
	const files = argv.filter(word => word !== '--json');
	const [file, extra] = files;
	if ((file !== undefined && file.startsWith('-') && file !== '-') || extra !== undefined || argv.filter(word => word === '--json').length > 1) {
		return {kind: 'usage-error', message: `timings takes [FILE.md] [--json], not ${quoted(file?.startsWith('-') ? file : extra ?? '--json')}`};
	}

	return {kind: 'timings', ...(file === undefined ? {} : {deckFile: file}), isJson: argv.includes('--json')};
}

/** What the deck-dependent checks need of the deck: its size and its sections. */
export type DeckIndex = {
	readonly count: number;
	readonly sectionIds: readonly string[];
	/** The 0-based first slide of a section, by id or title, or undefined. */
	readonly sectionStart: (name: string) => number | undefined;
};

/** The 0-based slide to start on (with --print and --export: the slides chosen), or a usage error that quotes what was typed. */
export function resolveStart(start: StartAt, deck: DeckIndex): number | {readonly message: string} {
	if (start.slide !== undefined) {
		const n = /^\d+$/.test(start.slide) ? Number(start.slide) : Number.NaN;
		if (!Number.isSafeInteger(n) || n < 1 || n > deck.count) {
			return {message: `--slide takes a number from 1 to ${deck.count}, not ${quoted(start.slide)}`};
		}

		return n - 1;
	}

	if (start.section !== undefined) {
		const index = deck.sectionStart(start.section);
		return index ?? {message: `no section ${quoted(start.section)}; sections: ${deck.sectionIds.join(', ')}`};
	}

	return 0;
}

/** The show's theme name and talk length, checked; a usage error quotes the value typed. */
export function checkShow(
	command: Pick<PresentCommand, 'theme' | 'duration'>,
	known: {readonly themeNames: readonly string[]; readonly parseDuration: (text: string) => number | undefined},
): {readonly duration?: number} | {readonly message: string} {
	if (command.theme !== undefined && !known.themeNames.includes(command.theme)) {
		return {message: `--theme takes ${known.themeNames.join(', ')}, not ${quoted(command.theme)}`};
	}

	if (command.duration === undefined) {
		return {};
	}

	const duration = known.parseDuration(command.duration);
	return duration === undefined ? {message: `--duration takes a time such as 15m, 90s, 1h30m or plain minutes (15), not ${quoted(command.duration)}`} : {duration};
}
