import meow from 'meow';
import {describe, expect, test} from 'vitest';
import {parseArgs} from '../source/parse-args.js';
import {runBin} from './helpers/bin.js';

/** `--end-at` and `briefing timings` on the command line. */
const parse = (...argv: string[]) => parseArgs(argv, meow);

describe('--end-at', () => {
	test('goes with --presenter or --timer, not with --duration', () => {
		expect(parse('--presenter', '--end-at', '14:30')).toMatchObject({kind: 'present', view: 'presenter', endAt: '14:30'});
		expect(parse('--timer', '--end-at=9:05')).toMatchObject({kind: 'present', showTimer: true, endAt: '9:05'});
		expect(parse('--end-at', '14:30')).toEqual({kind: 'usage-error', message: '--end-at "14:30" times the talk: use it with --presenter or --timer'});
		expect(parse('--presenter', '--end-at', '14:30', '--duration', '5m')).toEqual({kind: 'usage-error', message: 'use --duration or --end-at, not both'});
		// --duration now goes with --timer too (its countdown).
		expect(parse('--timer', '--duration', '5m')).toMatchObject({kind: 'present', duration: '5m'});
	});

	test('a time that is no time of day is a usage error that quotes it (exit 2)', async () => {
		const {code, stderr} = await runBin(['--presenter', '--end-at', '25:00']);
		expect(code).toBe(2);
		expect(stderr.split('\n')[0]).toBe('briefing: --end-at takes a time of day such as 14:30 (24-hour), not "25:00"');
	});
});

describe('briefing timings', () => {
	test('is a subcommand: [FILE.md] [--json], its flags read by meow from its own table', () => {
		expect(parse('timings')).toEqual({kind: 'timings', isJson: false});
		expect(parse('timings', 'talk.md', '--json')).toEqual({kind: 'timings', deckFile: 'talk.md', isJson: true});
		expect(parse('timings', '--json')).toEqual({kind: 'timings', isJson: true});
		expect(parse('timings', '--nope')).toEqual({kind: 'usage-error', message: 'timings takes [FILE.md] [--json], not "--nope"'});
		expect(parse('timings', '--json', '--json')).toEqual({kind: 'usage-error', message: '--json is given more than once ("--json", then "--json"); give it once'});
		expect(parse('timings', 'a.md', 'b.md')).toEqual({kind: 'usage-error', message: 'timings takes [FILE.md] [--json], not "b.md"'});
		expect(parse('timings', '--help')).toEqual({kind: 'help'});
	});
});

describe('the timings report of a deck with no plan yet', () => {
	test('says nothing is planned and how to plan, not a total of 0:00', async () => {
		const {parseMarkdownDeck} = await import('../source/markdown/parse-deck.js');
		const {timingsReport} = await import('../source/timings-command.js');
		const bare = parseMarkdownDeck('---\ntitle: T\n---\n\n# S\n\n## One\n\n- a\n\n## Two\n\n- b\n').deck;
		const lines = timingsReport(bare, 'deck.md', 'deck.timings.json', undefined, false).trimEnd().split('\n');
		expect(lines.find(line => line.trim().startsWith('total'))?.trim().split(/\s+/)).toEqual(['total', '-', '-', '-']);
		expect(lines.at(-1)).toBe('Nothing is planned yet: give the deck a length (front matter "duration: 20m") or slides budgets (<!-- budget: 1m -->), or rehearse (briefing --rehearse).');
		const budgeted = parseMarkdownDeck('---\ntitle: T\n---\n\n# S\n\n## One\n\n<!-- budget: 1m -->\n\n- a\n\n## Two\n\n- b\n').deck;
		const planned = timingsReport(budgeted, 'deck.md', 'deck.timings.json', undefined, false).trimEnd().split('\n');
		expect(planned.find(line => line.trim().startsWith('total'))?.trim().split(/\s+/)).toEqual(['total', '1:00', '-', '1:00']);
		expect(planned.at(-1)).toBe('The deck gives no length (front matter "duration: 20m"); planned: 1:00.');
	});
});
