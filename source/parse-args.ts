import type meowFunction from 'meow';
import type {FormatChoice} from './markdown/formats/scan.js';
import {quoted} from './text/quoted.js';
import {checkFlags, type CommandKind, type FlagRow, type FlagTable, flags as table, flagWord, kebab, newFlags, synopsis, timingsFlags} from './options.js';

/**
The command line as data: `parseArgs(argv, meow)` says what to do, or why not, and touches nothing
(no stdout, no exit, no deck; meow names the process `briefing`, as run() does). meow reads the flags
by the tables in options.ts. Before it, one pass over the words says what meow cannot: a word with a
dash that names no flag as the table writes it (meow would print it raw and end the process, and it
takes `--no-` before any switch), a value on a switch, a flag with no value. After it: a flag given
twice, a value outside a flag's choices, an argument nobody asked for, a flag that does not go with
the command. Each is a usage error that quotes what was typed; `--help` and `--version` win over
everything else. One word that is no flag names a Markdown deck (`deckFile`); `check`, `timings`,
`paragraphs` and `new` first are subcommands. docs/flags.md tells it in order.
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
	/** --debug: an error brings its stack. */
	readonly isDebug?: boolean;
};

/** `briefing check [FILE.md] [--source SOURCE] [--size WxH] [--json]`. */
export type CheckCommand = {
	readonly kind: 'check';
	readonly deckFile?: string;
	readonly source?: string;
	/** `--format`: the deck file's presenter (markdown/formats). */
	readonly deckFormat?: FormatChoice;
	readonly isJson: boolean;
	/** `--size WxH`: the terminal size the slides are measured at (default 80x24). */
	readonly size?: {readonly columns: number; readonly rows: number};
};

/** `briefing timings [FILE.md] [--json]`: the plan of budgets and rehearsed times. */
export type TimingsCommand = {readonly kind: 'timings'; readonly deckFile?: string; readonly isJson: boolean};

/** `briefing new SOURCE [-o FILE] [--force]`: a deck to start from, written from a source text. */
export type NewCommand = {readonly kind: 'new'; readonly source: string; readonly file?: string; readonly isForced: boolean};

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
	| NewCommand
	| {readonly kind: 'paragraphs'; readonly article: string}
	| (DeckCommand & {readonly deckFile?: string; readonly isDebug?: boolean; readonly deckFormat?: FormatChoice});

type Meow = typeof meowFunction;

/** A table's flags as read: a value (undefined when not given), or a switch on or off. */
type Flags<T extends FlagTable> = {readonly [K in keyof T]: T[K]['type'] extends 'string' ? string | undefined : boolean};

/** The words before `--`: after it, every word is an argument. */
function beforeDashes(argv: readonly string[]): readonly string[] {
	const end = argv.indexOf('--');
	return end === -1 ? argv : argv.slice(0, end);
}

/** Whether argv asks for --help or --version, which win over everything else (in the subcommands too). */
function helpOrVersion(argv: readonly string[]): 'help' | 'version' | undefined {
	const words = beforeDashes(argv);
	return words.some(word => word === '--help' || word === '-h') ? 'help' : words.some(word => word === '--version' || word === '-v') ? 'version' : undefined;
}

/** The flag a word names as the table writes it (`--slide`, `--slide=3`, `-o`, `--no-reveal`), and the value after `=`. */
function flagOf(flags: FlagTable, word: string): {key: string; row: FlagRow; value?: string} | undefined {
	const equals = word.startsWith('--') ? word.indexOf('=') : -1;
	const name = equals === -1 ? word : word.slice(0, equals);
	const found = Object.entries(flags).find(([key, row]) => name === flagWord(key, row) || (row.shortFlag !== undefined && name === `-${row.shortFlag}`));
	return found && {key: found[0], row: found[1], ...(equals === -1 ? {} : {value: word.slice(equals + 1)})};
}

