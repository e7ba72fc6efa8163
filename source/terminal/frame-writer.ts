import type {Line} from '../text/lines.js';
import type {Role, RoleStyle, Theme} from '../text/theme.js';
import {graphemes, isNarrowText} from '../text/cells.js';
import {sgrMarksSpace, splitSgr, type StyledRow} from '../text/sgr.js';

/**
The one painter of the screen. A frame has two layers, composed cell by cell:
- the lines: the laid-out slide, help, presenter or notice screen (layout.ts, screen.ts), each segment
  in its theme role;
- Ink's frame: what Ink rendered into the frame sink (the menu, the blank screens), as text with SGR
  codes, split into cells (sgr.ts). Where Ink drew something (a character, or a space with a background)
  its cell is shown; a blank cell of Ink's shows the line beneath.
A cell is a terminal column (text/cells.ts): a grapheme one column wide takes one, a wide one (a Chinese
character, an emoji) takes two, a cell and its continuation (''), and one with no width (a combining
mark alone) joins the cell before it. A wide grapheme that would straddle the right edge is a space.
The composed frame is compared with what was painted last and only the cells that differ are written,
with absolute cursor positions: a slide change writes the cells that change, a timer tick the clock's
digits. Every row is used, the last one too (the terminal session turns auto-wrap off, so the
bottom-right cell never scrolls the screen). Writes go through `write`, which the terminal session
owns; this module never touches a stream.
*/
export type FrameWriter = {
	/** Sets either layer (or both) and paints once, after the current task's synchronous work. */
	readonly show: (layers: FrameLayers) => void;
	/** Paints now what differs from the last paint. */
	readonly paint: () => void;
	/** The screen is unknown (the shell had it): the next paint is a whole one. */
	readonly invalidate: () => void;
	/** Paints in another theme from now on (the auto theme, once the terminal said its background): a whole paint. */
	readonly setTheme: (theme: Theme) => void;
	/** The composed frame as text rows, trailing blanks cut: what a person sees. */
	readonly text: () => string[];
};

export type FrameLayers = {
	readonly lines?: readonly Line[];
	/** Ink's frame as Ink writes it: rows separated by newlines, SGR codes in them. */
	readonly ink?: string;
};

export type FrameWriterOptions = {
	readonly theme: Theme;
	readonly write: (text: string) => void;
	readonly size: () => {readonly columns: number; readonly rows: number};
	/** False when the terminal gets no SGR at all (FORCE_COLOR=0, TERM=dumb), as Ink's chalk would. */
	readonly hasStyles: boolean;
};

const esc = '\u001B[';
const beginSynchronized = '\u001B[?2026h';
const endSynchronized = '\u001B[?2026l';
/** Paints longer than this (in characters) are wrapped in synchronized output. */
const synchronizeAbove = 256;
const reset = `${esc}0m`;

const colorCodes: Record<string, number> = {
	black: 30,
	red: 31,
	green: 32,
	yellow: 33,
	blue: 34,
	magenta: 35,
	cyan: 36,
	white: 37,
	gray: 90,
	grey: 90,
	blackBright: 90,
	redBright: 91,
	greenBright: 92,
	yellowBright: 93,
	blueBright: 94,
	magentaBright: 95,
	cyanBright: 96,
	whiteBright: 97,
};

function colorCode(color: string, background: boolean): string | undefined {
	const named = colorCodes[color];
	if (named !== undefined) {
		return String(background ? named + 10 : named);
	}

	const hex = /^#([\da-f]{2})([\da-f]{2})([\da-f]{2})$/i.exec(color);
	if (hex) {
		return `${background ? 48 : 38};2;${hex.slice(1).map(part => Number.parseInt(part, 16)).join(';')}`;
	}

	return undefined;
}

