import process from 'node:process';
import {writeOut} from './answer.js';
import type {Deck} from './deck/deck.js';
import {formatElapsed} from './model/clock.js';
import {makePlan, overBudget, type TalkPlan} from './layout/plan.js';
import {loadTimings, rehearsedTimes, timingsPath, type TimingsStore} from './outputs/timings-file.js';
import type {TimingsCommand} from './parse-args.js';
import {visibleControls} from './markdown/inline.js';
import {fit} from './text/wrap.js';

/**
`briefing timings [FILE.md] [--json]`: the talk's plan. Each slide with its budget (its own, its
section's share, or its share of what the talk's length leaves), its rehearsed time (the median of
the rehearsals), and the running total of the plan against the talk's length; then, when the plan
runs over, what to cut: the slides furthest over their budget.
*/
type Report = {
	readonly label: string;
	readonly deck: Deck;
	readonly plan: TalkPlan;
	readonly store?: TimingsStore;
	readonly file: string;
};

/** What to cut to fit: the slides furthest over their budget, until their overrun covers the excess. */
export function cutsToFit(plan: TalkPlan): Array<{id: string; title?: string; over: number}> {
	const excess = plan.length === undefined ? 0 : plan.total - plan.length;
	const cuts = [];
	let covered = 0;
	for (const slide of overBudget(plan)) {
		if (covered >= excess) {
			break;
		}

		cuts.push(slide);
		covered += slide.over;
	}

	return cuts;
}

const time = (ms: number | undefined) => (ms === undefined ? '-' : formatElapsed(Math.round(ms / 1000) * 1000));

function fitLine(plan: TalkPlan): string {
	if (plan.length === undefined) {
		return plan.slides.some(slide => slide.planned !== undefined)
			? `The deck gives no length (front matter "duration: 20m"); planned: ${time(plan.total)}.`
			: 'Nothing is planned yet: give the deck a length (front matter "duration: 20m") or slides budgets (<!-- budget: 1m -->), or rehearse (briefing --rehearse).';
	}

	const excess = plan.total - plan.length;
	if (!plan.isComplete) {
		return `Talk: ${time(plan.length)}; some slides have no budget or rehearsal.`;
	}

	if (excess <= 0) {
		return `The plan fits: ${time(plan.total)} of ${time(plan.length)}${excess < 0 ? `, ${time(-excess)} to spare` : ''}.`;
	}

	const cuts = cutsToFit(plan);
	const lines = [`The plan runs ${time(excess)} over ${time(plan.length)}.`];
	if (cuts.length > 0) {
		lines.push('To fit, cut from the slides furthest over their budget:');
		const width = Math.max(...cuts.map(cut => cut.id.length));
		lines.push(...cuts.map(cut => `  ${cut.id.padEnd(width)}  ${`+${time(cut.over)}`.padStart(6)}  ${visibleControls(cut.title ?? '')}`));
	} else {
		lines.push('No rehearsed slide is over its budget: the budgets themselves add up to more than the talk.');
	}

	return lines.join('\n');
}

function textReport({label, deck, plan, store, file}: Report): string {
	const idWidth = Math.min(28, Math.max(5, ...plan.slides.map(slide => slide.id.length)));
	const rehearsals = `${store ? `${store.rehearsals} rehearsal${store.rehearsals === 1 ? '' : 's'}` : 'no rehearsal yet'} (${visibleControls(file)})`;
	const head = `${visibleControls(deck.title)} (${label}): talk ${time(plan.length)}, ${rehearsals}`;
	const columns = `${'#'.padStart(3)}  ${'slide'.padEnd(idWidth)}  ${'budget'.padStart(6)}  ${'rehearsed'.padStart(9)}  ${'last'.padStart(5)}  ${'running'.padStart(7)}`;
	let running = 0;
	// With nothing planned, the running plan is '-' throughout, not 0:00.
	const plannedAt = (ms: number) => (plan.slides.some(slide => slide.planned !== undefined) ? ms : undefined);
	const rows = plan.slides.map((slide, index) => {
		const before = running;
		running += slide.planned ?? 0;
		const isOver = slide.budget !== undefined && slide.rehearsed !== undefined && slide.rehearsed > slide.budget;
		const crosses = plan.length !== undefined && before <= plan.length && running > plan.length;
		const notes = [...(isOver ? [`+${time(slide.rehearsed - slide.budget)} over budget`] : []), ...(crosses ? [`past ${time(plan.length)}`] : [])];
		const over = notes.length > 0 ? `  ${notes.join(', ')}` : '';
		const id = fit(slide.id, idWidth);
		const last = store?.slides.get(slide.id)?.runs.at(-1);
		return `${String(index + 1).padStart(3)}  ${id.padEnd(idWidth)}  ${time(slide.budget).padStart(6)}  ${time(slide.rehearsed).padStart(9)}  ${time(last).padStart(5)}  ${time(plannedAt(running)).padStart(7)}${over}`;
	});
	// No budget on any slide is no total ('-'), not a total of 0:00.
	const budgets = plan.slides.some(slide => slide.budget !== undefined) ? plan.slides.reduce((sum, slide) => sum + (slide.budget ?? 0), 0) : undefined;
	const rehearsed = plan.slides.reduce((sum, slide) => sum + (slide.rehearsed ?? 0), 0);
	const total = `${''.padStart(3)}  ${'total'.padEnd(idWidth)}  ${time(budgets).padStart(6)}  ${time(store ? rehearsed : undefined).padStart(9)}  ${''.padStart(5)}  ${time(plannedAt(plan.total)).padStart(7)}`;
	const note = 'rehearsed: the median of the rehearsals; last: the latest one; running: the plan so far (rehearsed, else the budget)';
	return [head, '', columns, ...rows, total, '', note, fitLine(plan)].join('\n') + '\n';
}

