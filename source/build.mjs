/**
This makes dist/. `npm run build` type-checks with tsc first; `prepare` (which `npm install` runs, and
the first `npx briefing` in a checkout runs again as npm links it into its own cache) only runs this,
so that the first run is not held up by a type-check. docs/build.md says what each start-up trick
here earns, measured (test/bench/tricks.mjs).
- dist/briefing.js: the program (cli.tsx and all it imports, slides and React included), one
  CommonJS file.
- dist/libs/meow.js, dist/libs/markdown.js, dist/libs/highlight.js: libraries only some commands need (see `libraries`).
- pdfkit stays in node_modules: the PDF export requires it there (see `bundles.program`).
- dist/libs/parse-worker.js: the live reload's Markdown parser, run in a worker thread.
- dist/vendor.js: Ink and ink-select-input, one CommonJS file, loaded where the program's sources
  import 'ink' or 'ink-select-input' (boot/vendor.ts).
- dist/cli.js: the bin (bin.ts), which loads the program and Ink with V8's code cache.
- dist/briefing.cache, dist/vendor.cache: those caches, written by running the bin once with
  BRIEFING_CODE_CACHE=write.
- dist/package.json: {"type": "commonjs"}, as the package itself is "module".
- dist/metafile.json: esbuild's account of each bundle (its inputs and their imports), which
  test/bundle.test.ts reads.
*/
import {spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const {version} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/**
V8 flags for a lighter process, set by the bin when the program asks (a show, before it reads the
deck; Ink's loader: boot/lighter-v8.ts); each lowers the peak RSS that `npm run bench` reports: Yoga's
WebAssembly compiled by the baseline compiler only, without the optimizing tier-up in the background
(--liftoff-only); no optimizing compiler for JavaScript (--no-opt; keys stay within their targets,
as a slide change is mostly the frame writer's string work); a young generation that does not grow.
Set before a show reads its deck, they also keep V8's optimizing compiler from starting on the way
to the first frame. Not on the bin's first line: any flag given to Node at start makes V8 refuse the
code cache built into Node for its own modules, so node:tty and node:net would compile afresh before
the first frame; the bin loads those first, then sets the flags.
*/
const v8Flags = ['--liftoff-only', '--no-opt', '--semi-space-growth-factor=1'];

/** The options every bundle shares. */
const common = {
	absWorkingDir: root,
	bundle: true,
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	minify: true,
	logLevel: 'warning',
	define: {'process.env.NODE_ENV': '"production"'},
	external: ['react-devtools-core'],
};

/** What a CommonJS bundle of ES modules needs: `import.meta.url` is its own file's URL. */
const commonJs = {
	format: 'cjs',
	define: {...common.define, 'import.meta.url': '__briefingUrl'},
	banner: {js: 'var __briefingUrl = require("node:url").pathToFileURL(__filename).href;'},
};

/**
Ink and ink-select-input stay out of the program: the bin loads them for it (boot/vendor.ts). The
sources' own import('ink') is dead code in the bundle, but esbuild resolves it before it drops it:
it is marked external here, so that Ink is not bundled twice.
*/
const vendorPlugin = {
	name: 'vendor',
	setup(builder) {
		builder.onResolve({filter: /^(ink|ink-select-input)$/}, () => ({path: './vendor.js', external: true}));
	},
};

/**
Yoga (yoga-layout) makes its API with a top-level await of its WebAssembly, which a CommonJS file
cannot hold. Ink's modules get an object instead, filled by `loadYoga()` from the package's own
`yoga-layout/load`, which the vendor file exports and the program awaits before it uses Ink
(boot/vendor.ts). Ink reads Yoga only inside its functions, when it lays a frame out. A read of
what the object does not hold (before it is filled, anything) reaches its prototype, which throws:
the build's warm-up loads Ink, so an Ink that reads Yoga as it loads fails the build. Once filled,
every read is of the object's own properties, as plain as before.
*/
const yogaPlugin = {
	name: 'yoga',
	setup(builder) {
		builder.onResolve({filter: /^yoga-layout$/}, () => ({path: 'yoga-layout', namespace: 'yoga'}));
		builder.onLoad({filter: /.*/, namespace: 'yoga'}, () => ({
			resolveDir: root,
			contents: [
				"import {loadYoga as load} from 'yoga-layout/load';",
				'const unread = new Proxy({}, {get(_, key) {',
				'\tthrow new Error(`Ink read Yoga.${String(key)} before loadYoga(): see yogaPlugin in source/build.mjs`);',
				'}});',
				'const Yoga = Object.create(unread);',
				'export default Yoga;',
				'export async function loadYoga() {',
				"\tif (!Object.hasOwn(Yoga, 'Node')) Object.assign(Yoga, await load());",
				'}',
				'',
			].join('\n'),
		}));
	},
};

/**
Ink's reconciler awaits at top level too, only when DEV=true (its developer tools): the same steps,
without await. The developer tools module is required in place of its import(), and Ink's name and
version, which it reads from its package.json, are written in. The build fails when Ink's text
changes, rather than bundle it unpatched.
*/
const inkReconcilerPlugin = {
	name: 'ink-reconciler',
	setup(builder) {
		builder.onLoad({filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/}, ({path: file}) => {
			const {name, version} = JSON.parse(readFileSync(path.join(path.dirname(file), '../package.json'), 'utf8'));
			let contents = readFileSync(file, 'utf8');
			for (const [awaited, plain] of [
				["await import('./devtools.js');", "require('./devtools.js');"],
				['? await loadPackageJson()', `? ${JSON.stringify({name, version})}`],
			]) {
				if (contents.split(awaited).length !== 2) {
					throw new Error(`ink/build/reconciler.js no longer holds \`${awaited}\` once: see inkReconcilerPlugin in source/build.mjs`);
				}

				contents = contents.replace(awaited, plain);
			}

			return {contents, loader: 'js'};
		});
	},
};

/**
Ink's Unicode tables, loaded when first needed (source/boot/vendor-text.ts says why and what narrow
text is): each string-width module is behind a function that measures narrow text itself and
requires the module for any other, and the two grapheme segmenters made when slice-ansi and
@alcalzone/ansi-tokenize load are NarrowFirstSegmenters. The build fails when those modules' text
changes, rather than bundle them unchanged, and when one of them is no longer in the bundle.
*/
/**
Each string-width module behind narrowFirstWidth (boot/vendor-text.ts): the module itself, with its
segmenter and Unicode expressions, is evaluated when it first measures text that is not narrow.
*/
function narrowFirstStringWidth(builder, onPatched = () => {}) {
	const vendorText = JSON.stringify(path.join(root, 'source/boot/vendor-text.ts'));
	builder.onLoad({filter: /[\\/]string-width[\\/]index\.js$/, namespace: 'file'}, ({path: file}) => {
		onPatched();
		const contents = `import {narrowFirstWidth} from ${vendorText};\nexport default narrowFirstWidth(() => require(${JSON.stringify(`${file}?module`)}).default);\n`;
		return {contents, resolveDir: path.dirname(file), loader: 'js'};
	});
	builder.onResolve({filter: /\?module$/}, ({path: file}) => ({path: file.slice(0, -'?module'.length), namespace: 'module'}));
	builder.onLoad({filter: /.*/, namespace: 'module'}, ({path: file}) => ({contents: readFileSync(file, 'utf8'), resolveDir: path.dirname(file), loader: 'js'}));
}

/**
The program measures text in terminal cells with string-width (source/text/cells.ts), which measures
the text of most decks without it: its module is evaluated only when first needed.
*/
const narrowWidthPlugin = {name: 'narrow-width', setup: builder => narrowFirstStringWidth(builder)};

const narrowTextModules = ['string-width', 'slice-ansi', '@alcalzone/ansi-tokenize'];

const narrowTextPlugin = {
	name: 'narrow-text',
	setup(builder) {
		const vendorText = JSON.stringify(path.join(root, 'source/boot/vendor-text.ts'));
		const patched = new Set();
		builder.onEnd(result => {
			const missing = narrowTextModules.filter(name => !patched.has(name));
			if (result.errors.length === 0 && missing.length > 0) {
				throw new Error(`the vendor bundle holds no ${missing.join(', ')} to patch: see narrowTextPlugin in source/build.mjs`);
			}
		});
		narrowFirstStringWidth(builder, () => patched.add('string-width'));
		builder.onLoad({filter: /[\\/](slice-ansi[\\/]tokenize-ansi|@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize)\.js$/, namespace: 'file'}, ({path: file}) => {
			patched.add(file.includes('slice-ansi') ? 'slice-ansi' : '@alcalzone/ansi-tokenize');
			const contents = readFileSync(file, 'utf8');
			if (contents.split('new Intl.Segmenter(').length !== 2) {
				throw new Error(`${file} no longer makes one Intl.Segmenter: see narrowTextPlugin in source/build.mjs`);
			}

			return {contents: `import {NarrowFirstSegmenter} from ${vendorText};\n${contents.replace('new Intl.Segmenter(', 'new NarrowFirstSegmenter(')}`, loader: 'js'};
		});
	},
};

/**
The vendor bundle's React and scheduler are the program's (boot/vendor.ts hands them over before the
import): one React for the slides and Ink, one scheduler for Ink and the input guard, which waits for
React's idle time.
*/
const sharedPlugin = {
	name: 'shared',
	setup(builder) {
		builder.onResolve({filter: /^(react|scheduler)$/}, ({path: name}) => ({path: name, namespace: 'shared'}));
		builder.onLoad({filter: /.*/, namespace: 'shared'}, ({path: name}) => ({
			contents: `module.exports = globalThis[Symbol.for('briefing.shared')].${name};\n`,
			loader: 'js',
		}));
	},
};

/**
Ink's developer tools (DEV=true) need react-devtools-core, which is not a dependency: in one file its
import would be hoisted and fail at load, so it is an empty module that says so when used.
*/
const noDevtoolsPlugin = {
	name: 'no-devtools',
	setup(builder) {
		builder.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'absent'}));
		builder.onLoad({filter: /.*/, namespace: 'absent'}, () => ({
			contents: "const absent = () => { throw new Error('Ink developer tools need react-devtools-core, which briefing does not install'); };\nexport default {initialize: absent, connectToDevTools: absent};\n",
		}));
	},
};

