import type {Block} from '../deck/blocks.js';
import {codeSpans} from '../text/code-spans.js';
import type {Line, Segment} from '../text/lines.js';
import type {Role} from '../text/theme.js';
import {graphemes} from '../text/cells.js';
import {textWidth} from '../text/wrap.js';

/**
Code on a slide, pure: a code block's lines in the highlighter's roles, wrapped to the width, and the
inline code of slide text set apart. The highlighter (markdown/highlight.ts, lowlight) is loaded only
for a deck that has code, and handed in with `useHighlighter`; until then, and for a language it does
not know, code is shown in the one `code` role. The roles' colours are the theme's; the plain theme
(NO_COLOR) gives them none.
*/
export type CodeToken = {readonly text: string; readonly role: Role};

/** A code's lines as tokens, or undefined for a language the highlighter does not know. */
export type Highlighter = (text: string, lang: string) => CodeToken[][] | undefined;

let highlighter: Highlighter | undefined;

export function useHighlighter(next: Highlighter | undefined): void {
	highlighter = next;
}

export function hasHighlighter(): boolean {
	return highlighter !== undefined;
}

type CodeBlock = Extract<Block, {kind: 'code'}>;

const tokensOf = new WeakMap<Omit<CodeBlock, 'kind'>, {readonly by: Highlighter | undefined; readonly lines: CodeToken[][]}>();

/** The code's lines as tokens: highlighted when a highlighter is loaded and knows the language, else plain. Kept per block. */
export function codeTokens(block: Omit<CodeBlock, 'kind'>): CodeToken[][] {
	const known = tokensOf.get(block);
	if (known && known.by === highlighter) {
		return known.lines;
	}

	const plain = () => block.text.split('\n').map(row => (row ? [{text: row, role: 'code' as const}] : []));
	const lines = (highlighter && block.lang ? highlighter(block.text, block.lang.toLowerCase()) : undefined) ?? plain();
	tokensOf.set(block, {by: highlighter, lines});
	return lines;
}

/** A wrapped row breaks after a space when one is this far along it, else where the width runs out. */
const spaceBreakFrom = 0.6;

/**
Where a line of code breaks into rows (the string index each row after the first starts at): the first
row `first` cells wide, the others `later`; after a space late in the row when there is one, so a word
is not cut, else at the width.
*/
function breakPoints(text: string, first: number, later: number): number[] {
	const points: number[] = [];
	let start = 0;
	let used = 0;
	let space: {at: number; used: number} | undefined;
	let index = 0;
	for (const {text: segment, width: cells} of graphemes(text)) {
		const width = points.length === 0 ? first : later;
		if (used + cells > width && used > 0) {
			const atSpace = space && space.used >= width * spaceBreakFrom ? space : undefined;
			const at = atSpace?.at ?? index;
			points.push(at);
			used -= atSpace?.used ?? used;
			start = at;
			space = undefined;
		}

		used += cells;
		index += segment.length;
		if (segment === ' ' && index > start) {
			space = {at: index, used};
		}
	}

	return points;
}

/** Tokens cut at the string indices `points` into rows. */
function cutRows(tokens: readonly CodeToken[], points: readonly number[]): Segment[][] {
	const rows: Segment[][] = [[]];
	let at = 0;
	let next = 0;
	for (const token of tokens) {
		let from = 0;
		while (next < points.length && points[next]! < at + token.text.length) {
			const cut = points[next]! - at;
			if (cut > from) {
				rows.at(-1)!.push({text: token.text.slice(from, cut), role: token.role});
			}

			rows.push([]);
			from = cut;
			next++;
		}

		if (from < token.text.length) {
			rows.at(-1)!.push({text: token.text.slice(from), role: token.role});
		}

		at += token.text.length;
	}

	return rows;
}

export const codeSymbols = {bar: '│ ', wrapped: '↪ '} as const;

/**
A code block at `width`: the language named on a row of its own above it (none when the fence names
none), each line after a bar, a line too long for the width wrapped, the rows it runs on marked ↪ so
nothing of the code is hidden from the room. `gutter` is what stands before each line (the plain
text outputs give spaces).
*/
export function layoutCode(block: Omit<CodeBlock, 'kind'>, width: number, gutter: string = codeSymbols.bar): Line[] {
	const {label, lines} = codeLines(block, width, gutter);
	return [...label, ...lines.flat()];
}

/** A code block's rows as `layoutCode` draws them, the language's row apart and the rest by code line: each line's rows (its first, then the ↪ rows it runs on). */
export function codeLines(block: Omit<CodeBlock, 'kind'>, width: number, gutter: string = codeSymbols.bar): {label: Line[]; lines: Line[][]} {
	const room = Math.max(4, width - textWidth(gutter));
	const bar: Segment = {text: gutter, role: 'rule'};
	const label: Line[] = block.lang ? [[{text: block.lang, role: 'codeLabel'}]] : [];
	const lines = codeTokens(block).map(tokens => {
		const points = breakPoints(tokens.map(token => token.text).join(''), room, room - textWidth(codeSymbols.wrapped));
		const [head = [], ...more] = cutRows(tokens, points);
		return [[bar, ...head], ...more.map(row => [bar, {text: codeSymbols.wrapped, role: 'muted' as const}, ...row])];
	});
	return {label, lines};
}

/**
Wrapped lines of slide text (`lines`, from `wrap(text, ...)`) as segments in `role`, the inline code
in them (in backticks) in the `inlineCode` role, a span broken across lines on each of its lines.
*/
export function styledLines(text: string, lines: readonly string[], role: Role): Line[] {
	if (!text.includes('`')) {
		return lines.map(line => [{text: line, role}]);
	}

	const spans = codeSpans(text);
	const isCode = (at: number) => spans.some(([start, end]) => at >= start && at < end);
	let from = 0;
	return lines.map(line => {
		const at = text.indexOf(line, from);
		const start = at < 0 ? from : at;
		from = start + line.length;
		const segments: Segment[] = [];
		for (let index = 0; index < line.length; index++) {
			const segmentRole = at >= 0 && isCode(start + index) ? 'inlineCode' : role;
			const last = segments.at(-1);
			if (last?.role === segmentRole) {
				segments[segments.length - 1] = {text: last.text + line[index]!, role: segmentRole};
			} else {
				segments.push({text: line[index]!, role: segmentRole});
			}
		}

		return segments;
	});
}
