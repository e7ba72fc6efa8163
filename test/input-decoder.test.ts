import {fc, test} from '@fast-check/vitest';
import {describe, expect} from 'vitest';
import {
	decodeInput,
	type DecoderState,
	flushDecoder,
	initialDecoderState,
	inkBytes,
	type InputEvent,
	type KeyEvent,
	keysOfRead,
	waitingFor,
} from '../source/terminal/input.js';
import {isTableKey} from '../source/model/keymap.js';

/** The input decoder in front of Ink (upstream ink issue 901), read by read. */
function decodeReads(reads: readonly string[], flush = true): InputEvent[] {
	let state: DecoderState = initialDecoderState;
	const events: InputEvent[] = [];
	for (const read of reads) {
		const result = decodeInput(state, read);
		state = result.state;
		events.push(...result.events);
	}

	if (flush) {
		events.push(...flushDecoder(state).events);
	}

	return events;
}

const decode = (text: string) => decodeReads([text]);
const keys = (events: readonly InputEvent[]) => events.filter((event): event is KeyEvent => event.type === 'key');
const esc = '\u001B';

/** What reaches Ink of a read: the bytes of each key the guard lets through. */
function toInk(reads: readonly string[]): string[] {
	let state: DecoderState = initialDecoderState;
	const out: string[] = [];
	for (const read of reads) {
		const result = decodeInput(state, read);
		state = result.state;
		out.push(...keysOfRead(result.events).filter(key => isTableKey(key)).flatMap(key => inkBytes(key) ?? []));
	}

	out.push(...keysOfRead(flushDecoder(state).events).flatMap(key => inkBytes(key) ?? []));
	return out;
}

describe('keys with every modifier', () => {
	const letters = {A: 'up', B: 'down', C: 'right', D: 'left', E: 'begin', F: 'end', H: 'home', P: 'f1', Q: 'f2', R: 'f3', S: 'f4'};
	const tildes = {2: 'insert', 3: 'delete', 5: 'pageup', 6: 'pagedown', 15: 'f5', 24: 'f12'};
	for (let modifier = 2; modifier <= 16; modifier++) {
		const bits = modifier - 1;
		const expected = {shift: (bits & 1) !== 0, alt: (bits & 2) !== 0, ctrl: (bits & 4) !== 0, meta: (bits & 8) !== 0};
		test(`CSI and SS3 letter keys and tilde keys with modifier ${modifier}`, () => {
			for (const [final, name] of Object.entries(letters)) {
				expect(keys(decode(`${esc}[1;${modifier}${final}`))).toEqual([{type: 'key', name, text: '', ...expected}]);
				expect(keys(decode(`${esc}O${modifier}${final}`))).toEqual([{type: 'key', name, text: '', ...expected}]);
			}

			for (const [number, name] of Object.entries(tildes)) {
				expect(keys(decode(`${esc}[${number};${modifier}~`))).toEqual([{type: 'key', name, text: '', ...expected}]);
			}

			// A modified key never reaches Ink: its names for them are what crashed (Ctrl+F1 is ESC [ 1 ; 5 P).
			expect(toInk([`${esc}[1;${modifier}P`, `${esc}[1;${modifier}C`, `${esc}[5;${modifier}~`])).toEqual([]);
		});
	}

	test('every CSI final byte with every modifier decodes to one event and nothing unmodified', () => {
		for (let final = 0x40; final <= 0x7e; final++) {
			for (let modifier = 2; modifier <= 16; modifier++) {
				const events = decode(`${esc}[1;${modifier}${String.fromCodePoint(final)}`);
				expect(events).toHaveLength(1);
				expect(toInk([`${esc}[1;${modifier}${String.fromCodePoint(final)}`])).toEqual([]);
			}
		}
	});

	test('the plain keys reach Ink in the form it names', () => {
		expect(toInk([`${esc}[C`, `${esc}OD`, `${esc}[5~`, `${esc}[6~`, `${esc}[H`, `${esc}[1~`, `${esc}[F`, '\r', ' ', 'q', 'G', '7', '\u0003', '\u001A'])).toEqual([
			`${esc}[C`,
			`${esc}[D`,
			`${esc}[5~`,
			`${esc}[6~`,
			`${esc}[H`,
			`${esc}[H`,
			`${esc}[F`,
			'\r',
			' ',
			'q',
			'G',
			'7',
			'\u0003',
			'\u001A',
		]);
	});

	test('Ctrl with a letter reaches Ink only for the key table\'s Ctrl rows (C and Z)', () => {
		expect(toInk(['\u0001', '\u0002', '\u0004', '\u000E'])).toEqual([]);
		expect(toInk(['\u0003'])).toEqual(['\u0003']);
	});
});