/** A theme style as a canonical SGR parameter list ('1;36'; '' for none), the form sgr.ts gives Ink's cells. */
export function styleParams(style: RoleStyle): string {
	const codes: string[] = [];
	for (const [flag, code] of [
		[style.bold, '1'],
		[style.dimColor, '2'],
		[style.italic, '3'],
		[style.underline, '4'],
		[style.inverse, '7'],
	] as const) {
		if (flag) {
			codes.push(code);
		}
	}

	for (const code of [style.color && colorCode(style.color, false), style.backgroundColor && colorCode(style.backgroundColor, true)]) {
		if (code) {
			codes.push(code);
		}
	}

	return codes.join(';');
}

/** The SGR sequence that sets exactly this style (from a reset), on the theme's page when one is given. */
export function styleSequence(style: RoleStyle, page: RoleStyle = {}): string {
	const params = onPage(styleParams(style), page);
	return params ? `${esc}0;${params}m` : reset;
}

/** One screen row as cells: a grapheme ('' for the right half of a wide one) and a style number (0 = blank, unstyled). */
type Row = {readonly key: string; readonly chars: string[]; readonly styles: number[]};

const emptyRow: Row = {key: '', chars: [], styles: []};

/** Spans of unchanged cells shorter than this are rewritten rather than jumped over. */
const jumpCost = 8;

/** Styles by number: the sequence that sets each and whether a space in it shows. */
type Styles = {
	readonly idOf: (params: string) => number;
	readonly roleId: (role: Role) => number;
	readonly sequence: (id: number) => string;
	readonly marksSpace: (id: number) => boolean;
	/** The page's SGR parameters ('' for none): the pen of every blank cell. */
	readonly page: string;
};

/** Whether an SGR parameter list sets a foreground and a background colour. */
function coloursSet(params: string): {fg: boolean; bg: boolean} {
	const codes = params ? params.split(';').map(Number) : [];
	const set = {fg: false, bg: false};
	for (let at = 0; at < codes.length; at++) {
		const code = codes[at]!;
		if (code === 38 || code === 48) {
			set[code === 38 ? 'fg' : 'bg'] = true;
			at += codes[at + 1] === 2 ? 4 : 2;
		} else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) {
			set.fg = true;
		} else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) {
			set.bg = true;
		}
	}

	return set;
}

/**
A style over the theme's page: the page's foreground and background wherever the style sets none, so
every cell painted (and every cell erased, which takes the pen's background) is in the theme's colours.
*/
function onPage(params: string, page: RoleStyle): string {
	const set = coloursSet(params);
	const {color, ...background} = page;
	const fill = [set.fg || !color ? '' : styleParams({color}), set.bg ? '' : styleParams(background)];
	return [params, ...fill].filter(Boolean).join(';');
}

function createStyles(theme: Theme, hasStyles: boolean): Styles {
	const ids = new Map<string, number>([['', 0]]);
	const page = hasStyles ? onPage('', theme.page) : '';
	// The blank cell (style 0) is the page: an erase in it fills with the page's background.
	const sequences = [page ? `${esc}0;${page}m` : reset];
	const marks = [false];
	const roles = new Map<Role, number>();
	const idOf = (params: string): number => {
		const key = hasStyles ? params : '';
		let id = ids.get(key);
		if (id === undefined) {
			id = sequences.length;
			ids.set(key, id);
			sequences.push(`${esc}0;${onPage(key, theme.page)}m`);
			// A space shows only where it differs from the page: its own background, inverse, a line.
			marks.push(sgrMarksSpace(key));
		}

		return id;
	};

	return {
		idOf,
		roleId(role) {
			let id = roles.get(role);
			if (id === undefined) {
				id = idOf(styleParams(theme.roles[role]));
				roles.set(role, id);
			}

			return id;
		},
		sequence: id => (hasStyles ? sequences[id]! : ''),
		marksSpace: id => marks[id]!,
		page,
	};
}

function lineKey(line: Line): string {
	let key = '';
	for (const segment of line) {
		key += `${segment.sgr ?? segment.role}\u0000${segment.text}\u0001`;
	}

	return key;
}

