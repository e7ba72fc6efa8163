import {type ComponentProps, createElement, type ReactElement} from 'react';
import type {Line} from '../text/lines.js';
import {splitSgr} from '../text/sgr.js';
import {importInk} from '../boot/vendor.js';
import {withoutFetch} from '../boot/without-fetch.js';

/**
Ink components in a slide body. Anything in a body that is not a slide primitive (a `<Box>` with a
border, a component of your own) is drawn by Ink at the slide's width and laid out as lines: in the
live show, the presenter view and every export (as its text).

The deck is read without Ink, so that the first slide can be painted before Ink loads. Ink loads when
something is to be drawn (`loadInk`, which the show and the outputs await first); `Box` and `Text`
here are Ink's own, looked up when they render, so a slide can use them without loading Ink with the
deck. A slide may also import them from 'ink' itself: that works the same, but loads Ink with the deck.
*/
type InkModule = typeof import('ink');

let ink: InkModule | undefined;

/** Loads Ink, once. */
export async function loadInk(): Promise<InkModule> {
	ink ??= await withoutFetch(importInk);
	return ink;
}

/** The Ink that loadInk() loaded (show/ink.ts reaches its hooks through this). */
export function inkLoaded(): InkModule {
	if (!ink) {
		throw new Error('a slide holds an Ink component, and Ink is not loaded yet: await loadInk() before laying the deck out');
	}

	return ink;
}

/** Ink's `<Box>`, for slide bodies. */
export function Box(props: ComponentProps<InkModule['Box']>) {
	return createElement(inkLoaded().Box, props);
}

/** Ink's `<Text>`, for slide bodies. Colours belong to the theme: give it none. */
export function Text(props: ComponentProps<InkModule['Text']>) {
	return createElement(inkLoaded().Text, props);
}

/** Whether a component is one of these stand-ins for Ink's (read through, never called to read words). */
export function isLookup(type: unknown): boolean {
	return type === Box || type === Text;
}

const drawings = new WeakMap<ReactElement, Map<number, Line[]>>();

/** The element's drawing at `width` if it was made already (never draws). */
export function drawnAlready(element: ReactElement, width: number): Line[] | undefined {
	return drawings.get(element)?.get(width);
}

/** The element as Ink draws it at `width` columns, as lines (the SGR it drew with kept on each segment). */
export function drawElement(element: ReactElement, width: number): Line[] {
	let byWidth = drawings.get(element);
	if (!byWidth) {
		byWidth = new Map();
		drawings.set(element, byWidth);
	}

	let lines = byWidth.get(width);
	if (!lines) {
		const text = inkLoaded().renderToString(element, {columns: Math.max(1, width)});
		lines = splitSgr(text).map(row => row.filter(run => run.text).map(run => ({text: run.text, role: 'body' as const, sgr: run.sgr})));
		while (lines.length > 0 && lines.at(-1)!.every(segment => !segment.text.trim())) {
			lines.pop();
		}

		byWidth.set(width, lines);
	}

	return lines;
}
