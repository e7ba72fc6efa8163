import path from 'node:path';
import {stringify} from 'yaml';
import type {Deck, Slide} from '../deck/deck.js';
import {blockMarkdown, headingText} from '../deck/markdown.js';
import {stripControls} from '../text/sanitize.js';
import {wrap} from '../text/wrap.js';
import {slugify} from '../markdown/parse-deck.js';
import {durationText} from '../model/clock.js';

/**
`--export deck`: any deck written as a Markdown deck (the format parse-deck.ts reads), so that
presenting the file gives the same slides word for word. A briefer starts the next briefing here.
*/
function withId(marks: string, title: string, id: string): string {
	return `${marks} ${headingText(title)}${slugify(title) === id ? '' : ` {#${id}}`}`;
}

/** The words of a comment: `-->` would end it, and `&gt;` and its kin are read as characters. */
function commentWords(text: string): string {
	return stripControls(text).replaceAll(/&(?=(?:gt|lt|amp);)/g, '&amp;').replaceAll('-->', '--&gt;').replaceAll(/\s+/g, ' ').trim();
}

function slideToMarkdown(slide: Slide): string {
	const parts = [withId('##', slide.title, slide.id)];
	if (slide.paragraphs.length > 0) {
		parts.push(`<!-- paragraphs: ${slide.paragraphs.join(', ')} -->`);
	}

	if (slide.budget !== undefined) {
		parts.push(`<!-- budget: ${durationText(slide.budget)} -->`);
	}

	parts.push(...slide.blocks.map(block => blockMarkdown(block, 'deck')));
	const notes = commentWords(slide.notes);
	if (notes) {
		parts.push(`<!-- speaker_note:\n${wrap(notes, 96, {breakLongWords: false}).join('\n')}\n-->`);
	}

	return parts.join('\n\n');
}

export function deckToMarkdown(deck: Deck): string {
	const {kind, outlet, publisher, date, author, url, text} = deck.source;
	const fields = {
		title: deck.title,
		...(kind ? {kind} : {}),
		...(outlet ? {outlet} : {}),
		...(publisher ? {publisher} : {}),
		...(date ? {date} : {}),
		...(author ? {author} : {}),
		...(url ? {url} : {}),
		...(text ? {source: text} : {}),
		...(deck.summary ? {summary: deck.summary} : {}),
		...(deck.abstract ? {abstract: deck.abstract} : {}),
		...(deck.duration ? {duration: durationText(deck.duration)} : {}),
		// Only a language the deck gave: a deck without one (the built-in deck, English) exports as before.
		...(deck.lang ? {lang: deck.lang} : {}),
	};
	const front = stringify(Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, stripControls(value)])), {lineWidth: 0});
	const parts = [`---\n${front}---`];
	for (const section of deck.sections) {
		parts.push(withId('#', section.title, section.id) + (section.budget === undefined ? '' : `\n\n<!-- budget: ${durationText(section.budget)} -->`));
		const slides = deck.slides.slice(section.start, section.start + section.count);
		parts.push(slides.map(slide => slideToMarkdown(slide)).join('\n\n---\n\n'));
	}

	return parts.join('\n\n') + '\n';
}

/**
A Markdown deck's `source:` (relative to the deck's folder) as the exported copy gives it: relative
to the folder the copy is written to, so `briefing check` on the copy finds the same text. Kept as
written for stdout, for an absolute path, and for a copy written beside the deck.
*/
export function sourceForOutput(source: string, deckFile: string, output: string | undefined): string {
	if (output === undefined || output === '-' || path.isAbsolute(source)) {
		return source;
	}

	const from = path.dirname(path.resolve(deckFile));
	const to = path.dirname(path.resolve(output));
	return from === to ? source : path.relative(to, path.resolve(from, source)).split(path.sep).join('/');
}
