import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {afterAll, describe, expect, test} from 'vitest';
import {splitParagraphs} from '../source/check/paragraphs.js';
import {controlBytes, runBin} from './helpers/bin.js';
import {slideCount} from './helpers/deck-facts.js';

/** The built bin on Markdown decks: `FILE.md`, `--export deck`, `check` and `paragraphs`. Run after `npm run build`. */
const directory = mkdtempSync(path.join(tmpdir(), 'briefing-markdown-'));
const article = path.resolve('../shared/source/article.txt');
const fixture = (name: string) => path.join('test/fixtures', name);

afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

describe('--export deck', () => {
	// Eight and three runs of the bin: on a loaded machine more than vitest's 5 s.
	test('the built-in deck as a Markdown deck presents the same slides, word for word', {timeout: 30_000}, async () => {
		const file = path.join(directory, 'built-in.md');
		expect((await runBin(['--export', 'deck', '-o', file])).code).toBe(0);
		for (const flags of [['--print'], ['--print', '--notes'], ['--list']]) {
			const original = await runBin(flags);
			const fromMarkdown = await runBin([file, ...flags]);
			expect(fromMarkdown.code, fromMarkdown.stderr).toBe(0);
			expect(fromMarkdown.stdout).toBe(original.stdout);
		}

		// It names its article, relative to where it was written: `check` finds it and passes it.
		expect(readFileSync(file, 'utf8')).toContain(`source: ${path.relative(directory, article)}\n`);
		const checked = await runBin(['check', file]);
		expect([checked.code, checked.stdout]).toEqual([0, `${file}: ${slideCount} slides check out against ${article}\n`]);
	});

	test('a Markdown deck exports itself again unchanged', {timeout: 30_000}, async () => {
		const once = await runBin([fixture('every-primitive.md'), '--export', 'deck']);
		const file = path.join(directory, 'again.md');
		writeFileSync(file, once.stdout);
		const twice = await runBin([file, '--export', 'deck']);
		expect(twice.stdout).toBe(once.stdout);
		expect((await runBin([file, '--print', '--notes'])).stdout).toBe((await runBin([fixture('every-primitive.md'), '--print', '--notes'])).stdout);
	});

	test('a deck exported into another folder names its source relative to that folder, and check finds it', {timeout: 30_000}, async () => {
		const file = path.join(directory, 'elsewhere', 'library.md');
		mkdirSync(path.dirname(file));
		expect((await runBin([fixture('library-report.md'), '--export', 'deck', '-o', file])).code).toBe(0);
		const text = path.resolve('test/fixtures/library-report.txt');
		expect(readFileSync(file, 'utf8')).toContain(`source: ${path.relative(path.dirname(file), text)}\n`);
		const checked = await runBin(['check', file]);
		expect([checked.code, checked.stdout]).toEqual([0, `${file}: 5 slides check out against ${text}\n`]);
	});

	test('a deck exported beside itself, or to stdout, keeps its source: line as written', {timeout: 30_000}, async () => {
		const original = readFileSync(fixture('library-report.md'), 'utf8');
		const beside = path.join('test/fixtures', `.export-${process.pid}.md`);
		try {
			expect((await runBin([fixture('library-report.md'), '--export', 'deck', '-o', beside])).code).toBe(0);
			const once = readFileSync(beside, 'utf8');
			expect(once).toContain('source: library-report.txt\n');
			expect((await runBin([beside, '--export', 'deck'])).stdout).toBe(once);
			expect(original).toContain('source: library-report.txt\n');
		} finally {
			rmSync(beside, {force: true});
		}
	});
});

