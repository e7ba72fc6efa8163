import {execFile} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, test} from 'vitest';
import {deck as builtIn} from '../slides/index.js';
import {checkDeck, formatProblem} from '../source/check/check.js';
import {type Deck, type SourceInfo} from '../source/deck/deck.js';
import {parseMarkdownDeck} from '../source/markdown/parse-deck.js';
import {aboutLine, slideCitation, whoseLine} from '../source/outputs/handout.js';
import {paragraphsInWords} from '../source/outputs/screen-reader.js';
import {runBin} from './helpers/bin.js';
import {endAfterEach} from './helpers/pty.js';
import {deckFailure} from './helpers/deck-failure.js';

/**
Any kind of source (docs/sources.md): the front matter says what the source is, every output's words
follow it, and `check` holds quotes, numbers, bars and key figures to it, each problem a sentence at
its file, line and column. The report fixture is a plain-text report with no author.
*/
const {folder} = endAfterEach();
const run = promisify(execFile);
const fixture = (name: string) => path.join('test/fixtures', name);
const reportDeck = fixture('library-report.md');
const reportText = readFileSync(fixture('library-report.txt'), 'utf8');

/** Words that belong to a news article only. */
const newsWords = /article|outlet|reporter|dateline/i;

const failure = deckFailure;

/** A deck of one slide, whose front matter is `front` (no "---"). */
const deckWith = (front: string, slide = '## A\n\nPlain words.\n') => parseMarkdownDeck(`---\n${front}\n---\n\n# S\n\n${slide}`).deck;

describe('the front matter', () => {
	test('needs only a title; names a source by kind, outlet or publisher, author and date as given', () => {
		expect(deckWith('title: T').source).toEqual({});
		expect(deckWith('title: T\nkind: report\npublisher: ACME\ndate: May 2024').source).toEqual({kind: 'report', publisher: 'ACME', date: 'May 2024'});
		expect(deckWith('title: T\nkind: Web Page\nurl: https://example.com').source).toEqual({kind: 'web page', url: 'https://example.com'});
		expect(deckWith('title: T\noutlet: O\nauthor: A\ndate: D').source).toEqual({outlet: 'O', author: 'A', date: 'D'});
	});

	test.each([
		['an unclosed front matter', 'title: T\nkind: report\n\n# S\n\n## A\n\nWords.\n\n---\n\n## B\n', 'deck.md:1:1: The front matter that starts here is never closed; put a line "---" after its last field, before "# S" on line 5.'],
		['an unclosed front matter whose slide is a list', 'title: T\n\n# S\n\n## A\n\n- a point\n\n---\n\n## B\n', 'deck.md:1:1: The front matter that starts here is never closed; put a line "---" after its last field, before "# S" on line 4.'],
		['a front matter that ends in a comment is closed', 'title: T\n# a comment\n---\n\n# S\n\n## A\n', 'parsed'],
		['a list where text is wanted', 'title: T\nauthor:\n  - Ann Lee\n  - Bo Chen\n---\n\n# S\n\n## A\n', 'deck.md:3:1: The front matter\'s "author:" takes one line of text, not a list; write it on one line, as in author: Ann Lee and Bo Chen.'],
		['a flow list where text is wanted', 'title: [A, B]\n---\n\n# S\n\n## A\n', 'deck.md:2:1: The front matter\'s "title:" takes one line of text, not a list; write it on one line, as in title: A and B.'],
		['an unknown key near a known one', 'title: T\npublsher: P\n---\n\n# S\n\n## A\n', 'deck.md:3:1: The front matter has no key "publsher:"; did you mean "publisher:"?'],
		['a key another presenter uses', 'title: T\ntype: report\n---\n\n# S\n\n## A\n', 'deck.md:3:1: The front matter has no key "type:"; did you mean "kind:"?'],
		['a key far from any', 'title: T\ncolour: red\n---\n\n# S\n\n## A\n', 'deck.md:3:1: The front matter has no key "colour:"; the keys are title, kind, outlet, publisher, author, date, url, source, summary, abstract, duration, lang.'],
		['an unknown kind', 'title: T\nkind: podcast\n---\n\n# S\n\n## A\n', 'deck.md:3:1: The front matter\'s "kind: podcast" is not one we know; the kinds are article, report, transcript, web page, document.'],
		['a second ": " in a value', 'title: Mayorkas: the town hall\n---\n\n# S\n\n## A\n', 'deck.md:2:'],
		['a key given twice', 'title: T\ntitle: U\n---\n\n# S\n\n## A\n', 'deck.md:3:1: The front matter gives "title:" twice; keep one.'],
		['an empty value', 'title: T\nauthor:\n---\n\n# S\n\n## A\n', 'deck.md:3:1: The front matter\'s "author:" is empty; give it a value or leave the line out.'],
		['no title', 'kind: report\n---\n\n# S\n\n## A\n', 'deck.md:1:1: The front matter needs "title:", the briefing\'s title.'],
		['a front matter with no closing line at all', 'title: T\nkind: report\n\n# S\n\n## A\n\nWords.\n', 'deck.md:1:1: The front matter that starts here is never closed; put a line "---" after its last field.'],
	])('says %s in our words, at its line', (_name, text, message) => {
		const got = failure(`---\n${text}`);
		expect(got.startsWith(message), got).toBe(true);
		expect(got).not.toMatch(/Implicit map|YAML|compact mapping/);
	});

	test('a value with ": " in it is told to go in quotation marks', () => {
		expect(failure('---\ntitle: Mayorkas: the town hall\n---\n\n# S\n\n## A\n')).toMatch(/^deck\.md:2:\d+: The front matter line "title: Mayorkas: the town hall" holds a second ": "; put the value in quotation marks/);
	});
});

