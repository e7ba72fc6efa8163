import type {Bar, Block, TimelineEvent} from './blocks.js';

/**
The slide vocabulary. A slide body is JSX made of these (and, where they do not serve, Ink components:
see drawn.ts); `readBlocks` (deck.ts) reads it back as data through `primitiveReaders`, and the layout
draws the blocks. The primitives are never rendered as components: they render nothing.
*/
/** How each primitive component reads back as a block. */
export const primitiveReaders = new Map<unknown, (props: never) => Block>();

function primitive<Props>(name: string, read: (props: Props) => Block) {
	const Component = (_props: Props) => null;
	Component.displayName = name;
	primitiveReaders.set(Component, read);
	return Component;
}

type TextProps = {readonly children: string};

export type BulletsProps = {readonly items: readonly string[]};

export type QuoteProps = {
	/** The words, verbatim from the article. */
	readonly children: string;
	readonly speaker: string;
	/** Who the speaker is, where the slide needs to say. */
	readonly role?: string;
};

export type FactProps = {readonly value: string; readonly label: string};

export type TableProps = {
	readonly columns: readonly string[];
	readonly rows: ReadonlyArray<readonly string[]>;
	readonly caption?: string;
};

export type BarChartProps = {readonly bars: readonly Bar[]; readonly caption?: string};

export type TimelineProps = {readonly events: readonly TimelineEvent[]};

/** A big line: the headline on the title slide. */
export const Heading = primitive('Heading', ({children}: TextProps) => ({kind: 'heading', text: children}));

/** The one sentence that carries the slide. */
export const Lead = primitive('Lead', ({children}: TextProps) => ({kind: 'lead', text: children}));

/** A plain paragraph. */
export const Paragraph = primitive('Paragraph', ({children}: TextProps) => ({kind: 'text', text: children}));

/** A list; each item is a reveal step. */
export const Bullets = primitive('Bullets', ({items}: BulletsProps) => ({kind: 'bullets', items}));

/** A verbatim quote with its speaker; a reveal step. */
export const Quote = primitive('Quote', ({children, speaker, role}: QuoteProps) => ({
	kind: 'quote',
	text: children,
	speaker,
	...(role ? {role} : {}),
}));

/** A key figure with what it counts. */
export const Fact = primitive('Fact', ({value, label}: FactProps) => ({kind: 'fact', value, label}));

/** A small table: columns and rows of short cells. */
export const Table = primitive('Table', ({columns, rows, caption}: TableProps) => ({
	kind: 'table',
	columns,
	rows,
	...(caption ? {caption} : {}),
}));

/** Horizontal bars, each with the article's own figure beside it. */
export const BarChart = primitive('BarChart', ({bars, caption}: BarChartProps) => ({
	kind: 'bars',
	bars,
	...(caption ? {caption} : {}),
}));

/** Events in order, each with when and what. */
export const Timeline = primitive('Timeline', ({events}: TimelineProps) => ({kind: 'timeline', events}));

/** A citation line. */
export const Source = primitive('Source', ({children}: TextProps) => ({kind: 'source', text: children}));
