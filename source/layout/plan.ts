import {formatElapsed} from '../model/clock.js';
import type {Role} from '../text/theme.js';
import {paceAt, type Pace, paceText, type Plan} from './pace.js';

/**
The talk's plan from budgets and rehearsals, pure: each slide's budget (its own, its share of its
section's, or its share of what the talk's length leaves), its rehearsed time, and what the presenter
view paces against (the rehearsal where there is one, else the budget). Then the words and colours of
the presenter view's timing line. Times are milliseconds.
*/
export type PlanSlide = {readonly id: string; readonly title?: string; readonly sectionId: string; readonly budget?: number};
export type PlanSection = {readonly id: string; readonly budget?: number};

export type PlanInput = {
	readonly slides: readonly PlanSlide[];
	readonly sections?: readonly PlanSection[];
	/** The talk's length: --duration, the time to --end-at, or the deck's `duration:`. */
	readonly length?: number;
	/** Rehearsed time per slide id (the median of the rehearsals). */
	readonly rehearsed?: ReadonlyMap<string, number>;
	/** The deck's own length: a different `length` (--duration, --end-at) scales the deck's budgets to fit. */
	readonly deckLength?: number;
};

/** Where a slide's budget comes from. */
export type BudgetKind = 'slide' | 'section' | 'share' | 'none';

export type SlidePlan = {
	readonly id: string;
	readonly title?: string;
	readonly budget?: number;
	readonly budgetKind: BudgetKind;
	readonly rehearsed?: number;
	/** What the talk is paced against: the rehearsal, else the budget. */
	readonly planned?: number;
	/** When the plan has the slide start, from the start of the talk. */
	readonly start: number;
};

export type TalkPlan = {
	readonly length?: number;
	readonly slides: readonly SlidePlan[];
	/** The sum of the planned times (what the talk takes as planned). */
	readonly total: number;
	/** Whether every slide has a planned time (else there is no pace to show). */
	readonly isComplete: boolean;
};

function sum(values: ReadonlyArray<number | undefined>): number {
	return values.reduce<number>((total, value) => total + (value ?? 0), 0);
}

/** Each slide's budget and where it comes from; slides without one share what the length leaves. */
function budgets(input: PlanInput): Array<{budget?: number; kind: BudgetKind}> {
	const scale = input.deckLength && input.length ? input.length / input.deckLength : 1;
	const scaled = (budget: number) => Math.round(budget * scale);
	const sectionBudget = new Map((input.sections ?? []).flatMap(section => (section.budget === undefined ? [] : [[section.id, scaled(section.budget)] as const])));
	const result: Array<{budget?: number; kind: BudgetKind}> = input.slides.map(slide => (slide.budget === undefined ? {kind: 'none'} : {budget: scaled(slide.budget), kind: 'slide'}));
	for (const [sectionId, budget] of sectionBudget) {
		const members = input.slides.flatMap((slide, index) => (slide.sectionId === sectionId ? [index] : []));
		const open = members.filter(index => result[index]!.kind === 'none');
		const share = Math.max(0, budget - sum(members.map(index => result[index]!.budget))) / Math.max(1, open.length);
		for (const index of open) {
			result[index] = {budget: Math.round(share), kind: 'section'};
		}
	}

	const open = result.flatMap((entry, index) => (entry.kind === 'none' ? [index] : []));
	if (input.length !== undefined && open.length > 0) {
		const share = Math.max(0, input.length - sum(result.map(entry => entry.budget))) / open.length;
		for (const index of open) {
			result[index] = {budget: Math.round(share), kind: 'share'};
		}
	}

	return result;
}

export function makePlan(input: PlanInput): TalkPlan {
	let start = 0;
	let isComplete = true;
	const slides = budgets(input).map(({budget, kind}, index): SlidePlan => {
		const slide = input.slides[index]!;
		const rehearsed = input.rehearsed?.get(slide.id);
		const planned = rehearsed ?? budget;
		isComplete &&= planned !== undefined;
		const entry: SlidePlan = {
			id: slide.id,
			...(slide.title === undefined ? {} : {title: slide.title}),
			...(budget === undefined ? {} : {budget}),
			budgetKind: kind,
			...(rehearsed === undefined ? {} : {rehearsed}),
			...(planned === undefined ? {} : {planned}),
			start,
		};
		start += planned ?? 0;
		return entry;
	});
	return {...(input.length === undefined ? {} : {length: input.length}), slides, total: start, isComplete};
}

/** The plan as the pace module reads it: each slide's planned start, and the end of the last. */
export function paceOf(plan: TalkPlan): Plan | undefined {
	return plan.isComplete && plan.total > 0 ? {duration: plan.total, starts: plan.slides.map(slide => slide.start)} : undefined;
}

/** Milliseconds from `now` to the next `HH:MM` on the wall clock (today, or tomorrow if it has passed). */
export function untilWallClock(endAt: {readonly hours: number; readonly minutes: number}, now: Date): number {
	const end = new Date(now);
	end.setHours(endAt.hours, endAt.minutes, 0, 0);
	if (end.getTime() <= now.getTime() - 12 * 3_600_000) {
		end.setDate(end.getDate() + 1);
	}

	return end.getTime() - now.getTime();
}

