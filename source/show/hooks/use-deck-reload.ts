import {useRef} from 'react';
import {type Deck, stepCounts} from '../../deck/deck.js';
import {followSlide, navigate, type NavigationAction, type NavigationState} from '../../model/navigation.js';

/**
Live reload: when the show is handed a new deck (a Markdown deck saved again), the navigation state
moves onto it at once, in this very render, so no frame pairs the new deck with the old position.
The move stays in this view (`adopt`): the peer view reads the same file and moves the same way.
Returns the state to draw.
*/
export function useDeckReload(
	deck: Deck,
	state: NavigationState,
	adopt: (action: NavigationAction) => void,
	latest: () => NavigationState,
): NavigationState {
	const shown = useRef(deck);
	if (shown.current === deck) {
		return state;
	}

	const before = shown.current.slides.map(slide => slide.id);
	shown.current = deck;
	const action: NavigationAction = {
		type: 'reload',
		units: stepCounts(deck),
		sections: deck.sections.map(section => section.start),
		index: followSlide(before, deck.slides.map(slide => slide.id), latest().index),
	};
	adopt(action);
	return navigate(state, action);
}
