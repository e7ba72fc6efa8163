import meow from 'meow';
import {describe, expect, test} from 'vitest';
import {needsMeow, parseArgs} from '../source/parse-args.js';
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
	test('is a subcommand: [FILE.md] [--json], answered without meow', () => {
		expect(parseArgs(['timings'])).toEqual({kind: 'timings', isJson: false});
		expect(parseArgs(['timings', 'talk.md', '--json'])).toEqual({kind: 'timings', deckFile: 'talk.md', isJson: true});
		expect(parseArgs(['timings', '--json'])).toEqual({kind: 'timings', isJson: true});
		expect(parseArgs(['timings', '--nope'])).toEqual({kind: 'usage-error', message: 'timings takes [FILE.md] [--json], not "--nope"'});
		expect(parseArgs(['timings', '--help'])).toEqual({kind: 'help'});
		expect(needsMeow(['timings', 'talk.md'])).toBe(false);
	});
});
