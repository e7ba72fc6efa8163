import {withoutPauses} from '../deck/blocks.js';
import type {Deck, Slide, SourceInfo} from '../deck/deck.js';
import {blockMarkdown, escapeMarkdown, listMarkdown} from '../deck/markdown.js';
import {sourceUrl, urlLabel} from './print.js';
import {aboutLine, handoutParts, hasOwnHeading, isWholeDeck, memoSummary, slideCitation, slideRange, whoseLine} from './handout.js';

/**
The deck as a Markdown memo (CommonMark with GFM tables), ready to paste into a document or an email:
the deck title as `#`, a summary and the contents, one `##` per section and one `###` per slide, the
blocks as lists, quotes, tables and emphasis. Written from the same blocks as the live show.
*/
export type MarkdownOptions = {
	readonly showNotes?: boolean;
	/** Only these slides (see `selectSlides`); the whole deck by default. */
	readonly slides?: readonly Slide[];
	/** The deck's source, for the words under each slide (`Article ¶ 3`); none says `¶ 3`. */
	readonly source?: SourceInfo;
};

/** One slide as a `###` sub-heading of its section, with its number and cited paragraphs under it. */
export function slideMarkdown(slide: Slide, options: MarkdownOptions = {}): string {
	const cited = slideCitation(slide, options.source);
	const parts = [...(hasOwnHeading(slide) ? [`### ${escapeMarkdown(slide.title)}`] : []), ...withoutPauses(slide.blocks).map(block => blockMarkdown(block, 'memo', options.source)), ...(cited ? [`*${escapeMarkdown(cited)}*`] : [])];
	if (options.showNotes && slide.notes) {
		parts.push(`**Speaker notes:** ${escapeMarkdown(slide.notes)}`);
	}

	return parts.join('\n\n');
}

/** The memo's head: title, source, the "as of" line, and for the whole deck the summary and the contents. */
function headMarkdown(deck: Deck, slides: readonly Slide[]): string[] {
	const whose = escapeMarkdown(whoseLine(deck));
	const head = [`# ${escapeMarkdown(deck.title)}`, sourceUrl(deck) ? `${whose} ${urlLabel(deck)} <${sourceUrl(deck)!}>`.trim() : whose, escapeMarkdown(aboutLine(deck, slides))];
	if (!isWholeDeck(deck, slides)) {
		return head.filter(Boolean);
	}

	const memo = memoSummary(deck);
	const summary = memo ? ['## Summary', memo.kind === 'paragraph' ? escapeMarkdown(memo.text) : listMarkdown(memo.points)] : [];
	const contents = handoutParts(deck).map(part => `${part.number}. ${escapeMarkdown(part.section.title)} · ${slideRange(part.slides)}`);
	return [...head.filter(Boolean), ...summary, '## Contents', contents.join('\n')];
}

/** The deck as a Markdown memo: `#` title, summary and contents, a `##` per section, a `###` per slide. */
export function deckMarkdown(deck: Deck, options: MarkdownOptions = {}): string {
	const slides = options.slides ?? deck.slides;
	const body = handoutParts(deck, slides).flatMap(part => [
		`## ${part.number}. ${escapeMarkdown(part.section.title)}`,
		...part.slides.map(slide => slideMarkdown(slide, {...options, source: deck.source})),
	]);
	return [...headMarkdown(deck, slides), ...body].join('\n\n') + '\n';
}
