import type {Deck, Slide} from '../deck/deck.js';
import {formatElapsed} from '../show/hooks/use-clock.js';
import {indentLines, type Line, lineWidth, seg, type Segment, symbols, textWidth, wrap} from './layout.js';
import type {NavigationState} from '../show/navigation.js';
import {paceAt, paceText, type Plan} from './pace.js';
import {fit, helpLines, slideLines, spread, toHeight, type Size} from './screen.js';

/**
The presenter view's screen as lines, pure: the notes big, the slide small, the next title, where
the talk stands (slide, step, elapsed, wall clock, pace) and whether the audience screen is blanked.
Every row of the terminal, like the audience frame.
*/
export type PresenterInfo = {
	/** Milliseconds since the timer started. */
	readonly elapsed: number;
	/** The wall clock, HH:MM. */
	readonly wall: string;
	readonly plan?: Plan;
	readonly status?: string;
	/** Why the deck file could not be read again (live reload): a line of its own, until it reads. */
	readonly problem?: string;
};

/** From this width the notes and the slide sit side by side. */
const sideBySide = 120;

/** Rows above the middle (header, rule, clock, blank notice) and below it (rule, next, hint). */
const topRows = 4;
const bottomRows = 3;

function rule(width: number, label = ''): Line {
	if (!label) {
		return [seg(symbols.rule.repeat(Math.max(0, width)), 'rule')];
	}

	const text = ` ${label} `;
	return [seg(symbols.rule.repeat(2), 'rule'), seg(text, 'accent'), seg(symbols.rule.repeat(Math.max(0, width - 2 - textWidth(text))), 'rule')];
}

/** Cuts to `rows`, marking the cut so the presenter knows there is more. */
function clip(lines: readonly Line[], rows: number): Line[] {
	if (lines.length <= rows) {
		return [...lines];
	}

	const kept = lines.slice(0, Math.max(0, rows));
	if (kept.length > 0) {
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

/** The slide as the audience sees it, at a narrower width and cut to the rows there are. */
export function previewBlock(slide: Slide, width: number, step: number, rows: number): Line[] {
	return clip(slideLines(slide, width, step, false), rows);
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

function clockLine(state: NavigationState, info: PresenterInfo, columns: number): Line {
	const left: Segment[] = [seg(' ', 'body'), seg(formatElapsed(info.elapsed), 'accent'), seg(' elapsed', 'muted')];
	if (info.plan) {
		const pace = paceAt(info.plan, state.index, info.elapsed);
		left.push(
			seg(` of ${formatElapsed(info.plan.duration)}`, 'muted'),
			seg('  ·  ', 'muted'),
			seg(paceText(pace), pace.kind === 'behind' ? 'warn' : 'accent'),
		);
	}

	return spread(left, [seg('clock ', 'muted'), seg(info.wall + ' ', 'accent')], columns);
}

function hintLine(state: NavigationState, columns: number): Line {
	const typed = /^\d+$/.test(state.pending) ? `go to ${state.pending}…  ` : state.pending === 'g' ? 'g…  ' : '';
	const hint = state.blank === 'none' ? '→ next · ← back · b blank audience · ? help · q quit' : 'any key brings the audience screen back';
	return [seg(' ', 'body'), seg(typed, 'warn'), seg(fit(hint, Math.max(0, columns - 2 - textWidth(typed))), 'muted')];
}

export function presenterLines(deck: Deck, state: NavigationState, size: Size, info: PresenterInfo): Line[] {
	const slide = deck.slides[state.index];
	if (!slide) {
		return [];
	}

	const {columns} = size;
	const total = Math.max(0, size.rows);
	const count = deck.slides.length;
	const where = ` Presenter view · slide ${state.index + 1}/${count}${stepText(slide, state)}`;
	const status = info.status ? fit(info.status, Math.max(0, columns - textWidth(where) - 3)) + ' ' : '';
	const top: Line[] = [
		spread([seg(fit(where, columns), 'title')], [seg(status, 'muted')], columns),
		rule(columns),
		clockLine(state, info, columns),
		state.blank === 'none'
			? info.problem
				? [seg(fit(` ■ not reloaded: ${info.problem}`, columns), 'warn')]
				: []
			: [seg(fit(` ■ audience screen blanked (${state.blank})`, columns), 'warn')],
	];
	if (state.overlay === 'help') {
		// The key list needs every row: only the header and a hint around it.
		const rows = Math.max(0, total - 4);
		const hint: Line = [seg(' Esc or ? close · q quit', 'muted')];
		return toHeight([...top.slice(0, 2), ...helpLines({columns, rows: rows + 4}), rule(columns), hint], total, false);
	}

	const next = deck.slides[state.index + 1];
	const nextText = next ? `Next (${state.index + 2}/${count}): ${next.title}` : 'Next: end of deck';
	const bottom: Line[] = [rule(columns), [seg(fit(' ' + nextText, columns), next ? 'heading' : 'muted')], hintLine(state, columns)];
	const middle = Math.max(0, total - topRows - bottomRows);
	let body: Line[];
	if (columns >= sideBySide) {
		const inner = columns - 2;
		const leftWidth = Math.floor(inner * 0.6) - 2;
		const rightWidth = inner - leftWidth - 3;
		const notes = [rule(leftWidth, 'Notes'), [], ...notesBlock(slide, leftWidth, middle - 2)];
		const preview = [rule(rightWidth, 'On the audience screen'), [], ...previewBlock(slide, rightWidth, state.step, middle - 2)];
		body = indentLines(besides(notes, preview, leftWidth, middle), 1);
	} else {
		const width = columns - 2;
		// The notes come first; the slide takes what they leave, but never less than a third.
		const notesWanted = notesBlock(slide, width, Number.MAX_SAFE_INTEGER).length + 1;
		const previewWanted = slideLines(slide, width, state.step, false).length + 1;
		const previewRows = Math.max(Math.floor(middle / 3), Math.min(previewWanted, middle - notesWanted));
		const preview = [rule(width, 'On the audience screen'), ...previewBlock(slide, width, state.step, previewRows - 1)];
		const notesRows = middle - preview.length;
		const notes = [rule(width, 'Notes'), ...notesBlock(slide, width, notesRows - 1)];
		body = indentLines([...toHeight(notes, notesRows, false), ...preview], 1);
	}

	const lines = [...top, ...toHeight(body, middle, false), ...bottom];
	return toHeight(lines, total, false).map(line => (lineWidth(line) > columns ? [seg(fit(line.map(s => s.text).join(''), columns), 'body')] : line));
}
