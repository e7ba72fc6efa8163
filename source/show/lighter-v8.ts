import module from 'node:module';

/**
The V8 flags for a lighter show (source/build.mjs says what each buys and why they are not given at
start): set once the first frame is up and before Ink and its WebAssembly load. In the sources (the
tests) there are none: Node's defaults.
*/
declare const BRIEFING_V8_FLAGS: readonly string[] | undefined;

export function lightenV8(): void {
	if (typeof BRIEFING_V8_FLAGS === 'undefined') {
		return;
	}

	// node:v8 takes about 1.5 ms to load: only here, not at every start.
	const v8 = module.createRequire(import.meta.url)('node:v8') as typeof import('node:v8');
	for (const flag of BRIEFING_V8_FLAGS) {
		v8.setFlagsFromString(flag);
	}
}
