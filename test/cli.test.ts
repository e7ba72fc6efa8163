import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
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

	test('the README documents every flag', () => {
		const flags = readme.split('\n### Flags\n')[1]?.split('\n### ')[0] ?? '';
		for (const option of options) {
			const flag = option.name === 'reveal' ? '--no-reveal' : `--${option.name}`;
			expect(flags, flag).toContain(`\`${flag}`);
		}
	});
});
