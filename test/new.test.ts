import {mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import meow from 'meow';
import {afterAll, describe, expect, test} from 'vitest';
import {checkDeck} from '../source/check/check.js';
import {blockTexts} from '../source/deck/blocks.js';
import {isFurniture, quotedSpans, splitParagraphs} from '../source/check/paragraphs.js';
import {parseMarkdownDeck} from '../source/markdown/parse-deck.js';
import {newDeck} from '../source/new-deck.js';
import {quoteBank} from '../source/new-quotes.js';
import {readSource} from '../source/new-source.js';
import {parseArgs} from '../source/parse-args.js';
import {controlBytes, runBin} from './helpers/bin.js';
import {spawnBin} from './helpers/pty.js';

/** `briefing new SOURCE`: the deck it starts from the article (and other texts), and the command around it. The CLI tests run dist/ (`npm run build` first). */
const articlePath = path.resolve('../shared/source/article.txt');
const article = readFileSync(articlePath, 'utf8');
const directory = mkdtempSync(path.join(tmpdir(), 'briefing-new-'));

afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

/** The quote bank's entries as the deck writes them: paragraph, speaker, words. */
function bankOf(deck: string): Array<{n: number; speaker: string; text: string}> {
	const bank = /<!--\nQuote bank[\s\S]*?\n-->/.exec(deck)?.[0] ?? '';
	return [...bank.matchAll(/^¶ (\d+) +(.*):\n((?: {4,}.*\n?)+)/gm)].map(match => ({
		n: Number(match[1]),
		speaker: match[2]!,
		text: match[3]!.replaceAll(/\s+/g, ' ').trim().replace(/^“/, '').replace(/”$/, ''),
	}));
}

describe('the quote bank of the article', () => {
	const {paragraphs} = readSource(article);
	const bank = quoteBank(paragraphs);
	const deck = newDeck({text: article, sourcePath: 'article.txt', fileName: 'article.txt'});

	test('lists every passage the checker reads as quoted, each with its paragraph, in order', () => {
		const spans = quotedSpans(splitParagraphs(article));
		const expected = spans.flatMap((each, index) => each.map(text => ({n: index + 1, text: text.trim()}))).filter(passage => passage.text);
		expect(bank.map(({n, text}) => ({n, text}))).toEqual(expected);
		// The deck's comment holds the same list, word for word (white space aside).
		expect(bankOf(deck).map(({n, text}) => ({n, text: text.replaceAll(/\s+/g, ' ')}))).toEqual(expected.map(({n, text}) => ({n, text: text.replaceAll(/\s+/g, ' ')})));
		// Every opening quotation mark outside page furniture starts a passage of the bank, and ¶ 31 has one more:
		// it goes on with the quote ¶ 30 leaves open, without a mark of its own.
		const marks = splitParagraphs(article).filter(paragraph => !isFurniture(paragraph)).join('').split('“').length - 1;
		expect(bank.length).toBe(marks + 1);
		expect(bank.filter(passage => passage.n === 31)).toHaveLength(1);
	});

	test.each([
		[5, 'noble mission', 'Mayorkas'],
		[6, 'opposed to the abolition', 'he (Mayorkas, named before)'],
		[13, 'My view is', 'Ahilan Arulananthem'],
		// The second quote of the paragraph: its sentence names nobody, the paragraph's speaker is the same.
		[13, 'I don’t know whether', 'Ahilan Arulananthem'],
		[14, 'internal discussions', 'the department'],
		[17, 'Biden’s DHS', 'Feere'],
		[19, 'I’ve seen this administration', 'that official'],
		[23, 'notoriously low morale', 'One employee'],
		[23, 'racism', 'Another employee'],
		// A quote over two paragraphs: "Mr. Mayorkas recalled" closes it in the second.
		[30, 'In one jurisdiction', 'Mayorkas'],
		[31, 'Together they said', 'Mayorkas'],
		[33, 'Are you going to work', 'Mayorkas (as the quote before)'],
		[45, 'None of what I do', 'he (Mayorkas, named before)'],
	])('¶ %i “%s…”: the speaker is %s', (n, words, speaker) => {
		expect(bank.find(passage => passage.n === n && passage.text.includes(words))?.speaker).toBe(speaker);
	});
});

describe('a speaker named after the verb, behind a role', () => {
	const text = [
		'City council approves new bike lanes',
		'The council voted 7-2 on Monday, the mayor said.',
		'"It is done," said on Tuesday a clerk.',
		'"This is a big day for people who ride," said council member Ann Lee.',
		'"We cannot afford it," said former budget chief Bob Park.',
	].join('\n\n');
	const bank = quoteBank(readSource(text).paragraphs);

	test.each([
		['This is a big day', 'Ann Lee'],
		['We cannot afford it', 'Bob Park'],
		// A preposition is no role: `said on Tuesday` names nobody (and no quote is before it).
		['It is done', ''],
	])('“%s…”: %s', (words, speaker) => {
		expect(bank.find(passage => passage.text.includes(words))?.speaker).toBe(speaker);
	});
});

describe('the deck it starts from the article', () => {
	const text = newDeck({text: article, sourcePath: '../shared/source/article.txt', fileName: 'article.txt'});
	const {deck} = parseMarkdownDeck(text);

	test('fills the front matter from what the article states, and says what it does not', () => {
		// No headline, and a file name (article.txt) that says nothing: the lede's first words, for the writer to replace.
		expect(text).toMatch(/^---\ntitle: Homeland Security Secretary Alejandro Mayorkas says he’s preparing… # the article states no title: these are its first words; write yours\noutlet: The Washington Times\ndate: April 6, 2021\nauthor: Stephen Dinan\nsource: \.\.\/shared\/source\/article\.txt\n---\n/);
		expect(deck.source).toEqual({outlet: 'The Washington Times', date: 'April 6, 2021', author: 'Stephen Dinan', text: '../shared/source/article.txt'});
	});

	test('passes check as written', () => {
		expect(checkDeck(deck, article)).toEqual([]);
	});

	test('cites every paragraph of the story once, in order, and not the page furniture; the dateline only where it dates words', () => {
		const story = splitParagraphs(article)
			.map((paragraph, index) => ({paragraph, n: index + 1}))
			.filter(({paragraph, n}) => n > 1 && !isFurniture(paragraph))
			.map(({n}) => n);
		expect(deck.slides.flatMap(slide => slide.paragraphs.filter(n => n > 1))).toEqual(story);
		for (const slide of deck.slides) {
			expect(slide.paragraphs.includes(1), slide.title).toBe(blockTexts(slide.blocks[0]!).some(item => item.includes('(as of April 6, 2021)')));
		}

		for (const slide of deck.slides) {
			expect(slide.paragraphs.length, slide.title).toBeLessThanOrEqual(6);
			expect(slide.blocks).toEqual([{kind: 'bullets', items: expect.any(Array) as unknown}]);
		}
	});

	test('each bullet is its paragraph\'s opening words, quotation marks in pairs', () => {
		const paragraphs = splitParagraphs(article);
		for (const slide of deck.slides) {
			const [block] = slide.blocks;
			const items = block?.kind === 'bullets' ? block.items : [];
			const cited = slide.paragraphs.filter(n => n > 1);
			expect(items.length).toBe(cited.length);
			for (const [index, item] of items.entries()) {
				const words = item.replace(/^“/, '').replace(/…”?$/, '').replace(/”$/, '').replaceAll(' (as of April 6, 2021)', '');
				expect(paragraphs[cited[index]! - 1]!.replaceAll(/\s+/g, ' ')).toContain(words);
				expect(item.split('“').length, item).toBe(item.split('”').length);
			}
		}
	});
});

describe('a title when the source states none, and time words dated', () => {
	const deckOf = (text: string, fileName: string) => newDeck({text, sourcePath: fileName, fileName});
	const titleLine = (deck: string) => deck.split('\n')[1];

	test('the first line when it reads as a headline over the first paragraph; else the file name in words; else the first words', () => {
		const story = 'Library keeps late hours\nThe county library stayed open until 9 p.m. this spring, its board said.\n\nVisits rose.';
		expect(titleLine(deckOf(story, 'article.txt'))).toBe('title: Library keeps late hours # the document states no title: this is its first line; edit it to yours');
		const plain = 'The county library stayed open until 9 p.m. this spring, its board said on Monday.\n\nVisits rose.';
		expect(titleLine(deckOf(plain, 'library-late_hours.txt'))).toBe('title: Library late hours # the document states no title: this is its file name; write yours');
		expect(titleLine(deckOf(plain, 'article (2).txt'))).toBe('title: The county library stayed open until 9 p.m.… # the document states no title: these are its first words; write yours');
		expect(parseMarkdownDeck(deckOf(plain, 'article.txt')).deck.title).toBe('The county library stayed open until 9 p.m.…');
	});

	test('“last week” in the article reads “last week (as of April 6, 2021)”, citing the dateline, and checks out', () => {
		const text = newDeck({text: article, sourcePath: '../shared/source/article.txt', fileName: 'article.txt'});
		expect(text).toContain('- Mr. Mayorkas revealed the hard-line stances last week (as of April 6, 2021) during a virtual town hall forum with ICE employees.');
		expect(text).toContain('- During last week’s (as of April 6, 2021) forum,');
		expect(text).toContain('<!-- paragraphs: 1-5 -->');
		expect(text).not.toMatch(/\b(?:last|this|next) (?:week|month|year)(?!’s)(?! \(as of)/i);
		expect(checkDeck(parseMarkdownDeck(text).deck, article)).toEqual([]);
	});

	test('time words in a slide\'s title are dated as in its bullets, and check out', () => {
		const source = 'Bike lanes\n\nMarch 3, 2024\n\nThe council voted last week to add lanes.\n\nWork starts soon.';
		const text = deckOf(source, 'lanes.txt');
		expect(text).toContain('## The council voted last week (as of March 3, 2024) to add lanes\n\n<!-- paragraphs: 2-4 -->');
		expect(text).not.toMatch(/\b(?:last|this|next) (?:week|month|year)(?!’s)(?! \(as of)/i);
		expect(checkDeck(parseMarkdownDeck(text).deck, source)).toEqual([]);
		// With no date, the title's words are asked about once, with the bullet's.
		const undated = deckOf('Bike lanes\n\nThe council voted last week to add lanes.', 'lanes.txt');
		expect(undated.match(/“last week” \(¶ 2\) counts/g)).toHaveLength(1);
	});

	test('with no date to go by, or inside a quote, the words stay and a comment under the bullets asks the writer to date them', () => {
		const undated = deckOf('Pilot hours\n\nThe board met last month and voted to extend the hours next year.\n\nVisits rose.', 'pilot.txt');
		expect(undated).toContain('- The board met last month and voted to extend the hours next year.\n- Visits rose.\n\n<!--\n“last month” (¶ 2) counts from the day the document was written, and it states no date: write when (“as of …”).\n“next year” (¶ 2) counts');
		const quoted = deckOf('- The Test Times - Monday, May 3, 2021\n\nThe mayor said: “We open next month.”\n\nVisits rose.', 'q.txt');
		expect(quoted).toContain('- The mayor said: “We open next month.”\n- Visits rose.\n\n<!--\n“next month” (¶ 2, in a quote) counts from the day the article was written, May 3, 2021: say when as you present it.\n-->');
		// The comments are ordinary ones: the deck reads, and shows them nowhere.
		expect(parseMarkdownDeck(undated).deck.slides.flatMap(slide => slide.blocks.flatMap(block => blockTexts(block))).join(' ')).not.toContain('counts from');
	});
});

describe('a report (test/fixtures/new-report.txt): headings, a publisher, no author', () => {
	const report = readFileSync('test/fixtures/new-report.txt', 'utf8');
	const text = newDeck({text: report, sourcePath: 'new-report.txt', fileName: 'new-report.txt'});

	test('says its kind, leaves out what it does not state with a comment, and uses no newspaper words', () => {
		expect(text).toContain('---\ntitle: Report on the Riverside Library Extended Hours Pilot\nkind: report\npublisher: Riverside County Library Services\ndate: September 2023\n# author: the report names none; add it if you know it\nsource: new-report.txt\n---\n');
		expect(text).not.toMatch(/\barticle\b|\boutlet\b/i);
	});

	test('makes a section of each heading, its number left off, citing the heading with its paragraphs', () => {
		expect([...text.slice(text.indexOf('\n-->\n')).matchAll(/^# (.*)$/gm)].map(match => match[1])).toEqual(['Summary', 'What visitors said', 'Costs and staffing', 'Recommendations']);
		expect(text).toContain('## Summary\n\n<!-- paragraphs: 4-6 -->\n\n- From March to August 2023 four branches stayed open until 9 p.m. on weekdays.\n- The pilot cost 146,000 dollars');
		expect(bankOf(text)).toEqual([
			{n: 9, speaker: 'one visitor', text: 'After my shift, this is the only quiet place with internet,'},
			{n: 10, speaker: 'A parent at the Eastside branch', text: 'the one hour of the week we all sit down together.'},
		]);
	});
});

describe('a survey with its issuer under the title and run-in heads', () => {
	const survey = ['Community Reading Survey 2024', 'Riverside Public Library Board', 'Summary. The board surveyed 1,240 card holders in March 2024. Two in three said they borrow a book a month.', 'Visits. Weekday visits rose to 3,100 a week.'].join('\n\n');
	const text = newDeck({text: survey, sourcePath: 'survey.txt', fileName: 'survey.txt'});

	test('the name under the title is the publisher, a run-in head titles the slide and stays with its sentence', () => {
		expect(text).toContain('title: Community Reading Survey 2024\nkind: report\npublisher: Riverside Public Library Board\n');
		expect(text).toContain('## Summary\n\n<!-- paragraphs: 3-4 -->\n\n- Summary. The board surveyed 1,240 card holders in March 2024.\n- Visits. Weekday visits rose to 3,100 a week.\n');
	});
});

describe('a text full of what Markdown and comments read as markup', () => {
	const tokens = ['alpha', '“quoted words,” he said.', 'Mr. Smith said', '42', '"straight"', '--', '-->', '<!--', '#', '*', '_', '~', '[link](x)', '<b>', '`code`', '|', '&amp;', '1.', '>'];
	// A newspaper's dateline and contact line: the front matter is whole without the sources lane's optional fields.
	const paragraphs = Array.from({length: 300}, (_, index) => Array.from({length: 5 + (index % 37)}, (_, at) => tokens[(index * 7 + at * 3) % tokens.length]).join(' ') + '.');
	const text = ['- The Test Times - Monday, May 3, 2021', ...paragraphs, '• Jane Doe can be reached at jane@example.com.'].join('\n\n');
	const deck = newDeck({text, sourcePath: 'hostile.txt', fileName: 'hostile.txt'});

	test('the deck reads back and passes check', () => {
		const parsed = parseMarkdownDeck(deck).deck;
		expect(parsed.source).toMatchObject({outlet: 'The Test Times', date: 'May 3, 2021', author: 'Jane Doe'});
		expect(new Set(parsed.slides.flatMap(slide => slide.paragraphs))).toEqual(new Set(Array.from({length: 300}, (_, index) => index + 2)));
		expect(checkDeck(parsed, text)).toEqual([]);
	});

	test('a bank too long for the space before the first slide stops, and says how many it left out', () => {
		const quotes = Array.from({length: 900}, (_, index) => `“Words number ${index} of a long day,” said Ms. Lee.`).join('\n\n');
		const written = newDeck({text: `- The Test Times - Monday, May 3, 2021\n\n${quotes}\n\n• Jane Doe can be reached at jane@example.com.`, sourcePath: 'q.txt', fileName: 'q.txt'});
		expect(written).toMatch(/\n… and \d+ more: briefing paragraphs shows them in their paragraphs\.\n-->\n/);
		expect(() => parseMarkdownDeck(written)).not.toThrow();
	});
});

describe('briefing new on the command line', () => {
	const parse = (argv: readonly string[]) => parseArgs(argv, meow);

	test('reads its words from its own flag table', () => {
		expect(parse(['new', 'a.txt'])).toEqual({kind: 'new', source: 'a.txt', isForced: false});
		expect(parse(['new', 'a.txt', '-o', 'deck.md', '--force'])).toEqual({kind: 'new', source: 'a.txt', file: 'deck.md', isForced: true});
		expect(parse(['new'])).toEqual({kind: 'usage-error', message: 'new takes one source text file: briefing new SOURCE [-o FILE] [--force]'});
		expect(parse(['new', 'a.txt', 'b.txt'])).toMatchObject({kind: 'usage-error', message: expect.stringContaining('not also "b.txt"') as unknown});
		expect(parse(['new', 'a.txt', '--force'])).toEqual({kind: 'usage-error', message: '--force goes with -o FILE'});
		expect(parse(['new', 'a.txt', '--print'])).toMatchObject({kind: 'usage-error', message: expect.stringContaining('not "--print"') as unknown});
	});

	test('writes the deck to -o, which presents and passes check; an existing file is replaced only with --force', {timeout: 30_000}, async () => {
		const file = path.join(directory, 'decks', 'mayorkas.md');
		mkdirSync(path.dirname(file));
		const made = await runBin(['new', articlePath, '-o', file]);
		expect([made.code, made.stderr, made.stdout]).toEqual([0, '', '']);
		const written = readFileSync(file, 'utf8');
		// The source named relative to the deck's folder, for check.
		expect(written).toContain(`\nsource: ${path.relative(path.dirname(file), articlePath)}\n`);
		const checked = await runBin(['check', file]);
		expect([checked.code, checked.stdout]).toEqual([0, `${file}: 11 slides check out against ${articlePath}\n`]);
		expect((await runBin([file, '--list'])).code).toBe(0);

		writeFileSync(file, 'mine');
		const refused = await runBin(['new', articlePath, '-o', file]);
		expect([refused.code, refused.stderr]).toEqual([2, `briefing: ${JSON.stringify(file)} already exists; add --force to replace it\n`]);
		expect(readFileSync(file, 'utf8')).toBe('mine');
		expect((await runBin(['new', articlePath, '-o', file, '--force'])).code).toBe(0);
		expect(readFileSync(file, 'utf8')).toBe(written);
	});

	test('on the report fixture: the deck presents, prints with no news words and passes check', {timeout: 30_000}, async () => {
		const file = path.join(directory, 'report.md');
		expect((await runBin(['new', 'test/fixtures/new-report.txt', '-o', file])).code).toBe(0);
		const checked = await runBin(['check', file]);
		expect([checked.code, checked.stdout]).toEqual([0, `${file}: 4 slides check out against ${path.resolve('test/fixtures/new-report.txt')}\n`]);
		const printed = await runBin([file, '--print', '--notes']);
		expect(printed.code).toBe(0);
		expect(printed.stdout).toContain('Report ¶ 4-6');
		expect(printed.stdout).not.toMatch(/\barticle\b|\boutlet\b/i);
		const session = spawnBin([file], {wrap: true});
		try {
			await session.waitForText('From March to August 2023 four branches stayed open');
			expect(session.screen()).toContain('1/4');
			session.write('q');
			expect(await session.wrappedCode()).toBe(0);
		} finally {
			session.dispose();
		}
	});

	test('on the sources lane\'s report fixture: the deck passes check', async () => {
		const file = path.join(directory, 'library.md');
		expect((await runBin(['new', 'test/fixtures/library-report.txt', '-o', file])).code).toBe(0);
		const checked = await runBin(['check', file]);
		expect(checked.code, checked.stdout).toBe(0);
		expect(readFileSync(file, 'utf8')).toContain('kind: report\npublisher: Riverside Public Library Board\n');
	});

	test('writes to stdout without -o, naming the source from the current folder', async () => {
		const made = await runBin(['new', articlePath]);
		expect(made.code).toBe(0);
		expect(made.stdout).toBe(newDeck({text: article, sourcePath: path.relative(process.cwd(), articlePath), fileName: 'article.txt'}));
		expect(made.stdout).not.toMatch(controlBytes);
	});

	const write = (name: string, content: string | Buffer) => {
		const file = path.join(directory, name);
		writeFileSync(file, content);
		return file;
	};

	test.each([
		['a missing file', () => path.join(directory, 'nope.txt'), /^briefing: .*nope\.txt: No such file\.\n$/],
		['a folder', () => directory, /: A folder, not a source text: give a \.txt file\.\n$/],
		['a binary file', () => write('picture.png', Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0xFF])), /picture\.png: Not a text file \(binary, or not UTF-8\): give a plain text file\.\n$/],
		['a file of NUL bytes', () => write('zeros.txt', Buffer.alloc(64)), /zeros\.txt: Not a text file \(binary, or not UTF-8\): give a plain text file\.\n$/],
		['an empty file', () => write('empty.txt', ''), /empty\.txt: empty: no paragraph to start a deck from\n$/],
		['a file of blank lines', () => write('blank.txt', '\n\n  \n\t\n'), /blank\.txt: empty: no paragraph to start a deck from\n$/],
		['a text of more paragraphs than a deck has slides for', () => write('many.txt', 'Words.\n\n'.repeat(25_000)), /many\.txt: Too big to start one deck from; start from a part of it\. The deck's line \d+: A deck holds at most 5,000 slides \(split it into several decks\)\.\n$/],
		['a text that makes a deck over 1 MiB', () => write('long.txt', 'Many words go here.\n\n'.repeat(45_000)), /long\.txt: Too big to start one deck from; start from a part of it\. The deck would be \d+ KiB, and a deck is at most 1024 KiB\.\n$/],
	])('%s: one line, exit 2, nothing written', async (_name, source, message) => {
		const output = path.join(directory, 'never.md');
		const result = await runBin(['new', source(), '-o', output]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(message);
		expect(result.stderr.split('\n')).toHaveLength(2);
		expect(() => statSync(output)).toThrow();
	});

	test('the new deck presents in a terminal: slide 1, then q leaves cleanly', {timeout: 20_000}, async () => {
		const file = path.join(directory, 'present.md');
		expect((await runBin(['new', articlePath, '-o', file])).code).toBe(0);
		const session = spawnBin([file], {wrap: true});
		try {
			await session.waitForText('Homeland Security Secretary Alejandro Mayorkas says he’s…');
			expect(session.screen()).toContain('1/11');
			session.write('q');
			expect(await session.wrappedCode()).toBe(0);
		} finally {
			session.dispose();
		}
	});
});