describe('what is not a key', () => {
	test.each([
		['SGR resets and colours', `${esc}[0m`],
		['SGR green', `${esc}[32m`],
		['SGR default colour', `${esc}[39m`],
		['SGR normal intensity', `${esc}[22m`],
		['focus in', `${esc}[I`],
		['focus out', `${esc}[O`],
		['SGR mouse press', `${esc}[<0;12;5M`],
		['SGR mouse release', `${esc}[<0;12;5m`],
		['X10 mouse', `${esc}[M !!`],
		['OSC title ended by BEL', `${esc}]0;q and more\u0007`],
		['OSC 52 ended by ST', `${esc}]52;c;cXVpdA==${esc}\\`],
		['DCS ended by ST', `${esc}P1$r0m${esc}\\`],
		['APC', `${esc}_Gq;j${esc}\\`],
		['a private CSI (device attributes reply)', `${esc}[?1;2c`],
		['cursor position report', `${esc}[12;40R`],
	])('%s gives no key', (_, text) => {
		const events = decode(text);
		expect(keys(events)).toEqual([]);
		expect(events.length).toBeGreaterThan(0);
	});

	test('an 8-bit CSI reads as its 7-bit form (Ctrl+F1), which does not reach Ink', () => {
		expect(keys(decode('\u009B1;5P'))).toMatchObject([{name: 'f1', ctrl: true}]);
		expect(toInk(['\u009B1;5P', '\u009D0;q\u0007'])).toEqual([]);
	});

	test('a string or mouse report split anywhere still gives no key', () => {
		const texts = [`${esc}]0;qqq jjj\u0007`, `${esc}P1$rq${esc}\\`, `${esc}[Mqjk`, `${esc}[<0;12;5M`];
		for (const text of texts) {
			for (let at = 1; at < text.length; at++) {
				expect(keys(decodeReads([text.slice(0, at), text.slice(at)]))).toEqual([]);
			}
		}
	});

	test('an OSC, DCS, unfinished CSI or mouse report left open is dropped after a short quiet spell; the next key acts', () => {
		for (const open of [`${esc}]0;title`, `${esc}P1$r`, `${esc}[1;`, `${esc}[M!`, `${esc}[${'9'.repeat(80)}`]) {
			let result = decodeInput(initialDecoderState, open);
			expect(waitingFor(result.state), open).toBe('short');
			result = flushDecoder(result.state, 'short');
			expect(keys(result.events)).toEqual([]);
			expect(waitingFor(result.state)).toBeUndefined();
			expect(keys(decodeInput(result.state, 'q').events), open).toMatchObject([{name: 'char', text: 'q'}]);
		}
	});

	test('an overlong parameter run is consumed to its final byte, and its digits are no keys', () => {
		expect(keys(decode(`${esc}[${'1;'.repeat(200)}5P`))).toEqual([]);
		expect(keys(decodeReads([`${esc}[${'9'.repeat(100)}`, `${'9'.repeat(100)}m`, 'q']))).toMatchObject([{name: 'char', text: 'q'}]);
	});
});

describe('Esc and splits across reads', () => {
	test('a lone ESC waits for the next read, and is the Esc key when none comes', () => {
		let result = decodeInput(initialDecoderState, esc);
		expect(result.events).toEqual([]);
		expect(flushDecoder(result.state).events).toMatchObject([{name: 'escape', alt: false}]);
		result = decodeInput(result.state, '[1;5P');
		expect(keys(result.events)).toMatchObject([{name: 'f1', ctrl: true}]);
	});

	test('Esc then a key in one read is Alt with that key, which does not act', () => {
		expect(keys(decode(`${esc}q`))).toMatchObject([{name: 'char', text: 'q', alt: true}]);
		expect(toInk([`${esc}q`])).toEqual([]);
		expect(keys(decode(`${esc}${esc}[C`))).toMatchObject([{name: 'right', alt: true}]);
	});

	test.prop([fc.array(fc.constantFrom(`${esc}[1;5P`, `${esc}[C`, 'q', `${esc}]0;x\u0007`, `${esc}[<0;1;1M`, `${esc}OB`, 'é', '\u0003'), {maxLength: 12}), fc.array(fc.nat(), {maxLength: 8})], {numRuns: 300, seed: 20_210_406})(
		'any split of a run of sequences decodes as the whole does',
		(tokens, cuts) => {
			const text = tokens.join('');
			const points = [...new Set(cuts.map(cut => cut % (text.length + 1)))].sort((a, b) => a - b);
			const reads = [0, ...points].map((from, at, all) => text.slice(from, all[at + 1] ?? text.length));
			expect(decodeReads(reads)).toEqual(decode(text));
		},
	);
});

