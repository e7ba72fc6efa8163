import {createElement} from 'react';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {firstStep, initNavigation, lastStep, navigate, type NavigationAction, type NavigationState} from '../source/model/navigation.js';
import {compileDeck, type Deck} from '../source/deck/deck.js';
import {lineText, lineWidth} from '../source/text/lines.js';
import {isTooSmall, screenLines, type Size} from '../source/layout/screen.js';
import {Bullets, Lead} from '../source/deck/typography.js';
import {backward, firstOf, forward, jump, lastOf, type PositionModel} from './helpers/position-model.js';

/**
Model-based test of the navigation reducer: random command sequences run against the real reducer
and against a model written out plainly here. After every command the two agree, the position is in
range, and the screen laid out at the current terminal size (which the resize command changes) fills
exactly its rows, fits its columns and says where the show stands. The seed is fixed (CI replays the same runs); a failure prints it with the shrunk path.
*/
export const seed = 20_210_406;
export const numRuns = 200;

type Model = PositionModel & {blank: 'none' | 'black' | 'white'};

type Real = {state: NavigationState; size: Size; readonly deck: Deck};

/** A deck with these reveal units per slide (a bullet list each; a lead where a slide has none). */
function deckOf(units: readonly number[]): Deck {
	const slides = units.map((count, index) => ({
		id: `slide-${index}`,
		title: `Slide ${index + 1}`,
		paragraphs: [1],
		notes: 'Notes.',
		Body: () => (count > 0 ? createElement(Bullets, {items: Array.from({length: count}, (_, item) => `Point ${item + 1}`)}) : createElement(Lead, {children: 'No steps'})),
	}));
	return compileDeck({title: 'Property deck', source: {outlet: 'O', date: 'D', author: 'A'}, sections: [{id: 'all', title: 'All', slides}]});
}

/** The screen at the real size: every row, none too wide, the counter on the last row when it fits. */
function checkScreen(real: Real): void {
	const {deck, state, size} = real;
	const lines = screenLines(deck, state, size);
	expect(lines).toHaveLength(size.rows);
	for (const line of lines) {
		expect(lineWidth(line), lineText(line)).toBeLessThanOrEqual(size.columns);
	}

	// A blank screen is blank to the last cell; the too-small notice has no footer.
	const isNotice = lines.some(line => lineText(line).includes('Terminal too small'));
	if (!isTooSmall(size) && !isNotice && state.blank === 'none' && lines.length > 0) {
		expect(lineText(lines.at(-1)!)).toMatch(new RegExp(`^ ${state.index + 1}/${deck.slides.length}\\b`));
	}
}

const first = firstOf;
const last = lastOf;

/** One command: what the model does, and the actions the reducer gets for it. */
class Step implements fc.Command<Model, Real> {
	constructor(
		private readonly name: string,
		private readonly actions: readonly NavigationAction[],
		private readonly onModel: (model: Model) => void,
	) {}

	check() {
		return true;
	}

	run(model: Model, real: Real) {
		this.onModel(model);
		real.state = this.actions.reduce(navigate, real.state);
		const {state} = real;
		expect(state.index).toBeGreaterThanOrEqual(0);
		expect(state.index).toBeLessThan(model.units.length);
		expect(state.step).toBeGreaterThanOrEqual(firstStep(state, state.index));
		expect(state.step).toBeLessThanOrEqual(lastStep(state, state.index));
		expect({index: state.index, step: state.step, pending: state.pending, overlay: state.overlay, under: state.under, blank: state.blank}).toEqual({
			index: model.index,
			step: model.step,
			pending: model.pending,
			overlay: model.overlay,
			under: model.under,
			blank: model.blank,
		});
		checkScreen(real);
	}

	toString() {
		return this.name;
	}
}

/** The terminal changes size: the state stays as it was, the screen is laid out afresh. */
class Resize implements fc.Command<Model, Real> {
	constructor(private readonly size: Size) {}

	check() {
		return true;
	}

	run(model: Model, real: Real) {
		const before = real.state;
		real.size = this.size;
		expect(real.state).toBe(before);
		checkScreen(real);
	}

	toString() {
		return `resize ${this.size.columns}x${this.size.rows}`;
	}
}

/** Help covers the menu or the overview and gives it back; anything else closed goes back to the slides. */
const close = (model: Model) => {
	model.overlay = model.overlay === 'help' ? model.under : 'none';
	model.under = 'none';
	model.pending = '';
};

