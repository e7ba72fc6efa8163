import type {RootContent, Yaml} from 'mdast';
import {parseDocument, type YAMLError} from 'yaml';
import {type SourceInfo, type SourceKind, sourceKinds} from '../deck/deck.js';
import {parseDuration} from '../model/clock.js';
import {MarkdownDeckError, slideText, startOf} from './inline.js';
import {plainFields} from './plain-fields.js';

/**
The deck's YAML front matter: the briefing's title, and what its source is and where its text is.
Only the title is required; the rest is what the source states.

	---
	title: The briefing's title
	kind: report              (article, report, transcript, web page or document; default: an
	                           article when outlet: is given, else a document)
	outlet: The Washington Times  (an article's publication)
	publisher: ACME Institute (who issued any other kind of source)
	author: Stephen Dinan
	date: April 6, 2021
	url: https://…
	source: article.txt       (the source's text, for `briefing check`)
	summary: slide-id         (the slide whose bullets sum the deck up, for handouts)
	abstract: A few sentences (the handouts' summary, before the summary slide's bullets)
	duration: 20m             (the talk's length, for the presenter view's pace)
	lang: fr                  (the language the deck is written in, a BCP 47 tag, for the handouts;
	                           default en; pandoc and patat decks write the same key)
	---

Every problem is told in our words at its line: a front matter left open, a list where one line of
text is wanted, a key we do not know (with the nearest one we do), a kind we do not know, a `lang:`
that is not a language tag.
*/
export type FrontMatter = {readonly title: string; readonly source: SourceInfo; readonly summary?: string; readonly abstract?: string; readonly duration?: number; readonly lang?: string};

const sourceKeys = ['kind', 'outlet', 'publisher', 'author', 'date', 'url', 'source'] as const;
const known: readonly string[] = ['title', ...sourceKeys, 'summary', 'abstract', 'duration', 'lang'];

/** Keys people write for ours (from other presenters' and blogs' front matter). */
const aliases: Readonly<Record<string, string>> = {
	type: 'kind', publication: 'outlet', newspaper: 'outlet', paper: 'outlet', site: 'outlet', magazine: 'outlet',
	by: 'author', authors: 'author', writer: 'author', reporter: 'author', speaker: 'author',
	link: 'url', href: 'url', address: 'url', file: 'source', text: 'source', article: 'source',
	length: 'duration', time: 'duration', description: 'abstract', subtitle: 'abstract', sub_title: 'abstract', published: 'date',
	language: 'lang', locale: 'lang', lng: 'lang',
};

type At = {readonly line: number; readonly column: number};

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (const [i, left] of [...a].entries()) {
		const row = [i + 1];
		for (const [j, right] of [...b].entries()) {
			row.push(Math.min(previous[j + 1]! + 1, row[j]! + 1, previous[j]! + (left === right ? 0 : 1)));
		}

		previous = row;
	}

	return previous[b.length]!;
}

/** The known key an unknown one most likely meant, if any is near. */
export function nearestKey(key: string): string | undefined {
	const lower = key.toLowerCase();
	if (aliases[lower]) {
		return aliases[lower];
	}

	const [best] = [...known].sort((a, b) => distance(lower, a) - distance(lower, b));
	return best && distance(lower, best) <= Math.max(1, Math.ceil(best.length / 3)) ? best : undefined;
}

/** Where an offset into the front matter's text is in the file (the front matter starts the line after its "---"). */
function placeIn(node: Yaml, offset: number): At {
	const before = node.value.slice(0, Math.max(0, offset));
	const lines = before.split('\n');
	return {line: startOf(node).line + lines.length, column: [...(lines.at(-1) ?? '')].length + 1};
}

