/**
Ink's output is text with SGR (colour and weight) codes in it. This turns it into runs of characters
that share one style, the style written as a canonical SGR parameter list ('1;36', '' for none), so
the frame writer can compare cells and choose the shortest way to paint them. Pure; no terminal here.
Anything but SGR (other CSI sequences, OSC, lone control characters) is dropped: a frame is text.
*/
export type StyledRun = {readonly text: string; readonly sgr: string};

/** One row of a frame: runs left to right. */
export type StyledRow = readonly StyledRun[];

type Pen = {
	/** The attribute codes that are on: 1 bold, 2 dim, 3 italic, 4 underline, 7 inverse, 9 strike... */
	attributes: Set<number>;
	fg: string;
	bg: string;
};

/** What turns each attribute off again (22 ends both bold and dim). */
const attributeOff: Record<number, readonly number[]> = {
	22: [1, 2],
	23: [3],
	24: [4],
	25: [5],
	27: [7],
	28: [8],
	29: [9],
};

function newPen(): Pen {
	return {attributes: new Set(), fg: '', bg: ''};
}

/** A 38/48 colour: `5;n` or `2;r;g;b` after it. Returns the colour and how many parameters it used. */
function extendedColour(parameters: readonly number[], at: number): {colour: string; used: number} {
	const kind = parameters[at + 1];
	if (kind === 5) {
		return {colour: `${parameters[at]};5;${parameters[at + 2] ?? 0}`, used: 3};
	}

	if (kind === 2) {
		const rgb = [2, 3, 4].map(offset => parameters[at + offset] ?? 0).join(';');
		return {colour: `${parameters[at]};2;${rgb}`, used: 5};
	}

	return {colour: '', used: 1};
}

/** Applies one SGR sequence's parameters to the pen. */
function apply(pen: Pen, parameters: readonly number[]): void {
	let at = 0;
	while (at < parameters.length) {
		const code = parameters[at]!;
		if (code === 38 || code === 48) {
			const {colour, used} = extendedColour(parameters, at);
			pen[code === 38 ? 'fg' : 'bg'] = colour;
			at += used;
			continue;
		}

		if (code === 0) {
			Object.assign(pen, newPen());
		} else if (code === 39) {
			pen.fg = '';
		} else if (code === 49) {
			pen.bg = '';
		} else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) {
			pen.fg = String(code);
		} else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) {
			pen.bg = String(code);
		} else if (code >= 1 && code <= 9) {
			pen.attributes.add(code);
		} else {
			for (const off of attributeOff[code] ?? []) {
				pen.attributes.delete(off);
			}
		}

		at++;
	}
}

/** The pen as a canonical parameter list: attributes in order, then foreground, then background. */
function paramsOf(pen: Pen): string {
	return [...[...pen.attributes].sort((a, b) => a - b).map(String), pen.fg, pen.bg].filter(Boolean).join(';');
}

/** Whether a space in this style looks different from an erased cell (a background, inverse, a line). */
export function sgrMarksSpace(params: string): boolean {
	const pen = newPen();
	apply(pen, params ? params.split(';').map(Number) : []);
	return pen.bg !== '' || [4, 7, 9].some(code => pen.attributes.has(code));
}

const escapeSequence = /\u001B(?:\[([\d;:?]*)([\u0040-\u007E])|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[^[\]])?/y;

/** Splits text with SGR codes into rows (at each newline) of styled runs. */
export function splitSgr(text: string): StyledRow[] {
	const rows: StyledRun[][] = [[]];
	const pen = newPen();
	let params = '';
	let run = '';
	const flush = () => {
		if (run) {
			rows.at(-1)!.push({text: run, sgr: params});
			run = '';
		}
	};

	let index = 0;
	while (index < text.length) {
		const char = text[index]!;
		if (char === '\u001B') {
			escapeSequence.lastIndex = index;
			const match = escapeSequence.exec(text)!;
			index += match[0].length;
			if (match[2] === 'm') {
				flush();
				apply(pen, (match[1] ?? '').split(/[;:]/).map(Number));
				params = paramsOf(pen);
			}

			continue;
		}

		index++;
		if (char === '\n') {
			flush();
			rows.push([]);
		} else if (char >= ' ' && (char < '\u007F' || char > '\u009F')) {
			run += char;
		}
	}

	flush();
	return rows;
}
