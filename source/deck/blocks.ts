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
	/** What is printed beside the bar, in the article's words ("nearly 5,000"). */
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

export type Block =
	| {readonly kind: 'heading'; readonly text: string}
	| {readonly kind: 'lead'; readonly text: string}
	| {readonly kind: 'text'; readonly text: string}
	| {readonly kind: 'bullets'; readonly items: readonly string[]}
	| {readonly kind: 'quote'; readonly text: string; readonly speaker: string; readonly role?: string}
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

/** How many reveal steps a block has: one per bullet, one per quote, none for the rest. */
export function revealUnits(block: Block): number {
	switch (block.kind) {
		case 'bullets': {
			return block.items.length;
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
