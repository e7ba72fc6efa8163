import {blockTexts, listItems, quoteInMarks, revealUnits, writtenOrder} from '../deck/blocks.js';
import type {Deck, Slide} from '../deck/deck.js';
import {hintText} from '../model/keymap.js';
import {formatElapsed} from '../model/clock.js';
import {symbols} from './layout.js';
import {indentLines, type Line, lineWidth, seg, type Segment} from '../text/lines.js';
import {fit, textWidth, wrap} from '../text/wrap.js';
import {firstWords, menuHeading, menuPlace, type MenuPlace, overviewLines} from './lists.js';
import {helpScreen, modeOf, type NavigationState} from '../model/navigation.js';
import {paceAt, paceText, type Plan} from './pace.js';
import {helpLines, slideLines, spread, toHeight, type Size} from './screen.js';
import type {Role} from '../text/theme.js';

/**
The presenter view's screen as lines, pure, every row of the terminal: the notes big, the slide
small, the next step (the next bullet or quote of this slide, or the next slide), where the talk
stands (slide, step, time left against the plan or overtime, wall clock, pace) and whether the
audience screen is blanked.
*/
export type PresenterInfo = {
	/** Milliseconds since the timer started (0 until the first move). */
	readonly elapsed: number;
	/** Whether the timer runs yet. */
	readonly isRunning?: boolean;
	/** The wall clock, HH:MM. */
	readonly wall: string;
	readonly plan?: Plan;
	/** The timing line's words and colours, made by plan.ts (time left, the pace, this slide): shown instead of the plan's. */
	readonly readout?: ReadonlyArray<{readonly text: string; readonly short?: string; readonly role: Role}>;
	readonly status?: string;
	/** Why the deck file could not be read again (live reload): a line of its own, until it reads. */
	readonly problem?: string;
};

/** From this width the notes and the slide sit side by side. */
const sideBySide = 120;

/** Below this width the slide's preview shows only where the notes leave it room: the notes come first. */
const narrow = 60;

/** The smallest presenter view: a tmux split of an 80-column window gives 39 and 40 columns. */
export const presenterMinimum: Size = {columns: 30, rows: 12};

/** Rows above the middle (header, rule, clock, blank notice) and below it (rule, next two, hint). */
const topRows = 4;
const bottomRows = 4;

function rule(width: number, label = ''): Line {
	if (!label) {
		return [seg(symbols.rule.repeat(Math.max(0, width)), 'rule')];
	}

	const text = ` ${label} `;
	return [seg(symbols.rule.repeat(2), 'rule'), seg(text, 'accent'), seg(symbols.rule.repeat(Math.max(0, width - 2 - textWidth(text))), 'rule')];
}

/**
Cuts to `rows`, marking a real cut (words left out) on the last line that has words, so the presenter
knows there is more; blank rows (hidden bullets keep their place) are no cut and get no mark.
*/
function clip(lines: readonly Line[], rows: number): Line[] {
	if (lines.length <= rows) {
		return [...lines];
	}

	const kept = lines.slice(0, Math.max(0, rows));
	const isCut = lines.slice(kept.length).some(line => lineWidth(line) > 0);
	while (kept.length > 0 && lineWidth(kept.at(-1) ?? []) === 0) {
		kept.pop();
	}

	if (isCut && kept.length > 0) {
		kept[kept.length - 1] = [...(kept.at(-1) ?? []), seg(' …', 'muted')];
	}

	return kept;
}

/** The notes, as large as a terminal allows: bright, full width, double-spaced when they fit. */
export function notesBlock(slide: Slide, width: number, rows: number): Line[] {
	const text = slide.notes.trim();
	if (!text) {
		return [[seg('(no notes for this slide)', 'muted')]];
	}

	const paragraphs = text.split(/\n\s*\n/);
	const lines: Line[] = [];
	for (const [index, paragraph] of paragraphs.entries()) {
		if (index > 0) {
			lines.push([]);
		}

		lines.push(...wrap(paragraph, width).map(part => [seg(part, 'lead')]));
	}

	if (lines.length * 2 - 1 <= rows) {
		return lines.flatMap((line, index) => (index === 0 ? [line] : [[], line]));
	}

	return clip(lines, rows);
}

