import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import type {Problem} from '../check/check.js';
import type {Deck} from '../deck/deck.js';
import type {SlidePlaces} from './parse-deck.js';

/**
Where a checker's problem is in the files a person edits: for a Markdown deck, the line of the title,
the notes, the citation or the words in question; for the built-in deck, the same in its module in
`slides/` (found by the slide's `id:` line), or `slide N` where the sources are not at hand.
*/
/** A line and column, or none when only the slide is known (`file` is then `slide N`). */
export type Place = {readonly file: string; readonly line?: number; readonly column?: number};

const escaped = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);

/**
The column (1-based, in characters) where a problem's words start on its line: the cited paragraph
number after "paragraphs", else the problem's text (its start, for a long one), else the line's
first word.
*/
export function columnOf(line: string | undefined, problem: Pick<Problem, 'field' | 'text'>): number {
	if (line === undefined) {
		return 1;
	}

	const toColumn = (index: number) => [...line.slice(0, index)].length + 1;
	const cited = line.indexOf('paragraphs');
	if (problem.field === 'paragraphs' && problem.text && cited >= 0) {
		const number = new RegExp(String.raw`(?<![\d.])${escaped(problem.text)}(?![\d.])`).exec(line.slice(cited));
		return toColumn(number ? cited + number.index : cited);
	}

	const words = problem.text.replaceAll(/\s+/g, ' ').trim();
	for (const wanted of [words.slice(0, 30), words.slice(0, 12)].filter(Boolean)) {
		const at = line.indexOf(wanted);
		if (at >= 0) {
			return toColumn(at);
		}
	}

	return toColumn(Math.max(0, line.search(/\S/)));
}

/** The first place whose words hold the problem's text (or, for a long text, its start). */
function bodyLine(pieces: SlidePlaces['body'], text: string): number | undefined {
	const wanted = text.replaceAll(/\s+/g, ' ').trim();
	if (!wanted) {
		return undefined;
	}

	const head = wanted.slice(0, 40);
	return (pieces.find(piece => piece.text.includes(wanted)) ?? pieces.find(piece => piece.text.includes(head)))?.line;
}

/** Where a problem is in a Markdown deck; `lines` (the file's) give its column. */
export function placeOf(file: string, places: readonly SlidePlaces[], problem: Problem, lines: readonly string[] = []): Place {
	const slide = places[problem.slide - 1];
	if (!slide) {
		return {file, line: 1, column: 1};
	}

	const at: Record<Problem['field'], number | undefined> = {
		title: slide.title,
		notes: slide.notes,
		paragraphs: slide.paragraphs,
		body: bodyLine(slide.body, problem.text),
	};
	const line = at[problem.field] ?? slide.title;
	return {file, line, column: columnOf(lines[line - 1], problem)};
}

type SourceFile = {readonly file: string; readonly lines: readonly string[]};

async function slideSources(directory: string): Promise<SourceFile[]> {
	try {
		const names = (await readdir(directory)).filter(name => name.endsWith('.tsx')).sort();
		return await Promise.all(
			names.map(async name => ({file: path.join(directory, name), lines: (await readFile(path.join(directory, name), 'utf8')).split('\n')})),
		);
	} catch {
		return [];
	}
}

const fieldKeys: Readonly<Record<Problem['field'], string>> = {title: 'title:', notes: 'notes:', paragraphs: 'paragraphs:', body: 'Body:'};

/** The built-in deck's places: `slides/FILE.tsx:LINE` when the slide sources are in the checkout. */
export async function builtInPlaces(deck: Deck, directory: string): Promise<(problem: Problem) => Place> {
	const sources = await slideSources(directory);
	const shown = (file: string) => path.relative(process.cwd(), file) || file;
	return problem => {
		const id = deck.slides[problem.slide - 1]?.id ?? problem.slideId;
		for (const source of sources) {
			const start = source.lines.findIndex(line => line.trim() === `id: '${id}',`);
			if (start < 0) {
				continue;
			}

			const next = source.lines.findIndex((line, index) => index > start && line.includes('defineSlide('));
			const region = source.lines.slice(start, next < 0 ? undefined : next);
			const key = region.findIndex(line => line.trim().startsWith(fieldKeys[problem.field]));
			const words = problem.text.replaceAll(/\s+/g, ' ').trim().slice(0, 30);
			const found = problem.field === 'body' && words ? region.findIndex((line, index) => index > key && line.includes(words)) : -1;
			const offset = found >= 0 ? found : Math.max(0, key);
			return {file: shown(source.file), line: start + offset + 1, column: columnOf(region[offset], problem)};
		}

		return {file: `slide ${problem.slide}`};
	};
}
