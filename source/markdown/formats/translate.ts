import path from 'node:path';
import {headingText} from '../../deck/markdown.js';
import {codeSpan} from '../../text/code-spans.js';
import {languageProblem} from '../front-matter.js';
import {MarkdownDeckError} from '../inline.js';
import {detectReading} from './detect.js';
import {atxHeading, type Comment, commandOf, type DeckFormat, type FormatChoice, isRule, isSetextUnderline, type Scanned, scanDeck} from './scan.js';

/**
A deck written for presenterm, slides (maaslalani) or patat, translated line for line into our own
Markdown deck format (README "The format"), so that every feature reads it as it reads ours. Each line of
the file stays on a line of its own in the translation (changed, or emptied), after `shift` lines put
before the file's first: front matter with the deck's title, the first `#` section line, an intro
slide. A line of the translation is line `n - shift` of the file, so every message keeps `FILE:LINE`.

What the show does not show becomes a visible placeholder (an image is `[image: doge.png]`) or is left
out, and is counted by kind in `notices`, one line a kind; nothing in a deck is ever run or read
(a code block marked `+exec` is shown as code, an `include` is a placeholder).
*/
export type Notice = {readonly kind: string; readonly line: number; readonly count: number; readonly text: string};

export type OurDeck = {
	readonly format: DeckFormat;
	readonly text: string;
	readonly shift: number;
	readonly notices: readonly Notice[];
};

/** The comment commands our format reads (ours, and the columns the slide layout reads); any other comment is left out. */
const keptCommands = new Set(['pause', 'speaker_note', 'column_layout', 'column', 'reset_layout']);
const layoutCommands = new Set(['jump_to_middle', 'newlines', 'new_lines', 'new_line', 'alignment', 'font_size', 'no_footer', 'skip_slide', 'list_item_newlines']);
const execMarks = /(?:^|\s)\+(?:exec_replace|exec|render|acquire_terminal|pty|id:\S*)(?=\s|$)/;

const noticeTexts: Readonly<Record<string, (count: number) => string>> = {
	image: count => `${count} image${count === 1 ? ' is' : 's are'} shown as a placeholder, [image: file].`,
	html: count => `${count} HTML line${count === 1 ? ' is' : 's are'} left out.`,
	exec: count => `${count} code block${count === 1 ? '' : 's'} marked to run (+exec and its kin) ${count === 1 ? 'is' : 'are'} shown as code, never run.`,
	preprocess: count => `${count} ~~~command block${count === 1 ? ' is' : 's are'} shown as code, never run (a speaker note on the slide says what slides would show).`,
	include: count => `${count} include${count === 1 ? ' is' : 's are'} shown as a placeholder, [include: file], not read.`,
	layout: count => `${count} layout comment${count === 1 ? '' : 's'} (jump_to_middle, newlines, alignment…) left out: the show lays slides out itself.`,
	incremental: () => 'The incremental_lists setting is left out: bullets are revealed one at a time (--no-reveal shows every slide whole).',
	theme: () => 'The theme is not used: the show has its own themes (--theme).',
	footer: () => 'The footer template is not shown: the show draws its own footer.',
	paging: () => 'The paging setting is not used: the show numbers its own slides.',
	patat: () => 'The patat settings are not used.',
	options: () => 'The options settings are not used (but end_slide_shorthand and implicit_slide_ends, which cut slides).',
};

class Notices {
	readonly #kinds = new Map<string, {line: number; count: number}>();

	add(kind: string, index: number): void {
		const known = this.#kinds.get(kind);
		this.#kinds.set(kind, {line: known?.line ?? index + 1, count: (known?.count ?? 0) + 1});
	}

