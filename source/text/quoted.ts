/**
What was typed or named, made safe to print in a message: a file name, a flag's value. A name can
hold any byte but NUL and `/`, and a terminal acts on control characters (`\e]52;…\a` writes the
clipboard), so every message that names a file or quotes a value goes through here.
*/

/** C0 and C1 controls, DEL, and the marks that reorder or hide text (bidi controls, zero widths). */
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** `text` with each unsafe character written as a `\uXXXX` escape. */
export function escaped(text: string): string {
	return text.replaceAll(unsafe, character => `\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/** `text` in double quotes, escaped as JSON escapes it (`\n`, `\u001b`, `\"`), and the rest of `unsafe` too. */
export function quoted(text: string): string {
	return escaped(JSON.stringify(text));
}
