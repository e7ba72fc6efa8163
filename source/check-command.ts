import path from 'node:path';
import process from 'node:process';
import {writeOut} from './answer.js';
import {holdYoungGenerationFor} from './boot/lighter-v8.js';
import {checkDeck, formatProblem, type Problem} from './check/check.js';
import {defaultCheckSize, formatTallSlide, measureSlides} from './check/size.js';
import {isFurniture, splitParagraphs} from './check/paragraphs.js';
import {type Deck, namesSource} from './deck/deck.js';
import {sourceNoun} from './deck/source-words.js';
import type {CheckCommand} from './parse-args.js';
import {checkout, defaultArticle} from './markdown/article-path.js';
import {visibleControls} from './markdown/inline.js';
import {DeckFileError, loadMarkdownDeck, readTextFile} from './markdown/load.js';
import {hiddenProblems} from './markdown/hidden.js';
import {chooseFormat} from './markdown/formats/translate.js';
import {builtInPlaces, type Place, placeOf} from './markdown/places.js';
import {wrap} from './text/wrap.js';

/**
`briefing check [FILE.md] [--source SOURCE] [--size WxH] [--json]` and `briefing paragraphs SOURCE`: the deck
held to its source by the one checker (source/check), each problem a sentence at its file, line and
column. A deck that names no source (no front matter, or a title only) and is given none is checked
for its structure only, and the report says that quotes and numbers were not checked.
*/
type Target = {deck: Deck; label: string; article?: string; fromDeck?: string; place: (problem: Problem) => Place; hidden?: Array<Problem & {line: number; column: number}>; notices?: readonly string[]};

async function target(args: CheckCommand): Promise<Target> {
	if (args.deckFile === undefined) {
		const {deck} = await import('../slides/index.js');
		const places = await builtInPlaces(deck, path.join(checkout(), 'slides'));
		return {deck, label: 'the built-in deck', article: args.source ?? defaultArticle(), place: problem => places(problem)};
	}

	const file = args.deckFile;
	if (args.deckFormat) {
		chooseFormat(args.deckFormat);
	}

	const parsed = await loadMarkdownDeck(file, holdYoungGenerationFor);
	const {source} = parsed.deck;
	const article = args.source ?? (source.text === undefined ? undefined : path.resolve(path.dirname(file), source.text));
	if (article === undefined && namesSource(source)) {
		throw new DeckFileError(`${visibleControls(file)}: no text of the ${sourceNoun(source)} to check against; give --source SOURCE or a "source:" line in the front matter`);
	}

	const lines = parsed.text.replace(/^\uFEFF/, '').split('\n');
	const sourceLine = lines.findIndex(line => /^source:/.test(line)) + 1;
	return {
		deck: parsed.deck,
		label: visibleControls(file),
		...(article === undefined ? {} : {article}),
		...(args.source === undefined && source.text !== undefined ? {fromDeck: `${visibleControls(file)}:${sourceLine || 1}:1: The deck's source: ${visibleControls(source.text)}`} : {}),
		place: problem => placeOf(file, parsed.places, problem, lines),
		hidden: hiddenProblems(parsed.text, parsed.deck, parsed.places),
		notices: (parsed.notices ?? []).map(notice => `${visibleControls(file)}:${notice.line}: ${notice.text}`),
	};
}

/** Not checked against a source: said in the summary, so a clean run never reads as checked. */
const structureOnly = 'the deck names no source, so its quotes and numbers were not checked (give --source SOURCE to check them)';

function summary(problems: readonly Problem[], deck: Deck, label: string, article: string | undefined): string {
	const against = article === undefined ? `; ${structureOnly}` : ` against ${article}`;
	const count = deck.slides.length;
	if (problems.length === 0) {
		const slides = count === 1 ? '1 slide' : `${count} slides`;
		return article === undefined ? `${label}: ${slides} checked for structure only${against}` : `${label}: ${slides} ${count === 1 ? 'checks' : 'check'} out${against}`;
	}

	const slides = new Set(problems.map(problem => problem.slide)).size;
	return `${label}: ${problems.length} problem${problems.length === 1 ? '' : 's'} on ${slides} of ${deck.slides.length} slides${article === undefined ? '' : ','}${against}`;
}

function jsonReport(report: {deck: string; article: string | undefined; slides: number; problems: unknown[]; size: string; tall: unknown[]; notices?: readonly string[]}): string {
	const {article, ...rest} = report;
	return JSON.stringify(article === undefined ? {...rest, notChecked: structureOnly} : report, null, '\t') + '\n';
}

/** `FILE:LINE:COLUMN: ` (or `slide N: ` for a built-in slide whose source is not at hand). */
function where(place: Place): string {
	return place.line === undefined ? `${place.file}: ` : `${place.file}:${place.line}:${place.column ?? 1}: `;
}