function jsonReport({label, deck, plan, store, file}: Report): string {
	let running = 0;
	const slides = plan.slides.map((slide, index) => {
		running += slide.planned ?? 0;
		const record = store?.slides.get(slide.id);
		const runs = record?.runs;
		return {
			index: index + 1,
			id: slide.id,
			title: deck.slides[index]?.title ?? '',
			section: deck.slides[index]?.sectionId ?? '',
			budgetMs: slide.budget ?? null,
			budgetFrom: slide.budgetKind,
			rehearsedMs: slide.rehearsed ?? null,
			lastMs: runs?.at(-1) ?? null,
			runs: runs?.length ?? 0,
			stepsMs: record?.steps ?? [],
			plannedMs: slide.planned ?? null,
			runningMs: running,
		};
	});
	const report = {
		deck: deck.title,
		source: label,
		timingsFile: file,
		rehearsals: store?.rehearsals ?? 0,
		lengthMs: plan.length ?? null,
		plannedMs: plan.total,
		overMs: plan.length === undefined ? null : plan.total - plan.length,
		slides,
		cut: cutsToFit(plan).map(cut => ({id: cut.id, overMs: cut.over})),
	};
	return JSON.stringify(report, null, '\t') + '\n';
}

/** The deck and its label: the built-in one, or a Markdown deck (a problem with it is one line, exit 2). */
async function deckFor(command: TimingsCommand): Promise<{deck: Deck; label: string} | undefined> {
	if (command.deckFile === undefined) {
		return {deck: (await import('../slides/index.js')).deck, label: 'built-in deck'};
	}

	const {DeckFileError, loadMarkdownDeck} = await import('./markdown/load.js');
	try {
		return {deck: (await loadMarkdownDeck(command.deckFile)).deck, label: visibleControls(command.deckFile)};
	} catch (error: unknown) {
		if (error instanceof DeckFileError) {
			process.stderr.write(`briefing: ${error.message}\n`);
			return undefined;
		}

		throw error;
	}
}

export function timingsReport(deck: Deck, label: string, file: string, store: TimingsStore | undefined, isJson: boolean): string {
	const rehearsed = rehearsedTimes(store);
	const plan = makePlan({
		slides: deck.slides,
		sections: deck.sections,
		...(deck.duration === undefined ? {} : {length: deck.duration}),
		...(rehearsed.size > 0 ? {rehearsed} : {}),
	});
	const report = {label, deck, plan, file, ...(store ? {store} : {})};
	return isJson ? jsonReport(report) : textReport(report);
}

/** Exit 0 with the plan; 2 for a deck that cannot be read. A timings file that is not ours is one line and left out. */
export async function runTimings(command: TimingsCommand): Promise<number> {
	const found = await deckFor(command);
	if (!found) {
		return 2;
	}

	const file = timingsPath(command.deckFile);
	const {store, problem} = loadTimings(file, found.deck);
	if (problem) {
		process.stderr.write(`briefing: ${problem}\n`);
	}

	return writeOut(timingsReport(found.deck, found.label, file, store, command.isJson));
}
