import {useEffect, useState} from 'react';
import {useStdout} from '../ink.js';
import type {Size} from '../../layout/screen.js';
import {readSize} from '../../terminal/terminal.js';

/**
The terminal's size, kept in state from the 'resize' event of Ink's stdout (the frame sink, which the
terminal session resizes, after fg too): Ink 6.8 re-lays out only the width on a resize and never
re-renders on its own.
*/
export function useTerminalSize(fixed?: Size): Size {
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
	}, [stdout, fixed?.columns, fixed?.rows]);
	return size;
}
