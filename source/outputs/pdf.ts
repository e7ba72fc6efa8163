import {hasCode} from '../deck/blocks.js';
import type {Deck, Slide} from '../deck/deck.js';
import {hasHighlighter, useHighlighter} from '../layout/code.js';
import type {Theme} from '../text/theme.js';
import {memoDocument, type Paper} from './pdf-memo.js';
import {slidesDocument} from './pdf-slides.js';

/**
`--export pdf`: the memo handout, or with `--slides` the slides as pages, as a PDF. This module and
pdfkit load only when a PDF is asked for: the program imports it with import(), which the bundle
turns into a module evaluated on first use, and pdfkit is required from node_modules then (it is
kept out of the bundle: source/build.mjs), so a show never reads it.
*/
export type {Paper} from './pdf-memo.js';

export const papers = ['a4', 'letter'] as const;

export function isPaper(name: string): name is Paper {
	return (papers as readonly string[]).includes(name);
}

/**
Territories whose paper is US Letter (glibc's LC_PAPER): the United States, Canada, Mexico, the
Philippines and much of Latin America; everywhere else A4.
*/
const letterTerritories = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'PR', 'GT', 'CR', 'PA', 'SV', 'NI', 'DO']);

/** The paper the locale asks for: LC_ALL, else LC_PAPER, else LANG (`en_GB.UTF-8` → a4); Letter when none names a territory. */
export function paperFromLocale(env: Readonly<Record<string, string | undefined>>): Paper {
	const locale = [env['LC_ALL'], env['LC_PAPER'], env['LANG']].find(value => value !== undefined && value !== '');
	const territory = /^[a-z]{2,3}_([A-Z]{2})\b/i.exec(locale ?? '')?.[1]?.toUpperCase();
	return territory === undefined || letterTerritories.has(territory) ? 'letter' : 'a4';
}

export type PdfOptions = {
	/** The slides as pages, one per slide, instead of the memo. */
	readonly slidePages?: boolean;
	readonly paper: Paper;
	readonly theme: Theme;
	readonly showNotes?: boolean;
	readonly slides?: readonly Slide[];
};

/** The PDF's bytes, and how many characters the fonts lacked (each drawn as U+FFFD). */
export async function exportPdf(deck: Deck, options: PdfOptions): Promise<{data: Buffer; missing: number}> {
	// Slide pages are in the theme's colours, code highlighted as on the screen (the memo's code is plain).
	if (options.slidePages && options.theme.name !== 'plain' && !hasHighlighter() && (options.slides ?? deck.slides).some(slide => hasCode(slide.blocks))) {
		useHighlighter((await import('../markdown/highlight.js')).highlightCode);
	}

	const {doc, missing} = options.slidePages
		? slidesDocument(deck, {theme: options.theme, ...(options.slides ? {slides: options.slides} : {})})
		: memoDocument(deck, {paper: options.paper, ...(options.showNotes ? {showNotes: true} : {}), ...(options.slides ? {slides: options.slides} : {})});
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => {
			resolve(Buffer.concat(chunks));
		});
		doc.on('error', reject);
	});
	doc.end();
	return {data: await done, missing};
}