describe('a deck file that cannot be presented gets one line and exit 2', () => {
	const write = (name: string, content: string | Buffer) => {
		const file = path.join(directory, name);
		writeFileSync(file, content);
		return file;
	};

	test.each([
		['a missing file', () => path.join(directory, 'nope.md'), /^briefing: .*nope\.md: No such file\.\n$/],
		['a directory', () => directory, /: A folder, not a deck: give a \.md file\.\n$/],
		['a file that is not UTF-8', () => write('latin1.md', Buffer.from([0x2D, 0x2D, 0x2D, 0x0A, 0xE9, 0x0A])), /latin1\.md: Not UTF-8 text: save it as UTF-8\./],
		['a file saved as UTF-16', () => write('u16.md', Buffer.concat([Buffer.from([0xFF, 0xFE]), Buffer.from('# A\n\n## B\n', 'utf16le')])), /u16\.md: Not UTF-8 text \(it is UTF-16\): save it as UTF-8\.\n$/],
		['UTF-16 without its mark (zero bytes)', () => write('u16b.md', Buffer.from('# A\n\n## B\n', 'utf16le')), /u16b\.md: Not UTF-8 text \(it holds zero bytes\): save it as UTF-8\.\n$/],
		['a file over the size cap', () => write('big.md', 'x'.repeat(1024 * 1024 + 1)), /big\.md: 1025 KiB is too big for a deck \(at most 1024 KiB\)\.\n$/],
		['a deck that does not parse', () => write('bad.md', '---\ntitle: T\noutlet: O\ndate: D\nauthor: A\n---\n\n# S\n\n## A\n\n> words\n'), /bad\.md:12:1: A quote needs its speaker/],
		['a file name with an escape in it', () => path.join(directory, 'x\u001B[2J.md'), /x\u241B\[2J\.md: No such file\./],
	])('%s', async (_name, file, message) => {
		const result = await runBin([file(), '--print']);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(message);
		expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(result.stderr.replaceAll('\n', '')).not.toMatch(controlBytes);
	});

	test('two deck files are a usage error', async () => {
		const result = await runBin([fixture('every-primitive.md'), fixture('check-problems.md')]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/unexpected argument ".*check-problems\.md"/);
	});
});

describe('briefing check', () => {
	test('passes the built-in deck against the article beside the checkout', async () => {
		const result = await runBin(['check']);
		expect(result.code, result.stdout).toBe(0);
		expect(result.stdout).toMatch(/^the built-in deck: \d+ slides check out against .*article\.txt\n$/);
	});

	test('names each kind of problem in a sentence at its file, line and column, with a summary, exit 1', async () => {
		const file = fixture('check-problems.md');
		const lines = readFileSync(file, 'utf8').split('\n');
		/** `LINE:COLUMN` of the first line holding `text`, the column at `at` in it (1-based). */
		const place = (text: string, at: string) => {
			const index = lines.findIndex(each => each.includes(text));
			return `${index + 1}:${lines[index]!.indexOf(at) + 1}`;
		};

		const result = await runBin(['check', file, '--source', article]);
		expect(result.code).toBe(1);
		expect(result.stdout.split('\n').map(each => each.replace(/: .*$/, ''))).toEqual([
			`${file}:${place('“I am 100% opposed', 'I am')}`,
			`${file}:${place('## Jon Feere', 'rings hollow')}`,
			`${file}:${place('- Cut by 63%', '63%')}`,
			`${file}:${place('paragraphs: 52', '52')}`,
			`${file}:${place('paragraphs: 8', '8')}`,
			`${file}:${place('## Nothing cited', '#')}`,
			file,
			'',
		]);
		// Every problem is one sentence: it starts with its slide and ends with a full stop.
		expect(result.stdout.split('\n').slice(0, 6).every(each => /^[^ ]+:\d+:\d+: On slide \d+ \([\w-]+\), .*\.$/.test(each))).toBe(true);
		expect(result.stdout).toContain('On slide 2 (changed), the quote “I am 100% opposed to the abolition of ICE” is not word for word in ¶ 6 of the article.');
		expect(result.stdout).toContain('On slide 3 (paraphrase), “rings hollow” in the title is not inside quotation marks in ¶ 15, 16, 17 of the article;');
		expect(result.stdout).toContain('On slide 5 (missing), it cites ¶ 52, which the article does not have (its paragraphs are numbered 1 to 51).');
		expect(result.stdout).toContain(`${file}: 6 problems on 6 of 7 slides, against ${article}`);
	});

	test('--json gives the same problems as data, each with its file and line; the source comes from the front matter', async () => {
		const result = await runBin(['check', fixture('check-problems.md'), '--json']);
		expect(result.code).toBe(1);
		const report = JSON.parse(result.stdout) as {slides: number; problems: Array<{kind: string; slide: number; file: string; line: number}>};
		expect(report.slides).toBe(7);
		expect(report.problems.map(problem => [problem.slide, problem.kind])).toEqual([
			[2, 'not-verbatim'],
			[3, 'not-quoted-in-source'],
			[4, 'number-not-cited'],
			[5, 'no-such-paragraph'],
			[6, 'furniture-cited'],
			[7, 'no-citation'],
		]);
		expect(report.problems.every(problem => problem.file === fixture('check-problems.md') && problem.line > 0)).toBe(true);
	});

	test('the built-in deck\'s problems point into slides/ (a changed article makes some)', async () => {
		const changed = path.join(directory, 'changed-article.txt');
		writeFileSync(changed, readFileSync(article, 'utf8').replace('noble mission', 'noble calling'));
		const result = await runBin(['check', '--source', changed]);
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/^slides\/[\w-]+\.tsx:\d+:\d+: On slide \d+ \([\w-]+\), the quot(?:e|ed words) “[^”]*noble mission[^”]*” (?:.* )?(?:is|are) not word for word/m);
	});

	test('usage errors and an unreadable article exit 2', async () => {
		expect((await runBin(['check', '--bogus'])).code).toBe(2);
		expect((await runBin(['check', fixture('every-primitive.md'), fixture('check-problems.md')])).code).toBe(2);
		const noSource = path.join(directory, 'no-source.md');
		writeFileSync(noSource, '---\ntitle: T\noutlet: O\ndate: D\nauthor: A\n---\n\n# S\n\n## A\n');
		const result = await runBin(['check', noSource]);
		expect([result.code, result.stderr]).toEqual([2, `briefing: ${noSource}: no text of the article to check against; give --source SOURCE or a "source:" line in the front matter\n`]);
		expect((await runBin(['check', '--source', directory])).stderr).toMatch(/A folder, not the article's text/);
	});
});

describe('briefing paragraphs', () => {
	test('numbers the paragraphs as the checker counts them, furniture marked', async () => {
		const result = await runBin(['paragraphs', article]);
		expect(result.code).toBe(0);
		const paragraphs = splitParagraphs(readFileSync(article, 'utf8'));
		const blocks = result.stdout.trimEnd().split('\n\n');
		expect(blocks).toHaveLength(paragraphs.length);
		for (const [index, paragraph] of paragraphs.entries()) {
			const shown = blocks[index]!.replaceAll(/\s+/g, ' ').trim();
			expect(shown.startsWith(`${index + 1} ${paragraph.replaceAll(/\s+/g, ' ').slice(0, 30)}`), shown).toBe(true);
		}

		expect(blocks[7]).toMatch(/\[page furniture: not citable\]$/);
		expect((await runBin(['paragraphs'])).code).toBe(2);
	});

	test('a text with no paragraph (empty, or only blank lines) says so and exits 2, not a blank line and 0', async () => {
		const empty = path.join(directory, 'blank.txt');
		writeFileSync(empty, '\n \n\t\n');
		const result = await runBin(['paragraphs', empty]);
		expect([result.code, result.stdout, result.stderr]).toEqual([2, '', `briefing: ${empty}: no paragraph to number (an empty text)\n`]);
	});
});
