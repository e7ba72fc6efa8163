import {createContext, type ReactNode, useContext, useLayoutEffect} from 'react';
import type {Line} from '../../text/lines.js';

/** Where a view's lines go: the frame writer's base layer (provided by the live show and the tests). */
export const FrameContext = createContext<((lines: readonly Line[]) => void) | undefined>(undefined);

export type FrameProps = {
	/** The screen as laid-out lines, from the first row (screen.ts, presenter-screen.ts). */
	readonly lines: readonly Line[];
	/** What Ink draws over the lines (the menu's list, a blank screen); Ink places it by its own layout. */
	readonly children?: ReactNode;
};

/**
A screen of the show: its lines go to the frame writer as the base layer, its children are rendered by
Ink into the frame sink. The writer composes the two after the commit and paints once.
*/
export function Frame({lines, children}: FrameProps) {
	const show = useContext(FrameContext);
	useLayoutEffect(() => {
		show?.(lines);
	}, [show, lines]);
	return children ?? null;
}
