import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import process from 'node:process';
import vm from 'node:vm';

/**
The bin (dist/cli.js): loads the program, dist/briefing.js, and runs it. The program and Ink
(dist/vendor.js) are each one CommonJS file, so that each loads in one read and one compile, without
the ES module loader's work per module; V8's code cache, made at build time (`npm install` builds),
spares most of that compile too:
- Node 22.1 and later keep their own compile cache (module.enableCompileCache): a plain require.
- Node 20 has no such cache for modules: each file is compiled as a vm.Script with the cached data the
  build wrote (dist/briefing.cache, dist/vendor.cache). V8 checks the data and compiles afresh when it
  does not fit (another Node, other flags).
The program asks the bin for V8 flags for a lighter process through `Symbol.for('briefing.lightenV8')`
(boot/lighter-v8.ts: a show, before it reads the deck; Ink's loader, before Ink compiles, as Ink's
cache is written under them), and for Ink through `Symbol.for('briefing.loadVendor')`
(boot/vendor.ts), after its first frame.
`BRIEFING_CODE_CACHE=write` is the build's step: the program's warm-ups run and the caches are written;
`BRIEFING_CODE_CACHE=check` says whether this Node and V8 take them (the tests ask).
docs/build.md has what the cache, the flags and Ink's late load each earn.
*/
type Program = {
	run(argv: readonly string[]): Promise<void>;
	/** The way to the first frame, run before the program's cache is written. */
	warmUp(): Promise<void>;
	/** Ink drawing the deck, run (under the V8 flags) before the vendor cache is written. */
	warmUpInk(): Promise<void>;
	loadInk(): Promise<unknown>;
};

type Name = 'briefing' | 'vendor' | Library;
/** A library only some commands need (source/build.mjs: `libraries`), compiled with its own cache (when the build wrote one) when the program first asks. */
type Library = `libs/${string}`;
/** The libraries whose caches `BRIEFING_CODE_CACHE=check` asks about (the warm-up loads them). */
const libraries: readonly Library[] = ['libs/meow', 'libs/markdown'];
type Compiled = {exports: unknown; script?: vm.Script};

const fileOf = (name: Name) => path.join(__dirname, `${name}.js`);
const cacheOf = (name: Name) => path.join(__dirname, `${name}.cache`);
const hasOwnCompileCache = typeof (Module as {enableCompileCache?: unknown}).enableCompileCache === 'function';
if (hasOwnCompileCache) {
	(Module as unknown as {enableCompileCache: () => unknown}).enableCompileCache();
}

function readCache(name: Name): Buffer | undefined {
	try {
		return readFileSync(cacheOf(name));
	} catch {
		return undefined;
	}
}

/** One of dist/'s CommonJS files, compiled with the build's code cache (Node 20), or required (Node 22.1+). */
function compile(name: Name): Compiled {
	const file = fileOf(name);
	if (hasOwnCompileCache) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS bin loads a file of dist/ by its path, synchronously.
		return {exports: require(file) as unknown};
	}

	const cachedData = readCache(name);
	const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), {filename: file, ...(cachedData ? {cachedData} : {})});
	const compiledModule = {exports: {}} as {exports: unknown};
	const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
	wrapper(compiledModule.exports, Module.createRequire(file), compiledModule, file, path.dirname(file));
	return {exports: compiledModule.exports, script};
}

/** The V8 flags for a lighter process (source/build.mjs), defined when the bin is built. */
declare const BRIEFING_V8_FLAGS: readonly string[];

let isLight = false;

/**
Sets the V8 flags, once, when the program asks (after its compile: its cache was made without them).
Node's own modules compile from a cache built into Node, which V8 refuses once a flag has changed:
node:tty and node:net, which the first frame needs (process.stdout), are loaded first.
*/
function lightenV8(): void {
	if (isLight) {
		return;
	}

	isLight = true;
	void process.stdout;
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only on this path, synchronously, in the CommonJS bin.
	const v8 = require('node:v8') as typeof import('node:v8');
	for (const flag of BRIEFING_V8_FLAGS) {
		v8.setFlagsFromString(flag);
	}
}

