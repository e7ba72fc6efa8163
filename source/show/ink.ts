import {createElement, type ReactElement} from 'react';
import type * as InkModule from 'ink';
import type SelectInputComponent from 'ink-select-input';
import {inkLoaded} from '../deck/drawn.js';
import {importSelectInput} from '../boot/vendor.js';
import {withoutFetch} from '../boot/without-fetch.js';

export {Box, Text} from '../deck/drawn.js';

/**
Ink's hooks and ink-select-input, for the show's components: read from the Ink that `loadInk()`
(deck/drawn.ts) loaded. The program is bundled as CommonJS, for its code cache (see bin.ts), and Ink
is an ES module with top-level await, which CommonJS cannot require: it is imported once, when the
show starts, and the components reach it through here. Calling them before then is a bug, and says so.
*/
export const useInput: typeof InkModule.useInput = (handler, options) => inkLoaded().useInput(handler, options);
export const useApp: typeof InkModule.useApp = () => inkLoaded().useApp();
export const useStdin: typeof InkModule.useStdin = () => inkLoaded().useStdin();
export const useStdout: typeof InkModule.useStdout = () => inkLoaded().useStdout();
export const useIsScreenReaderEnabled: typeof InkModule.useIsScreenReaderEnabled = () => inkLoaded().useIsScreenReaderEnabled();

type SelectInputType = typeof SelectInputComponent;
let selectInput: SelectInputType | undefined;

/** Loads ink-select-input, once: when the sections menu is first opened. */
export async function loadSelectInput(): Promise<void> {
	selectInput ??= (await withoutFetch(importSelectInput)).default;
}

/** ink-select-input's `<SelectInput>` (after loadSelectInput()). */
export function SelectInput<V>(props: Parameters<typeof SelectInputComponent<V>>[0]): ReactElement {
	if (!selectInput) {
		throw new Error('the sections menu opened before ink-select-input loaded: await loadSelectInput() first');
	}

	return createElement(selectInput as typeof SelectInputComponent<V>, props);
}
