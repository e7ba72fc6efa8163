import {useInput} from '../ink.js';
import {resolveKeypress, type View} from '../../model/keymap.js';
import type {Mode, NavigationAction} from '../../model/navigation.js';

/**
The app's one keyboard handler: a keypress, looked up in the key table, becomes at most one action.
No other component reads keys (the sections menu's ink-select-input is never focused): two handlers
on Ink's input would each see every key, in an order Ink changes as it renews them. `mode` may
be a function, read at each keypress: Ink swaps in a new handler only after the frame is drawn, so a
key typed right after a mode change would otherwise be read in the old mode.
*/
export function useKeymap(mode: Mode | (() => Mode), dispatch: (action: NavigationAction) => void, isActive: boolean, view: View = 'audience'): void {
	useInput(
		(input, key) => {
			const action = resolveKeypress(input, key, typeof mode === 'function' ? mode() : mode, view);
			if (action) {
				dispatch(action);
			}
		},
		{isActive},
	);
}
