/**
The input decoder: text read from the terminal in, keys out. Pure: no I/O, no timers. It knows every
shape a terminal sends (CSI and SS3 keys with any modifier, focus reports, mouse reports, OSC, DCS,
SOS, PM and APC strings, bracketed pastes, a lone Esc) and keeps an unfinished one across reads.
Everything that is not a key comes out as `ignored` or `paste`, so no byte sequence reaches Ink's own
key parser unchecked: Ink 6.8's `useInput` crashes on a Ctrl-modified CSI key it has no name for
(Ctrl+F1 is `ESC [ 1 ; 5 P`; upstream ink issue 901). See input-stream.ts for how keys reach Ink.
*/
export type KeyName =
	| 'char'
	| 'up'
	| 'down'
	| 'left'
	| 'right'
	| 'home'
	| 'end'
	| 'pageup'
	| 'pagedown'
	| 'insert'
	| 'delete'
	| 'begin'
	| 'return'
	| 'escape'
	| 'tab'
	| 'backspace'
	| `f${number}`;

export type KeyEvent = {
	readonly type: 'key';
	readonly name: KeyName;
	/** The character for `char` (and the letter for Ctrl+letter); '' for named keys. */
	readonly text: string;
	readonly shift: boolean;
	readonly alt: boolean;
	readonly ctrl: boolean;
	readonly meta: boolean;
};

export type InputEvent =
	| KeyEvent
	/** A bracketed paste: its text is dropped whole, however it was split. */
	| {readonly type: 'paste'; readonly length: number}
	/** `paste`: a paste's start marker, a stray end marker, or what came after an end marker in its read. */
	| {readonly type: 'ignored'; readonly what: 'focus' | 'mouse' | 'string' | 'sequence' | 'control' | 'paste'};

/** Longest CSI parameter run read as one; a longer one is consumed to its end and ignored. */
const maxParameters = 64;

const esc = '\u001B';
const pasteEnd = '\u001B[201~';

type Modifiers = Pick<KeyEvent, 'shift' | 'alt' | 'ctrl' | 'meta'>;

const none: Modifiers = {shift: false, alt: false, ctrl: false, meta: false};

function key(name: KeyName, text = '', modifiers: Partial<Modifiers> = {}): KeyEvent {
	return {type: 'key', name, text, ...none, ...modifiers};
}

/** xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4, meta 8); 2 to 16, or absent. */
function modifiersOf(parameter: string | undefined): Modifiers | undefined {
	if (parameter === undefined || parameter === '') {
		return none;
	}

	const value = /^\d{1,2}$/.test(parameter) ? Number(parameter) - 1 : -1;
	if (value < 0 || value > 15) {
		return undefined;
	}

	return {shift: (value & 1) !== 0, alt: (value & 2) !== 0, ctrl: (value & 4) !== 0, meta: (value & 8) !== 0};
}

const letterKeys: Readonly<Record<string, KeyName>> = {
	A: 'up',
	B: 'down',
	C: 'right',
	D: 'left',
	E: 'begin',
	F: 'end',
	H: 'home',
	P: 'f1',
	Q: 'f2',
	R: 'f3',
	S: 'f4',
};

const tildeKeys: Readonly<Record<string, KeyName>> = {
	1: 'home',
	2: 'insert',
	3: 'delete',
	4: 'end',
	5: 'pageup',
	6: 'pagedown',
	7: 'home',
	8: 'end',
	11: 'f1',
	12: 'f2',
	13: 'f3',
	14: 'f4',
	15: 'f5',
	17: 'f6',
	18: 'f7',
	19: 'f8',
	20: 'f9',
	21: 'f10',
	23: 'f11',
	24: 'f12',
};

