import type {Deck, Section, Slide} from '../deck/deck.js';
import {findSection} from '../deck/deck.js';

/**
What the handouts (`--print`, `--export txt|md|html`) are made of, the same for every format: the
slides chosen, grouped under their sections as a memo reads them, the summary and the "as of" line.
*/
export type Selection = {
	/** 1-based, as --slide takes it. */
	readonly slide?: number;
	/** A section's id or title, or the start of one, as --section takes it. */
	readonly section?: string;
};

/** The slides `--slide N` or `--section NAME` ask for, in deck order; all of them when neither is given. */
export function selectSlides(deck: Deck, selection: Selection = {}): readonly Slide[] {
	if (selection.slide !== undefined) {
		const slide = deck.slides[selection.slide - 1];
		return slide ? [slide] : [];
	}

	if (selection.section !== undefined) {
		const section = findSection(deck, selection.section);
		return section ? deck.slides.slice(section.start, section.start + section.count) : [];
	}

	return deck.slides;
}

/** One section of the handout: its place among the deck's sections and the chosen slides in it. */
export type HandoutPart = {
	readonly section: Section;
	/** 1-based position of the section in the deck. */
	readonly number: number;
	readonly slides: readonly Slide[];
};

/** The chosen slides (all by default) grouped under their sections, in deck order. */
export function handoutParts(deck: Deck, slides: readonly Slide[] = deck.slides): HandoutPart[] {
	const chosen = new Set(slides.map(slide => slide.index));
	return deck.sections.flatMap((section, index) => {
		const inPart = deck.slides.slice(section.start, section.start + section.count).filter(slide => chosen.has(slide.index));
		return inPart.length > 0 ? [{section, number: index + 1, slides: inPart}] : [];
	});
}

/** True when the handout holds the whole deck: then it has a summary and a table of contents. */
export function isWholeDeck(deck: Deck, slides: readonly Slide[] = deck.slides): boolean {
	return slides.length === deck.slides.length;
}

/** The summary: the bullets of the deck's summary slide (its at-a-glance points); none without one. */
export function summaryPoints(deck: Deck): readonly string[] {
	const slide = deck.slides.find(candidate => candidate.id === deck.summary);
	return slide?.blocks.flatMap(block => (block.kind === 'bullets' ? block.items : [])) ?? [];
}

/** `slide 3`, `slides 4-5`: the numbers --slide takes. */
export function slideRange(slides: readonly Slide[]): string {
	const first = (slides[0]?.index ?? 0) + 1;
	const last = (slides.at(-1)?.index ?? 0) + 1;
	return first === last ? `slide ${first}` : `slides ${first}-${last}`;
}

/** Under the title: when the facts are from, what the ¶ numbers mean, and what part of the deck this is. */
export function aboutLine(deck: Deck, slides: readonly Slide[] = deck.slides): string {
	const asOf = `As of ${deck.source.date}, the article’s date: anything about the future is as of then.`;
	const extent = isWholeDeck(deck, slides)
		? `${deck.slides.length} slides in ${deck.sections.length} sections.`
		: `This handout holds ${slideRange(slides)} of ${deck.slides.length}.`;
	return `${asOf} ${extent} “¶ 13” means paragraph 13 of the article.`;
}

/** "Slide 12 of 32": the slide's number, as --slide takes it, under its heading. */
export function slideLabel(deck: Deck, slide: Slide): string {
	return `Slide ${slide.index + 1} of ${deck.slides.length}`;
}

/** The heading of a section in the handout: `5. Sanctuary cities`. */
export function partTitle(part: HandoutPart): string {
	return `${part.number}. ${part.section.title}`;
}
