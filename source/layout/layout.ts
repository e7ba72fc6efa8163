import {type Block, blocksUpTo, type List, listItems, quoteInMarks, revealedPart, revealUnits} from '../deck/blocks.js';
import {layoutCode, styledLines} from './code.js';
import {type Line, lineWidth, type Segment} from '../text/lines.js';
import {padCells, textWidth, wrap} from '../text/wrap.js';
import type {Role} from '../text/theme.js';

/**
The layout engine: blocks in, lines of styled segments out. It is pure, so the live show, the
plain-text print and the tests all measure the same lines; the frame writer paints them. (A drawn
block, an Ink component in a slide, brings its own lines: its `draw` asks Ink for them.)
*/
export type LayoutOptions = {
	/** Columns the body may use. */
	readonly width: number;
	/** How many reveal units are shown; hidden ones keep their space so nothing jumps. */
	readonly step?: number;
	/** Extra air between items, for big terminals. */
	readonly isRoomy?: boolean;
};

export const symbols = {
	bullet: '•',
	quoteBar: '┃',
	dash: '—',
	barFull: '█',
	barTrack: '░',
	rule: '─',
	cross: '┼',
	column: '│',
	dot: '●',
	/** A nested list's bullets, by depth. */
	bullets: ['•', '◦', '▪'],
} as const;

/** Text wrapped beside a first-line prefix, continuation lines indented to match. */
function hanging(prefix: Segment, text: string, role: Role, width: number): Line[] {
	const indent = textWidth(prefix.text);
	return styledLines(text, wrap(text, width - indent), role).map((part, index) => [
		index === 0 ? prefix : {text: ' '.repeat(indent), role: prefix.role},
		...part,
	]);
}

/** Slide text wrapped to `width` in `role`, its inline code set apart. */
function paragraph(text: string, width: number, role: Role): Line[] {
	return styledLines(text, wrap(text, width), role);
}

/**
A list's items in reading order, each item's lines: a numbered item after its number (the numbers
right-aligned), a bulleted one after the bullet of its depth, an item's own list indented under its words.
*/
export function listItemLines(list: List, width: number, indent = 0, depth = 0): Line[][] {
	const markers = list.items.map((_, index) => (list.ordered ? `${list.start + index}.` : symbols.bullets[Math.min(depth, symbols.bullets.length - 1)]!));
	const markerWidth = Math.max(...markers.map(marker => textWidth(marker)));
	const pad: Segment = {text: ' '.repeat(indent), role: 'body'};
	return list.items.flatMap((item, index) => {
		const marker = markers[index]!;
		const prefix: Segment = {text: ' '.repeat(markerWidth - textWidth(marker)) + marker + ' ', role: 'bullet'};
		const lines = hanging(prefix, item.text, 'body', width - indent).map(line => (indent > 0 ? [pad, ...line] : line));
		return [lines, ...(item.list ? listItemLines(item.list, width, indent + markerWidth + 1, depth + 1) : [])];
	});
}

/** A list, `visible` items shown (hidden ones keep their rows), a blank row between top-level items on a big screen. */
function layoutList(list: List, width: number, visible: number, roomy: boolean): Line[] {
	const depths = listDepths(list);
	return listItemLines(list, width).flatMap((lines, index) => [...(roomy && index > 0 && depths[index] === 0 ? [blank()] : []), ...(index < visible ? lines : lines.map(() => blank()))]);
}

/** The blocks of a column (or of a slide) one under another, a blank line between, `visible` reveal units shown. */
function stackedLines(blocks: readonly Block[], width: number, visible: number, options: LayoutOptions): Line[] {
	const lines: Line[] = [];
	let before = 0;
	for (const block of blocksUpTo(blocks, visible)) {
		if (block.kind !== 'pause') {
			lines.push(...(lines.length > 0 ? [blank()] : []), ...layoutBlock(block, width, Math.max(0, visible - before), {...options, width}));
		}

		before += revealUnits(block);
	}

	return lines;
}

/** Each item's depth, in reading order (0 at the top). */
export function listDepths(list: List): number[] {
	return listItems(list).map(({depth}) => depth);
}

/** Columns narrower than this stand one under another instead. */
export const narrowestColumn = 24;

/** The space between two columns. */
const columnGap = 3;

/** Each column's width: the room shared out by the ratios, what rounding leaves to the last. */
export function columnWidths(ratios: readonly number[], width: number): number[] {
	const room = width - columnGap * (ratios.length - 1);
	const total = ratios.reduce((sum, ratio) => sum + ratio, 0);
	const widths = ratios.map(ratio => Math.floor((room * ratio) / total));
	widths[widths.length - 1]! += room - widths.reduce((sum, each) => sum + each, 0);
	return widths;
}

