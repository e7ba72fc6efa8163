import {Fragment, isValidElement, type ReactElement, type ReactNode} from 'react';
import {type Block, revealUnits} from './blocks.js';
import {primitiveReaders} from './typography.js';

/** One slide, as written in `slides/`. */
export type SlideDefinition = {
	/** Stable kebab-case noun about the content, never a position. */
	readonly id: string;
	readonly title: string;
	/** The article paragraphs (blank-line-separated blocks, numbered from 1) the slide draws on. */
	readonly paragraphs: readonly number[];
	/** Two to five sentences the presenter can say or be asked about. */
	readonly notes: string;
	/** JSX made only of the primitives in `source/components/typography.tsx`; no props, no hooks. */
	readonly Body: () => ReactElement;
};

export type SectionDefinition = {
	readonly id: string;
	readonly title: string;
	readonly slides: readonly SlideDefinition[];
};

export type SourceInfo = {
	readonly outlet: string;
	readonly date: string;
	readonly author: string;
	readonly url?: string;
	/** Where the article's text is, for `briefing check` (a Markdown deck's `source:`, relative to the deck file). */
	readonly text?: string;
};

export type DeckDefinition = {
	readonly title: string;
	readonly source: SourceInfo;
	/** The id of the slide whose bullets sum the deck up: the handout's summary. */
	readonly summary?: string;
	readonly sections: readonly SectionDefinition[];
};

/** A slide ready to show: its body read into blocks, its place in the deck known. */
export type Slide = {
	readonly id: string;
	readonly title: string;
	readonly paragraphs: readonly number[];
	readonly notes: string;
	readonly blocks: readonly Block[];
	/** Reveal steps: one per bullet and per quote. */
	readonly units: number;
	readonly index: number;
	readonly sectionId: string;
	readonly sectionTitle: string;
	/** The section's first slide: on a projector-sized terminal its title is drawn in big letters. */
	readonly opensSection: boolean;
};

export type Section = {
	readonly id: string;
	readonly title: string;
	/** Index of the section's first slide. */
	readonly start: number;
	readonly count: number;
};

export type Deck = {
	readonly title: string;
	readonly source: SourceInfo;
	/** The id of the slide whose bullets sum the deck up, if one does. */
	readonly summary?: string;
	readonly sections: readonly Section[];
	readonly slides: readonly Slide[];
};

export function defineSlide(slide: SlideDefinition): SlideDefinition {
	return slide;
}

export function defineSection(section: SectionDefinition): SectionDefinition {
	return section;
}

export class DeckError extends Error {
	override name = 'DeckError';
}

/** Reads a slide body's JSX back into blocks. Anything but the primitives is an error. */
export function readBlocks(node: ReactNode, where = 'slide'): Block[] {
	if (node === null || node === undefined || typeof node === 'boolean') {
		return [];
	}

	if (Array.isArray(node)) {
		return node.flatMap(child => readBlocks(child as ReactNode, where));
	}

	if (!isValidElement(node)) {
		throw new DeckError(`${where}: a body may hold only slide primitives, found ${JSON.stringify(node)}`);
	}

	const props = node.props as {children?: ReactNode};
	if (node.type === Fragment) {
		return readBlocks(props.children, where);
	}

	const read = primitiveReaders.get(node.type);
	if (!read) {
		const name = typeof node.type === 'string' ? node.type : (node.type as {name?: string}).name ?? 'component';
		throw new DeckError(`${where}: <${name}> is not a slide primitive`);
	}

	return [read(props as never)];
}

/** A slide with its body already read into blocks: what `compileDeck` and the Markdown reader both produce. */
export type SlideData = Omit<SlideDefinition, 'Body'> & {readonly blocks: readonly Block[]};

export type DeckData = {
	readonly title: string;
	readonly source: SourceInfo;
	readonly summary?: string;
	readonly sections: ReadonlyArray<{readonly id: string; readonly title: string; readonly slides: readonly SlideData[]}>;
};

/** Checks a deck definition and lays it out flat, in reading order. */
export function compileDeck(definition: DeckDefinition): Deck {
	return assembleDeck({
		...definition,
		sections: definition.sections.map(section => ({
			...section,
			slides: section.slides.map(({Body, ...slide}) => ({...slide, blocks: readBlocks(Body(), `slide "${slide.id}"`)})),
		})),
	});
}

/** Checks a deck whose bodies are blocks already and lays it out flat, in reading order. */
export function assembleDeck(definition: DeckData): Deck {
	const slides: Slide[] = [];
	const sections: Section[] = [];
	const ids = new Set<string>();
	const sectionIds = new Set<string>();
	if (!definition.title.trim()) {
		throw new DeckError('the deck has no title');
	}

	for (const section of definition.sections) {
		if (sectionIds.has(section.id)) {
			throw new DeckError(`section id "${section.id}" is used twice`);
		}

		sectionIds.add(section.id);
		if (section.slides.length === 0) {
			throw new DeckError(`section "${section.id}" has no slides`);
		}

		sections.push({id: section.id, title: section.title, start: slides.length, count: section.slides.length});
		for (const slide of section.slides) {
			if (ids.has(slide.id)) {
				throw new DeckError(`slide id "${slide.id}" is used twice`);
			}

			ids.add(slide.id);
			if (!slide.title.trim()) {
				throw new DeckError(`slide "${slide.id}" has no title`);
			}

			slides.push({
				id: slide.id,
				title: slide.title,
				paragraphs: slide.paragraphs,
				notes: slide.notes,
				blocks: slide.blocks,
				units: slide.blocks.reduce((sum, block) => sum + revealUnits(block), 0),
				index: slides.length,
				sectionId: section.id,
				sectionTitle: section.title,
				opensSection: slide === section.slides[0],
			});
		}
	}

	if (slides.length === 0) {
		throw new DeckError('the deck has no slides');
	}

	if (definition.summary !== undefined && !ids.has(definition.summary)) {
		throw new DeckError(`the summary slide "${definition.summary}" is not in the deck`);
	}

	return {title: definition.title, source: definition.source, ...(definition.summary ? {summary: definition.summary} : {}), sections, slides};
}

/** `[6, 7, 9]` → `¶ 6-7, 9`. */
export function formatParagraphs(paragraphs: readonly number[]): string {
	const sorted = [...new Set(paragraphs)].sort((a, b) => a - b);
	const ranges: string[] = [];
	let start: number | undefined;
	let previous: number | undefined;
	for (const n of [...sorted, Number.NaN]) {
		if (start !== undefined && previous !== undefined && n === previous + 1) {
			previous = n;
			continue;
		}

		if (start !== undefined && previous !== undefined) {
			ranges.push(start === previous ? String(start) : `${start}-${previous}`);
		}

		start = n;
		previous = n;
	}

	return ranges.length > 0 ? `¶ ${ranges.join(', ')}` : '';
}

/** Finds a section by id or by a case-insensitive prefix of its id or title. */
export function findSection(deck: Deck, name: string): Section | undefined {
	const wanted = name.trim().toLowerCase();
	if (!wanted) {
		return undefined;
	}

	return (
		deck.sections.find(section => section.id === wanted || section.title.toLowerCase() === wanted) ??
		deck.sections.find(
			section => section.id.startsWith(wanted) || section.title.toLowerCase().startsWith(wanted),
		)
	);
}
