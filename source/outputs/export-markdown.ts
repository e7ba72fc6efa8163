import {type Block, blockTexts} from '../deck/blocks.js';
import type {Deck, Slide} from '../deck/deck.js';
import {formatParagraphs} from '../deck/deck.js';
import {slidePlace, sourceLine, sourceUrl} from './print.js';
import {stripControls} from '../deck/sanitize.js';

/**
The deck as Markdown (CommonMark with GFM tables), ready to paste into a document or an email: the
deck title as `#`, one `##` per slide, the blocks as lists, quotes, tables and emphasis. Written from
the same blocks as the live show.
*/
export type MarkdownOptions = {
	readonly showNotes?: boolean;
};

/** Escapes what Markdown would read as markup, so every word comes out as written. */
export function escapeMarkdown(text: string): string {
	return stripControls(text)
		.replaceAll(/\s+/g, ' ')
		.trim()
		.replaceAll(/[\\`*_[\]<|~]/g, character => '\\' + character)
		.replaceAll(/&(?=[#A-Za-z\d]+;)/g, '\\&')
		// GFM links bare addresses; the words of a slide are never a link.
		.replaceAll('://', '\\://')
		.replaceAll(/\b(www)\./gi, '$1\\.')
		.replaceAll(/(?<=\w)@(?=\w)/g, '\\@')
		.replace(/^(\d+)([.)])/, '$1\\$2')
		.replace(/^([-+=#>])/, '\\$1');
}

function tableRow(cells: readonly string[]): string {
	return `| ${cells.map(cell => escapeMarkdown(cell) || ' ').join(' | ')} |`;
}

function table(columns: readonly string[], rows: ReadonlyArray<readonly string[]>, alignRight: readonly boolean[] = []): string {
	const rule = `| ${columns.map((_, index) => (alignRight[index] ? '---:' : '---')).join(' | ')} |`;
	return [tableRow(columns), rule, ...rows.map(row => tableRow(columns.map((_, index) => row[index] ?? '')))].join('\n');
}

function caption(text: string | undefined): string[] {
	return text ? [`*${escapeMarkdown(text)}*`] : [];
}

export function blockMarkdown(block: Block): string {
	switch (block.kind) {
		case 'heading': {
			return `### ${escapeMarkdown(block.text)}`;
		}

		case 'lead': {
			return `**${escapeMarkdown(block.text)}**`;
		}

		case 'text': {
			return escapeMarkdown(block.text);
		}

		case 'source': {
			return `*${escapeMarkdown(block.text)}*`;
		}

		case 'bullets': {
			return block.items.map(item => `- ${escapeMarkdown(item)}`).join('\n');
		}

		case 'quote': {
			const who = escapeMarkdown(block.speaker) + (block.role ? `, ${escapeMarkdown(block.role)}` : '');
			return `> “${escapeMarkdown(block.text)}”\n>\n> — ${who}`;
		}

		case 'fact': {
			return `**${escapeMarkdown(block.value)}** ${escapeMarkdown(block.label)}`;
		}

		case 'table': {
			return [table(block.columns, block.rows), ...caption(block.caption)].join('\n\n');
		}

		case 'bars': {
			const rows = block.bars.map(bar => [bar.label, bar.display]);
			return [table(['Group', 'Figure in the article'], rows, [false, true]), ...caption(block.caption)].join('\n\n');
		}

		case 'timeline': {
			return block.events.map(event => `- **${escapeMarkdown(event.when)}**: ${escapeMarkdown(event.what)}`).join('\n');
		}

		case 'drawn': {
			return blockTexts(block).map(line => escapeMarkdown(line)).join('\n\n');
		}

		default: {
			const never: never = block;
			return never;
		}
	}
}

export function slideMarkdown(deck: Deck, slide: Slide, options: MarkdownOptions = {}): string {
	const parts = [`## ${slide.index + 1}. ${escapeMarkdown(slide.title)}`, `*${escapeMarkdown(slidePlace(deck, slide))}*`];
	parts.push(...slide.blocks.map(block => blockMarkdown(block)));
	const cite = formatParagraphs(slide.paragraphs);
	if (cite) {
		parts.push(`Source: article ${cite}`);
	}

	if (options.showNotes && slide.notes) {
		parts.push(`**Speaker notes:** ${escapeMarkdown(slide.notes)}`);
	}

	return parts.join('\n\n');
}

export function deckMarkdown(deck: Deck, options: MarkdownOptions = {}): string {
	const source = escapeMarkdown(sourceLine(deck));
	const head = [
		`# ${escapeMarkdown(deck.title)}`,
		sourceUrl(deck) ? `${source}: <${sourceUrl(deck)!}>` : source,
		`${deck.slides.length} slides in ${deck.sections.length} sections. “¶ 13” means paragraph 13 of the article.`,
	];
	return [...head, ...deck.slides.map(slide => slideMarkdown(deck, slide, options))].join('\n\n') + '\n';
}