/**
Columns side by side, each its share of the width; where one would be narrower than `narrowestColumn`
they stand one under another, in order. Reveal steps go through the blocks in the order written
(`writtenOrder`): column by column when the deck wrote them first to last.
*/
function layoutColumns(block: Extract<Block, {kind: 'columns'}>, width: number, visible: number, options: LayoutOptions): Line[] {
	// A pause holds back whatever is written after it, and columns written out of order reveal in that order (see revealedPart).
	const isCut = block.runs !== undefined || block.columns.some(column => column.some(each => each.kind === 'pause'));
	const part = visible < revealUnits(block) && isCut ? revealedPart(block, visible) : undefined;
	if (part?.kind === 'columns') {
		return layoutColumns(part, width, Number.POSITIVE_INFINITY, options);
	}

	const widths = columnWidths(block.widths, width);
	const shown: number[] = [];
	let before = 0;
	for (const column of block.columns) {
		shown.push(Math.max(0, visible - before));
		before += column.reduce((sum, each) => sum + revealUnits(each), 0);
	}

	if (Math.min(...widths) < narrowestColumn) {
		const filled = block.columns.map((column, index) => ({column, index})).filter(({column}) => column.length > 0);
		return filled.flatMap(({column, index}, at) => [...(at > 0 ? [blank()] : []), ...stackedLines(column, width, shown[index]!, options)]);
	}

	const columns = block.columns.map((column, index) => stackedLines(column, widths[index]!, shown[index]!, options));
	const rows = Math.max(0, ...columns.map(lines => lines.length));
	return Array.from({length: rows}, (_, row) => {
		const line: Segment[] = [];
		let pending = 0;
		for (const [index, lines] of columns.entries()) {
			const cells = lines[row] ?? [];
			if (cells.length > 0) {
				line.push(...(pending > 0 ? [{text: ' '.repeat(pending), role: 'body' as const}] : []), ...cells);
				pending = 0;
			}

			pending += (widths[index] ?? 0) - lineWidth(cells) + columnGap;
		}

		return line;
	});
}

function blank(): Line {
	return [];
}

function layoutTable(block: Extract<Block, {kind: 'table'}>, width: number): Line[] {
	const columnCount = block.columns.length;
	const separator = ` ${symbols.column} `;
	const available = Math.max(columnCount * 4, width - (columnCount - 1) * textWidth(separator));
	const natural = block.columns.map((column, index) =>
		Math.max(textWidth(column), ...block.rows.map(row => textWidth(row[index] ?? ''))),
	);
	const widths = [...natural];
	// Shrink the widest column until the table fits; its cells wrap.
	while (widths.reduce((sum, w) => sum + w, 0) > available) {
		const widest = widths.indexOf(Math.max(...widths));
		widths[widest] = Math.max(4, (widths[widest] ?? 4) - 1);
		if (widths.every(w => w <= 4)) {
			break;
		}
	}

	const renderRow = (cells: readonly string[], role: Role): Line[] => {
		const wrapped = widths.map((w, index) => wrap(cells[index] ?? '', w));
		const height = Math.max(...wrapped.map(cell => cell.length));
		const lines: Line[] = [];
		for (let row = 0; row < height; row++) {
			const line: Segment[] = [];
			for (const [index, w] of widths.entries()) {
				if (index > 0) {
					line.push({text: separator, role: 'rule'});
				}

				const text = wrapped[index]?.[row] ?? '';
				line.push({text: index === columnCount - 1 ? text : padCells(text, w), role});
			}

			lines.push(line);
		}

		return lines;
	};

	const rule: Line = [
		{
			text: widths.map(w => symbols.rule.repeat(w)).join(symbols.rule + symbols.cross + symbols.rule),
			role: 'rule',
		},
	];
	const lines: Line[] = [...renderRow(block.columns, 'tableHead'), rule];
	for (const row of block.rows) {
		lines.push(...renderRow(row, 'body'));
	}

	if (block.caption) {
		lines.push(...wrap(block.caption, width).map(text => [{text, role: 'cite' as const}]));
	}

	return lines;
}

