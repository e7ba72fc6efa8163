import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {DeckFileError, readTextFile} from '../source/markdown/load.js';
import {parseMarkdownDeck} from '../source/markdown/parse-deck.js';
import {runBin} from './helpers/bin.js';

/**
Read what was checked (one open, fstat of that descriptor, a capped read), `check --json` and its exit
codes, and the marks for characters that can make text read other than it is. The bin tests need
`npm run build`.
*/
const directory = mkdtempSync(path.join(tmpdir(), 'briefing-reading-'));
afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

const head = '---\ntitle: T\noutlet: O\ndate: D\nauthor: A\nsource: article.txt\n---\n\n# S\n\n';
writeFileSync(path.join(directory, 'article.txt'), 'The first paragraph.\n\nThe second paragraph.\n');

async function problemOf(file: string): Promise<string> {
	try {
		await readTextFile(file);
	} catch (error: unknown) {
		if (error instanceof DeckFileError) {
			return error.message;
		}

		throw error;
	}

	return 'read';
}

describe('one open, checked, read with a cap', () => {
	test('a fifo (no writer), /dev/zero behind a symbolic link, a directory: one line each, at once', async () => {
		const fifo = path.join(directory, 'fifo.md');
		execFileSync('mkfifo', [fifo]);
		const zero = path.join(directory, 'zero.md');
		symlinkSync('/dev/zero', zero);
		const folder = path.join(directory, 'folder.md');
		mkdirSync(folder);
		expect(await problemOf(fifo)).toBe(`${fifo}: Not a regular file.`);
		expect(await problemOf(zero)).toBe(`${zero}: Not a regular file.`);
		expect(await problemOf(folder)).toBe(`${folder}: A folder, not a deck: give a .md file.`);
		expect(await problemOf(path.join(directory, 'missing.md'))).toBe(`${path.join(directory, 'missing.md')}: No such file.`);
	});

	test('the bin on a fifo deck exits 2 with the message, and --source and paragraphs on one too', async () => {
		const fifo = path.join(directory, 'fifo2.md');
		execFileSync('mkfifo', [fifo]);
		for (const args of [[fifo, '--list'], ['check', '--source', fifo], ['paragraphs', fifo]]) {
			const result = await runBin(args);
			expect([result.code, result.stderr]).toEqual([2, `briefing: ${fifo}: Not a regular file.\n`]);
		}
	});
});

