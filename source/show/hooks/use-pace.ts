import {useMemo} from 'react';
import type {Deck} from '../../deck/deck.js';
import {makePlan, paceReadout, type ReadoutPart, untilWallClock} from '../../layout/plan.js';
import type {NavigationState} from '../../model/navigation.js';

/** What a countdown counts to: the talk's length from the first move, or a time on the wall clock (--end-at). */
export type Countdown = {readonly length?: number; readonly endAt?: {readonly hours: number; readonly minutes: number; readonly text: string}};

/** Time left to --end-at, from the wall clock; undefined without one. */
export function timeToEnd(countdown: Countdown | undefined, wall: Date): number | undefined {
	return countdown?.endAt ? untilWallClock(countdown.endAt, wall) : undefined;
}

/** When the slide on screen came up (ms, from `now`): the time on this slide counts from it. */
function useSlideSince(index: number, now: () => number): number {
	return useMemo(() => now(), [index]);
}

export type PaceOptions = {
	/** --duration (ms). */
	readonly duration?: number;
	readonly endAt?: Countdown['endAt'];
	/** Rehearsed time per slide id. */
	readonly rehearsed?: ReadonlyMap<string, number>;
	readonly now: () => number;
};

/**
The presenter view's timing line, from the deck's budgets, the rehearsal and the clock: the length
the budgets share is --duration (which scales the deck's own budgets to fit), else the deck's own,
else the time from the timer's start to --end-at.
*/
export function usePaceReadout(deck: Deck, state: Pick<NavigationState, 'index' | 'isTimerRunning'>, clock: {readonly elapsed: number; readonly wall: Date}, options: PaceOptions): ReadoutPart[] {
	const {duration, endAt, rehearsed, now} = options;
	const since = useSlideSince(state.index, now);
	const toEnd = timeToEnd(endAt ? {endAt} : undefined, clock.wall);
	// --end-at gives the budgets a length only for a deck that has none of its own: the time from the
	// timer's start to the end (constant while the timer runs; before it, the time to the end).
	const length = duration ?? deck.duration ?? (toEnd === undefined ? undefined : toEnd + clock.elapsed);
	const plan = useMemo(
		() =>
			makePlan({
				slides: deck.slides,
				sections: deck.sections,
				...(length === undefined ? {} : {length}),
				...(deck.duration === undefined ? {} : {deckLength: deck.duration}),
				...(rehearsed ? {rehearsed} : {}),
			}),
		[deck, length, rehearsed],
	);
	return paceReadout(plan, state.index, {
		elapsed: clock.elapsed,
		isRunning: state.isTimerRunning,
		onSlide: Math.max(0, clock.wall.getTime() - since),
		...(toEnd === undefined || !endAt ? {} : {toEnd, endAt: endAt.text}),
	});
}
