import meow from 'meow';
import {expect, test} from 'vitest';
import {parseArgs} from '../source/parse-args.js';

/** `--follow` and `--serve` on the command line: what they go with, and what not. */
const parse = (...argv: string[]) => parseArgs(argv, meow);

test('--follow is a follower view; --serve keeps its address for the audience view, and takes --duration', () => {
	expect(parse('--follow')).toMatchObject({kind: 'present', view: 'follower'});
	expect(parse('deck.md', '--follow', '--screen-reader', '--theme', 'light')).toMatchObject({view: 'follower', isScreenReader: true, theme: 'light', deckFile: 'deck.md'});
	expect(parse('--serve', '8080')).toMatchObject({view: 'audience', serve: '8080'});
	expect(parse('--serve=0.0.0.0:8080', '--duration', '20m')).toMatchObject({view: 'audience', serve: '0.0.0.0:8080', duration: '20m'});
});

test.each([
	[['--follow', '--presenter'], 'use --follow or --presenter, not both (a follower only watches the show)'],
	[['--follow', '--rehearse'], 'use --follow or --rehearse, not both (a follower only watches the show)'],
	[['--follow', '--serve', '80'], 'use --follow or --serve, not both (a follower only watches the show)'],
	[['--serve', '80', '--presenter'], '--serve runs in the audience view: use it without --presenter'],
	[['--serve', '80', '--print'], '--serve runs in the audience view: use it without --print'],
	[['--serve'], '--serve takes a value (PORT)'],
	[['--follow', '--duration', '5m'], '--duration "5m" plans the presenter view: use it with --presenter'],
])('%j is a usage error', (argv, message) => {
	expect(parse(...argv)).toEqual({kind: 'usage-error', message});
});
