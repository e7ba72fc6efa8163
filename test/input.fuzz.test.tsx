import {useEffect} from 'react';
import fc from 'fast-check';
import {afterEach, describe, expect, test} from 'vitest';
import {App} from '../source/show/app.js';
import {themes} from '../source/text/theme.js';
import {fixtureDeck} from './helpers/fixture-deck.js';
import {cleanupShown as cleanup, keys, quiet, renderShow, waitForFrame} from './helpers/ink.js';

/**
Raw bytes into the app through Ink's real input path (a terminal's stdin as Ink reads it), the screen
as the frame writer paints it: random bytes,
escape sequences split across chunks, pastes. Fixed seed; a failure prints it with the shrunk case.
*/
const seed = 20_210_406;
const numRuns = 100;
const size = {columns: 80, rows: 24};

afterEach(() => {
	cleanup();
});

/** Calls back when Ink unmounts the tree, which is what quitting does. */
function Probe({onUnmount}: {readonly onUnmount: () => void}) {
	useEffect(() => onUnmount, []);
	return null;
}

async function show() {
	const faults: unknown[] = [];
	let isUnmounted = false;
	const app = renderShow(
		<>
			<App
				deck={fixtureDeck}
				theme={themes.plain}
				size={size}
				onFatal={error => faults.push(error)}
				onSuspend={() => undefined}
			/>
			<Probe
				onUnmount={() => {
					isUnmounted = true;
				}}
			/>
		</>,
		size,
	);
	const first = await waitForFrame(app, frame => frame.includes('Slide one'));
	return {app, faults, first, isUnmounted: () => isUnmounted};
}

const counter = (frame: string | undefined) => /\b\d\/3\b( · \d\/\d)?/.exec(frame ?? '')?.[0];

/** Printable text of at least two characters: what a paste without escape sequences looks like (not two or three of one character: a repeated key). */
const pasted = fc
	.string({unit: 'grapheme', minLength: 2, maxLength: 300})
	.filter(text => !/[\u0000-\u001F\u007F-\u009F]/.test(text) && [...text].length > 1 && !([...text].length <= 3 && new Set(text).size === 1));

const sequences = [keys.right, keys.left, keys.up, keys.down, keys.pageUp, keys.pageDown, keys.home, keys.end];

describe('raw input', {timeout: 60_000}, () => {
	test('random bytes in random chunks: no exception, the app still draws', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(fc.uint8Array({minLength: 1, maxLength: 24}), {minLength: 1, maxLength: 8}), fc.boolean(), async (chunks, isSettling) => {
				const {app, faults, isUnmounted} = await show();
				for (const chunk of chunks) {
					app.stdin.write(Buffer.from(chunk).toString('utf8'));
					if (isSettling) {
						await quiet(app);
					}
				}

				await quiet(app);
				expect(faults).toEqual([]);
				// Still a whole screen: quit, or a blank screen (b, w), or a frame with its counter in the footer.
				const frame = app.lastFrame();
				expect(frame.split('\n')).toHaveLength(size.rows);
				expect(isUnmounted() || frame.trim() === '' || counter(frame.split('\n').at(-1)) !== undefined, frame).toBe(true);
				cleanup();
			}),
			{seed, numRuns},
		);
	});

	test('a paste of text is no key at all: the slide stays', async () => {
		await fc.assert(
			fc.asyncProperty(pasted, async text => {
				const {app, faults, first} = await show();
				app.stdin.write(text);
				await quiet(app);
				expect(faults).toEqual([]);
				expect(app.lastFrame()).toBe(first);
				cleanup();
			}),
			{seed, numRuns},
		);
	});

	test('a 10 kB paste full of key letters changes nothing', async () => {
		const {app, faults, first} = await show();
		const text = 'next j l n space   back h k p  gg G 12 m o ? b w . , '.repeat(200).slice(0, 10_240);
		expect(text).toHaveLength(10_240);
		const framesBefore = app.frames.length;
		app.stdin.write(text);
		await quiet(app);
		expect(faults).toEqual([]);
		expect(app.lastFrame()).toBe(first);
		expect(app.frames.slice(framesBefore).every(frame => counter(frame) === '1/3')).toBe(true);
	});

	test('a paste with escape sequences in it moves once per sequence, never per letter', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(fc.tuple(fc.stringMatching(/^[a-z ]{2,40}$/), fc.constant(keys.right)), {minLength: 1, maxLength: 2}), async parts => {
				const {app, faults} = await show();
				app.stdin.write(parts.map(([text, key]) => text + key).join(''));
				await quiet(app);
				expect(faults).toEqual([]);
				// Slide one has no steps, slide two three: one → is 2/3 · 1/3, two are 2/3 · 2/3.
				expect(counter(app.lastFrame())).toBe(parts.length === 1 ? '2/3 · 1/3' : '2/3 · 2/3');
				cleanup();
			}),
			{seed, numRuns: 30},
		);
	});

	test('an escape sequence split across two chunks in one read burst is one key', async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...sequences), fc.nat(), async (sequence, at) => {
				const cut = 1 + (at % (sequence.length - 1));
				const whole = await show();
				whole.app.stdin.write(sequence);
				await quiet(whole.app);
				const expected = whole.app.lastFrame();
				cleanup();
				const split = await show();
				split.app.stdin.write(sequence.slice(0, cut));
				split.app.stdin.write(sequence.slice(cut));
				await quiet(split.app);
				expect(split.faults).toEqual([]);
				expect(split.app.lastFrame()).toBe(expected);
				cleanup();
			}),
			{seed, numRuns: 40},
		);
	});

	test('an escape sequence split by a pause: a lone Esc, then text, never a wrong move', async () => {
		for (const sequence of sequences) {
			const {app, faults, first} = await show();
			app.stdin.write('\u001B');
			await quiet(app);
			app.stdin.write(sequence.slice(1));
			await quiet(app);
			expect(faults).toEqual([]);
			expect(app.lastFrame()).toBe(first);
			cleanup();
		}
	});

	test('a lone Esc, then q, quits', async () => {
		const {app, isUnmounted} = await show();
		app.stdin.write(keys.escape);
		await quiet(app);
		expect(isUnmounted()).toBe(false);
		app.stdin.write('q');
		await quiet(app);
		expect(isUnmounted()).toBe(true);
	});
});
