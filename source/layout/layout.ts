import {type Block, blocksUpTo, revealUnits} from '../deck/blocks.js';
import {type Line, type Segment} from '../text/lines.js';
import {textWidth, wrap} from '../text/wrap.js';
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
} as const;

function padEnd(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

/** Text wrapped beside a first-line prefix, continuation lines indented to match. */
function hanging(prefix: Segment, text: string, role: Role, width: number): Line[] {
	const indent = textWidth(prefix.text);
	return wrap(text, width - indent).map((part, index) => [
		index === 0 ? prefix : {text: ' '.repeat(indent), role: prefix.role},
		{text: part, role},
	]);
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
				line.push({text: index === columnCount - 1 ? text : padEnd(text, w), role});
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
			{text: padEnd(bar.label, labelWidth) + '  ', role: 'label'},
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

/** Lays out one block; `visible` says how many of its reveal units show. */
export function layoutBlock(block: Block, width: number, visible: number, options: LayoutOptions = {width}): Line[] {
	const roomy = options.isRoomy ?? false;
	switch (block.kind) {
		case 'heading': {
			return wrap(block.text, width).map(text => [{text, role: 'heading'}]);
		}

		case 'lead': {
			return wrap(block.text, width).map(text => [{text, role: 'lead'}]);
		}

		case 'text': {
			return wrap(block.text, width).map(text => [{text, role: 'body'}]);
		}

		case 'source': {
			return wrap(block.text, width).map(text => [{text, role: 'cite'}]);
		}

		case 'bullets': {
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

		case 'quote': {
			const open = '“';
			const close = '”';
			const bar: Segment = {text: symbols.quoteBar + ' ', role: 'quoteMark'};
			const lines: Line[] = wrap(open + block.text + close, width - 2).map(text => [bar, {text, role: 'quote'}]);
			const attribution = `${symbols.dash} ${block.speaker}${block.role ? ', ' + block.role : ''}`;
			lines.push(...wrap(attribution, width - 2).map(text => [{text: '  ', role: 'muted' as const}, {text, role: 'speaker' as const}]));
			return visible > 0 ? lines : lines.map(() => blank());
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
			const whenWidth = Math.max(...block.events.map(event => textWidth(event.when)));
			const lines: Line[] = [];
			for (const [index, event] of block.events.entries()) {
				if (index > 0) {
					lines.push([{text: ' '.repeat(whenWidth + 1) + symbols.column, role: 'rule'}]);
				}

				const prefix: Segment = {text: padEnd(event.when, whenWidth) + ' ' + symbols.dot + ' ', role: 'accent'};
				lines.push(...hanging(prefix, event.what, 'body', width));
			}

			return lines;
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
