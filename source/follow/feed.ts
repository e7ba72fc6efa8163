import {createContext} from 'react';
import type {Deck} from '../deck/deck.js';
import type {Blank, Mode, NavigationAction} from '../model/navigation.js';

/**
What the audience view shows, handed to whoever follows it (followers in other terminals, the
follow page, the remote page), and the one way in for the remote page's buttons: the audience view's
own dispatch, so a button is the same action through the same reducer as the key it stands for.
Pure bookkeeping: no sockets, no React state (the context below carries it to the app).
*/
export type Shown = {
	readonly index: number;
	readonly step: number;
	readonly blank: Blank;
	/** Bumped each time the audience view is handed a new deck (a live reload). */
	readonly deckVersion: number;
	/** Whether the talk's timer runs, and since when (ms since the epoch), for the remote's time left. */
	readonly timerStartedAt: number | undefined;
};

export type ShownState = Pick<Shown, 'index' | 'step' | 'blank'> & {readonly isTimerRunning: boolean; readonly timerEpoch: number};

/** What the app's dispatch is handed for a key of the remote page, in the audience view's mode. */
export type Press = (mode: Mode) => NavigationAction | undefined;

export type ShowFeed = {
	/** The app says what it shows now (every render that changes it). */
	readonly report: (state: ShownState, deck: Deck) => void;
	/** The app hands its dispatch and its current mode; undefined when it goes. */
	readonly attach: (control: {readonly dispatch: (action: NavigationAction) => void; readonly mode: () => Mode} | undefined) => void;
	readonly current: () => Shown | undefined;
	readonly deck: () => Deck | undefined;
	/** Listens to every change of what is shown; returns the way to stop. */
	readonly onShown: (listener: (shown: Shown) => void) => () => void;
	/** A remote's key: resolved in the audience view's mode, then dispatched there. False when no show runs yet. */
	readonly press: (press: Press) => boolean;
};

export function createShowFeed(now: () => number = Date.now): ShowFeed {
	let shown: Shown | undefined;
	let deck: Deck | undefined;
	let epoch = -1;
	let control: Parameters<ShowFeed['attach']>[0];
	const listeners = new Set<(shown: Shown) => void>();
	return {
		report(state, next) {
			const deckVersion = (shown?.deckVersion ?? 0) + (deck !== undefined && deck !== next ? 1 : 0);
			// The timer starts with the talk's first move, and again at each restart (r).
			const timerStartedAt = !state.isTimerRunning ? undefined : state.timerEpoch === epoch && shown?.timerStartedAt !== undefined ? shown.timerStartedAt : now();
			epoch = state.isTimerRunning ? state.timerEpoch : -1;
			const changed =
				!shown || shown.index !== state.index || shown.step !== state.step || shown.blank !== state.blank || shown.deckVersion !== deckVersion || shown.timerStartedAt !== timerStartedAt;
			deck = next;
			if (!changed) {
				return;
			}

			shown = {index: state.index, step: state.step, blank: state.blank, deckVersion, timerStartedAt};
			for (const listener of listeners) {
				listener(shown);
			}
		},
		attach(next) {
			control = next;
		},
		current: () => shown,
		deck: () => deck,
		onShown(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		press(press) {
			if (!control) {
				return false;
			}

			const action = press(control.mode());
			if (action) {
				control.dispatch(action);
			}

			return true;
		},
	};
}

/** The audience view's feed, when it has followers to feed (present.tsx provides it). */
export const FeedContext = createContext<ShowFeed | undefined>(undefined);
