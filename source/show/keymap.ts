import type {Key} from 'ink';
import type {Mode, NavigationAction} from './navigation.js';
import type {KeyEvent} from '../terminal/input.js';

/**
Every key the program answers to, as data. The input handler, the `?` help overlay and the README's
key section come from this table (the footer's short hints are still written out in screen.ts and
presenter-screen.ts). Adding a key means adding a row.
*/
export type NamedKey =
	| 'rightArrow'
	| 'leftArrow'
	| 'upArrow'
	| 'downArrow'
	| 'pageUp'
	| 'pageDown'
	| 'home'
	| 'end'
	| 'return'
	| 'escape'
	| 'tab'
	| 'backspace'
	| 'delete';

export type Matcher =
	| {readonly key: NamedKey}
	| {readonly input: string}
	| {readonly ctrl: string}
	| {readonly digit: true}
	/** Any key at all (the blank screen's "any key returns"). */
	| {readonly any: true};

export type Binding = {
	readonly action: NavigationAction | ((input: string) => NavigationAction);
	readonly keys: readonly Matcher[];
	readonly modes: readonly Mode[];
	/** What the help overlay says the row does. */
	readonly label: string;
	/** How the keys are written in help when the matchers alone would mislead (sequences). */
	readonly display?: string;
};

const slides: readonly Mode[] = ['slides'];
const overlays: readonly Mode[] = ['help', 'menu', 'overview'];
const everywhere: readonly Mode[] = ['slides', 'help', 'menu', 'overview', 'blank'];

/** The first row that matches wins: Ctrl+C comes before the blank screen's "any key". */
export const keymap: readonly Binding[] = [
	{
		label: 'Next (bullet, quote or slide)',
		action: {type: 'next'},
		keys: [
			{key: 'rightArrow'},
			{key: 'downArrow'},
			{input: ' '},
			{key: 'pageDown'},
			{input: 'l'},
			{input: 'j'},
			{input: 'n'},
		],
		modes: slides,
	},
	{
		label: 'Next, or go to the slide number typed',
		action: {type: 'confirm'},
		keys: [{key: 'return'}],
		modes: slides,
	},
	{
		label: 'Previous',
		action: {type: 'previous'},
		keys: [
			{key: 'leftArrow'},
			{key: 'upArrow'},
			{key: 'backspace'},
			{key: 'delete'},
			{key: 'pageUp'},
			{input: 'h'},
			{input: 'k'},
			{input: 'p'},
		],
		modes: slides,
	},
	{
		label: 'First slide',
		action: {type: 'first'},
		keys: [{key: 'home'}],
		modes: slides,
	},
	{
		label: 'First slide',
		action: {type: 'g'},
		keys: [{input: 'g'}],
		modes: slides,
		display: 'g g',
	},
	{
		label: 'Last slide, or slide <n> after digits',
		action: {type: 'last-or-count'},
		keys: [{input: 'G'}],
		modes: slides,
		display: 'G, <n>G',
	},
	{
		label: 'Last slide',
		action: {type: 'last'},
		keys: [{key: 'end'}],
		modes: slides,
	},
	{
		label: 'Type a slide number (then Enter or G)',
		action: input => ({type: 'digit', digit: input}),
		keys: [{digit: true}],
		modes: slides,
	},
	{
		label: 'Sections menu',
		action: {type: 'toggle-menu'},
		keys: [{input: 'm'}, {key: 'tab'}],
		modes: ['slides', 'menu'],
	},
	{
		label: 'Overview of every slide',
		action: {type: 'toggle-overview'},
		keys: [{input: 'o'}],
		modes: ['slides', 'overview'],
	},
	{
		label: 'Help (this list)',
		action: {type: 'toggle-help'},
		keys: [{input: '?'}],
		modes: ['slides', 'help'],
	},
	{
		label: 'Close',
		action: {type: 'close-overlay'},
		keys: [{key: 'escape'}],
		modes: overlays,
	},
	{
		label: 'Clear a typed number',
		action: {type: 'cancel'},
		keys: [{key: 'escape'}],
		modes: slides,
	},
	{
		label: 'Speaker notes under the slide',
		action: {type: 'toggle-notes'},
		keys: [{input: 's'}],
		modes: slides,
	},
	{
		label: 'Black screen',
		action: {type: 'blank', color: 'black'},
		keys: [{input: 'b'}, {input: '.'}],
		modes: slides,
	},
	{
		label: 'White screen',
		action: {type: 'blank', color: 'white'},
		keys: [{input: 'w'}, {input: ','}],
		modes: slides,
	},
	{
		label: 'Restart the timer',
		action: {type: 'reset-timer'},
		keys: [{input: 'r'}],
		modes: slides,
	},
	{
		label: 'Suspend to the shell (fg to return)',
		action: {type: 'suspend'},
		keys: [{ctrl: 'z'}],
		modes: slides,
	},
	{
		label: 'Quit',
		action: {type: 'quit'},
		keys: [{ctrl: 'c'}],
		modes: everywhere,
	},
	{
		label: 'Quit',
		action: {type: 'quit'},
		keys: [{input: 'q'}],
		modes: ['slides', ...overlays],
	},
	{
		label: 'Back to the slide',
		action: {type: 'unblank'},
		keys: [{any: true}],
		modes: ['blank'],
		display: 'any key',
	},
];

