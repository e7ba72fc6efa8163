import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {deck} from '../slides/index.js';
import {blockTexts} from '../source/deck/blocks.js';
import {splitParagraphs} from '../source/check/paragraphs.js';
import {memoSummary} from '../source/outputs/handout.js';

/**
The memo's words (issue 25): the summary is written for the handout, quotes only what the article
quotes, and gives both sides' doubts; the notes and leads the issue named say what the article says.
The article is read from beside the checkout, never copied into the project.
*/
const article = readFileSync(new URL('../../shared/source/article.txt', import.meta.url), 'utf8');
const paragraphs = splitParagraphs(article);
const slide = (number: number) => deck.slides[number - 1]!;
const slideWords = (number: number) => [slide(number).title, ...slide(number).blocks.flatMap(block => blockTexts(block))].join(' ');

describe('the memo summary', () => {
	const summary = memoSummary(deck);
	const text = summary?.kind === 'paragraph' ? summary.text : '';

	test('is a paragraph of four or five sentences, not a copy of a slide', () => {
		expect(summary?.kind).toBe('paragraph');
		const sentences = text.split(/(?<=[.!?][”’"]?)\s+(?=[“"A-Z])/);
		expect(sentences.length).toBeGreaterThanOrEqual(4);
		expect(sentences.length).toBeLessThanOrEqual(5);
		for (const each of deck.slides) {
			for (const line of each.blocks.flatMap(block => blockTexts(block)).filter(line => line.length > 60)) {
				expect(text, each.id).not.toContain(line);
			}
		}

		expect(text).not.toMatch(/\bThen:|\?/);
	});

	test('quotes only the article\'s quoted words, verbatim', () => {
		const quoted = [...text.matchAll(/“([^”]+)”/g)].map(match => match[1]!);
		expect(quoted.length).toBeGreaterThan(0);
		for (const words of quoted) {
			expect(paragraphs.some(paragraph => paragraph.includes(`“${words}`) || new RegExp(`“[^”]*${words.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(paragraph)), words).toBe(true);
		}
	});

	test('says what he said and who doubts it from both sides: officials, the advocates and the law professor', () => {
		for (const name of ['Mayorkas', 'abolition of ICE', 'criminal prosecution', 'sanctuary', '62%', 'Jon Feere', 'immigrant-rights advocates', 'Arulananthem', 'Section 1326', 'declined to comment', 'as of April 2021']) {
			expect(text, name).toContain(name);
		}
	});
});

describe('the deck fixes of issue 25', () => {
	test('slide 20\'s notes do not put the reporter\'s paraphrase (¶ 26) in quotation marks', () => {
		expect(paragraphs[25]).toContain('said the answer isn’t a divorce');
		expect(slide(20).notes).not.toMatch(/[“"][^”"]*divorce/);
		expect(slide(20).notes).toContain('paraphrase');
	});

	test('slide 8\'s lead does not tie ¶ 10\'s “these individuals” to the people ICE removes (¶ 9)', () => {
		const lead = slide(8).blocks.find(block => block.kind === 'lead');
		expect(lead && blockTexts(lead).join(' ')).not.toMatch(/remove/i);
	});

	test('slides 4, 6, 17 and 19 say “as of April 2021” where they state 2021 facts', () => {
		for (const number of [4, 6, 17, 19]) {
			expect(slideWords(number), `slide ${number}`).toMatch(/as of April 2021/i);
		}
	});

	test('slide 29\'s notes say the department declined to comment (¶ 14)', () => {
		expect(paragraphs[13]).toContain('the department declined');
		expect(slide(29).notes).toContain('declined to comment');
		expect(slide(29).notes).not.toContain('missing');
	});
});
