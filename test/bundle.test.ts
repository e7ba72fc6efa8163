import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import module from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build, type Metafile} from 'esbuild';
import {beforeAll, describe, expect, it} from 'vitest';
import {deckKey, randomId} from '../source/link/protocol.js';
import {bundles, strictFirst} from './helpers/build-script.js';
import {readLibrary, runLoaded} from './helpers/loaded.js';

/**
What the start-up path loads, checked on the module graph of dist/ as built (deterministic; the timings
are `npm run bench`'s): the build writes esbuild's account of each bundle to dist/metafile.json, which
`npm test` builds first. The program is one CommonJS file, in which a module imported with import() is
evaluated only when it is imported: what is evaluated before then is what its static imports reach.
*/
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	dependencies: Record<string, string>;
	scripts: Record<string, string>;
};

type Bundle = 'bin' | 'program' | 'vendor' | 'meow' | 'markdown' | 'highlight' | 'parseWorker';
let built: Record<Bundle, Metafile>;

beforeAll(() => {
	built = JSON.parse(readFileSync(path.join(root, 'dist/metafile.json'), 'utf8')) as Record<Bundle, Metafile>;
});

/** Every module of the program evaluated with `start`, before any import(): its static imports, followed. */
function staticInputs(start = 'source/cli.tsx'): string[] {
	const seen = new Set<string>();
	const queue = [start];
	while (queue.length > 0) {
		const input = queue.pop()!;
		if (seen.has(input)) {
			continue;
		}

		seen.add(input);
		for (const imported of built.program.inputs[input]?.imports ?? []) {
			if (imported.kind !== 'dynamic-import' && !imported.external) {
				queue.push(imported.path);
			}
		}
	}

	return [...seen];
}

/** How the program's modules import `target`: the kind of each import. */
function importKinds(target: string): string[] {
	return Object.values(built.program.inputs).flatMap(input => input.imports.filter(imported => imported.path === target).map(imported => imported.kind));
}

