/**
The navigation state and its reducer: pure, no React, no terminal. Every key ends up here as an
action; effects (quit, suspend) are returned as state for the app to perform.
*/
export type Overlay = 'none' | 'help' | 'menu' | 'overview';
export type Blank = 'none' | 'black' | 'white';
export type Mode = 'slides' | 'help' | 'menu' | 'overview' | 'blank';

export type NavigationState = {
	/** The slide on screen, 0-based. */
	readonly index: number;
	/** Reveal units shown on this slide (bullets and quotes); equal to the slide's units when whole. */
	readonly step: number;
	/** Reveal units per slide. */
	readonly units: readonly number[];
	readonly isRevealing: boolean;
	readonly overlay: Overlay;
	readonly blank: Blank;
	readonly showNotes: boolean;
	/** Digits typed so far for "go to N", or "g" waiting for a second g. */
	readonly pending: string;
	/** Bumped by the timer-reset key; the clock restarts when it changes. */
	readonly timerEpoch: number;
	/** Bumped by Ctrl+Z; the app suspends when it changes. */
	readonly suspendCount: number;
	readonly isQuitting: boolean;
};

export type NavigationAction =
	| {readonly type: 'next'}
	| {readonly type: 'previous'}
	| {readonly type: 'first'}
	| {readonly type: 'last'}
	| {readonly type: 'go-to'; readonly index: number}
	| {readonly type: 'digit'; readonly digit: string}
	| {readonly type: 'confirm'}
	| {readonly type: 'last-or-count'}
	| {readonly type: 'g'}
	| {readonly type: 'cancel'}
	| {readonly type: 'toggle-help'}
	| {readonly type: 'toggle-menu'}
	| {readonly type: 'toggle-overview'}
	| {readonly type: 'close-overlay'}
	| {readonly type: 'toggle-notes'}
	| {readonly type: 'blank'; readonly color: 'black' | 'white'}
	| {readonly type: 'unblank'}
	| {readonly type: 'reset-timer'}
	| {readonly type: 'suspend'}
	| {readonly type: 'quit'}
	| {readonly type: 'sync'; readonly index: number; readonly step: number; readonly blank: Blank}
	/** The deck was read again (live reload): new reveal units, and the slide to stay on. */
	| {readonly type: 'reload'; readonly units: readonly number[]; readonly index: number};

export type NavigationInit = {
	readonly units: readonly number[];
	readonly start?: number;
	readonly isRevealing?: boolean;
};

const maxPendingDigits = 4;

export function initNavigation({units, start = 0, isRevealing = true}: NavigationInit): NavigationState {
	const index = Math.min(Math.max(0, Math.trunc(start)), Math.max(0, units.length - 1));
	const base = {units, isRevealing};
	return {
		index,
		step: firstStep(base, index),
		units,
		isRevealing,
		overlay: 'none',
		blank: 'none',
		showNotes: false,
		pending: '',
		timerEpoch: 0,
		suspendCount: 0,
		isQuitting: false,
	};
}

export function modeOf(state: NavigationState): Mode {
	if (state.blank !== 'none') {
		return 'blank';
	}

	return state.overlay === 'none' ? 'slides' : state.overlay;
}

type StepInfo = Pick<NavigationState, 'units' | 'isRevealing'>;

/** Where a slide starts when arrived at going forward or by a jump. */
export function firstStep(state: StepInfo, index: number): number {
	const units = state.units[index] ?? 0;
	return state.isRevealing ? Math.min(1, units) : units;
}

/** The slide whole. */
export function lastStep(state: StepInfo, index: number): number {
	return state.units[index] ?? 0;
}

function with_(state: NavigationState, changes: Partial<NavigationState>): NavigationState {
	for (const [key, value] of Object.entries(changes)) {
		if (state[key as keyof NavigationState] !== value) {
			return {...state, ...changes};
		}
	}

	return state;
}

function goTo(state: NavigationState, index: number): NavigationState {
	if (!Number.isInteger(index) || index < 0 || index >= state.units.length) {
		return with_(state, {pending: ''});
	}

	return with_(state, {index, step: firstStep(state, index), pending: '', overlay: 'none'});
}

function typedNumber(state: NavigationState): number | undefined {
	return /^\d+$/.test(state.pending) ? Number(state.pending) : undefined;
}

