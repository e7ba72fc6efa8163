import {useInput} from 'ink';
import {resolveKeypress} from '../keymap.js';
import type {Mode, NavigationAction} from '../navigation.js';

/** The app's one keyboard handler: a keypress, looked up in the key table, becomes an action. */
export function useKeymap(mode: Mode, dispatch: (action: NavigationAction) => void, isActive: boolean): void {
	useInput(
		(input, key) => {
			const action = resolveKeypress(input, key, mode);
			if (action) {
				dispatch(action);
			}
		},
		{isActive},
	);
}