	/** The notices, the first saying which presenter the deck was read as (or plain Markdown, when nothing in it names one). */
	list(format: DeckFormat, isAnyMarkdown: boolean): Notice[] {
		const reading = isAnyMarkdown ? 'Read as plain Markdown: its headings cut the slides, as patat cuts them' : `Read as a ${format} deck`;
		const read = {kind: 'format', line: 1, count: 1, text: `${reading} (--format chooses another).`};
		return [read, ...[...this.#kinds].map(([kind, {line, count}]) => ({kind, line, count, text: noticeTexts[kind]?.(count) ?? kind}))];
	}
}

/** A placeholder's words, escaped so they show as written. */
const placeholder = (kind: string, what: string) => `\\[${kind}: ${what.replaceAll(/[\\`*_[\]<|~]/g, character => '\\' + character)}\\]`;

/** One line of words outside code, its images made placeholders and inline tags left out. */
function wordsLine(line: string, index: number, notices: Notices): string {
	let words = line.replaceAll(/!\[[^\]]*\]\(\s*<?([^)\s>]*)>?[^)]*\)/g, (_, file: string) => {
		notices.add('image', index);
		return placeholder('image', file || 'image');
	});
	if (/^ {0,3}<img\b/i.test(words)) {
		notices.add('image', index);
		return placeholder('image', /\bsrc\s*=\s*["']?([^"'\s>]*)/i.exec(words)?.[1] ?? 'image');
	}

	if (/^ {0,3}<\/?[A-Za-z][\w-]*(?:\s[^>]*)?\/?>/.test(words) && !/^ {0,3}<(?:span|b|i|em|strong|u|sup|sub)\b/i.test(words)) {
		notices.add('html', index);
		return '';
	}

	if (!words.includes('`')) {
		words = words.replaceAll(/<\/?(?:span|b|i|em|strong|u|sup|sub|br)\b[^>]*>/gi, '');
	}

	return words;
}

