import React from 'react';
import {defineSection, defineSlide} from '../source/deck/deck.js';
import {Paragraph, Source} from '../source/deck/typography.js';

export const section = defineSection({
	id: 'source',
	title: 'Source',
	slides: [
		defineSlide({
			id: 'source',
			title: 'Source',
			paragraphs: [1, 4, 46],
			notes:
				'The article was updated after publication to correct his previous experience. Paragraph numbers on each slide count the article’s blank-line-separated paragraphs, counting the dateline first. Web-page furniture such as the related-story link, the contact line and the copyright notice is left out.',
			Body: () => (
				<>
					<Source>Stephen Dinan, The Washington Times, Tuesday, April 6, 2021</Source>
					<Paragraph>
						Based on notes of a virtual town hall forum with ICE employees, reviewed by the Times.
					</Paragraph>
					<Paragraph>
						The article’s own correction: Mayorkas was head of U.S. Citizenship and Immigration Services, not
						ICE, before becoming deputy secretary at Homeland Security.
					</Paragraph>
				</>
			),
		}),
	],
});
