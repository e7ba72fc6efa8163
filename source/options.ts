/**
Every command-line flag, as data: meow's flag spec, the `--help` text, the unknown-flag check and
the README's flag section all come from this table.
*/
export type OptionSpec = {
	readonly name: string;
	readonly type: 'boolean' | 'string';
	readonly shortFlag?: string;
	/** The value's placeholder in help ("N", "NAME"). */
	readonly arg?: string;
	readonly description: string;
	readonly default?: boolean;
};

export const options: readonly OptionSpec[] = [
	{name: 'slide', type: 'string', arg: 'N', description: 'Start on slide N (1-based)'},
	{name: 'section', type: 'string', arg: 'NAME', description: 'Start at a section, by id or title (see --list)'},
	{name: 'list', type: 'boolean', description: 'Print the sections and their slides, then exit'},
	{name: 'print', type: 'boolean', description: 'Print the deck as plain text instead of presenting'},
	{name: 'notes', type: 'boolean', description: 'With --print or --export, add the speaker notes'},
	{name: 'export', type: 'string', arg: 'FORMAT', description: 'Write a handout (txt, md, html) or a deck.md (deck)'},
	{name: 'output', type: 'string', shortFlag: 'o', arg: 'FILE', description: 'With --export, the file to write (see --force)'},
	{name: 'force', type: 'boolean', description: 'With -o, replace a file that exists'},
	{name: 'reveal', type: 'boolean', default: true, description: 'Show every slide whole, not bullet by bullet'},
	{name: 'timer', type: 'boolean', description: 'Show the elapsed time in the footer'},
	{name: 'presenter', type: 'boolean', description: 'Notes, next slide, time; follows the audience view'},
	{name: 'duration', type: 'string', arg: 'TIME', description: 'With --presenter: talk length (15m, 1h30m, 15)'},
	{name: 'theme', type: 'string', arg: 'NAME', description: 'dark, light or high-contrast (default: from COLORFGBG)'},
	{name: 'screen-reader', type: 'boolean', description: 'Slides as linear text, for screen readers'},
	{name: 'debug', type: 'boolean', description: 'Print the stack with an error'},
	{name: 'help', type: 'boolean', shortFlag: 'h', description: 'Show this help'},
	{name: 'version', type: 'boolean', shortFlag: 'v', description: 'Show the version'},
];

function camel(name: string): string {
	return name.replaceAll(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

export function meowFlags() {
	const flags: Record<string, {type: 'boolean' | 'string'; shortFlag?: string; default?: boolean}> = {};
	for (const option of options) {
		if (option.name === 'help' || option.name === 'version') {
			continue;
		}

		flags[camel(option.name)] = {type: option.type, ...(option.shortFlag ? {shortFlag: option.shortFlag} : {}), ...(option.default === undefined ? {} : {default: option.default})};
	}

	return flags;
}

export function optionsHelp(): string {
	const rows = options.map(option => {
		const short = option.shortFlag ? `-${option.shortFlag}, ` : '    ';
		const flag = option.name === 'reveal' ? '--no-reveal' : `--${option.name}`;
		return {left: `${short}${flag}${option.arg ? ' ' + option.arg : ''}`, text: option.description};
	});
	const width = Math.max(...rows.map(row => row.left.length));
	return rows.map(row => `    ${row.left.padEnd(width)}  ${row.text}`).join('\n');
}

/** The first argument that is not a known flag (or a value of one), if any. */
export function unknownArgument(argv: readonly string[]): string | undefined {
	const byName = new Map(options.map(option => [option.name, option]));
	const byShort = new Map(options.filter(option => option.shortFlag).map(option => [option.shortFlag!, option]));
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index]!;
		if (arg === '--') {
			return argv[index + 1];
		}

		if (arg.startsWith('--')) {
			const [name = '', value] = arg.slice(2).split('=', 2);
			const option = byName.get(name) ?? (name.startsWith('no-') ? byName.get(name.slice(3)) : undefined);
			if (!option || (name.startsWith('no-') && option.type !== 'boolean')) {
				return arg;
			}

			if (option.type === 'string' && value === undefined) {
				index++;
			}

			continue;
		}

		if (arg.startsWith('-') && arg.length > 1) {
			const option = byShort.get(arg.slice(1));
			if (!option) {
				return arg;
			}

			if (option.type === 'string') {
				index++;
			}

			continue;
		}

		return arg;
	}

	return undefined;
}
