import fc from 'fast-check';
import meow from 'meow';
import {describe, expect, test} from 'vitest';
import {findSection} from '../source/deck/deck.js';
import {parseDuration} from '../source/model/clock.js';
import {themeNames} from '../source/text/theme.js';
import {type CommandKind, type OptionSpec, options} from '../source/options.js';
import {checkShow, type Command, meowFlagsOf, needsMeow, parseArgs, resolveStart, switchFlags} from '../source/parse-args.js';
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
		[['--slide'], '--slide takes a value (N)'],
		[['--slide', '--timer'], '--slide takes a value (N)'],
		[['--bogus'], 'unknown option "--bogus"'],
		[['-x'], 'unknown option "-x"'],
		[['--no-slide'], 'unknown option "--no-slide"'],
		[['deck.md', 'other.md'], 'unexpected argument "other.md"'],
		[['--', 'deck.md', '--help'], 'unexpected argument "--help"'],
		[['--print', 'deck.md', '-'], 'unexpected argument "-"'],
		[['check', '--bogus'], 'check takes [FILE.md] [--source ARTICLE] [--size WxH] [--json], not "--bogus"'],
		[['check', 'a.md', 'b.md'], 'check takes one deck file, not also "b.md"'],
		[['check', '--source'], '--source takes the article\'s text file (ARTICLE)'],
		[['paragraphs'], 'paragraphs takes one article file: briefing paragraphs ARTICLE'],
		[['paragraphs', 'a.txt', 'b.txt'], 'paragraphs takes one article file: briefing paragraphs ARTICLE'],
		[['--slide', '2', '--section', 'abolition'], 'use --slide or --section, not both'],
		[['--duration', '-5m'], '--duration "-5m" plans the presenter view: use it with --presenter'],
		[['--list', '--print'], 'use --list or --print, not both'],
		[['--list', '--export', 'md'], 'use --list or --export, not both'],
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
		[['check', '--theme', 'x'], 'check takes [FILE.md] [--source ARTICLE] [--size WxH] [--json], not "--theme"'],
		[['check', '--slide=3'], 'check takes [FILE.md] [--source ARTICLE] [--size WxH] [--json], not "--slide=3"'],
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
		expect(parse('check', '--json', '--bogus')).toEqual({kind: 'usage-error', isJson: true, message: 'check takes [FILE.md] [--source ARTICLE] [--size WxH] [--json], not "--bogus"'});
		expect(parse('check', '--size', 'x', '--json')).toMatchObject({kind: 'usage-error', isJson: true});
		expect(parse('check', 'a.md', 'b.md', '--json')).toMatchObject({kind: 'usage-error', isJson: true});
		expect(parse('check', '--bogus')).not.toHaveProperty('isJson');
	});

	/** A flag as the table writes it, with a value it takes. */
	const written = (option: OptionSpec) =>
		option.type === 'boolean' ? [`--${option.negated ? 'no-' : ''}${option.name}`] : [`--${option.name}`, option.choices?.[0] ?? (option.name === 'slide' ? '3' : 'x')];

	test('every flag of the table is read (a switch, or a value joined to its flag)', () => {
		for (const option of options) {
			const argv = written(option);
			// --force, --duration, --end-at, --slides and --paper need their partner flag.
			const partner = option.name === 'force' ? ['-o', 'x.md'] : option.name === 'duration' || option.name === 'end-at' ? ['--presenter'] : option.name === 'slides' || option.name === 'paper' ? ['--export', 'pdf'] : [];
			expect(parse(...argv, ...partner).kind, option.name).not.toBe('usage-error');
		}
	});

	test('every flag with a goesWith row is taken with each command it names and refused with each other', () => {
		const commands: Record<CommandKind, string[]> = {present: [], list: ['--list'], print: ['--print'], export: ['--export', 'md']};
		for (const option of options as readonly OptionSpec[]) {
			if (!option.goesWith) {
				continue;
			}

			// --force needs -o; --duration and --end-at need --presenter (which goes with presenting only).
			const partner = option.name === 'force' ? ['-o', 'x.md'] : option.name === 'duration' || option.name === 'end-at' ? ['--presenter'] : [];
			for (const [kind, words] of Object.entries(commands) as Array<[CommandKind, string[]]>) {
				if (kind === 'present' && option.goesWith.includes('export') && option.goesWith.length === 1) {
					// -o and --force alone ask for an export.
					continue;
				}

				const command = parse(...written(option), ...partner, ...words);
				if (option.goesWith.includes(kind)) {
					expect(command.kind, `${option.name} with ${kind}`).toBe(kind);
				} else {
					expect(command, `${option.name} with ${kind}`).toMatchObject({kind: 'usage-error'});
				}
			}
		}
	});

	test('the themes the table offers are the themes there are', () => {
		expect(options.find(option => option.name === 'theme')?.choices).toEqual(themeNames);
	});

	test('needs meow only to read the values of well-formed flags: not for --help, --version, usage errors, subcommands or switches', () => {
		for (const argv of [[], ['--help'], ['-h'], ['--version'], ['-v'], ['--timer', '--version'], ['--slide', '3', '--help'], ['--nope'], ['--slide'], ['check'], ['paragraphs', 'a.txt'], ['deck.md'], ['--timer'], ['--list'], ['--no-reveal'], ['deck.md', '--print'], ['--presenter', '--no-reveal', '--rehearse']]) {
			expect(needsMeow(argv), JSON.stringify(argv)).toBe(false);
			// And parseArgs answers them without it.
			expect(() => parseArgs(argv), JSON.stringify(argv)).not.toThrow();
		}

		for (const argv of [['--slide=3'], ['--slide', '3'], ['--list', '--theme', 'light'], ['deck.md', '--export', 'md'], ['-o', 'x.md']]) {
			expect(needsMeow(argv), JSON.stringify(argv)).toBe(true);
			expect(() => parseArgs(argv), JSON.stringify(argv)).toThrow(/needs meow/);
		}
	});

	test('needs no meow without arguments, and keeps the process title', () => {
		expect(parseArgs([])).toEqual(present);
		const title = process.title;
		parse('--slide', '3');
		expect(process.title).toBe(title);
	});

	test('reads switches alone as meow reads them, any of them, in any order, each on or negated', () => {
		const switches = options.filter(option => option.type === 'boolean' && option.name !== 'help' && option.name !== 'version').map(option => option.name);
		fc.assert(
			fc.property(fc.uniqueArray(fc.constantFrom(...switches)), fc.array(fc.boolean(), {minLength: switches.length, maxLength: switches.length}), (chosen, negations) => {
				// Each as the table writes it (--no-reveal), and meow's own negation of each too.
				const words = chosen.map((name, index) => (negations[index] || name === 'reveal' ? `--no-${name}` : `--${name}`));
				expect(switchFlags(words)).toEqual(meowFlagsOf(meow, words));
			}),
			{numRuns: 200},
		);
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
