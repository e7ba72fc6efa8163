import React from 'react';
import {Box, Text} from 'ink';
import type {Line} from '../layout.js';
import type {Theme} from '../theme.js';

export type LinesProps = {
	readonly lines: readonly Line[];
	readonly theme: Theme;
};

/** Paints laid-out lines; the only place segments become Ink `<Text>`. */
export function Lines({lines, theme}: LinesProps) {
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
