import {describe, expect, test} from 'vitest';
import {initNavigation, modeOf, navigate, type NavigationAction, type NavigationState} from '../source/model/navigation.js';

// Units per slide: slide 0 none, slide 1 three bullets, slide 2 one quote, slide 3 none.
const units = [0, 3, 1, 0];
const start = (index = 0, isRevealing = true) => initNavigation({units, start: index, isRevealing});
const run = (state: NavigationState, ...actions: NavigationAction[]) => actions.reduce(navigate, state);

describe('initNavigation', () => {
	test.each([
		[-5, 0],
		[0, 0],
		[2, 2],
		[3, 3],
		[99, 3],
		[1.7, 1],
	])('start %s is clamped to %s', (from, expected) => {
		expect(start(from).index).toBe(expected);
	});

	test('a slide with reveal units starts at its first step, or whole with reveal off', () => {
		expect(start(1).step).toBe(1);
		expect(start(1, false).step).toBe(3);
	});
});

describe('moving', () => {
	test.each<[string, NavigationState, NavigationAction[], {index: number; step: number}]>([
		['next from a plain slide', start(0), [{type: 'next'}], {index: 1, step: 1}],
		['next reveals the next bullet', start(1), [{type: 'next'}], {index: 1, step: 2}],
		['next after the last bullet goes on', start(1), [{type: 'next'}, {type: 'next'}, {type: 'next'}], {index: 2, step: 1}],
		['previous steps back a bullet', run(start(1), {type: 'next'}), [{type: 'previous'}], {index: 1, step: 1}],
		['previous from the first step goes to the slide before, whole', start(2), [{type: 'previous'}], {index: 1, step: 3}],
		['previous at the start stays', start(0), [{type: 'previous'}], {index: 0, step: 0}],
		['next at the end stays', start(3), [{type: 'next'}], {index: 3, step: 0}],
		['first', start(3), [{type: 'first'}], {index: 0, step: 0}],
		['last', start(0), [{type: 'last'}], {index: 3, step: 0}],
		['go-to shows the first step', start(0), [{type: 'go-to', index: 1}], {index: 1, step: 1}],
		['with reveal off next skips whole slides', start(1, false), [{type: 'next'}], {index: 2, step: 1}],
	])('%s', (_name, state, actions, expected) => {
		const end = run(state, ...actions);
		expect({index: end.index, step: end.step}).toEqual(expected);
	});

	test.each([-1, 4, 99, 1.5, Number.NaN])('go-to %s is out of range and changes nothing', index => {
		const state = start(2);
		expect(navigate(state, {type: 'go-to', index})).toBe(state);
	});

	test('a no-op returns the same object', () => {
		const state = start(3);
		expect(navigate(state, {type: 'next'})).toBe(state);
		expect(navigate(state, {type: 'cancel'})).toBe(state);
	});
});

describe('typed numbers and sequences', () => {
	test('digits then Enter go to that slide (1-based)', () => {
		const end = run(start(0), {type: 'digit', digit: '3'}, {type: 'confirm'});
		expect(end.index).toBe(2);
		expect(end.pending).toBe('');
	});

	test('digits then G go to that slide', () => {
		expect(run(start(0), {type: 'digit', digit: '4'}, {type: 'last-or-count'}).index).toBe(3);
	});

	test('two digits make one number', () => {
		const state = run(start(0), {type: 'digit', digit: '1'}, {type: 'digit', digit: '2'});
		expect(state.pending).toBe('12');
		// Out of range: nothing moves, the typed number is cleared.
		const end = navigate(state, {type: 'confirm'});
		expect(end.index).toBe(0);
		expect(end.pending).toBe('');
	});

	test('Enter with nothing typed is next', () => {
		expect(navigate(start(0), {type: 'confirm'}).index).toBe(1);
	});

	test('G alone is the last slide', () => {
		expect(navigate(start(0), {type: 'last-or-count'}).index).toBe(3);
	});

	test('g g is the first slide; a single g waits', () => {
		const once = navigate(start(3), {type: 'g'});
		expect(once.index).toBe(3);
		expect(once.pending).toBe('g');
		expect(navigate(once, {type: 'g'}).index).toBe(0);
	});

	test('any other key clears what was typed', () => {
		const typed = run(start(0), {type: 'digit', digit: '2'});
		expect(navigate(typed, {type: 'next'}).pending).toBe('');
		expect(navigate(run(start(0), {type: 'g'}), {type: 'digit', digit: '2'}).pending).toBe('2');
	});

	test('Backspace takes back the last digit typed and moves nothing; with nothing typed it goes back', () => {
		const typed = run(start(1), {type: 'next'}, {type: 'digit', digit: '5'}, {type: 'digit', digit: '2'});
		const erased = navigate(typed, {type: 'previous'});
		expect([erased.index, erased.step, erased.pending]).toEqual([typed.index, typed.step, '5']);
		const corrected = run(erased, {type: 'digit', digit: '3'});
		expect(corrected.pending).toBe('53');
		const empty = run(erased, {type: 'previous'});
		expect([empty.index, empty.step, empty.pending]).toEqual([typed.index, typed.step, '']);
		expect(navigate(empty, {type: 'previous'}).step).toBe(typed.step - 1);
	});

	test('only four digits are kept', () => {
		const state = run(start(0), ...'123456'.split('').map(digit => ({type: 'digit' as const, digit})));
		expect(state.pending).toBe('3456');
	});
});

