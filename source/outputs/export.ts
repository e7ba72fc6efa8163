import type {Deck, Slide} from '../deck/deck.js';
import {deckHtml} from './export-html.js';
import {deckMarkdown} from './export-markdown.js';
import {deckText} from './print.js';
import {deckToMarkdown} from './export-deck.js';
import {writeFileAtomic} from './write-file.js';

/** `--export txt|md|html|pdf`: the handout formats, all written from the same compiled blocks; `deck` a Markdown deck to present. */
export const exportFormats = ['txt', 'md', 'html', 'pdf', 'deck'] as const;
export type ExportFormat = (typeof exportFormats)[number];
/** The formats written as text (pdf is bytes, from outputs/pdf.ts, loaded only for it). */
export type TextFormat = Exclude<ExportFormat, 'pdf'>;

export function isExportFormat(name: string): name is ExportFormat {
	return (exportFormats as readonly string[]).includes(name);
}

/** The format a file name asks for (`handout.html` → html), if it names one. */
export function formatFromFileName(file: string): ExportFormat | undefined {
	const extension = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
	const aliases: Readonly<Record<string, ExportFormat>> = {txt: 'txt', text: 'txt', md: 'md', markdown: 'md', html: 'html', htm: 'html', pdf: 'pdf'};
	return extension ? aliases[extension] : undefined;
}

export type ExportOptions = {
	readonly showNotes?: boolean;
	/** Only these slides (see `selectSlides`); the whole deck by default. */
	readonly slides?: readonly Slide[];
};

export function exportDeck(deck: Deck, format: TextFormat, options: ExportOptions = {}): string {
	switch (format) {
		case 'txt': {
			return deckText(deck, options);
		}

		case 'md': {
			return deckMarkdown(deck, options);
		}

		case 'html': {
			return deckHtml(deck, options);
		}

		case 'deck': {
			return deckToMarkdown(deck);
		}

		default: {
			const never: never = format;
			return never;
		}
	}
}

/** Writes the handout to `file`, all or nothing (stdout, for no file or `-`, is the caller's writeOut). */
export async function writeExport(text: string | Uint8Array, file: string, isForced: boolean): Promise<void> {
	await writeFileAtomic(file, text, {force: isForced});
}
