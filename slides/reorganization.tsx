import React from 'react';
import {defineSection, defineSlide} from '../source/deck.js';
import {BarChart, Fact, Lead} from '../source/components/typography.js';

export const section = defineSection({
	id: 'reorganization',
	title: 'Reorganization',
	slides: [
		defineSlide({
			id: 'ice-components',
			title: "ICE's major components",
			paragraphs: [39, 69],
			notes:
				'The article names three components. It gives headcounts for two: nearly 5,000 in the deportation force and 7,000 agents in HSI. The legal office litigates in the immigration courts; no size is given for it.',
			Body: () => (
				<>
					<Lead>Three parts, two with sizes in the article.</Lead>
					<BarChart
						bars={[
							{label: 'Enforcement and Removal Operations', value: 5000, display: 'nearly 5,000'},
							{label: 'Homeland Security Investigations', value: 7000, display: '7,000 agents'},
						]}
						caption="Office of the Principal Legal Advisor: litigates in immigration courts (no size given)"
					/>
					<Fact value="62%" label="cut in ICE book-ins under the new priorities, per TRAC" />
				</>
			),
		}),
	],
});