function textReport(placed: Array<Problem & Place>, last: string): string {
	const lines = placed.map(problem => `${where(problem)}${formatProblem(problem)}`);
	return visibleControls([...lines, last].join('\n')) + '\n';
}

/**
The source's text. When the deck's `source:` names it, a file that cannot be read is said at that line,
with the path it was read as (relative to the deck's folder), not as a path the presenter never typed.
*/
async function readSource(article: string, deck: Deck, fromDeck: string | undefined): Promise<string> {
	try {
		return await readTextFile(article, `the ${sourceNoun(deck.source)}'s text`, '.txt');
	} catch (error: unknown) {
		const shown = `${visibleControls(article)}: `;
		if (fromDeck === undefined || !(error instanceof DeckFileError) || !error.message.startsWith(shown)) {
			throw error;
		}

		throw new DeckFileError(`${fromDeck} (read from the deck's folder as ${visibleControls(article)}): ${error.message.slice(shown.length).replace(/\.$/, '')}; fix the path, or give --source SOURCE.`);
	}
}

/**
Exit 0: the deck checks out; 1: it has problems; 2: a usage error or a file that cannot be read. With
--json the answer is JSON whatever happens: the report, or `{"deck": …, "error": "…"}` for a deck or
article that cannot be read (the error is on stderr too).
*/
export async function runCheck(parsed: CheckCommand): Promise<number> {
	try {
		const {deck, label, article, fromDeck, place, hidden = [], notices = []} = await target(parsed);
		const checked = article === undefined ? [] : checkDeck(deck, await readSource(article, deck, fromDeck));
		const problems = [...checked, ...hidden];
		// In slide order, each slide's hidden characters after its other problems.
		const placed = [...checked.map(problem => ({...problem, ...place(problem)})), ...hidden.map(problem => ({...problem, file: parsed.deckFile ?? ''}))].sort((a, b) => a.slide - b.slide);
		const shownArticle = article === undefined ? undefined : visibleControls(article);
		// Slides that need more than one page at the size (a note: they are shown across pages, the check still passes).
		const size = parsed.size ?? defaultCheckSize;
		const tall = (await measureSlides(deck, size)).map(each => ({...each, ...place({slide: each.slide, slideId: each.slideId, field: 'title', kind: 'no-citation', text: '', message: ''})}));
		const tallLines = tall.map(each => `${where({...each, column: 1})}${formatTallSlide(each, size)}`);
		const written = await writeOut(
			parsed.isJson
				? jsonReport({deck: label, article: shownArticle, slides: deck.slides.length, problems: placed, size: `${size.columns}x${size.rows}`, tall, ...(notices.length > 0 ? {notices} : {})})
				: textReport(placed, [...tallLines, ...notices, summary(problems, deck, label, shownArticle)].join('\n')),
		);
		// A failed write (exit 1) says more than the problems found.
		return written || (problems.length > 0 ? 1 : 0);
	} catch (error: unknown) {
		if (error instanceof DeckFileError) {
			process.stderr.write(`briefing: ${error.message}\n`);
			if (parsed.isJson) {
				await writeOut(JSON.stringify({deck: visibleControls(parsed.deckFile ?? 'the built-in deck'), error: error.message}, null, '\t') + '\n');
			}

			return 2;
		}

		throw error;
	}
}

/** The source's paragraphs, numbered as the checker counts them; furniture is marked. */
export function paragraphsText(article: string, width = 78): string {
	const paragraphs = splitParagraphs(article);
	const pad = String(paragraphs.length).length;
	const blocks = paragraphs.map((paragraph, index) => {
		const words = visibleControls(paragraph.replaceAll(/\s+/g, ' '));
		const note = isFurniture(paragraph) ? ' [page furniture: not citable]' : '';
		// A long word (an address) stands whole on its line, to be found as the article has it.
		return wrap(words + note, width - pad - 2, {breakLongWords: false}).map((line, at) => (at === 0 ? `${String(index + 1).padStart(pad)}  ` : ' '.repeat(pad + 2)) + line).join('\n');
	});
	return blocks.join('\n\n') + '\n';
}

export async function runParagraphs(file: string): Promise<number> {
	try {
		const text = await readTextFile(file, 'a source text', '.txt');
		if (splitParagraphs(text).length === 0) {
			throw new DeckFileError(`${visibleControls(file)}: no paragraph to number (an empty text)`);
		}

		return await writeOut(paragraphsText(text));
	} catch (error: unknown) {
		if (error instanceof DeckFileError) {
			process.stderr.write(`briefing: ${error.message}\n`);
			return 2;
		}

		throw error;
	}
}
