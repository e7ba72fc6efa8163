import type {Line} from '../text/lines.js';

/**
The data a slide is made of. Slide bodies are written as JSX with the primitives in
`deck/typography.tsx`; `readBlocks` in `deck.ts` turns that JSX into these blocks, and every
output (the live show, plain text, Markdown, HTML, the screen reader) is produced from them, so the
words exist once.
*/
export type Bar = {
	readonly label: string;
	/** The number the bar's length is drawn from. */
	readonly value: number;
	/** What is printed beside the bar, in the source's words ("nearly 5,000"). */
	readonly display: string;
};

/** Box drawing and block elements: the frame around a drawing's words, not words. */
export const drawingCharacters = /[\u2500-\u259F]/g;

/** The words of drawn lines, line by line, without their frame: for the text outputs and the checks. */
export function drawnWords(lines: readonly Line[]): string[] {
	return lines
		.map(line => line.map(segment => segment.text).join('').replaceAll(drawingCharacters, ' ').replaceAll(/\s+/g, ' ').trim())
		.filter(Boolean);
}

/** The width a drawn block's words are read at, for the outputs that have no width of their own. */
export const textWidthOfDrawings = 76;

export type TimelineEvent = {
	readonly when: string;
	readonly what: string;
};

/** A numbered or bulleted list that may hold lists in its items (Markdown's `1.` and nested `-`). */
export type List = {
	readonly ordered: boolean;
	/** The number of the first item of a numbered list (Markdown keeps the first number written). */
	readonly start: number;
	readonly items: readonly ListItem[];
};

export type ListItem = {readonly text: string; readonly list?: List};

/** A stretch of a column layout as written: the blocks of `column` from index `from` to the next run of the same column. */
export type ColumnRun = {readonly column: number; readonly from: number};

/** How deep lists may nest: a list in an item of a list in an item of a list. */
export const deepestList = 3;

export type Block =
	| {readonly kind: 'heading'; readonly text: string}
	| {readonly kind: 'lead'; readonly text: string}
	| {readonly kind: 'text'; readonly text: string}
	| {readonly kind: 'bullets'; readonly items: readonly string[]}
	/** A numbered list, or a list with a list inside (a flat bulleted list is `bullets`). */
	| ({readonly kind: 'list'} & List)
	/** Code as written, in a named language (`lang`, highlighted in the show) or none. */
	| {readonly kind: 'code'; readonly lang?: string; readonly text: string}
	/**
	Blocks side by side, each column `widths[i]` parts of the width (presenterm's `column_layout`).
	`runs`, only when the columns were not written first to last: the order they were written in, each
	run a column and the index in it where the run starts (see `writtenOrder`).
	*/
	| {readonly kind: 'columns'; readonly widths: readonly number[]; readonly columns: ReadonlyArray<readonly Block[]>; readonly runs?: readonly ColumnRun[]}
	/** `marks`: the quotation marks as written (with any space inside them), when not “ ” (« », „ “, 「 」…). */
	| {readonly kind: 'quote'; readonly text: string; readonly speaker: string; readonly role?: string; readonly marks?: readonly [string, string]}
	| {readonly kind: 'fact'; readonly value: string; readonly label: string}
	| {
			readonly kind: 'table';
			readonly columns: readonly string[];
			readonly rows: ReadonlyArray<readonly string[]>;
			readonly caption?: string;
	  }
	| {readonly kind: 'bars'; readonly bars: readonly Bar[]; readonly caption?: string}
	| {readonly kind: 'timeline'; readonly events: readonly TimelineEvent[]}
	| {readonly kind: 'source'; readonly text: string}
	/**
	`<!-- pause -->`: what follows it on the slide shows on the next step. A slide shows its first step
	on arrival, so a pause before any bullet or quote takes two steps (the arrival, then the rest).
	*/
	| {readonly kind: 'pause'; readonly steps: 1 | 2}
	| {
			/** Anything in a body that is not a primitive: an Ink component, drawn by Ink at a width. */
			readonly kind: 'drawn';
			/** The component's name, for messages. */
			readonly name: string;
			/** Its words, read from the JSX (undefined when only its drawing tells them). */
			readonly words: readonly string[] | undefined;
			readonly draw: (width: number) => Line[];
			/** The drawing at `width` if it is made already; never draws. */
			readonly peek: (width: number) => Line[] | undefined;
	  };

