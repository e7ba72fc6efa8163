import {mkdtemp, readdir, readFile, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {marked, type Token, type Tokens} from 'marked';
import {parse, type DefaultTreeAdapterMap} from 'parse5';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {deck as realDeck} from '../slides/index.js';
import {type Block, blockTexts} from '../source/deck/blocks.js';
import type {Deck} from '../source/deck/deck.js';
import {formatParagraphs} from '../source/deck/deck.js';
import {exportDeck, formatFromFileName} from '../source/outputs/export.js';
import {hasOwnHeading, memoSummary, selectSlides, slideCitation, whoseLine} from '../source/outputs/handout.js';
import {slideMarkdown} from '../source/outputs/export-markdown.js';
import {slideText} from '../source/outputs/print.js';
import {writeFileAtomic} from '../source/outputs/write-file.js';
import {controlBytes, runBin as cli, squash} from './helpers/bin.js';
import {everyBlockDeck} from './helpers/every-block-deck.js';
import {loadInk} from '../source/deck/drawn.js';

// A slide holds an Ink component: the text outputs draw it with Ink.
await loadInk();

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const decks: ReadonlyArray<[string, Deck]> = [
	['the briefing', realDeck],
	['a deck with every block and hostile text', everyBlockDeck],
];


function quotes(deck: Deck) {
	return deck.slides.flatMap(slide => slide.blocks.filter((block): block is Extract<Block, {kind: 'quote'}> => block.kind === 'quote'));
}

function words(text: string): string[] {
	return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

function slideWords(deck: Deck, index: number): string[] {
	const slide = deck.slides[index]!;
	// A title that only repeats its section's is the section heading's, not the slide's.
	return words([...(hasOwnHeading(slide) ? [slide.title] : []), ...slide.blocks.flatMap(block => blockTexts(block))].join(' '));
}

/** The first sentence of `notes`, or else the first run of six words,, that none of `outputs` (squashed) holds. */
function notesOnly(notes: string, outputs: readonly string[]): string | undefined {
	const words = squash(notes).split(' ');
	const sentences = squash(notes).split(/(?<=[.?!])\s+/);
	const runs = words.map((_, at) => words.slice(at, at + 6).join(' '));
	return [...sentences, ...runs].find(piece => piece.length >= 20 && outputs.every(output => !output.includes(piece)));
}

// HTML, through parse5.
function elements(node: Node, name?: string): Element[] {
	const found: Element[] = [];
	const visit = (current: Node) => {
		if ('tagName' in current && (name === undefined || current.tagName === name)) {
			found.push(current);
		}

		const children = 'childNodes' in current ? current.childNodes : [];
		for (const child of children) {
			visit(child);
		}

		if ('content' in current && current.content) {
			visit(current.content);
		}
	};

	visit(node);
	return found;
}

function textOf(node: Node): string {
	if (node.nodeName === '#text') {
		return (node as DefaultTreeAdapterMap['textNode']).value;
	}

	// Block elements are apart on the page, so their words are apart here too.
	const isBlock = 'tagName' in node && /^(p|li|ul|td|th|tr|h\d|section|figure|figcaption|blockquote|div|caption|header|footer|aside)$/.test(node.tagName);
	const inner = ('childNodes' in node ? node.childNodes : []).map(child => textOf(child)).join('');
	return isBlock ? ` ${inner} ` : inner;
}

function attribute(element: Element, name: string): string | undefined {
	return element.attrs.find(attr => attr.name === name)?.value;
}

// Markdown, through marked's lexer.
function inlineText(tokens: readonly Token[] | undefined): string {
	return (tokens ?? [])
		.map(token => ('tokens' in token && token.tokens ? inlineText(token.tokens) : 'text' in token ? String(token.text) : ''))
		.join('');
}

function allTokens(tokens: readonly Token[]): Token[] {
	const found: Token[] = [];
	for (const token of tokens) {
		found.push(token);
		if ('tokens' in token && token.tokens) {
			found.push(...allTokens(token.tokens));
		}

		if (token.type === 'list') {
			for (const item of (token as Tokens.List).items) {
				found.push(item, ...allTokens(item.tokens));
			}
		}

		if (token.type === 'table') {
			const table = token as Tokens.Table;
			for (const cell of [...table.header, ...table.rows.flat()]) {
				found.push(...allTokens(cell.tokens));
			}
		}
	}

	return found;
}

describe.each(decks)('the HTML handout of %s', (_, deck) => {
	const html = exportDeck(deck, 'html', {showNotes: true});
	const document = parse(html);

	test('reads as a memo: the title as h1, the summary and contents, an h2 section per deck section, an h3 article per slide', () => {
		expect(elements(document, 'h1').map(h1 => squash(textOf(h1)))).toEqual([deck.title]);
		const sections = elements(document, 'section');
		expect(sections).toHaveLength(deck.sections.length);
		for (const [index, section] of sections.entries()) {
			const part = deck.sections[index]!;
			expect(elements(section, 'h2').map(heading => squash(textOf(heading)))).toEqual([`${index + 1}. ${part.title}`]);
			const articles = elements(section, 'article');
			// A slide's title is its h3, unless it only repeats the section's (no doubled "Source").
			expect(articles.map(article => elements(article, 'h3').map(heading => squash(textOf(heading))))).toEqual(
				deck.slides.slice(part.start, part.start + part.count).map(slide => (hasOwnHeading(slide) ? [slide.title] : [])),
			);
			for (const article of articles) {
				expect(squash(textOf(article))).not.toMatch(/Slide \d+ of \d+/);
			}
		}

		const main = elements(document, 'main')[0]!;
		const memo = memoSummary(deck)!;
		expect(main.childNodes.filter(node => 'tagName' in node).slice(0, 3).map(node => (node).tagName)).toEqual(['h2', memo.kind === 'paragraph' ? 'p' : 'ul', 'nav']);
		expect(squash(textOf(elements(main, 'h2')[0]!))).toBe('Summary');
		if (memo.kind === 'paragraph') {
			expect(squash(textOf(elements(main, 'p')[0]!))).toBe(squash(memo.text));
		} else {
			expect(elements(elements(main, 'ul')[0]!, 'li').map(item => squash(textOf(item)))).toEqual([...memo.points]);
		}

		expect(squash(textOf(elements(document, 'header')[0]!))).toContain(squash(whoseLine(deck)));
		const nav = elements(document, 'nav');
		expect(nav).toHaveLength(1);
		expect(elements(nav[0]!, 'h2').map(heading => squash(textOf(heading)))).toEqual(['Contents']);
		expect(elements(elements(nav[0]!, 'ol')[0]!, 'a').map(link => textOf(link))).toEqual(deck.sections.map(section => section.title));
		expect(squash(textOf(elements(document, 'header')[0]!))).toContain(`As of ${deck.source.date}`);
		expect(elements(document, 'title').map(title => textOf(title))).toEqual([deck.title]);
	});

	test('every quote is a blockquote with its speaker in a cite', () => {
		const figures = elements(document, 'figure').filter(figure => elements(figure, 'blockquote').length > 0);
		expect(figures).toHaveLength(quotes(deck).length);
		for (const [index, quote] of quotes(deck).entries()) {
			const figure = figures[index]!;
			expect(squash(textOf(elements(figure, 'blockquote')[0]!))).toBe(`“${squash(quote.text)}”`);
			expect(textOf(elements(figure, 'cite')[0]!)).toBe(quote.speaker);
		}
	});

	test('tables and charts are HTML tables with every cell and figure', () => {
		const tables = elements(document, 'table');
		const blocks = deck.slides.flatMap(slide => slide.blocks).filter(block => block.kind === 'table' || block.kind === 'bars');
		expect(tables).toHaveLength(blocks.length);
		for (const [index, block] of blocks.entries()) {
			const cells = elements(tables[index]!, 'tbody').flatMap(body => elements(body, 'tr')).map(row => [...elements(row, 'th'), ...elements(row, 'td')].map(cell => squash(textOf(cell))));
			if (block.kind === 'table') {
				expect(elements(tables[index]!, 'thead').flatMap(head => elements(head, 'th')).map(cell => squash(textOf(cell)))).toEqual(block.columns);
				expect(cells).toEqual(block.rows.map(row => [...row]));
			} else if (block.kind === 'bars') {
				expect(cells).toEqual(block.bars.map(bar => [bar.label, '', bar.display]));
				// The bars are CSS boxes whose widths follow the values: the largest is full.
				const widths = elements(tables[index]!, 'div')
					.map(div => attribute(div, 'style'))
					.filter(Boolean)
					.map(style => Number(/width: (\d+)%/.exec(style!)?.[1]));
				const max = Math.max(...block.bars.map(bar => bar.value));
				expect(widths).toEqual(block.bars.map(bar => Math.round((bar.value / max) * 100)));
			}
		}
	});

	test('is self-contained: no script, image, frame or external asset; the one link is the article', () => {
		const all = elements(document);
		const names = new Set(all.map(element => element.tagName));
		for (const forbidden of ['script', 'img', 'iframe', 'object', 'embed', 'link', 'video', 'audio', 'source', 'svg', 'picture', 'base', 'form']) {
			expect(names.has(forbidden), forbidden).toBe(false);
		}

		for (const element of all) {
			for (const attr of element.attrs) {
				expect(attr.name.startsWith('on'), `${element.tagName} ${attr.name}`).toBe(false);
				expect(['src', 'srcset', 'action', 'poster', 'data'].includes(attr.name), attr.name).toBe(false);
				if (attr.name === 'href') {
					// The article, or a section on this page (the contents).
					const target = attr.value.startsWith('#') ? all.find(other => attribute(other, 'id') === attr.value.slice(1)) : undefined;
					expect(target?.tagName ?? attr.value).toBe(attr.value.startsWith('#') ? 'section' : deck.source.url);
				}
			}
		}

		const css = elements(document, 'style').map(style => textOf(style)).join('\n');
		expect(css).not.toMatch(/url\(|@import/i);
		expect(elements(document, 'a').length).toBe((deck.source.url ? 2 : 0) + deck.sections.length);
		expect(html).not.toMatch(controlBytes);
	});

	test('names the source and cites each slide\'s paragraphs', () => {
		const page = squash(textOf(document));
		expect(page).toContain(`${deck.source.outlet}, ${deck.source.date}, by ${deck.source.author}`);
		for (const [index, article] of elements(document, 'article').entries()) {
			const slide = deck.slides[index]!;
			if (slide.paragraphs.length > 0) {
				expect(squash(textOf(article))).toContain(`Article ${formatParagraphs(slide.paragraphs)}`);
				expect(slideCitation(slide)).toBe(`Article ${formatParagraphs(slide.paragraphs)}`);
			}
		}
	});
});

describe.each(decks)('the Markdown handout of %s', (_, deck) => {
	const markdown = exportDeck(deck, 'md', {showNotes: true});
	const tokens = marked.lexer(markdown);
	const flat = allTokens(tokens);

	test('reads as a memo: the title as #, the summary, the contents, a ## per section and a ### per slide, in order', () => {
		const headings = tokens.filter((token): token is Tokens.Heading => token.type === 'heading');
		const depth = (n: number) => headings.filter(heading => heading.depth === n).map(heading => inlineText(heading.tokens));
		expect(depth(1)).toEqual([deck.title]);
		expect(depth(2)).toEqual(['Summary', 'Contents', ...deck.sections.map((section, index) => `${index + 1}. ${section.title}`)]);
		expect(depth(3)).toEqual(deck.slides.filter(slide => hasOwnHeading(slide)).map(slide => slide.title));
		expect(markdown.indexOf('## Contents')).toBeGreaterThan(markdown.indexOf(`As of ${deck.source.date}`));
		expect(markdown).not.toMatch(/Slide \d+ of \d+/);
		const lists = tokens.filter((token): token is Tokens.List => token.type === 'list');
		const memo = memoSummary(deck)!;
		if (memo.kind === 'points') {
			expect(lists.shift()!.items.map(item => inlineText(item.tokens))).toEqual([...memo.points]);
		} else {
			expect(markdown).toContain(`## Summary\n\n${memo.text.replaceAll(/[*<_[\]]/g, character => '\\' + character)}\n`);
		}

		expect(lists[0]!.ordered).toBe(true);
		expect(lists[0]!.items.map(item => inlineText(item.tokens).split(' · ')[0])).toEqual(deck.sections.map(section => section.title));
	});

	test('every quote is a blockquote ending with — its speaker', () => {
		const blockquotes = tokens.filter((token): token is Tokens.Blockquote => token.type === 'blockquote');
		expect(blockquotes).toHaveLength(quotes(deck).length);
		for (const [index, quote] of quotes(deck).entries()) {
			const paragraphs = blockquotes[index]!.tokens.filter((token): token is Tokens.Paragraph => token.type === 'paragraph');
			expect(squash(inlineText(paragraphs[0]?.tokens))).toBe(`“${squash(quote.text)}”`);
			expect(inlineText(paragraphs.at(-1)?.tokens)).toBe(`— ${quote.speaker}${quote.role ? ', ' + quote.role : ''}`);
		}
	});

	test('tables and charts are GFM tables with every cell', () => {
		const tables = tokens.filter((token): token is Tokens.Table => token.type === 'table');
		const blocks = deck.slides.flatMap(slide => slide.blocks).filter(block => block.kind === 'table' || block.kind === 'bars');
		expect(tables).toHaveLength(blocks.length);
		for (const [index, block] of blocks.entries()) {
			const rows = tables[index]!.rows.map(row => row.map(cell => inlineText(cell.tokens)));
			if (block.kind === 'table') {
				expect(tables[index]!.header.map(cell => inlineText(cell.tokens))).toEqual(block.columns);
				expect(rows).toEqual(block.rows.map(row => [...row]));
			} else if (block.kind === 'bars') {
				expect(rows).toEqual(block.bars.map(bar => [bar.label, bar.display]));
			}
		}
	});

	test('no text turns into markup: no raw HTML, no links but the article, bullets are list items', () => {
		expect(flat.filter(token => token.type === 'html')).toEqual([]);
		for (const link of flat.filter((token): token is Tokens.Link => token.type === 'link')) {
			expect(link.href).toBe(deck.source.url);
		}

		const items = flat.filter((token): token is Tokens.ListItem => token.type === 'list_item').map(item => inlineText(item.tokens));
		for (const block of deck.slides.flatMap(slide => slide.blocks)) {
			if (block.kind === 'bullets') {
				for (const item of block.items) {
					expect(items).toContain(item);
				}
			}
		}

		expect(markdown).not.toMatch(controlBytes);
	});
});

describe.each(decks)('the three handouts of %s', (_, deck) => {
	const text = exportDeck(deck, 'txt', {showNotes: true});
	const markdown = exportDeck(deck, 'md', {showNotes: true});
	const html = exportDeck(deck, 'html', {showNotes: true});
	const htmlSections = elements(parse(html), 'article').map(article => textOf(article));
	// Each slide as the text and the Markdown handouts write it (each checked to be in its handout, in order).
	const textSlides = deck.slides.map(slide => slideText(slide, {showNotes: true}));
	const markdownSlides = deck.slides.map(slide => slideMarkdown(slide, {showNotes: true}));

	test('hold each slide once, in order, after its section heading', () => {
		for (const [output, parts] of [[text, textSlides], [markdown, markdownSlides]] as const) {
			let at = 0;
			for (const part of parts) {
				const place = output.indexOf(part, at);
				expect(place).toBeGreaterThanOrEqual(at);
				at = place + part.length;
			}
		}
	});

	test('hold the same words for every slide, from the same blocks', () => {
		expect(textSlides).toHaveLength(deck.slides.length);
		expect(markdownSlides).toHaveLength(deck.slides.length);
		for (const index of deck.slides.keys()) {
			const wanted = slideWords(deck, index);
			for (const [format, body] of [
				['txt', textSlides[index]!],
				['md', markdownSlides[index]!],
				['html', htmlSections[index]!],
			] as const) {
				const have = new Set(words(body));
				const missing = wanted.filter(word => !have.has(word));
				expect(missing, `${format} slide ${index + 1}`).toEqual([]);
			}
		}
	});

	test('every slide title, quote and speaker is in all three', () => {
		const flatText = squash(text);
		const page = squash(textOf(parse(html)));
		for (const slide of deck.slides) {
			expect(squash(text)).toContain(slide.title);
			expect(markdown).toContain(slide.title.replaceAll(/[*<_[\]]/g, character => '\\' + character));
			expect(page).toContain(slide.title);
		}

		for (const quote of quotes(deck)) {
			expect(flatText).toContain(`“${squash(quote.text)}”`);
			expect(page).toContain(`“${squash(quote.text)}”`);
			for (const output of [text, markdown, html]) {
				expect(output).toContain(quote.speaker);
			}
		}
	});

	test('speaker notes only when asked', () => {
		const withoutNotes = [exportDeck(deck, 'txt'), exportDeck(deck, 'md'), exportDeck(deck, 'html')].map(output => squash(output));
		for (const slide of deck.slides.filter(slide => slide.notes.length > 40)) {
			// A piece of the notes that no handout without notes holds (a note may repeat the slide's words).
			const piece = notesOnly(slide.notes, withoutNotes);
			expect(piece, `a piece of the notes of ${slide.id} found only in them`).toBeDefined();
			expect(squash(text)).toContain(piece);
			expect(squash(markdown)).toContain(piece);
			expect(squash(textOf(parse(html)))).toContain(piece);
		}
	});

	test('carry no escape bytes or other control characters', () => {
		for (const output of [text, markdown, html]) {
			expect(output).not.toMatch(controlBytes);
		}
	});
});

describe('writing a handout to a file', () => {
	let directory = '';
	beforeAll(async () => {
		directory = await mkdtemp(path.join(tmpdir(), 'briefing-export-'));
	});
	afterAll(async () => {
		await rm(directory, {recursive: true, force: true});
	});

	test('writes the whole file, refuses to replace it, and replaces it with force', async () => {
		const file = path.join(directory, 'handout.txt');
		await writeFileAtomic(file, 'first\n');
		expect(await readFile(file, 'utf8')).toBe('first\n');
		await expect(writeFileAtomic(file, 'second\n')).rejects.toThrow(/already exists; add --force/);
		expect(await readFile(file, 'utf8')).toBe('first\n');
		await writeFileAtomic(file, 'second\n', {force: true});
		expect(await readFile(file, 'utf8')).toBe('second\n');
		expect(await readdir(directory)).toEqual(['handout.txt']);
	});

	test('a name taken while writing is not replaced, and the temporary file is removed', async () => {
		const file = path.join(directory, 'taken.md');
		// A dangling symlink: `stat` sees nothing there, but the name is taken when the file is put in place.
		await symlink(path.join(directory, 'nowhere'), file);
		await expect(writeFileAtomic(file, 'text\n')).rejects.toThrow(/already exists/);
		expect((await readdir(directory)).filter(name => name.includes('taken'))).toEqual(['taken.md']);
		await rm(file);
	});

	test('a folder that does not exist is a clear error and leaves nothing behind', async () => {
		const file = path.join(directory, 'missing', 'handout.html');
		await expect(writeFileAtomic(file, 'text')).rejects.toThrow(`cannot write "${file}": the folder does not exist`);
		await expect(readdir(path.join(directory, 'missing'))).rejects.toThrow();
	});

	test('the file name can give the format', () => {
		expect(formatFromFileName('handout.html')).toBe('html');
		expect(formatFromFileName('notes.MD')).toBe('md');
		expect(formatFromFileName('deck.txt')).toBe('txt');
		expect(formatFromFileName('deck.pdf')).toBe('pdf');
		expect(formatFromFileName('deck.docx')).toBeUndefined();
		expect(formatFromFileName('deck')).toBeUndefined();
	});
});

describe('the built bin exports', () => {
	let directory = '';
	beforeAll(async () => {
		directory = await mkdtemp(path.join(tmpdir(), 'briefing-cli-'));
	});
	afterAll(async () => {
		await rm(directory, {recursive: true, force: true});
	});

	test.each(['txt', 'md', 'html'] as const)('--export %s to stdout: the handout, no escape bytes', async format => {
		const result = await cli(['--export', format]);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe(exportDeck(realDeck, format));
		expect(result.stdout).not.toMatch(controlBytes);
		expect(result.stderr).toBe('');
	});

	test('-o writes the file, refuses to replace it (exit 1, one line), --force replaces it', async () => {
		const file = path.join(directory, 'handout.html');
		let result = await cli(['--export', 'html', '-o', file]);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe('');
		expect(await readFile(file, 'utf8')).toBe(exportDeck(realDeck, 'html'));

		await writeFile(file, 'keep me\n');
		result = await cli(['--export', 'html', '-o', file]);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe(`briefing: "${file}" already exists; add --force to replace it\n`);
		expect(await readFile(file, 'utf8')).toBe('keep me\n');

		result = await cli(['--export', 'html', '-o', file, '--force', '--notes']);
		expect(result.code).toBe(0);
		expect(await readFile(file, 'utf8')).toBe(exportDeck(realDeck, 'html', {showNotes: true}));
		expect(await readdir(directory)).toEqual(['handout.html']);
	});

	test('--section NAME exports only that section, --slide N only that slide, without summary or contents', async () => {
		const sanctuary = realDeck.sections.find(section => section.id === 'sanctuary')!;
		const wanted = realDeck.slides.slice(sanctuary.start, sanctuary.start + sanctuary.count);
		let result = await cli(['--section', 'sanctuary', '--export', 'md']);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe(exportDeck(realDeck, 'md', {slides: selectSlides(realDeck, {section: 'sanctuary'})}));
		const headings = marked.lexer(result.stdout).filter((token): token is Tokens.Heading => token.type === 'heading');
		expect(headings.map(heading => [heading.depth, inlineText(heading.tokens)])).toEqual([
			[1, realDeck.title],
			[2, `${realDeck.sections.indexOf(sanctuary) + 1}. ${sanctuary.title}`],
			...wanted.map(slide => [3, slide.title]),
		]);
		expect(result.stdout).toContain(`slides ${sanctuary.start + 1}-${sanctuary.start + sanctuary.count} of ${realDeck.slides.length}`);

		result = await cli(['--slide', '12', '--export', 'html']);
		expect(result.code).toBe(0);
		const articles = elements(parse(result.stdout), 'article');
		expect(articles.map(article => squash(textOf(elements(article, 'h3')[0]!)))).toEqual([realDeck.slides[11]!.title]);
		expect(elements(parse(result.stdout), 'nav')).toEqual([]);
	});

	test('-o FILE.md alone takes the format from the name', async () => {
		const file = path.join(directory, 'notes.md');
		const result = await cli(['-o', file]);
		expect(result.code).toBe(0);
		expect(await readFile(file, 'utf8')).toBe(exportDeck(realDeck, 'md'));
	});

	test('--export deck to a .md file, and a name that says no format, are written as asked', async () => {
		const deckFile = path.join(directory, 'as-deck.md');
		expect((await cli(['--export', 'deck', '-o', deckFile])).code).toBe(0);
		expect(await readFile(deckFile, 'utf8')).toMatch(/^---\ntitle: /);
		const plain = path.join(directory, 'handout.out');
		expect((await cli(['--export', 'txt', '-o', plain])).code).toBe(0);
		expect(await readFile(plain, 'utf8')).toBe(exportDeck(realDeck, 'txt'));
	});

	test('a file in a folder that does not exist: exit 1, one clear line, nothing written', async () => {
		const file = path.join(directory, 'no', 'such', 'handout.txt');
		const result = await cli(['--export', 'txt', '-o', file]);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe(`briefing: cannot write "${file}": the folder does not exist\n`);
		await expect(readdir(path.join(directory, 'no'))).rejects.toThrow();
	});

	test.each([
		[['--export', 'docx'], '--export takes txt, md, html, pdf, deck, not "docx"'],
		[['-o', 'handout.docx'], '-o "handout.docx": add --export txt|md|html|pdf|deck'],
		[['--export', 'md', '--list'], 'use --list or --export, not both'],
		// A name that asks for another format: a "PDF" of plain text would be mailed as broken.
		[['--export', 'txt', '-o', 'handout.pdf'], '-o "handout.pdf" names a pdf file, but --export is txt: use --export pdf, or a .txt name'],
		[['--export', 'html', '-o', 'notes.md'], '-o "notes.md" names a md file, but --export is html: use --export md, or a .html name'],
		[['--export', 'deck', '-o', 'deck.txt'], '-o "deck.txt" names a txt file, but --export is deck: use --export txt, or a .md name'],
	])('usage errors exit 2 before writing anything: %j', async (args, message) => {
		const result = await cli(args);
		expect(result.code).toBe(2);
		expect(result.stderr.split('\n')[0]).toContain(message);
		expect(result.stdout).toBe('');
	});
});

describe('the article link', () => {
	test('only a plain web address becomes a link', () => {
		const hostile = {...everyBlockDeck, source: {...everyBlockDeck.source, url: 'javascript:alert(1)'}};
		for (const format of ['html', 'md'] as const) {
			expect(exportDeck(hostile, format)).not.toContain('javascript:');
			expect(exportDeck(everyBlockDeck, format)).toContain(format === 'html' ? 'https://example.com/article?a=1&amp;b=2' : '<https://example.com/article?a=1&b=2>');
		}
	});
});