/** What a whole CSI sequence (`ESC [`, parameters, final) means. */
export function csiEvent(parameters: string, final: string): InputEvent {
	if (parameters === '' && (final === 'I' || final === 'O')) {
		return {type: 'ignored', what: 'focus'};
	}

	if (parameters.startsWith('<') && (final === 'M' || final === 'm')) {
		return {type: 'ignored', what: 'mouse'};
	}

	if (!/^[\d;]*$/.test(parameters)) {
		return {type: 'ignored', what: 'sequence'};
	}

	if (parameters === '201' && final === '~') {
		// An end marker with no paste open: the paste began in a read before (its start is gone).
		return {type: 'ignored', what: 'paste'};
	}

	const fields = parameters.split(';');
	if (final === 'Z' && parameters === '') {
		return key('tab', '', {shift: true});
	}

	const letter = letterKeys[final];
	if (letter && fields.length <= 2 && (fields[0] === '' || fields[0] === '1' || fields.length === 1)) {
		const modifiers = modifiersOf(fields.length === 2 ? fields[1] : fields[0] === '1' ? undefined : fields[0]);
		return modifiers ? key(letter, '', modifiers) : {type: 'ignored', what: 'sequence'};
	}

	const tilde = final === '~' ? tildeKeys[fields[0] ?? ''] : undefined;
	if (tilde && fields.length <= 2) {
		const modifiers = modifiersOf(fields[1]);
		return modifiers ? key(tilde, '', modifiers) : {type: 'ignored', what: 'sequence'};
	}

	// SGR (`ESC [ 0 m`), cursor reports, kitty's CSI u and anything else: not a key of ours.
	return {type: 'ignored', what: 'sequence'};
}

/** What `ESC O` and its final byte mean (some terminals put a modifier between them). */
function ss3Event(parameters: string, final: string): InputEvent {
	const name = final === 'M' ? 'return' : letterKeys[final];
	const modifiers = modifiersOf(parameters.split(';').at(-1));
	return name && modifiers && /^[\d;]*$/.test(parameters) ? key(name, '', modifiers) : {type: 'ignored', what: 'sequence'};
}

/** A C0 control character, DEL, or a printable character, as a key. */
function plainEvent(char: string, alt: boolean): InputEvent {
	const code = char.codePointAt(0)!;
	switch (char) {
		case '\r': {
			return key('return', '', {alt});
		}

		case '\t': {
			return key('tab', '', {alt});
		}

		case '\u007F':
		case '\b': {
			return key('backspace', '', {alt});
		}

		case esc: {
			return key('escape', '', {alt});
		}

		default: {
			break;
		}
	}

	if (code >= 1 && code <= 26) {
		return key('char', String.fromCodePoint(code + 96), {ctrl: true, alt});
	}

	// NUL, Ctrl+\ ] ^ _, C1 controls, and what was not UTF-8 (read as U+FFFD).
	if (code < 0x20 || (code >= 0x80 && code < 0xa0) || code === 0xff_fd) {
		return {type: 'ignored', what: 'control'};
	}

	return key('char', char, {alt, shift: char !== char.toLowerCase()});
}

type Mode =
	| {readonly kind: 'ground'}
	/** Inside a string (OSC, DCS, SOS, PM, APC) until BEL or ST; `afterEsc` when its last char was ESC. */
	| {readonly kind: 'string'; readonly afterEsc: boolean}
	/** Inside a bracketed paste; `length` counts what was dropped so far. */
	| {readonly kind: 'paste'; readonly length: number; readonly tail: string}
	/** After a paste's end marker, to the end of its read: pasted too (the marker may have been pasted). */
	| {readonly kind: 'pasted'}
	/** An X10 mouse report (`ESC [ M` and three bytes): `left` bytes still to skip. */
	| {readonly kind: 'mouse'; readonly left: number}
	/** The rest of an overlong CSI sequence: parameters until its final byte. */
	| {readonly kind: 'skip'};

/** The decoder's whole state between reads: what mode it is in and the unfinished text. */
export type DecoderState = {readonly mode: Mode; readonly pending: string};

export const initialDecoderState: DecoderState = {mode: {kind: 'ground'}, pending: ''};

type Step = {readonly events: InputEvent[]; readonly mode: Mode; readonly next: number} | 'incomplete';

const stringIntroducers = new Set([']', 'P', 'X', '^', '_']);