/** Trailing blanks are not painted: a blank cell is what an erased cell is. */
function trimRow(key: string, chars: string[], styles: number[]): Row {
	let end = chars.length;
	while (end > 0 && chars[end - 1] === ' ' && styles[end - 1] === 0) {
		end--;
	}

	chars.length = end;
	styles.length = end;
	return {key, chars, styles};
}

/** Pushes a character in a style; a space in a style where spaces do not show is a blank cell. */
function pushCell(chars: string[], styles: number[], char: string, style: number, all: Styles): void {
	chars.push(char);
	styles.push(char === ' ' && !all.marksSpace(style) ? 0 : style);
}

/** Text as cells (a grapheme and its width): a character each for narrow text, without the segmenter. */
function textCells(text: string): ReadonlyArray<{readonly text: string; readonly width: number}> {
	return isNarrowText(text) ? Array.from(text, char => ({text: char, width: 1})) : graphemes(text);
}

/** Pushes `text` in a style from the row's end, up to `columns`; false once the row is full. */
function pushText(chars: string[], styles: number[], text: string, style: number, columns: number, all: Styles): boolean {
	if (isNarrowText(text)) {
		// A cell a character (the common case, every key: no cell objects made).
		for (let index = 0; index < text.length; index++) {
			if (chars.length >= columns) {
				return false;
			}

			pushCell(chars, styles, text[index]!, style, all);
		}

		return true;
	}

	for (const cell of graphemes(text)) {
		if (cell.width === 0) {
			// A mark or a zero-width character with nothing to join before it on this row is left out.
			if (chars.length > 0) {
				chars[chars.length - (chars.at(-1) === '' ? 2 : 1)] += cell.text;
			}

			continue;
		}

		if (chars.length + cell.width > columns) {
			if (chars.length < columns) {
				pushCell(chars, styles, ' ', style, all);
			}

			return false;
		}

		pushCell(chars, styles, cell.text, style, all);
		for (let more = 1; more < cell.width; more++) {
			chars.push('');
			styles.push(style);
		}
	}

	return true;
}

function lineRow(line: Line, columns: number, all: Styles): Row {
	const chars: string[] = [];
	const styles: number[] = [];
	for (const segment of line) {
		const style = segment.sgr === undefined ? all.roleId(segment.role) : all.idOf(segment.sgr);
		if (!pushText(chars, styles, segment.text, style, columns, all)) {
			break;
		}
	}

	return trimRow(lineKey(line), chars, styles);
}

/** Sets cell x (and those after it for a wide grapheme), turning the rest of a wide grapheme it covers in part into spaces. */
function setCell(chars: string[], styles: number[], x: number, cell: {readonly text: string; readonly width: number}, style: number, all: Styles): void {
	while (chars.length < x + cell.width) {
		pushCell(chars, styles, ' ', 0, all);
	}

	for (let before = x; before > 0 && chars[before] === ''; before--) {
		chars[before - 1] = ' ';
	}

	for (let after = x + cell.width; chars[after] === ''; after++) {
		chars[after] = ' ';
	}

	chars[x] = cell.text;
	styles[x] = style;
	for (let more = 1; more < cell.width; more++) {
		chars[x + more] = '';
		styles[x + more] = style;
	}
}

/** Ink's row over the line's row: Ink's cell where it drew something, the line's elsewhere. */
function overlay(base: Row, ink: StyledRow, inkKey: string, columns: number, all: Styles): Row {
	const chars = [...base.chars];
	const styles = [...base.styles];
	let x = 0;
	for (const run of ink) {
		const style = all.idOf(run.sgr);
		for (const cell of textCells(run.text)) {
			if (x + cell.width > columns) {
				break;
			}

			if (cell.width > 0 && (cell.text !== ' ' || all.marksSpace(style))) {
				setCell(chars, styles, x, cell, style, all);
			}

			x += cell.width;
		}
	}

	return trimRow(`${base.key}\u0002${inkKey}`, chars, styles);
}

