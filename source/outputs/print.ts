import type {Deck, Slide} from '../deck/deck.js';
import {formatParagraphs} from '../deck/deck.js';
import {layoutBlocks} from '../layout/layout.js';
import {lineText, textWidth, wrap} from '../text/lines.js';
import {stripControls} from '../text/sanitize.js';
import {aboutLine, handoutParts, isWholeDeck, partTitle, slideLabel, slideRange, summaryPoints} from './handout.js';

/**
The deck as plain text: what a pipe, a file, `--print` and `--export txt` get, laid out as a memo
(the title and source, the summary, the contents, then each section with its slides). The words are
the layout's segments without their roles, so they are the same as on the live slides. No escape
bytes, ever: every control character but the newline is taken out on the way.
*/
export type TextOptions = {
	readonly width?: number;
	readonly showNotes?: boolean;
	/** Only these slides (see `selectSlides`); the whole deck by default. */
	readonly slides?: readonly Slide[];
};

/** Who wrote it, where and when: the line every output starts with. */
export function sourceLine(deck: Deck): string {
	return `${deck.source.outlet}, ${deck.source.date}, by ${deck.source.author}`;
}

/** The article's address, when the deck has one that is a plain web address (never javascript: and the like). */
export function sourceUrl(deck: Deck): string | undefined {
	const url = deck.source.url;
	return url && /^https?:\/\/[^\s<>"]+$/i.test(url) ? url : undefined;
}

/** "Slide 12 of 32 · Source: article ¶ 28-31": the line under a slide in every handout. */
export function slideFooter(deck: Deck, slide: Slide): string {
	const cite = formatParagraphs(slide.paragraphs);
	return cite ? `${slideLabel(deck, slide)} · Source: article ${cite}` : slideLabel(deck, slide);
}

function indentLines(lines: readonly string[], indent: string): string[] {
	return lines.map(line => (line ? indent + line : line));
}

function underlined(text: string, width: number, rule: string): string[] {
	const lines = wrap(text, width);
	return [...lines, rule.repeat(Math.min(width, Math.max(...lines.map(part => textWidth(part)))))];
}

/** One slide as a sub-heading of its section: the title underlined, the body, its number and paragraphs. */
export function slideText(deck: Deck, slide: Slide, options: TextOptions = {}): string {
	const width = options.width ?? 78;
	const lines: string[] = [...underlined(slide.title, width, '-'), ''];
	for (const line of layoutBlocks(slide.blocks, {width: width - 2})) {
		lines.push(...indentLines([lineText(line).trimEnd()], '  '));
	}

	lines.push('', `  ${slideFooter(deck, slide)}`);
	if (options.showNotes && slide.notes) {
		lines.push('', ...wrap(slide.notes, width - 9).map((part, index) => (index === 0 ? '  Notes: ' : '         ') + part));
	}

	return stripControls(lines.join('\n'));
}

/** The memo's head: title, source, the "as of" line, and for the whole deck the summary and the contents. */
function headText(deck: Deck, slides: readonly Slide[], width: number): string[] {
	const head = [...wrap(deck.title, width), sourceLine(deck), ...(sourceUrl(deck) ? [sourceUrl(deck)!] : []), '', ...wrap(aboutLine(deck, slides), width)];
	if (!isWholeDeck(deck, slides)) {
		return head;
	}

	const points = summaryPoints(deck).flatMap(point => wrap(point, width - 4).map((part, index) => (index === 0 ? '  • ' : '    ') + part));
	const parts = handoutParts(deck);
	const numberWidth = String(parts.length).length;
	const titleWidth = Math.max(...parts.map(part => textWidth(part.section.title)));
	const contents = parts.map(part => `  ${String(part.number).padStart(numberWidth)}. ${part.section.title.padEnd(titleWidth)}  ${slideRange(part.slides)}`);
	return [...head, ...(points.length > 0 ? ['', ...underlined('Summary', width, '-'), '', ...points] : []), '', ...underlined('Contents', width, '-'), '', ...contents];
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
		...part.slides.flatMap(slide => ['', slideText(deck, slide, options), '']),
	]);
	return stripControls([...headText(deck, slides, width), ...body].join('\n').trimEnd()) + '\n';
}

/** `--list`: sections with their slide numbers and names, as --slide and --section take them. */
export function listText(deck: Deck): string {
	const lines: string[] = [];
	const idWidth = Math.max(...deck.sections.map(section => textWidth(section.id)));
	for (const section of deck.sections) {
		lines.push(`${section.id.padEnd(idWidth)}  ${section.title}`);
		for (let index = section.start; index < section.start + section.count; index++) {
			lines.push(`  ${String(index + 1).padStart(2)}  ${deck.slides[index]?.title ?? ''}`);
		}
	}

	return stripControls(lines.join('\n')) + '\n';
}
