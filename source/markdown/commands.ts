import path from 'node:path';
import process from 'node:process';
import {checkDeck, formatProblem, type Problem} from '../check/check.js';
import {isFurniture, splitParagraphs} from '../check/paragraphs.js';
import type {Deck} from '../deck/deck.js';
import {checkout, defaultArticle} from './article-path.js';
import {visibleControls} from './inline.js';
import {DeckFileError, loadMarkdownDeck, readTextFile} from './load.js';
import {builtInPlaces, type Place, placeOf} from './places.js';

/**
`briefing check [FILE.md] [--source ARTICLE] [--json]` and `briefing paragraphs ARTICLE`: the deck
held to its article by the one checker (source/check), each problem at its file and line.
*/
export const checkUsage = 'usage: briefing check [FILE.md] [--source ARTICLE] [--json]';
export const paragraphsUsage = 'usage: briefing paragraphs ARTICLE';

type CheckArgs = {file?: string; source?: string; isJson: boolean};

function parseCheckArgs(args: readonly string[]): CheckArgs | string {
	const parsed: CheckArgs = {isJson: false};
	for (let index = 0; index < args.length; index++) {
		const arg = args[index]!;
		const [name, inline] = arg.startsWith('--') ? arg.split('=', 2) : [arg];
		if (name === '--json' && inline === undefined) {
			parsed.isJson = true;
		} else if (name === '--source') {
			const value = inline ?? args[++index];
			if (!value) {
				return '--source takes the article\'s text file';
			}

			parsed.source = value;
		} else if (arg.startsWith('-') && arg !== '-') {
			return `unknown option ${visibleControls(arg)} for check`;
		} else if (parsed.file === undefined) {
			parsed.file = arg;
		} else {
			return `check takes one deck file, not also "${visibleControls(arg)}"`;
		}
	}

	return parsed;
}

type Target = {deck: Deck; label: string; article: string; place: (problem: Problem) => Place};

async function target(args: CheckArgs): Promise<Target> {
	if (args.file === undefined) {
		const {deck} = await import('../../slides/index.js');
		const places = await builtInPlaces(deck, path.join(checkout(), 'slides'));
		return {deck, label: 'the built-in deck', article: args.source ?? defaultArticle(), place: problem => places(problem)};
	}

	const file = args.file;
	const parsed = await loadMarkdownDeck(file);
	const fromDeck = parsed.deck.source.text;
	const article = args.source ?? (fromDeck === undefined ? undefined : path.resolve(path.dirname(file), fromDeck));
	if (article === undefined) {
		throw new DeckFileError(`${visibleControls(file)}: no article to check against: give --source ARTICLE or a "source:" line in the front matter`);
	}

	return {deck: parsed.deck, label: visibleControls(file), article, place: problem => placeOf(file, parsed.places, problem)};
}

function summary(problems: readonly Problem[], deck: Deck, label: string, article: string): string {
	if (problems.length === 0) {
		return `${label}: ${deck.slides.length} slides check out against ${article}`;
	}

	const slides = new Set(problems.map(problem => problem.slide)).size;
	return `${label}: ${problems.length} problem${problems.length === 1 ? '' : 's'} on ${slides} of ${deck.slides.length} slides, against ${article}`;
}

/** Exit 0: the deck checks out; 1: it has problems; 2: a usage error or a file that cannot be read. */
export async function runCheck(args: readonly string[]): Promise<number> {
	const parsed = parseCheckArgs(args);
	if (typeof parsed === 'string') {
		process.stderr.write(`briefing: ${parsed}\n${checkUsage}\n`);
		return 2;
	}

	try {
		const {deck, label, article, place} = await target(parsed);
		const text = await readTextFile(article, 'an article', '.txt');
		const problems = checkDeck(deck, text);
		const placed = problems.map(problem => ({...problem, ...place(problem)}));
		const shownArticle = visibleControls(article);
		if (parsed.isJson) {
			const report = {deck: label, article: shownArticle, slides: deck.slides.length, problems: placed};
			process.stdout.write(JSON.stringify(report, null, '\t') + '\n');
		} else {
			const lines = placed.map(problem => `${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}: ${formatProblem(problem)}`);
			process.stdout.write(visibleControls([...lines, summary(problems, deck, label, shownArticle)].join('\n')) + '\n');
		}

		return problems.length > 0 ? 1 : 0;
	} catch (error: unknown) {
		if (error instanceof DeckFileError) {
			process.stderr.write(`briefing: ${error.message}\n`);
			return 2;
		}

		throw error;
	}
}

/** The article's paragraphs, numbered as the checker counts them; furniture is marked. */
export function paragraphsText(article: string, width = 78): string {
	const paragraphs = splitParagraphs(article);
	const pad = String(paragraphs.length).length;
	const blocks = paragraphs.map((paragraph, index) => {
		const words = visibleControls(paragraph.replaceAll(/\s+/g, ' '));
		const note = isFurniture(paragraph) ? ' [page furniture: not citable]' : '';
		const lines: string[] = [];
		for (const word of (words + note).split(' ')) {
			const last = lines.at(-1);
			if (last !== undefined && last.length + 1 + word.length <= width - pad - 2) {
				lines[lines.length - 1] = `${last} ${word}`;
			} else {
				lines.push(word);
			}
		}

		return lines.map((line, at) => (at === 0 ? `${String(index + 1).padStart(pad)}  ` : ' '.repeat(pad + 2)) + line).join('\n');
	});
	return blocks.join('\n\n') + '\n';
}

export async function runParagraphs(args: readonly string[]): Promise<number> {
	const [file, ...rest] = args;
	if (file === undefined || file.startsWith('-') || rest.length > 0) {
		process.stderr.write(`briefing: paragraphs takes one article file\n${paragraphsUsage}\n`);
		return 2;
	}

	try {
		process.stdout.write(paragraphsText(await readTextFile(file, 'an article', '.txt')));
		return 0;
	} catch (error: unknown) {
		if (error instanceof DeckFileError) {
			process.stderr.write(`briefing: ${error.message}\n`);
			return 2;
		}

		throw error;
	}
}
