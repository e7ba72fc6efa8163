/**
Every command-line flag, as data. Each table is meow's `flags` as it is handed to meow (type,
shortFlag, default, isMultiple, and `choices`: a value outside them is a usage error whatever the
command), with what is ours beside it: the placeholder and line of
`--help`, the `--no-` form, the commands a flag goes with. The help, the check of the words typed
(parse-args.ts) and the README's flag section all read it. A new flag is one row.
*/
import type {Flag} from 'meow';

export type FlagRow = (Flag<'string', string[], true> | Flag<'boolean', boolean[], true>) & {
	readonly type: 'boolean' | 'string';
	/**
	Every flag is read as a list, so that a flag given twice is a usage error that quotes what was
	given (meow's own check throws "can only be set once" without the values).
	*/
	readonly isMultiple: true;
	/** The value's placeholder in help ("N", "NAME"). */
	readonly arg?: string;
	readonly description: string;
	/** A switch that is on by default is written `--no-NAME`, and only so (no other flag has a `--no-` form). */
	readonly negated?: true;
	/** The commands the flag goes with; with any other it is a usage error. Absent: every command. */
	readonly goesWith?: readonly CommandKind[];
};

export type FlagTable = Readonly<Record<string, FlagRow>>;

/** What the flags ask for: present (no flag), or --list, --print, --export. */
export type CommandKind = 'present' | 'list' | 'print' | 'export';

/** Flags that choose the slides or the show's look, by the commands that read them. */
const showing = ['present', 'print', 'export'] as const;
const presenting = ['present'] as const;

/** The flags of `briefing [FILE.md]`, keyed as meow names them (`screenReader` is `--screen-reader`). */
export const flags = {
	slide: {type: 'string', isMultiple: true, arg: 'N', description: 'Start on slide N (1-based)', goesWith: showing},
	section: {type: 'string', isMultiple: true, arg: 'NAME', description: 'Start at a section, by id or title (see --list)', goesWith: showing},
	list: {type: 'boolean', isMultiple: true, description: 'Print the sections and their slides, then exit'},
	print: {type: 'boolean', isMultiple: true, description: 'Print the deck as plain text instead of presenting'},
	notes: {type: 'boolean', isMultiple: true, description: 'With --print or --export, add the speaker notes', goesWith: showing},
	export: {type: 'string', isMultiple: true, arg: 'FORMAT', description: 'A handout (txt, md, html, pdf) or a deck.md (deck)'},
	slides: {type: 'boolean', isMultiple: true, description: 'With --export pdf: a page per slide, as shown', goesWith: ['export']},
	paper: {type: 'string', isMultiple: true, arg: 'SIZE', choices: ['a4', 'letter'], description: 'With --export pdf: a4 or letter (default: locale)', goesWith: ['export']},
	output: {type: 'string', isMultiple: true, shortFlag: 'o', arg: 'FILE', description: 'With --export, the file to write (see --force)', goesWith: ['export']},
	force: {type: 'boolean', isMultiple: true, description: 'With -o, replace a file that exists', goesWith: ['export']},
	reveal: {type: 'boolean', isMultiple: true, default: [true], negated: true, description: 'Show every slide whole, not bullet by bullet', goesWith: presenting},
	timer: {type: 'boolean', isMultiple: true, description: 'Show the elapsed time in the footer', goesWith: presenting},
	presenter: {type: 'boolean', isMultiple: true, description: 'Notes, next slide, time; pairs with the audience view', goesWith: presenting},
	rehearse: {type: 'boolean', isMultiple: true, description: 'Practise alone: never pairs with another view', goesWith: presenting},
	follow: {type: 'boolean', isMultiple: true, description: 'Follow the show read-only: what the audience view shows', goesWith: presenting},
	serve: {type: 'string', isMultiple: true, arg: 'PORT', description: 'Serve a follow page and a remote on [HOST:]PORT', goesWith: presenting},
	duration: {type: 'string', isMultiple: true, arg: 'TIME', description: 'With --presenter or --serve: talk length (15m, 1h30m)', goesWith: presenting},
	endAt: {type: 'string', isMultiple: true, arg: 'HH:MM', description: 'With --presenter or --timer: count down to this time', goesWith: presenting},
	theme: {type: 'string', isMultiple: true, arg: 'NAME', choices: ['auto', 'dark', 'light', 'high-contrast'], description: 'auto (default), dark, light or high-contrast', goesWith: ['present', 'export']},
	format: {type: 'string', isMultiple: true, arg: 'NAME', choices: ['auto', 'briefing', 'presenterm', 'slides', 'patat'], description: 'The deck file\'s presenter (default: told from the file)'},
	screenReader: {type: 'boolean', isMultiple: true, description: 'Slides as linear text, for screen readers', goesWith: presenting},
	debug: {type: 'boolean', isMultiple: true, description: 'Print the stack with an error'},
	help: {type: 'boolean', isMultiple: true, shortFlag: 'h', description: 'Show this help'},
	version: {type: 'boolean', isMultiple: true, shortFlag: 'v', description: 'Show the version'},
} satisfies FlagTable;

/** The flags of `briefing check [FILE.md]`. */
export const checkFlags = {
	source: {type: 'string', isMultiple: true, arg: 'SOURCE', description: 'The source\'s text file (an article, a report…)'},
	size: {type: 'string', isMultiple: true, arg: 'WxH', description: 'The terminal size the slides are measured at (80x24)'},
	json: {type: 'boolean', isMultiple: true, description: 'The problems as JSON'},
	format: {type: 'string', isMultiple: true, arg: 'NAME', choices: ['auto', 'briefing', 'presenterm', 'slides', 'patat'], description: 'The deck file\'s presenter (default: told from the file)'},
} satisfies FlagTable;

/** The flags of `briefing new SOURCE`. */
export const newFlags = {
	output: {type: 'string', isMultiple: true, shortFlag: 'o', arg: 'FILE', description: 'The deck to write (default: stdout)'},
	force: {type: 'boolean', isMultiple: true, description: 'With -o, replace a file that exists'},
} satisfies FlagTable;

/** The flags of `briefing timings [FILE.md]`. */
export const timingsFlags = {
	json: {type: 'boolean', isMultiple: true, description: 'The plan as JSON'},
} satisfies FlagTable;

/** `screenReader` as it is typed: `screen-reader`. */
export function kebab(key: string): string {
	return key.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);
}

/** A flag as the table writes it: `--slide`, `--no-reveal`. */
export function flagWord(key: string, row: FlagRow): string {
	return `--${row.negated ? 'no-' : ''}${kebab(key)}`;
}

/** A table's flags as a usage line writes them, by the short name where there is one: `[--source SOURCE] [--json]`, `[-o FILE]`. */
export function synopsis(table: FlagTable): string {
	return Object.entries(table)
		.map(([key, row]) => `[${row.shortFlag ? `-${row.shortFlag}` : flagWord(key, row)}${row.arg ? ` ${row.arg}` : ''}]`)
		.join(' ');
}

export function optionsHelp(): string {
	const rows = Object.entries(flags as FlagTable).map(([key, row]) => {
		const short = row.shortFlag ? `-${row.shortFlag}, ` : '    ';
		return {left: `${short}${flagWord(key, row)}${row.arg ? ' ' + row.arg : ''}`, text: row.description};
	});
	const width = Math.max(...rows.map(row => row.left.length));
	return rows.map(row => `    ${row.left.padEnd(width)}  ${row.text}`).join('\n');
}