/** A deck whose source is `source`, its words made by every handout function. */
function wordsFor(source: SourceInfo): string {
	const deck: Deck = {...builtIn, source};
	return [whoseLine(deck), aboutLine(deck), slideCitation(deck.slides[2]!, source), paragraphsInWords([3, 4], source)].join('\n');
}

describe('the words follow the kind of source', () => {
	test('the built-in deck (an article) reads as it always has', () => {
		expect(wordsFor(builtIn.source).split('\n')).toEqual([
			'A briefing on the article by Stephen Dinan in The Washington Times, April 6, 2021. The presenter wrote the briefing; the quotes and facts are the article’s.',
			'As of April 6, 2021, the article’s date: anything about the future is as of then. 32 slides in 12 sections. “¶ 13” means paragraph 13 of the article.',
			`Article ${slideCitation(builtIn.slides[2]!).replace('Article ', '')}`,
			'Source: article paragraphs 3 to 4.',
		]);
	});

	test('a report with no author, a transcript, an undated web page: never "article"', () => {
		expect(wordsFor({kind: 'report', publisher: 'ACME Institute', date: 'May 2024'}).split('\n')).toEqual([
			'A briefing on the report from ACME Institute, May 2024. The presenter wrote the briefing; the quotes and facts are the report’s.',
			'As of May 2024, the report’s date: anything about the future is as of then. 32 slides in 12 sections. “¶ 13” means paragraph 13 of the report.',
			expect.stringMatching(/^Report ¶ /) as unknown as string,
			'Source: report paragraphs 3 to 4.',
		]);
		expect(wordsFor({kind: 'transcript', author: 'Senate Committee staff', date: 'June 1, 2023'})).toMatch(/^A briefing on the transcript by Senate Committee staff, June 1, 2023\./);
		const page = wordsFor({kind: 'web page', publisher: 'example.org'});
		expect(page).toContain('The web page gives no date: anything about the future is as of when it was written.');
		expect(page).toMatch(/^Web page ¶ /m);
		for (const source of [{kind: 'report'}, {kind: 'document', author: 'A'}, {publisher: 'P'}, {}] as const) {
			expect(wordsFor(source)).not.toMatch(newsWords);
		}
	});

	test('a deck that names no source: no credit line, no as-of line, bare ¶ numbers', () => {
		const deck: Deck = {...builtIn, source: {}};
		expect(whoseLine(deck)).toBe('');
		expect(aboutLine(deck)).toBe('32 slides in 12 sections.');
		expect(slideCitation(deck.slides[2]!, deck.source)).toMatch(/^¶ /);
		expect(paragraphsInWords([3], deck.source)).toBe('Source: paragraph 3.');
	});
});

/** The report deck with `slide` in place of its slides (its front matter kept). */
function reportWith(slide: string): Deck {
	const text = readFileSync(reportDeck, 'utf8');
	return parseMarkdownDeck(text.slice(0, text.indexOf('# The survey')).replace('summary: at-a-glance\n', '') + `# S\n\n${slide}`).deck;
}

