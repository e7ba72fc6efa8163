import type {Deck, Slide} from '../deck/deck.js';
import {formatParagraphs} from '../deck/deck.js';
import {helpRows} from '../show/keymap.js';
import {canDrawBig, drawBig, wrapBig} from './big-text.js';
import {indentLines, type Line, layoutBlocks, lineWidth, seg, symbols, textWidth, wrap} from './layout.js';
import {modeOf, type NavigationState} from '../show/navigation.js';

/**
The whole screen as lines, pure: header, body, footer, every row of the terminal (the frame writer
paints by absolute position with auto-wrap off, so the last row is as usable as any).
*/
export type Size = {readonly columns: number; readonly rows: number};

/** Below this the frame itself cannot be drawn. */
export const minimumSize: Size = {columns: 60, rows: 16};

/** Rows above the body: the header and its rule. */
export const headerRows = 2;

/** Rows the frame uses around the body: header and rule, rule and footer. */
const chromeRows = headerRows + 2;

export type FrameExtras = {
	/** Shown at the right of the footer, for example the timer. */
	readonly footerRight?: string;
	/** A short status (presenter link), shown in the footer. */
	readonly status?: string;
};

export function fit(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}

	const chars = [...text];
	return chars.length <= width ? text : chars.slice(0, Math.max(0, width - 1)).join('') + '…';
}

export function spread(left: Line, right: Line, width: number): Line {
	const gap = width - lineWidth(left) - lineWidth(right);
	if (gap < 1) {
		return left;
	}

	return [...left, seg(' '.repeat(gap), 'muted'), ...right];
}

function isRoomy(size: Size): boolean {
	return size.columns >= 120 && size.rows >= 36;
}

export function contentWidth(size: Size, roomy = isRoomy(size)): number {
	return roomy ? Math.min(size.columns - 8, 120) : Math.min(size.columns - 4, 96);
}

export function bodyRows(size: Size): number {
	return Math.max(0, size.rows - chromeRows);
}

/** How a slide's title is drawn: big letters on a projector-sized terminal, else a line of text. */
export type TitleStyle = 'big' | 'text';

/** Big letters are used for titles that fit in this many big lines. */
const mostBigTitleLines = 2;

function textTitle(title: string, width: number, roomy: boolean): Line[] {
	const lines: Line[] = wrap(title, width).map(text => [seg(text, 'heading')]);
	if (roomy) {
		lines.push([seg(symbols.rule.repeat(Math.min(width, Math.max(...lines.map(lineWidth)))), 'rule')]);
	}

	return lines;
}

/** The title in big letters, or undefined when it would take more than two big lines. */
function bigTitle(title: string, width: number): Line[] | undefined {
	const big = canDrawBig(title) ? wrapBig(title, width) : undefined;
	if (!big || big.length > mostBigTitleLines) {
		return undefined;
	}

	return big.flatMap((part, index) => [...(index > 0 ? [[]] : []), ...drawBig(part).map(row => [seg(row, 'heading')])]);
}

function withBody(slide: Slide, title: readonly Line[], width: number, step: number, roomy: boolean): Line[] {
	const lines: Line[] = [...title, [], ...layoutBlocks(slide.blocks, {width, step, isRoomy: roomy})];
	const cite = formatParagraphs(slide.paragraphs);
	if (cite) {
		lines.push([], [seg(' '.repeat(Math.max(0, width - textWidth(cite))) + cite, 'cite')]);
	}

	return lines;
}

/** The slide's own lines: title, blocks up to the reveal step, the paragraph citation. */
export function slideLines(slide: Slide, width: number, step: number, roomy: boolean): Line[] {
	return withBody(slide, textTitle(slide.title, width, roomy), width, step, roomy);
}

/** The same with the title in big letters; undefined when the title is too long for them. */
export function bigTitleSlideLines(slide: Slide, width: number, step: number): Line[] | undefined {
	const title = bigTitle(slide.title, width);
	return title ? withBody(slide, title, width, step, true) : undefined;
}

