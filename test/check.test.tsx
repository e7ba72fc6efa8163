import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {compileDeck, defineSection, defineSlide, type SlideDefinition} from '../source/deck/deck.js';
import {Bullets, Fact, Lead, Quote} from '../source/deck/typography.js';
import {checkDeck, formatProblem, numbersIn, quotedPassages, type Problem} from '../source/check/check.js';
import {isFurniture, quotedSpans, splitParagraphs} from '../source/check/paragraphs.js';

/** The real article, read from beside the checkout, never copied into the project. */
const article = readFileSync(new URL('../../shared/source/article.txt', import.meta.url), 'utf8');

/** A one-slide deck: the fields a test gives, the rest harmless (a Lead with no quote and no number). */
function oneSlide(slide: Partial<SlideDefinition>) {
	return compileDeck({
		title: 'Fixture',
		source: {outlet: 'Test Outlet', date: 'January 1, 2000', author: 'A. Writer'},
		sections: [
			defineSection({
				id: 'only',
				title: 'Only',
				slides: [
					defineSlide({
						id: 'fixture',
						title: 'A title',
						paragraphs: [6],
						notes: 'Plain notes. Nothing quoted.',
						Body: () => <Lead>Plain words</Lead>,
						...slide,
					}),
				],
			}),
		],
	});
}

const check = (slide: Partial<SlideDefinition>) => checkDeck(oneSlide(slide), article);
const kinds = (problems: readonly Problem[]) => problems.map(problem => [problem.field, problem.kind, problem.text]);

describe('the article as the checker reads it', () => {
	const paragraphs = splitParagraphs(article);

	test('paragraphs are blank-line-separated blocks, trimmed; furniture is the page around the story', () => {
		expect(splitParagraphs('  one\nstill one \n\n\ntwo\n \nthree\n')).toEqual(['one\nstill one', 'two', 'three']);
		expect(paragraphs).toHaveLength(51);
		expect(paragraphs[0]).toMatch(/^- The Washington Times/);
		const furniture = paragraphs.flatMap((text, index) => (isFurniture(text) ? [index + 1] : []));
		expect(furniture).toEqual([8, 47, 48, 49, 50, 51]);
	});

	test('a quote left open at a paragraph end runs on into the next paragraph, up to its closing mark', () => {
		expect(quotedSpans(['He said “one” and “two”.', '“Open to the end.', 'Still quoted,” he said. Not this.', 'Nor this.'])).toEqual([
			['one', 'two'],
			['Open to the end.'],
			['Still quoted,'],
			[],
		]);
		// ¶30 opens a quote that ¶31 closes; ¶16 paraphrases Feere with no marks at all.
		const spans = quotedSpans(paragraphs);
		expect(spans[30]?.[0]).toMatch(/^Together they said, .* won’t allow it,$/);
		expect(spans[15]).toEqual([]);
	});

	test('quoted passages carry their sentence, with the quotes blanked out; numbers are digits or words from three up', () => {
		const [first, second] = quotedPassages('Mr. Smith said “hi. there” today. The article calls it “a stance”.');
		expect(first?.text).toBe('hi. there');
		expect(first?.sentence).not.toContain('article');
		expect(second?.sentence).toMatch(/^The article calls it/);
		expect(numbersIn('nearly 5,000; 62%, 1801-1811, COVID-19, three, one and two, 40 percent').map(number => number.value)).toEqual([
			'5000',
			'62%',
			'1801',
			'1811',
			'19',
			'3',
			'40%',
		]);
	});
});

