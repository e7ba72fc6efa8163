/**
Inline code in slide text: written in backticks as Markdown writes it, so the one string is the
words for every output and the show can still tell the code in it (`codeSpans`).
*/

/**
Inline code kept as code: in backticks (more of them when the code holds a run of backticks, and a
space inside when it starts or ends with one), so the show can set it apart and every export writes
it as code again.
*/
export function codeSpan(value: string): string {
	const code = value.replaceAll(/\s+/g, ' ');
	const fence = '`'.repeat(1 + Math.max(0, ...(code.match(/`+/g) ?? []).map(run => run.length)));
	const pad = /^`|`$/.test(code) ? ' ' : '';
	return `${fence}${pad}${code}${pad}${fence}`;
}

/** Where the code spans of slide text are: `[start, end)` of each, its backticks included, in order (a run of backticks with no like run after it is a backtick). */
export function codeSpans(text: string): Array<readonly [number, number]> {
	const spans: Array<readonly [number, number]> = [];
	const runs = [...text.matchAll(/`+/g)];
	for (let index = 0; index < runs.length; index++) {
		const open = runs[index]!;
		const close = runs.findIndex((run, at) => at > index && run[0].length === open[0].length);
		if (close > index) {
			spans.push([open.index, runs[close]!.index + runs[close]![0].length]);
			index = close;
		}
	}

	return spans;
}

/** Slide text with its code spans blanked out (for the checks: code is not held to the article). */
export function withoutCode(text: string): string {
	let out = text;
	for (const [start, end] of codeSpans(text).reverse()) {
		out = out.slice(0, start) + ' ' + out.slice(end);
	}

	return out;
}


/** The code of one span as written (`` `x` `` gives `x`): its backticks and the padding space inside them taken off. */
export function codeOfSpan(span: string): string {
	const fence = /^`+/.exec(span)?.[0].length ?? 0;
	const inner = span.slice(fence, span.length - fence);
	return inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() ? inner.slice(1, -1) : inner;
}

/** Slide text in parts: words, and inline code (given without its backticks). */
export function inlineParts(text: string): Array<{readonly text: string; readonly isCode: boolean}> {
	const parts: Array<{readonly text: string; readonly isCode: boolean}> = [];
	let at = 0;
	for (const [start, end] of codeSpans(text)) {
		parts.push(...(start > at ? [{text: text.slice(at, start), isCode: false}] : []), {text: codeOfSpan(text.slice(start, end)), isCode: true});
		at = end;
	}

	return at < text.length ? [...parts, {text: text.slice(at), isCode: false}] : parts;
}
