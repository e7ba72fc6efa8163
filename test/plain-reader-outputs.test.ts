import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, test, vi} from 'vitest';

/**
What a presenter sees does not depend on which reader read a slide: every output of every deck (the
fixtures, the example, and decks written at the plain reader's edges) is the same when the plain readers
(plain-tree.ts, plain-fields.ts) read what they can and when micromark and the YAML library read it
all; and the show's lazy reading of a big deck gives the same slides as the whole read. A deck that
does not parse says the same sentence at the same place either way.
*/
const fixtureDecks = ['fixtures/', 'fixtures/formats/', '../docs/examples/'].flatMap(folder =>
	readdirSync(new URL(folder, import.meta.url))
		.filter(name => name.endsWith('.md'))
		.map(name => [folder + name, readFileSync(new URL(folder + name, import.meta.url), 'utf8')] as const),
);

const head = '---\ntitle: Edges\noutlet: The Outlet\ndate: April 6, 2021\nauthor: A. Writer\n---\n\n# Part\n\n';
const slide = (body: string) => `${head}## A slide\n\n${body}\n`;

const edges: ReadonlyArray<readonly [string, string]> = [
	['stars by punctuation', slide('- *word*, then **bold**. (*a*) “*quoted*” and *émigré* and *日本*\n- 5 * 3 is **62%** of it\n- **bold**text and *a*b*c* and ***both***')],
	['code spans', slide('- `a` and ``b`` and `c`d` and ` spaced ` and `**not bold**`\n- a line `with code` at the end `x`')],
	['numbered lists', slide('3. three\n4. four\n\n1) one\n2) two')],
	['list markers', slide('- a\n- b\n\n* c\n* d\n\n+ e\n+ f')],
	['a loose list', slide('- a\n\n- b')],
	['headings', slide('### A heading ###\n\n### Heading #hash\n\n###   Spaced\n\n####### seven')],
	['comments', slide('<!-- speaker_note: one\ntwo -->\n\n- a\n<!-- pause -->\n- b\n<!--speaker_note:tight-->')],
	['quotes', slide('> “Words,” he said\n> on two lines\n>\n> — A Name, *role*')],
	['tables', slide('| a | b |\n| :-: | --: |\n| 1 | 2 |\n| 3 \\| 4 | 5 |\n\nTable: a caption')],
	['a setext heading under words', slide('Words\n---\n\nMore')],
	['rules', `${head}## One\n\nWords\n\n***\n\n## Two\n\nWords\n___\n\n## Three\n\n- a\n---\n## Four`],
	['digits that start lines', slide('2021 was a year.\n\n1.5 million people\n\n2021. A list?')],
	['entities and escapes', slide('- AT&amp;T and &copy; and \\*not\\* and 5 \\< 6')],
	['hard breaks and tabs', slide('Words  \nnext line\n\n\tindented code\n\n- tab\there')],
	['lazy lines', slide('- item\ncontinued lazily\n- next\n\nA paragraph\n  indented')],
	['a lazy line in a quote', slide('> “Words”\nlazy\n>\n> — A Name')],
	['links', slide('- [a link](https://example.com) and https://example.com and www.example.com and a@b.example')],
	['quotation marks', slide('"Straight quotes" and ‘single’ and (parentheses) and — dashes –')],
	['leads and facts', slide('**The lead sentence.**\n\n**62%** fewer book-ins\n\n*A source line*')],
	['CJK and emoji', slide('- 你好，世界 🎉 **粗体** *斜体*\n- مرحبا 123 English\n- 👨‍👩‍👧 👍🏽')],
	['trailing spaces', slide('- a \n- b\t\n\nwords ')],
	['front matter quoted', '---\ntitle: "Quoted: a title"\nauthor: \'A. Writer\'\n---\n\n# Part\n\n## A slide\n\nWords.\n'],
	['front matter a YAML date', '---\ntitle: Dated\ndate: 2021-04-06\noutlet: O\n---\n\n# Part\n\n## A slide\n\nWords.\n'],
	['front matter numbers and words YAML reads', '---\ntitle: 2021\nauthor: yes\noutlet: on\n---\n\n# Part\n\n## A slide\n\nWords.\n'],
	['front matter a path and a url', '---\ntitle: Paths\nsource: ../article.txt\nurl: https://example.com/a?b=c#d\n---\n\n# Part\n\n## A slide\n\nWords.\n'],
	['front matter folded', '---\ntitle: >-\n  Folded\n  title\nduration: 20m\n---\n\n# Part\n\n## A slide\n\nWords.\n'],
	['front matter a comment', '---\ntitle: A title # a comment\n---\n\n# Part\n\n## A slide\n\nWords.\n'],
	['titles', `${head}## A *starred* title with \`code\` {#starred}\n\nWords.\n\n## 2021: a year ##\n\nWords.\n\n## Emoji 🎉 and 你好   \n\nWords.\n\n# A **bold** section\n\n## [A link](https://example.com) title\n\n- a\n\n## snake_case and AT&T\n\n- b\n`],
	['notes and pauses between bullets', slide('- a\n\n<!-- pause -->\n\n- b\n<!-- speaker_note: |\n  on two\n  lines -->\n\n1. one\n<!-- pause -->\n2. two')],
	['no front matter', '# Part\n\n## A slide\n\n- a\n- b\n'],
];

