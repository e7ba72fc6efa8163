import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {slideCount} from './helpers/deck-facts.js';
import {childEnv} from './helpers/env.js';
import {root, spawnScript} from './helpers/pty.js';

/**
END TO END, the package as npm ships it: `npm pack` makes the tarball, `npm install --global --prefix`
puts it in a temporary prefix (as `npm install --global` puts it in a user's), and from a folder
outside the checkout the installed `briefing` starts a deck, presents it in a terminal and checks it.
Then the README's command for `briefing` everywhere, `npm link`, in another temporary prefix.

The pack skips `prepare` (--ignore-scripts): it would rebuild dist/ while other test files run it, and
`npm test` has just built it. The install reads the npm cache only (--offline); where the cache lacks
a package's registry metadata (a fresh machine: `npm install` from the lock file caches the tarballs,
not the metadata a global install asks for), it fetches what is missing (--prefer-offline).
*/
const article = path.resolve(root, '../shared/source/article.txt');
const scratch = mkdtempSync(path.join(tmpdir(), 'briefing-install-'));
const prefix = path.join(scratch, 'prefix');
const elsewhere = path.join(scratch, 'elsewhere');
const installed = path.join(prefix, 'bin', 'briefing');
let packed: string[] = [];

/** npm, as CI runs it: CI=true, no audit, no fund, no update check; an answer within two minutes. */
function npm(args: readonly string[], options: {cwd?: string; env?: Record<string, string>} = {}) {
	const result = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--no-update-notifier', '--fetch-timeout=30000', '--fetch-retries=1'], {
		cwd: options.cwd ?? root,
		encoding: 'utf8',
		env: childEnv({CI: 'true', ...options.env}),
		timeout: 120_000,
	});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** The installed (or linked) bin, run from the folder outside the checkout. */
function briefing(bin: string, args: readonly string[]) {
	const result = spawnSync(bin, args, {cwd: elsewhere, encoding: 'utf8', env: childEnv()});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

beforeAll(() => {
	mkdirSync(elsewhere);
	const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', scratch]);
	expect(pack.code, pack.stderr).toBe(0);
	const [{filename, files}] = JSON.parse(pack.stdout) as [{filename: string; files: Array<{path: string}>}];
	packed = files.map(file => file.path).sort();
	const tarball = path.join(scratch, filename);
	let install = npm(['install', '--global', '--prefix', prefix, tarball, '--offline']);
	if (install.code !== 0 && /ENOTCACHED/.test(install.stderr)) {
		install = npm(['install', '--global', '--prefix', prefix, tarball, '--prefer-offline']);
	}

	expect(install.code, install.stderr).toBe(0);
}, 300_000);

afterAll(() => {
	rmSync(scratch, {recursive: true, force: true});
});

describe('the packed and installed briefing', () => {
	test('the package holds the program and its readme, not the build\'s metafile, the sources or the tests', () => {
		expect(packed).toEqual(expect.arrayContaining(['README.md', 'dist/briefing.js', 'dist/cli.js', 'dist/libs/parse-worker.js', 'dist/package.json', 'dist/vendor.js', 'package.json']));
		// dist/ (what the build makes, the code caches included) and npm's own two; nothing of the checkout's sources, tests or slides.
		expect(packed.filter(file => !/^dist\/[\w/.-]+\.(?:js|cache|json)$/.test(file) && file !== 'README.md' && file !== 'package.json')).toEqual([]);
		expect(packed).not.toContain('dist/metafile.json');
	});

	test('from another folder, briefing new starts a deck and briefing check passes it', () => {
		const made = briefing(installed, ['new', article, '-o', 'deck.md']);
		expect([made.code, made.stderr]).toEqual([0, '']);
		const checked = briefing(installed, ['check', 'deck.md']);
		expect([checked.code, checked.stdout]).toEqual([0, `deck.md: 11 slides check out against ${article}\n`]);
	});

	test('from another folder, it presents the deck in a terminal: slide 1, and q leaves cleanly', {timeout: 30_000}, async () => {
		expect(briefing(installed, ['new', article, '-o', 'shown.md', '--force']).code).toBe(0);
		const session = spawnScript(`cd '${elsewhere}' && '${installed}' shown.md; echo "RC=$?"`);
		try {
			await session.waitForText('Homeland Security Secretary Alejandro Mayorkas says he’s…', 15_000);
			expect(session.screen()).toMatch(/1\/11/);
			session.write('q');
			expect(await session.wrappedCode()).toBe(0);
			expect(session.cursorShown()).toBe(true);
		} finally {
			session.dispose();
		}
	});
});

describe('the README\'s command for briefing everywhere', () => {
	test('npm link makes briefing a command that runs the checkout, the built-in deck checked against the article beside it', {timeout: 120_000}, () => {
		const linkPrefix = path.join(scratch, 'linked');
		// --ignore-scripts: an npm that runs `prepare` on a link (npm 10) would rebuild dist/ under the other tests.
		const linked = npm(['link', '--offline', '--ignore-scripts'], {env: {NPM_CONFIG_PREFIX: linkPrefix}});
		expect(linked.code, linked.stderr).toBe(0);
		const bin = path.join(linkPrefix, 'bin', 'briefing');
		const checked = briefing(bin, ['check']);
		expect([checked.code, checked.stdout.split('\n').at(-2)]).toEqual([0, `the built-in deck: ${slideCount} slides check out against ${article}`]);
	});
});