function notesLines(slide: Slide, width: number, most: number): Line[] {
	const text = wrap(slide.notes || '(no notes for this slide)', width - 7);
	const lines: Line[] = text.map((part, index) => [seg(index === 0 ? 'Notes  ' : '       ', 'accent'), seg(part, 'body')]);
	if (lines.length > most) {
		const kept = lines.slice(0, Math.max(1, most));
		kept[kept.length - 1] = [...(kept.at(-1) ?? []), seg(' …', 'muted')];
		return kept;
	}

	return lines;
}

export function progressBar(index: number, count: number, width: number): Line {
	const filled = count <= 1 ? width : Math.round(((index + 1) / count) * width);
	return [seg('━'.repeat(filled), 'progress'), seg('─'.repeat(Math.max(0, width - filled)), 'progressTrack')];
}

function header(deck: Deck, slide: Slide, size: Size): Line[] {
	const right = fit(slide.sectionTitle, Math.floor(size.columns / 2) - 2);
	const left = fit(deck.title, size.columns - textWidth(right) - 4);
	return [
		spread([seg(' ' + left, 'title')], [seg(right + ' ', 'section')], size.columns),
		[seg(symbols.rule.repeat(size.columns), 'rule')],
	];
}

export function footer(deck: Deck, state: NavigationState, size: Size, hint: string, extras: FrameExtras = {}): Line[] {
	const count = deck.slides.length;
	const slide = deck.slides[state.index];
	const counter = ` ${state.index + 1}/${count}`;
	const stepText = slide && slide.units > 1 && state.step < slide.units ? ` · ${state.step}/${slide.units}` : '';
	const pending = /^\d+$/.test(state.pending) ? `  go to ${state.pending}…` : state.pending === 'g' ? '  g…' : '';
	const rightParts = [extras.status, extras.footerRight, hint].filter(Boolean).join('  ');
	const right = fit(rightParts, Math.max(0, size.columns - 30)) + ' ';
	const barWidth = Math.max(4, Math.min(30, size.columns - textWidth(counter + stepText + pending) - textWidth(right) - 4));
	const left: Line = [
		seg(counter, 'accent'),
		seg(stepText, 'muted'),
		seg('  ', 'muted'),
		...progressBar(state.index, count, barWidth),
		seg(pending, 'warn'),
	];
	return [[seg(symbols.rule.repeat(size.columns), 'rule')], spread(left, [seg(right, 'muted')], size.columns)];
}

/** Pads or cuts a body to exactly `rows` lines. */
export function toHeight(lines: readonly Line[], rows: number, center: boolean): Line[] {
	if (lines.length >= rows) {
		return lines.slice(0, rows);
	}

	const spare = rows - lines.length;
	const top = center ? Math.floor(spare / 2) : 0;
	return [...Array.from({length: top}, () => []), ...lines, ...Array.from({length: spare - top}, () => [])];
}

export type SlideScreen = {
	readonly lines: Line[];
	/** Set when the slide cannot be shown at this size: the size it needs. */
	readonly needs?: Size;
};

/** The body area of a slide at this size, or what size it would need. */
export function slideBody(
	slide: Slide,
	step: number,
	size: Size,
	options: {readonly showNotes?: boolean} = {},
): SlideScreen {
	const rows = bodyRows(size);
	// From the most generous layout to the tightest: big title and air (a section's first slide), then
	// air, then compact.
	const layouts: ReadonlyArray<{roomy: boolean; style: TitleStyle}> = isRoomy(size)
		? [
				...(slide.opensSection ? [{roomy: true, style: 'big' as const}] : []),
				{roomy: true, style: 'text'},
				{roomy: false, style: 'text'},
			]
		: [{roomy: false, style: 'text'}];
	for (const {roomy, style} of layouts) {
		const width = contentWidth(size, roomy);
		const margin = Math.max(2, Math.floor((size.columns - width) / 2));
		const content = style === 'big' ? bigTitleSlideLines(slide, width, step) : slideLines(slide, width, step, roomy);
		if (!content) {
			continue;
		}

		const notes = options.showNotes ? notesLines(slide, width, Math.max(3, Math.floor(rows / 3))) : [];
		const notesBlock: Line[] = notes.length > 0 ? [[seg(symbols.rule.repeat(width), 'rule')], ...notes] : [];
		const contentRows = rows - notesBlock.length;
		const top = roomy ? 0 : 1;
		if (content.length + top <= contentRows) {
			const body = toHeight([...Array.from({length: top}, () => []), ...content], contentRows, roomy);
			return {lines: indentLines([...body, ...notesBlock], margin)};
		}

		if (!roomy) {
			return {
				lines: [],
				needs: {
					columns: Math.max(minimumSize.columns, size.columns),
					rows: Math.max(minimumSize.rows, content.length + top + notesBlock.length + chromeRows),
				},
			};
		}
	}

	return {lines: []};
}

