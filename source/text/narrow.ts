/**
Characters that are each one column wide and each a grapheme of their own, whatever stands beside them:
printable ASCII, Latin letters and signs, general punctuation, currency, arrows, mathematical operators,
box drawing, blocks and geometric shapes, without those that an emoji table makes two columns wide
(cells.ts measures them itself, and so does source/boot/vendor-text.ts for Ink's modules;
test/vendor-text.test.ts holds the set to those modules). No imports: the vendor bundle takes it too.
*/
export const narrowCharacters =
	'\\u0020-\\u007E\\u00A0-\\u00A8\\u00AA-\\u00AC\\u00AF-\\u02FF\\u2010-\\u2027\\u2030-\\u203B\\u203D-\\u2048\\u204A-\\u205E\\u20A0-\\u20C0' +
	'\\u2100-\\u2121\\u2123-\\u2138\\u213A-\\u214F\\u2190-\\u2193\\u219A-\\u21A8\\u21AB-\\u21FF\\u2200-\\u22FF' +
	'\\u2500-\\u25A9\\u25AC-\\u25B5\\u25B7-\\u25BF\\u25C1-\\u25FA\\u25FF';

const narrowText = new RegExp(`^[${narrowCharacters}]*$`);

/** Whether every character of `text` is narrow: one column each, each a grapheme of its own. */
export function isNarrowText(text: string): boolean {
	return narrowText.test(text);
}
