import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {type Block, type List, revealUnits} from '../source/deck/blocks.js';
import {blockMarkdown} from '../source/deck/markdown.js';
import {layoutBlock} from '../source/layout/layout.js';
import {parseMarkdownDeck} from '../source/markdown/parse-deck.js';
import {codeSpan} from '../source/text/code-spans.js';
import {lineWidth} from '../source/text/lines.js';

/** Any list, code or column layout the deck writer writes reads back the same, and lays out within its width (from the narrowest column, 24) at every step. */
const head = '---\ntitle: T\noutlet: O\ndate: D\nauthor: A\n---\n\n# S\n\n## A\n\n';

/** Words as the reader gives them: single spaces, Markdown's marks among them, inline code as `codeSpan` writes it. */
const words = fc
	.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.*_<>#|\\-]{0,30}[A-Za-z0-9.]$/), fc.option(fc.stringMatching(/^[!-~][ -~]{0,12}[!-~]$/), {nil: undefined}))
	.map(([text, code]) => (code === undefined ? text : `${text} ${codeSpan(code)}`))
	.filter(text => !/\s{2}/.test(text));

const list = (depth: number): fc.Arbitrary<List> =>
	fc.record({
		ordered: fc.boolean(),
		start: fc.integer({min: 0, max: 120}),
		items: fc.array(
			fc.record({text: words, list: depth < 2 ? fc.option(fc.constant(undefined).chain(() => list(depth + 1)), {nil: undefined, freq: 3}) : fc.constant(undefined)}),
			{minLength: 1, maxLength: 4},
		),
	});

/** As the reader gives it: an unordered list starts at 1, an item without a list has no `list` key. */
function normal(value: List): List {
	return {
		ordered: value.ordered,
		start: value.ordered ? value.start : 1,
		items: value.items.map(item => (item.list ? {text: item.text, list: normal(item.list)} : {text: item.text})),
	};
}

const code = fc.record({
	kind: fc.constant('code' as const),
	lang: fc.option(fc.constantFrom('python', 'ts', 'sh', 'rust'), {nil: undefined}),
	text: fc.array(fc.stringMatching(/^[ -~]{0,60}$/).map(row => row.trimEnd()), {minLength: 1, maxLength: 6}).map(rows => rows.join('\n')),
});

function readBack(block: Block): readonly Block[] {
	return parseMarkdownDeck(head + blockMarkdown(block, 'deck') + '\n').deck.slides[0]!.blocks;
}

describe('the new blocks through the deck writer and the layout', {timeout: 30_000}, () => {
	test('a nested or numbered list reads back the same and fits its width at every step', () => {
		fc.assert(
			fc.property(list(0), fc.integer({min: 24, max: 90}), (value, width) => {
				const nested = value.items.some(item => item.list);
				fc.pre(value.ordered || nested);
				const block: Block = {kind: 'list', ...normal(value)};
				expect(readBack(block)).toEqual([block]);
				for (let step = 0; step <= revealUnits(block); step++) {
					for (const line of layoutBlock(block, width, step)) {
						expect(lineWidth(line)).toBeLessThanOrEqual(width);
					}
				}
			}),
			{numRuns: 80},
		);
	});

	test('code reads back the same and fits its width; columns of them too', () => {
		fc.assert(
			fc.property(code, code, fc.integer({min: 8, max: 100}), (first, second, width) => {
				const block: Block = first.lang ? first : {kind: 'code', text: first.text};
				fc.pre(block.text.trim() !== '');
				expect(readBack(block)).toEqual([block]);
				for (const line of layoutBlock(block, width, 0)) {
					expect(lineWidth(line)).toBeLessThanOrEqual(Math.max(width, 6));
				}

				const columns: Block = {kind: 'columns', widths: [2, 1], columns: [[block], [second.lang ? second : {kind: 'code', text: second.text}]]};
				fc.pre(second.text.trim() !== '');
				expect(readBack(columns)).toEqual([columns]);
			}),
			{numRuns: 60},
		);
	});
});
