import {readFileSync} from 'node:fs';
import {beforeAll, describe, expect, test} from 'vitest';
import {type Block, blocksUpTo, blockTexts, revealedPart, revealUnits} from '../source/deck/blocks.js';
import {blockMarkdown} from '../source/deck/markdown.js';
import {checkDeck} from '../source/check/check.js';
import {codeTokens, hasHighlighter, layoutCode, styledLines, useHighlighter} from '../source/layout/code.js';
import {columnWidths, layoutBlock, narrowestColumn} from '../source/layout/layout.js';
import {nextStep} from '../source/layout/presenter-screen.js';
import {initNavigation} from '../source/model/navigation.js';
import {slideBody} from '../source/layout/slide-body.js';
import {hasCodeFence, loadHighlighterFor} from '../source/markdown/load.js';
import {parseMarkdownDeck} from '../source/markdown/parse-deck.js';
import {blockHtml} from '../source/outputs/export-html.js';
import {deckToMarkdown} from '../source/outputs/export-deck.js';
import {blockPlain} from '../source/outputs/print.js';
import {blockSpeech} from '../source/outputs/screen-reader.js';
import {followSlideHtml} from '../source/serve/page.js';
import {codeSpans, inlineParts, withoutCode} from '../source/text/code-spans.js';
import {lineText, lineWidth} from '../source/text/lines.js';
import {themes} from '../source/text/theme.js';

const head = '---\ntitle: T\noutlet: O\ndate: D\nauthor: A\n---\n\n# S\n\n## A\n\n';

/** The blocks of a one-slide deck with this body. */
function blocksOf(body: string): readonly Block[] {
	return parseMarkdownDeck(head + body).deck.slides[0]!.blocks;
}

function only<Kind extends Block['kind']>(body: string, kind: Kind): Extract<Block, {kind: Kind}> {
	const [block] = blocksOf(body);
	expect(block?.kind).toBe(kind);
	return block as Extract<Block, {kind: Kind}>;
}

const fixture = readFileSync(new URL('fixtures/code-and-columns.md', import.meta.url), 'utf8');
const article = readFileSync(new URL('../../shared/source/article.txt', import.meta.url), 'utf8');

describe('numbered and nested lists', () => {
	test('a numbered list keeps the number it starts from; a flat bulleted list stays bullets', () => {
		const list = only('3. three\n4. four\n', 'list');
		expect(list).toEqual({kind: 'list', ordered: true, start: 3, items: [{text: 'three'}, {text: 'four'}]});
		expect(only('- a\n- b\n', 'bullets').items).toEqual(['a', 'b']);
	});

	test('bullets in numbers and numbers in bullets, three deep', () => {
		const list = only('1. one\n   - under one\n     1. deeper\n2. two\n', 'list');
		expect(list.items[0]).toEqual({text: 'one', list: {ordered: false, start: 1, items: [{text: 'under one', list: {ordered: true, start: 1, items: [{text: 'deeper'}]}}]}});
		const bullets = only('- a\n  1. a one\n  2. a two\n- b\n', 'list');
		expect(bullets.ordered).toBe(false);
		expect(bullets.items[0]!.list).toEqual({ordered: true, start: 1, items: [{text: 'a one'}, {text: 'a two'}]});
	});

	test('a step is an item at any depth, in reading order: an item, then its own items', () => {
		const list = only('1. one\n   - one a\n   - one b\n2. two\n', 'list');
		expect(revealUnits(list)).toBe(4);
		expect(blockTexts(list)).toEqual(['one', 'one a', 'one b', 'two']);
		expect(revealedPart(list, 2)).toEqual({kind: 'list', ordered: true, start: 1, items: [{text: 'one', list: {ordered: false, start: 1, items: [{text: 'one a'}]}}]});
		expect(revealedPart(list, 0)).toBeUndefined();
	});

	test('laid out: numbers right-aligned, an item\'s list indented under its words, hidden steps keep their rows', () => {
		const list = only('9. nine\n   - under nine\n10. ten\n', 'list');
		const lines = layoutBlock(list, 40, 3).map(line => lineText(line));
		expect(lines).toEqual([' 9. nine', '    ◦ under nine', '10. ten']);
		const hidden = layoutBlock(list, 40, 1);
		expect(hidden.map(line => lineText(line))).toEqual([' 9. nine', '', '']);
		const deep = layoutBlock(only('- a\n  - b\n    - c\n', 'list'), 40, 3).map(line => lineText(line));
		expect(deep).toEqual(['• a', '  ◦ b', '    ▪ c']);
		for (const line of layoutBlock(only(`1. ${'word '.repeat(30)}\n   - ${'more '.repeat(30)}\n`, 'list'), 30, 2)) {
			expect(lineWidth(line)).toBeLessThanOrEqual(30);
		}
	});
});