const toggle = (overlay: 'help' | 'menu' | 'overview') => (model: Model) => {
	if (model.overlay === overlay) {
		close(model);
		return;
	}

	model.under = overlay === 'help' ? model.overlay : 'none';
	model.overlay = overlay;
	model.pending = '';
};

const commands = [
	fc.constant(new Step('next', [{type: 'next'}], forward)),
	fc.constant(new Step('previous', [{type: 'previous'}], backward)),
	fc.constant(new Step('first', [{type: 'first'}], model => {
		jump(model, 0);
	})),
	fc.constant(new Step('last', [{type: 'last'}], model => {
		jump(model, model.units.length - 1);
	})),
	fc.integer({min: -3, max: 12}).map(index => new Step(`go-to ${index}`, [{type: 'go-to', index}], model => {
		jump(model, index);
	})),
	fc.stringMatching(/^\d{1,5}$/).map(digits => new Step(
		`${digits} Enter`,
		[...[...digits].map(digit => ({type: 'digit', digit}) as const), {type: 'confirm'}],
		model => {
			jump(model, Number(digits.slice(-4)) - 1);
		},
	)),
	fc.constant(new Step('Enter', [{type: 'confirm'}], forward)),
	fc.constant(new Step('g', [{type: 'g'}], model => {
		if (model.pending === 'g') {
			jump(model, 0);
		} else {
			model.pending = 'g';
		}
	})),
	fc.constant(new Step('G', [{type: 'last-or-count'}], model => {
		jump(model, model.units.length - 1);
	})),
	fc.stringMatching(/^\d{1,3}$/).map(digits => new Step(
		`${digits}G`,
		[...[...digits].map(digit => ({type: 'digit', digit}) as const), {type: 'last-or-count'}],
		model => {
			jump(model, Number(digits) - 1);
		},
	)),
	fc.constant(new Step('?', [{type: 'toggle-help'}], toggle('help'))),
	fc.constant(new Step('m', [{type: 'toggle-menu'}], toggle('menu'))),
	fc.constant(new Step('o', [{type: 'toggle-overview'}], toggle('overview'))),
	fc.constant(new Step('Esc (close)', [{type: 'close-overlay'}], close)),
	fc.constantFrom('black', 'white').map(color => new Step(`blank ${color}`, [{type: 'blank', color}], model => {
		model.blank = model.blank === color ? 'none' : color;
		model.pending = '';
	})),
	fc.constant(new Step('unblank', [{type: 'unblank'}], model => {
		model.blank = 'none';
		model.pending = '';
	})),
	fc.record({index: fc.integer({min: -2, max: 10}), step: fc.integer({min: -2, max: 6}), blank: fc.constantFrom('none', 'black', 'white')}).map(
		sync => new Step(`sync ${JSON.stringify(sync)}`, [{type: 'sync', ...sync} as NavigationAction], model => {
			if (sync.index >= 0 && sync.index < model.units.length) {
				model.index = sync.index;
				model.step = Math.min(last(model, sync.index), Math.max(first(model, sync.index), sync.step));
				model.blank = sync.blank;
			}
		}),
	),
	fc.record({columns: fc.integer({min: 1, max: 300}), rows: fc.integer({min: 1, max: 100})}).map(size => new Resize(size)),
];

describe('navigation against a model', () => {
	test('random command sequences keep the position in range and equal to the model', () => {
		fc.assert(
			fc.property(
				fc.array(fc.nat(4), {minLength: 1, maxLength: 8}),
				fc.boolean(),
				fc.nat(9),
				fc.commands(commands, {maxCommands: 60}),
				(units, isRevealing, start, sequence) => {
					const state = initNavigation({units, start, isRevealing});
					const model: Model = {
						index: state.index,
						step: state.step,
						pending: '',
						overlay: 'none',
						under: 'none',
						blank: 'none',
						units,
						isRevealing,
					};
					expect(state.index).toBe(Math.min(start, units.length - 1));
					expect(state.step).toBe(first(model, state.index));
					const deck = deckOf(units);
					expect(deck.slides.map(slide => slide.units)).toEqual(units);
					fc.modelRun(() => ({model, real: {state, size: {columns: 80, rows: 24}, deck}}), sequence);
				},
			),
			{seed, numRuns},
		);
	});
});
