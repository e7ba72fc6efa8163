import {type Deck, mostSteps, type Slide} from '../deck/deck.js';
import {helpSections, type HelpScreen, hintParts, type View} from '../model/keymap.js';
import {symbols} from './layout.js';
import {fit, packWords, textWidth, wrap} from '../text/wrap.js';
import {indentLines, type Line, lineWidth, seg, type Segment} from '../text/lines.js';
import {menuHeading, menuPlace, type MenuPlace, overviewLines} from './lists.js';
import {helpScreen, modeOf, type NavigationState} from '../model/navigation.js';
import {
	bodyRows,
	contentWidth,
	deckLook,
	minimumSize,
	type Size,
	slideBody,
	toHeight,
} from './slide-body.js';

export {bodyRows, contentWidth, deckLook, minimumSize, type Size, slideBody, slideLines, type SlideScreen, toHeight} from './slide-body.js';

/**
The whole audience screen as lines, pure, every row of the terminal: header, body, footer; or the
help, the menu, the overview, a blank screen, the too-small notice. The footer has a fixed layout:
the counter and the step counter in fixed-width fields, then the progress bar, whose columns depend
only on the terminal's width, then whatever the moment needs at the right (a typed number, the link
status, the timer, a key hint), cut last.
*/
export type ScreenExtras = {
	/** The timer, at the right of the footer. */
	readonly timer?: string;
	/** The presenter link's status, while it is new. */
	readonly status?: string;
	/** Whether the footer shows its key hint (the first slide's first seconds, no presenter linked). */
	readonly showHints?: boolean;
};

/**
A reload problem as the audience screen shows it: short, never with the file's directories (the
presenter view shows the problem whole). "/home/me/deck.md:9:1: a quote needs its speaker" is
"deck.md not reloaded (line 9)"; a message without a line keeps its words, with the file's name only.
*/
export function audienceMark(problem: string): string {
	const named = problem.replaceAll(/(?:[^\s:/]*\/)+(?=[^\s/])/g, '');
	const placed = /^(.+?):(\d+)(?::\d+)?:\s/.exec(named);
	return placed ? `${placed[1]} not reloaded (line ${placed[2]})` : named;
}

export function spread(left: Line, right: Line, width: number): Line {
	const gap = width - lineWidth(left) - lineWidth(right);
	if (gap < 1) {
		return left;
	}

	return [...left, seg(' '.repeat(gap), 'muted'), ...right];
}

export function progressBar(index: number, count: number, width: number): Line {
	const filled = count <= 1 ? width : Math.round(((index + 1) / count) * width);
	return [seg('━'.repeat(filled), 'progress'), seg('─'.repeat(Math.max(0, width - filled)), 'progressTrack')];
}

function header(deck: Deck, slide: Slide, size: Size): Line[] {
	// A section named as the deck (a one-section deck, a starter deck) would read twice: "Article … Article".
	const section = slide.sectionTitle.trim().toLowerCase() === deck.title.trim().toLowerCase() ? '' : slide.sectionTitle;
	const right = fit(section, Math.floor(size.columns / 2) - 2);
	const left = fit(deck.title, size.columns - textWidth(right) - 4);
	// The padding stays outside the styled text, so an underline starts under the first letter.
	return [
		spread([seg(' ', 'body'), seg(left, 'header')], [seg(right, 'section'), seg(' ', 'body')], size.columns),
		[seg(symbols.rule.repeat(size.columns), 'rule')],
	];
}

/** The footer's fixed columns at a width: where the bar starts, how wide it is. */
export function footerColumns(deck: Deck, columns: number): {counter: number; step: number; barStart: number; barWidth: number} {
	const count = deck.slides.length;
	const counter = textWidth(` ${count}/${count}`);
	const most = mostSteps(deck);
	const step = most > 1 ? textWidth(` · ${most}/${most}`) : 0;
	const barStart = counter + step + 2;
	const barWidth = Math.max(10, Math.min(60, Math.round(columns / 5)));
	return {counter, step, barStart, barWidth};
}

function typedText(state: NavigationState): string {
	if (/^\d+$/.test(state.pending)) {
		return `go to ${state.pending} ↵`;
	}

	return state.pending === 'g' ? 'g, then g' : state.notice;
}

/** The right of the footer: the most important parts that fit, right-aligned. */
function footerRight(parts: ReadonlyArray<Segment | undefined>, width: number): Line {
	const kept: Segment[] = [];
	let used = 0;
	for (const part of parts) {
		if (!part?.text) {
			continue;
		}

		const room = width - used - (kept.length > 0 ? 2 : 0);
		const text = kept.length === 0 ? fit(part.text, room) : part.text;
		if (textWidth(text) > room) {
			continue;
		}

		kept.push(seg(text, part.role));
		used += textWidth(text) + (kept.length > 1 ? 2 : 0);
	}

	return kept.flatMap((part, index) => (index === 0 ? [part] : [seg('  ', 'muted'), part]));
}