describe('check --json and exit codes', () => {
	test('a deck that cannot be read: exit 2, and JSON with the error (on stderr too)', async () => {
		const file = path.join(directory, 'bomb.md');
		writeFileSync(file, `${head}## A slide\n\n${'>'.repeat(50_000)}\n`);
		const result = await runBin(['check', file, '--json']);
		expect(result.code).toBe(2);
		expect(JSON.parse(result.stdout)).toEqual({deck: file, error: `${file}:13:5001: This line has 50,000 characters; a deck's lines hold at most 5,000 (break it into lines).`});
		expect(result.stderr).toBe(`briefing: ${file}:13:5001: This line has 50,000 characters; a deck's lines hold at most 5,000 (break it into lines).\n`);
		const missing = await runBin(['check', path.join(directory, 'missing.md'), '--json']);
		expect([missing.code, (JSON.parse(missing.stdout) as {error: string}).error]).toEqual([2, `${path.join(directory, 'missing.md')}: No such file.`]);
	});

	test('a source: that is not there is said at its line, with the path it was read as', async () => {
		const folder = path.join(directory, 'sent');
		mkdirSync(folder, {recursive: true});
		const file = path.join(folder, 'deck.md');
		writeFileSync(file, `${head}## A slide\n\nWords.\n`);
		const said = `${file}:6:1: The deck's source: article.txt (read from the deck's folder as ${path.join(folder, 'article.txt')}): No such file; fix the path, or give --source SOURCE.`;
		const result = await runBin(['check', file, '--json']);
		expect([result.code, (JSON.parse(result.stdout) as {error: string}).error, result.stderr]).toEqual([2, said, `briefing: ${said}\n`]);
		const given = await runBin(['check', file, '--source', path.join(folder, 'nope.txt')]);
		expect([given.code, given.stderr]).toEqual([2, `briefing: ${path.join(folder, 'nope.txt')}: No such file.\n`]);
	});

	test('a usage error: exit 2, and with --json the error as JSON too', async () => {
		const result = await runBin(['check', '--json', '--bogus']);
		expect(result.code).toBe(2);
		expect(JSON.parse(result.stdout)).toEqual({error: 'check takes [FILE.md] [--source SOURCE] [--size WxH] [--json] [--format NAME], not "--bogus"'});
		expect(result.stderr).toContain('briefing: check takes');
		const plain = await runBin(['check', '--bogus']);
		expect([plain.code, plain.stdout]).toEqual([2, '']);
	});

	test('problems found: exit 1, JSON; none: exit 0', async () => {
		const file = path.join(directory, 'fine.md');
		writeFileSync(file, `${head}## A slide\n\nThe first paragraph.\n<!-- paragraphs: 1 -->\n`);
		const fine = await runBin(['check', file, '--json']);
		expect([fine.code, (JSON.parse(fine.stdout) as {problems: unknown[]}).problems]).toEqual([0, []]);
		writeFileSync(file, `${head}## A slide\n\nThe 9 paragraphs.\n<!-- paragraphs: 1 -->\n`);
		const found = await runBin(['check', file, '--json']);
		expect([found.code, (JSON.parse(found.stdout) as {problems: unknown[]}).problems.length]).toEqual([1, 1]);
	});
});

describe('what can reorder text is shown', () => {
	const text = `${head}## A \u202Ereversed\u202C title\n\nA zero\u200Bwidth space, a mark\u200F here, an isolate \u2066x\u2069, a joined 👩\u200D💻 and a loose\u200Djoiner.\n<!-- paragraphs: 1 -->\n`;

	test('bidi controls and zero-width characters become marks where the deck is read; a joiner between emoji stays', () => {
		const {deck} = parseMarkdownDeck(text);
		const slide = deck.slides[0]!;
		expect(slide.title).toBe('A [RLO]reversed[PDF] title');
		expect(slide.blocks[0]).toEqual({kind: 'text', text: 'A zero[ZWSP]width space, a mark[RLM] here, an isolate [LRI]x[PDI], a joined 👩\u200D💻 and a loose[ZWJ]joiner.'});
	});

	test('--print shows the marks, and check names each at its line', async () => {
		const file = path.join(directory, 'hidden.md');
		writeFileSync(file, text);
		const printed = await runBin([file, '--print']);
		expect(printed.stdout).toContain('A [RLO]reversed[PDF] title');
		expect(printed.stdout).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F]/);
		const checked = await runBin(['check', file]);
		expect(checked.code).toBe(1);
		const lines = text.split('\n');
		expect(checked.stdout.split('\n').filter(line => line.includes('can make the text read'))).toEqual([
			`${file}:11:6: On slide 1 (a-rlo-reversed-pdf-title), line 11 holds U+202E RIGHT-TO-LEFT OVERRIDE, shown as [RLO], U+202C POP DIRECTIONAL FORMATTING, shown as [PDF], which can make the text read other than it is; delete them.`,
			`${file}:13:${[...lines[12]!].findIndex(character => character === '\u200B') + 1}: On slide 1 (a-rlo-reversed-pdf-title), line 13 holds U+200B ZERO WIDTH SPACE, shown as [ZWSP], U+200F RIGHT-TO-LEFT MARK, shown as [RLM], U+2066 LEFT-TO-RIGHT ISOLATE, shown as [LRI], U+2069 POP DIRECTIONAL ISOLATE, shown as [PDI], U+200D ZERO WIDTH JOINER, shown as [ZWJ], which can make the text read other than it is; delete them.`,
		]);
	});
});