describe('the bundle', () => {
	it('loads only the flag table with the entry: no meow, React, Ink, menu, printer or peer link', () => {
		const inputs = staticInputs();
		expect(inputs).toContain('source/options.ts');
		const heavy = inputs.filter(input =>
			/library:meow|node_modules\/(meow|react|react-reconciler|ink|ink-select-input|yoga-layout)\/|source\/(outputs\/print|link\/peer|show\/present|show\/app|terminal\/frame-writer)\.tsx?$|source\/show\/components\//.test(input),
		);
		expect(heavy).toEqual([]);
	});

	it('keeps Ink, the menu, the exporters, the printer and the presenter transport off the way to the first slide', () => {
		// The first frame needs the entry and the deck commands, which import the deck and the live show
		// (present.tsx) statically: one step.
		expect(importKinds('source/deck-command.tsx')).toContain('dynamic-import');
		const inputs = ['source/cli.tsx', 'source/deck-command.tsx'].flatMap(start => staticInputs(start));
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
		const markdown = inputs.filter(input => /source\/(markdown|check)\/|library:|node_modules\/(mdast-[\w-]+|micromark[\w-]*|yaml|unist-[\w-]+)\//.test(input));
		expect(markdown).toEqual([]);
	});

	it('loads the Markdown deck reader only by dynamic import, and not the built-in slides with it', () => {
		expect(staticInputs().filter(input => /source\/markdown\/|library:/.test(input))).toEqual([]);
		const fromDeckCommand = built.program.inputs['source/deck-command.tsx']!.imports.filter(imported => imported.path === 'source/markdown/load.ts');
		expect(fromDeckCommand.map(imported => imported.kind)).toEqual(['dynamic-import']);
		const readerInputs = staticInputs('source/markdown/load.ts');
		expect(readerInputs).toContain('source/markdown/parse-deck.ts');
		expect(readerInputs).toContain('library:mdast-util-from-markdown');
		expect(Object.keys(built.markdown.inputs).some(input => input.includes('node_modules/mdast-util-from-markdown/'))).toBe(true);
		expect(readerInputs.filter(input => input.startsWith('slides/'))).toEqual([]);
	});

	it('loads the syntax highlighter only for a deck with code: by dynamic import, lowlight in dist/libs/highlight.js', () => {
		const kinds = importKinds('source/markdown/highlight.ts');
		expect(kinds.length).toBeGreaterThan(0);
		expect(kinds.filter(kind => kind !== 'dynamic-import')).toEqual([]);
		expect(staticInputs('source/markdown/load.ts')).not.toContain('source/markdown/highlight.ts');
		expect(Object.keys(built.program.inputs).filter(input => /node_modules\/(lowlight|highlight\.js)\//.test(input))).toEqual([]);
		expect(Object.keys(built.highlight.inputs).some(input => input.includes('node_modules/highlight.js/'))).toBe(true);
	});

	it('loads the sections menu when the menu is first opened, not with the app; ink-select-input is in the vendor bundle', () => {
		expect(staticInputs('source/show/app.tsx')).not.toContain('source/show/components/sections-menu.tsx');
		expect(importKinds('source/show/components/sections-menu.tsx')).toEqual(['dynamic-import']);
		expect(Object.keys(built.program.inputs).filter(input => input.includes('node_modules/ink-select-input/'))).toEqual([]);
		expect(Object.keys(built.vendor.inputs).some(input => input.includes('node_modules/ink-select-input/'))).toBe(true);
	});

	it('measures text in cells with string-width, whose module (its tables and segmenter) is required only when text needs it', () => {
		expect(staticInputs('source/deck-command.tsx')).toContain('source/text/cells.ts');
		const tables = Object.keys(built.program.inputs).filter(input => input.startsWith('module:') && input.endsWith('node_modules/string-width/index.js'));
		expect(tables).toHaveLength(1);
		expect(importKinds(tables[0]!)).toEqual(['require-call']);
	});

	it('uses every package listed in dependencies (nothing there is unused at runtime)', () => {
		const inputs = Object.values(built).flatMap(metafile => Object.keys(metafile.inputs));
		// A package kept external (pdfkit) is required from node_modules: the program's import of it counts.
		const externals = Object.values(built).flatMap(metafile => Object.values(metafile.inputs).flatMap(input => input.imports.filter(imported => imported.external).map(imported => imported.path)));
		// The fonts are files the PDF export reads at runtime (outputs/pdf-fonts.ts), not code to bundle.
		const fonts = readFileSync(path.join(root, 'source/outputs/pdf-fonts.ts'), 'utf8');
		for (const dependency of Object.keys(packageJson.dependencies)) {
			const isUsed = inputs.some(input => input.includes(`node_modules/${dependency}/`)) || externals.includes(dependency) || fonts.includes(`\`${dependency}/ttf/`);
			expect(isUsed, dependency).toBe(true);
		}
	});

	it('loads the PDF export and pdfkit only when a PDF is asked for: by dynamic import, off the way to the first slide', () => {
		const firstSlide = ['source/cli.tsx', 'source/deck-command.tsx'].flatMap(start => staticInputs(start));
		expect(firstSlide.filter(input => /source\/outputs\/pdf|node_modules\/(pdfkit|fontkit)\//.test(input))).toEqual([]);
		const pdfkitImporters = staticInputs('source/outputs/pdf.ts').filter(input => built.program.inputs[input]!.imports.some(imported => imported.path === 'pdfkit' && imported.external));
		expect(pdfkitImporters.length).toBeGreaterThan(0);
		const kinds = importKinds('source/outputs/pdf.ts');
		expect(kinds.length).toBeGreaterThan(0);
		expect(kinds.filter(kind => kind !== 'dynamic-import')).toEqual([]);
	});

	it('opens the presenter link and the followers\' socket without node:crypto (about 0.9 MB of a show\'s memory): the deck key and the ids are made without it', () => {
		for (const start of ['source/link/presenter-link.ts', 'source/follow/follow-socket.ts']) {
			const crypto = staticInputs(start).filter(input => built.program.inputs[input]!.imports.some(imported => /^(node:)?crypto$/.test(imported.path)));
			expect(crypto, start).toEqual([]);
		}

		const deck = {title: 'A deck', slides: [{id: 'one'}, {id: 'two'}]};
		expect(deckKey(deck)).toMatch(/^[\da-f]{16}$/);
		expect(deckKey({...deck})).toBe(deckKey(deck));
		expect(new Set([deckKey(deck), deckKey({...deck, title: 'A deck.'}), deckKey({...deck, slides: [{id: 'two'}, {id: 'one'}]}), deckKey({...deck, slides: [{id: 'one'}]})]).size).toBe(4);
		const ids = Array.from({length: 100}, () => randomId());
		expect(ids.every(id => /^[\da-f]{16}$/.test(id))).toBe(true);
		expect(new Set(ids).size).toBe(100);
	});

	it('keeps meow in a file of its own and the printer out of the start, each loaded by dynamic import', () => {
		expect(Object.keys(built.program.inputs).filter(input => input.includes('node_modules/meow/'))).toEqual([]);
		expect(Object.keys(built.meow.inputs).some(input => input.includes('node_modules/meow/'))).toBe(true);
		expect(new Set(importKinds('library:meow'))).toEqual(new Set(['dynamic-import']));
		for (const start of ['source/cli.tsx', 'source/deck-command.tsx']) {
			expect(staticInputs(start)).not.toContain('source/outputs/print.ts');
		}
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

describe('the vendor bundle\'s Yoga', () => {
	it('throws when read before loadYoga() (an Ink that read it as it loads would fail the build\'s warm-up), and is Yoga after', async () => {
		const result = await build({
			...bundles.vendor,
			stdin: {contents: "import Yoga from 'yoga-layout';\nexport {loadYoga} from 'yoga-layout';\nexport const node = () => Yoga.Node;\n", resolveDir: root, sourcefile: 'yoga.js'},
			outfile: 'yoga.cjs',
			plugins: bundles.vendor.plugins.filter((plugin: {name: string}) => plugin.name === 'yoga'),
			write: false,
			logLevel: 'silent',
		});
		const directory = mkdtempSync(path.join(tmpdir(), 'briefing-yoga-'));
		try {
			const file = path.join(directory, 'yoga.cjs');
			writeFileSync(file, result.outputFiles[0]!.text);
			const yoga = module.createRequire(import.meta.url)(file) as {node(): {create: unknown}; loadYoga(): Promise<void>};
			expect(() => yoga.node()).toThrow(/Ink read Yoga\.Node before loadYoga/);
			await yoga.loadYoga();
			expect(typeof yoga.node().create).toBe('function');
		} finally {
			rmSync(directory, {recursive: true, force: true});
		}
	});
});

describe('dist/', () => {
	let program: Metafile;
	let vendor: Metafile;

	beforeAll(() => {
		({program, vendor} = built);
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

	it('has code caches that V8 takes on Node 20, the program\'s and the libraries\' as they start and Ink\'s under the V8 flags (Node 22.1 and later keep their own)', () => {
		const hasOwnCompileCache = typeof (module as {enableCompileCache?: unknown}).enableCompileCache === 'function';
		const result = spawnSync(process.execPath, [path.join(root, 'dist/cli.js')], {encoding: 'utf8', env: {...process.env, BRIEFING_CODE_CACHE: 'check'}});
		const state = hasOwnCompileCache ? 'node' : 'accepted';
		expect(result.stdout.trim().split('\n')).toEqual([`briefing.js ${state}`, `vendor.js ${state}`, `libs/meow.js ${state}`, `libs/markdown.js ${state}`]);
	});

	it('makes no import() in the program: code compiled from a V8 code cache cannot import on Node 20 (every module is required)', () => {
		const program = readFileSync(path.join(root, 'dist/briefing.js'), 'utf8');
		expect(program.match(/\bimport\([^)]*\)/)?.[0]).toBeUndefined();
	});

	it('keeps pdfkit out of the program: required from node_modules by the PDF export, inside the module evaluated on first use', () => {
		const program = readFileSync(path.join(root, 'dist/briefing.js'), 'utf8');
		expect(program.includes('require("pdfkit")')).toBe(true);
		// pdfkit's own code (its PDF object writer) is not in the bundle.
		expect(program.includes('/FontDescriptor')).toBe(false);
		expect(bundles.program.external).toContain('pdfkit');
	});

	it('runs the program and the bin in strict mode, as their ES module sources were written (esbuild\'s "use strict" comes before the banner)', () => {
		const require = module.createRequire(import.meta.url);
		for (const file of ['cli.js', 'briefing.js']) {
			const full = path.join(root, 'dist', file);
			// The file's first statements, up to the end of its banner line, then the question: is `this` undefined in a plain call?
			const lines = readFileSync(full, 'utf8').split('\n');
			const head = lines[0]!.startsWith('#!') ? lines[1]! : lines[0]!;
			// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the test runs the escaped text to see what it means.
			const thisInCall = new Function('require', '__filename', `${head}\nreturn this;`) as (require: NodeJS.Require, filename: string) => unknown;
			expect(thisInCall(require, full), file).toBeUndefined();
		}

		const banner = bundles.program.banner.js;
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

	it('answers --help, --version and switches alone (--list) from the program, which the bin loads, without meow; a value to read loads it', () => {
		// The files the run read, as the process ends (the bin reads meow's file, to compile it, when the program asks).
		const run = (...argv: string[]) => {
			const result = runLoaded(argv);
			return {stdout: result.stdout, status: result.status, meow: readLibrary(result, 'meow')};
		};

		const version = run('--version');
		expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
		const help = run('-h');
		expect(help.stdout).toContain('Usage');
		expect([version.meow, help.meow, run('--list', '--help').meow]).toEqual([false, false, false]);
		const list = run('--list');
		expect([list.status, list.meow]).toEqual([0, false]);
		expect(list.stdout.trim().split('\n').length).toBeGreaterThan(30);
		const print = run('--print', '--slide', '2');
		expect([print.status, print.meow]).toEqual([0, true]);
		expect(run('--list', '--list')).toEqual({stdout: '', status: 2, meow: true});
	});

	it('writes every file of dist/ in ASCII (a file with one other character is held as a two-byte string)', () => {
		for (const each of Object.values(built)) {
			for (const file of Object.keys(each.outputs)) {
				expect(/[^\0-\x7F]/.exec(readFileSync(path.join(root, file), 'utf8'))?.[0], file).toBeUndefined();
			}
		}
	});

	it('bundles meow without node:child_process and with normalize-package-data evaluated only on use', () => {
		const meow = readFileSync(path.join(root, 'dist/libs/meow.js'), 'utf8');
		expect(meow).not.toContain('child_process');
		expect(Object.keys(built.meow.inputs).some(input => input.endsWith('meow/build/dependencies.js'))).toBe(true);
	});
});
