import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {runBin} from '../helpers/bin.js';
import {endAfterEach, root, type Session, spawnBin} from '../helpers/pty.js';

/**
The fixture deck of numbered and nested lists, code in two languages and columns, presented in a real
terminal at 80x24 and revealed step by step, then in every export.
*/
const {sessions} = endAfterEach();
const fixture = path.join(root, 'test/fixtures/code-and-columns.md');

/** Whether any cell of the row holding `text` is drawn in a colour of its own (not the terminal's default). */
function coloured(session: Session, text: string): boolean {
	const buffer = session.term.buffer.active;
	const row = session.lines().findIndex(line => line.includes(text));
	const line = buffer.getLine(buffer.viewportY + row);
	const start = session.lines()[row]!.indexOf(text);
	const colours = new Set<number>();
	for (let column = start; column < start + text.length; column++) {
		const cell = line?.getCell(column);
		if (cell && !cell.isFgDefault()) {
			colours.add(cell.getFgColor());
		}
	}

	return colours.size > 1;
}

async function step(session: Session, text: string): Promise<void> {
	session.write('\u001B[C');
	await session.waitForText(text);
}

describe.sequential('the fixture deck in a terminal, 80x24', {timeout: 60_000}, () => {
	test('every list item, one step at a time; code highlighted; the columns side by side', async () => {
		const session = spawnBin([fixture, '--theme', 'dark'], {size: {columns: 80, rows: 24}});
		sessions.push(session);
		await session.waitForText('1. Take on sanctuary cities');
		expect(session.screen()).not.toContain('that refuse');
		await step(session, '- that refuse to work with ICE'.replace('- ', '◦ '));
		expect(session.screen()).not.toContain('More criminal');
		await step(session, '2. More criminal prosecution');
		await step(session, '1. for jumping the border');
		await step(session, '3. No abolishing of ICE');
		// The nested item stands under its item's words.
		const lines = session.lines();
		const parent = lines.find(line => line.includes('2. More criminal'))!;
		const child = lines.find(line => line.includes('1. for jumping'))!;
		expect(child.indexOf('1.')).toBe(parent.indexOf('More'));

		await step(session, '• Enforcement and Removal Operations');
		await step(session, '1. the nearly 5,000-strong deportation force');
		await step(session, '• Homeland Security Investigations');
		await step(session, '◦ 7,000 agents');

		// Code: no steps; its language over it, each line after a bar, in the highlighter's colours.
		await step(session, 'def book_ins(before: int) -> int:');
		expect(session.screen()).toContain('python');
		expect(session.screen()).toMatch(/│ # "every number here is code", not a quote/);
		expect(coloured(session, 'def book_ins(before: int) -> int:')).toBe(true);
		expect(coloured(session, 'The `book_ins("x")` call')).toBe(true);

		// The columns: the first bullet beside the other column's code, which is too long and wraps.
		await step(session, '• ICE has a “noble mission”');
		const row = session.lines().find(line => line.includes('Mayorkas'))!;
		expect(row).toMatch(/Mayorkas\s{3,}ts$/);
		expect(session.screen()).toMatch(/│ const stance = \{abolish: false,/);
		expect(session.screen()).toContain('│ ↪ ');
		expect(session.screen()).not.toContain('Opposed to the abolition');
		await step(session, '• Opposed to the abolition of ICE');
		for (const line of session.lines()) {
			expect(line.length).toBeLessThanOrEqual(80);
		}

		session.write('q');
		expect(await session.status()).toBe(0);
	});

	test('NO_COLOR: the same code, in no colour', async () => {
		const session = spawnBin([fixture, '--slide', '3'], {size: {columns: 80, rows: 24}, env: {NO_COLOR: '1'}});
		sessions.push(session);
		await session.waitForText('def book_ins(before: int) -> int:');
		expect(coloured(session, 'def book_ins(before: int) -> int:')).toBe(false);
		session.write('q');
		expect(await session.status()).toBe(0);
	});

	test('the presenter view shows the next list item as the next step', async () => {
		const session = spawnBin([fixture, '--presenter'], {size: {columns: 100, rows: 30}});
		sessions.push(session);
		await session.waitForText('Next bullet: that refuse to work with ICE');
		session.write('\u001B[C');
		await session.waitForText('Next item: 2. More criminal prosecution');
		expect(session.screen()).toContain('◦ that refuse to work with ICE');
		session.write('q');
		expect(await session.status()).toBe(0);
	});
});

describe('the fixture deck in every export', {timeout: 60_000}, () => {
	test('--print and --export txt: plain, code indented under its language, no escape byte', async () => {
		for (const flags of [['--print'], ['--export', 'txt']]) {
			const {code, stdout} = await runBin([fixture, ...flags], {FORCE_COLOR: '1'});
			expect(code).toBe(0);
			expect(stdout).not.toContain('\u001B');
			expect(stdout).toContain('  1. Take on sanctuary cities\n     - that refuse to work with ICE\n');
			expect(stdout).toContain('  python code:\n      # "every number here is code", not a quote\n');
			expect(stdout).toContain('  ts code:\n      const stance');
		}
	});

	test('--export md and html: lists, code and inline code as such', async () => {
		const md = (await runBin([fixture, '--export', 'md'])).stdout;
		expect(md).toContain('1. Take on sanctuary cities\n   - that refuse to work with ICE\n2. More criminal prosecution\n   1. for jumping the border');
		expect(md).toContain('```python\n# "every number here is code", not a quote\n');
		expect(md).toContain('The `book_ins("x")` call above is code');
		const html = (await runBin([fixture, '--export', 'html'])).stdout;
		expect(html).toContain('<code class="language-ts">const stance');
		expect(html).toContain('<code>book_ins(&quot;x&quot;)</code>');
		expect(html).toContain('<div class="columns">');
	});

	test('--export deck round trip: the exported deck exports itself identically, prints the same and checks out', async () => {
		const directory = mkdtempSync(path.join(os.tmpdir(), 'brf-blocks-'));
		try {
			const once = path.join(directory, 'once.md');
			const twice = path.join(directory, 'twice.md');
			expect((await runBin([fixture, '--export', 'deck', '-o', once])).code).toBe(0);
			expect((await runBin([once, '--export', 'deck', '-o', twice])).code).toBe(0);
			expect(readFileSync(twice, 'utf8')).toBe(readFileSync(once, 'utf8'));
			expect((await runBin([once, '--print'])).stdout).toBe((await runBin([fixture, '--print'])).stdout);
			expect((await runBin(['check', once, '--source', path.resolve(root, '../shared/source/article.txt')])).code).toBe(0);
			const pdf = path.join(directory, 'handout.pdf');
			expect((await runBin([fixture, '--export', 'pdf', '-o', pdf])).code).toBe(0);
			expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
			const pages = path.join(directory, 'slides.pdf');
			expect((await runBin([fixture, '--export', 'pdf', '--slides', '--theme', 'dark', '-o', pages])).code).toBe(0);
			expect(readFileSync(pages).subarray(0, 5).toString()).toBe('%PDF-');
		} finally {
			rmSync(directory, {recursive: true, force: true});
		}
	});

	test('check passes it: quoted words and numbers in code are not held to the article', async () => {
		const {code, stdout} = await runBin(['check', fixture]);
		expect([code, stdout]).toEqual([0, `${fixture}: 4 slides check out against ${path.resolve(root, '../shared/source/article.txt')}\n`]);
	});
});