/** As many of the hint's parts as fit in `width`, never a cut one. */
function hintThatFits(parts: readonly string[], width: number): string {
	let text = '';
	for (const part of parts) {
		const longer = text ? `${text} · ${part}` : part;
		if (textWidth(longer) > width) {
			break;
		}

		text = longer;
	}

	return text;
}

export function footer(deck: Deck, state: NavigationState, size: Size, hint: readonly string[], extras: ScreenExtras = {}): Line[] {
	const count = deck.slides.length;
	const slide = deck.slides[state.index];
	const {barStart, barWidth} = footerColumns(deck, size.columns);
	const counterText = ` ${state.index + 1}/${count}`;
	const stepText = slide && slide.units > 1 && state.step < slide.units ? ` · ${state.step}/${slide.units}` : '';
	const left: Line = [
		seg(counterText, 'accent'),
		seg(stepText, 'muted'),
		seg(' '.repeat(barStart - textWidth(counterText + stepText)), 'muted'),
		...progressBar(state.index, count, barWidth),
	];
	const room = size.columns - barStart - barWidth - 3;
	const typed = typedText(state);
	// By importance: what the presenter typed, the link, the timer, the key hint (what fits of it).
	const before = [typed, extras.status, extras.timer].filter(Boolean).join('  ');
	const hintText = hintThatFits(hint, room - textWidth(before) - (before ? 2 : 0));
	const right = footerRight(
		[seg(typed, 'warn'), seg(extras.status ?? '', 'muted'), seg(extras.timer ?? '', 'accent'), seg(hintText, 'muted')],
		room,
	);
	return [[seg(symbols.rule.repeat(size.columns), 'rule')], spread(left, [...right, seg(' ', 'body')], size.columns)];
}

/** A label's column is never narrower than this: a column of help must hold its widest key name and it. */
const helpLabelWidth = 10;

function widestKeyName(view: View, screen: HelpScreen): number {
	return Math.max(...helpSections(view, screen).flatMap(section => section.rows.flatMap(row => row.names.map(name => textWidth(name)))));
}

function helpColumn(view: View, width: number, screen: HelpScreen): Line[] {
	const sections = helpSections(view, screen).filter(section => section.rows.length > 0);
	const all = sections.flatMap(section => section.rows);
	// The keys' column: every row's keys on one line where that leaves the labels room, never narrower than a name.
	const keysWidth = Math.max(widestKeyName(view, screen), Math.min(Math.floor(width * 0.45), Math.max(...all.map(row => textWidth(row.keys)))));
	const lines: Line[] = [];
	for (const section of sections) {
		lines.push(...(lines.length > 0 ? [[]] : []), ...wrap(section.title, width).map(part => [seg(part, 'heading')]));
		for (const row of section.rows) {
			const keyParts = packWords(row.names, keysWidth);
			const labelParts = wrap(row.label, Math.max(helpLabelWidth, width - keysWidth - 2));
			for (let i = 0; i < Math.max(keyParts.length, labelParts.length); i++) {
				const keys = keyParts[i] ?? '';
				lines.push([seg(keys + ' '.repeat(keysWidth - textWidth(keys) + 2), 'key'), seg(labelParts[i] ?? '', 'body')]);
			}
		}
	}

	return lines;
}

/** At most `rows` lines: the blank lines between sections go first, then a mark says what is left out. */
function helpThatFits(lines: readonly Line[], rows: number, width: number): Line[] {
	const dense = lines.length > rows ? lines.filter(line => line.length > 0) : [...lines];
	// Below 80x24 the help may not hold every key: say so rather than cut silently.
	return dense.length > rows ? [...dense.slice(0, Math.max(0, rows - 1)), [seg(fit('▼ more in a bigger window', width), 'muted')]] : dense;
}

