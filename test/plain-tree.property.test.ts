import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {deckNodes, micromarkTree} from '../source/markdown/parse-deck.js';
import {plainTree} from '../source/markdown/plain-tree.js';
import {splitDeck} from '../source/markdown/split.js';
import {sizedDeck} from './bench/decks.mjs';

/** The plain reader gives micromark's tree exactly, or gives none. */
function expectSameOrNone(text: string): boolean {
	const tree = plainTree(text);
	if (tree) {
		expect(tree, JSON.stringify(text)).toEqual(micromarkTree(text));
	}

	return tree !== undefined;
}

const plain = [
	'## Slide 1: the secretary\n\n- one two\n- three four\n<!-- paragraphs: 1 -->\n',
	'---\ntitle: A deck\ndate: April 6, 2021\n---\n\n# Part 1\n',
	'# Part\n\n## A slide {#its-id}\n\nA paragraph\nof two lines.\n\n1. first\n2. second\n\n3) other\n',
	'## T\n\nWords:\n- a bullet\n- another\n\n<!--\nspeaker_note: a note\nover two lines\n-->\n\n---\n\n## Next\n',
	'## Ünïcödé 注意 😀\n\n- “Quoted,” he said (once).\n- 2021 was 50% of it; 3 + 4 = 7.\n',
	'## T\n\n<!-- pause -->\n\n* star\n* items\n\n+ plus\n\n***\n\n___\n',
	'',
	'\n\n',
	'## T',
	'## A *starred* word {#headline}\n\n- **7,000** agents, `code` and *more*.\n- **Obama years**: a post\n\n**He rejected it.**\nThen `x` **y**\n*z*\n',
	'## T\n\n`  spaced ` and `a` `b`\n',
	'## T\n\nAn example:\n```ts title\nconst a = *b* <c> & d;  \n\n```\n~~~\n~~~~\n````drawn\n```\n````\n',
	'## T\n\n- a\n  - b\n    - c\n  - d\n- e\n\n1. x\n   - y\n   - z\n2. w\n   1. v\n',
	'## T\n\n[The **story**](https://example.com/a_b?c=1#d), and [`code`](x).\n- [An item](https://x.y/z)\n',
	'---\r\ntitle: x\r\n---\r\n\r\n## T\r\n\r\nTwo **lines**\r\nof words\r\n\r\n<!--\r\nnote\r\n-->\r\n> a\r\n> quote\r\n',
	'## T\n\n| Part | Value |\n| --- | ---: |\n| **Agents** | 7,000 |\n|  | `x` |\n| :-- | left |\n\n<!-- bars -->\n| a | 1 |\n|:-:|-|\n',
	'## T\n\n> “I’m **100%** opposed”\n> on two lines\n>\n> — A Speaker, *a title*\n\n> Another\n',
];

const notPlain = [
	'## T\n\n- a*b*c\n',
	'## T\n\n- ***both***\n',
	'## T\n\nA `` double `` tick\n',
	'## T\n\n__under__ lines\n',
	'## T\n\nA [link](x y)\n',
	'## T\n\nAn ![image](x)\n',
	'## T\n\nA [link](x&amp;y)\n',
	'## T\n\n[ref]: https://x.y\n',
	'## T\n\n> a quote\nlazy\n',
	'## T\n\n>a quote\n',
	'## T\n\nWords\n> a quote\n',
	'## T\n\n| a | b |\n| - |\n',
	'## T\n\n| a | b |\n| - | - |\nnext\n',
	'## T\n\nWords\n| a | b |\n| - | - |\n',
	'## T\n\n```\nnever closed\n',
	'## T\n\n```js\ncode\n~~~\n',
	'## T\n\nText\n---\n',
	'## T\n\n- a\n\n- loose\n',
	'## T\n\n- item\nlazy line\n',
	'## T\n\n- a\n   - three spaces\n',
	'## T\n\n1. a\n   2. from two\n',
	'## T\n\n- a\n\n  - after a blank\n',
	'## T\n\n- a\n  continued\n',
	'## T\n\nSee www.example.com\n',
	'## T\n\nhard break  \nhere\n',
	'## T\n\n<!-- never closed\n',
	'---\ntitle: never closed\n',
];

