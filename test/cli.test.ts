import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';
import {type FlagTable, flags, flagWord} from '../source/options.js';
import {childEnv} from './helpers/env.js';

const bin = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

function run(args: readonly string[]) {
	return spawnSync(process.execPath, [bin, ...args], {encoding: 'utf8', env: childEnv(), stdio: ['ignore', 'pipe', 'pipe']});
}

describe('the flag table', () => {
	test('--help lists every flag and fits an 80-column terminal', () => {
		const help = run(['--help']);
		expect(help.status).toBe(0);
		for (const [key, row] of Object.entries(flags as FlagTable)) {
			expect(help.stdout).toContain(flagWord(key, row));
		}

		for (const line of help.stdout.split('\n')) {
			expect([...line].length, line).toBeLessThanOrEqual(80);
		}
	});

	test('--format says it is the deck\'s format and names them ("presenter" is the person at the front)', () => {
		const row = (flags as FlagTable).format!;
		expect(row.description).not.toMatch(/presenter\b/i);
		for (const choice of ['presenterm', 'slides', 'patat', 'auto']) {
			expect(row.description).toContain(choice);
		}
	});

	test('--version prints package.json\'s version, built into the bin: it needs no package.json beside dist/', () => {
		const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string};
		expect(run(['--version']).stdout).toBe(`${version}\n`);
		// A copy of dist/ with no package.json above it still knows its version.
		const directory = mkdtempSync(path.join(tmpdir(), 'briefing-version-'));
		try {
			cpSync(path.dirname(bin), path.join(directory, 'dist'), {recursive: true});
			const copy = spawnSync(process.execPath, [path.join(directory, 'dist/cli.js'), '--version'], {encoding: 'utf8', env: childEnv()});
			expect(copy.stderr).toBe('');
			expect(copy.stdout).toBe(`${version}\n`);
		} finally {
			rmSync(directory, {recursive: true, force: true});
		}
	});

	test('the README documents every flag', () => {
		const section = readme.split('\n### Flags\n')[1]?.split('\n### ')[0] ?? '';
		for (const [key, row] of Object.entries(flags as FlagTable)) {
			const flag = flagWord(key, row);
			expect(section, flag).toContain(`\`${flag}`);
		}
	});
});

/** The files of dist/ that `briefing ...args` loads, recorded by a module resolve hook. */
function loadedChunks(args: readonly string[]): string[] {
	// The bin reads dist/'s files with fs.readFileSync (Node 20 compiles them with their code cache) or
	// requires them (Node 22 and later), which reads them the same way: a preload lists those reads.
	const directory = mkdtempSync(path.join(tmpdir(), 'briefing-modules-'));
	try {
		const log = path.join(directory, 'files.txt');
		writeFileSync(log, '');
		writeFileSync(
			path.join(directory, 'reads.cjs'),
			`const fs = require('node:fs');\nconst read = fs.readFileSync;\nfs.readFileSync = function (file, ...rest) {\n\tfs.appendFileSync(${JSON.stringify(log)}, String(file) + '\\n');\n\treturn read.call(this, file, ...rest);\n};\n`,
		);
		const result = spawnSync(process.execPath, ['--require', path.join(directory, 'reads.cjs'), bin, ...args], {encoding: 'utf8', env: childEnv()});
		expect(result.status, result.stderr).toBe(0);
		return readFileSync(log, 'utf8')
			.split('\n')
			.filter(file => file.includes(`${path.sep}dist${path.sep}`) && file.endsWith('.js'));
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
}

describe('what a command loads', () => {
	// Yoga's WebAssembly, inlined as base64 ("\0asm"), is in the file that holds Ink.
	const holdsInk = (file: string) => readFileSync(file, 'utf8').includes('data:application/octet-stream;base64,AGFzbQ');

	test('--list writes titles only and loads no Ink; --print lays the slides out and does (a slide holds an Ink component)', () => {
		expect(loadedChunks(['--list']).filter(file => holdsInk(file))).toEqual([]);
		expect(loadedChunks(['--print']).some(file => holdsInk(file))).toBe(true);
	});
});


describe('a bad flag', () => {
	test.each([
		['--slide', '99', '--list'],
		['--slide', 'abc', '--list'],
		['--theme', 'x', '--print'],
		['--theme', 'x', '--export', 'html'],
		['--duration', 'garbage', '--export', 'md'],
		['--section', 'zz', '--list'],
		['--no-help'],
		['--no-version'],
		['--no-timer'],
		['--no-notes'],
		['--no-force'],
		['--reveal'],
		['--bogus'],
		['--slide', '99', '--print'],
		['--section', 'zz', '--export', 'md'],
	])('%j exits 2 with its one line and a line that says where the usage is, nothing more', (...args) => {
		const result = run(args);
		expect(result.status, result.stderr).toBe(2);
		expect(result.stdout).toBe('');
		const lines = result.stderr.split('\n');
		expect(lines, result.stderr).toHaveLength(3);
		expect(lines[0]).toMatch(/^briefing: \S/);
		expect(lines[1]).toBe('briefing --help shows the usage.');
		expect(lines[2]).toBe('');
	});
});