describe('code blocks', () => {
	test('read with the language the fence names, tabs as four spaces, nothing else changed', () => {
		const code = only('```Python\nif x:\n\tprint("hi")  \n```\n', 'code');
		expect(code).toEqual({kind: 'code', lang: 'Python', text: 'if x:\n    print("hi")'});
		expect(only('```\nplain\n```\n', 'code')).toEqual({kind: 'code', text: 'plain'});
		expect(only('```\na\tb\nabcd\te\n```\n', 'code').text).toBe('a   b\nabcd    e');
		expect(revealUnits(code)).toBe(0);
	});

	test('laid out: the language over it, a bar before each line, a long line wrapped (at a space late in the row) and marked ↪', () => {
		const code = only(`\`\`\`sh\necho ${'word '.repeat(12)}\nx${'y'.repeat(50)}\n\`\`\`\n`, 'code');
		const lines = layoutCode(code, 30).map(line => lineText(line));
		expect(lines[0]).toBe('sh');
		expect(lines[1]).toBe('│ echo word word word word ');
		expect(lines[2]!.startsWith('│ ↪ word')).toBe(true);
		for (const line of layoutCode(code, 30)) {
			expect(lineWidth(line)).toBeLessThanOrEqual(30);
		}

		// Every character of the code is on screen, in order.
		const shown = lines.slice(1).map(line => line.replace(/^│ (↪ )?/, '')).join('');
		expect(shown.replaceAll(' ', '')).toBe(code.text.replaceAll(/\s/g, ''));
	});

	test('wide characters wrap by terminal cells, never cut in half', () => {
		const code = only('```\nprint("漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字") # 👩‍💻 done\n```\n', 'code');
		const lines = layoutCode(code, 21);
		for (const line of lines) {
			expect(lineWidth(line)).toBeLessThanOrEqual(21);
		}

		expect(lines.map(line => lineText(line).replace(/^│ (↪ )?/, '')).join('')).toBe(code.text);
	});

	describe('highlighted', () => {
		beforeAll(async () => {
			await loadHighlighterFor('```sh\n');
		});

		test('only a deck with a code fence loads the highlighter: drawings are not code', () => {
			expect(hasHighlighter()).toBe(true);
			expect(hasCodeFence('```drawn\n╭─╮\n```\n\nWords.\n')).toBe(false);
			expect(hasCodeFence('No fence at all.\n')).toBe(false);
			expect(hasCodeFence('```drawn\nx\n```\n\n~~~python\nx\n~~~\n')).toBe(true);
			expect(hasCodeFence('```\nplain code\n```\n')).toBe(true);
		});

		test('tokens in the theme\'s code roles, coloured in every colour theme and plain in the plain one (NO_COLOR)', () => {
			const code = only('```python\ndef f(x):\n    return "s" + 1  # note\n```\n', 'code');
			const roles = new Set(codeTokens(code).flat().map(token => token.role));
			for (const role of ['codeKeyword', 'codeName', 'codeString', 'codeNumber', 'codeComment'] as const) {
				expect(roles.has(role), role).toBe(true);
				for (const name of ['dark', 'light', 'high-contrast'] as const) {
					expect(themes[name].roles[role].color, `${name} ${role}`).toBeDefined();
				}

				expect(themes.plain.roles[role]).toEqual({});
			}

			// The words are the code's, whatever the roles.
			expect(codeTokens(code).map(line => line.map(token => token.text).join('')).join('\n')).toBe(code.text);
		});

		test('a language the highlighter does not know is plain code', () => {
			const code = only('```nonsense-language\nx = 1\n```\n', 'code');
			expect(codeTokens(code).flat().map(token => token.role)).toEqual(['code']);
		});

		test('without the highlighter (a show not yet loaded, the plain outputs) code is plain', async () => {
			const code = only('```python\ndef f(): pass\n```\n', 'code');
			const loaded = codeTokens(code);
			useHighlighter(undefined);
			try {
				expect(codeTokens(code).flat().map(token => token.role)).toEqual(['code']);
			} finally {
				await loadHighlighterFor('```sh');
			}

			expect(loaded.flat().length).toBeGreaterThan(1);
		});
	});
});

