import {pathToFileURL} from 'node:url';
import {build, type Plugin} from 'esbuild';
import fc from 'fast-check';
import {beforeAll, describe, expect, it} from 'vitest';
import {bundles} from './helpers/build-script.js';
import {isNarrowText, isOneGraphemeEach, NarrowFirstSegmenter, narrowFirstWidth} from '../source/boot/vendor-text.js';
import {deck} from '../slides/index.js';
import {loadInk} from '../source/deck/drawn.js';
import {deckText} from '../source/outputs/print.js';

// The handout draws the deck's Ink components: Ink first.
await loadInk();

/**
The vendor bundle measures and segments narrow text itself and leaves any other to Ink's own
string-width modules and Intl.Segmenter (source/boot/vendor-text.ts). Every character of the narrow
set is held here to what those modules answer, and so is text of every kind.
*/
type StringWidth = (text: string, options?: {ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean}) => number;

const segmenter = new Intl.Segmenter();
const graphemes = (text: string) => [...segmenter.segment(text)].map(({segment, index}) => ({segment, index}));

/** Each string-width module the vendor bundle holds behind narrowFirstWidth, from its build graph. */
let widths: Array<{file: string; stringWidth: StringWidth}>;

beforeAll(async () => {
	const result = await build({...bundles.vendor, outfile: undefined, outdir: 'dist-graph', write: false, metafile: true, logLevel: 'silent'});
	const files = Object.keys(result.metafile.inputs)
		.filter(input => input.startsWith('module:') && input.endsWith('/string-width/index.js'))
		.map(input => input.slice('module:'.length));
	widths = await Promise.all(files.map(async file => ({file, stringWidth: ((await import(pathToFileURL(file).href)) as {default: StringWidth}).default})));
});

/** Every code point the narrow-text expression takes (the basic plane, one by one). */
const narrowCharacters = Array.from({length: 0x1_00_00}, (_, code) => String.fromCharCode(code)).filter(character => isNarrowText(character));

const controls = Array.from({length: 0xA0}, (_, code) => String.fromCharCode(code)).filter(character => /\p{Cc}/u.test(character));

