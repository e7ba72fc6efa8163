import {useCallback, useEffect, useRef, useState} from 'react';
import {navigate, type NavigationAction, type NavigationState} from '../../model/navigation.js';
import type {PeerLink, Position} from '../../link/peer.js';

/**
Keeps the app and its peer view in step: local moves go out as they are made (before this view
renders them, so the other frame does not wait for ours), the peer's moves come in as 'sync'.
Returns the link's status, the dispatch the keys should use, and the state with every dispatched
action applied (ahead of rendering; the keys read their mode from it).

The position sent is the reducer applied to every action in dispatch order, kept in a ref ahead of
rendering; comparing rendered states instead would resend a stale position when two moves arrive
between renders.
*/
/** What travels to the other view: the position, and the timer's restarts so `r` restarts both. */
function positionOf({index, step, blank, timerEpoch}: NavigationState): Position {
	return {index, step, blank, timer: timerEpoch};
}

export function usePeerLink(
	link: PeerLink | undefined,
	state: NavigationState,
	dispatch: (action: NavigationAction) => void,
): {
	status: string | undefined;
	dispatch: (action: NavigationAction) => void;
	/** Applies an action that stays in this view (a reload): the peer does the same on its own. */
	adopt: (action: NavigationAction) => void;
	latest: () => NavigationState;
} {
	const [status, setStatus] = useState<string | undefined>(undefined);
	const latest = useRef(state);
	const apply = useCallback(
		(action: NavigationAction) => {
			latest.current = navigate(latest.current, action);
			dispatch(action);
		},
		[dispatch],
	);
	useEffect(() => {
		if (!link) {
			return;
		}

		const offPosition = link.onPosition(position => {
			apply({type: 'sync', ...position});
		});
		const offStatus = link.onStatus(setStatus);
		// The start position; a show already running wins over it (see presenter-link.ts).
		link.publish(positionOf(latest.current));
		return () => {
			offPosition();
			offStatus();
		};
	}, [link, apply]);
	const local = useCallback(
		(action: NavigationAction) => {
			apply(action);
			// The overview's grid size is this view's own business, not a move to send.
			if (link && action.type !== 'grid') {
				link.publish(positionOf(latest.current));
			}
		},
		[link, apply],
	);
	const read = useCallback(() => latest.current, []);
	return {status, dispatch: local, adopt: apply, latest: read};
}
