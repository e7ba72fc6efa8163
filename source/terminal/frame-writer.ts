import type {Line} from '../layout/layout.js';
import type {Role, RoleStyle, Theme} from '../layout/theme.js';

/**
Paints the slide frame straight onto the alternate screen, cell by cell against what it painted last,
so that a slide change writes only the cells that change and a timer tick only the clock's digits.

Ink (6.8) re-renders every frame into a full grid of styled cells and rewrites whole lines; for a
full-screen frame that costs several milliseconds a key and a few kilobytes a frame. The frame is already
laid out as lines of styled segments (layout.ts, screen.ts), one cell per character, so it can be painted
directly. Ink keeps everything else: input, the menu, the blank screens, its own (empty) output while a
frame is painted here. Rules that keep the two apart:
- every write here is wrapped in save/restore cursor, so Ink's idea of where its cursor is stays true;
- positions are absolute (the frame's first row is the screen's first row), never relative;
- whatever Ink writes may erase the frame, so after Ink writes, the frame is painted again in full
  (`noteForeignWrite`);
- when the frame goes away (the menu opens), it stays until Ink's first write, which it precedes erased
  (`clear`, `beforeForeignWrite`): no blank screen while Ink renders.
*/
export type FrameWriter = {
	/** Paints the frame, writing only what differs from the last paint. */
	readonly paint: (lines: readonly Line[]) => void;
	/** Forgets the frame: Ink draws next, and the frame is erased just before Ink's first write. */
	readonly clear: () => void;
	/** Call before Ink writes: erases a frame that was cleared. */
	readonly beforeForeignWrite: () => void;
	/** Call after Ink wrote (it may have erased the frame): paints the current frame again in full, once. */
	readonly noteForeignWrite: () => void;
};

export type FrameWriterOptions = {
	readonly theme: Theme;
	readonly write: (text: string) => void;
	readonly size: () => {readonly columns: number; readonly rows: number};
	/** False when the terminal gets no SGR at all (FORCE_COLOR=0, TERM=dumb), as Ink's chalk would. */
	readonly hasStyles: boolean;
};

const esc = '\u001B[';
const saveCursor = '\u001B7';
const restoreCursor = '\u001B8';
const noWrap = '\u001B[?7l';
const wrapOn = '\u001B[?7h';
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

/** The SGR sequence that sets exactly this style (from a reset). */
export function styleSequence(style: RoleStyle): string {
	const codes = ['0'];
	if (style.bold) {
		codes.push('1');
	}

	if (style.dimColor) {
		codes.push('2');
	}

	if (style.italic) {
		codes.push('3');
	}

	if (style.underline) {
		codes.push('4');
	}

	if (style.inverse) {
		codes.push('7');
	}

	const fg = style.color ? colorCode(style.color, false) : undefined;
	const bg = style.backgroundColor ? colorCode(style.backgroundColor, true) : undefined;
	for (const code of [fg, bg]) {
		if (code) {
			codes.push(code);
		}
	}

	return codes.length === 1 ? reset : `${esc}${codes.join(';')}m`;
}

/** Whether a space in this style looks different from a blank cell. */
function marksSpace(style: RoleStyle): boolean {
	return Boolean(style.backgroundColor ?? style.inverse ?? style.underline);
}

/** One screen row as cells: a character and a style number (0 = blank, unstyled). */
type Row = {readonly key: string; readonly chars: string[]; readonly styles: number[]};

const emptyRow: Row = {key: '', chars: [], styles: []};

/** Spans of unchanged cells shorter than this are rewritten rather than jumped over. */
const jumpCost = 8;