describe('checkDeck finds each kind of problem', () => {
	test('a deck that quotes, counts and cites as the article does has none', () => {
		expect(
			check({
				title: 'He is “100% opposed”',
				paragraphs: [5, 6],
				notes: 'He said ICE has a “noble mission.” Straight quotes count too: "It is the opposite of what I think needs to occur."',
				Body: () => <Quote speaker="Alejandro Mayorkas">I think we need to strengthen our policies … why we do it</Quote>,
			}),
		).toEqual([]);
	});

	test('not-verbatim: a changed word in a Quote, a title or the notes', () => {
		const problems = check({
			title: 'He is “101% opposed”',
			paragraphs: [6],
			notes: 'He said “It is the reverse of what I think needs to occur.”',
			Body: () => <Quote speaker="Alejandro Mayorkas">I am 100% opposed to the abolition of ICE</Quote>,
		});
		expect(kinds(problems)).toEqual([
			['body', 'not-verbatim', 'I am 100% opposed to the abolition of ICE'],
			['title', 'not-verbatim', '101% opposed'],
			['notes', 'not-verbatim', 'It is the reverse of what I think needs to occur.'],
			['title', 'number-not-cited', '101%'],
		]);
	});

	test('not-verbatim: a quote from a paragraph the slide does not cite', () => {
		const problems = check({paragraphs: [5], Body: () => <Quote speaker="Alejandro Mayorkas">I’m 100% opposed to the abolition of ICE</Quote>});
		expect(kinds(problems)).toEqual([['body', 'not-verbatim', 'I’m 100% opposed to the abolition of ICE']]);
	});

	test('not-quoted-in-source: the old slide 26 title puts the article’s paraphrase of Jon Feere in quotation marks', () => {
		const problems = check({title: 'Jon Feere: the sanctuary promise “rings hollow”', paragraphs: [15, 16, 17]});
		expect(kinds(problems)).toEqual([['title', 'not-quoted-in-source', 'rings hollow']]);
		expect(formatProblem(problems[0]!)).toBe(
			'On slide 1 (fixture), “rings hollow” in the title is not inside quotation marks in ¶ 15, 16, 17 of the article; quote somebody\'s words, or say the words are the article\'s.',
		);
	});

	test('not-quoted-in-source: the reporter’s words in a Quote or in notes, unless the sentence gives them to the article', () => {
		const problems = check({
			paragraphs: [4, 26],
			notes: 'The forum was “last week”. The article calls them “hard-line stances”. In the article’s words, “the answer isn’t a divorce”.',
			Body: () => <Quote speaker="Alejandro Mayorkas">the answer isn’t a divorce</Quote>,
		});
		expect(kinds(problems)).toEqual([
			['body', 'not-quoted-in-source', 'the answer isn’t a divorce'],
			['notes', 'not-quoted-in-source', 'last week'],
		]);
	});

	test('number-not-cited: in the body, a Fact and spelled out in the notes', () => {
		const problems = check({
			paragraphs: [35],
			notes: 'ICE book-ins fell by 62%, the article says, over three years.',
			Body: () => (
				<>
					<Fact value="62%" label="cut in book-ins" />
					<Bullets items={['Cut by 63%', 'Since 2019']} />
				</>
			),
		});
		expect(kinds(problems)).toEqual([
			['body', 'number-not-cited', '63%'],
			['body', 'number-not-cited', '2019'],
			['notes', 'number-not-cited', 'three'],
		]);
	});

	test('no-such-paragraph and furniture-cited', () => {
		const problems = check({paragraphs: [0, 6, 8, 47, 52, 2.5]});
		expect(kinds(problems)).toEqual([
			['paragraphs', 'no-such-paragraph', '0'],
			['paragraphs', 'furniture-cited', '8'],
			['paragraphs', 'furniture-cited', '47'],
			['paragraphs', 'no-such-paragraph', '52'],
			['paragraphs', 'no-such-paragraph', '2.5'],
		]);
	});

	test('no-citation: a slide may cite nothing only when it has no quote and no number', () => {
		expect(check({paragraphs: []})).toEqual([]);
		expect(kinds(check({paragraphs: [], notes: 'He said “noble mission”.'}))).toEqual([['paragraphs', 'no-citation', '']]);
		const withNumber = check({paragraphs: [], Body: () => <Lead>7,000 agents</Lead>});
		expect(withNumber.map(problem => [problem.kind, problem.message])).toEqual([['no-citation', 'it cites no paragraph but has numbers; cite the paragraphs they come from']]);
	});

	test('formatProblem keeps a quote that ran over lines on one line', () => {
		const [problem] = check({paragraphs: [6], notes: 'He said “I am\n100% for it”.'});
		expect(formatProblem(problem!)).toBe('On slide 1 (fixture), the quoted words “I am 100% for it” in the notes are not word for word in ¶ 6 of the article.');
	});

	test('a problem names the slide by id and by its 1-based number', () => {
		const [problem] = check({paragraphs: [99]});
		expect(problem).toMatchObject({slideId: 'fixture', slide: 1, field: 'paragraphs'});
		expect(formatProblem(problem!)).toBe('On slide 1 (fixture), it cites ¶ 99, which the article does not have (its paragraphs are numbered 1 to 51).');
	});
});
