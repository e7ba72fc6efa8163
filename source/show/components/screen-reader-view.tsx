import React from 'react';
import {Box, Text} from '../ink.js';
import {wrap} from '../../text/wrap.js';
import type {Theme} from '../../text/theme.js';

export type ScreenReaderViewProps = {
	/** Linear text, one line per item (from `screen-reader.ts`); the first line says where we are. */
	readonly lines: readonly string[];
	readonly theme: Theme;
	/** Lines are wrapped at word boundaries to this width, so the terminal never breaks a word. */
	readonly columns: number;
};

/**
The screen-reader frame: plain lines, no drawing, so Ink's screen-reader output (and a person with a
screen reader) gets words only. Each new frame replaces the last one, which is what gets announced.
*/
export function ScreenReaderView({lines, theme, columns}: ScreenReaderViewProps) {
	return (
		<Box flexDirection="column">
			{lines.map((line, index) => (
				// Lines have no identity beyond their position.
				// eslint-disable-next-line react/no-array-index-key
				<Text key={index} {...(index === 0 ? theme.roles.heading : theme.roles.body)}>
					{wrap(line, Math.max(20, columns - 1)).join('\n')}
				</Text>
			))}
		</Box>
	);
}
