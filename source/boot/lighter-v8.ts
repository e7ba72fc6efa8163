/**
Asks the bin for V8's flags for a lighter process (bin.ts sets them, once; source/build.mjs says what
each buys): a show asks before it reads the deck, so that V8's optimizing compiler never starts on
the way to its first frame; Ink's loader asks before Ink compiles, as Ink's code cache was written
under them. Commands that end at once (--list, --print) run without them. In the sources (the
tests) there is no bin: Node's defaults.
*/
export function lightenV8(): void {
	(globalThis as Record<symbol, (() => void) | undefined>)[Symbol.for('briefing.lightenV8')]?.();
}

/**
Asks the bin to keep V8's young generation at its first size for a deck over 64 KB (`length`
characters) read by a command that ends at once (`--print`, `--list`, `check`, the exports): its
reading makes garbage enough to grow it (about 25 MB more peak memory for 3,000 slides). Only that
flag: they keep the optimizing compiler.
*/
export function holdYoungGenerationFor(length: number): void {
	if (length > 64 * 1024) {
		(globalThis as Record<symbol, (() => void) | undefined>)[Symbol.for('briefing.holdYoungGeneration')]?.();
	}
}
