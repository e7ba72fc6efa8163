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
				'The article was updated after publication to correct his previous experience. Paragraph numbers count the article’s blank-line-separated paragraphs, the dateline first. Web-page furniture (the related-story link, the contact line, the copyright notice) is never cited; the byline is the name on the contact line.',
			Body: () => (
				<>
					<Source>The Washington Times, Tuesday, April 6, 2021</Source>
					<Paragraph>
						By Stephen Dinan (named on the article’s contact line), from notes of the town hall forum the
						Times reviewed.
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
