import {formatElapsed} from '../model/clock.js';

/**
The pace, pure: how far ahead or behind the presenter is against a plan's starts (made by
`makePlan` and `paceOf` in plan.ts). Times are milliseconds (model/clock.ts reads and writes them).
*/

export type Plan = {
	readonly duration: number;
	/** When each slide should start, from the start of the talk. */
	readonly starts: readonly number[];
};

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
behind once its planned end has passed, on time in between. The clock shows whole seconds, so a
second's difference is the least it says (never "ahead 0:00"): the first second past the end is
"behind 0:01", as the first second past the talk's length is "OVERTIME +0:01".
*/
export function paceAt(plan: Plan, index: number, elapsed: number): Pace {
	const {start, end} = slideWindow(plan, index);
	if (start - elapsed >= 1000) {
		return {kind: 'ahead', by: start - elapsed};
	}

	if (elapsed - end >= 1000) {
		return {kind: 'behind', by: elapsed - end};
	}

	return {kind: 'on-time'};
}

export function paceText(pace: Pace): string {
	return pace.kind === 'on-time' ? 'on time' : `${pace.kind} ${formatElapsed(pace.by)}`;
}