/**
A front matter left open: its closing "---" is a slide break further down, so the slides are read as
its lines. Its first Markdown heading (to YAML, a comment), when slide words follow it (lines that
are neither a comment nor a field) and no field does.
*/
function unclosedAt(node: Yaml): number | undefined {
	const lines = node.value.split('\n');
	const heading = lines.findIndex(line => /^#{1,6}\s+\S/.test(line));
	if (heading < 0) {
		return undefined;
	}

	const after = lines.slice(heading + 1);
	const isField = (line: string) => known.some(key => line.startsWith(`${key}:`));
	const hasWords = after.some(line => line.trim() && !line.trimStart().startsWith('#') && !isField(line));
	return hasWords && !after.some(line => isField(line)) ? heading : undefined;
}

function yamlMessage(error: YAMLError, text: string): string {
	const line = text.slice(0, error.pos[0]).split('\n').length;
	const shown = slideText(text.split('\n')[line - 1] ?? '');
	switch (error.code) {
		case 'BLOCK_AS_IMPLICIT_KEY': {
			return `The front matter line "${shown}" holds a second ": "; put the value in quotation marks, as in title: "Mayorkas: the town hall".`;
		}

		case 'DUPLICATE_KEY': {
			return `The front matter gives "${shown.split(':')[0] ?? ''}:" twice; keep one.`;
		}

		case 'MISSING_CHAR': {
			return /quote/i.test(error.message)
				? `The front matter line "${shown}" opens a quotation mark it never closes.`
				: `The front matter line "${shown}" is not a "key: value" line.`;
		}

		default: {
			return `The front matter line "${shown}" cannot be read as "key: value"; put a value that starts with [, {, *, & or ! in quotation marks.`;
		}
	}
}

function parseFields(node: Yaml): {data: Record<string, unknown>; at: (key: string) => At} {
	const plain = plainFields(node.value);
	if (plain) {
		return {data: plain.data, at: key => placeIn(node, plain.offsets.get(key) ?? 0)};
	}

	const document = parseDocument(node.value, {prettyErrors: false, uniqueKeys: true});
	const [error] = document.errors;
	if (error) {
		throw new MarkdownDeckError(yamlMessage(error, node.value), placeIn(node, error.pos[0]));
	}

	let data: unknown;
	try {
		// An alias bomb (aliases of aliases, each many times over) stops here, in the yaml package's count.
		data = document.toJS({maxAliasCount: 50});
	} catch {
		throw new MarkdownDeckError('The front matter repeats itself through aliases (*name) more than a deck needs; write each field out.', placeIn(node, 0));
	}

	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		throw new MarkdownDeckError('The front matter holds "key: value" lines, one field a line: title:, and what the source is (kind:, outlet: or publisher:, author:, date:, source:).', startOf(node));
	}

	const offsets = new Map<string, number>();
	const {contents} = document;
	if (contents && 'items' in contents) {
		for (const pair of contents.items as Array<{key?: {value?: unknown; range?: readonly number[]}}>) {
			offsets.set(String(pair.key?.value), pair.key?.range?.[0] ?? 0);
		}
	}

	return {data: data as Record<string, unknown>, at: key => placeIn(node, offsets.get(key) ?? 0)};
}

/** One line of text from a field's value, or the reason it is not one. */
function textOf(key: string, value: unknown, at: At): string {
	if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) {
		return slideText(value instanceof Date ? value.toISOString().slice(0, 10) : String(value)).trim();
	}

	if (Array.isArray(value)) {
		const joined = value.map(String).join(' and ');
		throw new MarkdownDeckError(`The front matter's "${key}:" takes one line of text, not a list; write it on one line, as in ${key}: ${slideText(joined)}.`, at);
	}

	if (value === null || value === undefined || value === '') {
		throw new MarkdownDeckError(`The front matter's "${key}:" is empty; give it a value or leave the line out.`, at);
	}

	throw new MarkdownDeckError(`The front matter's "${key}:" takes one line of text, not ${typeof value === 'boolean' ? `"${String(value)}"` : 'a block of fields'}.`, at);
}

function readFields(node: Yaml): {fields: Map<string, string>; at: (key: string) => At} {
	const {data, at} = parseFields(node);
	const fields = new Map<string, string>();
	for (const [key, value] of Object.entries(data)) {
		if (!known.includes(key)) {
			const near = nearestKey(key);
			const hint = near ? `did you mean "${near}:"?` : `the keys are ${known.join(', ')}.`;
			throw new MarkdownDeckError(`The front matter has no key "${slideText(key)}:"; ${hint}`, at(key));
		}

		fields.set(key, textOf(key, value, at(key)));
	}

	return {fields, at};
}

