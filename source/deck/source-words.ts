import {namesSource, type SourceInfo, type SourceKind} from './deck.js';

/**
The words every output uses for the deck's source, made once from its front matter, so that a deck on
a report never says "article" and one on an article reads as it always has:

| kind        | credit (`whose`)                                   | slide citation | as-of line                   |
|-------------|----------------------------------------------------|----------------|------------------------------|
| article     | the article by AUTHOR in OUTLET, DATE              | Article ¶ 3    | As of DATE, the article’s date |
| report, …   | the report by AUTHOR from PUBLISHER, DATE          | Report ¶ 3     | As of DATE, the report’s date  |
| no source   | (no credit line)                                   | ¶ 3            | (none)                       |

A part the source does not state (no author, no date) is left out, never filled with a placeholder.
*/

/** What the source is: as written, else an article when an outlet is named, else a document. */
export function sourceKind(source: SourceInfo): SourceKind {
	return source.kind ?? (source.outlet ? 'article' : 'document');
}

/** `article`, `report`, `web page`…; `source` for a deck that names none. */
export function sourceNoun(source: SourceInfo): string {
	return namesSource(source) ? sourceKind(source) : 'source';
}

/** The first letter in capitals: `Web page`. */
export function capitalised(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `the article by Stephen Dinan in The Washington Times, April 6, 2021`; `the report from ACME, May 2024`. */
export function sourcePhrase(source: SourceInfo): string {
	const by = source.author ? ` by ${source.author}` : '';
	const where = source.outlet ? ` in ${source.outlet}` : source.publisher ? ` from ${source.publisher}` : '';
	const when = source.date ? `, ${source.date}` : '';
	return `the ${sourceNoun(source)}${by}${where}${when}`;
}

/** Who issued it and who wrote it: `The Washington Times, by Stephen Dinan`; empty when the source names neither. */
export function sourceCredit(source: SourceInfo): string {
	return [source.outlet ?? source.publisher ?? '', source.author ? `by ${source.author}` : ''].filter(Boolean).join(', ');
}

/** `The Washington Times, April 6, 2021, by Stephen Dinan`: the source in one line (`the report` when it names nothing else). */
export function sourceLine(source: SourceInfo): string {
	const parts = [source.outlet ?? source.publisher ?? '', source.date ?? '', source.author ? `by ${source.author}` : ''].filter(Boolean);
	return parts.length > 0 ? parts.join(', ') : `the ${sourceNoun(source)}`;
}

/** `As of April 6, 2021, the article’s date`, or for an undated source that it gives no date. */
export function asOfWords(source: SourceInfo): string {
	const noun = sourceNoun(source);
	return source.date ? `As of ${source.date}, the ${noun}’s date` : `The ${noun} gives no date`;
}

/** A bar chart's column of printed figures: `Figure in the article`, `Figure in the report`. */
export function figureHeading(source: SourceInfo): string {
	return `Figure in the ${sourceNoun(source)}`;
}

/** `Article ¶ 28-31`, `Report ¶ 2`; a deck that names no source says `¶ 2`. */
export function citationWords(source: SourceInfo, cite: string): string {
	if (!cite) {
		return '';
	}

	return namesSource(source) ? `${capitalised(sourceNoun(source))} ${cite}` : cite;
}
