import {formatElapsed} from '../model/clock.js';

/**
Talk planning, pure: give each slide its share of the time, and say how far ahead or behind the
presenter is. Times are milliseconds (model/clock.ts reads and writes them).
*/

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