describe('narrow text', () => {
	it('is measured by both string-width modules Ink bundles (its own and wrap-ansi\'s)', () => {
		expect(widths.map(({file}) => file.replace(/^.*?node_modules\//, ''))).toEqual(
			expect.arrayContaining(['string-width/index.js', 'wrap-ansi/node_modules/string-width/index.js']),
		);
	});

	it('is made of characters that are each one column wide to every string-width module', () => {
		expect(narrowCharacters.length).toBeGreaterThan(1000);
		for (const {file, stringWidth} of widths) {
			const wide = narrowCharacters.filter(character => stringWidth(character) !== 1);
			expect(wide, file).toEqual([]);
		}
	});

	it('is made of characters that are each a grapheme of their own, whatever stands beside them; so are the control characters but CR', () => {
		for (const character of [...narrowCharacters, ...controls.filter(control => control !== '\r')]) {
			for (const pair of [`a${character}`, `${character}a`, `${character}${character}`]) {
				expect(graphemes(pair).length, `U+${character.charCodeAt(0).toString(16)} in ${JSON.stringify(pair)}`).toBe(2);
			}
		}

		expect(isOneGraphemeEach('\r\n')).toBe(false);
		expect(isOneGraphemeEach('\u001B[1mbold\u001B[22m \u2014 \u2022')).toBe(true);
		expect(isNarrowText('\u001B[1mbold')).toBe(false);
	});

	it('holds every character the built-in deck\'s handout and the show\'s symbols use but \u25B6 (which wrap-ansi\'s string-width counts two columns wide)', () => {
		const text = deckText(deck);
		const outside = [...new Set(text.replaceAll('\n', ''))].filter(character => !isNarrowText(character));
		expect(outside).toEqual([]);
		expect(isNarrowText('\u25B6')).toBe(false);
	});
});

describe('narrowFirstWidth', () => {
	const texts = [
		'',
		'plain',
		deckText(deck).split('\n').find(line => line.includes('\u2014')) ?? '',
		'\u001B[36mcyan\u001B[39m \u2022 text',
		'caf\u00E9 \u2014 \u201Cquoted\u201D \u2026',
		'e\u0301 combining',
		'\u{1F600} emoji, \u2764\uFE0F, \u{1F1FA}\u{1F1F8} flag',
		'\u4E2D\u6587 wide, \uFF21 fullwidth',
		'\u25B6 \u2194 \u00A9 \u203C text-style emoji',
		'\u00AD soft hyphen, \u200B zero width',
		'tab\there, bell\u0007',
	];

	it('answers what each real string-width module answers, with and without options, and loads it only for text that is not narrow', () => {
		for (const {file, stringWidth} of widths) {
			let loads = 0;
			const width = narrowFirstWidth(() => {
				loads++;
				return stringWidth;
			});
			for (const text of texts.filter(text => isNarrowText(text))) {
				expect(width(text), `${file}: ${JSON.stringify(text)}`).toBe(stringWidth(text));
			}

			expect(loads).toBe(0);
			for (const text of texts) {
				for (const options of [undefined, {}, {ambiguousIsNarrow: false}, {countAnsiEscapeCodes: true}]) {
					expect(width(text, options), `${file}: ${JSON.stringify(text)} ${JSON.stringify(options)}`).toBe(stringWidth(text, options));
				}
			}

			expect(loads).toBe(1);
		}
	});

	it('answers what the real modules answer for any text drawn from narrow characters, controls, marks, emoji and wide characters', () => {
		const pieces = fc.constantFrom(...narrowCharacters.slice(0, 400), ...narrowCharacters.slice(-400), '\u001B[1m', '\u001B[0m', '\u0301', '\u{1F600}', '\u4E2D', '\u200D', '\r', '\n', '\u25B6');
		for (const {stringWidth} of widths) {
			const width = narrowFirstWidth(() => stringWidth);
			fc.assert(
				fc.property(fc.array(pieces, {maxLength: 12}), parts => {
					const text = parts.join('');
					expect(width(text)).toBe(stringWidth(text));
				}),
			);
		}
	});
});

describe('NarrowFirstSegmenter', () => {
	const segmentsOf = (segments: Iterable<{segment: string; index: number}>) => [...segments].map(({segment, index}) => ({segment, index}));

	it('splits text as Intl.Segmenter does, containing() included, and makes a real segmenter only for text that is not one grapheme each', () => {
		const made: unknown[] = [];
		const intl = Intl as unknown as {Segmenter: typeof Intl.Segmenter};
		const RealSegmenter = intl.Segmenter;
		intl.Segmenter = class extends RealSegmenter {
			constructor(...options: ConstructorParameters<typeof Intl.Segmenter>) {
				super(...options);
				made.push(options);
			}
		};
		try {
			const narrowFirst = new NarrowFirstSegmenter(undefined, {granularity: 'grapheme'});
			const styled = '\u001B[36m\u2022 caf\u00E9 \u2014 \u201Cquoted\u201D\u001B[39m';
			expect(segmentsOf(narrowFirst.segment(styled))).toEqual(graphemes(styled));
			for (const index of [-1, 0, 3, styled.length - 1, styled.length, 2.7]) {
				const real = segmenter.segment(styled).containing(index);
				expect(narrowFirst.segment(styled).containing(index), `containing(${index})`).toEqual(real);
			}

			expect(made).toEqual([]);
			const mixed = 'e\u0301 \u{1F600}\u200D\u{1F600} \r\n';
			expect(segmentsOf(narrowFirst.segment(mixed))).toEqual(graphemes(mixed));
			expect(made).toHaveLength(1);
		} finally {
			intl.Segmenter = RealSegmenter;
		}
	});

	it('splits any text as Intl.Segmenter does', () => {
		const narrowFirst = new NarrowFirstSegmenter();
		const pieces = fc.constantFrom(...narrowCharacters.slice(0, 300), ...controls, '\u0301', '\u{1F600}', '\u200D', '\u{1F1FA}', '\u1100', '\u1161', '\u25B6', '\uFE0F');
		fc.assert(
			fc.property(fc.array(pieces, {maxLength: 12}), parts => {
				const text = parts.join('');
				expect(segmentsOf(narrowFirst.segment(text))).toEqual(graphemes(text));
				expect(narrowFirst.segment(text).containing(1)).toEqual(segmenter.segment(text).containing(1));
			}),
		);
	});

	it('refuses a granularity other than graphemes', () => {
		expect(() => new NarrowFirstSegmenter(undefined, {granularity: 'word'})).toThrow(/grapheme/);
	});
});

describe('the build', () => {
	/** A plugin that stands an empty module in for `name`: Ink no longer using it. */
	const gone = (name: string): Plugin => ({
		name: `gone-${name}`,
		setup(builder) {
			builder.onResolve({filter: new RegExp(`^${name.replaceAll('/', '\\/')}$`)}, () => ({path: name, namespace: 'gone'}));
			builder.onLoad({filter: /.*/, namespace: 'gone'}, () => ({contents: 'export default text => text;\n'}));
		},
	});

	it.each(['slice-ansi', 'string-width'])('fails when the vendor bundle no longer holds %s, rather than bundle Ink unpatched', async name => {
		await expect(
			build({...bundles.vendor, outfile: undefined, outdir: 'dist-graph', write: false, logLevel: 'silent', plugins: [gone(name), ...bundles.vendor.plugins]}),
		).rejects.toThrow(new RegExp(`holds no ${name.replace('/', '\\/')} to patch`));
	});
});
