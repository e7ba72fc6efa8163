import {useCallback, useEffect, useRef, useState} from 'react';
import {navigate, type NavigationAction, type NavigationState} from '../navigation.js';
import type {PeerLink} from '../../link/peer.js';

/**
Keeps the app and its peer view in step: local moves go out as they are made (before this view
renders them, so the other frame does not wait for ours), the peer's moves come in as 'sync'.
Returns the link's status, the dispatch the keys should use, and the state with every dispatched
action applied (ahead of rendering; the keys read their mode from it).

The position sent is the reducer applied to every action in dispatch order, kept in a ref ahead of
rendering; comparing rendered states instead would resend a stale position when two moves arrive
between renders.
*/
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
		const {index, step, blank} = latest.current;
		link.publish({index, step, blank});
		return () => {
			offPosition();
			offStatus();
		};
	}, [link, apply]);
	const local = useCallback(
		(action: NavigationAction) => {
			apply(action);
			if (link) {
				const {index, step, blank} = latest.current;
				link.publish({index, step, blank});
			}
		},
		[link, apply],
	);
	const read = useCallback(() => latest.current, []);
	return {status, dispatch: local, adopt: apply, latest: read};
}