/** Writes cells [from, to) of `row` at screen row `y`; `eraseAfter` erases the rest of the line. */
function span(out: string[], y: number, row: Row, range: {from: number; to: number; eraseAfter: boolean}, pen: {style: number}, all: Styles) {
	const {to, eraseAfter} = range;
	// The right half of a wide grapheme is written with its left half.
	let from = range.from;
	while (from > 0 && row.chars[from] === '') {
		from--;
	}

	out.push(`${esc}${y + 1};${from + 1}H`);
	const setPen = (style: number) => {
		if (style !== pen.style) {
			out.push(all.sequence(style));
			pen.style = style;
		}
	};

	/** An unstyled space (or past the row's end): the same as an erased cell. */
	const isBlank = (at: number) => (row.styles[at] ?? 0) === 0 && (row.chars[at] ?? ' ') === ' ';
	let x = from;
	while (x < to) {
		const style = row.styles[x] ?? 0;
		if (isBlank(x)) {
			let blankEnd = x;
			while (blankEnd < to && isBlank(blankEnd)) {
				blankEnd++;
			}

			const count = blankEnd - x;
			if (blankEnd === to && eraseAfter) {
				break;
			}

			if (count < 6 && !all.marksSpace(pen.style)) {
				// Short gaps go out as spaces in whatever style is on: a space looks the same in it.
				out.push(' '.repeat(count));
			} else if (count >= 6) {
				// Erase characters (ECH) and move over them: no blank padding written.
				setPen(0);
				out.push(`${esc}${count}X${esc}${count}C`);
			} else {
				setPen(0);
				out.push(' '.repeat(count));
			}

			x = blankEnd;
			continue;
		}

		setPen(style);
		const char = row.chars[x] ?? ' ';
		let width = 1;
		while (row.chars[x + width] === '') {
			width++;
		}

		if (isUnsure(char, width)) {
			// Terminals disagree on the width of emoji and of sequences (xterm.js counts 😀 one column, a ZWJ
			// family six): its cells are erased first and the cursor is put after them, so that nothing
			// after it moves whatever the terminal made of it.
			out.push(`${esc}${width}X${char}${esc}${y + 1};${x + width + 1}H`);
		} else {
			out.push(char);
		}

		x += width;
	}

	if (eraseAfter) {
		setPen(0);
		out.push(`${esc}K`);
	}
}

/**
Whether terminals may draw a grapheme at another width than string-width gives: one of more than one
code point (an emoji sequence, a letter with a combining mark, an emoji or a CJK character outside the
basic plane), or a wide one before the CJK blocks (an emoji such as ⌚, Hangul jamo).
*/
function isUnsure(char: string, width: number): boolean {
	return char.length > 1 || (width > 1 && char.charCodeAt(0) < 0x30_00);
}

/** Whether cell x looks the same in both rows (past a row's end is blank). */
function same(previous: Row, row: Row, x: number): boolean {
	return (previous.chars[x] ?? ' ') === (row.chars[x] ?? ' ') && (previous.styles[x] ?? 0) === (row.styles[x] ?? 0);
}

/** Writes what differs between two versions of screen row `y`. */
function diffRow(out: string[], y: number, previous: Row, row: Row, columns: number, pen: {style: number}, all: Styles) {
	const length = Math.max(previous.chars.length, row.chars.length);
	let x = 0;
	while (x < length) {
		if (same(previous, row, x)) {
			x++;
			continue;
		}

		// A changed span: extend it over short runs of unchanged cells.
		let end = x + 1;
		let run = 0;
		while (end < length && run < jumpCost) {
			run = same(previous, row, end) ? run + 1 : 0;
			end++;
		}

		end -= run;
		const reachesEnd = end >= row.chars.length && previous.chars.length > row.chars.length;
		span(out, y, row, {from: x, to: Math.min(end, row.chars.length), eraseAfter: reachesEnd && row.chars.length < columns}, pen, all);
		if (reachesEnd) {
			return;
		}

		x = end;
	}
}

/** Ink's frame, split once per frame: its rows and each row's raw text (to tell a changed row cheaply). */
type InkLayer = {readonly rows: readonly StyledRow[]; readonly keys: readonly string[]};

