import {type Block, blockTexts} from '../deck/blocks.js';
import type {Deck, Slide} from '../deck/deck.js';
import {sourceUrl} from './print.js';
import {aboutLine, handoutParts, hasOwnHeading, isWholeDeck, memoSummary, slideCitation, slideRange, whoseLine} from './handout.js';
import {stripControls} from '../deck/sanitize.js';

/**
The deck as a Markdown memo (CommonMark with GFM tables), ready to paste into a document or an email:
the deck title as `#`, a summary and the contents, one `##` per section and one `###` per slide, the
blocks as lists, quotes, tables and emphasis. Written from the same blocks as the live show.
*/
export type MarkdownOptions = {
	readonly showNotes?: boolean;
	/** Only these slides (see `selectSlides`); the whole deck by default. */
	readonly slides?: readonly Slide[];
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
			return `#### ${escapeMarkdown(block.text)}`;
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

/** One slide as a `###` sub-heading of its section, with its number and cited paragraphs under it. */
export function slideMarkdown(slide: Slide, options: MarkdownOptions = {}): string {
	const cited = slideCitation(slide);
	const parts = [...(hasOwnHeading(slide) ? [`### ${escapeMarkdown(slide.title)}`] : []), ...slide.blocks.map(block => blockMarkdown(block)), ...(cited ? [`*${escapeMarkdown(cited)}*`] : [])];
	if (options.showNotes && slide.notes) {
		parts.push(`**Speaker notes:** ${escapeMarkdown(slide.notes)}`);
	}

	return parts.join('\n\n');
}

/** The memo's head: title, source, the "as of" line, and for the whole deck the summary and the contents. */
function headMarkdown(deck: Deck, slides: readonly Slide[]): string[] {
	const whose = escapeMarkdown(whoseLine(deck));
	const head = [`# ${escapeMarkdown(deck.title)}`, sourceUrl(deck) ? `${whose} The article: <${sourceUrl(deck)!}>` : whose, escapeMarkdown(aboutLine(deck, slides))];
	if (!isWholeDeck(deck, slides)) {
		return head;
	}

	const memo = memoSummary(deck);
	const summary = memo ? ['## Summary', memo.kind === 'paragraph' ? escapeMarkdown(memo.text) : memo.points.map(point => `- ${escapeMarkdown(point)}`).join('\n')] : [];
	const contents = handoutParts(deck).map(part => `${part.number}. ${escapeMarkdown(part.section.title)} · ${slideRange(part.slides)}`);
	return [...head, ...summary, '## Contents', contents.join('\n')];
}

/** The deck as a Markdown memo: `#` title, summary and contents, a `##` per section, a `###` per slide. */
export function deckMarkdown(deck: Deck, options: MarkdownOptions = {}): string {
	const slides = options.slides ?? deck.slides;
	const body = handoutParts(deck, slides).flatMap(part => [
		`## ${part.number}. ${escapeMarkdown(part.section.title)}`,
		...part.slides.map(slide => slideMarkdown(slide, options)),
	]);
	return [...headMarkdown(deck, slides), ...body].join('\n\n') + '\n';
}