describe('inline code', () => {
	test('kept in backticks in the words, the show sets it apart, the checks leave it out', () => {
		const text = only('Call `f("quoted", 42)` or ``a`b`` now.\n', 'text').text;
		expect(text).toBe('Call `f("quoted", 42)` or ``a`b`` now.');
		expect(codeSpans(text).map(([start, end]) => text.slice(start, end))).toEqual(['`f("quoted", 42)`', '``a`b``']);
		expect(inlineParts(text).filter(part => part.isCode).map(part => part.text)).toEqual(['f("quoted", 42)', 'a`b']);
		expect(withoutCode(text)).toBe('Call   or   now.');
		const lines = styledLines(text, ['Call `f("quoted",', '42)` or ``a`b`` now.'], 'body');
		expect(lines.map(line => line.map(segment => segment.role))).toEqual([['body', 'inlineCode'], ['inlineCode', 'body', 'inlineCode', 'body']]);
	});

	test('in the exports: <code> in HTML, backticks in Markdown and plain text', () => {
		const block = only('Run `npm test` & see.\n', 'text');
		expect(blockHtml(block)).toBe('<p>Run <code>npm test</code> &amp; see.</p>');
		expect(blockMarkdown(block, 'memo')).toBe('Run `npm test` & see.');
		expect(blockPlain(block, 78)).toEqual(['Run `npm test` & see.']);
	});
});

test('inline code round-trips through the deck writer: in a table cell with a bar, in list items, with backticks in it; a lone backtick stays one', () => {
	for (const body of ['| a | b |\n| - | - |\n| `x \\| y` | z |\n', 'Some `code *here*` and ``a`b`` and `` `c ``.\n', '1. `one` first\n   - `two`\n', 'A lone \\` here.\n']) {
		const [block] = blocksOf(body);
		expect(blocksOf(blockMarkdown(block!, 'deck') + '\n')).toEqual([block]);
	}

	expect(only('| a | b |\n| - | - |\n| `x \\| y` | z |\n', 'table').rows).toEqual([['`x | y`', 'z']]);
});

