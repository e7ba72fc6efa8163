import type {Block, ColumnRun} from '../deck/blocks.js';
import {MarkdownDeckError, type Position, slideText} from './inline.js';

/**
Columns, written as presenterm writes them:

	<!-- column_layout: [1, 1] -->   two columns of equal width (the numbers are ratios: [2, 1], [1, 1, 1])
	<!-- column: 0 -->               what follows goes in the first column
	<!-- column: 1 -->               ... in the second
	<!-- reset_layout -->            what follows is under the columns again

A layout is one block of the slide (kind `columns`); the blocks written after `column: N` go into
column N until the next `column:`, `reset_layout`, `column_layout` or the slide's end.
*/
export type ColumnDraft = {
	readonly block: {readonly kind: 'columns'; readonly widths: readonly number[]; readonly columns: Block[][]; runs?: ColumnRun[]};
	index?: number;
	readonly at: Position;
	/** The columns as entered, and the block's `runs` once one is entered out of order (a column before one entered already). */
	readonly runs: ColumnRun[];
};

type Target = {blocks: Block[]; layout?: ColumnDraft};

const names = new Set(['column_layout', 'column', 'reset_layout']);

export function isColumnDirective(name: string): boolean {
	return names.has(name);
}

/** The largest share a column may have (the HTML handout has a class for each). */
const mostShare = 20;

/** The fewest and most columns a layout has. */
export const columnCounts = {least: 2, most: 3} as const;

function readWidths(value: string, at: Position): number[] {
	const list = /^\s*\[([^\]]*)\]\s*$/.exec(value)?.[1];
	const widths = list?.split(',').map(part => part.trim()) ?? [];
	if (!list || !widths.every(part => /^\d+$/.test(part) && Number(part) >= 1 && Number(part) <= mostShare)) {
		throw new MarkdownDeckError(`The column_layout "${slideText(value.trim())}" is not a list of widths such as [1, 1] or [2, 1] (whole numbers from 1 to ${mostShare}).`, at);
	}

	if (widths.length < columnCounts.least || widths.length > columnCounts.most) {
		throw new MarkdownDeckError(`A column_layout has ${columnCounts.least} or ${columnCounts.most} columns, not ${widths.length}.`, at);
	}

	return widths.map(Number);
}

/** Reads `column_layout`, `column` or `reset_layout` (`value` is what follows the colon) into the slide being read. */
export function columnDirective(name: string, value: string, at: Position, slide: Target): void {
	if (name === 'reset_layout') {
		slide.layout = undefined;
		return;
	}

	if (name === 'column_layout') {
		const widths = readWidths(value, at);
		const block: ColumnDraft['block'] = {kind: 'columns', widths, columns: widths.map((): Block[] => [])};
		slide.blocks.push(block);
		slide.layout = {block, at, runs: []};
		return;
	}

	const index = /^\s*(\d+)\s*$/.exec(value)?.[1];
	if (!slide.layout) {
		throw new MarkdownDeckError('A <!-- column: N --> line comes after a <!-- column_layout: [1, 1] --> line.', at);
	}

	const count = slide.layout.block.widths.length;
	if (index === undefined || Number(index) >= count) {
		throw new MarkdownDeckError(`The column "${slideText(value.trim())}" is not a column of this layout (0 to ${count - 1}).`, at);
	}

	enterColumn(slide.layout, Number(index));
}

/** Notes the column entered; the runs are kept on the block only when the columns are not written first to last. */
function enterColumn(layout: ColumnDraft, column: number): void {
	if (layout.index === column) {
		return;
	}

	const {runs, block} = layout;
	if (runs.some(run => run.column >= column)) {
		block.runs = runs;
	}

	runs.push({column, from: block.columns[column]!.length});
	layout.index = column;
}

/** Where the next block of the slide goes: the column being filled, else the slide. */
export function targetBlocks(slide: Target, at: Position): Block[] {
	const {layout} = slide;
	if (!layout) {
		return slide.blocks;
	}

	if (layout.index === undefined) {
		throw new MarkdownDeckError('After <!-- column_layout: [...] --> say which column the words go in: <!-- column: 0 -->.', at);
	}

	return layout.block.columns[layout.index]!;
}