describe('the plain reader', () => {
	test.each(plain)('reads %j as micromark does', text => {
		expect(expectSameOrNone(text)).toBe(true);
	});

	test.each(notPlain)('leaves %j to micromark', text => {
		expect(plainTree(text)).toBeUndefined();
	});

	test('reads every piece of a generated deck, as micromark does', () => {
		const deck = sizedDeck(40);
		for (const piece of splitDeck(deck)) {
			expect(expectSameOrNone(piece.text), piece.text).toBe(true);
		}
	});

	test('every piece of every fixture and example deck it reads, it reads as micromark does', () => {
		const folders = ['test/fixtures', 'test/fixtures/formats', 'docs/examples'];
		let read = 0;
		for (const folder of folders) {
			for (const name of readdirSync(folder).filter(file => file.endsWith('.md'))) {
				for (const piece of splitDeck(readFileSync(path.join(folder, name), 'utf8'))) {
					read += expectSameOrNone(piece.text) ? 1 : 0;
				}
			}
		}

		expect(read).toBeGreaterThan(20);
	});

	test('a whole deck read piece by piece, plain pieces without micromark, gives the nodes micromark gives the whole file, at the file\'s places', () => {
		for (const file of ['docs/examples/town-hall.md', 'test/fixtures/every-primitive.md', 'test/fixtures/library-report.md', 'test/fixtures/timed-deck.md']) {
			const text = readFileSync(file, 'utf8');
			expect([...deckNodes(text)], file).toEqual(micromarkTree(text).children);
		}

		const generated = sizedDeck(60);
		expect([...deckNodes(generated)]).toEqual(micromarkTree(generated).children);
	});

	test('any table: micromark\'s tree or none', () => {
		const cell = fc.constantFrom('', ' ', 'a', ' a ', '  7,000 ', '**b**', ' *e* ', '`c`', '` | `', 'x y', '-', ':-:', '\\|', '[l]', ' <b> ', '注意', '😀');
		const align = fc.constantFrom('-', '---', ':-', '-:', ':-:', ' --- ', ':', '', '-- -');
		const row = (count: number) => fc.array(cell, {minLength: count, maxLength: count}).map(cells => `|${cells.join('|')}|`);
		const table = fc.integer({min: 1, max: 4}).chain(count =>
			fc.tuple(row(count), fc.array(align, {minLength: count, maxLength: count}).map(cells => `|${cells.join('|')}|`), fc.array(fc.oneof(row(count), row(count + 1), fc.constantFrom('| a', 'a |', 'words')), {maxLength: 4}), fc.constantFrom('', '\n', '\n\nafter', '\nafter')),
		);
		let read = 0;
		fc.assert(
			fc.property(table, ([header, delimiter, rows, after]) => {
				read += expectSameOrNone(`## T\n\n${[header, delimiter, ...rows].join('\n')}${after}`) ? 1 : 0;
			}),
			{numRuns: Number(process.env.PLAIN_RUNS ?? 3000)},
		);
		expect(read).toBeGreaterThan(100);
	});

	test('any text of Markdown-like lines: micromark\'s tree or none', () => {
		const word = fc.constantFrom('words', 'Más', '注意', '😀', '2021', 'a:b', "it's", '“q”', '(x)', '50%', '#', '{#id}', '-', '*', '_', '`', '[x]', '<b>', '&amp;', 'www.x.y', 'http://x', 'a@b.c', '\\', '~', '|', '1.', '1)', '---', '***', '=', '-->', '<!--', '**b**', '*e*', '`c`', '` c `', '`*`', '**b c.**', '*e:*', '**x*', '*x', 'x*', 'a**b**', '**b**c', '**b**.', '(**b**)', '***x***', '`', '``x``', '`<a>`', '*“q”*', '**7,000**', '*x*,', '`x`y', '[a](https://x.y)', '[**b**](u)', '![i](u)', '[a](u v)', '[](u)', '[a](%20)', '[a](x&y)', 'a[b](c)d', '[a]', '[a] (b)', '[a](<u>)', '[*e*](u)', '[a](u)[b](v)', '[a](é)');
		const words = fc.array(word, {minLength: 1, maxLength: 5}).map(parts => parts.join(' '));
		const line = fc.oneof(
			{weight: 3, arbitrary: words},
			{weight: 2, arbitrary: fc.constant('')},
			fc.tuple(fc.constantFrom('', '', '  ', '   ', '    ', ' ', '     '), fc.constantFrom('- ', '* ', '+ ', '1. ', '2. ', '1) ', '10. '), words).map(([indent, marker, text]) => indent + marker + text),
			fc.tuple(fc.constantFrom('# ', '## ', '### ', '####### ', '#'), words).map(([marker, text]) => marker + text),
			fc.constantFrom('---', '***', '___', '===', '<!-- paragraphs: 3 -->', '<!--', '-->', '<!-->', '<!--->', '  - indented', 'trailing ', '\ttab', '- ', '-', '> quote', '    code', '>', '> ', '>a', '> > x', '> - x', '> # x', '> — Someone', '> *e* and `c`', '— dash', '```', '```js', '~~~', '````', '``` js x', '```a`b', '~~~ a`b', '```js ', '```js  two', '``` &amp;', 'a <b> *c* & d', '| a | b |', '| --- | :-: |', '|-|-|', '|x|', '| a |', '| *e* | `c` |', '|  | b |', '| a | b', '| a \\| b |', '| :--- | ---: |'),
		);
		// Line ends of either kind, mixed: micromark keeps each as written in a value that spans lines.
		const ending = fc.constantFrom('\n', '\n', '\r\n');
		const texts = fc.array(fc.tuple(line, ending), {minLength: 1, maxLength: 8}).map(all => all.map(([text, end]) => text + end).join('').replace(/\r?\n$/, ''));
		let read = 0;
		fc.assert(
			fc.property(texts, fc.boolean(), (text, front) => {
				read += expectSameOrNone(front ? `---\ntitle: x\n---\n${text}` : text) ? 1 : 0;
			}),
			{numRuns: Number(process.env.PLAIN_RUNS ?? 3000)},
		);
		// The texts are mostly plain enough that the reader is tried, not just refused.
		expect(read).toBeGreaterThan(100);
	});
});
