import {useEffect, useState} from 'react';
import type {Deck} from '../../deck/deck.js';
import {timerText} from '../../layout/plan.js';
import {type Countdown, timeToEnd} from './use-pace.js';
import type {NavigationState} from '../../model/navigation.js';
import type {Rehearsal} from '../rehearsal.js';

/**
Tells a rehearsal where the show stands, and writes its timings on the save key; returns what the
key did, in words (a new object each time, so that the same words show again).
*/
export function useRehearsal(rehearsal: Rehearsal | undefined, deck: Deck, state: Pick<NavigationState, 'index' | 'step' | 'saveCount' | 'isTimerRunning' | 'timerEpoch'>): {readonly text: string} | undefined {
	const [saved, setSaved] = useState<{readonly text: string} | undefined>(undefined);
	useEffect(() => {
		rehearsal?.setDeck(deck);
	}, [rehearsal, deck]);
	useEffect(() => {
		const id = deck.slides[state.index]?.id;
		if (rehearsal && id !== undefined) {
			// The rehearsal counts from the talk timer's start, as the pace it is read against does.
			if (state.isTimerRunning) {
				rehearsal.startTimer(state.timerEpoch);
			}

			rehearsal.move(id, state.step);
		}
	}, [rehearsal, deck, state.index, state.step, state.isTimerRunning, state.timerEpoch]);
	useEffect(() => {
		if (state.saveCount > 0) {
			setSaved({text: rehearsal ? rehearsal.save() ?? 'timings saved' : 't saves timings in a rehearsal (--rehearse)'});
		}
	}, [rehearsal, state.saveCount]);
	return saved;
}

/** The audience footer's --timer: a countdown when the talk has a length or an end, else the elapsed time. */
export function countdownText(countdown: Countdown | undefined, clock: {readonly elapsed: number; readonly wall: Date}): string {
	const toEnd = timeToEnd(countdown, clock.wall);
	return timerText(countdown?.length, {elapsed: clock.elapsed, ...(toEnd === undefined ? {} : {toEnd})});
}
