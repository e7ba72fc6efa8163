import type {Key} from 'ink';
import type {Mode, NavigationAction} from './navigation.js';
import type {KeyEvent} from '../terminal/input.js';

/**
Every key the program answers to, as data. The input handler, the `?` help of each view, the footer
hints and the README's key section all come from this table. Adding a key means adding a row.
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

/** The two views of a show: the audience screen and the presenter's (`--presenter`). */
export type View = 'audience' | 'presenter';

export type Binding = {
	/**
	What the key does; none on a row whose keys a component reads itself (the sections menu's
	ink-select-input): the row lists them in help and keeps every other row off them.
	*/
	readonly action?: NavigationAction | ((input: string) => NavigationAction);
	readonly keys: readonly Matcher[];
	readonly modes: readonly Mode[];
	/** What the help overlay says the row does. */
	readonly label: string;
	/** The label in the presenter view's help, where the row means something else there. */
	readonly presenterLabel?: string;
	/** The views the row works in; default both. */
	readonly views?: readonly View[];
	/** How the keys are written in help when the matchers alone would mislead (sequences). */
	readonly display?: string;
	/** A footer hint: a word or two, shown after the row's first key (or `keys`), in these views. */
	readonly hint?: {readonly text: string; readonly keys?: string; readonly views?: readonly View[]; readonly modes?: readonly Mode[]};
};

const slides: readonly Mode[] = ['slides'];
const overlays: readonly Mode[] = ['help', 'menu', 'overview'];
const everywhere: readonly Mode[] = ['slides', 'help', 'menu', 'overview', 'blank'];

