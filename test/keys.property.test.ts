import type {Key} from 'ink';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {keymap, type Matcher, resolveKeypress, type View} from '../source/model/keymap.js';
import {initNavigation, modeOf, navigate, type NavigationState} from '../source/model/navigation.js';
import {backward, firstOf, forward, jump, noKey, type PositionModel} from './helpers/position-model.js';

/**
Every key, in every mode, does one thing: the key table's row for it in that mode, and nothing else.
Random walks of keypresses (every key the table names, and keys it does not) go through the real
path, `resolveKeypress` in the mode of the moment and then the reducer, and through a model written
out plainly here from the README's key tables. After every key the whole state equals the model's:
the position, the typed number, which overlay is open and what help covers, both cursors, notes,
blank, the notice, the timer, suspend and quit. Peer moves and the grid's width change between keys,
so the walks reach every state: slides and steps, the menu, the overview, help over each, a blank
screen over each, digits typed. The seed is fixed (CI replays the same runs).
*/
const seed = 20_210_406;


/** A keypress as Ink hands it to the app, and the name the model knows it by. */
type Press = {readonly name: string; readonly input: string; readonly key: Key};

function pressesOf(matcher: Matcher): Press[] {
	if ('key' in matcher) {
		return [{name: matcher.key, input: '', key: {...noKey, [matcher.key]: true}}];
	}

	if ('ctrl' in matcher) {
		return [{name: `ctrl+${matcher.ctrl}`, input: matcher.ctrl, key: {...noKey, ctrl: true}}];
	}

	if ('digit' in matcher) {
		return [...'0123456789'].map(digit => ({name: digit, input: digit, key: noKey}));
	}

	if ('any' in matcher) {
		return [];
	}

	return [{name: matcher.input, input: matcher.input, key: {...noKey, shift: matcher.input !== matcher.input.toLowerCase()}}];
}

/** Every key the table names, once each, and keys no row names. */
const presses: readonly Press[] = [
	...new Map(keymap.flatMap(binding => binding.keys.flatMap(pressesOf)).map(press => [press.name, press])).values(),
	{name: 'x', input: 'x', key: noKey},
	{name: '~', input: '~', key: noKey},
	{name: 'ctrl+f', input: 'f', key: {...noKey, ctrl: true}},
];

type Overlay = 'none' | 'help' | 'menu' | 'overview';

type Model = PositionModel & {
	blank: 'none' | 'black' | 'white';
	cursor: number;
	menuCursor: number;
	showNotes: boolean;
	notice: string;
	timerEpoch: number;
	isTimerRunning: boolean;
	suspendCount: number;
	isQuitting: boolean;
	columns: number;
	readonly sections: readonly number[];
};

const sectionOfSlide = (model: Model, index: number) => model.sections.filter(start => start <= index).length - 1;

function typed(model: Model, otherwise: () => void) {
	if (/^\d+$/.test(model.pending)) {
		const number = Number(model.pending);
		if (number >= 1 && number <= model.units.length) {
			jump(model, number - 1);
		} else {
			model.pending = '';
			model.notice = `no slide ${number}`;
		}
	} else {
		otherwise();
	}
}

function open(model: Model, overlay: Exclude<Overlay, 'none'>) {
	model.pending = '';
	if (model.overlay === 'none') {
		model.cursor = model.index;
		model.menuCursor = sectionOfSlide(model, model.index);
	}

	model.under = overlay === 'help' ? model.overlay : 'none';
	model.overlay = overlay;
}

function close(model: Model) {
	model.pending = '';
	model.overlay = model.overlay === 'help' ? model.under : 'none';
	model.under = 'none';
}

const next = ['rightArrow', 'downArrow', ' ', 'pageDown', 'l', 'j', 'n'];
const previous = ['leftArrow', 'upArrow', 'backspace', 'delete', 'pageUp', 'h', 'k', 'p'];

/** The slides' keys, as the README's first table says. Returns false for a key that does nothing. */
function onSlides(model: Model, name: string): boolean {
	if (next.includes(name)) {
		forward(model);
	} else if (previous.includes(name)) {
		backward(model);
	} else if (/^\d$/.test(name)) {
		model.pending = (/^\d+$/.test(model.pending) ? model.pending + name : name).slice(-4);
	} else {
		const actions: Record<string, () => void> = {
			return: () => typed(model, () => forward(model)),
			home: () => jump(model, 0),
			g: () => (model.pending === 'g' ? jump(model, 0) : (model.pending = 'g')),
			G: () => typed(model, () => jump(model, model.units.length - 1)),
			end: () => jump(model, model.units.length - 1),
			'?': () => open(model, 'help'),
			m: () => open(model, 'menu'),
			tab: () => open(model, 'menu'),
			o: () => open(model, 'overview'),
			escape: () => (model.pending = ''),
			b: () => ((model.blank = 'black'), (model.pending = '')),
			'.': () => ((model.blank = 'black'), (model.pending = '')),
			w: () => ((model.blank = 'white'), (model.pending = '')),
			',': () => ((model.blank = 'white'), (model.pending = '')),
			r: () => ((model.timerEpoch++), (model.isTimerRunning = true), (model.pending = '')),
			'ctrl+z': () => ((model.suspendCount++), (model.pending = '')),
		};
		const action = actions[name];
		if (!action) {
			return false;
		}

		action();
	}

	return true;
}

