import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import module from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build, type Metafile} from 'esbuild';
import {beforeAll, describe, expect, it} from 'vitest';
// @ts-expect-error: the build script is plain JavaScript (no types).
import {bundles, strictFirst} from '../source/build.mjs';

/**
What the start-up path loads, checked on the module graph (deterministic; the timings are `npm run bench`'s).
The program is one CommonJS file (source/build.mjs), in which a module imported with import() is evaluated
only when it is imported: the graph of what is evaluated before the first slide is the one esbuild draws
when it splits the same sources into ES module chunks, so that graph is built here and read. The
checks of the real output read the `dist/` that `npm test` builds first.
*/
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	dependencies: Record<string, string>;
	scripts: Record<string, string>;
};

let metafile: Metafile;
let entry: string;

beforeAll(async () => {
	const result = await build({
		absWorkingDir: root,
		entryPoints: ['source/cli.tsx'],
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		outdir: 'dist-graph',
		jsx: 'automatic',
		define: {'process.env.NODE_ENV': '"production"'},
		external: ['react-devtools-core'],
		write: false,
		metafile: true,
		logLevel: 'silent',
	});
	metafile = result.metafile;
	entry = Object.keys(metafile.outputs).find(output => metafile.outputs[output]?.entryPoint === 'source/cli.tsx') ?? '';
});

/** Every source file in the output files that load with `start` (the entry), before any dynamic import(). */
function staticInputs(start = entry): string[] {
	const seen = new Set<string>();
	const queue = [start];
	while (queue.length > 0) {
		const output = queue.pop()!;
		if (seen.has(output)) {
			continue;
		}

		seen.add(output);
		for (const imported of metafile.outputs[output]?.imports ?? []) {
			if (imported.kind === 'import-statement' && !imported.external) {
				queue.push(imported.path);
			}
		}
	}

	return [...seen].flatMap(output => Object.keys(metafile.outputs[output]?.inputs ?? {}));
}

