import {parse} from 'yaml';
import {plainFields} from '../plain-fields.js';

/**
A deck file's lines as the convention readers see them: the front matter (its lines and its keys), and
for every line after it whether it is in a fenced code block or an HTML comment. One pass, no Markdown
parser: the conventions are told apart and translated by their lines (see translate.ts).
*/
export type DeckFormat = 'briefing' | 'presenterm' | 'slides' | 'patat';

export type FormatChoice = DeckFormat | 'auto';

export const formatChoices: readonly FormatChoice[] = ['auto', 'briefing', 'presenterm', 'slides', 'patat'];

/** A comment that starts a line: its lines (0-based, `end` inclusive) and its words between `<!--` and `-->`. */
export type Comment = {readonly start: number; readonly end: number; readonly body: string};

export type LineKind = 'front' | 'fence' | 'code' | 'comment' | 'text';

export type Scanned = {
	readonly lines: readonly string[];
	readonly kinds: readonly LineKind[];
	/** The line after the front matter (0 when there is none). */
	readonly bodyStart: number;
	/** The front matter's keys and values (empty when there is none, or it is not a YAML map). */
	readonly front: Readonly<Record<string, unknown>>;
	readonly hasFront: boolean;
	/** The front matter is there but is not a YAML map (our reader says why). */
	readonly isFrontBroken: boolean;
	readonly comments: ReadonlyMap<number, Comment>;
};

const fenceOpen = /^ {0,3}(`{3,}|~{3,})(.*)$/;

function readFront(lines: readonly string[]): {end: number; data: Record<string, unknown>; isBroken: boolean} | undefined {
	if (!/^---[ \t]*$/.test(lines[0] ?? '')) {
		return undefined;
	}

	const close = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(line));
	if (close === -1) {
		return undefined;
	}

	let data: unknown;
	try {
		const text = lines.slice(1, close).join('\n');
		data = plainFields(text)?.data ?? parse(text, {maxAliasCount: 50});
	} catch {
		data = undefined;
	}

	const isMap = typeof data === 'object' && data !== null && !Array.isArray(data);
	return {end: close + 1, data: isMap ? (data as Record<string, unknown>) : {}, isBroken: !isMap};
}

/** Whether a line may open a fence or a comment: after up to three spaces, a backquote, a tilde or a `<` (most lines are told by a look at their start). */
function startsBlock(line: string): boolean {
	let lead = 0;
	while (lead < 3 && line.charCodeAt(lead) === 32) {
		lead++;
	}

	const code = line.charCodeAt(lead);
	return code === 96 || code === 126 || code === 60;
}

export function scanDeck(text: string): Scanned {
	const lines = text.split(/\r?\n/);
	const front = readFront(lines);
	const bodyStart = front?.end ?? 0;
	const kinds: LineKind[] = lines.map((_, index) => (index < bodyStart ? 'front' : 'text'));
	const comments = new Map<number, Comment>();
	let fence: {mark: string; length: number} | undefined;
	for (let index = bodyStart; index < lines.length; index++) {
		const line = lines[index]!;
		if (!fence && !startsBlock(line)) {
			continue;
		}

		if (fence) {
			const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
			const isClose = close?.[1]?.startsWith(fence.mark) === true && close[1].length >= fence.length;
			kinds[index] = isClose ? 'fence' : 'code';
			fence = isClose ? undefined : fence;
			continue;
		}

		const open = fenceOpen.exec(line);
		if (open?.[1] && !(open[1].startsWith('`') && open[2]?.includes('`'))) {
			fence = {mark: open[1][0]!, length: open[1].length};
			kinds[index] = 'fence';
			continue;
		}

		if (/^ {0,3}<!--/.test(line)) {
			let end = index;
			while (end < lines.length - 1 && !lines[end]!.includes('-->')) {
				end++;
			}

			const whole = end === index ? line : lines.slice(index, end + 1).join('\n');
			const body = /<!--([\s\S]*?)(?:-->|$)/.exec(whole)?.[1] ?? '';
			comments.set(index, {start: index, end, body});
			for (let at = index; at <= end; at++) {
				kinds[at] = 'comment';
			}

			index = end;
		}
	}

	return {lines, kinds, bodyStart, front: front?.data ?? {}, hasFront: front !== undefined, isFrontBroken: front?.isBroken ?? /^---[ \t]*$/.test(lines[0] ?? ''), comments};
}

/** A comment's command word (`end_slide`, `pause`, `speaker_note`…), lowercase, or undefined for a comment of words. */
export function commandOf(comment: Comment): string | undefined {
	const named = /^\s*([a-z_]+)\s*(?::[\s\S]*)?$/i.exec(comment.body);
	return named?.[1]?.toLowerCase();
}

/** An ATX heading line: its level and words. */
export function atxHeading(line: string): {level: number; words: string} | undefined {
	const heading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
	return heading ? {level: heading[1]!.length, words: (heading[2] ?? '').trim()} : undefined;
}

/** Whether line `index` is a setext underline (`===` or `---` under a line of words). */
export function isSetextUnderline(scanned: Scanned, index: number): boolean {
	const line = scanned.lines[index] ?? '';
	const above = scanned.lines[index - 1];
	if (index <= scanned.bodyStart || scanned.kinds[index] !== 'text' || scanned.kinds[index - 1] !== 'text' || above === undefined) {
		return false;
	}

	return /^ {0,3}(?:=+|-+)[ \t]*$/.test(line) && /\S/.test(above) && !/^ {0,3}(?:[#>|]|[-*+][ \t]|\d{1,9}[.)][ \t]|<|(?:[-*_][ \t]*){3,}$)/.test(above);
}

/** A thematic break line (`---`, `***`, `___`), not a setext underline. */
export function isRule(scanned: Scanned, index: number): boolean {
	const line = scanned.lines[index] ?? '';
	return scanned.kinds[index] === 'text' && /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/.test(line) && !isSetextUnderline(scanned, index);
}
