import type {Block} from '../deck/blocks.js';
import type {Deck} from '../deck/deck.js';
import {drawnBlock, drawnSource} from './blocks.js';

/**
A Markdown deck as a worker thread sends it back (structured clone takes no functions): each drawn
block travels as the fenced text it was made from and is made again on arrival; everything else in a
deck is plain data.
*/
type PackedBlock = Block | {readonly kind: 'drawn-source'; readonly text: string; readonly line: number};

export type PackedDeck = Omit<Deck, 'slides'> & {readonly slides: ReadonlyArray<Omit<Deck['slides'][number], 'blocks'> & {readonly blocks: readonly PackedBlock[]}>};

export function packDeck(deck: Deck): PackedDeck {
	return {
		...deck,
		slides: deck.slides.map(slide => ({
			...slide,
			blocks: slide.blocks.map(block => {
				const source = block.kind === 'drawn' ? drawnSource(block) : undefined;
				return source ? {kind: 'drawn-source', ...source} : block;
			}),
		})),
	};
}

export function unpackDeck(packed: PackedDeck): Deck {
	return {
		...packed,
		slides: packed.slides.map(slide => ({
			...slide,
			blocks: slide.blocks.map(block => (block.kind === 'drawn-source' ? drawnBlock(block.text, block.line).block : block)),
		})),
	};
}
