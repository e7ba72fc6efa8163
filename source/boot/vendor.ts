import * as React from 'react';
import {lightenV8} from './lighter-v8.js';

/**
Ink and ink-select-input, loaded when the show starts (after its first frame), when the sections menu
first opens, and when an output draws a slide that holds an Ink component. In the bundle
(source/build.mjs) both are dist/vendor.js, one CommonJS file that the bin compiles with its V8 code
cache when the program asks (bin.ts). Its React and scheduler are the program's own (in the program's
code cache, so the first slide does not wait for them to compile): handed over here, so that Ink
renders with the React the slides were made with. Yoga, Ink's layout engine, is WebAssembly that loads
asynchronously; the vendor file exports `loadYoga`, awaited here before Ink is used (in the packages
themselves that is a top-level await, which CommonJS cannot hold). In the sources (the tests) the
packages are imported directly.
*/
type Ink = typeof import('ink');
type SelectInputModule = typeof import('ink-select-input');
type Vendor = Ink & SelectInputModule & {loadYoga(): Promise<void>};

/** True in the bundle (esbuild --define); in the sources (the tests) the packages are imported directly. */
declare const BRIEFING_BUNDLE: boolean | undefined;

let vendor: Promise<Vendor> | undefined;

async function loadVendor(): Promise<Vendor> {
	// Ink's code cache was written under these flags (a show has set them already).
	lightenV8();
	// (scheduler is imported here, not with this module: the deck, and so the first frame, needs none of it.)
	(globalThis as Record<symbol, unknown>)[Symbol.for('briefing.shared')] = {react: React, scheduler: await import('scheduler')};
	const load = (globalThis as Record<symbol, (() => Vendor) | undefined>)[Symbol.for('briefing.loadVendor')];
	if (!load) {
		throw new Error('the bundle was started without its bin (dist/cli.js), which loads Ink for it');
	}

	const loaded = load();
	await loaded.loadYoga();
	return loaded;
}

// Each function tests BRIEFING_BUNDLE itself: esbuild drops an import() only in a branch it sees is dead
// there (with the test in a shared helper, import('ink') stayed in dist/briefing.js: test/bundle.test.ts).
export async function importInk(): Promise<Ink> {
	if (typeof BRIEFING_BUNDLE === 'boolean' && BRIEFING_BUNDLE) {
		vendor ??= loadVendor();
		return vendor;
	}

	return import('ink');
}

export async function importSelectInput(): Promise<SelectInputModule> {
	if (typeof BRIEFING_BUNDLE === 'boolean' && BRIEFING_BUNDLE) {
		vendor ??= loadVendor();
		return vendor;
	}

	return import('ink-select-input');
}
