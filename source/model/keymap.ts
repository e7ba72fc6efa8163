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
	/** What the key does: one action, the only thing the key does in these modes. */
	readonly action: NavigationAction | ((input: string) => NavigationAction);
	readonly keys: readonly Matcher[];
	readonly modes: readonly Mode[];
	/** What the help overlay says the row does. */
	readonly label: string;
	/** The label in one mode's help, where the row means something else there (m closes the menu it opened). */
	readonly modeLabels?: Partial<Record<Mode, string>>;
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
/** The two lists with a cursor: the sections menu and the overview. */
const lists: readonly Mode[] = ['menu', 'overview'];

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
	// The sections menu and the overview share their cursor keys: the reducer moves the open one's cursor.
	{
		label: 'Up or down the list',
		action: {type: 'cursor', move: 'up'},
		keys: [{key: 'upArrow'}, {input: 'k'}],
		modes: lists,
		hint: {text: 'choose', keys: '↑↓'},
	},
	{
		label: 'Up or down the list',
		action: {type: 'cursor', move: 'down'},
		keys: [{key: 'downArrow'}, {input: 'j'}],
		modes: lists,
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
		modes: lists,
	},
	{
		label: 'First or last',
		action: {type: 'cursor', move: 'last'},
		keys: [{key: 'end'}, {key: 'pageDown'}],
		modes: lists,
	},
	{
		label: 'Go to that slide',
		modeLabels: {menu: 'Go to that section'},
		action: {type: 'choose'},
		keys: [{key: 'return'}],
		modes: lists,
		hint: {text: 'go'},
	},
	{
		label: 'Go to section <n>',
		action: input => ({type: 'section-number', digit: input}),
		keys: [{digit: true}],
		modes: ['menu'],
		display: '1-9',
	},
	{
		label: 'Help (this list)',
		action: {type: 'toggle-help'},
		keys: [{input: '?'}],
		modes: ['slides', 'help', 'menu', 'overview'],
		hint: {text: 'help', modes: slides},
	},
	{
		label: 'Sections menu',
		modeLabels: {menu: 'Close'},
		action: {type: 'toggle-menu'},
		keys: [{input: 'm'}, {key: 'tab'}],
		modes: ['slides', 'menu'],
		hint: {text: 'sections', views: ['audience'], modes: slides},
	},
	{
		label: 'Overview of slides',
		modeLabels: {overview: 'Close'},
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
		// The audience help has no row to spare at 80x24; a rehearsal there saves at each slide and at the end.
		views: ['presenter'],
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

/**
The keys of a row as help shows them, each name whole ("gg (g twice)" is one name), duplicates folded
("Backspace" is two terminal keys). A display's names are split at its commas.
*/
export function bindingNames(binding: Binding): string[] {
	if (binding.display) {
		return binding.display.split(', ').map((name, index, all) => (index < all.length - 1 ? `${name},` : name));
	}

	return [...new Set(binding.keys.map(matcherLabel))];
}

/** The keys of a row as one line of text. */
export function bindingKeys(binding: Binding): string {
	return bindingNames(binding).join(' ');
}

function worksIn(binding: Binding, view: View): boolean {
	return binding.views?.includes(view) ?? true;
}

/** One line of help: its keys (and their names, which never break), and what they do. */
export type HelpRow = {keys: string; names: string[]; label: string};

/** Rows as help lists them: one line per action label, for one mode of one view. */
export function helpRows(mode: Mode = 'slides', view: View = 'audience'): HelpRow[] {
	const rows: HelpRow[] = [];
	for (const binding of keymap) {
		if (!binding.modes.includes(mode) || !worksIn(binding, view)) {
			continue;
		}

		const names = bindingNames(binding);
		const label = binding.modeLabels?.[mode] ?? (view === 'presenter' ? binding.presenterLabel ?? binding.label : binding.label);
		const same = rows.find(row => row.label === label);
		if (same) {
			same.names = [...same.names.slice(0, -1), `${same.names.at(-1)!},`, ...names];
			same.keys = same.names.join(' ');
		} else {
			rows.push({keys: names.join(' '), names, label});
		}
	}

	return rows;
}

/** The screens that have a help of their own: the slides (with the blank screens they lead to), the menu, the overview. */
export type HelpScreen = 'slides' | 'menu' | 'overview';

/**
The help of one screen of a view: only the keys that work there. The slides' help also says how a
blank screen comes back (a blank screen has no help of its own: any key returns).
*/
export function helpSections(view: View = 'audience', screen: HelpScreen = 'slides'): Array<{title: string; rows: HelpRow[]}> {
	if (screen === 'menu') {
		return [{title: 'In the sections menu', rows: helpRows('menu', view)}];
	}

	if (screen === 'overview') {
		return [{title: 'In the overview', rows: helpRows('overview', view)}];
	}

	// Ctrl+C quits on a blank screen too; the slides' rows already say so.
	const listed = new Set(helpRows('slides', view).flatMap(row => row.names.map(name => `${name.replace(/,$/, '')}=${row.label}`)));
	const blank = helpRows('blank', view).filter(row => row.names.some(name => !listed.has(`${name.replace(/,$/, '')}=${row.label}`)));
	return [
		{title: 'Keys', rows: helpRows('slides', view)},
		{title: view === 'presenter' ? 'While the audience screen is blanked' : 'On a blank screen', rows: blank},
	];
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

/** No key at all, as Ink reports it. */
export const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/** An Ink key with nothing pressed but `name`. */
export function inkKey(name?: keyof Key): Key {
	return name ? {...noKey, [name]: true} : noKey;
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
