/**
The clock's formats: the talk's elapsed time (m:ss, or h:mm:ss past an hour), the wall clock (HH:MM),
and a length of time as `--duration` and a deck's budgets write it (`20m`, `1h30m`). Times are milliseconds.
*/
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

const units: Readonly<Record<string, number>> = {h: 3_600_000, m: 60_000, s: 1000};

/** The longest talk accepted: a day. */
const longest = 24 * 3_600_000;

/**
`15m`, `90s`, `1h`, `1h30m`, `1h30m15s`, or plain minutes (`15`). Undefined for anything else,
for zero and for more than a day.
*/
export function parseDuration(text: string): number | undefined {
	const trimmed = text.trim().toLowerCase();
	let ms: number;
	if (/^\d+$/.test(trimmed)) {
		ms = Number(trimmed) * units['m']!;
	} else {
		const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(trimmed);
		if (!match || trimmed === '') {
			return undefined;
		}

		const [, hours = '0', minutes = '0', seconds = '0'] = match;
		ms = Number(hours) * units['h']! + Number(minutes) * units['m']! + Number(seconds) * units['s']!;
	}

	return ms > 0 && ms <= longest ? ms : undefined;
}

/** A time as parseDuration reads it: `20m`, `1m30s`, `45s`, `1h5m` (whole seconds). */
export function durationText(ms: number): string {
	const total = Math.max(1, Math.round(ms / 1000));
	const parts = [[Math.floor(total / 3600), 'h'], [Math.floor((total % 3600) / 60), 'm'], [total % 60, 's']] as const;
	return parts.filter(([count]) => count > 0).map(([count, unit]) => `${count}${unit}`).join('');
}