/**
The slide as the audience sees it, at a narrower width and cut to the rows there are. The paragraph
citation is left out (no words the presenter needs), so a cut, marked …, always means words.
*/
export function previewBlock(slide: Slide, width: number, step: number, rows: number): Line[] {
	return clip(slideLines(slide, width, step, false, false), rows);
}

function besides(left: readonly Line[], right: readonly Line[], leftWidth: number, rows: number): Line[] {
	const lines: Line[] = [];
	for (let row = 0; row < rows; row++) {
		const l = left[row] ?? [];
		const r = right[row] ?? [];
		lines.push([...l, seg(' '.repeat(Math.max(0, leftWidth - lineWidth(l))) + ' ', 'body'), seg(symbols.column, 'rule'), seg(' ', 'body'), ...r]);
	}

	return lines;
}

function stepText(slide: Slide, state: NavigationState): string {
	return slide.units > 1 ? ` · step ${state.step}/${slide.units}` : '';
}

/** Overtime begins once the countdown's last second (0:00) is over: the first overtime second is +0:01. */
export function isOvertime(plan: Plan, elapsed: number): boolean {
	return elapsed >= plan.duration + 1000;
}

/**
The time as parts, most important first, each a choice of texts from long to short: the clock line
keeps what fits of it at the width there is.
*/
type TimePart = {readonly texts: readonly string[]; readonly role: Role};

/** The countdown against the plan, then overtime in its own colour and words; or the elapsed time. */
function timeParts(state: NavigationState, info: PresenterInfo): TimePart[] {
	if (info.readout) {
		return info.readout.map(part => ({texts: part.short === undefined ? [part.text] : [part.text, part.short], role: part.role}));
	}

	if (!info.isRunning && info.elapsed === 0) {
		return [{texts: ['timer starts at the first move (or r)', 'timer starts at the first move', 'timer not started'], role: 'muted'}];
	}

	if (!info.plan) {
		return [
			{texts: [formatElapsed(info.elapsed)], role: 'accent'},
			{texts: [' elapsed'], role: 'muted'},
		];
	}

	const {duration} = info.plan;
	if (isOvertime(info.plan, info.elapsed)) {
		return [
			{texts: [`OVERTIME +${formatElapsed(info.elapsed - duration)}`], role: 'overtime'},
			{texts: [` · ${formatElapsed(info.elapsed)} of ${formatElapsed(duration)}`, ''], role: 'muted'},
		];
	}

	const left = Math.max(0, duration - info.elapsed);
	const pace = paceAt(info.plan, state.index, info.elapsed);
	return [
		{texts: [formatElapsed(Math.ceil(left / 1000) * 1000)], role: 'accent'},
		{texts: [` left of ${formatElapsed(duration)}`, ' left'], role: 'muted'},
		{texts: ['  ·  ', ' · '], role: 'muted'},
		{texts: [paceText(pace)], role: pace.kind === 'behind' ? 'warn' : 'accent'},
	];
}

/** The clock line: the time parts that fit (longest text of each that does), the wall clock at the right when it fits too. */
function clockLine(state: NavigationState, info: PresenterInfo, columns: number): Line {
	const parts = timeParts(state, info);
	const wall: Line = [seg('clock ', 'muted'), seg(info.wall + ' ', 'accent')];
	const shortWall: Line = [seg(info.wall + ' ', 'accent')];
	const left: Segment[] = [seg(' ', 'body')];
	for (const [index, part] of parts.entries()) {
		// A part after the first goes only with the ones before it, and only whole.
		const room = columns - lineWidth(left) - (index === 0 ? 0 : 1);
		const text = part.texts.find(each => textWidth(each) <= room);
		if (text === undefined) {
			if (index === 0) {
				left.push(seg(fit(part.texts.at(-1) ?? '', Math.max(0, columns - 1)), part.role));
			}

			break;
		}

		if (text) {
			left.push(seg(text, part.role));
		}
	}

	for (const right of [wall, shortWall]) {
		if (lineWidth(left) + lineWidth(right) + 1 <= columns) {
			return spread(left, right, columns);
		}
	}

	return left;
}

