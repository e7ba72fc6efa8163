import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import process from 'node:process';
import {pathToFileURL} from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

/**
The bin (dist/cli.js): loads the program, dist/briefing.js, and runs it. The program is one
CommonJS file so that it loads in one read and one compile, without the ES module loader's work per
module; V8's code cache, made at build time (`npm install` builds), spares most of that compile too:
- Node 22.1 and later keep their own compile cache (module.enableCompileCache): a plain require.
- Node 20 has no such cache for modules: the program is compiled as a vm.Script with the cached data
  the build wrote (dist/briefing.cache). V8 checks the data and compiles afresh when it does not fit
  (another Node, other flags).
Ink is an ES module: the bin imports it (dist/vendor.mjs) when the program asks (deck/vendor.ts).
`BRIEFING_CODE_CACHE=write` is the build's step: the program's warmUp() runs and the cache is written;
`BRIEFING_CODE_CACHE=check` says whether this Node and V8 take the cache (the tests ask).
*/
type Program = {
	run(argv: readonly string[]): Promise<void>;
	warmUp(): Promise<void>;
};

const programFile = path.join(__dirname, 'briefing.js');
const cacheFile = path.join(__dirname, 'briefing.cache');

/**
V8 flags for a lighter process, set before anything of ours is compiled (the code cache is written
with the same flags, so V8 accepts it). Each was measured with `npm run bench` (peak RSS, 120x40):
Yoga's WebAssembly compiled by the baseline compiler only, with no optimizing tier-up in the
background (about 4 MB); no optimizing compiler for JavaScript (about 8 MB; keys stay within their
targets, since a slide change is mostly the frame writer's string work); and a young generation that
does not grow (about 5 MB).
*/
for (const flag of ['--liftoff-only', '--no-opt', '--semi-space-growth-factor=1']) {
	v8.setFlagsFromString(flag);
}

// React is required from node_modules, outside the bundle, and picks its build by NODE_ENV when it
// loads: the production one, like the reconciler bundled with Ink (a test runner's NODE_ENV=test
// would pair React's development build with it, which fails at the first render).
process.env['NODE_ENV'] = 'production';

// Ink and ink-select-input, for the program (deck/vendor.ts says why the bin imports them).
// (A file URL made at run time: the file is dist/vendor.mjs, beside this one once built.)
const vendorUrl = pathToFileURL(path.join(__dirname, 'vendor.mjs')).href;
(globalThis as Record<symbol, unknown>)[Symbol.for('briefing.importVendor')] = async () => import(vendorUrl);

function readCache(): Buffer | undefined {
	try {
		return readFileSync(cacheFile);
	} catch {
		return undefined;
	}
}

/** The program, compiled with the build's code cache (Node 20), or required (Node 22.1+). */
function load(): {program: Program; script?: vm.Script} {
	const moduleApi = Module as unknown as {enableCompileCache?: () => unknown};
	if (moduleApi.enableCompileCache) {
		moduleApi.enableCompileCache();
		return {program: require(programFile) as Program};
	}

	const cachedData = readCache();
	const script = new vm.Script(Module.wrap(readFileSync(programFile, 'utf8')), {filename: programFile, ...(cachedData ? {cachedData} : {})});
	const programModule = {exports: {}} as {exports: unknown};
	const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
	wrapper(programModule.exports, Module.createRequire(programFile), programModule, programFile, __dirname);
	return {program: programModule.exports as Program, script};
}

async function writeCache(): Promise<void> {
	rmSync(cacheFile, {force: true});
	const {program, script} = load();
	if (!script) {
		// This Node keeps its own cache: nothing to write.
		return;
	}

	await program.warmUp();
	writeFileSync(cacheFile, script.createCachedData());
}

if (process.env['BRIEFING_CODE_CACHE'] === 'write') {
	void writeCache();
} else if (process.env['BRIEFING_CODE_CACHE'] === 'check') {
	// Whether V8 took the cache (`accepted`), or compiled afresh (`rejected`), or Node keeps its own (`node`).
	const {script} = load();
	process.stdout.write(`${script ? (script.cachedDataRejected ? 'rejected' : 'accepted') : 'node'}\n`);
} else {
	void load().program.run(process.argv.slice(2));
}
