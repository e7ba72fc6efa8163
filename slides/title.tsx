import React from 'react';
import {defineSection, defineSlide} from '../source/deck.js';
import {Heading, Lead, Source, Timeline} from '../source/components/typography.js';

export const section = defineSection({
	id: 'opening',
	title: 'Opening',
	slides: [
		defineSlide({
			id: 'title',
			title: 'Mayorkas to ICE: no abolition, tougher on sanctuary cities',
			paragraphs: [1, 3, 5, 7],
			notes:
				'This briefing covers one article: Stephen Dinan in The Washington Times, April 6, 2021. The Times did not attend the town hall; it reviewed notes of the conversation. Everything attributed to Mayorkas comes from those notes as the article reports them.',
			Body: () => (
				<>
					<Heading>What the Homeland Security Secretary told ICE's own employees</Heading>
					<Lead>
						A virtual town hall with ICE employees, held the week before the article; The Washington Times
						reviewed notes of the conversation.
					</Lead>
					<Source>The Washington Times · Tuesday, April 6, 2021 · by Stephen Dinan</Source>
				</>
			),
		}),
		defineSlide({
			id: 'who-is-mayorkas',
			title: 'Who is speaking',
			paragraphs: [55, 91],
			notes:
				'Mayorkas is not new to the department. The article was corrected after publication: he ran U.S. Citizenship and Immigration Services, not ICE, before becoming deputy secretary.',
			Body: () => (
				<Timeline
					events={[
						{when: 'Obama years', what: 'Head of U.S. Citizenship and Immigration Services'},
						{when: 'Then', what: 'Deputy secretary at Homeland Security, under Secretary Jeh Johnson'},
						{when: '2021', what: 'Homeland Security Secretary'},
					]}
				/>
			),
		}),
	],
});