describe('columns', () => {
	const body = '<!-- column_layout: [2, 1] -->\n\n<!-- column: 0 -->\n\n- left one\n- left two\n\n<!-- column: 1 -->\n\n**Right**\n\n- right one\n\n<!-- reset_layout -->\n\nUnder both.\n';

	test('read into one block, each column its blocks; what follows reset_layout is under them', () => {
		const [columns, under] = blocksOf(body);
		expect(columns).toEqual({
			kind: 'columns',
			widths: [2, 1],
			columns: [[{kind: 'bullets', items: ['left one', 'left two']}], [{kind: 'lead', text: 'Right'}, {kind: 'bullets', items: ['right one']}]],
		});
		expect(under).toEqual({kind: 'text', text: 'Under both.'});
		expect(revealUnits(columns!)).toBe(3);
	});

	test('side by side at their ratios, the steps through the first column first; one under another when too narrow', () => {
		const columns = blocksOf(body)[0]!;
		expect(columnWidths([2, 1], 76)).toEqual([48, 25]);
		const wide = layoutBlock(columns, 76, 1).map(line => lineText(line));
		expect(wide[0]).toBe('• left one' + ' '.repeat(48 - 10 + 3) + 'Right');
		expect(wide[1]).toBe('');
		expect(wide.join('\n')).not.toContain('right one');
		expect(layoutBlock(columns, 76, 3).map(line => lineText(line))[2]).toBe(' '.repeat(51) + '• right one');
		const narrow = layoutBlock(columns, narrowestColumn * 2, 3).map(line => lineText(line));
		expect(narrow).toEqual(['• left one', '• left two', '', 'Right', '', '• right one']);
	});

	test('written first column to last, the steps follow the file, which is column by column (presenterm\'s order)', () => {
		const columns = blocksOf(body)[0]!;
		expect(columns.kind === 'columns' && columns.runs).toBeUndefined();
		const at = (step: number) => layoutBlock(columns, 76, step).map(line => lineText(line)).join('\n');
		// In file order: left one, left two, right one.
		expect(at(1)).toMatch(/left one/);
		expect(at(1)).not.toMatch(/left two|right one/);
		expect(at(2)).toMatch(/left two/);
		expect(at(2)).not.toMatch(/right one/);
		expect(at(3)).toMatch(/right one/);
	});

	describe('written out of column order, the steps follow the file, as presenterm reveals them', () => {
		const jumbled = '<!-- column_layout: [1, 1] -->\n\n<!-- column: 1 -->\n\n- right one\n- right two\n\n<!-- column: 0 -->\n\n- left one\n\n<!-- pause -->\n\nLeft after the pause.\n\n<!-- column: 1 -->\n\n- right three\n\n<!-- reset_layout -->\n\nUnder both.\n';
		const deck = parseMarkdownDeck(head + jumbled).deck;
		const slide = deck.slides[0]!;
		const columns = slide.blocks[0]!;
		const at = (step: number) => layoutBlock(columns, 76, step).map(line => lineText(line)).join('\n');
		const order = ['right one', 'right two', 'left one', 'Left after the pause.', 'right three'];
		const shownAt = (text: string) => order.filter(words => text.includes(words));

		test('each step shows the next thing written: a bullet, a pause, whichever column it is in', () => {
			expect(revealUnits(columns)).toBe(5);
			expect(shownAt(at(1))).toEqual(order.slice(0, 1));
			expect(shownAt(at(2))).toEqual(order.slice(0, 2));
			expect(shownAt(at(3))).toEqual(order.slice(0, 3));
			expect(shownAt(at(4))).toEqual(order.slice(0, 4));
			expect(shownAt(at(5))).toEqual(order);
			// Still side by side: the left column on the left.
			const line = layoutBlock(columns, 76, 5).map(each => lineText(each)).find(each => each.includes('left one'))!;
			expect(line.indexOf('left one')).toBeLessThan(line.indexOf('right one'));
		});

		test('what is written under the layout waits for the pause in it too, as it comes after it in the file', () => {
			const shown = (step: number) => slideBody(slide, step, {columns: 80, rows: 24}).lines.map(line => lineText(line)).join('\n');
			expect(shown(3)).not.toContain('Under both.');
			expect(shown(4)).toContain('Under both.');
			expect(blocksUpTo(slide.blocks, 3)).toHaveLength(1);
		});

		test('the screen reader and the presenter\'s next step go the same way', () => {
			// Read column by column, as far as the step: the third step reaches left one, not yet what follows the pause.
			const spoken = blockSpeech(columns, 3).join(' ');
			expect(spoken).toMatch(/Column 1 of 2: .*left one.* Column 2 of 2: .*right one.*right two/);
			expect(spoken).not.toMatch(/after the pause|right three/);
			expect(nextStep(deck, {...initNavigation({units: [slide.units]}), step: 2}).text).toContain('left one');
		});

		test('the deck written back keeps the order, and reads back the same', () => {
			const written = deckToMarkdown(deck);
			expect(written.indexOf('<!-- column: 1 -->')).toBeLessThan(written.indexOf('<!-- column: 0 -->'));
			expect(parseMarkdownDeck(written).deck.slides[0]!.blocks).toEqual(slide.blocks);
		});
	});

	test('the screen at 80x24 and 200x50 holds no row wider than the terminal', () => {
		const deck = parseMarkdownDeck(fixture.replace('../../../shared/source/article.txt', '/dev/null')).deck;
		for (const size of [{columns: 80, rows: 24}, {columns: 200, rows: 50}, {columns: 50, rows: 20}]) {
			for (const slide of deck.slides) {
				for (let step = 0; step <= slide.units; step++) {
					for (const line of slideBody(slide, step, size).lines) {
						expect(lineWidth(line)).toBeLessThanOrEqual(size.columns);
					}
				}
			}
		}
	});
});

test('centred on the title slide of a projector, a list moves as one: its nested items stay under their words, and no step moves it', () => {
	const deck = parseMarkdownDeck(fixture).deck;
	const slide = deck.slides[0]!;
	const column = (step: number, words: string) => {
		const line = slideBody(slide, step, {columns: 200, rows: 50}).lines.map(each => lineText(each)).find(each => each.includes(words));
		return line?.indexOf(words);
	};

	const first = column(1, 'Take on sanctuary cities');
	expect(first).toBeGreaterThan(40);
	for (let step = 1; step <= slide.units; step++) {
		expect(column(step, 'Take on sanctuary cities')).toBe(first);
	}

	expect(column(5, 'that refuse to work')).toBe(first! + 2);
	expect(column(5, 'for jumping the border')).toBe(first! + 3);
});

