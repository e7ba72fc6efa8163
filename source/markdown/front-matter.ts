import type {Yaml} from 'mdast';
import {parseDocument} from 'yaml';
import type {SourceInfo} from '../deck/deck.js';
import {parseDuration} from '../model/clock.js';
import {MarkdownDeckError, slideText, startOf} from './inline.js';

/**
The deck's YAML front matter: what the article is and where its text is.

	---
	title: The briefing's title
	outlet: The Washington Times
	date: April 6, 2021
	author: Stephen Dinan
	url: https://…            (optional)
	source: article.txt       (optional: the article's text, for `briefing check`)
	summary: slide-id         (optional: the slide whose bullets sum the deck up, for handouts)
	abstract: A few sentences (optional: the handouts' summary, before the summary slide's bullets)
	duration: 20m             (optional: the talk's length, for the presenter view's pace)
	---
*/
export type FrontMatter = {readonly title: string; readonly source?: SourceInfo; readonly summary?: string; readonly abstract?: string; readonly duration?: number};

const required = ['title', 'outlet', 'date', 'author'] as const;
const optional = ['url', 'source', 'summary', 'abstract', 'duration'] as const;
const known: readonly string[] = [...required, ...optional];

export function readFrontMatter(node: Yaml | undefined): FrontMatter {
	if (!node) {
		throw new MarkdownDeckError('a deck starts with front matter: a line "---", then title:, outlet:, date:, author:, then "---"', {line: 1, column: 1});
	}

	const document = parseDocument(node.value, {prettyErrors: false});
	const [error] = document.errors;
	if (error) {
		const at = error.linePos?.[0];
		throw new MarkdownDeckError(`front matter: ${error.message.split('\n')[0] ?? 'not YAML'}`, {line: (at?.line ?? 1) + 1, column: at?.col ?? 1});
	}

	let data: unknown;
	try {
		// An alias bomb (aliases of aliases, each many times over) stops here, in the yaml package's count.
		data = document.toJS({maxAliasCount: 50});
	} catch (error: unknown) {
		throw new MarkdownDeckError(`front matter: ${(error as Error).message.split('\n')[0] ?? 'not YAML'}`, {line: 2, column: 1});
	}

	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		throw new MarkdownDeckError('front matter holds "key: value" lines (title, outlet, date, author, url, source)', startOf(node));
	}

	const fields = new Map<string, string>();
	for (const [key, value] of Object.entries(data)) {
		const line = 1 + node.value.split('\n').findIndex(text => text.startsWith(`${key}:`)) + 1;
		if (!known.includes(key)) {
			throw new MarkdownDeckError(`front matter: unknown key "${slideText(key)}" (known: ${known.join(', ')})`, {line: Math.max(2, line), column: 1});
		}

		if (typeof value !== 'string' && typeof value !== 'number') {
			throw new MarkdownDeckError(`front matter: ${key} takes one line of text`, {line: Math.max(2, line), column: 1});
		}

		fields.set(key, slideText(String(value)));
	}

	// A deck that names no article (title alone, as another presenter's deck is read): shown, not checked.
	const namesNoSource = ['outlet', 'date', 'author', 'url', 'source'].every(key => !fields.has(key));
	const missing = required.find(key => !fields.get(key));
	if (missing && !(namesNoSource && fields.get('title'))) {
		throw new MarkdownDeckError(`front matter needs "${missing}:" (title, outlet, date and author are required)`, startOf(node));
	}

	const get = (key: string) => fields.get(key) ?? '';
	const duration = fields.has('duration') ? parseDuration(get('duration')) : undefined;
	if (fields.has('duration') && duration === undefined) {
		const line = 1 + node.value.split('\n').findIndex(text => text.startsWith('duration:')) + 1;
		throw new MarkdownDeckError(`front matter: duration takes a time such as 20m, 90s or 1h30m, not "${get('duration')}"`, {line: Math.max(2, line), column: 1});
	}

	return {
		title: get('title'),
		...(duration === undefined ? {} : {duration}),
		...(fields.get('summary') ? {summary: get('summary')} : {}),
		...(fields.get('abstract') ? {abstract: get('abstract')} : {}),
		...(namesNoSource
			? {}
			: {
				source: {
					outlet: get('outlet'),
					date: get('date'),
					author: get('author'),
					...(fields.get('url') ? {url: get('url')} : {}),
					...(fields.get('source') ? {text: get('source')} : {}),
				},
			}),
	};
}
