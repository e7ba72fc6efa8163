import {Fragment, isValidElement, type ReactElement, type ReactNode} from 'react';
import {type Block, revealUnits} from './blocks.js';
import {drawElement, drawnAlready, isLookup} from './drawn.js';
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
	/** How long the slide may take (ms), for the presenter view's pace and `briefing timings`. */
	readonly budget?: number;
	/**
	JSX made of the primitives in `source/deck/typography.tsx`; no props, no hooks. Anything else in it
	(an Ink `<Box>`, a component) is drawn by Ink (see drawn.ts).
	*/
	readonly Body: () => ReactElement;
};

export type SectionDefinition = {
	readonly id: string;
	readonly title: string;
	/** How long the section's slides may take together (ms); slides without a budget share it. */
	readonly budget?: number;
	readonly slides: readonly SlideDefinition[];
};

/** What a source is: the words of every output follow it (see source-words.ts). */
export const sourceKinds = ['article', 'report', 'transcript', 'web page', 'document'] as const;

export type SourceKind = (typeof sourceKinds)[number];

/**
The text a deck briefs on. Only what the source states is given: an article names its outlet, any
other kind its publisher; author and date are left out when the source has none.
*/
export type SourceInfo = {
	/** Unset: an article when an outlet is named, else a document (see `sourceKind`). */
	readonly kind?: SourceKind;
	/** An article's publication. */
	readonly outlet?: string;
	/** Who issued any other kind of source. */
	readonly publisher?: string;
	readonly author?: string;
	readonly date?: string;
	readonly url?: string;
	/** Where the source's text is, for `briefing check` (a Markdown deck's `source:`, relative to the deck file). */
	readonly text?: string;
};

/** A deck that names no source (no front matter, or a title only): its words name none and `check` holds it to none. */
export const noSource: SourceInfo = {};

/** Whether the deck names a source at all (any field but none). */
export function namesSource(source: SourceInfo): boolean {
	return Object.values(source).some(Boolean);
}

export type DeckDefinition = {
	readonly title: string;
	/** What the deck briefs on; `{}` (see `namesSource`) for a deck that names no source. */
	readonly source: SourceInfo;
	/** The id of the slide whose bullets sum the deck up: the handout's summary. */
	readonly summary?: string;
	/** How long the talk is (ms): slides without a budget share what the budgets leave. */
	readonly duration?: number;
	/** The memo's summary, a few sentences written for the handouts (not a slide's words); before the summary slide's bullets. */
	readonly abstract?: string;
	/** The language the deck is written in, a BCP 47 tag (`fr`, `pt-BR`), for the handouts; English when not given (see `deckLanguage`). */
	readonly lang?: string;
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
	/** How long the slide may take (ms), if the deck says. */
	readonly budget?: number;
};

export type Section = {
	readonly id: string;
	readonly title: string;
	/** Index of the section's first slide. */
	readonly start: number;
	readonly count: number;
	/** How long the section may take (ms), if the deck says. */
	readonly budget?: number;
};

/** A deck ready to show: its definition's title, source and summaries, its sections placed and its slides read. */
export type Deck = Omit<DeckDefinition, 'sections'> & {
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

/** Reads a slide body's JSX back into blocks: primitives as their blocks, Ink components as drawn blocks. */
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
	return [read ? read(props as never) : drawnBlock(node, where)];
}

function nameOf(element: ReactElement): string {
	const {type} = element;
	return typeof type === 'string' ? type : (type as {displayName?: string; name?: string}).displayName ?? (type as {name?: string}).name ?? 'component';
}

/** Whether a primitive sits anywhere in these children (not looking inside components, which are Ink's). */
function holdsPrimitive(node: ReactNode): boolean {
	if (Array.isArray(node)) {
		return node.some(child => holdsPrimitive(child as ReactNode));
	}

	if (!isValidElement(node)) {
		return false;
	}

	return primitiveReaders.has(node.type) || holdsPrimitive((node.props as {children?: ReactNode}).children);
}

/** An Ink component in a body: Ink draws it at whatever width the slide has. */
function drawnBlock(element: ReactElement, where: string): Block {
	const name = nameOf(element);
	if (holdsPrimitive((element.props as {children?: ReactNode}).children)) {
		throw new DeckError(`${where}: <${name}> holds a slide primitive; a primitive goes beside an Ink component, not inside it`);
	}

	return {
		kind: 'drawn',
		name,
		words: wordsOf(element),
		draw: width => drawElement(element, width),
		peek: width => drawnAlready(element, width),
	};
}

/** A string's words, one space between them. */
const squash = (text: string) => text.replaceAll(/\s+/g, ' ').trim();

