import {formatElapsed} from '../show/hooks/use-clock.js';

/**
Talk planning, pure: parse `--duration`, give each slide its share of the time, and say how far
ahead or behind the presenter is. Times are milliseconds.
*/

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

export type Plan = {
	readonly duration: number;
	/** When each slide should start, from the start of the talk. */
	readonly starts: readonly number[];
};

/** Every slide gets an equal share of the time. */
export function planTalk(duration: number, slideCount: number): Plan {
	const count = Math.max(1, slideCount);
	const share = duration / count;
	return {duration, starts: Array.from({length: count}, (_, index) => Math.round(index * share))};
}

/** When the plan has this slide start and end. */
export function slideWindow(plan: Plan, index: number): {start: number; end: number} {
	const last = plan.starts.length - 1;
	const at = Math.min(Math.max(0, index), last);
	return {start: plan.starts[at] ?? 0, end: at === last ? plan.duration : plan.starts[at + 1] ?? plan.duration};
}

export type Pace =
	| {readonly kind: 'on-time'}
	| {readonly kind: 'ahead'; readonly by: number}
	| {readonly kind: 'behind'; readonly by: number};

/**
Where the presenter stands against the plan: ahead if this slide came up before its planned start,
behind once its planned end has passed, on time in between.
*/
export function paceAt(plan: Plan, index: number, elapsed: number): Pace {
	const {start, end} = slideWindow(plan, index);
	if (elapsed < start) {
		return {kind: 'ahead', by: start - elapsed};
	}

	if (elapsed > end) {
		return {kind: 'behind', by: elapsed - end};
	}

	return {kind: 'on-time'};
}

export function paceText(pace: Pace): string {
	return pace.kind === 'on-time' ? 'on time' : `${pace.kind} ${formatElapsed(pace.by)}`;
}
