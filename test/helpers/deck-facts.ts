import {deck} from '../../slides/index.js';

/**
What the tests of the real briefing expect, read from the compiled deck rather than written down, so
the tests keep proving the same things when the content changes.
*/
export const slideCount = deck.slides.length;

/** The start of the deck's title: the header shows at least this much at every size the show draws. */
export const deckTitleStart = deck.title.slice(0, 16);

function escapeRegExp(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
}

/** The footer counter of slide `number` (1-based), with the reveal step `step` when given: `3/32 · 1/6`. */
export function counterText(number: number, step?: number): string {
	const slide = deck.slides[number - 1];
	if (!slide) {
		throw new Error(`the deck has no slide ${number}`);
	}

	return step === undefined ? `${number}/${slideCount}` : `${number}/${slideCount} · ${step}/${slide.units}`;
}

/**
The footer counter of slide `number` as a pattern that no other slide's counter matches (`3/32` is
not in `13/32`). With a `step`, that reveal step; with 'whole', the slide with no step after it;
without either, at any step.
*/
export function counter(number: number, step?: number | 'whole'): RegExp {
	const text = escapeRegExp(counterText(number, typeof step === 'number' ? step : undefined));
	return new RegExp(`(?<![\\d/])${text}(?!\\d)${step === 'whole' ? '(?! ·)' : ''}`);
}

/**
A slide with at least three reveal units whose slide before it shows whole on arrival (at most one
unit), so → from that one arrives at step 1: `number` is 1-based.
*/
export const revealSlide = (() => {
	const index = deck.slides.findIndex((slide, at) => at > 0 && slide.units >= 3 && deck.slides[at - 1]!.units <= 1);
	if (index < 0) {
		throw new Error('the deck has no slide with three reveal units after a slide without steps');
	}

	return {number: index + 1, units: deck.slides[index]!.units};
})();
