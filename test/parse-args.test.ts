import fc from 'fast-check';
import meow from 'meow';
import {describe, expect, test} from 'vitest';
import {findSection} from '../source/deck/deck.js';
import {parseDuration} from '../source/model/clock.js';
import {themeNames} from '../source/text/theme.js';
import {checkFlags, type CommandKind, type FlagRow, type FlagTable, flags, flagWord, newFlags, timingsFlags} from '../source/options.js';
import {checkShow, type Command, needsMeow, parseArgs, resolveStart} from '../source/parse-args.js';
import {deck} from '../slides/index.js';

/** The command line, read in-process: argv in, a command or a usage error out. */
const parse = (...argv: string[]) => parseArgs(argv, meow);
const present = {kind: 'present', start: {}, view: 'audience', isRevealing: true, showTimer: false, isScreenReader: false, isRehearsal: false, showNotes: false} as const;

describe('parseArgs', () => {
	const cases: Array<[string[], Command]> = [
		[[], present],
		[['--slide', '3'], {...present, start: {slide: '3'}}],
		[['--slide=3'], {...present, start: {slide: '3'}}],
		[['--section', 'abolition', '--no-reveal', '--timer'], {...present, start: {section: 'abolition'}, isRevealing: false, showTimer: true}],
		[['--presenter', '--duration', '-5m'], {...present, view: 'presenter', duration: '-5m'}],
		[['--presenter', '--duration=15m', '--theme', 'light'], {...present, view: 'presenter', duration: '15m', theme: 'light'}],
		[['--rehearse', '--presenter'], {...present, view: 'presenter', isRehearsal: true}],
		[['--screen-reader'], {...present, isScreenReader: true}],
		[['--print', '--notes'], {kind: 'print', start: {}, showNotes: true}],
		[['--print', '--section', 'abolition'], {kind: 'print', start: {section: 'abolition'}, showNotes: false}],
		[['--list'], {kind: 'list'}],
		[['--export', 'html', '-o', 'handout.html', '--force'], {kind: 'export', start: {}, format: 'html', file: 'handout.html', isForced: true, showNotes: false}],
		[['-o', '-', '--export', 'md'], {kind: 'export', start: {}, format: 'md', file: '-', isForced: false, showNotes: false}],
		[['--output', 'a.txt', '--notes'], {kind: 'export', start: {}, file: 'a.txt', isForced: false, showNotes: true}],
		[['--export', 'md', '--section', 'abolition'], {kind: 'export', start: {section: 'abolition'}, format: 'md', isForced: false, showNotes: false}],
		[['--help'], {kind: 'help'}],
		[['-h'], {kind: 'help'}],
		[['-v'], {kind: 'version'}],
		// --help and --version win over everything else, errors included.
		[['--timer', '--help'], {kind: 'help'}],
		[['--slide', '3', '--slide', '5', '--version'], {kind: 'version'}],
		[['--nope', '--help'], {kind: 'help'}],
		[['--slide', '--help'], {kind: 'help'}],
		[['--version', '--help'], {kind: 'help'}],
		// One word that is no flag names a Markdown deck; `check` and `paragraphs` are subcommands.
		[['deck.md'], {...present, deckFile: 'deck.md'}],
		[['--print', 'deck.md', '--notes'], {kind: 'print', start: {}, showNotes: true, deckFile: 'deck.md'}],
		[['--export', 'deck', 'deck.md'], {kind: 'export', start: {}, format: 'deck', isForced: false, showNotes: false, deckFile: 'deck.md'}],
		[['--', '--help'], {...present, deckFile: '--help'}],
		[['--timer', '-'], {...present, showTimer: true, deckFile: '-'}],
		[['check'], {kind: 'check', isJson: false}],
		[['check', 'deck.md', '--source', 'a.txt', '--json'], {kind: 'check', deckFile: 'deck.md', source: 'a.txt', isJson: true}],
		[['check', '--source=a.txt'], {kind: 'check', source: 'a.txt', isJson: false}],
		[['check', '--help'], {kind: 'help'}],
		[['paragraphs', 'article.txt'], {kind: 'paragraphs', article: 'article.txt'}],
	];
	test.each(cases)('%j', (argv, expected) => {
		expect(parse(...argv)).toEqual(expected);
	});

	const errors: Array<[string[], string]> = [
		[['--slide', '3', '--slide', '5'], '--slide is given more than once ("3", then "5"); give it once'],
		[['--theme=dark', '--theme', 'light'], '--theme is given more than once ("dark", then "light"); give it once'],
		[['-o', 'a.html', '--output', 'b.html'], '--output is given more than once ("a.html", then "b.html"); give it once'],
		[['--timer', '--timer'], '--timer is given more than once ("--timer", then "--timer"); give it once'],
		[['--no-reveal', '--no-reveal'], '--no-reveal is given more than once ("--no-reveal", then "--no-reveal"); give it once'],
		[['--list=1'], '--list is a switch and takes no value, not "1"'],
		[['--no-reveal=yes'], '--no-reveal is a switch and takes no value, not "yes"'],
		[['--print', 'true'], '--print is a switch and takes no value, not "true"'],
		[['--slide'], '--slide takes a value (N)'],
		[['--slide', '--timer'], '--slide takes a value (N)'],
		[['--bogus'], 'unknown option "--bogus"'],
		[['-x'], 'unknown option "-x"'],
		[['--no-slide'], 'unknown option "--no-slide"'],
		[['deck.md', 'other.md'], 'unexpected argument "other.md"'],
		[['--', 'deck.md', '--help'], 'unexpected argument "--help"'],
		[['--print', 'deck.md', '-'], 'unexpected argument "-"'],
		[['check', '--bogus'], 'check takes [FILE.md] [--source SOURCE] [--size WxH] [--json] [--format NAME], not "--bogus"'],
		[['check', 'a.md', 'b.md'], 'check takes one deck file, not also "b.md"'],
		[['check', '--source'], '--source takes a value (SOURCE)'],
		[['check', '--size', '10x5'], '--size takes a terminal size as COLUMNSxROWS (at least 20x8), such as 80x24, not "10x5"'],
		[['paragraphs'], 'paragraphs takes one text file: briefing paragraphs SOURCE'],
		[['paragraphs', 'a.txt', 'b.txt'], 'paragraphs takes one text file: briefing paragraphs SOURCE'],
		[['--slide', '2', '--section', 'abolition'], 'use --slide or --section, not both'],
		[['--duration', '-5m'], '--duration "-5m" plans the presenter view: use it with --presenter'],
		[['--list', '--print'], 'use --list or --print, not both'],
		[['--list', '--export', 'md'], 'use --list or --export, not both'],
		[['--print', '-o', 'y.txt'], '--print writes to stdout, not to -o "y.txt": use --print > FILE, or --export txt -o FILE'],
		[['--list', '--force'], '--force goes with -o FILE'],
		[['--force'], '--force goes with -o FILE'],
		// Every value is checked whatever else is asked; a flag that makes no sense with the command is refused.
		[['--slide', '99', '--list'], '--slide goes with presenting, --print or --export, not with --list'],
		[['--slide', 'abc', '--list'], '--slide takes a slide number (1 is the first), not "abc"'],
		[['--slide', 'abc', '--print'], '--slide takes a slide number (1 is the first), not "abc"'],
		[['--slide', '-3', '--export', 'md'], '--slide takes a slide number (1 is the first), not "-3"'],
		[['--section', 'zz', '--list'], '--section goes with presenting, --print or --export, not with --list'],
		[['--theme', 'x', '--print'], '--theme takes auto, dark, light, high-contrast, not "x"'],
		[['--theme', 'x', '--export', 'html'], '--theme takes auto, dark, light, high-contrast, not "x"'],
		[['--theme', 'x', '--list'], '--theme takes auto, dark, light, high-contrast, not "x"'],
		[['--theme', 'x'], '--theme takes auto, dark, light, high-contrast, not "x"'],
		[['--theme', 'dark', '--print'], '--theme goes with presenting or --export, not with --print'],
		// With --export, --theme is for the PDF's slide pages only: deck-command says so (test/pdf.test.ts).
		[['--theme', 'light', '--list'], '--theme goes with presenting or --export, not with --list'],
		[['--duration', 'garbage', '--export', 'md'], '--duration "garbage" plans the presenter view: use it with --presenter'],
		[['--duration', '15m', '--presenter', '--export', 'md'], '--duration goes with presenting, not with --export'],
		[['--presenter', '--duration', '15m', '--list'], '--presenter goes with presenting, not with --list'],
		[['--list', '--notes'], '--notes goes with presenting, --print or --export, not with --list'],
		[['--print', '--timer'], '--timer goes with presenting, not with --print'],
		[['--print', '--no-reveal'], '--no-reveal goes with presenting, not with --print'],
		[['--export', 'md', '--rehearse'], '--rehearse goes with presenting, not with --export'],
		[['--list', '--screen-reader'], '--screen-reader goes with presenting, not with --list'],
		[['check', '--theme', 'x'], 'check takes [FILE.md] [--source SOURCE] [--size WxH] [--json] [--format NAME], not "--theme"'],
		[['check', '--slide=3'], 'check takes [FILE.md] [--source SOURCE] [--size WxH] [--json] [--format NAME], not "--slide=3"'],
		// No --no- forms but the table's (--no-reveal), and --no-reveal only so.
		[['--no-help'], 'unknown option "--no-help"'],
		[['--no-version'], 'unknown option "--no-version"'],
		[['--no-timer'], 'unknown option "--no-timer"'],
		[['--no-notes'], 'unknown option "--no-notes"'],
		[['--no-force'], 'unknown option "--no-force"'],
		[['--no-list'], 'unknown option "--no-list"'],
		[['--reveal'], 'unknown option "--reveal" (the switch is --no-reveal)'],
		[['--no-no-reveal'], 'unknown option "--no-no-reveal"'],
	];
	test.each(errors)('%j is a usage error', (argv, message) => {
		expect(parse(...argv)).toEqual({kind: 'usage-error', message});
	});

	test('check --json keeps --json on a usage error, wherever it stands (the error is written as JSON)', () => {
		expect(parse('check', '--json', '--bogus')).toEqual({kind: 'usage-error', isJson: true, message: 'check takes [FILE.md] [--source SOURCE] [--size WxH] [--json] [--format NAME], not "--bogus"'});
		expect(parse('check', '--size', 'x', '--json')).toMatchObject({kind: 'usage-error', isJson: true});
		expect(parse('check', 'a.md', 'b.md', '--json')).toMatchObject({kind: 'usage-error', isJson: true});
		expect(parse('check', '--bogus')).not.toHaveProperty('isJson');
		expect(parse('check', '--json', '--json')).toEqual({kind: 'usage-error', isJson: true, message: '--json is given more than once ("--json", then "--json"); give it once'});
	});

	const rows = Object.entries(flags as FlagTable);

	/** A flag as the table writes it, with a value it takes. */
	const written = (key: string, row: FlagRow) => (row.type === 'boolean' ? [flagWord(key, row)] : [flagWord(key, row), String(row.choices?.[0] ?? (key === 'slide' ? '3' : 'x'))]);
	/** --force needs -o; --duration and --end-at need --presenter; --slides and --paper need --export pdf. */
	const partnerOf = (key: string) => (key === 'force' ? ['-o', 'x.md'] : key === 'duration' || key === 'endAt' ? ['--presenter'] : key === 'slides' || key === 'paper' ? ['--export', 'pdf'] : []);

	test('every flag of the table is read (a switch, or a flag and its value)', () => {
		for (const [key, row] of rows) {
			expect(parse(...written(key, row), ...partnerOf(key)).kind, key).not.toBe('usage-error');
		}
	});

	test('every flag with a goesWith row is taken with each command it names and refused with each other', () => {
		const commands: Record<CommandKind, string[]> = {present: [], list: ['--list'], print: ['--print'], export: ['--export', 'md']};
		for (const [key, row] of rows) {
			if (!row.goesWith) {
				continue;
			}

			for (const [kind, words] of Object.entries(commands) as Array<[CommandKind, string[]]>) {
				if (kind === 'present' && row.goesWith.includes('export') && row.goesWith.length === 1) {
					// -o and --force alone ask for an export.
					continue;
				}

				const command = parse(...written(key, row), ...(key === 'duration' || key === 'endAt' ? ['--presenter'] : key === 'force' ? ['-o', 'x.md'] : []), ...words);
				if (row.goesWith.includes(kind)) {
					expect(command.kind, `${key} with ${kind}`).toBe(kind);
				} else {
					expect(command, `${key} with ${kind}`).toMatchObject({kind: 'usage-error'});
				}
			}
		}
	});

	test('the themes the table offers are the themes there are', () => {
		expect(flags.theme.choices).toEqual(themeNames);
	});

	test('a value outside the choices, an unknown flag and a repeated value are quoted with control characters escaped', () => {
		expect(parse('--theme', '\u001B]52;c;eA==\u0007')).toEqual({kind: 'usage-error', message: '--theme takes auto, dark, light, high-contrast, not "\\u001b]52;c;eA==\\u0007"'});
		expect(parse('--paper', 'a5\n', '--export', 'pdf')).toEqual({kind: 'usage-error', message: '--paper takes a4, letter, not "a5\\n"'});
		expect(parse('--bogus=\u001B[2J')).toEqual({kind: 'usage-error', message: 'unknown option "--bogus=\\u001b[2J"'});
		expect(parse('--section', 'a', '--section', 'b\u009B')).toEqual({kind: 'usage-error', message: '--section is given more than once ("a", then "b\\u009b"); give it once'});
	});

	test('a value with a dash is a value when it is - or a dash and a digit; a flag after a flag that takes a value is no value', () => {
		expect(parse('--presenter', '--duration', '-1')).toEqual({...present, view: 'presenter', duration: '-1'});
		expect(parse('--duration', '-o', 'x.md')).toEqual({kind: 'usage-error', message: '--duration takes a value (TIME)'});
		expect(parse('--section', '-intro')).toEqual({kind: 'usage-error', message: '--section takes a value (NAME)'});
		expect(parse('-o', '--', 'x.md')).toEqual({kind: 'usage-error', message: '--output takes a value (FILE)'});
	});

	test('--debug goes with every command, read once: on the command', () => {
		expect(parse('--debug')).toEqual({...present, isDebug: true});
		expect(parse('--list', '--debug', 'deck.md')).toEqual({kind: 'list', deckFile: 'deck.md', isDebug: true});
		expect(parse('--debug', '--debug')).toEqual({kind: 'usage-error', message: '--debug is given more than once ("--debug", then "--debug"); give it once'});
	});

	test('no arguments, and switches and arguments alone, need no meow and read as meow reads them; any other word needs it', () => {
		expect(parseArgs([])).toEqual(present);
		expect(parse()).toEqual(present);
		expect(parseArgs(['--help'])).toEqual({kind: 'help'});
		expect(parseArgs(['--list'])).toEqual({kind: 'list'});
		expect(parseArgs(['--no-reveal', '--timer'])).toEqual({...present, isRevealing: false, showTimer: true});
		expect(parseArgs(['--print', '--list'])).toEqual({kind: 'usage-error', message: 'use --list or --print, not both'});
		expect(parseArgs(['--timer', '--print'])).toEqual(parse('--timer', '--print'));
		for (const argv of [[], ['--help', '--slide'], ['-v'], ['--list'], ['--no-reveal', '--timer'], ['check'], ['check', '--json'], ['timings', '--json'], ['new', '--force'], ['paragraphs', 'x'], ['deck.md'], ['deck.md', '--rehearse', '--no-reveal'], ['check', 'deck.md'], ['constructor']]) {
			expect(needsMeow(argv), argv.join(' ')).toBe(false);
		}

		for (const argv of [['--timer', '--timer'], ['--slide', '3'], ['--list', '--'], ['-o', 'x'], ['deck.md', '-'], ['check', 'deck.md', '--source', 'a.txt']]) {
			expect(needsMeow(argv), argv.join(' ')).toBe(true);
			expect(() => parseArgs(argv), argv.join(' ')).toThrow(/needs meow/);
		}

		// A word meow is not asked about (an unknown option, a value on a switch) is refused before it, but loads it all the same.
		for (const argv of [['--list=1'], ['--reveal'], ['--no-timer'], ['--nope'], ['check', '--list']]) {
			expect(needsMeow(argv), argv.join(' ')).toBe(true);
			expect(parseArgs(argv), argv.join(' ')).toEqual(parse(...argv));
		}
	});

	test('any words that need no meow read as meow reads them', () => {
		const switches = (table: FlagTable) => Object.entries(table).filter(([, row]) => row.type === 'boolean').map(([key, row]) => flagWord(key, row));
		const words = [...new Set([...switches(flags), ...switches(checkFlags), ...switches(timingsFlags), ...switches(newFlags), '--reveal', '--no-timer', '-h', 'check', 'timings', 'new', 'x', 'deck.md', '12', 'constructor', '__proto__', '-', '--'])];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...words), {maxLength: 6}), argv => {
				if (!needsMeow(argv)) {
					expect(parseArgs(argv)).toEqual(parse(...argv));
				}
			}),
			{numRuns: 2000},
		);
	});

	test('meow names the process briefing, as the program does (so `pgrep -x briefing` finds a show)', () => {
		const title = process.title;
		process.title = 'vitest';
		try {
			parse('--slide', '3');
			expect(process.title).toBe('briefing');
		} finally {
			process.title = title;
		}
	});

	test('any words at all: a command or a usage error, never an exit or a throw from meow', () => {
		const words = [
			...rows.flatMap(([key, row]) => [flagWord(key, row), `--${key}`, `--no-${key}`, ...(row.shortFlag ? [`-${row.shortFlag}`] : []), `${flagWord(key, row)}=x`]),
			'--screenReader', '-x', '-ox', '-o-', '-timer', '--', '-', '-5m', '-3', 'true', 'false', 'deck.md', 'x', '', '=', '--=', '---slide', 'check', 'paragraphs',
		];
		const exit = process.exit;
		process.exit = ((code?: number) => {
			throw new Error(`exit ${code}`);
		});
		try {
			fc.assert(
				fc.property(fc.array(fc.constantFrom(...words), {maxLength: 6}), argv => {
					const command = parse(...argv);
					expect(typeof command.kind).toBe('string');
					if (command.kind === 'usage-error') {
						expect(command.message).not.toMatch(/\n/);
					}
				}),
				{numRuns: 2000},
			);
		} finally {
			process.exit = exit;
		}
	});
});

