import {useEffect, useState} from 'react';

/**
The value for `ms` after it last changed, then undefined: a status or a hint that shows for a few
seconds and leaves the screen to the slide.
*/
export function useForAWhile<T>(value: T | undefined, ms: number): T | undefined {
	const [isFresh, setFresh] = useState(true);
	useEffect(() => {
		setFresh(true);
		if (value === undefined) {
			return;
		}

		const timer = setTimeout(() => {
			setFresh(false);
		}, ms);
		return () => {
			clearTimeout(timer);
		};
	}, [value, ms]);
	return isFresh ? value : undefined;
}
