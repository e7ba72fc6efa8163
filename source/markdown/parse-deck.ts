import process from 'node:process';
import type {Heading, Html, Root, RootContent} from 'mdast';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter';
import {gfmFromMarkdown} from 'mdast-util-gfm';
import {frontmatter} from 'micromark-extension-frontmatter';
import {gfm} from 'micromark-extension-gfm';
import {type Block, revealUnits} from '../deck/blocks.js';
import {assembleDeck, type Deck, DeckError, isPrintableAscii, lazySlide, noteTitleSpan, type Section, type Slide, type SlideBody, type SlideData} from '../deck/deck.js';
import {type Piece, readBlock} from './blocks.js';
import {type ColumnDraft, columnDirective, isColumnDirective, targetBlocks} from './columns.js';
import {type FrontMatter, readFrontMatter} from './front-matter.js';
import {plainTree} from './plain-tree.js';
import {parseDuration} from '../model/clock.js';
import {inlineText, MarkdownDeckError, type Position, slideText, startOf, visibleControls} from './inline.js';
import {deckLimits, type Piece as SplitPiece, splitDeck, stepsAtMost} from './split.js';
import {asOurDeck, chosenFormat, type Notice, type OurDeck} from './formats/translate.js';
import type {DeckFormat, FormatChoice} from './formats/scan.js';

/**
A Markdown deck read into the same `Deck` the built-in slides compile to, with the line of every
title, note, citation and word, so `briefing check` can point at them. The format is in the README
("Write your own briefing") and in blocks.ts; this file reads the deck's frame: front matter, `#`
sections, `##` slides, `---` between slides, and the comment directives

	<!-- paragraphs: 4, 6-9 -->      the article paragraphs the slide cites
	<!-- speaker_note: words -->     speaker notes (several are joined)
	<!-- bars -->                    the next table is a bar chart
	<!-- budget: 1m30s -->           the slide's time (under a # section line: the section's)
	<!-- column_layout: [1, 1] -->   columns (see columns.ts), <!-- column: 0 --> and <!-- reset_layout -->
*/
export type SlidePlaces = {
	readonly title: number;
	readonly notes?: number;
	readonly paragraphs?: number;
	readonly body: readonly Piece[];
};

export type ParsedDeck = {
	readonly deck: Deck;
	/** Per slide, in deck order: where its parts are in the file (1-based lines). */
	readonly places: readonly SlidePlaces[];
	/** The presenter the file was written for, and what of it the show does not show (formats/translate.ts). */
	readonly format?: DeckFormat;
	readonly notices?: readonly Notice[];
};

/** How a deck file is read: the presenter it was written for (`auto`: found from the file), and the file's name (a deck with no title takes it). */
export type ReadOptions = {readonly format?: FormatChoice; readonly name?: string};

/** The file's text in our format (another presenter's deck translated: formats/translate.ts). */
function ourText(text: string, options: ReadOptions): OurDeck {
	return asOurDeck(text.replace(/^\uFEFF/, ''), options.format ?? chosenFormat(), options.name);
}

/** A mistake's line in the translation moved back to the file's (the lines put before the file's first are its line 1). */
export function inFile<T>(shift: number, read: () => T): T {
	try {
		return read();
	} catch (error: unknown) {
		throw fileError(shift, error);
	}
}

function fileError(shift: number, error: unknown): unknown {
	return error instanceof MarkdownDeckError && shift > 0 ? new MarkdownDeckError(error.problem, {line: Math.max(1, error.at.line - shift), column: error.at.line > shift ? error.at.column : 1}) : error;
}

function placesInFile(places: readonly SlidePlaces[], shift: number): SlidePlaces[] {
	const move = (line: number) => Math.max(1, line - shift);
	return places.map(place => ({
		title: move(place.title),
		...(place.notes === undefined ? {} : {notes: move(place.notes)}),
		...(place.paragraphs === undefined ? {} : {paragraphs: move(place.paragraphs)}),
		body: place.body.map(piece => ({...piece, line: move(piece.line)})),
	}));
}

