import {useEffect, useMemo, useState} from 'react';
import type {Deck} from '../../deck/deck.js';
import {timerText, untilWallClock} from '../../layout/plan.js';
import type {NavigationState} from '../navigation.js';
import type {Rehearsal} from '../rehearsal.js';

/**
Tells a rehearsal where the show stands, and writes its timings on the save key; returns what the
key did, in words (a new object each time, so that the same words show again).
*/
export function useRehearsal(rehearsal: Rehearsal | undefined, deck: Deck, state: Pick<NavigationState, 'index' | 'step' | 'saveCount'>): {readonly text: string} | undefined {
	const [saved, setSaved] = useState<{readonly text: string} | undefined>(undefined);
	useEffect(() => {
		rehearsal?.setDeck(deck);
	}, [rehearsal, deck]);
	useEffect(() => {
		const id = deck.slides[state.index]?.id;
		if (rehearsal && id !== undefined) {
			rehearsal.move(id, state.step);
		}
	}, [rehearsal, deck, state.index, state.step]);
	useEffect(() => {
		if (state.saveCount > 0) {
			setSaved({text: rehearsal ? rehearsal.save() ?? 'timings saved' : 't saves timings in a rehearsal (--rehearse)'});
		}
	}, [rehearsal, state.saveCount]);
	return saved;
}

/** What a countdown counts to: the talk's length from the first move, or a time on the wall clock (--end-at). */
export type Countdown = {readonly length?: number; readonly endAt?: {readonly hours: number; readonly minutes: number; readonly text: string}};

/** Time left to --end-at, from the wall clock; undefined without one. */
export function timeToEnd(countdown: Countdown | undefined, wall: Date): number | undefined {
	return countdown?.endAt ? untilWallClock(countdown.endAt, wall) : undefined;
}

/** The audience footer's --timer: a countdown when the talk has a length or an end, else the elapsed time. */
export function countdownText(countdown: Countdown | undefined, clock: {readonly elapsed: number; readonly wall: Date}): string {
	const toEnd = timeToEnd(countdown, clock.wall);
	return timerText(countdown?.length, {elapsed: clock.elapsed, ...(toEnd === undefined ? {} : {toEnd})});
}

/** When the slide on screen came up (ms, from `now`): the time on this slide counts from it. */
export function useSlideSince(index: number, now: () => number): number {
	return useMemo(() => now(), [index]);
}
