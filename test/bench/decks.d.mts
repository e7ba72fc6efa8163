/** Types for decks.mjs (plain JavaScript, shared by the bench and the tests). */
export function sizedDeck(n: number): string;
export function oneSlide(body: string): string;
export function hostileDecks(scale?: number): {
	readonly emphasisRun: string;
	readonly manySlides: string;
	readonly nestedLists: string;
	readonly nestedQuotes: string;
	readonly longLine: string;
	readonly quoteRun: string;
	readonly aliasBomb: string;
};