export function navigate(state: NavigationState, action: NavigationAction): NavigationState {
	switch (action.type) {
		case 'next': {
			if (state.step < lastStep(state, state.index)) {
				return with_(state, {step: state.step + 1, pending: ''});
			}

			if (state.index + 1 < state.units.length) {
				return with_(state, {index: state.index + 1, step: firstStep(state, state.index + 1), pending: ''});
			}

			return with_(state, {pending: ''});
		}

		case 'previous': {
			if (state.step > firstStep(state, state.index)) {
				return with_(state, {step: state.step - 1, pending: ''});
			}

			if (state.index > 0) {
				return with_(state, {index: state.index - 1, step: lastStep(state, state.index - 1), pending: ''});
			}

			return with_(state, {pending: ''});
		}

		case 'first': {
			return goTo(state, 0);
		}

		case 'last': {
			return goTo(state, state.units.length - 1);
		}

		case 'go-to': {
			return goTo(state, action.index);
		}

		case 'digit': {
			if (!/^\d$/.test(action.digit)) {
				return state;
			}

			const digits = typedNumber(state) === undefined ? '' : state.pending;
			const next = (digits + action.digit).slice(-maxPendingDigits);
			return with_(state, {pending: next});
		}

		case 'confirm': {
			const typed = typedNumber(state);
			return typed === undefined ? navigate(state, {type: 'next'}) : goTo(state, typed - 1);
		}

		case 'last-or-count': {
			const typed = typedNumber(state);
			return typed === undefined ? goTo(state, state.units.length - 1) : goTo(state, typed - 1);
		}

		case 'g': {
			return state.pending === 'g' ? goTo(state, 0) : with_(state, {pending: 'g'});
		}

		case 'cancel': {
			return with_(state, {pending: ''});
		}

		case 'toggle-help': {
			return with_(state, {overlay: state.overlay === 'help' ? 'none' : 'help', pending: ''});
		}

		case 'toggle-menu': {
			return with_(state, {overlay: state.overlay === 'menu' ? 'none' : 'menu', pending: ''});
		}

		case 'toggle-overview': {
			return with_(state, {overlay: state.overlay === 'overview' ? 'none' : 'overview', pending: ''});
		}

		case 'close-overlay': {
			return with_(state, {overlay: 'none', pending: ''});
		}

		case 'toggle-notes': {
			return with_(state, {showNotes: !state.showNotes, pending: ''});
		}

		case 'blank': {
			return with_(state, {blank: state.blank === action.color ? 'none' : action.color, pending: ''});
		}

		case 'unblank': {
			return with_(state, {blank: 'none', pending: ''});
		}

		case 'reset-timer': {
			return with_(state, {timerEpoch: state.timerEpoch + 1, pending: ''});
		}

		case 'suspend': {
			return with_(state, {suspendCount: state.suspendCount + 1, pending: ''});
		}

		case 'quit': {
			return with_(state, {isQuitting: true});
		}

		case 'sync': {
			if (!Number.isInteger(action.index) || action.index < 0 || action.index >= state.units.length) {
				return state;
			}

			const most = lastStep(state, action.index);
			const least = firstStep(state, action.index);
			const step = Number.isInteger(action.step) ? Math.min(most, Math.max(least, action.step)) : least;
			const blank = action.blank === 'black' || action.blank === 'white' ? action.blank : 'none';
			return with_(state, {index: action.index, step, blank});
		}

		case 'reload': {
			const units = action.units.length > 0 ? action.units : [0];
			const index = Math.min(Math.max(0, Math.trunc(action.index) || 0), units.length - 1);
			const least = firstStep({units, isRevealing: state.isRevealing}, index);
			const step = Math.min(units[index] ?? 0, Math.max(least, state.step));
			return with_(state, {units, index, step, pending: ''});
		}

		default: {
			const never: never = action;
			return never;
		}
	}
}

/**
Where to stand after the deck is read again: on the same slide (by id) if it is still there, else
next to the nearest neighbour that is (the slide before it, then the one after), else at the same
number, clamped.
*/
export function followSlide(before: readonly string[], after: readonly string[], index: number): number {
	const last = Math.max(0, after.length - 1);
	const at = (id: string | undefined) => (id === undefined ? -1 : after.indexOf(id));
	const same = at(before[index]);
	if (same >= 0) {
		return same;
	}

	for (let distance = 1; distance <= before.length; distance++) {
		const previous = at(before[index - distance]);
		if (previous >= 0) {
			return Math.min(last, previous + distance);
		}

		const next = at(before[index + distance]);
		if (next >= 0) {
			return Math.max(0, next - distance);
		}
	}

	return Math.min(last, Math.max(0, index));
}
