import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {deck as builtIn} from '../slides/index.js';
import {deckLanguage} from '../source/deck/deck.js';
import {loadInk} from '../source/deck/drawn.js';
import {detectFormat} from '../source/markdown/formats/detect.js';
import {scanDeck} from '../source/markdown/formats/scan.js';
import {parseMarkdownDeck, readDeckLazily} from '../source/markdown/parse-deck.js';
import {deckToMarkdown} from '../source/outputs/export-deck.js';
import {exportDeck} from '../source/outputs/export.js';
import {followPage, remotePage} from '../source/serve/page.js';
import {runBin} from './helpers/bin.js';
import {deckFailure} from './helpers/deck-failure.js';

/**
A deck's language (`lang:` in its front matter, a BCP 47 tag; English when not given) reaches every
output that states one: the HTML handout's and the served pages' `<html lang>`, both PDFs' document
language (/Lang in the catalog), and the front matter `--export deck` writes. A deck without `lang:`
writes what it always has.
*/
const french = '---\ntitle: Le budget municipal\nauthor: Marie Dupont\nlang: fr\n---\n\n# Ouverture\n\n## Pourquoi nous sommes ici\n\n- Le conseil vote le budget jeudi.\n- Les dépenses augmentent de 4 % cette année.\n';
const withLang = (value: string) => french.replace('lang: fr', `lang: ${value}`);
const withoutLang = french.replace('lang: fr\n', '');

let directory: string;

beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'briefing-lang-'));
});

afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

async function deckFile(name: string, text: string): Promise<string> {
	const file = path.join(directory, name);
	await writeFile(file, text);
	return file;
}

describe('the front matter\'s lang:', () => {
	test('is the deck\'s language, read whole or lazily; without it the deck is English', () => {
		expect(parseMarkdownDeck(french).deck.lang).toBe('fr');
		expect(readDeckLazily(french).deck.lang).toBe('fr');
		expect(deckLanguage(parseMarkdownDeck(french).deck)).toBe('fr');
		expect(parseMarkdownDeck(withoutLang).deck.lang).toBeUndefined();
		expect(deckLanguage(parseMarkdownDeck(withoutLang).deck)).toBe('en');
		expect(deckLanguage(builtIn)).toBe('en');
	});

	test.each(['en', 'zh-Hans', 'pt-BR', 'es-419', 'sr-Latn-RS', 'de-CH-x-phonebk', 'yue', 'EN-gb', 'no', 'nb-NO'])('takes the tag %s (no is Norwegian, not YAML 1.1 false)', tag => {
		expect(parseMarkdownDeck(withLang(tag)).deck.lang).toBe(tag);
	});

	test.each([
		['a language\'s name', 'French', 'deck.md:4:1: The front matter\'s "lang:" takes a language tag such as en, fr, pt-BR or zh-Hans, not "French".'],
		['a POSIX locale', 'fr_FR.UTF-8', 'deck.md:4:1: The front matter\'s "lang:" takes a language tag such as en, fr, pt-BR or zh-Hans, not "fr_FR.UTF-8"; write lang: fr-FR.'],
		['a number', '12', 'deck.md:4:1: The front matter\'s "lang:" takes a language tag such as en, fr, pt-BR or zh-Hans, not "12".'],
		['a subtag too long', 'en-abcdefghi', 'deck.md:4:1: The front matter\'s "lang:" takes a language tag such as en, fr, pt-BR or zh-Hans, not "en-abcdefghi".'],
		['a tag longer than any', `en${'-abcdefgh'.repeat(5)}`, 'deck.md:4:1: The front matter\'s "lang:" takes a language tag such as en, fr, pt-BR or zh-Hans, not "en-abcdefgh-abcdefgh-abcdefgh-abcde…".'],
		['a list', '[fr, en]', 'deck.md:4:1: The front matter\'s "lang:" takes one line of text, not a list'],
		['nothing', '', 'deck.md:4:1: The front matter\'s "lang:" is empty; give it a value or leave the line out.'],
	])('refuses %s with a message at its line', (_name, value, message) => {
		const got = deckFailure(withLang(value));
		expect(got.startsWith(message), got).toBe(true);
		expect(got).toMatch(/^deck\.md:\d+:\d+: [A-Z].*[.?]$/);
	});

	test('the key people write for it is told by its name', () => {
		expect(deckFailure(french.replace('lang:', 'language:'))).toBe('deck.md:4:1: The front matter has no key "language:"; did you mean "lang:"?');
	});

	test('a bad tag stops the show and the handouts at the start, and check reports it, each with exit 2', async () => {
		const file = await deckFile('bad.md', withLang('French'));
		const message = `${file}:4:1: The front matter's "lang:" takes a language tag such as en, fr, pt-BR or zh-Hans, not "French".`;
		for (const args of [[file], [file, '--export', 'html', '-o', '-'], ['check', file]]) {
			const result = await runBin(args);
			expect(result.code, args.join(' ')).toBe(2);
			expect(result.stderr).toContain(message);
			expect(result.stdout).toBe('');
		}
	}, 30_000);
});

