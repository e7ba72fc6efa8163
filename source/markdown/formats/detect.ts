import {atxHeading, commandOf, type DeckFormat, isRule, isSetextUnderline, type Scanned} from './scan.js';

/**
Which presenter a deck file was written for, from the file alone (`--format` forces one). In order:

0. front matter that is not YAML, or holds a key none of the four knows, or nothing after it: ours
   (so our reader says what is wrong);
1. a presenterm command comment (`<!-- end_slide -->`, `jump_to_middle`, `incremental_lists`, …) or
   presenterm's front matter (`sub_title`, `event`, `location`, `authors`, `options`, a `theme:` map):
   presenterm;
2. a `patat:` front-matter block or a `. . .` line: patat;
3. slides' front matter (`paging`, a `theme:` path): slides;
4. our own front matter (`outlet`, `source`, `summary`, `kind`, …), or our frame: every `# Section`
   line followed by a `## Slide` line, and a `##` slide at all: ours;
5. a `---` line between blocks: slides;
6. a setext title (`Title` over `===`): presenterm;
7. anything else is read as patat reads any Markdown file: slides cut at the top heading level
   (`isAnyMarkdown`: no sign of any presenter, so the notice says plain Markdown, not patat).
*/
const presentermCommands = new Set(['end_slide', 'jump_to_middle', 'incremental_lists', 'newlines', 'new_lines', 'alignment', 'font_size', 'user_comment', 'include', 'no_footer', 'skip_slide', 'list_item_newlines', 'new_line']);
const presentermKeys = ['sub_title', 'event', 'location', 'authors', 'options'];
const ourKeys = ['outlet', 'source', 'summary', 'abstract', 'duration', 'url', 'kind', 'publisher'];
/** Every key a front matter of any of the four may hold: a key outside them is a mistake in ours (our reader names it). `lang` (pandoc's and patat's, and ours) points to none. */
const anyKeys = new Set([...ourKeys, ...presentermKeys, 'title', 'author', 'date', 'theme', 'paging', 'patat', 'subtitle', 'lang']);

function hasOurFrame(scanned: Scanned): boolean {
	let slides = 0;
	let sectionOpen = false;
	for (let index = scanned.bodyStart; index < scanned.lines.length; index++) {
		const line = scanned.lines[index]!;
		if (scanned.kinds[index] !== 'text' || !/\S/.test(line)) {
			continue;
		}

		const heading = /^#{1,2}(?:[ \t]|$)/.test(line) ? atxHeading(line) : undefined;
		if (sectionOpen && heading?.level !== 2) {
			return false;
		}

		sectionOpen = heading?.level === 1;
		slides += heading?.level === 2 ? 1 : 0;
		if (slides === 0 && !heading) {
			return false;
		}
	}

	return slides > 0 && !sectionOpen;
}

function hasPresentermCommand(scanned: Scanned): boolean {
	for (const comment of scanned.comments.values()) {
		const command = commandOf(comment);
		if (command !== undefined && presentermCommands.has(command)) {
			return true;
		}
	}

	return false;
}

/** A `. . .` line of text (a line starting with a dot is rare: the pattern is asked of those only). */
function hasPatatPause(scanned: Scanned): boolean {
	for (let index = 0; index < scanned.lines.length; index++) {
		const line = scanned.lines[index]!;
		if (line.charCodeAt(0) === 46 && scanned.kinds[index] === 'text' && /^\. \. \.[ \t]*$/.test(line)) {
			return true;
		}
	}

	return false;
}

export function detectFormat(scanned: Scanned): DeckFormat {
	return detectReading(scanned).format;
}

/** The format, and whether it is rule 7's: a Markdown file with no sign of any presenter. */
export function detectReading(scanned: Scanned): {readonly format: DeckFormat; readonly isAnyMarkdown: boolean} {
	const format = signedFormat(scanned);
	return format ? {format, isAnyMarkdown: false} : {format: 'patat', isAnyMarkdown: true};
}

function signedFormat(scanned: Scanned): DeckFormat | undefined {
	const keys = Object.keys(scanned.front);
	if (scanned.isFrontBroken || keys.some(key => !anyKeys.has(key)) || !scanned.lines.slice(scanned.bodyStart).some(line => /\S/.test(line))) {
		return 'briefing';
	}

	if (keys.some(key => presentermKeys.includes(key)) || (typeof scanned.front['theme'] === 'object' && scanned.front['theme'] !== null) || hasPresentermCommand(scanned)) {
		return 'presenterm';
	}

	if (keys.includes('patat') || hasPatatPause(scanned)) {
		return 'patat';
	}

	if (keys.includes('paging') || typeof scanned.front['theme'] === 'string') {
		return 'slides';
	}

	if (keys.some(key => ourKeys.includes(key)) || hasOurFrame(scanned)) {
		return 'briefing';
	}

	const textLines = scanned.lines.map((line, index) => ({line, index})).filter(({index}) => scanned.kinds[index] === 'text');
	if (textLines.some(({index}) => /^---[ \t]*$/.test(scanned.lines[index]!) && isRule(scanned, index))) {
		return 'slides';
	}

	if (textLines.some(({index}) => /^ {0,3}=+[ \t]*$/.test(scanned.lines[index]!) && isSetextUnderline(scanned, index))) {
		return 'presenterm';
	}

	return undefined;
}