export function createFrameWriter({theme, write, size, hasStyles}: FrameWriterOptions): FrameWriter {
	const roles = Object.keys(theme.roles) as Role[];
	const styleOf = new Map<Role, number>(roles.map((role, index) => [role, index + 1]));
	const sequences = ['', ...roles.map(role => (hasStyles ? styleSequence(theme.roles[role]) : ''))];
	const spaceMarked = [false, ...roles.map(role => marksSpace(theme.roles[role]))];
	const resetSequence = hasStyles ? reset : '';

	let lines: readonly Line[] | undefined;
	let screen: Row[] = [];
	let screenSize = {columns: 0, rows: 0};
	let isDirty = true;
	let isRepaintQueued = false;
	let isErasePending = false;

	const keyOf = (line: Line): string => {
		let key = '';
		for (const segment of line) {
			key += `${segment.role}\u0000${segment.text}\u0001`;
		}

		return key;
	};

	const toRow = (line: Line, columns: number): Row => {
		const chars: string[] = [];
		const styles: number[] = [];
		for (const segment of line) {
			const style = styleOf.get(segment.role) ?? 0;
			for (const char of segment.text) {
				if (chars.length >= columns) {
					break;
				}

				chars.push(char);
				styles.push(char === ' ' && !spaceMarked[style] ? 0 : style);
			}
		}

		// Trailing blanks are not painted: a blank cell is what an erased cell is.
		let end = chars.length;
		while (end > 0 && chars[end - 1] === ' ' && styles[end - 1] === 0) {
			end--;
		}

		chars.length = end;
		styles.length = end;
		return {key: keyOf(line), chars, styles};
	};

	/** Writes cells [from, to) of `row` at screen row `y`; `eraseAfter` erases the rest of the line. */
	const span = (out: string[], y: number, row: Row, from: number, to: number, eraseAfter: boolean, pen: {style: number}) => {
		out.push(`${esc}${y + 1};${from + 1}H`);
		let x = from;
		while (x < to) {
			const style = row.styles[x] ?? 0;
			if (style === 0) {
				let blankEnd = x;
				while (blankEnd < to && (row.styles[blankEnd] ?? 0) === 0) {
					blankEnd++;
				}

				const count = blankEnd - x;
				if (blankEnd === to && eraseAfter) {
					x = to;
					continue;
				}

				if (count < 6 && !spaceMarked[pen.style]) {
					// Short gaps go out as spaces in whatever style is on: a space looks the same in it.
					out.push(' '.repeat(count));
					x = blankEnd;
					continue;
				}

				if (count >= 6) {
					// Erase characters (ECH) and move over them: no blank padding written.
					if (pen.style !== 0) {
						out.push(resetSequence);
						pen.style = 0;
					}

					out.push(`${esc}${count}X${esc}${count}C`);
					x = blankEnd;
					continue;
				}
			}

			if (style !== pen.style) {
				out.push(style === 0 ? resetSequence : sequences[style]!);
				pen.style = style;
			}

			out.push(row.chars[x] ?? ' ');
			x++;
		}

		if (eraseAfter) {
			if (pen.style !== 0) {
				out.push(resetSequence);
				pen.style = 0;
			}

			out.push(`${esc}K`);
		}
	};

	const draw = (full: boolean) => {
		if (!lines) {
			return;
		}

		const {columns, rows} = size();
		// Every row, the last one too: the app's screens are all painted here now (Ink draws none of them),
		// so Ink's rows-1 rule no longer applies; auto-wrap is off while painting (below).
		const height = Math.max(0, Math.min(lines.length, rows));
		const out: string[] = [];
		const pen = {style: 0};
		const isWhole = full || columns !== screenSize.columns || rows !== screenSize.rows;
		if (isWhole) {
			out.push(`${esc}H${esc}2J`);
			screen = [];
		}

		const next: Row[] = [];
		for (let y = 0; y < Math.max(height, screen.length); y++) {
			const previous = screen[y] ?? emptyRow;
			const line = y < height ? lines[y] : undefined;
			const row = line ? (keyOf(line) === previous.key ? previous : toRow(line, columns)) : emptyRow;
			if (y < height) {
				next.push(row);
			}

			if (row !== previous) {
				diffRow(out, y, previous, row, columns, pen);
			}
		}

		screen = next;
		screenSize = {columns, rows};
		isDirty = false;
		isErasePending = false;
		if (pen.style !== 0) {
			out.push(resetSequence);
		}

		if (out.length > 0) {
			// Auto-wrap off while painting, so the bottom-right cell can be written without a scroll.
			const paint = saveCursor + noWrap + out.join('') + wrapOn + restoreCursor;
			// A whole or big paint (a new slide) goes out as one synchronized frame, so a terminal over SSH
			// or a screen share never shows it half drawn; a small one (a tick, a bullet) cannot tear.
			write(isWhole || paint.length > synchronizeAbove ? beginSynchronized + paint + endSynchronized : paint);
		}
	};

	/** Whether cell x looks the same in both rows (past a row's end is blank). */
	const same = (previous: Row, row: Row, x: number): boolean =>
		(previous.chars[x] ?? ' ') === (row.chars[x] ?? ' ') && (previous.styles[x] ?? 0) === (row.styles[x] ?? 0);

	const diffRow = (out: string[], y: number, previous: Row, row: Row, columns: number, pen: {style: number}) => {
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
			span(out, y, row, x, Math.min(end, row.chars.length), reachesEnd && row.chars.length < columns, pen);
			if (reachesEnd) {
				return;
			}

			x = end;
		}
	};

	return {
		paint(next) {
			lines = next;
			draw(isDirty);
		},
		clear() {
			isErasePending = lines !== undefined && screen.length > 0;
			lines = undefined;
			screen = [];
			isDirty = true;
		},
		beforeForeignWrite() {
			if (isErasePending) {
				isErasePending = false;
				write(saveCursor + resetSequence + `${esc}H${esc}2J` + restoreCursor);
			}
		},
		noteForeignWrite() {
			// The screen is unknown now: the next paint, whichever comes first, is a full one.
			isDirty = true;
			if (!lines || isRepaintQueued) {
				return;
			}

			// Ink writes a frame in several calls; paint once after the last of them.
			isRepaintQueued = true;
			queueMicrotask(() => {
				isRepaintQueued = false;
				if (lines && isDirty) {
					draw(true);
				}
			});
		},
	};
}