/**
The words an element shows, read from the JSX without rendering it: each run of text (a `<Text>` and
what is nested in it) is one entry. A component of your own is called to see what it returns; one that
uses hooks cannot be read that way, and gives undefined (its words are then read from its drawing).
*/
function wordsOf(node: ReactNode): string[] | undefined {
	if (typeof node === 'string' || typeof node === 'number') {
		return [String(node)];
	}

	if (Array.isArray(node)) {
		const parts = node.map(child => wordsOf(child as ReactNode));
		return parts.includes(undefined) ? undefined : parts.flat() as string[];
	}

	if (!isValidElement(node)) {
		return [];
	}

	const {children} = node.props as {children?: ReactNode};
	const kids = Array.isArray(children) ? (children as ReactNode[]) : [children];
	if (kids.some(child => typeof child === 'string' || typeof child === 'number')) {
		// A run of text: everything nested in it is one line.
		const parts = wordsOf(kids);
		return parts && [squash(parts.join(''))].filter(Boolean);
	}

	if (typeof node.type === 'function' && !isLookup(node.type)) {
		try {
			return wordsOf((node.type as (props: unknown) => ReactNode)(node.props));
		} catch {
			return undefined;
		}
	}

	return wordsOf(kids);
}

/** Whether laying the deck out needs Ink (a slide holds an Ink component): `loadInk()` first then. */
export function hasDrawnBlocks(deck: Deck, slides: readonly Slide[] = deck.slides): boolean {
	return slides.some(slide => slide.blocks.some(block => block.kind === 'drawn'));
}

/** A slide with its body already read into blocks: what `compileDeck` and the Markdown reader both produce. */
export type SlideData = Omit<SlideDefinition, 'Body'> & {readonly blocks: readonly Block[]};

export type DeckData = {
	readonly title: string;
	readonly source: SourceInfo;
	readonly summary?: string;
	readonly duration?: number;
	readonly abstract?: string;
	readonly lang?: string;
	readonly sections: ReadonlyArray<{readonly id: string; readonly title: string; readonly budget?: number; readonly slides: readonly SlideData[]}>;
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

		sections.push({id: section.id, title: section.title, start: slides.length, count: section.slides.length, ...(section.budget === undefined ? {} : {budget: section.budget})});
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
				...(slide.budget === undefined ? {} : {budget: slide.budget}),
			});
		}
	}

	if (slides.length === 0) {
		throw new DeckError('the deck has no slides');
	}

	if (definition.summary !== undefined && !ids.has(definition.summary)) {
		throw new DeckError(`the summary slide "${definition.summary}" is not in the deck`);
	}

	const duration = definition.duration === undefined ? {} : {duration: definition.duration};
	return {title: definition.title, source: definition.source, ...(definition.summary ? {summary: definition.summary} : {}), ...(definition.abstract ? {abstract: definition.abstract} : {}), ...duration, ...(definition.lang ? {lang: definition.lang} : {}), sections, slides};
}

/** The language the deck's handouts say their text is in: its `lang`, else English. */
export function deckLanguage(deck: Pick<Deck, 'lang'>): string {
	return deck.lang ?? 'en';
}

/** Runs of consecutive paragraph numbers, in order, each once: `[9, 6, 7]` → `[[6, 7], [9, 9]]`. */
export function paragraphRanges(paragraphs: readonly number[]): Array<[number, number]> {
	const ranges: Array<[number, number]> = [];
	for (const n of [...new Set(paragraphs)].sort((a, b) => a - b)) {
		const last = ranges.at(-1);
		if (last && n === last[1] + 1) {
			last[1] = n;
		} else {
			ranges.push([n, n]);
		}
	}

	return ranges;
}

