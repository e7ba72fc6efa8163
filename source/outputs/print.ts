import {type Block, drawingCharacters, listItems, quoteInMarks, withoutPauses} from '../deck/blocks.js';
import {layoutCode} from '../layout/code.js';
import type {Deck, Slide, SourceInfo} from '../deck/deck.js';
import {sourceNoun} from '../deck/source-words.js';
import {indentLines, padCells, textWidth, wrap} from '../text/wrap.js';
import {lineText} from '../text/lines.js';
import {stripControls} from '../text/sanitize.js';
import {aboutLine, handoutParts, hasOwnHeading, isWholeDeck, memoSummary, partTitle, slideCitation, slideRange, whoseLine} from './handout.js';

/**
The deck as plain text: what a pipe, a file, `--print` and `--export txt` get, laid out as a memo
(the title and whose briefing it is, the summary, the contents, then each section with its slides),
in plain words that read in a proportional font as well as in a terminal. No escape
bytes, ever: every control character but the newline is taken out on the way.
*/
export type TextOptions = {
	readonly width?: number;
	readonly showNotes?: boolean;
	/** Only these slides (see `selectSlides`); the whole deck by default. */
	readonly slides?: readonly Slide[];
	/** The deck's source, for the words under each slide (`Article ¶ 3`); none says `¶ 3`. */
	readonly source?: SourceInfo;
};

