import module from 'node:module';
import process from 'node:process';

/**
The V8 flags for a lighter show (source/build.mjs says what each buys), for a show started as
`node dist/cli.js`, which Node starts without the bin's first line: set once the program is compiled
(V8 checks its code cache against the flags in force then) and before Ink and its WebAssembly load.
In the sources (the tests) there are none: Node's defaults.
*/
declare const BRIEFING_V8_FLAGS: {readonly start: readonly string[]; readonly running: readonly string[]} | undefined;

export function lightenV8(): void {
	if (typeof BRIEFING_V8_FLAGS === 'undefined' || BRIEFING_V8_FLAGS.start.every(flag => process.execArgv.includes(flag))) {
		return;
	}

	// node:v8 takes about 1.5 ms to load: only here, not at every start.
	const v8 = module.createRequire(import.meta.url)('node:v8') as typeof import('node:v8');
	for (const flag of BRIEFING_V8_FLAGS.running) {
		v8.setFlagsFromString(flag);
	}
}
