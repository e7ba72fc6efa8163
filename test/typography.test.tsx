import React from 'react';
import {renderToString} from 'ink';
import {describe, expect, test} from 'vitest';
import {paintLines} from '../source/show/components/lines.js';
import {Bullets, Quote, TypographyContext} from '../source/deck/typography.js';
import {readBlocks} from '../source/deck/deck.js';
import {themes} from '../source/layout/theme.js';

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

	test('render themselves through Ink where a painter is provided', () => {
		const frame = renderToString(
			<TypographyContext.Provider value={{width: 40, theme: themes.plain, paint: paintLines}}>{body}</TypographyContext.Provider>,
			{columns: 40},
		);
		expect(frame).toContain('• First point');
		expect(frame).toContain('“Words”');
		expect(frame).toContain('— Someone');
	});

	test('draw nothing without one: the deck loads without Ink', () => {
		expect(renderToString(body, {columns: 40}).trim()).toBe('');
	});
});
