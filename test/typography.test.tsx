import React from 'react';
import {Box as InkBox, Text as InkText} from 'ink';
import {beforeAll, describe, expect, test} from 'vitest';
import {Bullets, Quote} from '../source/deck/typography.js';
import {Box, loadInk, Text} from '../source/deck/drawn.js';
import {blockTexts} from '../source/deck/blocks.js';
import {DeckError, readBlocks} from '../source/deck/deck.js';
import {layoutBlocks} from '../source/layout/layout.js';
import {lineText} from '../source/text/lines.js';

beforeAll(async () => {
	await loadInk();
});

describe('the slide primitives', () => {
	const body = (
		<>
			<Bullets items={['First point', 'Second point']} />
			<Quote speaker="Someone">Words</Quote>
		</>
	);

	test('read back as blocks, the words once', () => {
		expect(readBlocks(body)).toEqual([
			{kind: 'bullets', items: ['First point', 'Second point']},
			{kind: 'quote', text: 'Words', speaker: 'Someone'},
		]);
	});
});

describe('an Ink component in a slide body', () => {
	const framed = (
		<Box borderStyle="round" paddingX={1}>
			<Text>A reminder in a frame that wraps at a narrow width</Text>
		</Box>
	);

	test('is read as a drawn block, beside the primitives', () => {
		const blocks = readBlocks(
			<>
				<Bullets items={['One']} />
				{framed}
			</>,
		);
		expect(blocks.map(block => block.kind)).toEqual(['bullets', 'drawn']);
		expect(blocks[1]).toMatchObject({kind: 'drawn', name: 'Box'});
	});

	test('is drawn by Ink at the slide’s width, as lines, and its words are its text', () => {
		const [block] = readBlocks(framed);
		const wide = layoutBlocks([block!], {width: 70}).map(line => lineText(line));
		expect(wide).toEqual([`╭${'─'.repeat(68)}╮`, `│ A reminder in a frame that wraps at a narrow width${' '.repeat(16)} │`, `╰${'─'.repeat(68)}╯`]);
		const narrow = layoutBlocks([block!], {width: 30}).map(line => lineText(line));
		expect(narrow).toEqual(['╭────────────────────────────╮', '│ A reminder in a frame that │', '│  wraps at a narrow width   │', '╰────────────────────────────╯']);
		expect(narrow.every(line => line.length === 30)).toBe(true);
		expect(blockTexts(block!)).toEqual(['A reminder in a frame that wraps at a narrow width']);
	});

	test('Ink’s own Box and Text, imported from ink, work the same', () => {
		const [block] = readBlocks(
			<InkBox borderStyle="single">
				<InkText>Straight from Ink</InkText>
			</InkBox>,
		);
		expect(blockTexts(block!)).toEqual(['Straight from Ink']);
	});

	test('a primitive inside an Ink component is an error that says where it goes', () => {
		expect(() =>
			readBlocks(
				<Box>
					<Bullets items={['Lost']} />
				</Box>,
				'slide "x"',
			),
		).toThrow(new DeckError('slide "x": <Box> holds a slide primitive; a primitive goes beside an Ink component, not inside it'));
	});
});