export type BlockKind = Block['kind'];

/** Every item of a list, in reading order (an item, then the items of its list), with its depth (0 at the top). */
/** A quote's words in its quotation marks: those it was written with, else “ ”. */
export function quoteInMarks(quote: {readonly text: string; readonly marks?: readonly [string, string]}, text = quote.text): string {
	const [open, close] = quote.marks ?? ['“', '”'];
	return open + text + close;
}

export function listItems(list: List, depth = 0): Array<{readonly item: ListItem; readonly depth: number; readonly number: number; readonly list: List}> {
	return list.items.flatMap((item, index) => [{item, depth, number: list.start + index, list}, ...(item.list ? listItems(item.list, depth + 1) : [])]);
}

type ColumnsBlock = Extract<Block, {kind: 'columns'}>;

/**
A column layout as the deck wrote it: each stretch of blocks after a `<!-- column: N -->`, in file order
(one a column, first to last, when the layout has no `runs`).
*/
export function writtenRuns(block: ColumnsBlock): Array<{readonly column: number; readonly blocks: readonly Block[]}> {
	const runs = block.runs ?? block.columns.map((_, column) => ({column, from: 0}));
	return runs.map((run, at) => {
		const next = runs.slice(at + 1).find(other => other.column === run.column);
		return {column: run.column, blocks: (block.columns[run.column] ?? []).slice(run.from, next?.from)};
	});
}

/**
A column layout's blocks in the order the deck wrote them, each with its column: presenterm reveals a
layout in that order (a pause, a bullet, in file order), whichever column it is in. Written first
column to last (the usual way, no `runs`), that is column by column.
*/
export function writtenOrder(block: ColumnsBlock): Array<{readonly column: number; readonly block: Block}> {
	return writtenRuns(block).flatMap(run => run.blocks.map(each => ({column: run.column, block: each})));
}

/** Whether a pause in the layout, written before its other steps or not, is not reached at `visible` of the layout's steps. */
function pauseHolds(block: ColumnsBlock, visible: number): boolean {
	let before = 0;
	for (const {block: each} of writtenOrder(block)) {
		if (each.kind === 'pause' && visible - before < each.steps) {
			return true;
		}

		before += revealUnits(each);
	}

	return false;
}

/**
How many reveal steps a block has: one per bullet, one per item of a list at any depth (an item
before the items of its own list), one per quote, a column layout's its blocks' (in the order written,
`writtenOrder`), none for the rest.
*/
export function revealUnits(block: Block): number {
	switch (block.kind) {
		case 'bullets': {
			return block.items.length;
		}

		case 'list': {
			return listItems(block).length;
		}

		case 'columns': {
			return block.columns.flat().reduce((sum, each) => sum + revealUnits(each), 0);
		}

		case 'quote': {
			return 1;
		}

		case 'pause': {
			return block.steps;
		}

		default: {
			return 0;
		}
	}
}

/**
The blocks a slide shows at reveal step `step`: all of them up to the first pause that step has not
reached (a bullet or quote after a reached pause still waits for its own step). The pauses stay in, so
the steps count as before; each draws nothing.
*/
export function blocksUpTo(blocks: readonly Block[], step: number): readonly Block[] {
	let before = 0;
	for (const [index, block] of blocks.entries()) {
		if (block.kind === 'pause' && step < before + block.steps) {
			return blocks.slice(0, index);
		}

		// A pause in a column layout holds back what is written after it: the rest of the layout (revealedPart) and what follows it.
		if (block.kind === 'columns' && pauseHolds(block, step - before)) {
			return blocks.slice(0, index + 1);
		}

		before += revealUnits(block);
	}

	return blocks;
}

