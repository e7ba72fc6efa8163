import {chromium, type Browser} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {parseMarkdownDeck} from '../source/markdown/parse-deck.js';
import {exportDeck} from '../source/outputs/export.js';

/**
The HTML handout of a deck in Arabic or Hebrew reads right to left where its words do: each paragraph,
bullet and heading takes its direction from its own first letter, so a sentence's full stop ends it on
the left, while an English bullet beside it stays left to right. In headless Chromium (Debian's, as
.ci/run installs it for the follow page's test).
*/
let browser: Browser;

beforeAll(async () => {
	browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run']});
});

afterAll(async () => {
	await browser?.close();
});

const deck = parseMarkdownDeck('---\ntitle: مرحبا\n---\n\n# قسم\n\n## عنوان الشريحة\n\n- هذه جملة باللغة العربية مع رقم 123 في الوسط.\n- שלום עולם, זה משפט בעברית.\n- An English bullet, left to right.\n').deck;

test('each bullet and title of the handout runs in its own words\' direction', {timeout: 30_000}, async () => {
	const page = await browser.newPage({viewport: {width: 900, height: 700}});
	await page.setContent(exportDeck(deck, 'html'));
	// Where the last character (the full stop) of each bullet is drawn: on the left of the line for right-to-left words.
	const ends = await page.$$eval('article li', items => items.map(item => {
		const text = item.firstChild!;
		const range = document.createRange();
		range.setStart(text, text.textContent!.length - 1);
		range.setEnd(text, text.textContent!.length);
		const end = range.getBoundingClientRect();
		const start = document.createRange();
		start.setStart(text, 0);
		start.setEnd(text, 1);
		return {endsLeft: end.left < start.getBoundingClientRect().left};
	}));
	expect(ends).toEqual([{endsLeft: true}, {endsLeft: true}, {endsLeft: false}]);
	const title = await page.$eval('article h3', heading => {
		const range = document.createRange();
		range.selectNodeContents(heading);
		return {right: range.getBoundingClientRect().right, box: heading.getBoundingClientRect().right};
	});
	// The Arabic title stands at the right of its box.
	expect(title.box - title.right).toBeLessThan(2);
	await page.close();
});
