import React, {type ReactNode, useContext, useLayoutEffect} from 'react';
import {Box, Text} from 'ink';
import {FrameWriterContext} from './frame-writer-context.js';
import type {Line} from '../../layout/layout.js';
import type {Theme} from '../../layout/theme.js';


export type LinesProps = {
	readonly lines: readonly Line[];
	readonly theme: Theme;
	/** The lines are the whole screen, from its first row: the frame writer may paint them. */
	readonly isScreen?: boolean;
};

/** Paints laid-out lines; the only place segments become Ink `<Text>` (or go to the frame writer). */
export function Lines({lines, theme, isScreen = false}: LinesProps) {
	const provided = useContext(FrameWriterContext);
	const writer = isScreen ? provided : undefined;
	useLayoutEffect(() => {
		writer?.paint(lines);
	});
	useLayoutEffect(
		() => () => {
			// The menu or a blank screen comes next, drawn by Ink on an erased screen.
			writer?.clear();
		},
		[writer],
	);
	if (writer) {
		return null;
	}

	return (
		<Box flexDirection="column">
			{lines.map((line, row) => (
				// Lines have no identity beyond their position.
				// eslint-disable-next-line react/no-array-index-key
				<Text key={row} wrap="truncate-end">
					{line.length === 0
						? ' '
						: line.map((segment, index) => (
								// eslint-disable-next-line react/no-array-index-key
								<Text key={index} {...theme.roles[segment.role]}>
									{segment.text}
								</Text>
							))}
				</Text>
			))}
		</Box>
	);
}

/** `Lines` as a function, for `TypographyContext`'s `paint`: slide primitives shown on their own. */
export function paintLines(lines: readonly Line[], theme: Theme): ReactNode {
	return <Lines lines={lines} theme={theme} />;
}
