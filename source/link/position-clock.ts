import {type Position, samePosition} from './peer.js';

/**
The Lamport rules that keep two views on one position, pure: no sockets, no timers. Each view
holds the newest stamped position it has seen; a local move is stamped one past it; a received one
is taken only if it is newer (a later clock, or the same clock and a higher origin id). Any
interleaving of moves and deliveries ends with every view holding the same position.

Clocks count round a circle of `maxClock + 1` values (0 to 2^40, far below 2^53, so every count is
exact): one past `maxClock` is 0, and "later" is the shorter way round (serial-number arithmetic,
as TCP's sequence numbers). So every value a peer may send leaves room for every move after it: a
peer that sent the largest clock and left cannot stop the views that stay from counting on. Two views
are never half the circle apart (2^39 moves).
*/

/** A position with its Lamport stamp: the clock, and the id of the view that made the move. */
export type Stamped = Position & {readonly clock: number; readonly origin: string};

/** The highest clock (and timer count) a peer may send; one more is 0 again. */
export const maxClock = 2 ** 40;

const cycle = maxClock + 1;

/** One past `value`, round the circle. */
export function nextCount(value: number): number {
	return value >= maxClock ? 0 : value + 1;
}

/** Whether count `a` is later than `b`: ahead of it by less than half the circle (never a tie: the circle's size is odd). */
export function isLater(a: number, b: number): boolean {
	const ahead = (((a - b) % cycle) + cycle) % cycle;
	return ahead > 0 && ahead < cycle / 2;
}

export type ClockState = {
	/** The newest stamped position seen, local or received. */
	readonly current: Stamped | undefined;
	/** Whether this view has published its start position yet. */
	readonly hasPublished: boolean;
};

export const initialClock: ClockState = {current: undefined, hasPublished: false};

export function isNewer(a: Stamped, b: Stamped | undefined): boolean {
	return b === undefined || isLater(a.clock, b.clock) || (a.clock === b.clock && a.origin > b.origin);
}

export function unstamped(position: Stamped): Position {
	return {index: position.index, step: position.step, blank: position.blank, ...(position.timer === undefined ? {} : {timer: position.timer})};
}

/**
A local move. The first one is the view's start position: if the link already holds the position
of a running show, that wins and is handed back to the view (`adopt`) instead of being sent. A move
to where the link already is sends nothing.
*/
export function publishLocal(state: ClockState, position: Position, origin: string): {state: ClockState; send?: Stamped; adopt?: Position} {
	const isFirst = !state.hasPublished;
	const current = state.current;
	if (isFirst && current) {
		return {state: {current, hasPublished: true}, adopt: unstamped(current)};
	}

	if (current && samePosition(current, position)) {
		return {state: {current, hasPublished: true}};
	}

	const stamped: Stamped = {...position, clock: current ? nextCount(current.clock) : 1, origin};
	return {state: {current: stamped, hasPublished: true}, send: stamped};
}

/** A position from a peer: taken (and to be passed on and shown) only if it is newer. */
export function receive(state: ClockState, position: Stamped): {state: ClockState; isTaken: boolean} {
	if (!isNewer(position, state.current)) {
		return {state, isTaken: false};
	}

	return {state: {...state, current: position}, isTaken: true};
}
