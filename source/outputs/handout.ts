import type {Deck, Section, Slide, SourceInfo} from '../deck/deck.js';
import {findSection, formatParagraphs, namesSource} from '../deck/deck.js';
import {asOfWords, citationWords, sourceNoun, sourcePhrase} from '../deck/source-words.js';

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

/** `1 slide`, `32 slides`. */
function count(number: number, noun: string): string {
	return `${number} ${noun}${number === 1 ? '' : 's'}`;
}

/** Under the title: when the facts are from, what the ¶ numbers mean, and what part of the deck this is. */
export function aboutLine(deck: Deck, slides: readonly Slide[] = deck.slides): string {
	const {source} = deck;
	const isNamed = namesSource(source);
	const asOf = isNamed ? `${asOfWords(source)}: anything about the future is as of ${source.date ? 'then' : 'when it was written'}.` : '';
	const extent = isWholeDeck(deck, slides)
		? `${count(deck.slides.length, 'slide')} in ${count(deck.sections.length, 'section')}.`
		: `This handout holds ${slideRange(slides)} of ${deck.slides.length}.`;
	// Said only where a slide cites a paragraph: a deck with none has no ¶ to explain.
	const cite = isNamed && citesParagraphs(slides) ? `“¶ 13” means paragraph 13 of the ${sourceNoun(source)}.` : '';
	return [asOf, extent, cite].filter(Boolean).join(' ');
}

/** Whether any of the slides cites a paragraph (`¶ 3`) of its source. */
export function citesParagraphs(slides: readonly Slide[]): boolean {
	return slides.some(slide => slide.paragraphs.length > 0);
}

/** The heading of a section in the handout: `5. Sanctuary cities`. */
export function partTitle(part: HandoutPart): string {
	return `${part.number}. ${part.section.title}`;
}

/** The memo's summary: the deck's own (written for the handouts) as one paragraph, else the summary slide's bullets. */
export type MemoSummary = {readonly kind: 'paragraph'; readonly text: string} | {readonly kind: 'points'; readonly points: readonly string[]};

export function memoSummary(deck: Deck): MemoSummary | undefined {
	if (deck.abstract) {
		return {kind: 'paragraph', text: deck.abstract};
	}

	const points = summaryPoints(deck);
	return points.length > 0 ? {kind: 'points', points} : undefined;
}

/**
Under the title: whose briefing this is and whose source it reports, so the memo never reads as the
outlet's or publisher's; empty for a deck that names no source.
*/
export function whoseLine(deck: Deck): string {
	const {source} = deck;
	return namesSource(source) ? `A briefing on ${sourcePhrase(source)}. The presenter wrote the briefing; the quotes and facts are the ${sourceNoun(source)}’s.` : '';
}

/**
`Article ¶ 28-31`, `Report ¶ 2`: the paragraphs a slide rests on, under it in every handout (empty when
it cites none). Every deck output passes its deck's source; a slide written alone without one (a
caller that only has the slide) is cited as the built-in deck's are, an article's.
*/
export function slideCitation(slide: Slide, source: SourceInfo = {kind: 'article'}): string {
	return citationWords(source, formatParagraphs(slide.paragraphs));
}

/** A slide's sub-heading, unless it only repeats its section's title (the Source section's one slide). */
export function hasOwnHeading(slide: Slide): boolean {
	return slide.title.trim().toLowerCase() !== slide.sectionTitle.trim().toLowerCase();
}