const noInk: InkLayer = {rows: [], keys: []};

function inkLayer(frame: string): InkLayer {
	return frame ? {rows: splitSgr(frame), keys: frame.split('\n')} : noInk;
}

/** What the writer knows: the two layers, and what it painted last at which size. */
type WriterState = {
	lines: readonly Line[];
	ink: InkLayer;
	screen: Row[];
	screenSize: {columns: number; rows: number};
	isWholeNext: boolean;
};

/** The composed row y, reusing the painted row when neither layer changed there. */
function composeRow(state: WriterState, y: number, columns: number, all: Styles): Row {
	const line = state.lines[y];
	const inkRow = state.ink.rows[y];
	const previous = state.screen[y] ?? emptyRow;
	const key = line ? lineKey(line) : '';
	const hasInk = inkRow !== undefined && inkRow.length > 0;
	const fullKey = hasInk ? `${key}\u0002${state.ink.keys[y]}` : key;
	if (fullKey === previous.key) {
		return previous;
	}

	const base = line ? lineRow(line, columns, all) : emptyRow;
	return hasInk ? overlay(base, inkRow, state.ink.keys[y]!, columns, all) : base;
}

/** Composes the frame at this size and returns what to write to bring the screen to it ('' for nothing). */
function paintFrame(state: WriterState, {columns, rows}: {columns: number; rows: number}, all: Styles): string {
	const out: string[] = [];
	const pen = {style: 0};
	const isWhole = state.isWholeNext || columns !== state.screenSize.columns || rows !== state.screenSize.rows;
	if (isWhole) {
		// The screen is erased in the page's background (the pen is in it from here on).
		out.push(`${all.page ? all.sequence(0) : ''}${esc}H${esc}2J`);
		state.screen = [];
	}

	const height = Math.min(rows, Math.max(state.lines.length, state.ink.rows.length));
	const next: Row[] = [];
	for (let y = 0; y < Math.max(height, state.screen.length); y++) {
		const previous = state.screen[y] ?? emptyRow;
		const row = y < height ? composeRow(state, y, columns, all) : emptyRow;
		next.push(row);
		if (row !== previous) {
			diffRow(out, y, previous, row, columns, pen, all);
		}
	}

	state.screen = next.slice(0, height);
	state.screenSize = {columns, rows};
	state.isWholeNext = false;
	if (pen.style !== 0) {
		out.push(all.sequence(0));
	}

	if (out.length === 0) {
		return '';
	}

	const text = out.join('');
	// A whole or big paint (a new slide) goes out as one synchronized frame, so a terminal over SSH or a
	// screen share never shows it half drawn; a small one (a tick, a bullet) cannot tear.
	return isWhole || text.length > synchronizeAbove ? beginSynchronized + text + endSynchronized : text;
}

export function createFrameWriter({theme, write, size, hasStyles}: FrameWriterOptions): FrameWriter {
	let all = createStyles(theme, hasStyles);
	const state: WriterState = {lines: [], ink: noInk, screen: [], screenSize: {columns: 0, rows: 0}, isWholeNext: true};
	let isQueued = false;
	const paint = () => {
		const text = paintFrame(state, size(), all);
		if (text) {
			write(text);
		}
	};

	return {
		show(layers) {
			if (layers.lines) {
				state.lines = layers.lines;
			}

			if (layers.ink !== undefined) {
				state.ink = inkLayer(layers.ink);
			}

			// Ink writes its frame during React's commit and the lines come with the same commit: one paint
			// for both, once the commit is done.
			if (!isQueued) {
				isQueued = true;
				queueMicrotask(() => {
					isQueued = false;
					paint();
				});
			}
		},
		paint,
		invalidate() {
			state.isWholeNext = true;
		},
		setTheme(next) {
			all = createStyles(next, hasStyles);
			state.isWholeNext = true;
			paint();
		},
		text: () => state.screen.map(row => row.chars.join('').trimEnd()),
	};
}
