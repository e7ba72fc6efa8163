import {type Block, blockTexts, type List, quoteInMarks, textWidthOfDrawings, writtenRuns} from './blocks.js';
import type {SourceInfo} from './deck.js';
import {figureHeading} from './source-words.js';
import {codeSpans} from '../text/code-spans.js';
import {stripControls} from '../text/sanitize.js';

/**
The one Markdown writer of blocks (CommonMark with GFM tables), for both outputs that write Markdown:
the memo (`--export md`, outputs/export-markdown.ts) and the deck file (`--export deck`,
markdown/export-deck.ts), which parse-deck.ts reads back into the same slides word for word. The two
differ only where the deck file must be read back: a caption is a `Table:` or `Chart:` line, a chart
keeps its numbers, a drawing is fenced as drawn, and what its parser would read as markup stays words.
The escaping is ours, not mdast-util-to-markdown's: it is what the deck parser's round trip and the
memo's text are held to.
*/
export type MarkdownForm = 'memo' | 'deck';

/** Escapes what Markdown would read as markup, so every word comes out as written; inline code (in backticks) stays code. */
export function escapeMarkdown(text: string): string {
	const clean = stripControls(text).replaceAll(/\s+/g, ' ').trim();
	let written = '';
	let at = 0;
	for (const [start, end] of codeSpans(clean)) {
		written += escapeWords(clean.slice(at, start)) + clean.slice(start, end);
		at = end;
	}

	return (written + escapeWords(clean.slice(at)))
		.replace(/^(\d+)([.)])/, '$1\\$2')
		.replace(/^([-+=#>])/, '\\$1');
}

/** Words outside inline code with what Markdown would read as markup escaped. */
function escapeWords(text: string): string {
	return text
		.replaceAll(/[\\`*_[\]<|~]/g, character => '\\' + character)
		.replaceAll(/&(?=[#A-Za-z\d]+;)/g, '\\&')
		// GFM links bare addresses; the words of a slide are never a link.
		.replaceAll('://', '\\://')
		.replaceAll(/\b(www)\./gi, '$1\\.')
		.replaceAll(/(?<=\w)@(?=\w)/g, '\\@');
}

/** A heading's words: a closing run of # would be read as the ATX closing sequence, a closing {#x} as an id. */
export function headingText(text: string): string {
	return escapeMarkdown(text).replace(/(#+)$/, '\\$1').replace(/\{(#[^{}]*\})$/, '\\{$1');
}

/** A bulleted list, one item a line. */
export function listMarkdown(items: readonly string[]): string {
	return items.map(item => `- ${escapeMarkdown(item)}`).join('\n');
}

/** A numbered or nested list: each item's list indented under the item's words. */
function nestedListMarkdown(list: List, indent = ''): string {
	return list.items
		.map((item, index) => {
			const marker = list.ordered ? `${list.start + index}. ` : '- ';
			// A numbered list from any number but 1 cannot interrupt the item's line (CommonMark): a blank line first.
			const gap = item.list?.ordered && item.list.start !== 1 ? '\n\n' : '\n';
			const inner = item.list ? `${gap}${nestedListMarkdown(item.list, indent + ' '.repeat(marker.length))}` : '';
			return `${indent}${marker}${escapeMarkdown(item.text)}${inner}`;
		})
		.join('\n');
}

/** A fenced code block, its fence longer than any run of backticks in the code. */
function codeMarkdown(text: string, lang: string | undefined): string {
	const fence = '`'.repeat(Math.max(3, ...(text.match(/`+/g) ?? []).map(run => run.length + 1)));
	return `${fence}${lang ?? ''}\n${stripControls(text)}\n${fence}`;
}

/** Columns: in the deck file presenterm's comments around each column's blocks; in the memo the columns' blocks one after another. */
function columnsMarkdown(block: Extract<Block, {kind: 'columns'}>, form: MarkdownForm, source: SourceInfo): string {
	if (form === 'memo') {
		return block.columns.flat().map(each => blockMarkdown(each, form, source)).join('\n\n');
	}

	// In the order the deck wrote them (writtenRuns), so the reveal steps read back the same.
	const written = writtenRuns(block).flatMap(run => [`<!-- column: ${run.column} -->`, ...run.blocks.map(each => blockMarkdown(each, form, source))]);
	return [`<!-- column_layout: [${block.widths.join(', ')}] -->`, ...written, '<!-- reset_layout -->'].join('\n\n');
}

/** A table's row; a `|` in inline code is escaped too (GFM reads `\|` in a cell's code as the bar). */
function tableRow(cells: readonly string[]): string {
	return `| ${cells.map(cell => escapeMarkdown(cell).replaceAll(/(?<!\\)\|/g, '\\|') || ' ').join(' | ')} |`;
}

function table(columns: readonly string[], rows: ReadonlyArray<readonly string[]>, alignRight: readonly boolean[] = []): string {
	const rule = `| ${columns.map((_, index) => (alignRight[index] ? '---:' : '---')).join(' | ')} |`;
	return [tableRow(columns), rule, ...rows.map(row => tableRow(columns.map((_, index) => row[index] ?? '')))].join('\n');
}

/** A table's or chart's caption: the deck file's `Table:` or `Chart:` line, the memo's emphasis. */
function captioned(markdown: string, caption: string | undefined, form: MarkdownForm, word: string): string {
	if (!caption) {
		return markdown;
	}

	return `${markdown}\n\n${form === 'deck' ? `${word}: ${escapeMarkdown(caption)}` : `*${escapeMarkdown(caption)}*`}`;
}

/** A drawn block (an Ink component): in the deck file as it is drawn at the text outputs' width, its words and its frame; in the memo its words. */
function drawnMarkdown(block: Extract<Block, {kind: 'drawn'}>, form: MarkdownForm): string {
	if (form === 'memo') {
		return blockTexts(block).map(line => escapeMarkdown(line)).join('\n\n');
	}

	const rows = block.draw(textWidthOfDrawings).map(line => stripControls(line.map(segment => segment.text).join('')).trimEnd());
	const fence = '`'.repeat(Math.max(3, ...rows.map(row => (row.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length + 1), 0))));
	return [`${fence}drawn`, ...rows, fence].join('\n');
}

/**
One block as Markdown; `form` says for which output (the module's comment says how they differ);
`source` names the source in a chart's heading (an article's unless told).
*/
export function blockMarkdown(block: Block, form: MarkdownForm, source: SourceInfo = {kind: 'article'}): string {
	switch (block.kind) {
		case 'heading': {
			return form === 'deck' ? `### ${headingText(block.text)}` : `#### ${escapeMarkdown(block.text)}`;
		}

		case 'lead': {
			return `**${escapeMarkdown(block.text)}**`;
		}

		case 'text': {
			// In the deck file a paragraph that would read as a caption is escaped.
			return form === 'deck' ? escapeMarkdown(block.text).replace(/^(Table|Chart):/, '$1\\:') : escapeMarkdown(block.text);
		}

		case 'source': {
			return `*${escapeMarkdown(block.text)}*`;
		}

		case 'bullets': {
			return listMarkdown(block.items);
		}

		case 'list': {
			return nestedListMarkdown(block);
		}

		case 'code': {
			return codeMarkdown(block.text, block.lang);
		}

		case 'columns': {
			return columnsMarkdown(block, form, source);
		}

		case 'quote': {
			const role = block.role ? `, ${form === 'deck' ? `*${escapeMarkdown(block.role)}*` : escapeMarkdown(block.role)}` : '';
			return `> ${quoteInMarks(block, escapeMarkdown(block.text))}\n>\n> — ${escapeMarkdown(block.speaker)}${role}`;
		}

		case 'fact': {
			return `**${escapeMarkdown(block.value)}** ${escapeMarkdown(block.label)}`;
		}

		case 'table': {
			return captioned(table(block.columns, block.rows), block.caption, form, 'Table');
		}

		case 'bars': {
			// The deck file keeps each bar's value for the parser; the memo gives the figures as printed.
			return form === 'deck'
				? `<!-- bars -->\n${captioned(table(['Bar', 'Value', 'As printed'], block.bars.map(bar => [bar.label, String(bar.value), bar.display])), block.caption, form, 'Chart')}`
				: captioned(table(['Group', figureHeading(source)], block.bars.map(bar => [bar.label, bar.display]), [false, true]), block.caption, form, 'Chart');
		}

		case 'timeline': {
			return block.events.map(event => `- **${escapeMarkdown(event.when)}**: ${escapeMarkdown(event.what)}`).join('\n');
		}

		case 'drawn': {
			return drawnMarkdown(block, form);
		}

		case 'pause': {
			return form === 'deck' ? '<!-- pause -->' : '';
		}

		default: {
			const never: never = block;
			return never;
		}
	}
}