/** The source's address, when the deck has one that is a plain web address (never javascript: and the like). */
export function sourceUrl(deck: Deck): string | undefined {
	const url = deck.source?.url;
	return url && /^https?:\/\/[^\s<>"]+$/i.test(url) ? url : undefined;
}

/** `The article: https://…` under the credit line, named for the kind of source. */
export function urlLabel(deck: Deck): string {
	return `The ${sourceNoun(deck.source)}:`;
}

/** Text wrapped to `width`, its first line after `first` and the others under it after `rest`. */
function hanging(text: string, width: number, first: string, rest = ' '.repeat(textWidth(first))): string[] {
	return wrap(text, width - textWidth(first)).map((part, index) => (index === 0 ? first : rest) + part);
}

function underlined(text: string, width: number, rule: string): string[] {
	const lines = wrap(text, width);
	return [...lines, rule.repeat(Math.min(width, Math.max(...lines.map(part => textWidth(part)))))];
}

/**
One block as plain words that read the same in a proportional font (an email, a word processor):
lists with a dash, a table's rows as "column: value" pairs, a bar chart's figures in the article's
words; no box drawing, no bars of blocks, no columns padded with spaces.
*/
export function blockPlain(block: Block, width: number): string[] {
	switch (block.kind) {
		case 'heading':
		case 'lead':
		case 'text':
		case 'source': {
			return wrap(block.text, width);
		}

		case 'bullets': {
			return block.items.flatMap(item => hanging(item, width, '- '));
		}

		case 'list': {
			// Each item after its number or a dash, an item's own list indented under its words.
			const indents = [0];
			return listItems(block).flatMap(({item, depth, number, list}) => {
				const marker = list.ordered ? `${number}. ` : '- ';
				indents[depth + 1] = (indents[depth] ?? 0) + textWidth(marker);
				return hanging(item.text, width, ' '.repeat(indents[depth] ?? 0) + marker);
			});
		}

		case 'code': {
			// Indented four spaces (as Markdown writes code), under the name of its language; never coloured.
			return [...(block.lang ? [`${block.lang} code:`] : []), ...layoutCode({text: block.text}, width, '    ').map(line => lineText(line).trimEnd())];
		}

		case 'columns': {
			return block.columns.flat().flatMap((each, index) => [...(index > 0 ? [''] : []), ...blockPlain(each, width)]);
		}

		case 'quote': {
			return [...wrap(quoteInMarks(block), width), ...hanging(block.speaker + (block.role ? `, ${block.role}` : ''), width, '  — ')];
		}

		case 'fact': {
			return wrap(`${block.value}: ${block.label}`, width);
		}

		case 'table': {
			const rows = block.rows.flatMap(row => hanging(block.columns.map((column, index) => `${column}: ${row[index] ?? ''}`).join('; '), width, '- '));
			return [...rows, ...(block.caption ? wrap(block.caption, width) : [])];
		}

		case 'bars': {
			const bars = block.bars.flatMap(bar => hanging(`${bar.label}: ${bar.display}`, width, '- '));
			return [...bars, ...(block.caption ? wrap(block.caption, width) : [])];
		}

		case 'timeline': {
			return block.events.flatMap(event => hanging(`${event.when}: ${event.what}`, width, '- '));
		}

		case 'drawn': {
			// As Ink lays it out at this width (a centred line stays centred), without its frame's characters.
			return block
				.draw(width)
				.map(line => lineText(line).replaceAll(drawingCharacters, ' ').trimEnd())
				.map(line => line.replace(/(?<=\S) {2,}/g, ' '))
				.filter((line, index, lines) => line || (index > 0 && index < lines.length - 1));
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

/** One slide as a sub-heading of its section: the title underlined, the body, the paragraphs it cites. */
export function slideText(slide: Slide, options: TextOptions = {}): string {
	const width = options.width ?? 78;
	const lines: string[] = hasOwnHeading(slide) ? [...underlined(slide.title, width, '-'), ''] : [];
	for (const [index, block] of withoutPauses(slide.blocks).entries()) {
		lines.push(...(index > 0 ? [''] : []), ...indentLines(blockPlain(block, width - 2), '  '));
	}

	const cited = slideCitation(slide, options.source);
	lines.push(...(cited ? ['', `  ${cited}`] : []));
	if (options.showNotes && slide.notes) {
		lines.push('', ...hanging(slide.notes, width, '  Notes: ', '  '));
	}

	return stripControls(lines.join('\n'));
}

/** The memo's head: title, whose briefing, the "as of" line, and for the whole deck the summary and the contents. */
function headText(deck: Deck, slides: readonly Slide[], width: number): string[] {
	const url = sourceUrl(deck);
	const credit = [...wrap(whoseLine(deck), width).filter(Boolean), ...(url ? [`${urlLabel(deck)} ${url}`] : [])];
	const head = [...underlined(deck.title, width, '='), '', ...credit, ...(credit.length > 0 ? [''] : []), ...wrap(aboutLine(deck, slides), width)];
	if (!isWholeDeck(deck, slides)) {
		return head;
	}

	const memo = memoSummary(deck);
	const summary = memo ? (memo.kind === 'paragraph' ? wrap(memo.text, width) : memo.points.flatMap(point => hanging(point, width, '- '))) : [];
	const contents = handoutParts(deck).map(part => `${part.number}. ${part.section.title} (${slideRange(part.slides)})`);
	return [...head, ...(summary.length > 0 ? ['', ...underlined('Summary', width, '-'), '', ...summary] : []), '', ...underlined('Contents', width, '-'), '', ...contents];
}

/** The deck as a plain-text memo: what a pipe, a file, `--print` and `--export txt` get. */
export function deckText(deck: Deck, options: TextOptions = {}): string {
	const width = options.width ?? 78;
	const slides = options.slides ?? deck.slides;
	const rule = '='.repeat(width);
	const body = handoutParts(deck, slides).flatMap(part => [
		'',
		rule,
		...wrap(partTitle(part), width),
		rule,
		...part.slides.flatMap(slide => ['', slideText(slide, {...options, source: deck.source}), '']),
	]);
	return stripControls([...headText(deck, slides, width), ...body].join('\n').trimEnd()) + '\n';
}

/** `--list`: sections with their slide numbers and names, as --slide and --section take them. */
export function listText(deck: Deck): string {
	const lines: string[] = [];
	const idWidth = Math.max(...deck.sections.map(section => textWidth(section.id)));
	for (const section of deck.sections) {
		lines.push(`${padCells(section.id, idWidth)}  ${section.title}`);
		for (let index = section.start; index < section.start + section.count; index++) {
			lines.push(`  ${String(index + 1).padStart(2)}  ${deck.slides[index]?.title ?? ''}`);
		}
	}

	return stripControls(lines.join('\n')) + '\n';
}
