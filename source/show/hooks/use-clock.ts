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
