import {afterEach, expect, test} from 'vitest';
import {loadInk} from '../source/deck/drawn.js';

/**
Yoga's loader looks at `fetch` while Ink loads; in Node the first look loads the whole HTTP client
(undici), a few MB of memory and tens of milliseconds for nothing. loadInk() hides it for that moment.
*/
const original = Object.getOwnPropertyDescriptor(globalThis, 'fetch')!;

afterEach(() => {
	Object.defineProperty(globalThis, 'fetch', original);
});

test('loadInk loads Ink (and Yoga) without once looking at fetch, and puts fetch back', async () => {
	let looks = 0;
	const watched = {
		configurable: true,
		enumerable: original.enumerable ?? false,
		get() {
			looks++;
			return undefined;
		},
	};
	Object.defineProperty(globalThis, 'fetch', watched);
	const ink = await loadInk();
	expect(typeof ink.render).toBe('function');
	expect(looks).toBe(0);
	expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')?.get).toBe(watched.get);
});

test('Yoga\'s loader looks at fetch when it runs (the reason withoutFetch exists: the day it stops, withoutFetch can go)', async () => {
	let looks = 0;
	Object.defineProperty(globalThis, 'fetch', {
		configurable: true,
		enumerable: original.enumerable ?? false,
		get() {
			looks++;
			return undefined;
		},
	});
	const {loadYoga} = await import('yoga-layout/load');
	const yoga = await loadYoga();
	expect(typeof yoga.Node.create).toBe('function');
	expect(looks).toBeGreaterThan(0);
});
