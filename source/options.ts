/**
Every command-line flag, as data: meow's flag spec, the `--help` text, the unknown-flag check, which
flags go with which command, and the README's flag section all come from this table. A new flag is
one row.
*/
export type OptionSpec = {
	readonly name: string;
	readonly type: 'boolean' | 'string';
	readonly shortFlag?: string;
	/** The value's placeholder in help ("N", "NAME"). */
	readonly arg?: string;
	readonly description: string;
	readonly default?: boolean;
	/** A switch that is on by default is written `--no-NAME`, and only so (no other flag has a `--no-` form). */
	readonly negated?: true;
	/**
	The values a string flag takes; anything else is a usage error, whatever the command. (Not handed to
	meow as its `choices`: meow's message would print the value raw, control characters and all.)
	*/
	readonly choices?: readonly string[];
	/** The commands the flag goes with; with any other it is a usage error. Absent: every command. */
	readonly goesWith?: readonly CommandKind[];
};

/** What the flags ask for: present (no flag), or --list, --print, --export. */
export type CommandKind = 'present' | 'list' | 'print' | 'export';

/** Flags that choose the slides or the show's look, by the commands that read them. */
const showing = ['present', 'print', 'export'] as const;
const presenting = ['present'] as const;

export const options = [
	{name: 'slide', type: 'string', arg: 'N', description: 'Start on slide N (1-based)', goesWith: showing},
	{name: 'section', type: 'string', arg: 'NAME', description: 'Start at a section, by id or title (see --list)', goesWith: showing},
	{name: 'list', type: 'boolean', description: 'Print the sections and their slides, then exit'},
	{name: 'print', type: 'boolean', description: 'Print the deck as plain text instead of presenting'},
	{name: 'notes', type: 'boolean', description: 'With --print or --export, add the speaker notes', goesWith: showing},
	{name: 'export', type: 'string', arg: 'FORMAT', description: 'A handout (txt, md, html, pdf) or a deck.md (deck)'},
	{name: 'slides', type: 'boolean', description: 'With --export pdf: a page per slide, as shown', goesWith: ['export']},
	{name: 'paper', type: 'string', arg: 'SIZE', choices: ['a4', 'letter'], description: 'With --export pdf: a4 or letter (default: locale)', goesWith: ['export']},
	{name: 'output', type: 'string', shortFlag: 'o', arg: 'FILE', description: 'With --export, the file to write (see --force)', goesWith: ['export']},
	{name: 'force', type: 'boolean', description: 'With -o, replace a file that exists', goesWith: ['export']},
	{name: 'reveal', type: 'boolean', default: true, negated: true, description: 'Show every slide whole, not bullet by bullet', goesWith: presenting},
	{name: 'timer', type: 'boolean', description: 'Show the elapsed time in the footer', goesWith: presenting},
	{name: 'presenter', type: 'boolean', description: 'Notes, next slide, time; pairs with the audience view', goesWith: presenting},
	{name: 'rehearse', type: 'boolean', description: 'Practise alone: never pairs with another view', goesWith: presenting},
	{name: 'follow', type: 'boolean', description: 'Follow the show read-only: what the audience view shows', goesWith: presenting},
	{name: 'serve', type: 'string', arg: 'PORT', description: 'Serve a follow page and a remote on [HOST:]PORT', goesWith: presenting},
	{name: 'duration', type: 'string', arg: 'TIME', description: 'With --presenter or --serve: talk length (15m, 1h30m)', goesWith: presenting},
	{name: 'end-at', type: 'string', arg: 'HH:MM', description: 'With --presenter or --timer: count down to this time', goesWith: presenting},
	{name: 'theme', type: 'string', arg: 'NAME', choices: ['auto', 'dark', 'light', 'high-contrast'], description: 'auto (default), dark, light or high-contrast', goesWith: ['present', 'export']},
	{name: 'screen-reader', type: 'boolean', description: 'Slides as linear text, for screen readers', goesWith: presenting},
	{name: 'debug', type: 'boolean', description: 'Print the stack with an error'},
	{name: 'help', type: 'boolean', shortFlag: 'h', description: 'Show this help'},
	{name: 'version', type: 'boolean', shortFlag: 'v', description: 'Show the version'},
] as const satisfies readonly OptionSpec[];

type Option = (typeof options)[number];

/** `screen-reader` as meow names it: `screenReader`. */
type Camel<Name extends string> = Name extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : Name;

/** meow's flag spec, typed from the table: meow then types each value (string, boolean, defaults). */
export type MeowFlags = {
	readonly [O in Option as O['name'] extends 'help' | 'version' ? never : Camel<O['name']>]: {
		readonly type: O['type'];
	} & (O extends {readonly shortFlag: string} ? {readonly shortFlag: O['shortFlag']} : unknown) &
		(O extends {readonly default: boolean} ? {readonly default: O['default']} : unknown);
};

export function camel(name: string): string {
	return name.replaceAll(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

export function meowFlags(): MeowFlags {
	const flags: Record<string, {type: 'boolean' | 'string'; shortFlag?: string; default?: boolean}> = {};
	for (const option of options as readonly OptionSpec[]) {
		if (option.name === 'help' || option.name === 'version') {
			continue;
		}

		flags[camel(option.name)] = {
			type: option.type,
			...(option.shortFlag ? {shortFlag: option.shortFlag} : {}),
			...(option.default === undefined ? {} : {default: option.default}),
		};
	}

	// Built from the same table the type is read from.
	return flags as MeowFlags;
}

export function optionsHelp(): string {
	const rows = (options as readonly OptionSpec[]).map(option => {
		const short = option.shortFlag ? `-${option.shortFlag}, ` : '    ';
		const flag = `--${option.negated ? 'no-' : ''}${option.name}`;
		return {left: `${short}${flag}${option.arg ? ' ' + option.arg : ''}`, text: option.description};
	});
	const width = Math.max(...rows.map(row => row.left.length));
	return rows.map(row => `    ${row.left.padEnd(width)}  ${row.text}`).join('\n');
}