describe('another presenter\'s deck with lang:', () => {
	const patat = '---\ntitle: Présentation\nauthor: Marie\nlang: fr\npatat:\n  wrap: true\n---\n\n# Un\n\nBonjour.\n\n. . .\n\nSuite.\n\n# Deux\n\nFin.\n';
	const presenterm = '---\ntitle: Présentation\nsub_title: Le budget\nlang: fr-CA\n---\n\nUn\n===\n\nBonjour.\n\n<!-- end_slide -->\n\nDeux\n===\n\nFin.\n';
	const pandoc = '---\ntitle: Présentation\nlang: fr\n---\n\n# Un\n\nBonjour.\n\n# Deux\n\nFin.\n';

	test('is detected as before, and its language is the deck\'s', () => {
		expect(detectFormat(scanDeck(patat))).toBe('patat');
		expect(detectFormat(scanDeck(presenterm))).toBe('presenterm');
		expect(detectFormat(scanDeck(pandoc))).toBe('patat');
		expect(parseMarkdownDeck(patat).deck.lang).toBe('fr');
		expect(parseMarkdownDeck(presenterm).deck.lang).toBe('fr-CA');
		expect(parseMarkdownDeck(pandoc).deck.lang).toBe('fr');
		expect(parseMarkdownDeck(pandoc.replace('lang: fr\n', '')).deck.lang).toBeUndefined();
		// lang: is no sign of our own format: a deck with our keys and lang: is still ours.
		expect(detectFormat(scanDeck(french))).toBe('briefing');
	});

	test('a bad tag is an error at its line in the file', () => {
		expect(deckFailure(patat.replace('lang: fr', 'lang: français'))).toBe('deck.md:4:1: The front matter\'s "lang:" takes a language tag such as en, fr, pt-BR or zh-Hans, not "français".');
	});

	test('goes into the front matter of its --export deck', () => {
		const exported = deckToMarkdown(parseMarkdownDeck(patat).deck);
		expect(exported).toMatch(/^---\ntitle: Présentation\nlang: fr\n---\n/);
	});
});

