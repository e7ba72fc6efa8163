/**
Generated Markdown decks for the bench and the tests (never committed): `sizedDeck(n)` is n slides of a
title and three bullets (about 310 bytes a slide, so 3,000 slides is about 930 KB, under the 1 MiB cap);
the hostile shapes are what a bad deck someone sent could hold.
*/
const frontMatter = ['---', 'title: A generated deck', 'outlet: The Washington Times', 'date: April 6, 2021', 'author: Stephen Dinan', '---', ''].join('\n');

const words = 'the secretary told employees in a virtual town hall that the department would review its priorities and its officers'.split(' ');

function sentence(seed, count) {
	const out = [];
	for (let i = 0; i < count; i++) {
		out.push(words[(seed * 7 + i * 3) % words.length]);
	}

	return out.join(' ');
}

/** n slides, ten to a section, each a title and three bullets. */
export function sizedDeck(n) {
	const parts = [frontMatter];
	for (let i = 0; i < n; i++) {
		if (i % 10 === 0) {
			parts.push(`# Part ${i / 10 + 1}\n`);
		}

		parts.push(
			`## Slide ${i + 1}: ${sentence(i, 5)}\n\n- ${sentence(i + 1, 12)}\n- ${sentence(i + 2, 12)}\n- ${sentence(i + 3, 11)}\n<!-- paragraphs: ${(i % 20) + 1} -->\n`,
		);
	}

	return parts.join('\n');
}

/** A deck whose one slide holds `body`. */
export function oneSlide(body) {
	return `${frontMatter}\n# Part\n\n## A slide\n\n${body}\n`;
}

/** The hostile shapes a bad deck someone sent could hold, each scaled by `scale` (1 = the size first tried). */
export function hostileDecks(scale = 1) {
	const n = count => Math.max(2, Math.round(count * scale));
	return {
		emphasisRun: oneSlide(`- ${'*_'.repeat(n(20_000))}`),
		manySlides: sizedDeckTitles(n(10_000)),
		nestedLists: oneSlide(Array.from({length: n(900)}, (_, depth) => `${'  '.repeat(depth)}- item`).join('\n')),
		nestedQuotes: oneSlide(Array.from({length: n(1400)}, (_, depth) => `${'>'.repeat(depth + 1)} words`).join('\n')),
		longLine: oneSlide('word '.repeat(n(40_000))),
		quoteRun: oneSlide('>'.repeat(n(50_000))),
		aliasBomb: aliasBomb(),
	};
}

function sizedDeckTitles(n) {
	const parts = [frontMatter, '# Part\n'];
	for (let i = 0; i < n; i++) {
		parts.push(`## S${i + 1}\n`);
	}

	return parts.join('\n');
}

function aliasBomb() {
	const lines = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
	let previous = 'a';
	for (const name of 'bcdefghi') {
		lines.push(`${name}: &${name} [${Array.from({length: 9}, () => `*${previous}`).join(',')}]`);
		previous = name;
	}

	lines.push('title: x', 'outlet: x', 'date: x', 'author: x', '---', '', '# Part', '', '## A slide', '', 'Words.', '');
	return lines.join('\n');
}