/** Whether the word after a flag is its value: one with no dash first, `-` alone, or a dash and a digit (`-5m`, `-3`), which meow reads so too. */
function isValue(word: string | undefined): word is string {
	return word !== undefined && (!word.startsWith('-') || word === '-' || /^-\d/.test(word));
}

/**
What meow cannot say of argv, the first found: a word with a dash before `--` that names no flag as the
table writes it (`unknown` says so; meow would print it raw and end the process), a value on a switch,
a flag with no value. Otherwise the keys of the flags typed, in order.
*/
function checkWords(argv: readonly string[], flags: FlagTable, unknown: (word: string) => string): {readonly given: ReadonlySet<string>} | {readonly message: string} {
	const given = new Set<string>();
	const words = beforeDashes(argv);
	for (let index = 0; index < words.length; index++) {
		const word = words[index]!;
		if (!word.startsWith('-') || word === '-') {
			continue;
		}

		const flag = flagOf(flags, word);
		if (!flag) {
			return {message: unknown(word)};
		}

		given.add(flag.key);
		// meow would take a `true` or `false` after a switch for its value, and drop it from the arguments.
		const switchValue = flag.value ?? /^(?:true|false)$/.exec(words[index + 1] ?? '')?.[0];
		if (flag.row.type === 'boolean' && switchValue !== undefined) {
			return {message: `${flagWord(flag.key, flag.row)} is a switch and takes no value, not ${quoted(switchValue)}`};
		}

		if (flag.row.type === 'string' && flag.value === undefined) {
			if (!isValue(words[index + 1])) {
				return {message: `${flagWord(flag.key, flag.row)} takes a value (${flag.row.arg ?? 'VALUE'})`};
			}

			index++;
		}
	}

	return {given};
}

/**
Whether every word is a switch as the table writes it (`--list`, `--no-reveal`), each given once, or
an argument (a word that does not start with `-`, such as a deck's file): no value, no `--`, no short
flag. meow reads such words as the table's defaults with those switches turned (`switched`) and the
arguments in order, so they are read without it.
*/
function switchesOnly(words: readonly string[], flags: FlagTable): boolean {
	const switches = words.filter(word => word.startsWith('-'));
	return new Set(switches).size === switches.length && switches.every(word => word.startsWith('--') && !word.includes('=') && flagOf(flags, word)?.row.type === 'boolean');
}

/** What meow gives for switches only (`switchesOnly`): each switch typed on (off, for a `--no-` form), every other its default or off, no values. */
function switched<T extends FlagTable>(flags: T, given: ReadonlySet<string>): Flags<T> {
	return Object.fromEntries(
		Object.entries(flags).map(([key, row]) => [key, row.type === 'boolean' ? (given.has(key) ? !row.negated : (row.default?.[0] ?? false)) : undefined]),
	) as Flags<T>;
}