/**
meow bundles its dependencies in one module, build/dependencies.js, which evaluates
normalize-package-data as it loads (with hosted-git-info, semver and the SPDX licence lists) and
@babel/code-frame (with its tokenizer), and loads node:child_process for a call whose result it
drops: together most of meow's load time and about 6 MB of memory, on every command line with
flags. meow uses them only to read and normalize a package.json it finds, and the program gives meow
its `pkg`, so it never does: the two are evaluated on their first use instead, and the dropped call
goes. The build fails when meow's text
changes, rather than bundle it unpatched.
*/
const meowPlugin = {
	name: 'meow-lazy-package',
	setup(builder) {
		builder.onLoad({filter: /[\\/]meow[\\/]build[\\/]dependencies\.js$/}, ({path: file}) => {
			let contents = readFileSync(file, 'utf8');
			for (const [eager, lazy] of [
				['var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);\npromisify(execFile);\n', 'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);\n'],
				["import { execFile } from 'node:child_process';\n", ''],
				// @babel/code-frame (with its tokenizer and colours), for the message of a package.json that does not parse.
				['var libExports = requireLib$1();\n', ''],
				['return libExports.codeFrameColumns(', 'return requireLib$1().codeFrameColumns('],
			]) {
				if (contents.split(eager).length !== 2) {
					throw new Error(`meow/build/dependencies.js no longer holds \`${eager.trim()}\` once: see meowPlugin in source/build.mjs`);
				}

				contents = contents.replace(eager, lazy);
			}

			return {contents, loader: 'js'};
		});
	},
};