const problems = (slide: string) => checkDeck(reportWith(slide), reportText).map(problem => formatProblem(problem));

describe('check on a report', () => {
	test('the report deck checks out: the report\'s own words are quoted without quotation marks in it', () => {
		expect(checkDeck(parseMarkdownDeck(readFileSync(reportDeck, 'utf8')).deck, reportText)).toEqual([]);
	});

	test('a quote is credited to the report or to a speaker it names', () => {
		const quote = (speaker: string) => problems(`## Q {#q}\n\n<!-- paragraphs: 7 -->\n\n> The rooms have become the town's office.\n>\n> — ${speaker}\n`);
		expect(quote('Maria Okafor')).toEqual([]);
		expect(quote('Okafor')).toEqual([]);
		expect(quote('The report')).toEqual([]);
		expect(quote('Riverside Public Library Board')).toEqual([]);
		expect(quote('John Smith')).toEqual(['On slide 1 (q), the quote “The rooms have become the town\'s office.” is credited to John Smith, whom the report does not name; credit the report or a speaker it names.']);
		// Verbatim still holds: one word changed is caught.
		expect(problems('## Q {#q}\n\n<!-- paragraphs: 7 -->\n\n> The rooms have become the city\'s office.\n>\n> — Maria Okafor\n')).toEqual([
			'On slide 1 (q), the quote “The rooms have become the city\'s office.” is not word for word in ¶ 7 of the report.',
		]);
	});

	test('a bar\'s value, a bar\'s printed figure and a key figure are held to the cited paragraphs', () => {
		const bars = (rows: string) => problems(`## B {#b}\n\n<!-- paragraphs: 4 -->\n\n<!-- bars -->\n| Day | Visits | As printed |\n| - | - | - |\n${rows}`);
		expect(bars('| Weekdays | 3100 | 3,100 a week |\n')).toEqual([]);
		expect(bars('| The last two lists are moderated | 7 | two |\n')).toEqual([
			'On slide 1 (b), the bar “The last two lists are moderated” has the value 7, which is not in ¶ 4 of the report.',
			'On slide 1 (b), “two”, printed beside the bar “The last two lists are moderated”, is not in ¶ 4 of the report.',
		]);
		expect(bars('| Weekdays | 3000 | 3,100 a week |\n')).toEqual(['On slide 1 (b), the bar “Weekdays” has the value 3000, which is not in ¶ 4 of the report.']);
		const figure = (value: string) => problems(`## F {#f}\n\n<!-- paragraphs: 6 -->\n\n**${value}** of the loans\n`);
		expect(figure('18%')).toEqual([]);
		expect(figure('A quarter')).toEqual([]);
		expect(figure('19%')).toEqual(['On slide 1 (f), the number 19% on the slide is not in ¶ 6 of the report.']);
		expect(figure('Most')).toEqual(['On slide 1 (f), the key figure “Most” is not in ¶ 6 of the report.']);
	});

	test('a paragraph the source does not have is its own message, never "in no paragraph"', () => {
		const said = problems('## M {#m}\n\n<!-- paragraphs: 12 -->\n\n> The rooms have become the town\'s office.\n>\n> — Maria Okafor\n\n- 99 rooms\n');
		expect(said).toEqual(['On slide 1 (m), it cites ¶ 12, which the report does not have (its paragraphs are numbered 1 to 8).']);
	});

	test('an article keeps its rule: words in quotation marks are somebody\'s quoted words in it', () => {
		const article = readFileSync(new URL('../../shared/source/article.txt', import.meta.url), 'utf8');
		const deck = parseMarkdownDeck('---\ntitle: T\noutlet: The Washington Times\nsource: x.txt\n---\n\n# S\n\n## Feere {#f}\n\n<!-- paragraphs: 15, 16, 17 -->\n\n> rings hollow\n>\n> — Jon Feere\n').deck;
		expect(checkDeck(deck, article).map(problem => problem.kind)).toEqual(['not-quoted-in-source']);
		// The same words from a document (not an article) are the document's own: verbatim is enough.
		expect(checkDeck({...deck, source: {kind: 'document'}}, article)).toEqual([]);
	});
});

