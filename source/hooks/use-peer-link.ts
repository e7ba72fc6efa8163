import {useEffect, useRef, useState} from 'react';
import type {NavigationAction, NavigationState} from '../navigation.js';
import {type PeerLink, type Position, samePosition} from '../peer.js';

/** Keeps the app and its peer view in step: local moves go out, the peer's moves come in. */
export function usePeerLink(
	link: PeerLink | undefined,
	state: NavigationState,
	dispatch: (action: NavigationAction) => void,
): string | undefined {
	const [status, setStatus] = useState<string | undefined>(undefined);
	const lastSeen = useRef<Position | undefined>(undefined);
	useEffect(() => {
		if (!link) {
			return;
		}

		const offPosition = link.onPosition(position => {
			lastSeen.current = position;
			dispatch({type: 'sync', ...position});
		});
		const offStatus = link.onStatus(setStatus);
		return () => {
			offPosition();
			offStatus();
		};
	}, [link, dispatch]);
	useEffect(() => {
		if (!link) {
			return;
		}

		const position: Position = {index: state.index, step: state.step, blank: state.blank};
		if (!samePosition(position, lastSeen.current)) {
			lastSeen.current = position;
			link.publish(position);
		}
	}, [link, state.index, state.step, state.blank]);
	return status;
}