/** A slide's blocks without its pauses: what a handout shows of it (every step). */
export function withoutPauses(blocks: readonly Block[]): readonly Block[] {
	return blocks.some(block => block.kind === 'pause') ? blocks.filter(block => block.kind !== 'pause') : blocks;
}

/** Every piece of prose a block holds, for search, checks and exports. */
export function blockTexts(block: Block): string[] {
	switch (block.kind) {
		case 'heading':
		case 'lead':
		case 'text':
		case 'source': {
			return [block.text];
		}

		case 'bullets': {
			return [...block.items];
		}

		case 'list': {
			return listItems(block).map(({item}) => item.text);
		}

		case 'code': {
			// Line by line (a card or the next-slide line shows the first); `check` reads none of it.
			return block.text.split('\n').filter(line => line.trim());
		}

		case 'columns': {
			return block.columns.flat().flatMap(each => blockTexts(each));
		}

		case 'quote': {
			return [block.text, block.speaker, ...(block.role ? [block.role] : [])];
		}

		case 'fact': {
			return [block.value, block.label];
		}

		case 'table': {
			return [...block.columns, ...block.rows.flat(), ...(block.caption ? [block.caption] : [])];
		}

		case 'bars': {
			return [...block.bars.flatMap(bar => [bar.label, bar.display]), ...(block.caption ? [block.caption] : [])];
		}

		case 'timeline': {
			return block.events.flatMap(event => [event.when, event.what]);
		}

		case 'drawn': {
			return block.words ? [...block.words] : drawnWords(block.draw(textWidthOfDrawings));
		}

		case 'pause': {
			return [];
		}

		default: {
			const never: never = block;
			return never;
		}
	}
}

/** Whether any of the blocks is code (a column layout's included): a show of them wants the highlighter. */
export function hasCode(blocks: readonly Block[]): boolean {
	return blocks.some(block => block.kind === 'code' || (block.kind === 'columns' && hasCode(block.columns.flat())));
}

/** A list cut to its first `count` items in reading order (undefined when none is left). */
function listUpTo(list: List, count: number): {list: List | undefined; used: number} {
	const items: ListItem[] = [];
	let used = 0;
	for (const item of list.items) {
		if (used >= count) {
			break;
		}

		used++;
		const inner = item.list ? listUpTo(item.list, count - used) : undefined;
		used += inner?.used ?? 0;
		items.push(inner?.list ? {text: item.text, list: inner.list} : {text: item.text});
	}

	return {list: items.length > 0 ? {...list, items} : undefined, used};
}

/** A block as far as `visible` of its reveal units show (undefined when it shows nothing yet); a block without steps whole. */
export function revealedPart(block: Block, visible: number): Block | undefined {
	const units = revealUnits(block);
	if (units === 0 || visible >= units) {
		return block;
	}

	if (visible <= 0 && block.kind !== 'columns') {
		return undefined;
	}

	switch (block.kind) {
		case 'bullets': {
			return {...block, items: block.items.slice(0, visible)};
		}

		case 'list': {
			const cut = listUpTo(block, visible).list;
			return cut && {kind: 'list', ...cut};
		}

		case 'columns': {
			// Steps go through the blocks in the order written: a pause not reached yet holds back everything written after it, in any column.
			let before = 0;
			let isHeld = false;
			const columns: Block[][] = block.columns.map(() => []);
			for (const {column, block: each} of writtenOrder(block)) {
				isHeld ||= each.kind === 'pause' && visible - before < each.steps;
				const shown = isHeld ? undefined : revealedPart(each, visible - before);
				before += revealUnits(each);
				if (shown && shown.kind !== 'pause') {
					columns[column]!.push(shown);
				}
			}

			return {kind: 'columns', widths: block.widths, columns};
		}

		default: {
			return block;
		}
	}
}