/** A value as meow gave it (a string, or a number or switch), as text for a message. */
function valueText(value: unknown): string {
	return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
meow's reading of argv by a table, each flag a list: a flag given twice is a usage error that quotes
what was given. meow throws on a value outside a flag's choices, the value raw in its message: the
message is then ours, the value read again without the choices and quoted.
*/
function readFlags<T extends FlagTable>(meow: Meow, argv: readonly string[], flags: T): {readonly flags: Flags<T>; readonly input: readonly string[]} | {readonly message: string} {
	// meow names the process after `pkg` each time: the bin's own name, as run() names it.
	const read = (table: FlagTable) => meow({importMeta: {url: import.meta.url} as ImportMeta, argv: [...argv], flags: table, autoHelp: false, autoVersion: false, allowUnknownFlags: false, pkg: {name: 'briefing'}});
	let result: ReturnType<typeof read>;
	try {
		result = read(flags);
	} catch (error: unknown) {
		const lists = read(Object.fromEntries(Object.entries(flags).map(([key, {choices: _choices, ...row}]) => [key, row]))).flags as Record<string, unknown[]>;
		for (const [key, row] of Object.entries(flags)) {
			const outside = row.choices && lists[key]?.find(value => !(row.choices as unknown[]).includes(value));
			if (row.choices && outside !== undefined) {
				return {message: `${flagWord(key, row)} takes ${row.choices.join(', ')}, not ${quoted(valueText(outside))}`};
			}
		}

		throw error;
	}

	const lists = result.flags as Record<string, unknown[]>;
	for (const [key, row] of Object.entries(flags)) {
		const [first, then] = lists[key] ?? [];
		if (then !== undefined) {
			const [one, other] = row.type === 'boolean' ? [flagWord(key, row), flagWord(key, row)] : [valueText(first), valueText(then)];
			return {message: `${flagWord(key, row)} is given more than once (${quoted(one)}, then ${quoted(other)}); give it once`};
		}
	}

	return {flags: Object.fromEntries(Object.keys(flags).map(key => [key, lists[key]?.[0]])) as Flags<T>, input: result.input};
}

/** The words checked, then read by meow (not needed for switches only: `switchesOnly`); or the first usage error. */
function read<T extends FlagTable>(
	meow: Meow | undefined,
	argv: readonly string[],
	flags: T,
	unknown: (word: string) => string,
): {readonly flags: Flags<T>; readonly input: readonly string[]; readonly given: ReadonlySet<string>} | {readonly message: string} {
	const checked = checkWords(argv, flags, unknown);
	if ('message' in checked) {
		return checked;
	}

	if (switchesOnly(argv, flags)) {
		return {flags: switched(flags, checked.given), input: argv.filter(word => !word.startsWith('-')), given: checked.given};
	}

	if (!meow) {
		throw new Error('parseArgs needs meow to read flags');
	}

	const result = readFlags(meow, argv, flags);
	return 'message' in result ? result : {...result, given: checked.given};
}

/** What each command is called in a message. */
const commandWords: Readonly<Record<CommandKind, string>> = {present: 'presenting', list: '--list', print: '--print', export: '--export'};

/** "a, b or c". */
function either(words: readonly string[]): string {
	return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}` : words.join('');
}

/** The first flag given that does not go with the command (the table's `goesWith`). */
function misplaced(kind: CommandKind, given: ReadonlySet<string>): string | undefined {
	for (const key of given) {
		const row = (table as FlagTable)[key]!;
		if (row.goesWith && !row.goesWith.includes(kind)) {
			return `${flagWord(key, row)} goes with ${either(row.goesWith.map(each => commandWords[each]))}, not with ${commandWords[kind]}`;
		}
	}

	return undefined;
}

type MainFlags = Flags<typeof table>;

/** What the flags ask for, once they are known to be well formed; `given` are the flags typed. */
function commandOf(flags: MainFlags, given: ReadonlySet<string>): Command {
	// A slide that is no number is refused whatever the command (its range needs the deck: resolveStart).
	if (flags.slide !== undefined && !/^\d+$/.test(flags.slide)) {
		return {kind: 'usage-error', message: `--slide takes a slide number (1 is the first), not ${quoted(flags.slide)}`};
	}

	const command = commandKindOf(flags);
	const message = command.kind === 'usage-error' ? undefined : misplaced(command.kind, given);
	return message === undefined ? command : {kind: 'usage-error', message};
}

function commandKindOf(flags: MainFlags): Extract<Command, {kind: CommandKind | 'usage-error'}> {
	const start: StartAt = {...(flags.slide === undefined ? {} : {slide: flags.slide}), ...(flags.section === undefined ? {} : {section: flags.section})};
	if (start.slide !== undefined && start.section !== undefined) {
		return {kind: 'usage-error', message: 'use --slide or --section, not both'};
	}

	if (flags.duration !== undefined && !flags.presenter && !flags.timer && flags.serve === undefined) {
		return {kind: 'usage-error', message: `--duration ${quoted(flags.duration)} plans the presenter view: use it with --presenter`};
	}

	if (flags.endAt !== undefined && ((!flags.presenter && !flags.timer) || flags.duration !== undefined)) {
		return {kind: 'usage-error', message: flags.duration === undefined ? `--end-at ${quoted(flags.endAt)} times the talk: use it with --presenter or --timer` : 'use --duration or --end-at, not both'};
	}

	const followProblem = followConflict(flags);
	if (followProblem) {
		return {kind: 'usage-error', message: followProblem};
	}

	const isExport = flags.export !== undefined || flags.output !== undefined;
	if (isExport || flags.force) {
		if (flags.list || flags.print) {
			const asked = flags.list ? '--list' : '--print';
			return {
				kind: 'usage-error',
				message:
					flags.export !== undefined
						? `use ${asked} or --export, not both`
						: flags.output === undefined
							? '--force goes with -o FILE'
							: `${asked} writes to stdout, not to -o ${quoted(flags.output)}: use ${asked} > FILE, or --export txt -o FILE`,
			};
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

/** --follow is a read-only view and --serve belongs to the audience view: what they cannot go with. */
function followConflict(flags: MainFlags): string | undefined {
	const other = flags.follow ? (flags.presenter ? '--presenter' : flags.rehearse ? '--rehearse' : flags.serve === undefined ? undefined : '--serve') : undefined;
	if (other) {
		return `use --follow or ${other}, not both (a follower only watches the show)`;
	}

	if (flags.serve !== undefined && (flags.presenter || flags.list || flags.print)) {
		return `--serve runs in the audience view: use it without ${flags.presenter ? '--presenter' : flags.list ? '--list' : '--print'}`;
	}

	return undefined;
}

/** The unknown-flag message of the show's flags, with the form the table writes a switch in (`--no-reveal`). */
function unknownOption(word: string): string {
	const name = word.split('=')[0]!;
	const negated = Object.entries(table as FlagTable).find(([key, row]) => row.negated && name === `--${kebab(key)}`);
	return `unknown option ${quoted(word)}${negated ? ` (the switch is ${flagWord(...negated)})` : ''}`;
}

/** The subcommands that read flags, each by its table (`paragraphs` reads none). */
const subcommandTables = new Map<string | undefined, FlagTable>([['check', checkFlags], ['timings', timingsFlags], ['new', newFlags]]);

/**
Whether parseArgs needs meow for argv: --help, --version, `paragraphs` and a command line of switches
and arguments only (`switchesOnly`: none, `--list`, `deck.md --no-reveal --timer`, `check deck.md
--json`) need none; a value, `--`, a short flag, a switch given twice or an unknown word do.
*/
export function needsMeow(argv: readonly string[]): boolean {
	if (helpOrVersion(argv) || argv[0] === 'paragraphs') {
		return false;
	}

	const subcommand = subcommandTables.get(argv[0]);
	return subcommand ? !switchesOnly(argv.slice(1), subcommand) : !switchesOnly(argv, table);
}

/**
argv (without node and the script) to a command. `meow` is meow's default export, loaded by the
caller when `needsMeow(argv)` (it is slow to load next to the rest of a start).
*/
export function parseArgs(argv: readonly string[], meow?: Meow): Command {
	const wanted = helpOrVersion(argv);
	if (wanted) {
		return {kind: wanted};
	}

	const [first, ...rest] = argv;
	if (first === 'check') {
		const command = parseCheck(rest, meow);
		// `check --json` answers a usage error in JSON too, wherever --json stands.
		return command.kind === 'usage-error' && beforeDashes(rest).includes('--json') ? {...command, isJson: true} : command;
	}

	if (first === 'timings') {
		return parseTimings(rest, meow);
	}

	if (first === 'paragraphs') {
		return parseParagraphs(rest);
	}

	if (first === 'new') {
		return parseNew(rest, meow);
	}

	const flags = read(meow, argv, table, unknownOption);
	if ('message' in flags) {
		return {kind: 'usage-error', message: flags.message};
	}

	// One word that is no flag names a Markdown deck (`briefing FILE.md`).
	const [deckFile, extra] = flags.input;
	if (extra !== undefined) {
		return {kind: 'usage-error', message: `unexpected argument ${quoted(extra)}`};
	}

	const command = commandOf(flags.flags, flags.given);
	switch (command.kind) {
		case 'list':
		case 'print':
		case 'export':
		case 'present': {
			return {...command, ...(deckFile === undefined ? {} : {deckFile}), ...(flags.flags.format === undefined ? {} : {deckFormat: flags.flags.format as FormatChoice}), ...(flags.flags.debug ? {isDebug: true} : {})};
		}

		default: {
			return command;
		}
	}
}

/** `paragraphs SOURCE`, after its name. */
function parseParagraphs(argv: readonly string[]): Command {
	const [article, extra] = argv;
	if (article === undefined || (article.startsWith('-') && article !== '-') || extra !== undefined) {
		return {kind: 'usage-error', message: 'paragraphs takes one text file: briefing paragraphs SOURCE'};
	}

	return {kind: 'paragraphs', article};
}

/** `new SOURCE [-o FILE] [--force]`, after its name. */
function parseNew(argv: readonly string[], meow: Meow | undefined): Command {
	const takes = `new takes one source text file: briefing new SOURCE ${synopsis(newFlags)}`;
	const checked = read(meow, argv, newFlags, word => `${takes}, not ${quoted(word)}`);
	if ('message' in checked) {
		return {kind: 'usage-error', message: checked.message};
	}

	const {flags, input: [source, extra]} = checked;
	if (source === undefined || extra !== undefined) {
		return {kind: 'usage-error', message: extra === undefined ? takes : `${takes}, not also ${quoted(extra)}`};
	}

	if (flags.output === '') {
		return {kind: 'usage-error', message: '-o takes a file name (or - for stdout)'};
	}

	if (flags.force && flags.output === undefined) {
		return {kind: 'usage-error', message: '--force goes with -o FILE'};
	}

	return {kind: 'new', source, ...(flags.output === undefined ? {} : {file: flags.output}), isForced: flags.force};
}

/** `check [FILE.md] [--source SOURCE] [--size WxH] [--json]`, after its name. */
function parseCheck(argv: readonly string[], meow: Meow | undefined): Command {
	const checked = read(meow, argv, checkFlags, word => `check takes [FILE.md] ${synopsis(checkFlags)}, not ${quoted(word)}`);
	if ('message' in checked) {
		return {kind: 'usage-error', message: checked.message};
	}

	const {flags, input: [deckFile, extra]} = checked;
	if (extra !== undefined) {
		return {kind: 'usage-error', message: `check takes one deck file, not also ${quoted(extra)}`};
	}

	const match = flags.size === undefined ? undefined : /^(\d{1,4})x(\d{1,4})$/.exec(flags.size);
	if (flags.size !== undefined && (!match || Number(match[1]) < 20 || Number(match[2]) < 8)) {
		return {kind: 'usage-error', message: `--size takes a terminal size as COLUMNSxROWS (at least 20x8), such as 80x24, not ${quoted(flags.size)}`};
	}

	return {
		kind: 'check',
		...(deckFile === undefined ? {} : {deckFile}),
		...(flags.source === undefined ? {} : {source: flags.source}),
		...(flags.format === undefined ? {} : {deckFormat: flags.format as FormatChoice}),
		isJson: flags.json,
		...(match ? {size: {columns: Number(match[1]), rows: Number(match[2])}} : {}),
	};
}

/** `timings [FILE.md] [--json]`, after its name. */
function parseTimings(argv: readonly string[], meow: Meow | undefined): Command {
	const takes = (word: string) => `timings takes [FILE.md] ${synopsis(timingsFlags)}, not ${quoted(word)}`;
	const checked = read(meow, argv, timingsFlags, takes);
	if ('message' in checked) {
		return {kind: 'usage-error', message: checked.message};
	}

	const [deckFile, extra] = checked.input;
	if (extra !== undefined) {
		return {kind: 'usage-error', message: takes(extra)};
	}

	return {kind: 'timings', ...(deckFile === undefined ? {} : {deckFile}), isJson: checked.flags.json};
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
