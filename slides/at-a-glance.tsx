import React from 'react';
import {defineSection, defineSlide} from '../source/deck/deck.js';
import {Bullets} from '../source/deck/typography.js';

export const section = defineSection({
	id: 'at-a-glance',
	title: 'At a glance',
	slides: [
		defineSlide({
			id: 'at-a-glance',
			title: 'At a glance: what he told ICE’s employees',
			paragraphs: [2, 3, 4, 6, 7, 11, 15, 21, 26, 38, 39],
			notes:
				'This slide is also the agenda: the briefing takes these topics in this order. The article calls them “hard-line stances”. Former officials doubt he will follow through, and immigrant-rights advocates are likely to be irked by the push for prosecutions, the article says.',
			Body: () => (
				<Bullets
					items={[
						'ICE abolition: “100% opposed”, and against splitting the agency up',
						'Criminal prosecution: more illegal immigrants should face it',
						'Sanctuary cities: the “blanket policies” jurisdictions are a priority',
						'Priorities: new deportation guidelines, with some “discretion”',
						'Reorganization: an idea to make deportation officers investigators',
						'Then: the workforce’s worries, the doubters, and what to watch',
					]}
				/>
			),
		}),
	],
});