/** `14:30` or `9:05` (24-hour), else undefined. */
export function parseEndAt(text: string): {hours: number; minutes: number} | undefined {
	const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
	const hours = Number(match?.[1]);
	const minutes = Number(match?.[2]);
	return match && hours < 24 && minutes < 60 ? {hours, minutes} : undefined;
}

/** A piece of the timing line; `short` is what it says where the line is narrow ('' leaves it out). */
export type ReadoutPart = {readonly text: string; readonly short?: string; readonly role: Role};

export type PaceClock = {
	/** Since the talk's timer started (0 until the first move). */
	readonly elapsed: number;
	readonly isRunning: boolean;
	/** On this slide since it came up. */
	readonly onSlide: number;
	/** Time left to the --end-at time, which counts whether or not the timer runs. */
	readonly toEnd?: number;
	/** The --end-at time as typed (HH:MM). */
	readonly endAt?: string;
};

/**
The time left, or overtime once the countdown's last second (0:00) is over (the first overtime
second is +0:01, as the presenter screen counts it), in the overtime colour.
*/
function countdown(left: number, after: string, short: string, overtime: string): ReadoutPart[] {
	return left <= -1000
		? [{text: `OVERTIME +${formatElapsed(-left)}`, role: 'overtime'}, {text: overtime, short: '', role: 'muted'}]
		: [{text: formatElapsed(Math.ceil(Math.max(0, left) / 1000) * 1000), role: 'accent'}, {text: after, short, role: 'muted'}];
}

function leftParts(plan: TalkPlan, clock: PaceClock): ReadoutPart[] {
	if (clock.toEnd !== undefined) {
		return countdown(clock.toEnd, ` left to ${clock.endAt ?? ''}`, ' left', ` past ${clock.endAt ?? ''}`);
	}

	if (plan.length === undefined) {
		return [{text: formatElapsed(clock.elapsed), role: 'accent'}, {text: ' elapsed', role: 'muted'}];
	}

	return countdown(plan.length - clock.elapsed, ` left of ${formatElapsed(plan.length)}`, ' left', ` · ${formatElapsed(clock.elapsed)} of ${formatElapsed(plan.length)}`);
}

/** This slide's time against its budget (or rehearsal); past it, a quiet "+0:20" (one part: shown whole or not at all). */
function slideParts(slide: SlidePlan | undefined, onSlide: number): ReadoutPart[] {
	const against = slide?.budget ?? slide?.rehearsed;
	if (against === undefined) {
		return [];
	}

	// The mark from the first whole second over (never "+0:00").
	const over = onSlide - against;
	return [{text: `  ·  slide ${formatElapsed(onSlide)}/${formatElapsed(against)}${over >= 1000 ? ` +${formatElapsed(over)}` : ''}`, role: 'muted'}];
}

export function paceRole(pace: Pace): Role {
	return pace.kind === 'behind' ? 'warn' : 'accent';
}

/**
The presenter view's timing line: time left (in the talk, or to --end-at), ahead or behind the plan
to this point, and this slide against its budget.
*/
export function paceReadout(plan: TalkPlan, index: number, clock: PaceClock): ReadoutPart[] {
	if (!clock.isRunning && clock.elapsed === 0 && clock.toEnd === undefined) {
		return [{text: 'timer starts at the first move (or r)', role: 'muted'}];
	}

	// Most needed first, so that a narrow screen cuts the slide's time before the pace. Each part
	// carries its separator, so a part left out leaves none hanging.
	const parts = leftParts(plan, clock);
	const pace = paceOf(plan);
	if (pace && (clock.isRunning || clock.elapsed > 0)) {
		// Against the elapsed time as the line shows it (whole seconds), so the pace agrees with the time left.
		const at = paceAt(pace, index, Math.floor(clock.elapsed / 1000) * 1000);
		parts.push({text: `  ·  ${paceText(at)}`, short: ` · ${paceText(at)}`, role: paceRole(at)});
	}

	// A slide up before the timer started (the title while the room settles) counts from the timer's start, as the pace does.
	return [...parts, ...slideParts(plan.slides[index], Math.min(clock.onSlide, clock.elapsed))];
}

/** What the audience footer's --timer shows: the time left when the talk has a length or an end, else the elapsed time. */
export function timerText(length: number | undefined, clock: Pick<PaceClock, 'elapsed' | 'toEnd'>): string {
	const left = clock.toEnd ?? (length === undefined ? undefined : length - clock.elapsed);
	if (left === undefined) {
		return formatElapsed(clock.elapsed);
	}

	return left < 0 ? `+${formatElapsed(-left)}` : `${formatElapsed(Math.ceil(left / 1000) * 1000)} left`;
}

/** The slides furthest over their budget (by rehearsal), most first: what to cut to fit. */
export function overBudget(plan: TalkPlan): Array<{id: string; title?: string; over: number}> {
	return plan.slides
		.flatMap(slide => (slide.budget !== undefined && slide.rehearsed !== undefined && slide.rehearsed > slide.budget ? [{id: slide.id, ...(slide.title === undefined ? {} : {title: slide.title}), over: slide.rehearsed - slide.budget}] : []))
		.sort((a, b) => b.over - a.over);
}
