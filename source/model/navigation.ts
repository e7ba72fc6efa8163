/**
The navigation state and its reducer: pure, no React, no terminal. Every key ends up here as an
action; effects (quit, suspend) are returned as state for the app to perform. The reducer is a
table of small handlers, one group per kind of action (moving, typed numbers, overlays and the
overview's cursor, the rest).
*/
export type Overlay = 'none' | 'help' | 'menu' | 'overview';
export type Blank = 'none' | 'black' | 'white';
export type Mode = 'slides' | 'help' | 'menu' | 'overview' | 'blank';

/** Where the show is: what the audience and presenter views keep in step (link/peer.ts). */
export type Position = {
	readonly index: number;
	readonly step: number;
	readonly blank: Blank;
	/** How many times the timer was restarted (`r`); a view seeing a higher count restarts its own. */
	readonly timer?: number;
};

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
	/** The slide the overview's cursor is on. */
	readonly cursor: number;
	/** The first slide of each section, in order (the sections menu's rows). */
	readonly sections: readonly number[];
	/** The section the sections menu's highlight is on (0-based). */
	readonly menuCursor: number;
	/** What the help covers, and goes back to when it closes: the slides, the menu or the overview. */
	readonly under: Overlay;
	/** Cards per row in the overview grid, so ↑↓ move a whole row (the app sets it from the size). */
	readonly gridColumns: number;
	/** A short word for the presenter ("no slide 99"); cleared by the next key. */
	readonly notice: string;
	/** Bumped by the timer-reset key; the clock restarts when it changes. */
	readonly timerEpoch: number;
	/** False until the first move (or the reset key): the talk's timer waits for the talk. */
	readonly isTimerRunning: boolean;
	/** Bumped by Ctrl+Z; the app suspends when it changes. */
	readonly suspendCount: number;
	/** Bumped by the save-timings key; a rehearsal writes its timings when it changes. */
	readonly saveCount: number;
	readonly isQuitting: boolean;
};

export type CursorMove = 'up' | 'down' | 'left' | 'right' | 'first' | 'last';

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
	| {readonly type: 'cursor'; readonly move: CursorMove}
	| {readonly type: 'choose'}
	/** The sections menu: go to a section by its number. (Its highlight moves by 'cursor', Enter is 'choose'.) */
	| {readonly type: 'section-number'; readonly digit: string}
	| {readonly type: 'grid'; readonly columns: number}
	| {readonly type: 'toggle-notes'}
	| {readonly type: 'blank'; readonly color: 'black' | 'white'}
	| {readonly type: 'unblank'}
	| {readonly type: 'reset-timer'}
	| {readonly type: 'suspend'}
	| {readonly type: 'save-timings'}
	| {readonly type: 'quit'}
	/** The peer's position: a higher timer count than ours restarts our timer too. */
	| ({readonly type: 'sync'} & Position)
	/** The deck was read again (live reload): new reveal units, sections, and the slide to stay on. Not a key. */
	| {readonly type: 'reload'; readonly units: readonly number[]; readonly index: number; readonly sections?: readonly number[]};

export type NavigationInit = {
	readonly units: readonly number[];
	/** The first slide of each section; default one section of every slide. */
	readonly sections?: readonly number[];
	readonly start?: number;
	readonly isRevealing?: boolean;
};

const maxPendingDigits = 4;

export function initNavigation({units, sections = [0], start = 0, isRevealing = true}: NavigationInit): NavigationState {
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
		cursor: index,
		sections,
		menuCursor: sectionAt(sections, index),
		under: 'none',
		gridColumns: 1,
		notice: '',
		timerEpoch: 0,
		isTimerRunning: false,
		suspendCount: 0,
		saveCount: 0,
		isQuitting: false,
	};
}

export function modeOf(state: NavigationState): Mode {
	if (state.blank !== 'none') {
		return 'blank';
	}

	return state.overlay === 'none' ? 'slides' : state.overlay;
}

/** Which help a help screen shows: the keys of the screen it covers. */
export function helpScreen(state: Pick<NavigationState, 'under'>): Exclude<Mode, 'help' | 'blank'> {
	return state.under === 'none' || state.under === 'help' ? 'slides' : state.under;
}