/** The sections menu's keys. */
function onMenu(model: Model, name: string): boolean {
	const last = model.sections.length - 1;
	const actions: Record<string, () => void> = {
		upArrow: () => (model.menuCursor = Math.max(0, model.menuCursor - 1)),
		k: () => (model.menuCursor = Math.max(0, model.menuCursor - 1)),
		downArrow: () => (model.menuCursor = Math.min(last, model.menuCursor + 1)),
		j: () => (model.menuCursor = Math.min(last, model.menuCursor + 1)),
		home: () => (model.menuCursor = 0),
		pageUp: () => (model.menuCursor = 0),
		end: () => (model.menuCursor = last),
		pageDown: () => (model.menuCursor = last),
		return: () => jump(model, model.sections[model.menuCursor]!),
		'?': () => open(model, 'help'),
		m: () => close(model),
		tab: () => close(model),
		escape: () => close(model),
	};
	if (/^[1-9]$/.test(name)) {
		const start = model.sections[Number(name) - 1];
		if (start !== undefined) {
			jump(model, start);
		}

		return true;
	}

	const action = actions[name];
	action?.();
	// A 0 is a digit key the menu reads and ignores: it reaches nothing else.
	return Boolean(action) || name === '0';
}

/** The overview's keys. */
function onOverview(model: Model, name: string): boolean {
	const last = model.units.length - 1;
	const row = model.columns;
	const {cursor} = model;
	const below = cursor + row <= last ? cursor + row : Math.floor(cursor / row) < Math.floor(last / row) ? last : cursor;
	const moves: Record<string, number> = {
		upArrow: cursor - row >= 0 ? cursor - row : cursor,
		downArrow: below,
		leftArrow: cursor > 0 ? cursor - 1 : cursor,
		rightArrow: cursor < last ? cursor + 1 : cursor,
		home: 0,
		pageUp: 0,
		end: last,
		pageDown: last,
	};
	const aliases: Record<string, string> = {k: 'upArrow', j: 'downArrow', h: 'leftArrow', l: 'rightArrow'};
	const move = moves[aliases[name] ?? name];
	if (move !== undefined) {
		model.cursor = move;
		return true;
	}

	const actions: Record<string, () => void> = {
		return: () => jump(model, model.cursor),
		'?': () => open(model, 'help'),
		o: () => close(model),
		escape: () => close(model),
	};
	actions[name]?.();
	return name in actions;
}

/** One key in the model, in the mode it is in. */
function pressModel(model: Model, name: string): void {
	const before = {index: model.index, step: model.step};
	const mode = model.blank === 'none' ? (model.overlay === 'none' ? 'slides' : model.overlay) : 'blank';
	const notice = model.notice;
	model.notice = '';
	let acted = true;
	if (name === 'ctrl+c' || (name === 'q' && mode !== 'blank')) {
		model.isQuitting = true;
	} else if (mode === 'blank') {
		model.blank = 'none';
		model.pending = '';
	} else if (mode === 'help') {
		if (name === '?' || name === 'escape') {
			close(model);
		} else {
			acted = false;
		}
	} else if (mode === 'menu') {
		acted = onMenu(model, name);
	} else if (mode === 'overview') {
		acted = onOverview(model, name);
	} else {
		acted = onSlides(model, name);
	}

	if (!acted) {
		// A key no row names in this mode does nothing at all, not even clear a notice.
		model.notice = notice;
	}

	if (model.index !== before.index || model.step !== before.step) {
		model.isTimerRunning = true;
	}
}

type Real = {state: NavigationState; readonly view: View};

/** The states the walks pressed keys in: a property is only as good as the states it visits. */
const visited = new Set<string>();

function whereIs(state: NavigationState): string[] {
	const mode = modeOf(state);
	return [
		mode === 'help' ? `help over ${state.under}` : mode,
		...(mode === 'blank' && state.overlay !== 'none' ? [`blank over ${state.overlay}`] : []),
		...(/^\d+$/.test(state.pending) ? ['digits typed'] : []),
		...(state.pending === 'g' ? ['g typed'] : []),
		...(state.step > 0 && state.step < (state.units[state.index] ?? 0) ? ['mid-slide'] : []),
	];
}