function hintLine(state: NavigationState, columns: number): Line {
	const typed = /^\d+$/.test(state.pending) ? `go to ${state.pending} ↵` : state.pending === 'g' ? 'g, then g' : state.notice;
	const mode = modeOf(state);
	const hint = mode === 'blank' ? 'any key brings the audience screen back' : hintText(mode, 'presenter');
	const shown = typed ? typed + '  ' : '';
	return [seg(' ', 'body'), seg(shown, 'warn'), seg(fit(hint, Math.max(0, columns - 2 - textWidth(shown))), 'muted')];
}

/** The text of a slide's reveal unit `unit` (0-based): a bullet, or a quote with its speaker. */
function unitText(slide: Slide, unit: number): string | undefined {
	let before = 0;
	for (const [index, block] of slide.blocks.entries()) {
		const count = revealUnits(block);
		if (unit < before + count) {
			if (block.kind === 'pause') {
				const next = slide.blocks.slice(index + 1).flatMap(after => blockTexts(after))[0];
				return next === undefined ? undefined : `after the pause: ${next}`;
			}

			if (block.kind === 'bullets') {
				return `bullet: ${block.items[unit - before] ?? ''}`;
			}

			if (block.kind === 'list') {
				const {item, number, list} = listItems(block)[unit - before] ?? {item: {text: ''}, number: 0, list: block};
				return list.ordered ? `item: ${number}. ${item.text}` : `bullet: ${item.text}`;
			}

			if (block.kind === 'columns') {
				return unitText({...slide, blocks: writtenOrder(block).map(each => each.block)}, unit - before);
			}

			return block.kind === 'quote' ? `quote: ${quoteInMarks(block)} ${symbols.dash} ${block.speaker}` : undefined;
		}

		before += count;
	}

	return undefined;
}

/** What → shows next: the next bullet or quote of this slide, else the next slide's first lines. */
export function nextStep(deck: Deck, state: NavigationState): {label: string; text: string} {
	const slide = deck.slides[state.index];
	const unit = slide && state.step < slide.units ? unitText(slide, state.step) : undefined;
	if (unit) {
		return {label: `Next ${unit.slice(0, unit.indexOf(':'))}`, text: unit.slice(unit.indexOf(':') + 2)};
	}

	const next = deck.slides[state.index + 1];
	if (!next) {
		return {label: 'Next', text: 'end of deck'};
	}

	const words = firstWords(next);
	return {label: `Next slide (${state.index + 2}/${deck.slides.length})`, text: `${next.title}${words ? ` ${symbols.dash} ${words}` : ''}`};
}

function nextLines(deck: Deck, state: NavigationState, columns: number): Line[] {
	const {label, text} = nextStep(deck, state);
	const head = ` ${label}: `;
	const parts = wrap(text, Math.max(10, columns - textWidth(head) - 1));
	const second = parts.length > 2 ? fit(parts[1] + ' ' + parts.slice(2).join(' '), columns - textWidth(head) - 1) : parts[1];
	const role = text === 'end of deck' ? 'muted' : 'heading';
	return [
		[seg(head, 'accent'), seg(parts[0] ?? '', role)],
		second ? [seg(' '.repeat(textWidth(head)), 'body'), seg(second, role)] : [],
	];
}

/** The size whose body is the presenter view's middle, for the lists laid out there. */
function listSize({columns, rows}: Size): Size {
	return {columns, rows: Math.max(0, rows - topRows - bottomRows) + 4};
}

/** Where the sections menu's list goes on the presenter view. */
export function presenterMenuPlace(size: Size, deck: Deck): MenuPlace {
	return menuPlace(listSize(size), topRows, deck.sections.length);
}

/** The header: where the talk stands (shorter on a narrow view), the link's status at the right when it fits. */
function headerLine(deck: Deck, slide: Slide, state: NavigationState, info: PresenterInfo, columns: number): Line {
	const place = `slide ${state.index + 1}/${deck.slides.length}${stepText(slide, state)}`;
	const long = ` Presenter view · ${place}`;
	const where = textWidth(long) + 12 <= columns ? long : ` ${place}`;
	const status = info.status ? fit(info.status, Math.max(0, columns - textWidth(where) - 3)) + ' ' : '';
	return spread([seg(fit(where, columns), 'title')], [seg(status, 'muted')], columns);
}