export function helpLines(size: Size): Line[] {
	const rows = helpRows('slides');
	const keysWidth = Math.min(24, Math.max(...rows.map(row => textWidth(row.keys))));
	const width = contentWidth(size);
	const lines: Line[] = [[seg('Keys', 'heading')], []];
	for (const row of rows) {
		const keyParts = wrap(row.keys, keysWidth);
		const labelParts = wrap(row.label, Math.max(10, width - keysWidth - 3));
		for (let i = 0; i < Math.max(keyParts.length, labelParts.length); i++) {
			const keys = keyParts[i] ?? '';
			lines.push([seg(keys + ' '.repeat(keysWidth - textWidth(keys) + 3), 'key'), seg(labelParts[i] ?? '', 'body')]);
		}
	}

	const margin = Math.max(2, Math.floor((size.columns - width) / 2));
	return indentLines(toHeight(lines, bodyRows(size), false), margin);
}

export function tooSmallLines(size: Size, needs: Size, where: string): Line[] {
	const message = [
		'Terminal too small',
		`now ${size.columns}x${size.rows}, this slide needs ${needs.columns}x${needs.rows}`,
		'Enlarge the window or make the font smaller.',
		where,
	];
	const rows = Math.max(0, size.rows);
	const lines: Line[] = message.flatMap((text, index) =>
		wrap(text, Math.max(1, size.columns)).map(part => {
			const pad = Math.max(0, Math.floor((size.columns - textWidth(part)) / 2));
			return [seg(' '.repeat(pad) + part, index === 0 ? 'warn' : 'body')];
		}),
	);
	return toHeight(lines, rows, true).map(line => (lineWidth(line) > size.columns ? [seg(fit((line[0]?.text ?? '').trim(), size.columns), 'body')] : line));
}

/** Everything but the body: the header over it and the footer under it. */
export function frameLines(
	deck: Deck,
	state: NavigationState,
	size: Size,
	body: readonly Line[],
	hint: string,
	extras: FrameExtras = {},
): Line[] {
	const slide = deck.slides[state.index];
	if (!slide) {
		return [];
	}

	return [...header(deck, slide, size), ...toHeight(body, bodyRows(size), false), ...footer(deck, state, size, hint, extras)];
}

export function isTooSmall(size: Size): boolean {
	return size.columns < minimumSize.columns || size.rows < minimumSize.rows;
}

/** The footer's key hint in each mode. */
export const hints = {
	slides: '? help · m sections · q quit',
	help: 'Esc or ? close · q quit',
	menu: 'Enter go · Esc close',
	overview: 'Enter go · Esc close',
	blank: 'any key returns',
} as const;

/** The whole screen for the slides and help modes (the menu and overview draw their list over it). */
export function screenLines(deck: Deck, state: NavigationState, size: Size, status: string | undefined, timer: string | undefined): Line[] {
	const slide = deck.slides[state.index];
	if (!slide) {
		return [];
	}

	const where = `slide ${state.index + 1}/${deck.slides.length}`;
	if (isTooSmall(size)) {
		return tooSmallLines(size, minimumSize, where);
	}

	const mode = modeOf(state);
	const extras = {...(status ? {status} : {}), ...(timer ? {footerRight: timer} : {})};
	if (mode === 'help') {
		return frameLines(deck, state, size, helpLines(size), hints.help, extras);
	}

	const body = slideBody(slide, state.step, size, {showNotes: state.showNotes});
	if (body.needs) {
		return tooSmallLines(size, body.needs, where);
	}

	return frameLines(deck, state, size, body.lines, hints.slides, extras);
}