type SlideDraft = {
	id: string;
	title: string;
	paragraphs: number[];
	notes: string[];
	blocks: Block[];
	places: {title: number; notes?: number; paragraphs?: number; body: Piece[]};
	isOpen: boolean;
	isBars: boolean;
	budget?: number;
	/** The last block, when a `Table:` caption may still follow it. */
	captionable?: Block & {kind: 'table' | 'bars'};
	/** The column layout being filled, if any (columns.ts). */
	layout?: ColumnDraft;
	/** A slide read lazily: its piece, parsed when its body is asked for. */
	piece?: SplitPiece;
};

type SectionDraft = {id: string; title: string; slides: SlideDraft[]; at: Position; budget?: number};

/**
A title's id: its letters and digits in lower case, dashes between the words. Letters of any script
are kept (a deck in Chinese or Arabic gets ids of its own words, so a reload finds its slides by
them); Latin accents are dropped (café: cafe).
*/
export function slugify(text: string): string {
	// ASCII has nothing to decompose (most titles: a deck of thousands of slides reads them all at start).
	const isAscii = /^[\u0000-\u007F]*$/.test(text);
	const letters = isAscii ? text.toLowerCase() : text.normalize('NFKD').replaceAll(/[\u0300-\u036F]/g, '').normalize('NFC').toLowerCase();
	return (isAscii ? letters.replaceAll(/[^a-z\d]+/g, '-') : letters.replaceAll(/[^\p{L}\p{N}\p{M}]+/gu, '-'))
		.replaceAll(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
}

/** An id as written (`{#id}`): lower-case letters of any script, digits and dashes, a letter or digit first. */
const idPattern = /^[\p{Ll}\p{Lo}\p{Lm}\p{N}][\p{Ll}\p{Lo}\p{Lm}\p{N}\p{M}-]*$/u;

/** A heading's words and its `{#id}`, if it ends with one as written (not escaped). */
function headingParts(node: Heading, source: string): {title: string; id?: string} {
	const title = inlineText(node.children);
	const raw = source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
	const written = /(?<!\\)\{#([^{}\s]*)\}[ \t]*#*[ \t]*$/.exec(raw);
	const shown = /\s*\{#([^{}\s]*)\}$/.exec(title);
	if (!written || !shown) {
		return {title};
	}

	const id = shown[1] ?? '';
	if (!idPattern.test(id)) {
		throw new MarkdownDeckError(`An id is lower-case letters (of any script), digits and dashes, not "${visibleControls(id)}".`, startOf(node));
	}

	return {title: title.slice(0, shown.index).trim(), id};
}

/** `4, 6-9` (a ¶ may stand first). */
function readParagraphs(text: string, at: Position): number[] {
	const numbers: number[] = [];
	for (const part of text.replace(/^¶\s*/, '').split(/\s*,\s*/).filter(Boolean)) {
		const range = /^(\d+)(?:\s*[-–]\s*(\d+))?$/.exec(part);
		const from = Number(range?.[1]);
		const to = Number(range?.[2] ?? range?.[1]);
		if (!range || to < from || to - from > 500) {
			throw new MarkdownDeckError(`In <!-- paragraphs: … -->, "${slideText(part)}" is not a paragraph number or range (4, 6-9).`, at);
		}

		for (let n = from; n <= to; n++) {
			numbers.push(n);
		}
	}

	return numbers;
}

const comment = /^<!--([\s\S]*?)-->\s*$/;

/** Undoes the escapes a comment needs: `--&gt;` for `-->`, `&amp;` for a `&` that would start one. */
export function commentText(text: string): string {
	return text.replaceAll(/&(gt|lt|amp);/g, (_, name: string) => ({gt: '>', lt: '<', amp: '&'})[name] ?? '');
}

/** `<!-- budget: 1m30s -->`: a slide's time, or under a section's `#` line (before its first slide), the section's. */
function readBudget(value: string, at: Position, target: {budget?: number} | undefined): void {
	const budget = parseDuration(value);
	if (budget === undefined) {
		throw new MarkdownDeckError(`The budget "${slideText(value.trim())}" is not a time (1m30s, 90s, 2m).`, at);
	}

	if (!target) {
		throw new MarkdownDeckError('A <!-- budget: … --> line belongs inside a slide, or under a "# Section" line.', at);
	}

	target.budget = budget;
}

function directive(node: Html, slide: SlideDraft | undefined, section?: SectionDraft): void {
	const body = comment.exec(node.value)?.[1];
	if (body === undefined && node.value.startsWith('<!--') && node.value.indexOf('-->', 2) < 0) {
		throw new MarkdownDeckError('This comment is never closed, so the rest of the deck is read as part of it: end it with -->.', startOf(node));
	}

	if (body?.includes('<!--')) {
		// Its --> is missing: the next comment's closes it, and what is between (slides too) is read as the comment.
		throw new MarkdownDeckError('This comment is never closed before the next one begins, so what is between is read as part of it: end it with -->.', startOf(node));
	}

	if (body === undefined) {
		throw new MarkdownDeckError('HTML is not shown on slides: write the words (escape a < as \\<).', startOf(node));
	}

	const named = /^\s*([a-z_]+)\s*(?::([\s\S]*))?$/i.exec(body);
	const name = named?.[1]?.toLowerCase();
	const isDirective = name === 'bars' || name === 'reset_layout' || name === 'pause' ? named?.[2] === undefined : named?.[2] !== undefined;
	if (!named || !name || !isDirective) {
		return; // An ordinary comment: not shown, not read.
	}

	const at = startOf(node);
	if (name === 'budget') {
		readBudget(named[2] ?? '', at, slide?.isOpen ? slide : slide ? undefined : section);
		return;
	}

	if (!slide?.isOpen) {
		throw new MarkdownDeckError(`The <!-- ${name} --> line belongs inside a slide (after its ## title).`, at);
	}

	const value = named[2] ?? '';
	if (name === 'speaker_note' || name === 'notes') {
		slide.notes.push(slideText(commentText(value)));
		slide.places.notes ??= at.line;
	} else if (name === 'paragraphs' || name === 'cites') {
		slide.paragraphs.push(...readParagraphs(value.trim(), at));
		slide.places.paragraphs ??= at.line;
	} else if (name === 'bars') {
		slide.isBars = true;
	} else if (name === 'pause') {
		// The first step of a slide is shown on arrival: a pause before any bullet or quote is passed on the second.
		targetBlocks(slide, at).push({kind: 'pause', steps: slide.blocks.some(block => revealUnits(block) > 0) ? 1 : 2});
		slide.captionable = undefined;
	} else if (isColumnDirective(name)) {
		columnDirective(name, value, at, slide);
	} else {
		throw new MarkdownDeckError(`The directive "${visibleControls(name)}" is not one we know (known: paragraphs, speaker_note, bars, budget, pause, column_layout, column, reset_layout).`, at);
	}
}

/** A paragraph that starts `Table:` or `Chart:` as written, right after a table or chart. */
function caption(node: RootContent, slide: SlideDraft, source: string): string | undefined {
	if (node.type !== 'paragraph' || !slide.captionable) {
		return undefined;
	}

	const raw = source.slice(node.position?.start.offset ?? 0);
	if (!/^(?:Table|Chart):/.test(raw)) {
		return undefined;
	}

	return inlineText(node.children).replace(/^(?:Table|Chart):\s*/, '');
}

type Walk = {sections: SectionDraft[]; slide?: SlideDraft; source: string; ids: Map<string, number>; sectionIds: Map<string, SectionDraft>; next: Map<string, number>; front?: FrontMatter};

/** Opens a slide at its heading (`at`); `parts`: its words and written id (the heading's, or the line scan's). */
function openSlide(at: Position, walk: Walk, parts: () => {title: string; id?: string}): SlideDraft {
	const section = walk.sections.at(-1);
	if (!section) {
		throw new MarkdownDeckError('A slide belongs to a section: put a "# Section title" line before the first "## " slide.', at);
	}

	const {title, id: written} = parts();
	if (!title) {
		throw new MarkdownDeckError('A slide needs a title after "##".', at);
	}

	const id = written ?? uniqueId(slugify(title) || 'slide', walk.ids, walk.next);
	const first = written === undefined ? undefined : walk.ids.get(id);
	if (first !== undefined) {
		throw new MarkdownDeckError(`The slide id "${id}" is used twice (first on line ${first}).`, at);
	}

	walk.ids.set(id, at.line);
	walk.slide = {id, title, paragraphs: [], notes: [], blocks: [], places: {title: at.line, body: []}, isOpen: true, isBars: false};
	section.slides.push(walk.slide);
	return walk.slide;
}

/** `base`, or `base-2`, `base-3`… the first not taken; `next` remembers where each base's count got to, so many like titles cost no more than others. */
function uniqueId(base: string, ids: ReadonlyMap<string, unknown>, next: Map<string, number>, kind = 'slide'): string {
	if (!ids.has(base)) {
		// A base not taken has no count yet (a count is kept only for a base that is taken): it would start at 2.
		return base;
	}

	let id = base;
	let n = next.get(`${kind}:${base}`) ?? 2;
	for (; ids.has(id); n++) {
		id = `${base}-${n}`;
	}

	next.set(`${kind}:${base}`, n);
	return id;
}

/** Opens a section at its heading (`at`); `parts` as openSlide's. */
function openSection(at: Position, walk: Walk, parts: () => {title: string; id?: string}): void {
	const {title, id: written} = parts();
	if (!title) {
		throw new MarkdownDeckError('A section needs a title after "#".', at);
	}

	const id = written ?? uniqueId(slugify(title) || 'section', walk.sectionIds, walk.next, 'section');
	const twin = walk.sectionIds.get(id);
	if (twin) {
		throw new MarkdownDeckError(`The section id "${id}" is used twice (first on line ${twin.at.line}).`, at);
	}

	const last = walk.sections.at(-1);
	if (last && last.slides.length === 0) {
		throw new MarkdownDeckError(`The section "${last.title}" has no slides.`, last.at);
	}

	walk.sections.push({id, title, slides: [], at: at});
	walk.sectionIds.set(id, walk.sections.at(-1)!);
	walk.slide = undefined;
}

function addBlock(node: RootContent, walk: Walk): void {
	const {slide} = walk;
	if (!slide?.isOpen) {
		throw new MarkdownDeckError(
			walk.sections.length === 0 ? 'Slides start with a "# Section" line, then a "## Slide title" line.' : 'This is outside any slide: start one with "## Title".',
			startOf(node),
		);
	}

	const text = caption(node, slide, walk.source);
	if (text !== undefined && slide.captionable) {
		const blocks = targetBlocks(slide, startOf(node));
		const index = blocks.lastIndexOf(slide.captionable);
		blocks[index] = {...slide.captionable, caption: text};
		slide.places.body.push({text, line: startOf(node).line});
		slide.captionable = undefined;
		return;
	}

	if (slide.isBars && node.type !== 'table') {
		throw new MarkdownDeckError('A <!-- bars --> line is followed by the chart\'s table.', startOf(node));
	}

	const read = readBlock(node, slide.isBars);
	slide.isBars = false;
	const blocks = targetBlocks(slide, startOf(node));
	// A pause right before bullets, a list or a quote would be a step that shows nothing: they wait for their own step.
	if (blocks.at(-1)?.kind === 'pause' && read.block.kind !== 'columns' && revealUnits(read.block) > 0) {
		blocks.pop();
		const before = blocks.at(-1);
		if (before?.kind === 'bullets' && read.block.kind === 'bullets') {
			// One list again, as it reads back from a deck written without the pause.
			blocks[blocks.length - 1] = {kind: 'bullets', items: [...before.items, ...read.block.items]};
			slide.places.body.push(...read.pieces);
			slide.captionable = undefined;
			return;
		}
	}

	blocks.push(read.block);
	slide.places.body.push(...read.pieces);
	slide.captionable = read.block.kind === 'table' || read.block.kind === 'bars' ? read.block : undefined;
}

function walkNode(node: RootContent, walk: Walk): void {
	if (node.type === 'heading' && node.depth === 1) {
		openSection(startOf(node), walk, () => headingParts(node, walk.source));
	} else if (node.type === 'heading' && node.depth === 2) {
		openSlide(startOf(node), walk, () => headingParts(node, walk.source));
	} else if (node.type === 'heading' && node.depth > 3) {
		throw new MarkdownDeckError('Slides use # sections, ## slide titles and ### heading lines; no deeper.', startOf(node));
	} else if (node.type === 'thematicBreak') {
		if (walk.slide) {
			walk.slide.isOpen = false;
		}
	} else if (node.type === 'html') {
		directive(node, walk.slide, walk.sections.at(-1));
	} else if (node.type === 'definition') {
		throw new MarkdownDeckError('Link definitions are not part of a slide.', startOf(node));
	} else if (node.type !== 'yaml') {
		addBlock(node, walk);
	}
}

/** The parser's options, made once: micromark combines its extensions on every call it is given new ones. */
let options: Parameters<typeof fromMarkdown>[1] | undefined;

/** The tree of `text` by micromark (with GFM and YAML front matter). */
export function micromarkTree(text: string): Root {
	options ??= {
		extensions: [gfm(), frontmatter(['yaml'])],
		mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
	};
	return fromMarkdown(text, options);
}

/** The tree of `text`: read without micromark when it is plain (plain-tree.ts), else by micromark. */
export function parseMarkdownTree(text: string): Root {
	return plainTree(text) ?? micromarkTree(text);
}

type Point = {line: number; column: number; offset?: number | undefined};

/** Moves every position in a piece's tree to where the piece is in the file (no recursion: a tree may be deep). */
function placeTree(tree: Root, piece: SplitPiece): void {
	const move = (point: Point) => {
		point.line += piece.line - 1;
		point.offset = (point.offset ?? 0) + piece.offset;
	};

	const stack: Array<{position?: {start: Point; end: Point} | undefined; children?: unknown[]}> = [...tree.children];
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (node.position) {
			move(node.position.start);
			move(node.position.end);
		}

		if (Array.isArray(node.children)) {
			stack.push(...(node.children as typeof stack));
		}
	}
}

/**
Neighbouring pieces joined up to about 8 KB: each call of the parser costs a fixed part (it puts its
extensions together again) that a slide of a few lines would mostly pay, while the growth that made a
whole file slow does not show at this size. Any pieces side by side may be joined, as each starts
where a block may.
*/
function* batches(source: string, pieces: readonly SplitPiece[], size: number): Generator<SplitPiece> {
	for (let first = 0; first < pieces.length; ) {
		let last = first;
		let length = pieces[first]!.text.length;
		while (last + 1 < pieces.length && length + pieces[last + 1]!.text.length <= size) {
			last++;
			length += pieces[last]!.text.length;
		}

		const start = pieces[first]!;
		yield {text: source.slice(start.offset, start.offset + length), line: start.line, offset: start.offset};
		first = last + 1;
	}
}

/**
The deck's Markdown nodes, in file order, read a few slides at a time (`batchSize` characters; 0: each
alone) with the file's positions, until `parseMs` of processor time (the deck's limit) have gone.
*/
export function* deckNodes(source: string, batchSize = 8 * 1024, parseMs: number = deckLimits.parseMs): Generator<RootContent> {
	// Processor time, not the clock's: a busy machine slows a deck down, it does not make it too big.
	const cpuMs = () => {
		const used = process.cpuUsage();
		return (used.user + used.system) / 1000;
	};

	const started = cpuMs();
	// The processor time is asked for only when the clock says it may be over (the question is a system call).
	let clock = Date.now();
	for (const {tree, piece} of pieceTrees(source, splitDeck(source), batchSize)) {
		if (Date.now() - clock >= parseMs / 4 && ((clock = Date.now()), cpuMs() - started > parseMs)) {
			throw new MarkdownDeckError(`Reading the deck took over ${parseMs / 1000} s and stopped at this line (split the deck).`, {line: piece.line, column: 1});
		}

		placeTree(tree, piece);
		yield* tree.children;
	}
}

/**
Each piece's tree, in file order: a plain piece read alone without micromark (plain-tree.ts), the
pieces between plain ones by micromark in batches (see `batches`).
*/
function* pieceTrees(source: string, pieces: readonly SplitPiece[], batchSize: number): Generator<{tree: Root; piece: SplitPiece}> {
	let waiting: SplitPiece[] = [];
	function* parseWaiting(): Generator<{tree: Root; piece: SplitPiece}> {
		for (const batch of batches(source, waiting, batchSize)) {
			yield {tree: micromarkTree(batch.text), piece: batch};
		}

		waiting = [];
	}

	for (const piece of pieces) {
		const tree = plainTree(piece.text);
		if (tree) {
			yield* parseWaiting();
			yield {tree, piece};
		} else {
			waiting.push(piece);
		}
	}

	yield* parseWaiting();
}

/**
Walks the whole deck, a node at a time (it yields after each), and ends with the walk and the front
matter; a mistake throws a MarkdownDeckError with its line and column.
*/
function* walkDeck(source: string, batchSize?: number, parseMs?: number): Generator<void, {walk: Walk; front: FrontMatter}> {
	const walk: Walk = {sections: [], source, ids: new Map(), sectionIds: new Map(), next: new Map()};
	let isFirst = true;
	for (const node of deckNodes(source, batchSize, parseMs)) {
		if (isFirst) {
			walk.front = readFrontMatter(node.type === 'yaml' ? node : undefined, node);
			isFirst = false;
		}

		walkNode(node, walk);
		yield;
	}

	return endedWalk(walk);
}

/**
The whole deck read as `parseMarkdownDeck` reads it, a step at a time (a show's reading ahead runs it in
its idle time: in pieces of about 1 KB, and without the time limit, as it holds nothing up); the last
step throws the first mistake, as the whole read would.
*/
export function* checkDeckSteps(text: string, options: ReadOptions = {}): Generator<void, void> {
	const {text: source, shift} = ourText(text, options);
	const steps = walkDeck(source, 1024, Number.POSITIVE_INFINITY);
	for (;;) {
		const step = inFile(shift, () => steps.next());
		if (step.done) {
			return;
		}

		yield;
	}
}

/** Reads a Markdown deck (ours, or another presenter's: see ReadOptions); a mistake throws a MarkdownDeckError with its line and column in the file. */
export function parseMarkdownDeck(text: string, options: ReadOptions = {}): ParsedDeck {
	const {text: source, shift, format, notices} = ourText(text, options);
	const parsed = inFile(shift, () => parseOurDeck(source));
	return {...parsed, places: placesInFile(parsed.places, shift), format, notices};
}

function parseOurDeck(source: string): ParsedDeck {
	const steps = walkDeck(source);
	let step = steps.next();
	while (!step.done) {
		step = steps.next();
	}

	const {walk, front} = step.value;
	const slides = walk.sections.flatMap(section => section.slides);
	try {
		const deck = assembleDeck({...front, sections: walk.sections.map(section => ({...section, slides: section.slides.map(slide => slideData(slide))}))});
		return {deck, places: slides.map(slide => slide.places)};
	} catch (error: unknown) {
		if (error instanceof DeckError) {
			throw new MarkdownDeckError(error.message, {line: 1, column: 1});
		}

		throw error;
	}
}

function slideData(slide: SlideDraft): SlideData {
	return {id: slide.id, title: slide.title, paragraphs: slide.paragraphs, notes: slide.notes.join(' '), blocks: slide.blocks, ...(slide.budget === undefined ? {} : {budget: slide.budget})};
}

/**
A Markdown deck read for a show: the line scan's pieces give every slide's title, section and place, and
each slide's body is parsed the first time it is asked for (so the first frame parses the slide it
shows). The front matter and any piece the scan cannot vouch for (see `isPlainPiece`) are parsed
now, in order; everything the whole deck's reading checks across slides (ids, sections, the summary)
is checked now too. A slide that fails when read later becomes a slide saying so, and `problemOf`
gives its error: a show reads the rest in the background to find it.
*/
export type LazyDeck = {
	readonly deck: Deck;
	readonly problemOf: (index: number) => MarkdownDeckError | undefined;
};

/** A slide's title line read without the parser: `## Words` of plain letters, digits and punctuation that Markdown leaves as written. */
export function plainTitle(line: string): string | undefined {
	const heading = /^#{1,2}[ \t]+(.*)$/.exec(line.replace(/\r$/, ''));
	const words = heading?.[1]?.replace(/(?:^|[ \t]+)#+[ \t]*$/, '').trim();
	return words && /^[A-Za-z\d,.:;'"?()%$/+=-]+(?: [A-Za-z\d,.:;'"?()%$/+=-]+)*$/.test(words) ? words : undefined;
}

/** A piece the scan reads as one `## ` slide or one `# ` section line and blank lines, with a plain title. */
function isPlainPiece(piece: SplitPiece): {level: 1 | 2; title: string} | undefined {
	// A slide's budget is read at start with its title (the pace plans the talk from every slide's).
	if (piece.mayHoldHeading !== false || (piece.text.includes('budget') && /<!--\s*budget\s*:/i.test(piece.text))) {
		return undefined;
	}

	// Most titles read at once (what plainTitle reads them to), any other through plainTitle.
	quickTitle.lastIndex = 0;
	const quick = quickTitle.exec(piece.text);
	const firstEnd = quick ? quickTitle.lastIndex : piece.text.indexOf('\n');
	const first = quick || firstEnd === -1 ? piece.text : piece.text.slice(0, firstEnd);
	const title = quick ? quick[2] : plainTitle(first);
	if (title === undefined) {
		return undefined;
	}

	const level = quick ? (quick[1]!.length as 1 | 2) : first.startsWith('## ') || first.startsWith('##\t') ? 2 : 1;
	return level === 1 && firstEnd !== -1 && /\S/.test(piece.text.slice(firstEnd)) ? undefined : {level, title};
}

/** A title line of plain words, one space between them (plainTitle reads it to those words), and its line's end. */
const quickTitle = /(#{1,2}) ([A-Za-z\d,.:;'"?()%$/+=-]+(?: [A-Za-z\d,.:;'"?()%$/+=-]+)*)[ \t]*\r?(?:\n|$)/y;

/** Parses one piece alone, with the file's positions. */
function pieceNodes(piece: SplitPiece): RootContent[] {
	const tree = parseMarkdownTree(piece.text);
	placeTree(tree, piece);
	return tree.children;
}

/** A lazy slide's body: its piece parsed and walked as the whole deck's reading would walk it. */
function readPiece(piece: SplitPiece, draft: SlideDraft, walk: Walk): SlideBody {
	const slide: SlideDraft = {...draft, paragraphs: [], notes: [], blocks: [], places: {title: draft.places.title, body: []}, isOpen: true, isBars: false};
	const own: Walk = {...walk, slide};
	const [heading, ...rest] = pieceNodes(piece);
	if (heading?.type !== 'heading' || heading.depth !== 2) {
		throw new MarkdownDeckError('This slide could not be read apart from the deck.', {line: piece.line, column: 1});
	}

	for (const node of rest) {
		if (node.type === 'heading' && node.depth <= 2) {
			throw new MarkdownDeckError('This slide could not be read apart from the deck.', startOf(node));
		}

		walkNode(node, own);
	}

	return {blocks: slide.blocks, paragraphs: slide.paragraphs, notes: slide.notes.join(' ')};
}

/** The skeleton's walk: plain pieces become lazy slides and sections from their lines, the rest is parsed and walked now. */
function walkPieces(pieces: readonly SplitPiece[], walk: Walk): void {
	for (const [index, piece] of pieces.entries()) {
		const plain = index === 0 ? undefined : isPlainPiece(piece);
		if (!plain) {
			for (const node of pieceNodes(piece)) {
				if (index === 0 && walk.front === undefined) {
					walk.front = readFrontMatter(node.type === 'yaml' ? node : undefined);
				}

				walkNode(node, walk);
			}

			continue;
		}

		// The scan read its words: a section now, a slide's body when it is asked for.
		const at = {line: piece.line, column: 1};
		if (plain.level === 1) {
			openSection(at, walk, () => plain);
		} else {
			openSlide(at, walk, () => plain).piece = piece;
			walk.slide = undefined;
		}
	}
}

/** The walk's front matter, once the walk is over: a deck with no slides, or a last section without any, is refused. */
function endedWalk(walk: Walk): {walk: Walk; front: FrontMatter} {
	const front = walk.front ?? readFrontMatter(undefined);
	const last = walk.sections.at(-1);
	if (!last) {
		throw new MarkdownDeckError('The deck has no slides: add a "# Section" line and a "## Slide title" under it.', {line: 1, column: 1});
	}

	if (last.slides.length === 0) {
		throw new MarkdownDeckError(`The section "${last.title}" has no slides.`, last.at);
	}

	return {walk, front};
}

function deckSkeleton(source: string): {walk: Walk; front: FrontMatter} {
	const walk: Walk = {sections: [], source, ids: new Map(), sectionIds: new Map(), next: new Map()};
	walkPieces(splitDeck(source), walk);
	const {front} = endedWalk(walk);

	if (!front.title.trim()) {
		throw new MarkdownDeckError('The deck has no title.', {line: 1, column: 1});
	}

	if (front.summary !== undefined && !walk.ids.has(front.summary)) {
		throw new MarkdownDeckError(`The summary slide "${front.summary}" is not in the deck.`, {line: 1, column: 1});
	}

	return {walk, front};
}

/** What a slide that fails when it is read shows instead of its body. */
function unreadable(error: MarkdownDeckError): SlideBody {
	return {blocks: [{kind: 'text', text: `This slide could not be read (line ${error.at.line}, column ${error.at.column}). ${error.problem}`}], paragraphs: [], notes: ''};
}

/** Reads a Markdown deck for a show, each slide's body when it is first asked for; a mistake found now throws a MarkdownDeckError. */
export function readDeckLazily(text: string, options: ReadOptions = {}): LazyDeck & {readonly format: DeckFormat; readonly notices: readonly Notice[]} {
	const {text: source, shift, format, notices} = ourText(text, options);
	const lazy = inFile(shift, () => readOurDeckLazily(source));
	return {deck: lazy.deck, problemOf: index => fileError(shift, lazy.problemOf(index)) as MarkdownDeckError | undefined, format, notices};
}

function readOurDeckLazily(source: string): LazyDeck {
	const {walk, front} = deckSkeleton(source);
	const problems = new Map<number, MarkdownDeckError>();
	const slides: Slide[] = [];
	const sections: Section[] = [];
	// The content titles' span (the layout measures none that fits): a title the scan read is printable ASCII.
	let longest = 0;
	let isPrintable = true;
	for (const section of walk.sections) {
		sections.push({id: section.id, title: section.title, start: slides.length, count: section.slides.length, ...(section.budget === undefined ? {} : {budget: section.budget})});
		for (let at = 0; at < section.slides.length; at++) {
			const draft = section.slides[at]!;
			const index = slides.length;
			const place = {id: draft.id, title: draft.title, budget: draft.budget, index, sectionId: section.id, sectionTitle: section.title, opensSection: at === 0};
			const {piece} = draft;
			const read = piece
				? () => {
					try {
						return readPiece(piece, draft, walk);
					} catch (error: unknown) {
						if (!(error instanceof MarkdownDeckError)) {
							throw error;
						}

						problems.set(index, error);
						return unreadable(error);
					}
				}
				: () => ({blocks: draft.blocks, paragraphs: draft.paragraphs, notes: draft.notes.join(' ')});
			slides.push(lazySlide(place, read, piece ? (piece.steps ?? stepsAtMost(piece.text)) : draft.blocks.reduce((sum, block) => sum + revealUnits(block), 0)));
			if (index > 0) {
				longest = Math.max(longest, draft.title.length);
				isPrintable &&= piece !== undefined || isPrintableAscii(draft.title);
			}
		}
	}

	noteTitleSpan(slides, {longest, isPrintable});

	const deck: Deck = {title: front.title, source: front.source, ...(front.summary ? {summary: front.summary} : {}), ...(front.abstract ? {abstract: front.abstract} : {}), ...(front.duration === undefined ? {} : {duration: front.duration}), ...(front.lang ? {lang: front.lang} : {}), sections, slides};
	return {deck, problemOf: index => problems.get(index)};
}