function kindOf(fields: ReadonlyMap<string, string>, at: At): SourceKind | undefined {
	const written = fields.get('kind');
	if (written === undefined) {
		return undefined;
	}

	const kind = sourceKinds.find(each => each === written.toLowerCase().replaceAll(/[\s_-]+/g, ' '));
	if (!kind) {
		throw new MarkdownDeckError(`The front matter's "kind: ${written}" is not one we know; the kinds are ${sourceKinds.join(', ')}.`, at);
	}

	return kind;
}

/**
A BCP 47 language tag, checked for its shape only, not against the registry: a language of two or three
letters, subtags of two to eight letters and digits (script, region, variant: `zh-Hans`, `pt-BR`,
`es-419`), and extensions and private use after a one-character singleton (`de-CH-x-phonebk`).
*/
const languageTag = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*(?:-[A-Za-z0-9](?:-[A-Za-z0-9]{2,8})+)*$/;
/** Longer than any tag a deck needs (RFC 5646 asks for room for 35 characters). */
const longestTag = 35;
/** A POSIX locale (`fr_FR`, `pt_BR.UTF-8`): the tag it means, with hyphens. */
const posixLocale = /^([A-Za-z]{2,3}(?:_[A-Za-z0-9]{2,8})+)(?:\.[\w-]+)?(?:@\w+)?$/;

/** Why `value` is not a language tag, as the deck error says it; undefined when it is one. */
export function languageProblem(value: string): string | undefined {
	if (value.length <= longestTag && languageTag.test(value)) {
		return undefined;
	}

	const locale = posixLocale.exec(value)?.[1]?.replaceAll('_', '-');
	const shown = slideText(value.length > longestTag ? `${value.slice(0, longestTag)}…` : value);
	return `The front matter's "lang:" takes a language tag such as en, fr, pt-BR or zh-Hans, not "${shown}"${locale && !languageProblem(locale) ? `; write lang: ${locale}` : ''}.`;
}

/** The deck's language, when the front matter gives one; a value that is not a language tag is an error at its line. */
function languageOf(fields: ReadonlyMap<string, string>, at: At): string | undefined {
	const lang = fields.get('lang');
	const problem = lang === undefined ? undefined : languageProblem(lang);
	if (problem) {
		throw new MarkdownDeckError(problem, at);
	}

	return lang;
}

/**
A deck whose first line is "---" and that has no other: Markdown reads that line as a rule, and the
fields after it as words. Said as the front matter left open it is.
*/
function neverClosed(first: RootContent | undefined): void {
	if (first?.type === 'thematicBreak' && startOf(first).line === 1) {
		throw new MarkdownDeckError('The front matter that starts here is never closed; put a line "---" after its last field.', startOf(first));
	}
}

/** The front matter (`node`), read; `first` is the deck's first node, for a front matter never closed. */
export function readFrontMatter(node: Yaml | undefined, first?: RootContent): FrontMatter {
	if (!node) {
		neverClosed(first);
		throw new MarkdownDeckError('A deck starts with front matter: a line "---", then "title: …" and what the source is, then "---".', {line: 1, column: 1});
	}

	const open = unclosedAt(node);
	if (open !== undefined) {
		const heading = slideText(node.value.split('\n')[open] ?? '');
		throw new MarkdownDeckError(`The front matter that starts here is never closed; put a line "---" after its last field, before "${heading}" on line ${startOf(node).line + open + 1}.`, startOf(node));
	}

	const {fields, at} = readFields(node);
	if (!fields.get('title')) {
		throw new MarkdownDeckError('The front matter needs "title:", the briefing\'s title.', startOf(node));
	}

	const duration = fields.has('duration') ? parseDuration(fields.get('duration')!) : undefined;
	if (fields.has('duration') && duration === undefined) {
		throw new MarkdownDeckError(`The front matter's duration takes a time such as 20m, 90s or 1h30m, not "${fields.get('duration')!}".`, at('duration'));
	}

	const kind = kindOf(fields, at('kind'));
	const lang = languageOf(fields, at('lang'));
	const given = (key: string, as = key) => (fields.get(key) ? {[as]: fields.get(key)!} : {});
	return {
		title: fields.get('title')!,
		...(duration === undefined ? {} : {duration}),
		...given('summary'),
		...given('abstract'),
		...(lang ? {lang} : {}),
		source: {
			...(kind ? {kind} : {}),
			...given('outlet'),
			...given('publisher'),
			...given('date'),
			...given('author'),
			...given('url'),
			...given('source', 'text'),
		},
	};
}