describe('the HTML pages', () => {
	test('the handout says the deck\'s language; a deck without lang: is English as before', () => {
		expect(exportDeck(parseMarkdownDeck(french).deck, 'html')).toMatch(/^<!doctype html>\n<html lang="fr">\n<head>\n/);
		expect(exportDeck(parseMarkdownDeck(withLang('zh-Hans')).deck, 'html')).toContain('\n<html lang="zh-Hans">\n');
		expect(exportDeck(parseMarkdownDeck(withoutLang).deck, 'html')).toContain('\n<html lang="en">\n');
		expect(exportDeck(builtIn, 'html')).toContain('\n<html lang="en">\n');
	});

	test('on a page in another language, the handout\'s own English words are marked English; on an English page nothing is', () => {
		const cited = french.replace('author: Marie Dupont', 'author: Marie Dupont\noutlet: Le Monde').replace('- Le conseil', '<!-- paragraphs: 2 -->\n<!-- speaker_note: Commencer par la date. -->\n\n- Le conseil');
		const html = exportDeck(parseMarkdownDeck(cited).deck, 'html', {showNotes: true});
		for (const own of ['<p class="source" lang="en">A briefing on the article by Marie Dupont in Le Monde.', '<p class="about" lang="en">', '<h2 id="contents" lang="en">Contents</h2>', '<span class="range" lang="en">· slide 1</span>', '<p class="cited" lang="en">Article ¶ 2</p>', '<h4 lang="en">Speaker notes</h4><p>Commencer par la date.</p>', '<footer><p lang="en">Source: ']) {
			expect(html).toContain(own);
		}

		// The deck's own words are not marked: they are in the page's language.
		expect(html).toContain('<h1>Le budget municipal</h1>');
		expect(html).toContain('<ul><li>Le conseil vote le budget jeudi.</li>');
		for (const english of [cited.replace('lang: fr\n', ''), cited.replace('lang: fr', 'lang: en-GB')]) {
			expect(exportDeck(parseMarkdownDeck(english).deck, 'html', {showNotes: true}).match(/lang="/g)).toHaveLength(1);
		}

		expect(exportDeck(builtIn, 'html').match(/lang="/g)).toHaveLength(1);
	});

	test('the follow page and the remote page say it too', () => {
		const {deck} = parseMarkdownDeck(french);
		expect(followPage(deck, 'k', {index: 0, step: 0, blank: 'none', seen: [0]})).toContain('\n<html lang="fr">\n');
		expect(remotePage(deck, 'k', {index: 0, blank: 'none'})).toContain('\n<html lang="fr">\n');
		// Their own words (where the show is, the buttons) are marked English.
		expect(followPage(deck, 'k', {index: 0, step: 0, blank: 'none', seen: [0]})).toContain('<span id="where" lang="en">slide 1 of 1</span>');
		expect(remotePage(deck, 'k', {index: 0, blank: 'none'})).toContain('<h4 id="notes-title" lang="en">Speaker notes</h4>');
		expect(remotePage(builtIn, 'k', {index: 0, blank: 'none'}).match(/lang="/g)).toHaveLength(1);
		expect(followPage(builtIn, 'k', {index: 0, step: 0, blank: 'none', seen: [0]})).toContain('\n<html lang="en">\n');
	});

	test('an Arabic deck keeps each paragraph\'s own direction: no dir on the page, the plaintext bidi rule in its style', () => {
		const arabic = '---\ntitle: مرحبا\nlang: ar\n---\n\n# قسم\n\n## عنوان الشريحة\n\n- هذه جملة باللغة العربية.\n- An English bullet, left to right.\n';
		const html = exportDeck(parseMarkdownDeck(arabic).deck, 'html');
		expect(html).toContain('\n<html lang="ar">\n');
		expect(html).not.toMatch(/\sdir=/);
		expect(html).toContain('h1, h2, h3, h4, p, li, blockquote, figcaption, caption, th, td { unicode-bidi: plaintext; }');
	});
});

describe('--export deck', () => {
	test('writes lang: back, and the copy reads back with the same language', () => {
		const exported = deckToMarkdown(parseMarkdownDeck(french).deck);
		expect(exported).toMatch(/^---\n(?:[a-z]+: .*\n)*lang: fr\n---\n/);
		expect(parseMarkdownDeck(exported).deck.lang).toBe('fr');
		expect(deckToMarkdown(parseMarkdownDeck(exported).deck)).toBe(exported);
	});

	test('writes no lang: for a deck that gives none: the built-in deck\'s copy is as before', async () => {
		await loadInk();
		expect(deckToMarkdown(parseMarkdownDeck(withoutLang).deck)).not.toMatch(/^lang:/m);
		expect(deckToMarkdown(builtIn)).not.toMatch(/^lang:/m);
	});
});

describe('the PDFs\' document language', () => {
	/** The /Lang of the PDF's catalog, read from its bytes (pdfinfo does not show it). */
	async function pdfLanguage(file: string): Promise<string | undefined> {
		const bytes = (await readFile(file)).toString('latin1');
		return /\/Type \/Catalog\n(?:\/[^\n]*\n)*?\/Lang \(([^)]*)\)/.exec(bytes)?.[1];
	}

	test.each([
		['the memo', []],
		['the slide pages', ['--slides']],
	])('%s says the deck\'s language, else English', async (name, flags) => {
		const deck = await deckFile('french.md', french);
		const plain = await deckFile('plain.md', withoutLang);
		const out = (which: string) => path.join(directory, `${which}-${flags.length}.pdf`);
		for (const [file, which] of [[deck, 'french'], [plain, 'plain']] as const) {
			const result = await runBin([file, '--export', 'pdf', ...flags, '-o', out(which), '--force']);
			expect(result.stderr, name).toBe('');
			expect(result.code).toBe(0);
		}

		expect(await pdfLanguage(out('french'))).toBe('fr');
		expect(await pdfLanguage(out('plain'))).toBe('en');
	}, 30_000);
});
