import {useEffect, useState} from 'react';
import {useStdout} from 'ink';
import type {Size} from '../../layout/screen.js';
import {readSize} from '../../terminal/terminal.js';

/**
The terminal's size, kept in state from stdout's 'resize' event: Ink 6.8 re-lays out only the width
on a resize and never re-renders on its own. `refresh` changes force a fresh read (after a resume).
*/
export function useTerminalSize(fixed?: Size, refresh = 0): Size {
	const {stdout} = useStdout();
	const [size, setSize] = useState<Size>(() => fixed ?? readSize(stdout));
	useEffect(() => {
		if (fixed) {
			setSize(fixed);
			return;
		}

		const update = () => {
			setSize(previous => {
				const next = readSize(stdout);
				return next.columns === previous.columns && next.rows === previous.rows ? previous : next;
			});
		};

		update();
		stdout.on('resize', update);
		return () => {
			stdout.off('resize', update);
		};
	}, [stdout, fixed?.columns, fixed?.rows, refresh]);
	return size;
}