/** Reads a CSI sequence that starts at `start` (just after `ESC [`). */
function readCsi(text: string, start: number, alt: boolean): Step {
	let index = start;
	// The Linux console's F1 to F5: `ESC [ [ A`.
	if (text[index] === '[') {
		return index + 1 < text.length ? {events: [{type: 'ignored', what: 'sequence'}], mode: {kind: 'ground'}, next: index + 2} : 'incomplete';
	}

	while (index < text.length) {
		const code = text.codePointAt(index)!;
		if (code >= 0x20 && code <= 0x3f) {
			index++;
			if (index - start > maxParameters) {
				// Too long for any key: consume the rest of it without keeping it.
				return {events: [{type: 'ignored', what: 'sequence'}], mode: {kind: 'skip'}, next: index};
			}

			continue;
		}

		if (code >= 0x40 && code <= 0x7e) {
			const parameters = text.slice(start, index);
			const final = text[index]!;
			if (parameters === '' && final === 'M') {
				return {events: [], mode: {kind: 'mouse', left: 3}, next: index + 1};
			}

			if (parameters === '200' && final === '~') {
				return {events: [{type: 'ignored', what: 'paste'}], mode: {kind: 'paste', length: 0, tail: ''}, next: index + 1};
			}

			const event = csiEvent(parameters, final);
			const withAlt = alt && event.type === 'key' ? {...event, alt: true} : event;
			return {events: [withAlt], mode: {kind: 'ground'}, next: index + 1};
		}

		// A byte no CSI may hold: the sequence is broken; drop it and read the byte afresh.
		return {events: [{type: 'ignored', what: 'sequence'}], mode: {kind: 'ground'}, next: index};
	}

	return 'incomplete';
}

/** Reads `ESC O` and what follows (from `start`, just after the O). */
function readSs3(text: string, start: number, alt: boolean): Step {
	let index = start;
	while (index < text.length && /[\d;]/.test(text[index]!) && index - start < 8) {
		index++;
	}

	if (index >= text.length) {
		return 'incomplete';
	}

	const code = text.codePointAt(index)!;
	if (code < 0x40 || code > 0x7e) {
		return {events: [{type: 'ignored', what: 'sequence'}], mode: {kind: 'ground'}, next: index};
	}

	const event = ss3Event(text.slice(start, index), text[index]!);
	return {events: [alt && event.type === 'key' ? {...event, alt: true} : event], mode: {kind: 'ground'}, next: index + 1};
}

/** Reads what starts with ESC at `start`: a sequence, a string, Alt+key, or (alone) the Esc key. */
function readEscape(text: string, start: number, alt = false): Step {
	const next = text[start + 1];
	if (next === undefined) {
		return 'incomplete';
	}

	if (next === '[') {
		return readCsi(text, start + 2, alt);
	}

	if (next === 'O') {
		return readSs3(text, start + 2, alt);
	}

	if (stringIntroducers.has(next)) {
		return {events: [], mode: {kind: 'string', afterEsc: false}, next: start + 2};
	}

	if (next === esc && !alt) {
		// ESC ESC: Alt with a sequence (Alt+↑), or Esc pressed twice.
		return readEscape(text, start + 1, true);
	}

	const char = String.fromCodePoint(text.codePointAt(start + 1)!);
	return {events: [plainEvent(char, true)], mode: {kind: 'ground'}, next: start + 1 + char.length};
}

const c1: Readonly<Record<string, string>> = {'\u009B': '[', '\u008F': 'O', '\u009D': ']', '\u0090': 'P', '\u0098': 'X', '\u009E': '^', '\u009F': '_'};

/** 8-bit C1 introducers (CSI as U+009B, ...) in their 7-bit form, ESC and a letter. */
function sevenBit(text: string): string {
	return text.replaceAll(/[\u008F\u0090\u0098\u009B\u009D-\u009F]/g, char => esc + c1[char]!);
}

/** One step in ground mode at `index`. */
function readGround(text: string, index: number): Step {
	const char = String.fromCodePoint(text.codePointAt(index)!);
	if (char === esc) {
		return readEscape(text, index);
	}

	return {events: [plainEvent(char, false)], mode: {kind: 'ground'}, next: index + char.length};
}