/** One flag of the lighter set, for commands that read a big deck and end (boot/lighter-v8.ts): a young generation that does not grow. */
function holdYoungGeneration(): void {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only on this path, synchronously, in the CommonJS bin.
	(require('node:v8') as typeof import('node:v8')).setFlagsFromString('--semi-space-growth-factor=1');
}

let vendor: Compiled | undefined;
(globalThis as Record<symbol, unknown>)[Symbol.for('briefing.lightenV8')] = lightenV8;
(globalThis as Record<symbol, unknown>)[Symbol.for('briefing.holdYoungGeneration')] = holdYoungGeneration;
(globalThis as Record<symbol, unknown>)[Symbol.for('briefing.loadVendor')] = () => {
	vendor ??= compile('vendor');
	return vendor.exports;
};

const loaded = new Map<Library, Compiled>();
/** A library of dist/libs/ (`meow`, `markdown`), compiled once with its cache. */
function loadLibrary(name: string): unknown {
	if (!/^[a-z-]+$/.test(name)) {
		throw new Error(`no library ${name}`);
	}

	const library: Library = `libs/${name}`;

	let compiled = loaded.get(library);
	if (!compiled) {
		compiled = compile(library);
		loaded.set(library, compiled);
	}

	return compiled.exports;
}

(globalThis as Record<symbol, unknown>)[Symbol.for('briefing.loadLibrary')] = loadLibrary;

function load(): {program: Program; script?: vm.Script} {
	const {exports, script} = compile('briefing');
	return {program: exports as Program, ...(script ? {script} : {})};
}

async function writeCaches(): Promise<void> {
	for (const name of ['briefing', 'vendor', ...libraries] as const) {
		rmSync(cacheOf(name), {force: true});
	}

	const {program, script} = load();
	if (!script) {
		// This Node keeps its own cache: nothing to write.
		return;
	}

	// The program's cache is made before the V8 flags are set, Ink's after, as they run (a cache keeps the flags it was made under).
	// The warm-up reads flags with meow and a Markdown deck, so the libraries' caches hold what they run.
	await program.warmUp();
	writeFileSync(cacheOf('briefing'), script.createCachedData());
	for (const [name, compiled] of loaded) {
		if (compiled.script) {
			writeFileSync(cacheOf(name), compiled.script.createCachedData());
		}
	}
	lightenV8();
	await program.warmUpInk();
	if (vendor?.script) {
		writeFileSync(cacheOf('vendor'), vendor.script.createCachedData());
	}
}

/** `accepted` when V8 took a file's cache, `rejected` when it compiled afresh, `node` when Node keeps its own. */
function cacheState(script: vm.Script | undefined): string {
	return script ? (script.cachedDataRejected ? 'rejected' : 'accepted') : 'node';
}

async function main(argv: readonly string[]): Promise<void> {
	switch (process.env['BRIEFING_CODE_CACHE']) {
		case 'write': {
			return writeCaches();
		}

		case 'check': {
			// Whether V8 took each cache: the program's as it starts, the libraries' as a command first needs them (before the V8 flags), Ink's as the show loads it.
			const {program, script} = load();
			for (const name of libraries) {
				loadLibrary(name.slice('libs/'.length));
			}

			await program.loadInk();

			const states = [['briefing', script], ['vendor', vendor?.script], ...libraries.map(name => [name, loaded.get(name)?.script] as const)] as const;
			process.stdout.write(states.map(([name, each]) => `${name}.js ${cacheState(each)}\n`).join(''));
			return;
		}

		default: {
			return load().program.run(argv);
		}
	}
}

main(process.argv.slice(2)).catch((error: unknown) => {
	// The program reports its own errors; this is one it could not: a broken install (a file of dist/ gone).
	process.stderr.write(`briefing: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}\n`);
	process.exitCode = 1;
});