describe('the bundle', () => {
	it('loads only the flag table with the entry: no meow, React, Ink, menu, printer or peer link', () => {
		const inputs = staticInputs();
		expect(inputs).toContain('source/options.ts');
		const heavy = inputs.filter(input =>
			/node_modules\/(meow|react|react-reconciler|ink|ink-select-input|yoga-layout)\/|source\/(outputs\/print|link\/peer|show\/present|show\/app|terminal\/frame-writer)\.tsx?$|source\/show\/components\//.test(input),
		);
		expect(heavy).toEqual([]);
	});

	it('keeps Ink, the menu, the exporters, the printer and the presenter transport off the way to the first slide', () => {
		// The first frame needs the entry and the deck commands, which import the deck and the live show
		// (present.tsx) statically: one step.
		const outputOf = (source: string) => Object.keys(metafile.outputs).find(output => metafile.outputs[output]?.entryPoint === source);
		const path = ['source/cli.tsx', 'source/deck-command.tsx'].map(source => outputOf(source));
		expect(path.every(Boolean), 'each step is its own output').toBe(true);
		const inputs = path.flatMap(output => staticInputs(output));
		expect(inputs).toContain('slides/index.ts');
		expect(inputs).toContain('source/show/present.tsx');
		// The first slide is laid out and painted without Ink: its renderer and Yoga load after.
		expect(inputs).toContain('source/layout/screen.ts');
		expect(inputs).toContain('source/terminal/frame-writer.ts');
		expect(inputs.filter(input => /node_modules\/(ink|yoga-layout|react-reconciler)\//.test(input))).toEqual([]);
		const later = inputs.filter(input =>
			/node_modules\/ink-select-input\/|source\/(show\/components\/sections-menu|link\/presenter-link|show\/presenter-view|outputs\/(export[\w-]*|print|write-file))\.tsx?$/.test(input),
		);
		expect(later).toEqual([]);
		// Markdown decks: the reader, the watcher, the checker and their packages load only when a file is given.
		const markdown = inputs.filter(input => /source\/(markdown|check)\/|node_modules\/(mdast-[\w-]+|micromark[\w-]*|yaml|unist-[\w-]+)\//.test(input));
		expect(markdown).toEqual([]);
	});

	it('loads the Markdown deck reader only by dynamic import, and not the built-in slides with it', () => {
		const entryInputs = staticInputs();
		expect(entryInputs.filter(input => /source\/markdown\/|node_modules\/(mdast-|micromark|yaml)/.test(input))).toEqual([]);
		const outputOf = (source: string) => Object.keys(metafile.outputs).find(output => metafile.outputs[output]?.entryPoint === source);
		const load = outputOf('source/markdown/load.ts');
		expect(load, 'the reader is its own output').toBeDefined();
		const deckCommandImports = metafile.outputs[outputOf('source/deck-command.tsx') ?? '']?.imports ?? [];
		expect(deckCommandImports.find(imported => imported.path === load)?.kind).toBe('dynamic-import');
		const readerInputs = staticInputs(load);
		expect(readerInputs).toContain('source/markdown/parse-deck.ts');
		expect(readerInputs.some(input => input.includes('node_modules/mdast-util-from-markdown/'))).toBe(true);
		expect(readerInputs.filter(input => input.startsWith('slides/'))).toEqual([]);
	});

	it('loads the sections menu and ink-select-input when the menu is first opened, not with the app', () => {
		const outputOf = (source: string) => Object.keys(metafile.outputs).find(output => metafile.outputs[output]?.entryPoint === source);
		const app = outputOf('source/show/app.tsx');
		const menu = outputOf('source/show/components/sections-menu.tsx');
		expect(app && menu, 'the app and the menu are outputs of their own').toBeTruthy();
		const isMenu = (input: string) => /node_modules\/ink-select-input\/|show\/components\/sections-menu\.tsx$/.test(input);
		expect(staticInputs(app).filter(input => isMenu(input))).toEqual([]);
		expect(staticInputs(menu)).toContain('source/show/components/sections-menu.tsx');
		const importsOf = (output: string | undefined) => Object.values(metafile.outputs).flatMap(each => each.imports).filter(imported => imported.path === output);
		expect(importsOf(menu).map(imported => imported.kind)).toEqual(['dynamic-import']);
		// ink-select-input is imported (deck/vendor.ts) only when the menu loads (show/ink.ts's loadSelectInput).
		const selectInput = Object.keys(metafile.outputs).find(output => Object.keys(metafile.outputs[output]?.inputs ?? {}).some(input => input.startsWith('node_modules/ink-select-input/')));
		expect(importsOf(selectInput).map(imported => imported.kind)).toEqual(['dynamic-import']);
	});

	it('uses every package listed in dependencies (nothing there is unused at runtime)', () => {
		const inputs = Object.keys(metafile.inputs);
		for (const dependency of Object.keys(packageJson.dependencies)) {
			expect(inputs.some(input => input.includes(`node_modules/${dependency}/`)), dependency).toBe(true);
		}
	});

	it('keeps meow and the printer in chunks of their own, loaded by dynamic import', () => {
		const outputs = Object.values(metafile.outputs);
		const chunkOf = (pattern: RegExp) => outputs.filter(output => Object.keys(output.inputs).some(input => pattern.test(input)));
		expect(chunkOf(/node_modules\/meow\//)).toHaveLength(1);
		expect(chunkOf(/source\/outputs\/print\.ts$/)).toHaveLength(1);
		const entryImports = metafile.outputs[entry]?.imports ?? [];
		const meowChunk = Object.entries(metafile.outputs).find(([, output]) => Object.keys(output.inputs).some(input => input.includes('node_modules/meow/')))?.[0];
		expect(entryImports.find(imported => imported.path === meowChunk)?.kind).toBe('dynamic-import');
	});

	it('is built with production React: React in the program, the reconciler in the vendor bundle', () => {
		const program = readFileSync(path.join(root, 'dist/briefing.js'), 'utf8');
		const vendor = readFileSync(path.join(root, 'dist/vendor.js'), 'utf8');
		// The production reconciler shortens errors to a code; the development builds warn about act()
		// and about hooks. (Booleans, not the texts: a failure would print the whole bundle.)
		expect(vendor.includes('Minified React error #')).toBe(true);
		expect(vendor.includes('is not configured to support act')).toBe(false);
		expect(program.includes('react.transitional.element')).toBe(true);
		expect(program.includes('Invalid hook call')).toBe(false);
	});
});

describe('dist/', () => {
	let program: Metafile;
	let vendor: Metafile;

	beforeAll(() => {
		// What the build wrote beside the bundles: esbuild's account of dist/ as built.
		({program, vendor} = JSON.parse(readFileSync(path.join(root, 'dist/metafile.json'), 'utf8')) as Record<'program' | 'vendor', Metafile>);
	});

	it('holds the program with React in one CommonJS file, without Ink, Yoga, the reconciler, meow or the Markdown libraries', () => {
		const inputs = Object.keys(program.inputs);
		expect(inputs).toContain('source/cli.tsx');
		expect(inputs).toContain('slides/index.ts');
		expect(inputs.some(input => input.startsWith('node_modules/react/'))).toBe(true);
		expect(inputs.filter(input => /node_modules\/(ink|ink-select-input|yoga-layout|react-reconciler|meow|mdast-[\w-]+|micromark[\w-]*|yaml)\//.test(input))).toEqual([]);
		expect(bundles.program.format).toBe('cjs');
	});

	it('holds Ink and ink-select-input in the vendor bundle, which takes React and scheduler from the program', () => {
		const inputs = Object.keys(vendor.inputs);
		expect(bundles.vendor.format).toBe('cjs');
		expect(inputs.some(input => input.startsWith('node_modules/ink/'))).toBe(true);
		expect(inputs.some(input => input.startsWith('node_modules/ink-select-input/'))).toBe(true);
		expect(inputs.some(input => input.startsWith('node_modules/yoga-layout/'))).toBe(true);
		expect(inputs.filter(input => /node_modules\/(react|scheduler)\//.test(input))).toEqual([]);
		expect(inputs).toEqual(expect.arrayContaining(['shared:react', 'shared:scheduler']));
	});

	it('has code caches that V8 takes on Node 20, the program\'s as it starts and Ink\'s under the V8 flags (Node 22.1 and later keep their own)', () => {
		const hasOwnCompileCache = typeof (module as {enableCompileCache?: unknown}).enableCompileCache === 'function';
		const result = spawnSync(process.execPath, [path.join(root, 'dist/cli.js')], {encoding: 'utf8', env: {...process.env, BRIEFING_CODE_CACHE: 'check'}});
		const state = hasOwnCompileCache ? 'node' : 'accepted';
		expect(result.stdout.trim().split('\n')).toEqual([`briefing.js ${state}`, `vendor.js ${state}`]);
	});

	it('makes no import() in the program: code compiled from a V8 code cache cannot import on Node 20 (every module is required)', () => {
		const program = readFileSync(path.join(root, 'dist/briefing.js'), 'utf8');
		expect(program.match(/\bimport\([^)]*\)/)?.[0]).toBeUndefined();
	});

	it('runs the program and the bin in strict mode, as their ES module sources were written (esbuild\'s "use strict" comes before the banner)', () => {
		const require = module.createRequire(import.meta.url);
		for (const file of ['cli.js', 'briefing.js']) {
			const full = path.join(root, 'dist', file);
			// The file's first statements, up to the end of its banner line, then the question: is `this` undefined in a plain call?
			const lines = readFileSync(full, 'utf8').split('\n');
			const head = lines[0]!.startsWith('#!') ? lines[1]! : lines[0]!;
			// eslint-disable-next-line no-new-func
			const thisInCall = new Function('require', '__filename', `${head}\nreturn this;`) as (require: NodeJS.Require, filename: string) => unknown;
			expect(thisInCall(require, full), file).toBeUndefined();
		}

		const banner = bundles.program.banner.js as string;
		expect(strictFirst(`${banner}\n"use strict";var a=1;`)).toBe(`"use strict";${banner}\nvar a=1;`);
		expect(strictFirst(`#!/usr/bin/env node\n${banner}\n"use strict";var a=1;`)).toBe(`#!/usr/bin/env node\n"use strict";${banner}\nvar a=1;`);
		// A bundle with CommonJS modules in it (Ink's) has no directive and stays as it was.
		expect(strictFirst(`${banner}\nvar a=1;`)).toBe(`${banner}\nvar a=1;`);
	});

	it('says in one line, without a stack, when a file of dist/ is gone', () => {
		const copy = mkdtempSync(path.join(tmpdir(), 'briefing-broken-'));
		try {
			cpSync(path.join(root, 'dist'), path.join(copy, 'dist'), {recursive: true});
			rmSync(path.join(copy, 'dist/briefing.js'));
			const result = spawnSync(process.execPath, [path.join(copy, 'dist/cli.js'), '--list'], {encoding: 'utf8'});
			expect(result.status).toBe(1);
			expect(result.stderr).toMatch(/^briefing: .*briefing\.js/);
			expect(result.stderr.trim().split('\n')).toHaveLength(1);
		} finally {
			rmSync(copy, {recursive: true, force: true});
		}
	});

	it('prepare (what npm install and the first npx briefing in a checkout run) builds a program that runs, from the sources alone and without the type-check', () => {
		// The type-check is npm test's (`build`); prepare bundles only, so the first npx briefing is not held up by tsc.
		const {prepare = '', build: buildScript = ''} = packageJson.scripts;
		expect(prepare).toMatch(/\S/);
		expect(prepare).not.toMatch(/\btsc\b/);
		expect(buildScript).toMatch(/^tsc -p \. && /);
		const copy = mkdtempSync(path.join(tmpdir(), 'briefing-prepare-'));
		try {
			for (const part of ['package.json', 'tsconfig.json', 'source', 'slides']) {
				cpSync(path.join(root, part), path.join(copy, part), {recursive: true});
			}

			symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
			const prepared = spawnSync(prepare, {cwd: copy, shell: true, encoding: 'utf8'});
			expect(prepared.status, prepared.stderr).toBe(0);
			const list = (dist: string) => spawnSync(process.execPath, [path.join(dist, 'cli.js'), '--list'], {encoding: 'utf8'});
			const built = list(path.join(copy, 'dist'));
			expect(built.status, built.stderr).toBe(0);
			expect(built.stdout).toBe(list(path.join(root, 'dist')).stdout);
			expect(built.stdout.trim().split('\n').length).toBeGreaterThan(30);
		} finally {
			rmSync(copy, {recursive: true, force: true});
		}
	}, 60_000);

	it('answers --help and --version from the program, which the bin loads', () => {
		const result = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), '--version'], {encoding: 'utf8'});
		expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
		expect(spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), '--help'], {encoding: 'utf8'}).stdout).toContain('Usage');
	});
});
