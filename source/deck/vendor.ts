import * as React from 'react';

/**
Ink and ink-select-input: ES modules, imported when the show starts and when the sections menu first
opens. In the bundle (source/build.mjs) both come from dist/vendor.mjs, imported by the bin on the
program's behalf: on Node 20 the program is compiled from V8's code cache, and an import() in code
from that cache fails (Node looks its import callback up by a symbol of the process that wrote the
cache). The bin's own import() has no such problem. React and scheduler are the program's own (in its
code cache, so the first slide does not wait for them to compile): the vendor bundle takes them from
here, so that Ink renders with the React the slides were made with.
*/
type Ink = typeof import('ink');
type SelectInputModule = typeof import('ink-select-input');

/** True in the bundle (esbuild --define); in the sources (the tests) the packages are imported directly. */
declare const BRIEFING_BUNDLE: boolean | undefined;

const vendorImporter = Symbol.for('briefing.importVendor');

async function importVendor(): Promise<Ink & SelectInputModule> {
	// (scheduler is imported here, not with this module: the deck, and so the first frame, needs none of it.)
	(globalThis as Record<symbol, unknown>)[Symbol.for('briefing.shared')] = {react: React, scheduler: await import('scheduler')};
	const importer = (globalThis as Record<symbol, (() => Promise<Ink & SelectInputModule>) | undefined>)[vendorImporter];
	if (!importer) {
		throw new Error('the bundle was started without its bin (dist/cli.js), which imports Ink for it');
	}

	return importer();
}

export async function importInk(): Promise<Ink> {
	if (typeof BRIEFING_BUNDLE === 'boolean' && BRIEFING_BUNDLE) {
		return importVendor();
	}

	return import('ink');
}

export async function importSelectInput(): Promise<SelectInputModule> {
	if (typeof BRIEFING_BUNDLE === 'boolean' && BRIEFING_BUNDLE) {
		return importVendor();
	}

	return import('ink-select-input');
}
