/**
Yoga's loader fetch()es its inline WebAssembly when fetch exists, and the first fetch() loads Node's whole
HTTP client; without fetch it decodes the same bytes with atob. Hidden only while Ink (and with it Yoga)
loads: with the deck (a slide may import 'ink') and in loadInk (drawn.ts), which the live show awaits.
test/without-fetch.test.ts fails the day Yoga's loader no longer looks at fetch; docs/build.md has its gain.
*/
export async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
	const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (!descriptor?.configurable) {
		return load();
	}

	Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	try {
		return await load();
	} finally {
		Object.defineProperty(globalThis, 'fetch', descriptor);
	}
}
