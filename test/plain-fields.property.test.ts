import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {parseDocument} from 'yaml';
import {plainFields} from '../source/markdown/plain-fields.js';

/** What the front matter reader takes from the `yaml` package: the map, and where each key starts. */
function fromYaml(text: string): {data: unknown; offsets: Map<string, number>} | undefined {
	const document = parseDocument(text, {prettyErrors: false, uniqueKeys: true});
	if (document.errors.length > 0) {
		return undefined;
	}

	const offsets = new Map<string, number>();
	const {contents} = document;
	if (contents && 'items' in contents) {
		for (const pair of contents.items as Array<{key?: {value?: unknown; range?: readonly number[]}}>) {
			offsets.set(String(pair.key?.value), pair.key?.range?.[0] ?? 0);
		}
	}

	return {data: document.toJS(), offsets};
}

function expectSameOrNone(text: string): boolean {
	const plain = plainFields(text);
	if (plain) {
		expect({data: plain.data, offsets: plain.offsets}, JSON.stringify(text)).toEqual(fromYaml(text));
	}

	return plain !== undefined;
}

describe('plain front matter', () => {
	test.each([
		'title: A generated deck\noutlet: The Washington Times\ndate: April 6, 2021\nauthor: Stephen Dinan',
		'title: Mayorkas\'s town hall (2021)\n\nurl: https://example.com/a#b\nsource: ../shared/source/article.txt',
		'title: 注意 — Ünïcödé 😀',
	])('reads %j as the yaml package does', text => {
		expect(expectSameOrNone(text)).toBe(true);
	});

	test.each(['title: "quoted"', 'title: a: b', 'title: yes # no', 'title: true', 'duration: 20', 'date: 2021-04-06', 'title: x\ntitle: y', '# comment\ntitle: x', 'tags: [a, b]', 'title: x\n  more', 'title:', ''])('leaves %j to the yaml package', text => {
		expect(plainFields(text)).toBeUndefined();
	});

	test('any text of field-like lines: the yaml package\'s map or none', () => {
		const key = fc.constantFrom('title', 'date', 'author', 'url', 'kind', 'a_b', 'x1', '__proto__', 'constructor', 'Title', '1x', '-x');
		const piece = fc.constantFrom('words', 'Más', '注意', 'a,b', "it's", '"q"', "'q'", '(x)', '50%', '#', ' #x', 'x#y', ':', ': ', 'a:b', '-', '*', '&a', '!t', '|', '>', '[x]', '{x}', 'true', 'False', 'null', 'yes', 'no', '~', '2021', '1e3', '0x1F', '.inf', '../a', './b', '/c', '.d', 'https://x.y/z', '\t', '  ', '?', '@', '`', '%');
		const wild = fc.array(piece, {minLength: 0, maxLength: 4}).map(parts => parts.join(''));
		const tame = fc
			.tuple(fc.constantFrom('Words', 'Más', '注意', '../a', '/b'), fc.array(fc.constantFrom('Words', ' ', ', ', "'s", ' (x)', ' 2021', '/', '.', '-'), {maxLength: 4}))
			.map(([first, rest]) => first + rest.join(''));
		const value = fc.oneof({weight: 3, arbitrary: tame}, wild);
		const line = fc.oneof({weight: 8, arbitrary: fc.tuple(key, fc.constantFrom(': ', ': ', ': ', ':', ':  ', ' : '), value).map(parts => parts.join(''))}, fc.constantFrom('', '# c', '  indented: x', '- item', '---', '...'));
		let read = 0;
		fc.assert(
			fc.property(fc.array(line, {minLength: 1, maxLength: 4}), fc.constantFrom('\n', '\r\n'), (lines, ending) => {
				read += expectSameOrNone(lines.join(ending)) ? 1 : 0;
			}),
			{numRuns: Number(process.env.PLAIN_RUNS ?? 3000)},
		);
		expect(read).toBeGreaterThan(150);
	});
});
