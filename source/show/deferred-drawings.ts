import type {Block} from '../deck/blocks.js';
import {type Deck, isSlideRead, mapBlocks, stepCounts} from '../deck/deck.js';
import type {Line} from '../text/lines.js';
import {screenLines, type Size} from '../layout/screen.js';
import {initNavigation} from '../model/navigation.js';

/**
A drawn block (an Ink component in a slide) is drawn with Ink's `renderToString`, which runs a React
renderer of its own: it cannot run inside the show's render (React's renderer is not re-entrant).
In the show, a drawing not yet made at a width suspends the view (a thrown promise, as React's Suspense
expects); the drawing is made just after the render, outside it, and the view renders again with it.
The screen keeps the last frame meanwhile. Drawings are kept, so each width is drawn once.
*/
type DrawnBlock = Extract<Block, {kind: 'drawn'}>;

function deferred(block: DrawnBlock, onDrawn: () => void): DrawnBlock {
	const drawings = new Map<number, Line[] | {readonly error: unknown}>();
	const pending = new Map<number, Promise<void>>();
	return {
		...block,
		draw(width) {
			const drawing = drawings.get(width) ?? block.peek(width);
			if (drawing && 'error' in drawing) {
				// A component that throws: the view's error boundary reports it.
				throw drawing.error as Error;
			}

			if (drawing) {
				return drawing;
			}

			let promise = pending.get(width);
			if (!promise) {
				promise = new Promise(resolve => {
					setImmediate(() => {
						try {
							drawings.set(width, block.draw(width));
						} catch (error: unknown) {
							drawings.set(width, {error});
						}

						resolve();
						onDrawn();
					});
				});
				pending.set(width, promise);
			}

			throw promise;
		},
	};
}

/**
The deck as the show uses it: its drawn blocks drawn after a render, never during one. `onDrawn` is
called when a drawing is made: the view renders again at once (on its own, React would wait out its
Suspense retry throttle, which a presenter would see).
*/
export function deferDrawings(deck: Deck, onDrawn: () => void = () => undefined): Deck {
	// A lazily read slide is changed when it is read.
	return mapBlocks(deck, blocks => (blocks.some(block => block.kind === 'drawn') ? blocks.map(block => (block.kind === 'drawn' ? deferred(block, onDrawn) : block)) : blocks));
}

/**
Draws, outside any render, what the slides holding Ink components need at this size (the layout asks
for the widths it uses): run when the show is idle just after it starts, so that arriving at such a
slide later finds its drawing made.
*/
export function drawAhead(deck: Deck, size: Size): void {
	const units = stepCounts(deck);
	// Slides not read yet are left to be drawn when they are shown.
	for (const slide of deck.slides.filter(slide => isSlideRead(slide))) {
		if (slide.blocks.some(block => block.kind === 'drawn')) {
			screenLines(deck, initNavigation({units, start: slide.index, isRevealing: false}), size);
		}
	}
}
