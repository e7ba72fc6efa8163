import {useEffect, useState} from 'react';

/** Milliseconds since the clock started or was last reset; ticks once a second while active. */
export function useClock(isActive: boolean, resetKey: number, now: () => number = Date.now): {elapsed: number; wall: Date} {
	const [started, setStarted] = useState(now);
	const [current, setCurrent] = useState(now);
	useEffect(() => {
		const time = now();
		setStarted(time);
		setCurrent(time);
	}, [resetKey]);
	useEffect(() => {
		if (!isActive) {
			return;
		}

		const timer = setInterval(() => {
			setCurrent(now());
		}, 1000);
		return () => {
			clearInterval(timer);
		};
	}, [isActive]);
	return {elapsed: Math.max(0, current - started), wall: new Date(current)};
}

export function formatElapsed(ms: number): string {
	const total = Math.floor(ms / 1000);
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const seconds = total % 60;
	const mm = String(minutes).padStart(hours > 0 ? 2 : 1, '0');
	const ss = String(seconds).padStart(2, '0');
	return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function formatWall(date: Date): string {
	return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