function layoutBars(block: Extract<Block, {kind: 'bars'}>, width: number): Line[] {
	const labelWidth = Math.max(...block.bars.map(bar => textWidth(bar.label)));
	const displayWidth = Math.max(...block.bars.map(bar => textWidth(bar.display)));
	const trackWidth = Math.max(4, Math.min(48, width - labelWidth - displayWidth - 4));
	const max = Math.max(...block.bars.map(bar => bar.value), 1);
	const lines: Line[] = [];
	for (const bar of block.bars) {
		const filled = Math.max(bar.value > 0 ? 1 : 0, Math.round((bar.value / max) * trackWidth));
		lines.push([
			{text: padCells(bar.label, labelWidth) + '  ', role: 'label'},
			{text: symbols.barFull.repeat(filled), role: 'bar'},
			{text: symbols.barTrack.repeat(trackWidth - filled), role: 'barTrack'},
			{text: '  ' + bar.display, role: 'figure'},
		]);
	}

	if (block.caption) {
		lines.push(...wrap(block.caption, width).map(text => [{text, role: 'cite' as const}]));
	}

	return lines;
}

/** Bullets, the first `visible` of them shown (the rest keep their rows, blank). */
function layoutBullets(block: Extract<Block, {kind: 'bullets'}>, width: number, visible: number, roomy: boolean): Line[] {
	const lines: Line[] = [];
	for (const [index, item] of block.items.entries()) {
		if (roomy && index > 0) {
			lines.push(blank());
		}

		const itemLines = hanging({text: symbols.bullet + ' ', role: 'bullet'}, item, 'body', width);
		lines.push(...(index < visible ? itemLines : itemLines.map(() => blank())));
	}

	return lines;
}

/** A quote in curly quotation marks beside a bar, then its speaker; blank rows until it is revealed. */
function layoutQuote(block: Extract<Block, {kind: 'quote'}>, width: number, visible: number): Line[] {
	const bar: Segment = {text: symbols.quoteBar + ' ', role: 'quoteMark'};
	const lines: Line[] = wrap(quoteInMarks(block), width - 2).map(text => [bar, {text, role: 'quote'}]);
	const attribution = `${symbols.dash} ${block.speaker}${block.role ? ', ' + block.role : ''}`;
	lines.push(...wrap(attribution, width - 2).map(text => [{text: '  ', role: 'muted' as const}, {text, role: 'speaker' as const}]));
	return visible > 0 ? lines : lines.map(() => blank());
}

/** Events down a rule: each `when` padded to the widest, then a dot and its `what`. */
function layoutTimeline(block: Extract<Block, {kind: 'timeline'}>, width: number): Line[] {
	const whenWidth = Math.max(...block.events.map(event => textWidth(event.when)));
	const lines: Line[] = [];
	for (const [index, event] of block.events.entries()) {
		if (index > 0) {
			lines.push([{text: ' '.repeat(whenWidth + 1) + symbols.column, role: 'rule'}]);
		}

		const prefix: Segment = {text: padCells(event.when, whenWidth) + ' ' + symbols.dot + ' ', role: 'accent'};
		lines.push(...hanging(prefix, event.what, 'body', width));
	}

	return lines;
}

/** Lays out one block; `visible` says how many of its reveal units show. */
export function layoutBlock(block: Block, width: number, visible: number, options: LayoutOptions = {width}): Line[] {
	const roomy = options.isRoomy ?? false;
	switch (block.kind) {
		case 'heading': {
			return paragraph(block.text, width, 'heading');
		}

		case 'lead': {
			return paragraph(block.text, width, 'lead');
		}

		case 'text': {
			return paragraph(block.text, width, 'body');
		}

		case 'source': {
			return paragraph(block.text, width, 'cite');
		}

		case 'bullets': {
			return layoutBullets(block, width, visible, roomy);
		}

		case 'list': {
			return layoutList(block, width, visible, roomy);
		}

		case 'code': {
			return layoutCode(block, width);
		}

		case 'columns': {
			return layoutColumns(block, width, visible, options);
		}

		case 'quote': {
			return layoutQuote(block, width, visible);
		}

		case 'fact': {
			return hanging({text: block.value + '  ', role: 'figure'}, block.label, 'label', width);
		}

		case 'table': {
			return layoutTable(block, width);
		}

		case 'bars': {
			return layoutBars(block, width);
		}

		case 'timeline': {
			return layoutTimeline(block, width);
		}

		case 'drawn': {
			return block.draw(width);
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

/** Lays out a slide body: blocks separated by a blank line, reveal units up to `step`. */
export function layoutBlocks(blocks: readonly Block[], options: LayoutOptions): Line[] {
	const lines: Line[] = [];
	let unitsBefore = 0;
	const step = options.step ?? Number.POSITIVE_INFINITY;
	for (const block of blocksUpTo(blocks, step)) {
		if (block.kind === 'pause') {
			unitsBefore += revealUnits(block);
			continue;
		}

		if (lines.length > 0) {
			lines.push(blank());
		}

		const visible = Math.max(0, step - unitsBefore);
		lines.push(...layoutBlock(block, options.width, visible, options));
		unitsBefore += revealUnits(block);
	}

	return lines;
}