const keyLabels: Readonly<Record<NamedKey, string>> = {
	rightArrow: '→',
	leftArrow: '←',
	upArrow: '↑',
	downArrow: '↓',
	pageUp: 'PgUp',
	pageDown: 'PgDn',
	home: 'Home',
	end: 'End',
	return: 'Enter',
	escape: 'Esc',
	tab: 'Tab',
	backspace: 'Backspace',
	delete: 'Backspace',
};

export function matcherLabel(matcher: Matcher): string {
	if ('key' in matcher) {
		return keyLabels[matcher.key];
	}

	if ('ctrl' in matcher) {
		return `Ctrl+${matcher.ctrl.toUpperCase()}`;
	}

	if ('digit' in matcher) {
		return '0-9';
	}

	if ('any' in matcher) {
		return 'any key';
	}

	return matcher.input === ' ' ? 'Space' : matcher.input;
}

/** The keys of a row as help shows them, duplicates folded ("Backspace" is two terminal keys). */
export function bindingKeys(binding: Binding): string {
	if (binding.display) {
		return binding.display;
	}

	return [...new Set(binding.keys.map(matcherLabel))].join(' ');
}

/** Rows as help lists them: one line per action label and mode set. */
export function helpRows(mode: Mode = 'slides'): Array<{keys: string; label: string}> {
	const rows: Array<{keys: string; label: string}> = [];
	for (const binding of keymap) {
		if (!binding.modes.includes(mode)) {
			continue;
		}

		const keys = bindingKeys(binding);
		const same = rows.find(row => row.label === binding.label);
		if (same) {
			same.keys += ' ' + keys;
		} else {
			rows.push({keys, label: binding.label});
		}
	}

	return rows;
}

function matches(matcher: Matcher, input: string, key: Key): boolean {
	if ('any' in matcher) {
		return true;
	}

	if ('key' in matcher) {
		return key[matcher.key];
	}

	if ('ctrl' in matcher) {
		return key.ctrl && input === matcher.ctrl;
	}

	if (key.ctrl || (key.meta && !key.escape)) {
		return false;
	}

	if ('digit' in matcher) {
		return /^\d$/.test(input);
	}

	return input === matcher.input;
}

/**
What a keypress means in a mode, or undefined. Pasted text (more than one character that is no
named key) means nothing, so a paste never turns into a run of slide changes.
*/
export function resolveKeypress(input: string, key: Key, mode: Mode): NavigationAction | undefined {
	const isNamed = (Object.keys(keyLabels) as NamedKey[]).some(name => key[name]);
	if (!isNamed && [...input].length > 1) {
		return undefined;
	}

	for (const binding of keymap) {
		if (!binding.modes.includes(mode)) {
			continue;
		}

		if (binding.keys.some(matcher => matches(matcher, input, key))) {
			return typeof binding.action === 'function' ? binding.action(input) : binding.action;
		}
	}

	return undefined;
}

/** Pairs of rows that claim the same key in the same mode; the table must have none. */
export function keyConflicts(table: readonly Binding[] = keymap): string[] {
	const seen = new Map<string, string>();
	const conflicts: string[] = [];
	for (const binding of table) {
		for (const mode of binding.modes) {
			for (const matcher of binding.keys) {
				if ('any' in matcher) {
					continue;
				}

				const id = `${mode}:${JSON.stringify(matcher)}`;
				const other = seen.get(id);
				if (other !== undefined && other !== binding.label) {
					conflicts.push(`${matcherLabel(matcher)} in ${mode}: "${other}" and "${binding.label}"`);
				}

				seen.set(id, binding.label);
			}
		}
	}

	return conflicts;
}

/**
Whether a decoded key may reach Ink at all (the input guard asks; see terminal/input-stream.ts):
Ctrl with a letter only for the table's Ctrl rows; characters and the plain named keys otherwise,
so the blank screen's "any key" still sees them. Ink's own names are checked again by the matchers.
*/
export function isTableKey(key: KeyEvent): boolean {
	if (key.name === 'char' && key.ctrl) {
		return keymap.some(binding => binding.keys.some(matcher => 'ctrl' in matcher && matcher.ctrl === key.text));
	}

	return true;
}
