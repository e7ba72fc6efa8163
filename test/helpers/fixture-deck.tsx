import {compileDeck, defineSection, defineSlide} from '../../source/deck/deck.js';
import {Bullets, Lead, Quote} from '../../source/deck/typography.js';

/** A small deck that does not depend on the article's wording. */
export const fixtureDeck = compileDeck({
	title: 'Fixture deck',
	source: {outlet: 'Test Outlet', date: 'January 1, 2000', author: 'A. Writer'},
	sections: [
		defineSection({
			id: 'alpha',
			title: 'Alpha section',
			slides: [
				defineSlide({id: 'one', title: 'Slide one', paragraphs: [1], notes: 'Notes for one.', Body: () => <Lead>First body</Lead>}),
				defineSlide({
					id: 'two',
					title: 'Slide two',
					paragraphs: [2],
					notes: 'Notes for two.',
					Body: () => <Bullets items={['Point A', 'Point B', 'Point C']} />,
				}),
			],
		}),
		defineSection({
			id: 'beta',
			title: 'Beta section',
			slides: [
				defineSlide({
					id: 'three',
					title: 'Slide three',
					paragraphs: [3],
					notes: 'Notes for three.',
					Body: () => <Quote speaker="Someone">A quoted line</Quote>,
				}),
			],
		}),
	],
});
