import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build, type Metafile} from 'esbuild';
import {beforeAll, describe, expect, it} from 'vitest';

/**
What the start-up path loads, checked on the module graph (deterministic; the timings are `npm run bench`'s).
The graph comes from esbuild with the build's own bundling options; the production-React check reads the
real `dist/` that `npm test` builds first.
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
		// The first frame needs the entry, the deck and the live show (present.tsx), with what they load statically.
		const outputOf = (source: string) => Object.keys(metafile.outputs).find(output => metafile.outputs[output]?.entryPoint === source);
		const path = ['source/cli.tsx', 'slides/index.ts', 'source/show/present.tsx'].map(source => outputOf(source));
		expect(path.every(Boolean), 'each step is its own output').toBe(true);
		const inputs = path.flatMap(output => staticInputs(output));
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
		const entryImports = metafile.outputs[entry]?.imports ?? [];
		expect(entryImports.find(imported => imported.path === load)?.kind).toBe('dynamic-import');
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
		expect(staticInputs(app).filter(input => /node_modules\/ink-select-input\/|show\/components\/sections-menu\.tsx$/.test(input))).toEqual([]);
		expect(staticInputs(menu)).toContain('node_modules/ink-select-input/build/SelectInput.js');
		const appImports = Object.values(metafile.outputs).flatMap(output => output.imports).filter(imported => imported.path === menu);
		expect(appImports.map(imported => imported.kind)).toEqual(['dynamic-import']);
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

	it('is built with production React (the development build is not in dist/)', () => {
		const directory = path.join(root, 'dist/chunks');
		const text = readdirSync(directory)
			.filter(name => name.endsWith('.js'))
			.map(name => readFileSync(path.join(directory, name), 'utf8'))
			.join('\n');
		// React's production builds shorten errors to a code; the development reconciler warns about act().
		expect(text).toContain('Minified React error #');
		expect(text).not.toContain('is not configured to support act');
		expect(packageJson.scripts['build']).toContain('--define:process.env.NODE_ENV=\'"production"\'');
	});
});