/** A fence's opening line with presenterm's marks taken off (`+exec`, `+line_numbers`, `{1,3}`): the code is shown, never run. */
function fenceLine(line: string, index: number, notices: Notices): string {
	const open = /^( {0,3}(?:`{3,}|~{3,}))(\S*)(.*)$/.exec(line);
	if (!open || !open[3]?.trim()) {
		return line;
	}

	if (execMarks.test(open[3])) {
		notices.add('exec', index);
	}

	return `${open[1]}${open[2]}`;
}

/**
slides runs a `~~~command` block's lines through the command and shows what it prints (`~~~date`, with
no lines, shows today's date). Nothing from a deck is run here: the block is shown as code (its lines,
or the command itself when it has none), and the fence line becomes a one-line speaker note saying what
slides would do: the presenter reads it in the presenter view, the room (and every handout, but one
printed with its notes) sees only the code. A comment line ends its HTML block, so the block's lines can
stand after it as indented code on their own lines. Returns the last line of the block.
*/
function preprocessBlock(scanned: Scanned, start: number, out: string[], notices: Notices): number {
	const {lines, kinds} = scanned;
	notices.add('preprocess', start);
	const command = lines[start]!.replace(/^ {0,3}~+[ \t]*/, '').trim();
	let end = start + 1;
	while (end < lines.length && kinds[end] === 'code') {
		end++;
	}

	const body = lines.slice(start + 1, end);
	const hasLines = body.some(line => /\S/.test(line));
	const closer = end < lines.length ? end : undefined;
	out[start] = `<!-- speaker_note: ${preprocessNote(command, hasLines)} -->`;
	for (const [at, line] of body.entries()) {
		out[start + 1 + at] = hasLines && /\S/.test(line) ? `    ${line}` : '';
	}

	if (closer !== undefined) {
		out[closer] = hasLines ? '' : `    ${command}`;
	}

	return closer ?? end - 1;
}

/** The speaker note for a `~~~command` block: what slides would do with it, and that briefing shows it as code instead. */
export function preprocessNote(command: string, hasLines: boolean): string {
	// A `-->` in the command would end the comment early.
	const named = codeSpan(command.replaceAll('-->', '-- >'));
	return hasLines
		? `slides would run these lines through ${named} and show what it prints; briefing shows the lines as code and runs nothing.`
		: `slides would run ${named} here and show what it prints; briefing shows the command as code and runs nothing.`;
}

/**
A comment in our translation: ours kept (presenterm's `speaker_note: |` made plain), any other left out
and counted. In patat every comment but a `config:` one is a speaker note.
*/
function commentLines(comment: Comment, lines: readonly string[], out: string[], notices: Notices, format: DeckFormat): void {
	const command = commandOf(comment);
	if (format === 'patat' && command !== 'config' && /\S/.test(comment.body)) {
		for (let index = comment.start; index <= comment.end; index++) {
			out[index] = lines[index]!;
		}

		out[comment.start] = lines[comment.start]!.replace('<!--', '<!-- speaker_note:');
		return;
	}

	if (command && keptCommands.has(command)) {
		for (let index = comment.start; index <= comment.end; index++) {
			out[index] = lines[index]!.replace(/(speaker_note\s*:)\s*[|>][-+]?[ \t]*$/, '$1');
		}

		return;
	}

	for (let index = comment.start; index <= comment.end; index++) {
		out[index] = '';
	}

	if (command === 'include') {
		notices.add('include', comment.start);
		out[comment.start] = placeholder('include', /:\s*(.*?)\s*$/.exec(comment.body)?.[1] ?? '');
	} else if (command === 'incremental_lists') {
		notices.add('incremental', comment.start);
	} else if (command && layoutCommands.has(command)) {
		notices.add('layout', comment.start);
	} else if (command === 'config') {
		notices.add('patat', comment.start);
	}
}

/** Runs of `>` lines with no speaker line (`> — Name`) become plain lines: our quote is somebody's words with a speaker. */
function plainQuotes(scanned: Scanned, out: string[]): void {
	for (let index = scanned.bodyStart; index < out.length; index++) {
		if (scanned.kinds[index] !== 'text' || !/^ {0,3}>/.test(out[index]!)) {
			continue;
		}

		let end = index;
		while (end + 1 < out.length && scanned.kinds[end + 1] === 'text' && /^ {0,3}>/.test(out[end + 1]!)) {
			end++;
		}

		const last = out.slice(index, end + 1).filter(line => /\S/.test(line.replace(/^ {0,3}>/, ''))).at(-1) ?? '';
		if (!/^ {0,3}>[ \t]*(?:—|―|--)[ \t]*\S/.test(last)) {
			for (let at = index; at <= end; at++) {
				out[at] = out[at]!.replace(/^ {0,3}>[ \t]?/, '').replace(/^\[!(\w+)\][ \t]*$/, (_, kind: string) => `**${kind[0]!.toUpperCase()}${kind.slice(1).toLowerCase()}**`);
			}
		}

		index = end;
	}
}

/** Every line of the body in our words, before the slides are cut: comments, fences, images, pauses, quotes. */
function bodyLines(scanned: Scanned, format: DeckFormat, notices: Notices): string[] {
	const {lines, kinds} = scanned;
	const out = lines.map((line, index) => (index < scanned.bodyStart ? '' : line));
	for (let index = scanned.bodyStart; index < lines.length; index++) {
		const line = lines[index]!;
		const comment = scanned.comments.get(index);
		if (comment) {
			commentLines(comment, lines, out, notices, format);
			index = comment.end;
		} else if (kinds[index] === 'fence' && format === 'slides' && /^ {0,3}~~~+[ \t]*\S/.test(line)) {
			index = preprocessBlock(scanned, index, out, notices);
		} else if (kinds[index] === 'fence') {
			out[index] = fenceLine(line, index, notices);
		} else if (kinds[index] === 'text') {
			out[index] = format === 'patat' && /^\. \. \.[ \t]*$/.test(line) ? '<!-- pause -->' : wordsLine(line, index, notices);
		}
	}

	plainQuotes(scanned, out);
	return out;
}

type Heading = {readonly line: number; readonly under?: number; readonly level: number; readonly words: string};

function headingAt(scanned: Scanned, index: number): Heading | undefined {
	if (scanned.kinds[index] !== 'text') {
		return undefined;
	}

	if (isSetextUnderline(scanned, index + 1)) {
		return {line: index, under: index + 1, level: scanned.lines[index + 1]!.trim().startsWith('=') ? 1 : 2, words: scanned.lines[index]!.trim()};
	}

	const atx = atxHeading(scanned.lines[index]!);
	return atx?.words ? {line: index, level: atx.level, words: atx.words} : undefined;
}

/** Writes a heading's lines: `marks words` on its line, its underline emptied. */
function setHeading(out: string[], heading: Heading, marks: string, words = heading.words): void {
	out[heading.line] = `${marks} ${words}`;
	if (heading.under !== undefined) {
		out[heading.under] = '';
	}
}

type Built = {prefix: string[]; out: string[]; firstTitle?: string | undefined};

type Range = {start: number; end: number; sep?: number; isSection?: boolean};

/** The slides between separator lines (a separator's lines emptied); slides with nothing in them are dropped. */
function rangesBetween(scanned: Scanned, out: string[], separators: ReadonlyArray<{start: number; end: number; isImplicit?: boolean}>): Range[] {
	const ranges: Range[] = [];
	let start = scanned.bodyStart;
	let sep: number | undefined;
	for (const each of [...separators, {start: out.length, end: out.length}]) {
		if (out.slice(start, each.start).some(line => /\S/.test(line))) {
			ranges.push({start, end: each.start, ...(sep === undefined ? {} : {sep})});
		}

		for (let index = each.start; index <= each.end && index < out.length; index++) {
			out[index] = '';
		}

		start = each.end + 1;
		sep = each.isImplicit ? undefined : each.start;
	}

	return ranges;
}

/**
Slides cut at separator lines, each titled by its first heading (else "Slide N"); a slide of its title
alone opens a section. `byline` (the author and date of a deck with no title of its own) goes under the
first slide's title.
*/
function cutSlides(scanned: Scanned, out: string[], ranges: readonly Range[], prefix: string[], byline: string[]): string | undefined {
	let firstTitle: string | undefined;
	for (const [number, range] of ranges.entries()) {
		let heading: Heading | undefined;
		for (let index = range.start; index < range.end && !heading; index++) {
			heading = headingAt(scanned, index);
		}

		firstTitle ??= heading?.words;
		const title = heading?.words ?? `Slide ${number + 1}`;
		const extra = number === 0 ? byline : [];
		const isFirst = heading !== undefined && extra.length === 0 && !out.slice(range.start, heading.line).some(line => /\S/.test(line));
		const rest = out.slice(range.start, range.end).filter((line, at) => /\S/.test(line) && range.start + at !== heading?.line && range.start + at !== heading?.under);
		const isSection = isFirst && heading !== undefined && (range.isSection === true || rest.length === 0);
		for (let index = range.start; index < range.end; index++) {
			const inner = index === heading?.line ? undefined : headingAt(scanned, index);
			if (inner && /\S/.test(out[index]!)) {
				setHeading(out, inner, '###');
			} else if (scanned.kinds[index] === 'text' && isRule(scanned, index)) {
				out[index] = '';
			}
		}

		const sectionLine = `# ${title}`;
		if (heading && isFirst) {
			setHeading(out, heading, '##');
			if (isSection && heading.under !== undefined && range.sep === undefined) {
				out[heading.line] = sectionLine;
				out[heading.under] = `## ${title}`;
			} else if (isSection && range.sep === undefined) {
				prefix.push(sectionLine);
			} else if (isSection) {
				out[range.sep!] = sectionLine;
			}

			continue;
		}

		if (heading) {
			out[heading.line] = '';
			if (heading.under !== undefined) {
				out[heading.under] = '';
			}
		}

		const slideLine = `## ${heading ? title : headingText(title)}`;
		if (range.sep === undefined) {
			prefix.push(slideLine, ...extra);
		} else {
			out[range.sep] = slideLine;
		}
	}

	return firstTitle;
}

/** patat without rules: slides cut at the slide level (the highest heading level followed by content), higher headings are sections. */
function headingSlides(scanned: Scanned, out: string[], prefix: string[], byline: string[]): string | undefined {
	const headings: Heading[] = [];
	for (let index = scanned.bodyStart; index < out.length; index++) {
		const heading = /\S/.test(out[index]!) ? headingAt(scanned, index) : undefined;
		if (heading) {
			headings.push(heading);
			index = heading.under ?? index;
		}
	}

	const followedByContent = headings.filter((heading, at) => {
		const after = out.slice((heading.under ?? heading.line) + 1, headings[at + 1]?.line ?? out.length);
		return after.some(line => /\S/.test(line));
	});
	const level = Math.min(...followedByContent.map(heading => heading.level), 7);
	let openSection: Heading | undefined;
	let slides = 0;
	for (const heading of headings) {
		if (heading.level < level) {
			if (openSection) {
				setHeading(out, openSection, '##');
				slides++;
			}

			openSection = heading;
			setHeading(out, heading, '#');
		} else if (heading.level === level) {
			openSection = undefined;
			slides++;
			setHeading(out, heading, '##');
		} else {
			setHeading(out, heading, '###');
		}
	}

	if (openSection) {
		setHeading(out, openSection, '##');
	}

	for (let index = scanned.bodyStart; index < out.length; index++) {
		if (isRule(scanned, index)) {
			out[index] = '';
		}
	}

	const firstHeading = headings[0];
	const before = out.slice(scanned.bodyStart, firstHeading?.line ?? out.length).some(line => /\S/.test(line));
	if (before || slides === 0) {
		prefix.push('## Slide 1', ...byline);
	} else if (byline.length > 0 && firstHeading?.level === level) {
		prefix.push(`## ${firstHeading.words}`, ...byline);
		out[firstHeading.line] = '';
		if (firstHeading.under !== undefined) {
			out[firstHeading.under] = '';
		}
	}

	return firstHeading?.words;
}

function frontText(value: unknown): string | undefined {
	if (typeof value === 'string' || typeof value === 'number') {
		return String(value).trim() || undefined;
	}

	return Array.isArray(value) && value.every(each => typeof each === 'string') ? value.join(', ') : undefined;
}

/** What a foreign deck's front matter says that the show does not use, each a notice. */
function frontNotices(scanned: Scanned, notices: Notices): void {
	const keys = Object.keys(scanned.front);
	const lineOf = (key: string) => Math.max(0, scanned.lines.findIndex(line => line.startsWith(`${key}:`)));
	for (const key of ['theme', 'paging', 'patat']) {
		if (keys.includes(key)) {
			notices.add(key, lineOf(key));
		}
	}

	// presenterm's options: the two that cut slides are read (see build); any other is noted.
	const options = scanned.front['options'];
	if (options !== undefined && (typeof options !== 'object' || options === null || Object.keys(options).some(key => key !== 'end_slide_shorthand' && key !== 'implicit_slide_ends'))) {
		notices.add('options', lineOf('options'));
	}

	const theme = scanned.front['theme'];
	if (typeof theme === 'object' && theme !== null && JSON.stringify(theme).includes('"footer"')) {
		notices.add('footer', lineOf('theme'));
	}
}

/**
The front matter's `lang:` (pandoc's and patat's key, ours too) as our front matter's line, so the
handouts say the deck's language; a value that is not a language tag is an error at its line.
*/
function langLines(scanned: Scanned): string[] {
	const value = scanned.front['lang'];
	if (value === undefined) {
		return [];
	}

	const lang = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : JSON.stringify(value) ?? '';
	const problem = languageProblem(lang);
	if (problem) {
		const line = scanned.lines.findIndex((each, index) => index < scanned.bodyStart && /^lang[ \t]*:/.test(each));
		throw new MarkdownDeckError(problem, {line: Math.max(0, line) + 1, column: 1});
	}

	return [`lang: ${lang}`];
}

/** The author and date a deck gives with no title of its own (slides' status bar): a source line under the first slide's title. */
function bylineOf(scanned: Scanned): string[] {
	const get = (key: string) => frontText(scanned.front[key]);
	const words = [get('authors') ?? get('author'), get('date')].filter(Boolean) as string[];
	return get('title') || words.length === 0 ? [] : [`*${words.map(word => headingText(word)).join(' · ')}*`];
}

/** The intro slide the front matter's title, subtitle, author and date make (presenterm's; patat's title bar). */
function introSlide(scanned: Scanned, title: string): string[] {
	const get = (key: string) => frontText(scanned.front[key]);
	const lines = [get('sub_title') ?? get('subtitle'), get('event'), get('location'), get('date'), get('authors') ?? get('author')].filter(Boolean) as string[];
	if (!get('title')) {
		return [];
	}

	const [first, ...rest] = lines.map(line => headingText(line));
	const sub = get('sub_title') ?? get('subtitle');
	return [`## ${title}`, '', ...(first ? [sub ? `**${first}**` : first, ''] : []), ...rest.flatMap(line => [line, ''])];
}

function build(scanned: Scanned, format: DeckFormat, notices: Notices): Built {
	const out = bodyLines(scanned, format, notices);
	const prefix: string[] = [];
	const {comments, lines} = scanned;
	// presenterm's options: `---` ends a slide (end_slide_shorthand), a setext title starts one (implicit_slide_ends).
	const options = typeof scanned.front['options'] === 'object' && scanned.front['options'] !== null ? (scanned.front['options'] as Record<string, unknown>) : {};
	const isSeparator = (index: number): boolean => {
		if (format === 'presenterm') {
			return (comments.has(index) && commandOf(comments.get(index)!) === 'end_slide') || (options['end_slide_shorthand'] === true && scanned.kinds[index] === 'text' && /^---[ \t]*$/.test(lines[index]!) && isRule(scanned, index));
		}

		return format === 'slides' ? scanned.kinds[index] === 'text' && /^---[ \t]*$/.test(lines[index]!) : isRule(scanned, index);
	};

	const isImplicit = (index: number) => format === 'presenterm' && options['implicit_slide_ends'] === true && isSetextUnderline(scanned, index + 1) && /\S/.test(out[index]!);
	const separators = lines
		.map((_, index) => index)
		.filter(index => index >= scanned.bodyStart && (isSeparator(index) || isImplicit(index)))
		// A setext title that starts a slide is not taken away: the cut is before it.
		.map(index => (isSeparator(index) ? {start: index, end: comments.get(index)?.end ?? index} : {start: index, end: index - 1, isImplicit: true}));
	if (format === 'patat' && separators.length === 0) {
		return {prefix, out, firstTitle: headingSlides(scanned, out, prefix, bylineOf(scanned))};
	}

	const ranges = rangesBetween(scanned, out, separators);
	const middles = new Set([...comments.values()].filter(comment => commandOf(comment) === 'jump_to_middle').map(comment => comment.start));
	const marked = ranges.map(range => ({...range, isSection: [...middles].some(line => line >= range.start && line < range.end)}));
	return {prefix, out, firstTitle: cutSlides(scanned, out, marked, prefix, bylineOf(scanned))};
}

/** The deck's text in our format: ours as it is, another presenter's translated. `name` is the file's, for a deck with no title. */
export function asOurDeck(text: string, choice: FormatChoice = 'auto', name?: string): OurDeck {
	const scanned = scanDeck(text);
	const {format, isAnyMarkdown} = choice === 'auto' ? detectReading(scanned) : {format: choice, isAnyMarkdown: false};
	if (format === 'briefing') {
		return ourOwn(scanned, text, name);
	}

	const notices = new Notices();
	frontNotices(scanned, notices);
	const {prefix, out, firstTitle} = build(scanned, format, notices);
	// The title as Markdown (a presenter's title and headings may hold emphasis), and as the words it shows.
	const title = frontText(scanned.front['title']) ?? firstTitle ?? headingText(fileTitle(name));
	const intro = introSlide(scanned, title);
	const firstHeading = [...prefix, ...out.filter((_, index) => scanned.kinds[index] === 'text')].find(line => /^#{1,2} /.test(line));
	const opensSection = firstHeading?.startsWith('# ') === true;
	const head = ['---', `title: ${JSON.stringify(plainWords(title))}`, ...langLines(scanned), '---', '', ...(intro.length > 0 || !opensSection ? [`# ${title}`, ''] : []), ...intro];
	const before = [...head, ...prefix.flatMap(line => [line, ''])];
	return {format, text: [...before, ...out].join('\n'), shift: before.length, notices: notices.list(format, isAnyMarkdown)};
}

/** A line of inline Markdown as the words it shows: emphasis, code and strikethrough marks and escapes taken off. */
function plainWords(markdown: string): string {
	return markdown.replaceAll(/(\*\*|__|\*|_|`|~~)(?=\S)(.+?)(?<=\S)\1/g, '$2').replaceAll(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1');
}

function fileTitle(name: string | undefined): string {
	return name ? path.basename(name).replace(/\.[^.]*$/, '') || 'Slides' : 'Slides';
}

/** Our own deck: as it is, or with no front matter, given one with its first heading's title (else the file's name). */
function ourOwn(scanned: Scanned, text: string, name: string | undefined): OurDeck {
	if (scanned.hasFront || /^---[ \t]*$/.test(scanned.lines[0] ?? '')) {
		return {format: 'briefing', text, shift: 0, notices: []};
	}

	const first = scanned.lines.find((line, index) => scanned.kinds[index] === 'text' && atxHeading(line)?.words);
	const title = (first && atxHeading(first)?.words.replace(/\s*\{#[^{}]*\}$/, '')) || fileTitle(name);
	const head = ['---', `title: ${JSON.stringify(title)}`, '---', ''];
	return {format: 'briefing', text: [...head, text].join('\n'), shift: head.length, notices: []};
}

let chosen: FormatChoice = 'auto';

/** `--format`: the presenter every deck file of this run is read as (`auto`: found from each file). */
export function chooseFormat(choice: FormatChoice): void {
	chosen = choice;
}

export function chosenFormat(): FormatChoice {
	return chosen;
}
