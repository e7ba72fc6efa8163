import React, {useState} from 'react';
import {Box, Static, Text} from 'ink';
import {wrap} from '../../layout/layout.js';
import type {Theme} from '../../layout/theme.js';

export type ScreenReaderViewProps = {
	/** Linear text, one line per item (from `screen-reader.ts`); the first line says where we are. */
	readonly lines: readonly string[];
	readonly theme: Theme;
	/** Lines are wrapped at word boundaries to this width, so the terminal never breaks a word. */
	readonly columns: number;
};

type Shown = {readonly id: number; readonly lines: readonly string[]};

function Frame({lines, theme, columns, isRead = false}: ScreenReaderViewProps & {readonly isRead?: boolean}) {
	// A frame already read keeps a blank line under it in the scrollback, between it and the next.
	return (
		<Box flexDirection="column">
			{lines.map((line, index) => (
				// Lines have no identity beyond their position.
				// eslint-disable-next-line react/no-array-index-key
				<Text key={index} {...(index === 0 ? theme.roles.heading : theme.roles.body)}>
					{wrap(line, Math.max(20, columns - 1)).join('\n')}
				</Text>
			))}
			{isRead ? <Text> </Text> : null}
		</Box>
	);
}

/**
The screen-reader frame: plain lines, no drawing, so Ink's screen-reader output (and a person with a
screen reader) gets words only. Each new frame is what gets announced; the frame it replaces moves
into Ink's static output above it, so the terminal's scrollback keeps everything that was read.
*/
export function ScreenReaderView({lines, theme, columns}: ScreenReaderViewProps) {
	const text = lines.join('\n');
	const [shown, setShown] = useState<{current: Shown; history: Shown[]}>({current: {id: 0, lines}, history: []});
	if (shown.current.lines.join('\n') !== text) {
		// Derived state, set while rendering: the old frame goes to the history in the same commit.
		setShown({current: {id: shown.current.id + 1, lines}, history: [...shown.history, shown.current]});
	}

	return (
		<>
			<Static items={shown.history}>{item => <Frame key={item.id} isRead lines={item.lines} theme={theme} columns={columns} />}</Static>
			<Frame lines={lines} theme={theme} columns={columns} />
		</>
	);
}