describe('overlays, blank, notes and effects', () => {
	test.each<[NavigationAction, string]>([
		[{type: 'toggle-help'}, 'help'],
		[{type: 'toggle-menu'}, 'menu'],
		[{type: 'toggle-overview'}, 'overview'],
		[{type: 'blank', color: 'black'}, 'blank'],
	])('%o opens %s and closes again', (action, mode) => {
		const opened = navigate(start(0), action);
		expect(modeOf(opened)).toBe(mode);
		const closed = mode === 'blank' ? navigate(opened, {type: 'unblank'}) : navigate(opened, {type: 'close-overlay'});
		expect(modeOf(closed)).toBe('slides');
		expect(modeOf(navigate(opened, action))).toBe('slides');
	});

	test('blank keeps the slide', () => {
		const state = run(start(1), {type: 'next'}, {type: 'blank', color: 'white'}, {type: 'unblank'});
		expect({index: state.index, step: state.step}).toEqual({index: 1, step: 2});
	});

	test('go-to from the menu closes the menu', () => {
		const state = run(start(0), {type: 'toggle-menu'}, {type: 'go-to', index: 2});
		expect(state.overlay).toBe('none');
		expect(state.index).toBe(2);
	});

	test('notes toggle, timer reset and suspend are counted, quit is flagged', () => {
		const state = run(start(0), {type: 'toggle-notes'}, {type: 'reset-timer'}, {type: 'suspend'}, {type: 'quit'});
		expect(state.showNotes).toBe(true);
		expect(state.timerEpoch).toBe(1);
		expect(state.suspendCount).toBe(1);
		expect(state.isQuitting).toBe(true);
	});
});

describe('sync from the peer view', () => {
	test('takes the position, clamping the step', () => {
		const state = navigate(start(0), {type: 'sync', index: 1, step: 9, blank: 'black'});
		expect({index: state.index, step: state.step, blank: state.blank}).toEqual({index: 1, step: 3, blank: 'black'});
	});

	test('ignores an index out of range', () => {
		const state = start(0);
		expect(navigate(state, {type: 'sync', index: 7, step: 0, blank: 'none'})).toBe(state);
	});
});

describe('the room: a refused number, the timer, the list cursor', () => {
	test('a number that is no slide goes nowhere and says so until the next key', () => {
		const refused = run(start(1), {type: 'digit', digit: '9'}, {type: 'digit', digit: '9'}, {type: 'confirm'});
		expect(refused.index).toBe(1);
		expect(refused.notice).toBe('no slide 99');
		expect(run(start(1), {type: 'digit', digit: '0'}, {type: 'last-or-count'}).notice).toBe('no slide 0');
		expect(navigate(refused, {type: 'cancel'}).notice).toBe('');
		// A peer's move is no key of ours: the word stays.
		expect(navigate(refused, {type: 'sync', index: 2, step: 1, blank: 'none'}).notice).toBe('no slide 99');
	});

	test('the timer waits for the first move, or r; r and a peer\'s newer reset restart it', () => {
		expect(start(0).isTimerRunning).toBe(false);
		expect(run(start(0), {type: 'toggle-help'}).isTimerRunning).toBe(false);
		expect(run(start(0), {type: 'next'}).isTimerRunning).toBe(true);
		expect(run(start(0), {type: 'sync', index: 1, step: 1, blank: 'none'}).isTimerRunning).toBe(true);
		const reset = run(start(0), {type: 'reset-timer'});
		expect(reset).toMatchObject({isTimerRunning: true, timerEpoch: 1});
		expect(run(start(0), {type: 'sync', index: 0, step: 0, blank: 'none', timer: 2})).toMatchObject({isTimerRunning: true, timerEpoch: 2});
		// An older or equal reset changes nothing.
		expect(run(reset, {type: 'sync', index: 0, step: 0, blank: 'none', timer: 1})).toBe(reset);
	});

	test('the overview cursor opens on the current slide, moves by a card (a row of one here), and Enter goes there', () => {
		const overview = run(start(2), {type: 'toggle-overview'});
		expect(overview.cursor).toBe(2);
		expect(run(overview, {type: 'cursor', move: 'up'}, {type: 'cursor', move: 'up'}, {type: 'cursor', move: 'up'}).cursor).toBe(0);
		expect(run(overview, {type: 'cursor', move: 'down'}, {type: 'cursor', move: 'down'}).cursor).toBe(3);
		const chosen = run(overview, {type: 'cursor', move: 'first'}, {type: 'choose'});
		expect(chosen).toMatchObject({index: 0, overlay: 'none'});
	});
});