/** The first row that matches wins: Ctrl+C comes before the blank screen's "any key". */
export const keymap: readonly Binding[] = [
	{
		label: 'Next bullet or slide',
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
		hint: {text: 'next', keys: '→', views: ['presenter']},
	},
	{
		label: 'Next bullet or slide',
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
		hint: {text: 'back', keys: '←', views: ['presenter']},
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
		display: 'gg (g twice)',
	},
	{
		label: 'Last slide',
		action: {type: 'last-or-count'},
		keys: [{input: 'G'}],
		modes: slides,
		display: 'G',
	},
	{
		label: 'Last slide',
		action: {type: 'last'},
		keys: [{key: 'end'}],
		modes: slides,
	},
	{
		label: 'Go to slide <n>',
		action: input => ({type: 'digit', digit: input}),
		keys: [{digit: true}],
		modes: slides,
		display: '<n> Enter, <n>G',
	},
	// In the sections menu these are ink-select-input's keys (show/components/sections-menu.tsx).
	{
		label: 'Up or down the list',
		keys: [{key: 'upArrow'}, {input: 'k'}, {key: 'downArrow'}, {input: 'j'}],
		modes: ['menu'],
		display: '↑ k, ↓ j',
		hint: {text: 'choose', keys: '↑↓'},
	},
	{
		label: 'Go to that section',
		keys: [{key: 'return'}],
		modes: ['menu'],
		hint: {text: 'go'},
	},
	{
		label: 'Go to the section on that row',
		keys: [{digit: true}],
		modes: ['menu'],
		display: '1-9',
	},
	{
		label: 'Up or down the list',
		action: {type: 'cursor', move: 'up'},
		keys: [{key: 'upArrow'}, {input: 'k'}],
		modes: ['overview'],
		hint: {text: 'choose', keys: '↑↓'},
	},
	{
		label: 'Up or down the list',
		action: {type: 'cursor', move: 'down'},
		keys: [{key: 'downArrow'}, {input: 'j'}],
		modes: ['overview'],
	},
	{
		label: 'Across the cards',
		action: {type: 'cursor', move: 'left'},
		keys: [{key: 'leftArrow'}, {input: 'h'}],
		modes: ['overview'],
		hint: {text: 'move', keys: '←→'},
	},
	{
		label: 'Across the cards',
		action: {type: 'cursor', move: 'right'},
		keys: [{key: 'rightArrow'}, {input: 'l'}],
		modes: ['overview'],
	},
	{
		label: 'First or last',
		action: {type: 'cursor', move: 'first'},
		keys: [{key: 'home'}, {key: 'pageUp'}],
		modes: ['overview'],
	},
	{
		label: 'First or last',
		action: {type: 'cursor', move: 'last'},
		keys: [{key: 'end'}, {key: 'pageDown'}],
		modes: ['overview'],
	},
	{
		label: 'Go to that slide',
		action: {type: 'choose'},
		keys: [{key: 'return'}],
		modes: ['overview'],
		hint: {text: 'go'},
	},
	{
		label: 'Help (this list)',
		action: {type: 'toggle-help'},
		keys: [{input: '?'}],
		modes: ['slides', 'help'],
		hint: {text: 'help', modes: slides},
	},
	{
		label: 'Sections menu',
		action: {type: 'toggle-menu'},
		keys: [{input: 'm'}, {key: 'tab'}],
		modes: ['slides', 'menu'],
		hint: {text: 'sections', views: ['audience'], modes: slides},
	},
	{
		label: 'Overview of slides',
		action: {type: 'toggle-overview'},
		keys: [{input: 'o'}],
		modes: ['slides', 'overview'],
	},
	{
		label: 'Close',
		action: {type: 'close-overlay'},
		keys: [{key: 'escape'}],
		modes: overlays,
		hint: {text: 'close'},
	},
	{
		label: 'Clear a typed number',
		action: {type: 'cancel'},
		keys: [{key: 'escape'}],
		modes: slides,
	},
	{
		label: 'Notes under the slide',
		action: {type: 'toggle-notes'},
		keys: [{input: 's'}],
		modes: slides,
		views: ['audience'],
	},
	{
		label: 'Black screen',
		presenterLabel: 'Black out audience',
		action: {type: 'blank', color: 'black'},
		keys: [{input: 'b'}, {input: '.'}],
		modes: slides,
		hint: {text: 'blank audience', views: ['presenter']},
	},
	{
		label: 'White screen',
		presenterLabel: 'White out audience',
		action: {type: 'blank', color: 'white'},
		keys: [{input: 'w'}, {input: ','}],
		modes: slides,
	},
	{
		label: 'Restart both timers',
		action: {type: 'reset-timer'},
		keys: [{input: 'r'}],
		modes: slides,
	},
	{
		label: 'Save timings',
		action: {type: 'save-timings'},
		keys: [{input: 't'}],
		modes: slides,
	},
	{
		label: 'Suspend (fg returns)',
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
		hint: {text: 'quit'},
	},
	{
		label: 'Back to the slide',
		presenterLabel: 'Bring audience back',
		action: {type: 'unblank'},
		keys: [{any: true}],
		modes: ['blank'],
		display: 'any key',
		hint: {text: 'returns'},
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

function worksIn(binding: Binding, view: View): boolean {
	return binding.views?.includes(view) ?? true;
}

/** Rows as help lists them: one line per action label, for one mode of one view. */
export function helpRows(mode: Mode = 'slides', view: View = 'audience'): Array<{keys: string; label: string}> {
	const rows: Array<{keys: string; label: string}> = [];
	for (const binding of keymap) {
		if (!binding.modes.includes(mode) || !worksIn(binding, view)) {
			continue;
		}

		const keys = bindingKeys(binding);
		const label = view === 'presenter' ? binding.presenterLabel ?? binding.label : binding.label;
		const same = rows.find(row => row.label === label);
		if (same) {
			same.keys += ', ' + keys;
		} else {
			rows.push({keys, label});
		}
	}

	return rows;
}

/** Every key the help lists for a view: the slides rows, then each overlay's own rows. */
export function helpSections(view: View = 'audience'): Array<{title: string; rows: Array<{keys: string; label: string}>}> {
	const seen = new Set<string>();
	const sections: Array<{title: string; modes: Mode[]}> = [
		{title: 'Keys', modes: ['slides']},
		{title: 'In the sections menu and the overview', modes: ['menu', 'overview']},
		{title: view === 'presenter' ? 'While the audience screen is blanked' : 'On a blank screen', modes: ['blank']},
	];
	return sections.map(({title, modes}) => {
		// A row already listed (Ctrl+C quits everywhere) is not listed again.
		const rows = modes.flatMap(mode => helpRows(mode, view)).filter(row => {
			const isNew = row.keys.split(', ').some(keys => !seen.has(`${keys}=${row.label}`));
			for (const keys of row.keys.split(', ')) {
				seen.add(`${keys}=${row.label}`);
			}

			return isNew;
		});
		return {title, rows};
	});
}

/** The footer hint of a mode in a view, from the rows' hints: "? help · m sections · q quit". */
export function hintText(mode: Mode, view: View = 'audience'): string {
	return hintParts(mode, view).join(' · ');
}

/** The same hint as parts, most useful first, so a narrow footer can leave off the last. */
export function hintParts(mode: Mode, view: View = 'audience'): string[] {
	const parts: string[] = [];
	for (const binding of keymap) {
		const {hint} = binding;
		const modes = hint?.modes ?? binding.modes;
		if (!hint || !modes.includes(mode) || !worksIn(binding, view) || !(hint.views?.includes(view) ?? true)) {
			continue;
		}

		const first = binding.keys[0];
		const keys = hint.keys ?? (first ? matcherLabel(first) : '');
		parts.push(`${keys} ${hint.text}`);
	}

	return parts;
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
export function resolveKeypress(input: string, key: Key, mode: Mode, view: View = 'audience'): NavigationAction | undefined {
	const isNamed = (Object.keys(keyLabels) as NamedKey[]).some(name => key[name]);
	if (!isNamed && [...input].length > 1) {
		return undefined;
	}

	for (const binding of keymap) {
		if (!binding.modes.includes(mode) || !worksIn(binding, view)) {
			continue;
		}

		if (binding.keys.some(matcher => matches(matcher, input, key))) {
			// A row without an action: the key is the menu's ink-select-input's, nothing for the table to do.
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