describe('the bin on the report', () => {
	test('check: exit 0, nothing about an article; --json too', async () => {
		const checked = await runBin(['check', reportDeck]);
		expect([checked.code, checked.stdout]).toEqual([0, `${reportDeck}: 5 slides check out against ${path.resolve(fixture('library-report.txt'))}\n`]);
		const json = await runBin(['check', reportDeck, '--json']);
		expect(json.code).toBe(0);
		expect(json.stdout.replaceAll('"article":', '')).not.toMatch(newsWords);
	}, 15_000);

	test('check --json gives each problem its line and column, and its sentence', async () => {
		const report = JSON.parse((await runBin(['check', fixture('check-problems.md'), '--json'])).stdout) as {problems: Array<{line: number; column: number; message: string}>};
		expect(report.problems).toHaveLength(6);
		for (const problem of report.problems) {
			expect(problem.line).toBeGreaterThan(0);
			expect(problem.column).toBeGreaterThan(0);
		}

		expect(report.problems.map(problem => problem.column)).toEqual([4, 38, 10, 18, 18, 1]);
	}, 15_000);

	test('check on a deck that names no source: structure only, and it says quotes and numbers were not checked', async () => {
		const file = path.join(folder('brf-sources-'), 'plain.md');
		writeFileSync(file, '---\ntitle: Plain\n---\n\n# S\n\n## A\n\n- 99 problems, “quoted”\n');
		const checked = await runBin(['check', file]);
		expect([checked.code, checked.stdout]).toEqual([0, `${file}: 1 slide checked for structure only; the deck names no source, so its quotes and numbers were not checked (give --source SOURCE to check them)\n`]);
		const json = JSON.parse((await runBin(['check', file, '--json'])).stdout) as {problems: unknown[]; notChecked: string};
		expect(json.problems).toEqual([]);
		expect(json.notChecked).toMatch(/quotes and numbers were not checked/);
	}, 15_000);

	test('every text export, --print, --list and paragraphs: no "article", "outlet" or "reporter"', async () => {
		const outputs = await Promise.all([
			...['txt', 'md', 'html', 'deck'].map(format => runBin([reportDeck, '--export', format, '--notes'])),
			runBin([reportDeck, '--print', '--notes']),
			runBin([reportDeck, '--list']),
			runBin(['paragraphs', fixture('library-report.txt')]),
		]);
		for (const {code, stdout, stderr} of outputs) {
			expect([code, stderr]).toEqual([0, '']);
			// The HTML's markup names its elements (<article> per slide, as HTML5 has it); its words are what a reader sees.
			const words = stdout.replaceAll(/<style>[\s\S]*?<\/style>/g, '').replaceAll(/<[^>]*>/g, ' ');
			expect(words, stdout.slice(0, 400)).not.toMatch(newsWords);
		}

		const [text, markdown, html, deckFile] = outputs.map(output => output.stdout);
		expect(text).toContain('A briefing on the report from Riverside Public Library Board, March 2024.');
		expect(text).toContain('Report ¶ 3-4');
		expect(markdown).toContain('*Report ¶ 7-8*');
		expect(markdown).toContain('| Group | Figure in the report |');
		expect(html).toContain('count the report’s paragraphs (blocks of text between blank lines) from its start');
		expect(deckFile).toMatch(/^---\ntitle: What readers asked of the library\nkind: report\npublisher: Riverside Public Library Board\ndate: March 2024\n/);
		// The deck written back presents the same words.
		expect(parseMarkdownDeck(deckFile!).deck.source).toEqual(parseMarkdownDeck(readFileSync(reportDeck, 'utf8')).deck.source);
	}, 30_000);

	test('both PDFs: no "article" in their words or their document info', async () => {
		const directory = folder('brf-sources-pdf-');
		for (const args of [[], ['--slides']]) {
			const file = path.join(directory, `report${args.length}.pdf`);
			const result = await runBin([reportDeck, '--export', 'pdf', '-o', file, ...args]);
			expect([result.code, result.stderr]).toEqual([0, '']);
			const {stdout: words} = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
			const {stdout: info} = await run('pdfinfo', [file]);
			expect(words).toContain('7-8');
			expect(`${words}\n${info}`).not.toMatch(newsWords);
			expect(info).toMatch(/Subject: +(?:A briefing on|The slides of a briefing on) the report from Riverside Public Library Board/);
		}
	}, 30_000);
});
