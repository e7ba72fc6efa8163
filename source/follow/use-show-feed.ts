import {useContext, useEffect} from 'react';
import type {Deck} from '../deck/deck.js';
import type {Mode, NavigationAction, NavigationState} from '../model/navigation.js';
import {FeedContext} from './feed.js';

/**
The audience view reports what it shows to its feed after each render that changes it, and hands
the feed its dispatch (the one its keys use) for the remote page. Nothing happens without a feed (no
`--serve`, no followers' socket) or in another view.
*/
export function useShowFeed(isAudience: boolean, state: NavigationState, deck: Deck, dispatch: (action: NavigationAction) => void, mode: () => Mode): void {
	const feed = useContext(FeedContext);
	const active = isAudience ? feed : undefined;
	useEffect(() => {
		active?.report(state, deck);
	}, [active, state.index, state.step, state.blank, state.isTimerRunning, state.timerEpoch, deck]);
	useEffect(() => {
		if (!active) {
			return;
		}

		active.attach({dispatch, mode});
		return () => {
			active.attach(undefined);
		};
	}, [active, dispatch, mode]);
}
