import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import process from 'node:process';
import {pathToFileURL} from 'node:url';
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

function readCache(): Buffer | undefined {
	try {
		return readFileSync(cacheFile);
	} catch {
		return undefined;
	}
}

/** The program, compiled with the build's code cache (Node 20), or required (Node 22.1+). */
function load(): {program: Program; script?: vm.Script} {
	// Ink and ink-select-input, for the program (deck/vendor.ts says why the bin imports them).
	// (A file URL made at run time: the file is dist/vendor.mjs, beside this one once built.)
	const vendorUrl = pathToFileURL(path.join(__dirname, 'vendor.mjs')).href;
	(globalThis as Record<symbol, unknown>)[Symbol.for('briefing.importVendor')] = async () => import(vendorUrl);
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

async function main(argv: readonly string[]): Promise<void> {
	// --help and --version need no program: answered at once (answer.ts, bundled with the bin and
	// loaded only when a word could be one of them).
	if (argv.some(word => /^(?:-h|-v|--help|--version)(?:=|$)/.test(word))) {
		const {answerHelpOrVersion} = await import('./answer.js');
		const answered = await answerHelpOrVersion(argv);
		if (answered !== undefined) {
			process.exitCode = answered;
			return;
		}
	}

	switch (process.env['BRIEFING_CODE_CACHE']) {
		case 'write': {
			return writeCache();
		}

		case 'check': {
			// Whether V8 took the cache (`accepted`), or compiled afresh (`rejected`), or Node keeps its own (`node`).
			const {script} = load();
			process.stdout.write(`${script ? (script.cachedDataRejected ? 'rejected' : 'accepted') : 'node'}\n`);
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
