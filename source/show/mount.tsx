import type {ReactNode} from 'react';
import type {Instance, render as inkRender} from 'ink';
import type {Line} from '../text/lines.js';
import type {FrameSink} from '../terminal/frame-sink.js';
import {FrameContext} from './components/frame.js';

export type MountOptions = {
	/** Where Ink's frames go: each render is one whole frame (debug mode); Ink never writes to the terminal. */
	readonly sink: FrameSink;
	/** What Ink reads keys from (the live show's is the input guard's). */
	readonly stdin: NodeJS.ReadStream;
	readonly stderr?: NodeJS.WriteStream;
	/** Where a view's laid-out lines go: the frame writer's base layer. */
	readonly showLines: (lines: readonly Line[]) => void;
	readonly isScreenReader?: boolean;
};

export type Mounted = {
	readonly instance: Instance;
	/** Renders a new tree, with the same wiring. */
	readonly rerender: (tree: ReactNode) => void;
};

/**
Mounts a view of the show in Ink, as the live show (present.tsx) and the tests (test/helpers/ink.ts) both
do: the view's lines to the frame writer, Ink's frame into the sink; Ink's render options, all in one place.
`render` is Ink's, passed in: the live show loads Ink after its first frame.
*/
export function mountShow(render: typeof inkRender, tree: ReactNode, {sink, stdin, stderr, showLines, isScreenReader = false}: MountOptions): Mounted {
	const wrap = (node: ReactNode) => <FrameContext.Provider value={showLines}>{node}</FrameContext.Provider>;
	const instance = render(wrap(tree), {
		stdout: sink as unknown as NodeJS.WriteStream,
		stdin,
		...(stderr ? {stderr} : {}),
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
		isScreenReaderEnabled: isScreenReader,
	});
	return {
		instance,
		rerender(node) {
			instance.rerender(wrap(node));
		},
	};
}