/**
The program's libraries that it needs only for some commands, each in a CommonJS file of its own
(dist/libs/), required when the program first imports them: meow (flags other than --help and
--version) and the Markdown reader's (Markdown decks, `check`, `--export deck`). Kept out of
dist/briefing.js, they are neither read nor kept in memory by a show of the built-in deck.
*/
const libraries = {
	meow: {file: 'meow', key: 'meow'},
	'mdast-util-from-markdown': {file: 'markdown', key: 'mdastUtilFromMarkdown'},
	'mdast-util-frontmatter': {file: 'markdown', key: 'mdastUtilFrontmatter'},
	'mdast-util-gfm': {file: 'markdown', key: 'mdastUtilGfm'},
	'micromark-extension-frontmatter': {file: 'markdown', key: 'micromarkExtensionFrontmatter'},
	'micromark-extension-gfm': {file: 'markdown', key: 'micromarkExtensionGfm'},
	yaml: {file: 'markdown', key: 'yaml'},
	// The syntax highlighter, for a show of a deck with code (markdown/highlight.ts): its common
	// grammars only, not the 190 of `all`.
	lowlight: {file: 'highlight', key: 'lowlight', only: ['common', 'createLowlight']},
};

const librariesPlugin = {
	name: 'libraries',
	setup(builder) {
		const names = Object.keys(libraries).map(name => name.replaceAll('-', '\\-'));
		builder.onResolve({filter: new RegExp(`^(${names.join('|')})$`)}, ({path: name}) => ({path: name, namespace: 'library'}));
		builder.onResolve({filter: /^\.\/libs\//}, ({path: file}) => ({path: file, external: true}));
		builder.onLoad({filter: /.*/, namespace: 'library'}, async ({path: name}) => {
			const {file, key, only} = libraries[name];
			// The bin compiles the file with its code cache (bin.ts); without the bin (a test of the bundle), a plain require.
			const load = `(globalThis[Symbol.for('briefing.loadLibrary')]?.('${file}') ?? require('./libs/${file}.js'))`;
			if (key === 'meow') {
				// The program's sources are ES modules, which take a CommonJS module's exports as its default
				// export: meow's default is the function itself. Imported only where flags are read.
				return {contents: `module.exports = ${load}.default;\n`, loader: 'js'};
			}

			// Each export a getter that loads the library's file when the program first uses it, not when a
			// module that imports it is loaded: a deck the plain readers read whole never loads the Markdown
			// libraries (markdown/plain-tree.ts, plain-fields.ts).
			// Newer Nodes name a CommonJS module's whole export `module.exports` too: only names a getter can have.
			const names = only ?? Object.keys(await import(name)).filter(each => each !== 'default' && /^[A-Za-z_$][\w$]*$/.test(each));
			const getters = names.map(each => `get ${each}() { return library().${each}; }`).join(',\n\t');
			return {contents: `let loaded;\nconst library = () => (loaded ??= ${load}.${key});\nmodule.exports = {\n\t${getters},\n};\n`, loader: 'js'};
		});
	},
};

/** One CommonJS file per entry of `libraries`' files. */
function libraryBundle(file) {
	const names = Object.entries(libraries).filter(([, library]) => library.file === file);
	const exported = ([name, {key, only}]) => (only ? `import {${only.join(', ')}} from '${name}';\nexport const ${key} = {${only.join(', ')}};\n` : `export * as ${key} from '${name}';\n`);
	const contents = file === 'meow' ? "export {default} from 'meow';\n" : names.map(entry => exported(entry)).join('');
	return {...common, ...commonJs, stdin: {contents, resolveDir: root, sourcefile: `${file}.js`}, outfile: `dist/libs/${file}.js`, ...(file === 'meow' ? {plugins: [meowPlugin]} : {})};
}

/** The esbuild options of each output, exported for test/bundle.test.ts. */
export const bundles = {
	program: {
		...common,
		entryPoints: ['source/cli.tsx'],
		outfile: 'dist/briefing.js',
		...commonJs,
		define: {...commonJs.define, BRIEFING_VERSION: JSON.stringify(version), BRIEFING_BUNDLE: 'true'},
		// pdfkit (with fontkit, about 2 MB) is required from node_modules when a PDF is first asked for
		// (outputs/pdf.ts, which the program imports with import(): a module evaluated on first use).
		external: [...common.external, 'pdfkit'],
		plugins: [vendorPlugin, librariesPlugin, narrowWidthPlugin],
	},
	meow: libraryBundle('meow'),
	markdown: libraryBundle('markdown'),
	highlight: libraryBundle('highlight'),
	// The live reload's parser, run in a worker thread (markdown/watch.ts): the Markdown libraries bundled in.
	parseWorker: {
		...common,
		entryPoints: ['source/markdown/parse-worker.ts'],
		outfile: 'dist/libs/parse-worker.js',
		...commonJs,
		define: {...commonJs.define, BRIEFING_BUNDLE: 'true'},
		plugins: [vendorPlugin, narrowWidthPlugin],
	},
	vendor: {
		...common,
		stdin: {contents: "export * from 'ink';\nexport {default} from 'ink-select-input';\nexport {loadYoga} from 'yoga-layout';\n", resolveDir: root, sourcefile: 'vendor.js'},
		outfile: 'dist/vendor.js',
		...commonJs,
		plugins: [sharedPlugin, noDevtoolsPlugin, yogaPlugin, inkReconcilerPlugin, narrowTextPlugin],
	},
	bin: {
		...common,
		entryPoints: ['source/bin.ts'],
		outfile: 'dist/cli.js',
		...commonJs,
		define: {...commonJs.define, BRIEFING_V8_FLAGS: JSON.stringify(v8Flags)},
		banner: {js: `#!/usr/bin/env node\n${commonJs.banner.js}`},
	},
};

/**
esbuild escapes what is not ASCII in strings, but not in regular expressions (the quote checker's
curly quotes and dashes). One character outside ASCII makes Node hold the whole file as a two-byte
string, and V8 parse every function of it from that: the show's peak memory is about 2.5 MB higher
(`npm run bench`, docs/build.md). Each UTF-16 code unit outside ASCII becomes a \\u escape, which
means the same in a string, a template and a regular expression (with or without the u flag); only a
raw template would see the difference, and one that holds such a character fails the build.
*/
export function asciiOnly(text, file) {
	for (const [raw] of text.matchAll(/String\.raw`[^`]*`/g)) {
		if (/[^\0-\x7F]/.test(raw)) {
			throw new Error(`${file}: a String.raw template holds characters outside ASCII: ${raw.slice(0, 60)}`);
		}
	}

	return text.replaceAll(/[^\0-\x7F]/g, unit => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
esbuild starts a bundle made only of ES modules (the program, the bin) with "use strict", but the
banner goes in front of it, and a "use strict" that is not the first statement is only a string: the
code ran in sloppy mode, not with the semantics its sources were written for. The directive moves in
front of the banner; a bundle esbuild wrote without it is left as it is.
*/
export function strictFirst(text) {
	const directive = '"use strict";';
	const banner = `${commonJs.banner.js}\n`;
	const at = text.indexOf(banner);
	if (at === -1 || !text.startsWith(directive, at + banner.length)) {
		return text;
	}

	return text.slice(0, at) + directive + banner + text.slice(at + banner.length + directive.length);
}

/**
Writes every bundle of `options` into `directory` (each bundle's outfile names its file in dist/), then
has the bin write its code cache. test/bench/tricks.mjs builds variants of dist/ with it.
*/
export async function buildDist(directory = dist, options = bundles) {
	rmSync(directory, {recursive: true, force: true});
	mkdirSync(directory);
	writeFileSync(path.join(directory, 'package.json'), '{"type": "commonjs"}\n');
	const metafiles = {};
	await Promise.all(
		Object.entries(options).map(async ([name, each]) => {
			const file = path.join(directory, path.relative('dist', each.outfile));
			metafiles[name] = (await build({...each, outfile: file, metafile: true})).metafile;
			writeFileSync(file, asciiOnly(strictFirst(readFileSync(file, 'utf8')), each.outfile));
		}),
	);
	writeFileSync(path.join(directory, 'metafile.json'), JSON.stringify(metafiles));
	chmodSync(path.join(directory, 'cli.js'), 0o755);
	const warm = spawnSync(process.execPath, [path.join(directory, 'cli.js')], {
		env: {...process.env, BRIEFING_CODE_CACHE: 'write'},
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	if (warm.status !== 0) {
		throw new Error(`writing the code cache failed (exit ${warm.status})`);
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	await buildDist();
}
