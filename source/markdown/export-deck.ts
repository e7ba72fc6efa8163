import {stringify} from 'yaml';
import {type Block, textWidthOfDrawings} from '../deck/blocks.js';
import type {Deck, Slide} from '../deck/deck.js';
import {escapeMarkdown} from '../outputs/export-markdown.js';
import {stripControls} from '../deck/sanitize.js';
import {slugify} from './parse-deck.js';

/**
`--export deck`: any deck written as a Markdown deck (the format parse-deck.ts reads), so that
presenting the file gives the same slides word for word. A briefer starts the next briefing here.
*/
function headingText(text: string): string {
	// A closing run of # would be read as the ATX closing sequence, a closing {#x} as an id.
	return escapeMarkdown(text).replace(/(#+)$/, '\\$1').replace(/\{(#[^{}]*\})$/, '\\{$1');
}

function withId(marks: string, title: string, id: string): string {
	return `${marks} ${headingText(title)}${slugify(title) === id ? '' : ` {#${id}}`}`;
}

/** Text for a paragraph: what would read as a caption or another block is escaped. */
function paragraphText(text: string): string {
	return escapeMarkdown(text).replace(/^(Table|Chart):/, '$1\\:');
}

function tableRow(cells: readonly string[]): string {
	return `| ${cells.map(cell => escapeMarkdown(cell) || ' ').join(' | ')} |`;
}

function table(columns: readonly string[], rows: ReadonlyArray<readonly string[]>, captionWord: string, caption?: string): string {
	const rule = `| ${columns.map(() => '---').join(' | ')} |`;
	const lines = [tableRow(columns), rule, ...rows.map(row => tableRow(columns.map((_, index) => row[index] ?? '')))];
	return lines.join('\n') + (caption ? `\n\n${captionWord}: ${escapeMarkdown(caption)}` : '');
}

/** The words of a comment: `-->` would end it, and `&gt;` and its kin are read as characters. */
function commentWords(text: string): string {
	return stripControls(text).replaceAll(/&(?=(?:gt|lt|amp);)/g, '&amp;').replaceAll('-->', '--&gt;').replaceAll(/\s+/g, ' ').trim();
}

/** Lines of at most about `width` characters, broken at spaces only. */
function breakLines(text: string, width: number): string[] {
	const lines: string[] = [];
	for (const word of text.split(' ')) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + 1 + word.length <= width) {
			lines[lines.length - 1] = `${last} ${word}`;
		} else {
			lines.push(word);
		}
	}

	return lines;
}

export function blockToMarkdown(block: Block): string {
	switch (block.kind) {
		case 'heading': {
			return `### ${headingText(block.text)}`;
		}

		case 'lead': {
			return `**${escapeMarkdown(block.text)}**`;
		}

		case 'text': {
			return paragraphText(block.text);
		}

		case 'source': {
			return `*${escapeMarkdown(block.text)}*`;
		}

		case 'bullets': {
			return block.items.map(item => `- ${escapeMarkdown(item)}`).join('\n');
		}

		case 'quote': {
			const role = block.role ? `, *${escapeMarkdown(block.role)}*` : '';
			return `> “${escapeMarkdown(block.text)}”\n>\n> — ${escapeMarkdown(block.speaker)}${role}`;
		}

		case 'fact': {
			return `**${escapeMarkdown(block.value)}** ${escapeMarkdown(block.label)}`;
		}

		case 'table': {
			return table(block.columns, block.rows, 'Table', block.caption);
		}

		case 'bars': {
			const rows = block.bars.map(bar => [bar.label, String(bar.value), bar.display]);
			return `<!-- bars -->\n${table(['Bar', 'Value', 'As printed'], rows, 'Chart', block.caption)}`;
		}

		case 'timeline': {
			return block.events.map(event => `- **${escapeMarkdown(event.when)}**: ${escapeMarkdown(event.what)}`).join('\n');
		}

		case 'drawn': {
			// An Ink component: kept as it is drawn at the text outputs' width, its words and its frame.
			const rows = block.draw(textWidthOfDrawings).map(line => stripControls(line.map(segment => segment.text).join('')).trimEnd());
			const fence = '`'.repeat(Math.max(3, ...rows.map(row => (row.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length + 1), 0))));
			return [`${fence}drawn`, ...rows, fence].join('\n');
		}

		default: {
			const never: never = block;
			return never;
		}
	}
}

function slideToMarkdown(slide: Slide): string {
	const parts = [withId('##', slide.title, slide.id)];
	if (slide.paragraphs.length > 0) {
		parts.push(`<!-- paragraphs: ${slide.paragraphs.join(', ')} -->`);
	}

	parts.push(...slide.blocks.map(block => blockToMarkdown(block)));
	const notes = commentWords(slide.notes);
	if (notes) {
		parts.push(`<!-- speaker_note:\n${breakLines(notes, 96).join('\n')}\n-->`);
	}

	return parts.join('\n\n');
}

export function deckToMarkdown(deck: Deck): string {
	const {outlet, date, author, url, text} = deck.source;
	const fields = {title: deck.title, outlet, date, author, ...(url ? {url} : {}), ...(text ? {source: text} : {}), ...(deck.summary ? {summary: deck.summary} : {}), ...(deck.abstract ? {abstract: deck.abstract} : {})};
	const front = stringify(Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, stripControls(value)])), {lineWidth: 0});
	const parts = [`---\n${front}---`];
	for (const section of deck.sections) {
		parts.push(withId('#', section.title, section.id));
		const slides = deck.slides.slice(section.start, section.start + section.count);
		parts.push(slides.map(slide => slideToMarkdown(slide)).join('\n\n---\n\n'));
	}

	return parts.join('\n\n') + '\n';
}