const observed = (state: NavigationState | Model) => ({
	index: state.index,
	step: state.step,
	pending: state.pending,
	overlay: state.overlay,
	under: state.under,
	blank: state.blank,
	cursor: state.cursor,
	menuCursor: state.menuCursor,
	showNotes: state.showNotes,
	notice: state.notice,
	timerEpoch: state.timerEpoch,
	isTimerRunning: state.isTimerRunning,
	suspendCount: state.suspendCount,
	isQuitting: state.isQuitting,
});

class Keypress implements fc.Command<Model, Real> {
	constructor(private readonly press: Press) {}

	check(model: Readonly<Model>) {
		return !model.isQuitting;
	}

	run(model: Model, real: Real) {
		const mode = modeOf(real.state);
		for (const where of whereIs(real.state)) {
			visited.add(where);
		}

		const action = resolveKeypress(this.press.input, this.press.key, mode, real.view);
		if (action) {
			real.state = navigate(real.state, action);
		}

		// `s` (notes under the slide) is the audience view's only.
		if (!(this.press.name === 's' && real.view === 'presenter' && mode === 'slides')) {
			if (this.press.name === 's' && mode === 'slides') {
				model.showNotes = !model.showNotes;
				model.pending = '';
				model.notice = '';
			} else {
				pressModel(model, this.press.name);
			}
		}

		expect(observed(real.state), `${this.press.name} in ${mode}`).toEqual(observed(model));
	}

	toString() {
		return this.press.name;
	}
}

/** The peer view moved (not a key): the walks reach a blank screen over the menu, a step anywhere. */
class Sync implements fc.Command<Model, Real> {
	constructor(private readonly to: {index: number; step: number; blank: 'none' | 'black' | 'white'}) {}

	check(model: Readonly<Model>) {
		return !model.isQuitting;
	}

	run(model: Model, real: Real) {
		real.state = navigate(real.state, {type: 'sync', ...this.to});
		if (this.to.index < model.units.length) {
			const before = {index: model.index, step: model.step};
			model.index = this.to.index;
			model.step = Math.min(model.units[model.index]!, Math.max(firstOf(model, model.index), this.to.step));
			model.blank = this.to.blank;
			model.isTimerRunning ||= model.index !== before.index || model.step !== before.step;
		}

		// A slide that is not there is refused: nothing changes.
		expect(observed(real.state)).toEqual(observed(model));
	}

	toString() {
		return `sync ${JSON.stringify(this.to)}`;
	}
}

/** The overview's grid is as wide as the terminal lets it be: ↑↓ move a row of this many. */
class Grid implements fc.Command<Model, Real> {
	constructor(private readonly columns: number) {}

	check() {
		return true;
	}

	run(model: Model, real: Real) {
		real.state = navigate(real.state, {type: 'grid', columns: this.columns});
		model.columns = this.columns;
	}

	toString() {
		return `grid ${this.columns}`;
	}
}

const deckShape = fc
	.array(fc.nat(4), {minLength: 1, maxLength: 12})
	.chain(units => fc.tuple(fc.constant(units), units.length > 1 ? fc.uniqueArray(fc.integer({min: 1, max: units.length - 1}), {maxLength: 10}) : fc.constant([])));

describe('every key does one thing, in every mode', () => {
	test.each<View>(['audience', 'presenter'])('random keypresses in the %s view do what the key tables say, and nothing else', view => {
		fc.assert(
			fc.property(deckShape, fc.boolean(), fc.nat(11), fc.commands(
				[
					fc.constantFrom(...presses).map(press => new Keypress(press)),
					// Keys that open and close the modes, more often, so every mode is reached in short walks.
					fc.constantFrom(...presses.filter(press => ['m', 'o', '?', 'b', 'w', 'escape', 'return', '4', 'g'].includes(press.name))).map(press => new Keypress(press)),
					fc.record({index: fc.nat(13), step: fc.nat(5), blank: fc.constantFrom('none', 'black', 'white') as fc.Arbitrary<'none' | 'black' | 'white'>}).map(to => new Sync(to)),
					fc.integer({min: 1, max: 6}).map(columns => new Grid(columns)),
				],
				{maxCommands: 80},
			), ([units, cuts], isRevealing, start, walk) => {
				const sections = [0, ...[...cuts].sort((a, b) => a - b)];
				const state = initNavigation({units, sections, start, isRevealing});
				const model: Model = {
					...observed(state),
					overlay: 'none',
					under: 'none',
					blank: 'none',
					columns: 1,
					units,
					sections,
					isRevealing,
				};
				fc.modelRun(() => ({model, real: {state, view}}), walk);
			}),
			{seed, numRuns: 300},
		);
		expect([...visited].sort()).toEqual(
			expect.arrayContaining(['slides', 'menu', 'overview', 'help over none', 'help over menu', 'help over overview', 'blank', 'blank over menu', 'blank over overview', 'blank over help', 'digits typed', 'g typed', 'mid-slide']),
		);
	});
});
