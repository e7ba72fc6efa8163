import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';
import {options} from '../source/options.js';
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
		for (const option of options) {
			expect(help.stdout).toContain(option.name === 'reveal' ? '--no-reveal' : `--${option.name}`);
		}

		for (const line of help.stdout.split('\n')) {
			expect([...line].length, line).toBeLessThanOrEqual(80);
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
		const flags = readme.split('\n### Flags\n')[1]?.split('\n### ')[0] ?? '';
		for (const option of options) {
			const flag = option.name === 'reveal' ? '--no-reveal' : `--${option.name}`;
			expect(flags, flag).toContain(`\`${flag}`);
		}
	});
});
