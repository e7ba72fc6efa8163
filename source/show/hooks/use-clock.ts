import {useEffect, useState} from 'react';

/**
The talk's timer: zero until it runs (the first move or the reset key starts it), then the time since
it started or was last reset; ticks once a second. `now` is the time source, so tests can drive it.
*/
export function useClock(isRunning: boolean, resetKey: number, now: () => number = Date.now): {elapsed: number; wall: Date} {
	const [started, setStarted] = useState<number | undefined>(undefined);
	const [current, setCurrent] = useState(now);
	useEffect(() => {
		const time = now();
		setStarted(isRunning ? time : undefined);
		setCurrent(time);
	}, [resetKey, isRunning]);
	useEffect(() => {
		const timer = setInterval(() => {
			setCurrent(now());
		}, 1000);
		return () => {
			clearInterval(timer);
		};
	}, [now]);
	return {elapsed: started === undefined ? 0 : Math.max(0, current - started), wall: new Date(current)};
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