/** The section (0-based) a slide is in, from the sections' first slides. */
export function sectionAt(sections: readonly number[], index: number): number {
	return Math.max(0, sections.findLastIndex(start => start <= index));
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

function isSlide(state: NavigationState, index: number): boolean {
	return Number.isInteger(index) && index >= 0 && index < state.units.length;
}

function goTo(state: NavigationState, index: number): NavigationState {
	if (!isSlide(state, index)) {
		return with_(state, {pending: ''});
	}

	return with_(state, {index, step: firstStep(state, index), pending: '', overlay: 'none', under: 'none'});
}

/** A typed number: that slide, or a word that there is none. */
function goToTyped(state: NavigationState, typed: number): NavigationState {
	return isSlide(state, typed - 1) ? goTo(state, typed - 1) : with_(state, {pending: '', notice: `no slide ${typed}`});
}

function typedNumber(state: NavigationState): number | undefined {
	return /^\d+$/.test(state.pending) ? Number(state.pending) : undefined;
}

type Handler<T extends NavigationAction['type']> = (state: NavigationState, action: Extract<NavigationAction, {type: T}>) => NavigationState;
type Handlers = {readonly [T in NavigationAction['type']]: Handler<T>};

function next(state: NavigationState): NavigationState {
	if (state.step < lastStep(state, state.index)) {
		return with_(state, {step: state.step + 1, pending: ''});
	}

	if (state.index + 1 < state.units.length) {
		return with_(state, {index: state.index + 1, step: firstStep(state, state.index + 1), pending: ''});
	}

	return with_(state, {pending: ''});
}

function previous(state: NavigationState): NavigationState {
	// While a number is typed, Backspace (and the other Previous keys) takes back its last digit, as in
	// any field: correcting a typo does not move the show in front of the room.
	if (typedNumber(state) !== undefined) {
		return with_(state, {pending: state.pending.slice(0, -1)});
	}

	if (state.step > firstStep(state, state.index)) {
		return with_(state, {step: state.step - 1, pending: ''});
	}

	if (state.index > 0) {
		return with_(state, {index: state.index - 1, step: lastStep(state, state.index - 1), pending: ''});
	}

	return with_(state, {pending: ''});
}

/** Moving through the deck: steps, slides, jumps. */
const moving: Pick<Handlers, 'next' | 'previous' | 'first' | 'last' | 'go-to'> = {
	next,
	previous,
	first: state => goTo(state, 0),
	last: state => goTo(state, state.units.length - 1),
	'go-to': (state, action) => goTo(state, action.index),
};

/** Typed numbers and the vim sequences: 12 Enter, 12G, G, gg. */
const typing: Pick<Handlers, 'digit' | 'confirm' | 'last-or-count' | 'g' | 'cancel'> = {
	digit(state, action) {
		if (!/^\d$/.test(action.digit)) {
			return state;
		}

		const digits = typedNumber(state) === undefined ? '' : state.pending;
		return with_(state, {pending: (digits + action.digit).slice(-maxPendingDigits)});
	},
	confirm(state) {
		const typed = typedNumber(state);
		return typed === undefined ? next(state) : goToTyped(state, typed);
	},
	'last-or-count'(state) {
		const typed = typedNumber(state);
		return typed === undefined ? goTo(state, state.units.length - 1) : goToTyped(state, typed);
	},
	g: state => (state.pending === 'g' ? goTo(state, 0) : with_(state, {pending: 'g'})),
	cancel: state => with_(state, {pending: ''}),
};

/**
Opens an overlay, or closes it when it is the one open. Help opened over the menu or the overview
covers it and gives it back when it closes; the menu opens on the section of the slide on screen.
*/
function toggle(state: NavigationState, overlay: Exclude<Overlay, 'none'>): NavigationState {
	if (state.overlay === overlay) {
		return closeOverlay(state);
	}

	const under = overlay === 'help' ? state.overlay : 'none';
	const opened = under === 'none' ? {cursor: state.index, menuCursor: sectionAt(state.sections, state.index)} : {};
	return with_(state, {overlay, under, pending: '', ...opened});
}

/** Closes the open overlay: help goes back to what it covered, the menu and the overview to the slides. */
function closeOverlay(state: NavigationState): NavigationState {
	const back = state.overlay === 'help' ? state.under : 'none';
	return with_(state, {overlay: back, under: 'none', pending: ''});
}

/** The sections menu's highlight: a row up or down, or to an end; it stops there. A list has no across. */
function moveSection(state: NavigationState, move: CursorMove): NavigationState {
	const last = Math.max(0, state.sections.length - 1);
	const to: Record<CursorMove, number> = {up: state.menuCursor - 1, down: state.menuCursor + 1, first: 0, last, left: state.menuCursor, right: state.menuCursor};
	return with_(state, {menuCursor: Math.min(last, Math.max(0, to[move]))});
}

/** A section's first slide, by its 0-based number; a number that is no section does nothing. */
function goToSection(state: NavigationState, section: number): NavigationState {
	const start = state.sections[section];
	return start === undefined ? state : goTo(state, start);
}

function moveCursor(state: NavigationState, move: CursorMove): NavigationState {
	const row = Math.max(1, state.gridColumns);
	const last = state.units.length - 1;
	const by: Record<CursorMove, number> = {up: -row, down: row, left: -1, right: 1, first: -last, last};
	const cursor = Math.min(last, Math.max(0, state.cursor + by[move]));
	// Down from a card with none beneath it (the grid's last row is short) goes to the last card;
	// otherwise a move past either end stays put.
	const isWhole = cursor === state.cursor + by[move] || move === 'first' || move === 'last' || (move === 'down' && Math.floor(state.cursor / row) < Math.floor(last / row));
	return with_(state, {cursor: isWhole ? cursor : state.cursor});
}

/** The overlays: help, the sections menu and its highlight, the overview grid and its cursor (the open list's). */
const overlays: Pick<Handlers, 'toggle-help' | 'toggle-menu' | 'toggle-overview' | 'close-overlay' | 'cursor' | 'choose' | 'section-number' | 'grid'> = {
	'toggle-help': state => toggle(state, 'help'),
	'toggle-menu': state => toggle(state, 'menu'),
	'toggle-overview': state => toggle(state, 'overview'),
	'close-overlay': closeOverlay,
	cursor: (state, action) => (state.overlay === 'menu' ? moveSection(state, action.move) : moveCursor(state, action.move)),
	choose: state => (state.overlay === 'menu' ? goToSection(state, state.menuCursor) : goTo(state, state.cursor)),
	'section-number': (state, action) => (/^[1-9]$/.test(action.digit) ? goToSection(state, Number(action.digit) - 1) : state),
	grid: (state, action) => (Number.isInteger(action.columns) && action.columns > 0 ? with_(state, {gridColumns: action.columns}) : state),
};

function sync(state: NavigationState, action: Extract<NavigationAction, {type: 'sync'}>): NavigationState {
	if (!isSlide(state, action.index)) {
		return state;
	}

	const most = lastStep(state, action.index);
	const least = firstStep(state, action.index);
	const step = Number.isInteger(action.step) ? Math.min(most, Math.max(least, action.step)) : least;
	const blank = action.blank === 'black' || action.blank === 'white' ? action.blank : 'none';
	const timer = action.timer;
	const reset = typeof timer === 'number' && Number.isInteger(timer) && timer > state.timerEpoch ? {timerEpoch: timer, isTimerRunning: true} : {};
	return with_(state, {index: action.index, step, blank, ...reset});
}

/** The rest: notes, blank screens, the timer, suspend, quit, and the peer's moves. */
const others: Pick<Handlers, 'toggle-notes' | 'blank' | 'unblank' | 'reset-timer' | 'suspend' | 'save-timings' | 'quit' | 'sync'> = {
	'toggle-notes': state => with_(state, {showNotes: !state.showNotes, pending: ''}),
	blank: (state, action) => with_(state, {blank: state.blank === action.color ? 'none' : action.color, pending: ''}),
	unblank: state => with_(state, {blank: 'none', pending: ''}),
	'reset-timer': state => with_(state, {timerEpoch: state.timerEpoch + 1, isTimerRunning: true, pending: ''}),
	suspend: state => with_(state, {suspendCount: state.suspendCount + 1, pending: ''}),
	'save-timings': state => with_(state, {saveCount: state.saveCount + 1, pending: ''}),
	quit: state => with_(state, {isQuitting: true}),
	sync,
};

/** The deck read again: its reveal units, the slide to stay on, the step kept where it can be. */
function reload(state: NavigationState, action: Extract<NavigationAction, {type: 'reload'}>): NavigationState {
	const units = action.units.length > 0 ? action.units : [0];
	const index = Math.min(Math.max(0, Math.trunc(action.index) || 0), units.length - 1);
	const least = firstStep({units, isRevealing: state.isRevealing}, index);
	const step = Math.min(units[index] ?? 0, Math.max(least, state.step));
	const sections = action.sections && action.sections.length > 0 ? action.sections : state.sections;
	const menuCursor = Math.min(state.menuCursor, sections.length - 1);
	return with_(state, {units, index, step, pending: '', sections, menuCursor, cursor: Math.min(state.cursor, units.length - 1)});
}

const handlers: Handlers = {...moving, ...typing, ...overlays, ...others, reload};

export function navigate(state: NavigationState, action: NavigationAction): NavigationState {
	const handler = handlers[action.type] as Handler<typeof action.type> | undefined;
	if (!handler) {
		return state;
	}

	if (action.type === 'reload') {
		// Not a key and not a move of the talk's: no notice cleared, no timer started.
		return reload(state, action);
	}

	// A notice lasts until the next key; 'grid' and 'sync' are not keys.
	const before = state.notice && action.type !== 'grid' && action.type !== 'sync' ? with_(state, {notice: ''}) : state;
	const after = handler(before, action);
	// The talk's timer starts with the first move.
	const moved = !after.isTimerRunning && (after.index !== state.index || after.step !== state.step);
	return moved ? {...after, isTimerRunning: true} : after;
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