describe('pastes', () => {
	const pasted = `note ${esc}[1mq${esc}[1m more a${esc}[Cb${esc}[C${esc}[C${esc}[Cc q${esc}[D\r`;

	test.prop([fc.array(fc.nat(), {maxLength: 10})], {numRuns: 300, seed: 20_210_406})('a bracketed paste gives no key however it is split', cuts => {
		const text = `${esc}[200~${pasted}${esc}[201~`;
		const points = [...new Set(cuts.map(cut => cut % (text.length + 1)))].sort((a, b) => a - b);
		const reads = [0, ...points].map((from, at, all) => text.slice(from, all[at + 1] ?? text.length));
		const events = decodeReads(reads);
		expect(keys(events)).toEqual([]);
		expect(events.filter(event => event.type === 'paste')).toEqual([{type: 'paste', length: pasted.length}]);
		expect(toInk(reads)).toEqual([]);
	});

	// What a terminal sends for pasted text that holds an end marker, or a whole paste: its own markers around it.
	const bracketed = (text: string) => `${esc}[200~${text}${esc}[201~`;
	const tricks = [`x${esc}[201~q`, `${esc}[200~a${esc}[201~G`, `${esc}[201~w`, `${esc}[201~${esc}[200~${esc}[201~\r`, `x${esc}[201~${esc}[200~q`];
	test.each(tricks)('pasted %j presses no key, in one read or split in two at any byte', text => {
		const sent = bracketed(text);
		expect(toInk([sent])).toEqual([]);
		for (let at = 0; at <= sent.length; at++) {
			expect(toInk([sent.slice(0, at), sent.slice(at)]), `split at ${at}`).toEqual([]);
		}
	});

	test('the same bytes written, not pasted: nothing after the end marker in its read acts, not even a new paste', () => {
		expect(toInk([`${esc}[200~a${esc}[201~G`])).toEqual([]);
		expect(toInk([`x${esc}[201~q`])).toEqual([]);
		// A paste's start after an end marker in the same read opens no paste: the next read's key acts.
		expect(toInk([`${esc}[200~a${esc}[201~${esc}[200~`, 'j'])).toEqual(['j']);
		// A key before a paste's start in its read came with it.
		expect(toInk([`q${esc}[200~a${esc}[201~`])).toEqual([]);
	});

	test('a paste that never ends is dropped after the long wait only; keys then act again', () => {
		let result = decodeInput(initialDecoderState, `${esc}[200~q j`);
		expect(waitingFor(result.state)).toBe('long');
		result = flushDecoder(result.state, 'short');
		expect(result.events).toEqual([]);
		result = decodeInput(result.state, 'k');
		expect(keys(result.events)).toEqual([]);
		result = flushDecoder(result.state, 'long');
		expect(result.events).toEqual([{type: 'paste', length: 4}]);
		expect(keys(decodeInput(result.state, 'q').events)).toMatchObject([{name: 'char', text: 'q'}]);
	});

	test('keys after a paste act again', () => {
		expect(toInk([`${esc}[200~q${esc}[201`, '~', 'q'])).toEqual(['q']);
	});

	test('without bracketed paste, a read of several keys with a character among them is a paste', () => {
		expect(toInk([`note ${esc}[1mq${esc}[1m more`])).toEqual([]);
		expect(toInk([`a${esc}[Cb${esc}[C${esc}[C${esc}[Cc`])).toEqual([]);
		// A held arrow can put a few repeats in one read: those still act.
		expect(toInk([`${esc}[C${esc}[C`])).toEqual([`${esc}[C`, `${esc}[C`]);
	});

	test('two or three of one key in a read (held, or pressed twice while the show was busy) each act; four, or two different, are a paste', () => {
		expect(toInk(['  '])).toEqual([' ', ' ']);
		expect(toInk(['gg'])).toEqual(['g', 'g']);
		expect(toInk(['nnn'])).toEqual(['n', 'n', 'n']);
		expect(toInk(['nnnn'])).toEqual([]);
		expect(toInk(['nN'])).toEqual([]);
		expect(toInk(['12'])).toEqual([]);
		expect(toInk([`n${esc}[C`])).toEqual([]);
	});
});

describe('any bytes at all', () => {
	const canonical = new Set([`${esc}[A`, `${esc}[B`, `${esc}[C`, `${esc}[D`, `${esc}[H`, `${esc}[F`, `${esc}[5~`, `${esc}[6~`, `${esc}[3~`, '\r', esc, '\t', '\u007F', '\u0003', '\u001A']);

	test.prop([fc.array(fc.uint8Array({maxLength: 64}), {maxLength: 20})], {numRuns: 500, seed: 20_210_406})(
		'never throw, and reach Ink only as single characters or the canonical named keys',
		chunks => {
			const decoder = new TextDecoder('utf8', {fatal: false});
			const reads = chunks.map(chunk => decoder.decode(chunk, {stream: true}));
			for (const bytes of toInk(reads)) {
				expect(canonical.has(bytes) || ([...bytes].length === 1 && bytes.codePointAt(0)! >= 0x20)).toBe(true);
			}
		},
	);
});