/** The reload problem, whole, wrapped: its first line sits under the clock, the rest opens the middle. */
function problemLines(problem: string, columns: number): Line[] {
	return wrap(`■ not reloaded: ${problem}`, Math.max(10, columns - 2)).map(part => [seg(' ', 'body'), seg(part, 'warn')]);
}

/**
Notes over the slide's preview, for views narrower than side by side. The notes come first; the slide
takes what they leave, but never less than a third; on a narrow view the preview is the first thing to
go: it shows only where the notes leave it a few rows.
*/
function stackedBody(slide: Slide, step: number, columns: number, middle: number): Line[] {
	const width = columns - 2;
	const notesWanted = notesBlock(slide, width, Number.MAX_SAFE_INTEGER).length + 1;
	const previewWanted = slideLines(slide, width, step, false, false).length + 1;
	const least = columns < narrow ? 0 : Math.floor(middle / 3);
	let previewRows = Math.max(least, Math.min(previewWanted, middle - notesWanted));
	if (previewRows < 4) {
		// A rule and a line or two of the slide say little: the notes keep those rows.
		previewRows = 0;
	}

	const preview = previewRows > 0 ? [rule(width, 'On the audience screen'), ...previewBlock(slide, width, step, previewRows - 1)] : [];
	const notesRows = middle - preview.length;
	const notes = [rule(width, 'Notes'), ...notesBlock(slide, width, notesRows - 1)];
	return indentLines([...toHeight(notes, notesRows, false), ...preview], 1);
}

/** Notes on the left, the slide's preview on the right. */
function sideBySideBody(slide: Slide, step: number, columns: number, middle: number): Line[] {
	const inner = columns - 2;
	const leftWidth = Math.floor(inner * 0.6) - 2;
	const rightWidth = inner - leftWidth - 3;
	const notes = [rule(leftWidth, 'Notes'), [], ...notesBlock(slide, leftWidth, middle - 2)];
	const preview = [rule(rightWidth, 'On the audience screen'), [], ...previewBlock(slide, rightWidth, step, middle - 2)];
	return indentLines(besides(notes, preview, leftWidth, middle), 1);
}

export function presenterLines(deck: Deck, state: NavigationState, size: Size, info: PresenterInfo): Line[] {
	const slide = deck.slides[state.index];
	if (!slide) {
		return [];
	}

	const {columns} = size;
	const total = Math.max(0, size.rows);
	const problem = state.blank === 'none' && info.problem ? problemLines(info.problem, columns) : [];
	const top: Line[] = [
		headerLine(deck, slide, state, info, columns),
		rule(columns),
		clockLine(state, info, columns),
		state.blank === 'none' ? (problem[0] ?? []) : [seg(fit(` ■ audience screen blanked (${state.blank})`, columns), 'warn')],
	];
	if (state.overlay === 'help') {
		// The key list needs every row: only the header and a hint around it.
		const rows = Math.max(0, total - 4);
		return toHeight([...top.slice(0, 2), ...helpLines({columns, rows}, 'presenter', rows, helpScreen(state)), rule(columns), hintLine(state, columns)], total, false);
	}

	const bottom: Line[] = [rule(columns), ...nextLines(deck, state, columns), hintLine(state, columns)];
	const middle = Math.max(0, total - topRows - bottomRows);
	let body: Line[];
	if (state.overlay === 'menu' || state.overlay === 'overview') {
		// The list in the middle, as on the audience screen (whose body is four rows shorter than its size);
		// the menu's list is ink-select-input's, drawn over the body at `presenterMenuPlace`.
		body = state.overlay === 'menu' ? menuHeading(listSize(size), deck.sections.length) : overviewLines(deck, state, listSize(size));
	} else {
		// The rest of a long reload problem, whole, above the notes (up to half the middle).
		const more = problem.slice(1, Math.floor(middle / 2));
		const rest = middle - more.length - (more.length > 0 ? 1 : 0);
		const notes = columns >= sideBySide ? sideBySideBody(slide, state.step, columns, rest) : stackedBody(slide, state.step, columns, rest);
		body = [...more, ...(more.length > 0 ? [[]] : []), ...notes];
	}

	const lines = [...top, ...toHeight(body, middle, false), ...bottom];
	return toHeight(lines, total, false).map(line => (lineWidth(line) > columns ? [seg(fit(line.map(s => s.text).join(''), columns), 'body')] : line));
}