test('centred on the title slide of a projector, bullets and a table move as one too: each bullet starts in the same column, a wrapped line under its words, a table\'s bars lined up', () => {
	const long = 'Homeland Security Secretary Alejandro Mayorkas says he is preparing to take on sanctuary cities that refuse to work with ICE';
	const text = `${head.replace('## A\n\n', '## Opening\n\n')}- ${long}\n- Short\n- A middle-sized bullet\n\n| Who | Said |\n| - | - |\n| A long name here | yes |\n| B | no |\n`;
	const slide = parseMarkdownDeck(text).deck.slides[0]!;
	const lines = slideBody(slide, slide.units, {columns: 200, rows: 50}).lines.map(each => lineText(each));
	const starts = lines.filter(line => line.includes('• ')).map(line => line.indexOf('• '));
	expect(starts).toHaveLength(3);
	expect(new Set(starts).size).toBe(1);
	const wrapped = lines.findIndex(line => line.includes('Homeland')) + 1;
	expect(lines[wrapped]!.search(/\S/)).toBe(starts[0]! + 2);
	const bars = lines.filter(line => line.includes('│')).map(line => line.indexOf('│'));
	expect(bars.length).toBeGreaterThanOrEqual(3);
	expect(new Set(bars).size).toBe(1);
});

describe('the fixture deck in every output', () => {
	const {deck} = parseMarkdownDeck(fixture);

	test('its --export deck reads back into the same slides, and writes itself again the same', () => {
		const once = deckToMarkdown(deck);
		const back = parseMarkdownDeck(once).deck;
		expect(back.slides.map(slide => slide.blocks)).toEqual(deck.slides.map(slide => slide.blocks));
		expect(deckToMarkdown(back)).toBe(once);
	});

	test('check: code holds no quote and no number, inline code neither; the rest is held as ever', () => {
		expect(checkDeck(deck, article)).toEqual([]);
		const wrong = parseMarkdownDeck(fixture.replace('Both columns cite', 'All 99 columns cite')).deck;
		expect(checkDeck(wrong, article).map(problem => problem.text)).toEqual(['99']);
	});

	test('the screen reader reads list items with their numbers, code line by line, each column', () => {
		const [list] = deck.slides[0]!.blocks;
		expect(blockSpeech(list!, 2)).toEqual(['Item 1: Take on sanctuary cities.', 'Sub-bullet 1 of 1: that refuse to work with ICE.']);
		const code = deck.slides[2]!.blocks[0]!;
		expect(blockSpeech(code, 0)).toEqual(['Code in python, 3 lines:', ...(code as {text: string}).text.split('\n')]);
		const speech = blockSpeech(deck.slides[3]!.blocks[0]!, 1);
		expect(speech).toEqual(['Column 1 of 2:', 'Lead: Mayorkas.', 'Bullet 1 of 2: ICE has a “noble mission”', 'Column 2 of 2:', 'Code in ts, 1 line:', 'const stance = {abolish: false, mission: \'noble\'};']);
	});

	test('HTML: a numbered list from its number, code in <pre> with its language, columns side by side', () => {
		const html = deck.slides.flatMap(slide => slide.blocks.map(block => blockHtml(block))).join('\n');
		expect(html).toContain('<ol><li>Take on sanctuary cities<ul><li>that refuse to work with ICE</li></ul></li>');
		expect(html).toContain('<span class="lang">python</span><pre><code class="language-python"># &quot;every number here is code&quot;, not a quote\ndef book_ins');
		expect(html).toContain('<div class="columns"><div class="fr1"><p class="lead">Mayorkas</p>');
		expect(blockHtml(only('5. five\n', 'list'))).toBe('<ol start="5"><li>five</li></ol>');
	});

	test('the follow page shows the audience only the steps revealed: list items at any depth, the columns\' bullets', () => {
		const first = followSlideHtml(deck, 0, 2);
		expect(first).toContain('that refuse to work with ICE');
		expect(first).not.toContain('More criminal prosecution');
		const columns = followSlideHtml(deck, 3, 1);
		expect(columns).toContain('ICE has a “noble mission”');
		expect(columns).not.toContain('Opposed to the abolition');
		expect(columns).toContain('const stance');
		expect(columns).not.toContain('style=');
	});
});