/**
The help of one screen (the slides, the menu, the overview): its keys, from the key table, beside
what they do. Where one column is longer than the screen, two side by side, where each holds a key
name and its label; where even two are not enough, the blank lines between sections go, then a mark
says there are more keys.
*/
export function helpLines(size: Size, view: View = 'audience', rows = bodyRows(size), screen: HelpScreen = 'slides'): Line[] {
	const width = Math.min(contentWidth(size), size.columns - 4);
	const margin = Math.max(2, Math.floor((size.columns - width) / 2));
	const one = helpColumn(view, width, screen);
	const half = Math.floor((width - 3) / 2);
	if (one.length + 1 <= rows || half < widestKeyName(view, screen) + 2 + helpLabelWidth) {
		return indentLines(toHeight(helpThatFits(one.length + 1 <= rows ? [[], ...one] : one, rows, width), rows, false), margin);
	}

	const lines = helpThatFits(helpColumn(view, half, screen), rows * 2, half);
	const split = Math.ceil(lines.length / 2) <= rows ? Math.ceil(lines.length / 2) : rows;
	// Break between sections where one is near.
	const blank = lines.slice(0, split + 1).findLastIndex((line, index) => line.length === 0 && index >= split - 3);
	const at = blank > 0 ? blank : split;
	const left = lines.slice(0, at);
	const right = lines.slice(at).filter((line, index) => index > 0 || line.length > 0);
	const columns = Array.from({length: Math.min(rows, Math.max(left.length, right.length))}, (_, row) => {
		const l = left[row] ?? [];
		return [...l, seg(' '.repeat(Math.max(0, half - lineWidth(l)) + 3), 'body'), ...(right[row] ?? [])];
	});
	return indentLines(toHeight(columns, rows, false), margin);
}

export function tooSmallLines(size: Size, needs: Size, where: string): Line[] {
	const message = [
		'Terminal too small',
		`now ${size.columns}x${size.rows}, this slide needs ${needs.columns}x${needs.rows}`,
		'Enlarge the window or make the font smaller.',
		where,
	];
	const lines: Line[] = message.flatMap((text, index) =>
		wrap(text, Math.max(1, size.columns)).map(part => {
			const pad = Math.max(0, Math.floor((size.columns - textWidth(part)) / 2));
			return [seg(' '.repeat(pad) + part, index === 0 ? 'warn' : 'body')];
		}),
	);
	return toHeight(lines, Math.max(0, size.rows), true).map(line =>
		lineWidth(line) > size.columns ? [seg(fit((line[0]?.text ?? '').trim(), size.columns), 'body')] : line,
	);
}

/** A blank screen: every cell of the terminal in black or white. */
export function blankLines(size: Size, color: 'black' | 'white'): Line[] {
	const row = seg(' '.repeat(Math.max(0, size.columns)), color === 'black' ? 'blackout' : 'whiteout');
	return Array.from({length: Math.max(0, size.rows)}, () => [row]);
}

/** The body's first row, under the header and its rule. */
const bodyTop = 2;

/** Where the sections menu's list goes on the audience screen. */
export function menuPlaceOnScreen(size: Size, deck: Deck): MenuPlace {
	return menuPlace(size, bodyTop, deck.sections.length);
}

/** Everything but the body: the header over it and the footer under it. */
export function frameLines(
	deck: Deck,
	state: NavigationState,
	size: Size,
	body: readonly Line[],
	hint: readonly string[],
	extras: ScreenExtras = {},
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

/** Whether the title slide shows its title in big letters at this size (`deckLook`). */
export function deckHasBigOpening(deck: Deck, size: Size): boolean {
	return deckLook(deck, size).bigOpening;
}

/** The whole audience screen in any mode. */
export function screenLines(deck: Deck, state: NavigationState, size: Size, extras: ScreenExtras = {}): Line[] {
	const slide = deck.slides[state.index];
	if (!slide) {
		return [];
	}

	const mode = modeOf(state);
	if (mode === 'blank') {
		return blankLines(size, state.blank === 'white' ? 'white' : 'black');
	}

	const where = `slide ${state.index + 1}/${deck.slides.length}`;
	if (isTooSmall(size)) {
		return tooSmallLines(size, minimumSize, where);
	}

	const hint = mode === 'slides' && !extras.showHints ? [] : hintParts(mode);
	if (mode === 'help') {
		return frameLines(deck, state, size, helpLines(size, 'audience', bodyRows(size), helpScreen(state)), hint, extras);
	}

	if (mode === 'menu' || mode === 'overview') {
		// The menu's list is ink-select-input's, drawn over the body at `menuPlaceOnScreen`.
		const lines = mode === 'menu' ? menuHeading(size, deck.sections.length) : overviewLines(deck, state, size);
		return frameLines(deck, state, size, lines, hint, extras);
	}

	const body = slideBody(slide, state.step, size, {showNotes: state.showNotes, look: deckLook(deck, size), isRevealing: state.isRevealing});
	if (body.needs) {
		return tooSmallLines(size, body.needs, where);
	}

	return frameLines(deck, state, size, body.lines, hint, extras);
}
