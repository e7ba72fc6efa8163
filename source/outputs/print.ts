import type {Deck, Slide} from '../deck/deck.js';
import {formatParagraphs} from '../deck/deck.js';
import {layoutBlocks, lineText, textWidth, wrap} from '../layout/layout.js';
import {stripControls} from '../deck/sanitize.js';

/**
The deck as plain text: what a pipe, a file, `--print` and `--export txt` get. The words are the
layout's segments without their roles, so they are the same as on the live slides. No escape bytes,
ever: every control character but the newline is taken out on the way.
*/
export type TextOptions = {
	readonly width?: number;
	readonly showNotes?: boolean;
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

/** "Opening · slide 1 of 5": where a slide sits, as every output names it. */
export function slidePlace(deck: Deck, slide: Slide): string {
	return `${slide.sectionTitle} · slide ${slide.index + 1} of ${deck.slides.length}`;
}

function indentLines(lines: readonly string[], indent: string): string[] {
	return lines.map(line => (line ? indent + line : line));
}

export function slideText(deck: Deck, slide: Slide, options: TextOptions = {}): string {
	const width = options.width ?? 78;
	const title = wrap(slide.title, width);
	const lines: string[] = [
		slidePlace(deck, slide),
		'',
		...title,
		'-'.repeat(Math.min(width, Math.max(...title.map(part => textWidth(part))))),
		'',
	];
	for (const line of layoutBlocks(slide.blocks, {width: width - 2})) {
		lines.push(...indentLines([lineText(line).trimEnd()], '  '));
	}

	const cite = formatParagraphs(slide.paragraphs);
	if (cite) {
		lines.push('', `  Source: article ${cite}`);
	}

	if (options.showNotes && slide.notes) {
		lines.push('', ...wrap(slide.notes, width - 9).map((part, index) => (index === 0 ? '  Notes: ' : '         ') + part));
	}

	return stripControls(lines.join('\n'));
}

export function deckText(deck: Deck, options: TextOptions = {}): string {
	const width = options.width ?? 78;
	const head = [
		...wrap(deck.title, width),
		sourceLine(deck),
		...(sourceUrl(deck) ? [sourceUrl(deck)!] : []),
		'',
		...wrap(
			`${deck.slides.length} slides in ${deck.sections.length} sections. "¶ 13" means paragraph 13 of the article.`,
			width,
		),
	];
	const rule = '='.repeat(width);
	const body = deck.slides.flatMap(slide => ['', rule, slideText(deck, slide, options)]);
	return stripControls([...head, ...body].join('\n')) + '\n';
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
