import type {Deck, Slide} from './deck.js';
import {formatParagraphs} from './deck.js';
import {layoutBlocks, lineText, wrap} from './layout.js';

/**
The deck as plain text: what a pipe, a file or `--print` gets. No escape bytes, ever: the text is the
layout's segments without their roles.
*/
export type TextOptions = {
	readonly width?: number;
	readonly showNotes?: boolean;
};

export function slideText(deck: Deck, slide: Slide, options: TextOptions = {}): string {
	const width = options.width ?? 78;
	const lines: string[] = [];
	lines.push(`Slide ${slide.index + 1} of ${deck.slides.length} · ${slide.sectionTitle}`, '');
	for (const part of wrap(slide.title, width)) {
		lines.push(part);
	}

	lines.push('='.repeat(Math.min(width, Math.max(...wrap(slide.title, width).map(part => [...part].length)))), '');
	for (const line of layoutBlocks(slide.blocks, {width})) {
		lines.push(lineText(line).trimEnd());
	}

	const cite = formatParagraphs(slide.paragraphs);
	if (cite) {
		lines.push('', `Source: ${cite.replace('¶', 'article paragraphs')}`);
	}

	if (options.showNotes && slide.notes) {
		lines.push('', ...wrap(`Notes: ${slide.notes}`, width));
	}

	return lines.join('\n');
}

export function deckText(deck: Deck, options: TextOptions = {}): string {
	const width = options.width ?? 78;
	const head = [
		deck.title,
		`${deck.source.outlet}, ${deck.source.date}, by ${deck.source.author}`,
	];
	const rule = '-'.repeat(width);
	return [...head, '', ...deck.slides.flatMap(slide => [rule, slideText(deck, slide, options), ''])].join('\n') + '\n';
}

/** `--list`: sections with their slide numbers and names, as --slide and --section take them. */
export function listText(deck: Deck): string {
	const lines: string[] = [];
	for (const section of deck.sections) {
		lines.push(`${section.id}  ${section.title}`);
		for (let index = section.start; index < section.start + section.count; index++) {
			lines.push(`  ${String(index + 1).padStart(2)}  ${deck.slides[index]?.title ?? ''}`);
		}
	}

	return lines.join('\n') + '\n';
}