describe('the checks that need the deck', () => {
	const index = {count: deck.slides.length, sectionIds: deck.sections.map(section => section.id), sectionStart: (name: string) => findSection(deck, name)?.start};
	test('--slide from 1 to the last, --section by id; anything else quotes what was typed', () => {
		expect(resolveStart({slide: '1'}, index)).toBe(0);
		expect(resolveStart({slide: String(deck.slides.length)}, index)).toBe(deck.slides.length - 1);
		expect(resolveStart({section: deck.sections[1]!.id}, index)).toBe(deck.sections[1]!.start);
		for (const typed of ['0', String(deck.slides.length + 1), '-1', '2.5', '', '1e3', '99999999999999999999']) {
			expect(resolveStart({slide: typed}, index)).toEqual({message: `--slide takes a number from 1 to ${deck.slides.length}, not ${JSON.stringify(typed)}`});
		}

		expect(resolveStart({section: 'nope'}, index)).toMatchObject({message: expect.stringMatching(/^no section "nope"; sections: /) as unknown});
	});

	test('--theme from the theme table, --duration as the pace module reads it', () => {
		const known = {themeNames, parseDuration};
		expect(checkShow({theme: 'light'}, known)).toEqual({});
		expect(checkShow({duration: '1h30m'}, known)).toEqual({duration: 90 * 60_000});
		expect(checkShow({theme: 'blue'}, known)).toEqual({message: `--theme takes ${themeNames.join(', ')}, not "blue"`});
		expect(checkShow({duration: '-5m'}, known)).toEqual({message: '--duration takes a time such as 15m, 90s, 1h30m or plain minutes (15), not "-5m"'});
	});
});