/** Skips string text up to its end (BEL, ESC \, or an ESC that starts something else). */
function readString(text: string, index: number, afterEsc: boolean): Step {
	let at = index;
	let isAfterEsc = afterEsc;
	while (at < text.length) {
		const char = text[at]!;
		if (isAfterEsc) {
			// ST ends it; any other ESC cancels the string and starts a sequence of its own.
			return {events: [{type: 'ignored', what: 'string'}], mode: {kind: 'ground'}, next: char === '\\' ? at + 1 : at - 1};
		}

		if (char === '\u0007' || char === '\u009C') {
			return {events: [{type: 'ignored', what: 'string'}], mode: {kind: 'ground'}, next: at + 1};
		}

		isAfterEsc = char === esc;
		at++;
	}

	return {events: [], mode: {kind: 'string', afterEsc: isAfterEsc}, next: at};
}

/** Skips pasted text up to `ESC [ 201 ~`, which may arrive split across reads. */
function readPaste(text: string, index: number, mode: {length: number; tail: string}): Step {
	const joined = mode.tail + text.slice(index);
	const end = joined.indexOf(pasteEnd);
	if (end !== -1) {
		const consumed = end + pasteEnd.length - mode.tail.length;
		return {events: [{type: 'paste', length: mode.length + end}], mode: {kind: 'pasted'}, next: index + consumed};
	}

	// Keep the longest end that could be the start of the closing marker.
	let keep = Math.min(pasteEnd.length - 1, joined.length);
	while (keep > 0 && !pasteEnd.startsWith(joined.slice(-keep))) {
		keep--;
	}

	return {events: [], mode: {kind: 'paste', length: mode.length + joined.length - keep, tail: joined.slice(joined.length - keep)}, next: text.length};
}

function readMode(mode: Mode, text: string, index: number): Step {
	switch (mode.kind) {
		case 'ground': {
			return readGround(text, index);
		}

		case 'string': {
			return readString(text, index, mode.afterEsc);
		}

		case 'paste': {
			return readPaste(text, index, mode);
		}

		case 'pasted': {
			// Nothing after an end marker in its read acts, not even a new paste's start. The start of
			// another end marker at the read's end waits for the next read, which it makes a paste's too.
			const rest = text.slice(index);
			let keep = Math.min(pasteEnd.length - 1, rest.length);
			while (keep >= 2 && !pasteEnd.startsWith(rest.slice(-keep))) {
				keep--;
			}

			return {events: [{type: 'ignored', what: 'paste'}], mode: keep >= 2 ? {kind: 'ground'} : mode, next: text.length - (keep >= 2 ? keep : 0)};
		}

		case 'skip': {
			let at = index;
			while (at < text.length && text.codePointAt(at)! >= 0x20 && text.codePointAt(at)! <= 0x3f) {
				at++;
			}

			const isEnd = at < text.length;
			const isFinal = isEnd && text.codePointAt(at)! >= 0x40 && text.codePointAt(at)! <= 0x7e;
			return {events: [], mode: isEnd ? {kind: 'ground'} : mode, next: isFinal ? at + 1 : at};
		}

		case 'mouse': {
			const take = Math.min(mode.left, [...text.slice(index)].length);
			const skipped = [...text.slice(index)].slice(0, take).join('').length;
			const left = mode.left - take;
			return {events: left === 0 ? [{type: 'ignored', what: 'mouse'}] : [], mode: left === 0 ? {kind: 'ground'} : {kind: 'mouse', left}, next: index + skipped};
		}
	}
}

/**
Decodes one read. `state` is what the previous read left; the result holds the events completed by
this read and the state for the next. An unfinished sequence waits in `pending` for the next read;
a lone ESC waits there too, until `flushDecoder` says no more is coming.
*/
export function decodeInput(state: DecoderState, chunk: string): {state: DecoderState; events: InputEvent[]} {
	const text = state.pending + sevenBit(chunk);
	const events: InputEvent[] = [];
	let {mode} = state;
	let index = 0;
	while (index < text.length) {
		const step = readMode(mode, text, index);
		if (step === 'incomplete') {
			return {state: {mode, pending: text.slice(index)}, events};
		}

		events.push(...step.events);
		mode = step.mode;
		index = step.next;
	}

	// The read is over: what comes next is read afresh.
	return {state: {mode: mode.kind === 'pasted' ? {kind: 'ground'} : mode, pending: ''}, events};
}