/** `[6, 7, 9]` → `¶ 6-7, 9`. */
export function formatParagraphs(paragraphs: readonly number[]): string {
	const ranges = paragraphRanges(paragraphs).map(([start, end]) => (start === end ? String(start) : `${start}-${end}`));
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

/** What a lazy slide reads when first asked: its body, its citations and its notes. */
export type SlideBody = {readonly blocks: readonly Block[]; readonly paragraphs: readonly number[]; readonly notes: string};

type LazyState = {body?: SlideBody; units?: number; readonly read: () => SlideBody; readonly stepsAtMost: number};

const lazySlides = new WeakMap<Slide, LazyState>();

/** The place of a slide: what it holds but its body. */
type SlidePlace = Omit<Slide, 'blocks' | 'units' | 'paragraphs' | 'notes'>;

function stateOf(slide: Slide): LazyState {
	const state = lazySlides.get(slide);
	if (!state) {
		throw new TypeError('not a lazy slide');
	}

	return state;
}

function bodyOf(slide: Slide): SlideBody {
	const state = stateOf(slide);
	return (state.body ??= state.read());
}

/** The parts every lazy slide reads when asked, shared (one set of getters for thousands of slides), each an own enumerable property of every slide. */
const lazyParts = {
	blocks: {
		get(this: Slide) {
			return bodyOf(this).blocks;
		},
		enumerable: true,
		configurable: true,
	},
	paragraphs: {
		get(this: Slide) {
			return bodyOf(this).paragraphs;
		},
		enumerable: true,
		configurable: true,
	},
	notes: {
		get(this: Slide) {
			return bodyOf(this).notes;
		},
		enumerable: true,
		configurable: true,
	},
	units: {
		get(this: Slide) {
			const state = stateOf(this);
			return (state.units ??= bodyOf(this).blocks.reduce((sum, block) => sum + revealUnits(block), 0));
		},
		enumerable: true,
		configurable: true,
	},
} satisfies PropertyDescriptorMap;

/**
A slide whose body is read the first time any part of it is asked for (a Markdown deck's slides: the
show reads the one it draws). `stepsAtMost` is a cheap bound on its reveal steps, known before it is
read (the footer's step column is that wide). Its parts are enumerable properties of its own (getters),
so a copy made by spreading it reads it.
*/
export function lazySlide(place: SlidePlace, read: () => SlideBody, stepsAtMost: number): Slide {
	const {id, title, budget, index, sectionId, sectionTitle, opensSection} = place;
	const slide = budget === undefined ? {id, title, index, sectionId, sectionTitle, opensSection} : {id, title, budget, index, sectionId, sectionTitle, opensSection};
	// One property at a time: quicker than Object.defineProperties for thousands of slides.
	Object.defineProperty(slide, 'blocks', lazyParts.blocks);
	Object.defineProperty(slide, 'paragraphs', lazyParts.paragraphs);
	Object.defineProperty(slide, 'notes', lazyParts.notes);
	Object.defineProperty(slide, 'units', lazyParts.units);
	lazySlides.set(slide as Slide, {read, stepsAtMost});
	return slide as Slide;
}

/** Whether a slide's body has been read (a slide of the built-in deck always has). */
export function isSlideRead(slide: Slide): boolean {
	const state = lazySlides.get(slide);
	return state === undefined || state.body !== undefined;
}

/**
Each slide's reveal steps, in deck order, each asked of its slide only when it is looked up (the
navigation asks for a slide's when it moves onto it): a deck whose slides are read lazily is not read
whole for them.
*/
export function stepCounts(deck: Deck): readonly number[] {
	const {slides} = deck;
	if (!slides.some(slide => lazySlides.has(slide))) {
		return slides.map(slide => slide.units);
	}

	const known: number[] = Array.from({length: slides.length});
	return new Proxy(known, {
		get(target, key, receiver) {
			if (typeof key === 'string' && /^\d+$/.test(key)) {
				const index = Number(key);
				return index < slides.length ? (target[index] ??= slides[index]!.units) : undefined;
			}

			return Reflect.get(target, key, receiver) as unknown;
		},
	});
}

/** The most reveal steps a slide has (for a slide not read yet, its bound): how wide the footer's step counter is. */
export function mostSteps(deck: Deck): number {
	let most = mostStepsOf.get(deck.slides);
	if (most === undefined) {
		most = 0;
		for (const slide of deck.slides) {
			most = Math.max(most, lazySlides.get(slide)?.stepsAtMost ?? slide.units);
		}

		mostStepsOf.set(deck.slides, most);
	}

	return most;
}

/** The footer asks on every frame: a deck's slides are counted once. */
const mostStepsOf = new WeakMap<readonly Slide[], number>();

/** The content slides' titles (every slide's but the first) at a glance: the longest one's length, and whether all are printable ASCII. */
export type TitleSpan = {readonly longest: number; readonly isPrintable: boolean};

const titleSpans = new WeakMap<readonly Slide[], TitleSpan>();

/** Printable ASCII: a terminal column a character. */
export function isPrintableAscii(text: string): boolean {
	return /^[\u0020-\u007E]*$/.test(text);
}

/** Tells what a deck's titles span, when its reader knows it already (a lazy deck's line scan): the layout then measures no title that fits. */
export function noteTitleSpan(slides: readonly Slide[], span: TitleSpan): void {
	titleSpans.set(slides, span);
}

export function titleSpan(slides: readonly Slide[]): TitleSpan | undefined {
	return titleSpans.get(slides);
}

/**
The deck with each slide's blocks changed by `change` (when the slide is read, for a lazy one), all
else kept: the show's deferred drawings are made this way.
*/
export function mapBlocks(deck: Deck, change: (blocks: readonly Block[]) => readonly Block[]): Deck {
	const slides = deck.slides.map(slide => {
		const state = lazySlides.get(slide);
		if (!state) {
			const blocks = change(slide.blocks);
			return blocks === slide.blocks ? slide : {...slide, blocks};
		}

		return lazySlide(slide, () => {
			const body = state.body ??= state.read();
			return {...body, blocks: change(body.blocks)};
		}, state.stepsAtMost);
	});
	const span = titleSpans.get(deck.slides);
	if (span) {
		titleSpans.set(slides, span);
	}

	return {...deck, slides};
}
