import type {Block} from '../deck/blocks.js';
import {blocksUpTo, blockTexts, listItems, quoteInMarks, revealUnits, writtenOrder} from '../deck/blocks.js';
import {inlineParts} from '../text/code-spans.js';
import {type Deck, namesSource, paragraphRanges, type Slide, type SourceInfo} from '../deck/deck.js';
import {sourceNoun} from '../deck/source-words.js';
import {helpRows} from '../model/keymap.js';
import {modeOf, type NavigationState} from '../model/navigation.js';
import {stripControls} from '../text/sanitize.js';

/**
The screen-reader view, pure: a slide as linear text, one line per thing on it, each line saying what
it is ("Bullet 2 of 3: ...", "Quote, Alejandro Mayorkas: ..."). Charts and tables become sentences, and
there is no drawing at all (no rules, boxes, bars or progress bars), so a screen reader reads words
only. The same blocks as the live show: hidden reveal steps are not read.
*/
export type SpeechOptions = {
	/** Reveal units shown; the rest of the slide is not read yet. */
	readonly step?: number;
	readonly isRevealing?: boolean;
	readonly showNotes?: boolean;
};

function sentence(text: string): string {
	const clean = stripControls(text.includes('`') ? inlineParts(text).map(part => part.text).join('') : text).replaceAll(/\s+/g, ' ').trim();
	return /[.!?…:;"'”’)]$/.test(clean) ? clean : `${clean}.`;
}

function joinList(parts: readonly string[]): string {
	return parts.map(part => stripControls(part).replaceAll(/\s+/g, ' ').trim()).join('; ');
}

function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "¶ 6-7, 9" in words a speech synthesiser reads well, naming the kind of source ("Source: report paragraph 3."). */
export function paragraphsInWords(paragraphs: readonly number[], source: SourceInfo = {kind: 'article'}): string {
	const ranges = paragraphRanges(paragraphs).map(([start, end]) => (start === end ? String(start) : `${start} to ${end}`));
	if (ranges.length === 0) {
		return '';
	}

	const last = ranges.pop()!;
	const words = ranges.length > 0 ? `${ranges.join(', ')} and ${last}` : last;
	const noun = namesSource(source) ? `${sourceNoun(source)} ` : '';
	return `Source: ${noun}${new Set(paragraphs).size === 1 ? 'paragraph' : 'paragraphs'} ${words}.`;
}

/** A list's items as the room sees them: each with its number, or its bullet's place in its list; an item's own items are sub-items. */
function listSpeech(block: Extract<Block, {kind: 'list'}>, visible: number): string[] {
	return listItems(block)
		.slice(0, visible)
		.map(({item, depth, number, list}) => {
			const kind = `${depth > 0 ? 'Sub-' : ''}${list.ordered ? 'item' : 'bullet'}`;
			const where = list.ordered ? String(number) : `${number - list.start + 1} of ${list.items.length}`;
			return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${where}: ${sentence(item.text)}`;
		});
}

/** Code line by line as written: a screen reader reads its characters, not sentences made of it. */
function codeSpeech(block: Extract<Block, {kind: 'code'}>): string[] {
	const rows = block.text.split('\n');
	return [`Code${block.lang ? ` in ${stripControls(block.lang)}` : ''}, ${plural(rows.length, 'line')}:`, ...rows.map(row => stripControls(row))];
}

/** Each column that shows anything, named, then its blocks. */
function columnsSpeech(block: Extract<Block, {kind: 'columns'}>, visible: number): string[] {
	// Steps go through the blocks in the order written (writtenOrder); a pause not reached holds back what is written after it.
	const steps = new Map<Block, number>();
	let before = 0;
	for (const {block: each} of writtenOrder(block)) {
		if (each.kind === 'pause' && visible - before < each.steps) {
			break;
		}

		steps.set(each, Math.max(0, visible - before));
		before += revealUnits(each);
	}

	return block.columns.flatMap((column, index) => {
		const lines = column.flatMap(each => (steps.has(each) ? blockSpeech(each, steps.get(each)!) : []));
		return lines.length > 0 ? [`Column ${index + 1} of ${block.columns.length}:`, ...lines] : [];
	});
}

function quoteSpeech(block: Extract<Block, {kind: 'quote'}>): string {
	const who = block.role ? `${block.speaker}, ${block.role}` : block.speaker;
	return `Quote, ${stripControls(who)}: ${sentence(quoteInMarks(block))}`;
}

/** A table as its columns, then a sentence per row that names each cell by its column. */
function tableSpeech(block: Extract<Block, {kind: 'table'}>): string[] {
	const [first = '', ...others] = block.columns;
	const lines = [`Table, ${plural(block.columns.length, 'column')}: ${joinList(block.columns)}. ${plural(block.rows.length, 'row')}.`];
	for (const [index, row] of block.rows.entries()) {
		const cells = others.map((column, offset) => `${column}: ${row[offset + 1] ?? ''}`);
		lines.push(`Row ${index + 1}, ${stripControls(first)} ${sentence(row[0] ?? '')} ${sentence(joinList(cells))}`);
	}

	if (block.caption) {
		lines.push(`Table note: ${sentence(block.caption)}`);
	}

	return lines;
}

/** One block as lines; `visible` is how many of its reveal units show. */
export function blockSpeech(block: Block, visible: number): string[] {
	switch (block.kind) {
		case 'heading': {
			return [`Headline: ${sentence(block.text)}`];
		}

		case 'lead': {
			return [`Lead: ${sentence(block.text)}`];
		}

		case 'text': {
			return [sentence(block.text)];
		}

		case 'source': {
			return [`Source line: ${sentence(block.text)}`];
		}

		case 'bullets': {
			return block.items
				.slice(0, visible)
				.map((item, index) => `Bullet ${index + 1} of ${block.items.length}: ${sentence(item)}`);
		}

		case 'list': {
			return listSpeech(block, visible);
		}

		case 'code': {
			return codeSpeech(block);
		}

		case 'columns': {
			return columnsSpeech(block, visible);
		}

		case 'quote': {
			return visible < 1 ? [] : [quoteSpeech(block)];
		}

		case 'fact': {
			return [`Key figure: ${stripControls(block.value)}, ${sentence(block.label)}`];
		}

		case 'table': {
			return tableSpeech(block);
		}

		case 'bars': {
			const figures = block.bars.map(bar => `${bar.label}: ${bar.display}`);
			return [
				`Chart, ${plural(block.bars.length, 'bar')}: ${sentence(joinList(figures))}`,
				...(block.caption ? [`Chart note: ${sentence(block.caption)}`] : []),
			];
		}

		case 'timeline': {
			const events = block.events.map(event => `${event.when}: ${event.what}`);
			return [`Timeline, ${plural(block.events.length, 'event')}: ${sentence(joinList(events))}`];
		}

		case 'drawn': {
			return blockTexts(block).map(line => sentence(line));
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

/** A slide as the lines a screen reader reads, in order. */
export function slideSpeech(deck: Deck, slide: Slide, options: SpeechOptions = {}): string[] {
	const step = options.step ?? slide.units;
	const lines = [
		`Slide ${slide.index + 1} of ${deck.slides.length}. ${sentence(slide.sectionTitle)}`,
		`Heading: ${sentence(slide.title)}`,
	];
	if (options.isRevealing && slide.units > 1) {
		lines.push(`Point ${Math.min(step, slide.units)} of ${slide.units}.`);
	}

	let unitsBefore = 0;
	for (const block of blocksUpTo(slide.blocks, step)) {
		lines.push(...blockSpeech(block, Math.max(0, step - unitsBefore)));
		unitsBefore += revealUnits(block);
	}

	const cite = paragraphsInWords(slide.paragraphs, deck.source);
	if (cite) {
		lines.push(cite);
	}

	if (options.showNotes) {
		lines.push(slide.notes ? `Speaker notes: ${sentence(slide.notes)}` : 'No speaker notes for this slide.');
	}

	return lines;
}

/** The lines for the whole screen in this state: the slide, the help, or the blank screen. */
export function screenReaderLines(deck: Deck, state: NavigationState, status?: string): string[] {
	const slide = deck.slides[state.index];
	if (!slide) {
		return [];
	}

	const where = `slide ${state.index + 1} of ${deck.slides.length}`;
	const mode = modeOf(state);
	const tail = status ? [sentence(status)] : [];
	if (mode === 'blank') {
		return [`Screen blanked (${state.blank}). Press any key to return to ${where}.`, ...tail];
	}

	if (mode === 'help') {
		return [
			`Keys, on ${where}.`,
			...helpRows('slides').map(row => `${row.label}: ${row.keys}`),
			'Press Escape or question mark to close the keys.',
			...tail,
		];
	}

	const pending = /^\d+$/.test(state.pending) ? [`Go to slide ${state.pending}: press Enter.`] : [];
	return [
		...slideSpeech(deck, slide, {step: state.step, isRevealing: state.isRevealing, showNotes: state.showNotes}),
		...pending,
		...tail,
		state.index + 1 < deck.slides.length || state.step < slide.units
			? 'Next: right arrow or space. Previous: left arrow. All keys: question mark.'
			: 'Last slide. Previous: left arrow. Quit: q.',
	];
}
