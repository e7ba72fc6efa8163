/**
Front matter of plain `key: value` lines, read without the YAML library: exactly the map the `yaml`
package gives for the same text (every value a string) and where each key starts, or undefined when a
line is anything else (a comment, a list, quotes, a value YAML would read as a number, a date or true,
a repeated key…), which the YAML library then reads and explains. A test holds it to `yaml`.

	title: A deck's title, with commas
	date: April 6, 2021
	url: https://example.com/page

A value starts with a letter or is a path (`/`, `./`, `../`), does not end with a colon, and holds no `: `, ` #`, tab or bracket.
*/
export type PlainFields = {readonly data: Record<string, string>; readonly offsets: ReadonlyMap<string, number>};

const field = /^([A-Za-z_][A-Za-z0-9_]*): ((?:\p{L}|\.{0,2}\/)[^\t[\]{}\u0000-\u001F\u007F]*)$/u;
const notString = /^(?:true|false|null)$/i;

export function plainFields(text: string): PlainFields | undefined {
	const data: Record<string, string> = Object.create(null) as Record<string, string>;
	const offsets = new Map<string, number>();
	let offset = 0;
	for (const raw of text.split('\n')) {
		const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
		const parts = field.exec(line);
		if (line !== '') {
			const [, key, value] = parts ?? [];
			if (key === undefined || value === undefined || key === '__proto__' || offsets.has(key) || notString.test(value) || value.endsWith(' ') || value.endsWith(':') || value.includes(': ') || value.includes(' #')) {
				return undefined;
			}

			data[key] = value;
			offsets.set(key, offset);
		}

		offset += raw.length + 1;
	}

	return offsets.size > 0 ? {data: {...data}, offsets} : undefined;
}