/**
How long a decoder in this state waits for more before `flushDecoder`: 'short' for a lone ESC, an
unfinished sequence or an open string or mouse report (a terminal sends those in one write), 'long'
for an open bracketed paste (a big paste over a slow link arrives in many reads), nothing when idle.
*/
export function waitingFor(state: DecoderState): 'short' | 'long' | undefined {
	if (state.pending !== '' || state.mode.kind === 'string' || state.mode.kind === 'mouse' || state.mode.kind === 'skip') {
		return 'short';
	}

	return state.mode.kind === 'paste' ? 'long' : undefined;
}

/**
No more input came for a while (`quiet`, see waitingFor): a lone ESC (or ESC ESC) is the Esc key; an
unfinished sequence, string or mouse report is dropped, so a stray `ESC ]` cannot swallow the keys
after it. A paste that never ends (a stray `ESC [ 200 ~`) is ended after the long wait only.
*/
export function flushDecoder(state: DecoderState, quiet: 'short' | 'long' = 'short'): {state: DecoderState; events: InputEvent[]} {
	if (state.pending === esc) {
		return {state: initialDecoderState, events: [key('escape')]};
	}

	if (state.pending === esc + esc) {
		return {state: initialDecoderState, events: [key('escape', '', {alt: true})]};
	}

	if (state.mode.kind === 'paste') {
		return quiet === 'long' ? {state: initialDecoderState, events: [{type: 'paste', length: state.mode.length + state.mode.tail.length}]} : {state, events: []};
	}

	if (waitingFor(state) === 'short') {
		const what = state.mode.kind === 'string' ? 'string' : state.mode.kind === 'mouse' ? 'mouse' : 'sequence';
		return {state: initialDecoderState, events: [{type: 'ignored', what}]};
	}

	return {state, events: []};
}

/**
A read that holds any part of a bracketed paste (its start, its end, a stray end marker) gives no
key: a key beside a paste in one read came with it. A terminal without bracketed paste delivers a
paste as one read holding many keys. A person types one key per read, but a held key repeats, and a
double press can arrive in one read while the show is busy (Space Space, `gg`): a read of two or
three of the same key acts, each key. Any other read with two keys or more, any of them a character,
is taken as pasted text and none of its keys act.
*/
export function keysOfRead(events: readonly InputEvent[]): KeyEvent[] {
	if (events.some(event => event.type === 'paste' || (event.type === 'ignored' && event.what === 'paste'))) {
		return [];
	}

	const keys = events.filter((event): event is KeyEvent => event.type === 'key');
	if (keys.length > 1 && keys.some(each => each.name === 'char' && !each.ctrl) && !isRepeat(keys)) {
		return [];
	}

	return keys;
}

/** Most keys one read may hold as a key's repeats rather than a paste. */
const mostRepeats = 3;

/** Two or three of one key (the same character and modifiers): a held or double-pressed key. */
function isRepeat(keys: readonly KeyEvent[]): boolean {
	const [first] = keys;
	return (
		first !== undefined &&
		keys.length <= mostRepeats &&
		keys.every(each => each.name === first.name && each.text === first.text && each.shift === first.shift && each.alt === first.alt && each.ctrl === first.ctrl && each.meta === first.meta)
	);
}

const inkNames: Partial<Record<KeyName, string>> = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	home: '\u001B[H',
	end: '\u001B[F',
	pageup: '\u001B[5~',
	pagedown: '\u001B[6~',
	delete: '\u001B[3~',
	return: '\r',
	escape: esc,
	tab: '\t',
	backspace: '\u007F',
};

/**
The bytes Ink 6.8 reads as this key, in the one form its parser names correctly; undefined for a key
it could misread or crash on (anything with Alt or Meta, modified named keys, F-keys, Ctrl with
anything but a letter).
*/
export function inkBytes(event: KeyEvent): string | undefined {
	if (event.alt || event.meta) {
		return undefined;
	}

	if (event.name === 'char') {
		if (event.ctrl) {
			return /^[a-z]$/.test(event.text) ? String.fromCodePoint(event.text.codePointAt(0)! - 96) : undefined;
		}

		return event.text;
	}

	return event.ctrl || event.shift ? undefined : inkNames[event.name];
}