const mistakes: ReadonlyArray<readonly [string, string]> = [
	['a quote with no speaker', slide('> “Words”')],
	['a fourth level heading', slide('#### Four')],
	['words after a rule', `${head}## One\n\nWords\n\n***\n\nWords`],
	['HTML in a bullet', slide('- a <b>b</b>')],
	['an image', slide('![alt](x.png)')],
	['a list in a list item', slide('- a\n\n  > quote')],
	['an unknown comment', slide('<!-- speaker_notes: x -->')],
	['a front matter line twice', '---\ntitle: A\ntitle: B\n---\n\n# Part\n\n## S\n'],
	['a front matter with two colons', '---\ntitle: A: B\n---\n\n# Part\n\n## S\n'],
	['no title', '---\nauthor: A\n---\n\n# Part\n\n## S\n'],
	['a slide before a section', '---\ntitle: T\n---\n\n## S\n\nWords.\n'],
];

const allDecks = [...fixtureDecks, ...edges, ...edges.map(([name, text]) => [`${name}, with \\r\\n`, text.replaceAll('\n', '\r\n')] as const)];

type Reader = {
	readonly outputs: (text: string) => Record<string, string>;
	readonly mistake: (text: string) => string;
};

async function reader(): Promise<Reader> {
	const {parseDeckText} = await import('../source/markdown/load.js');
	const {readDeckLazily} = await import('../source/markdown/parse-deck.js');
	const {exportDeck} = await import('../source/outputs/export.js');
	const {listText} = await import('../source/outputs/print.js');
	const all = (deck: Parameters<typeof exportDeck>[0]) => ({
		list: listText(deck),
		txt: exportDeck(deck, 'txt', {showNotes: true}),
		md: exportDeck(deck, 'md', {showNotes: true}),
		html: exportDeck(deck, 'html', {showNotes: true}),
		deck: exportDeck(deck, 'deck'),
	});
	return {
		outputs(text) {
			const parsed = parseDeckText('deck.md', text);
			const lazy = readDeckLazily(text, {name: 'deck.md'});
			const whole = all(parsed.deck);
			const notices = parsed.notices?.map(notice => JSON.stringify(notice)).join('\n') ?? '';
			return {...whole, notices, ...Object.fromEntries(Object.entries(all(lazy.deck)).map(([key, value]) => [`lazy ${key}`, value]))};
		},
		mistake(text) {
			try {
				parseDeckText('deck.md', text);
				return 'no mistake';
			} catch (error: unknown) {
				return (error as Error).message;
			}
		},
	};
}

const withPlainReaders = await reader();
vi.resetModules();
vi.doMock('../source/markdown/plain-tree.js', () => ({plainTree: () => undefined}));
vi.doMock('../source/markdown/plain-fields.js', () => ({plainFields: () => undefined}));
const withMicromarkAlone = await reader();
vi.doUnmock('../source/markdown/plain-tree.js');
vi.doUnmock('../source/markdown/plain-fields.js');

describe('the plain readers change nothing a presenter sees', () => {
	test.each(allDecks)('%s', (_name, text) => {
		const plain = withPlainReaders.outputs(text);
		const micromark = withMicromarkAlone.outputs(text);
		expect(plain).toEqual(micromark);
		for (const key of ['list', 'txt', 'md', 'html', 'deck']) {
			expect(plain[`lazy ${key}`], `the lazy read's ${key}`).toBe(plain[key]);
		}
	});

	test.each(mistakes)('%s: the same sentence at the same place', (_name, text) => {
		const said = withPlainReaders.mistake(text);
		expect(said).toMatch(/^deck\.md:\d+:\d+: [A-Z]/);
		expect(said).toBe(withMicromarkAlone.mistake(text));
	});
});
