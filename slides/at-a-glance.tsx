import {defineSection, defineSlide} from '../source/deck/deck.js';
import {Bullets} from '../source/deck/typography.js';

export const section = defineSection({
	id: 'at-a-glance',
	title: 'At a glance',
	slides: [
		defineSlide({
			id: 'at-a-glance',
			title: 'At a glance: what he told ICE’s employees',
			paragraphs: [2, 3, 4, 5, 6, 7, 11, 15, 21, 26, 35, 36, 39, 43],
			notes:
				'This slide is also the agenda: the briefing takes these topics in this order. The article calls them “hard-line stances”. The 62% cut in book-ins is the Transactional Records Access Clearinghouse’s figure, as the article cites it. Current and former officials doubt he will follow through, and the article expects the push for prosecutions to irk immigrant-rights advocates.',
			Body: () => (
				<Bullets
					items={[
						'ICE abolition: “100% opposed”; ICE has a “noble mission”',
						'Criminal prosecution: more illegal immigrants should face it',
						'Sanctuary cities: the “blanket policies” jurisdictions are a priority',
						'Priorities: he defended stricter ones, which cut book-ins by 62% (TRAC)',
						'Reorganization: no split of HSI from ERO; officers as investigators?',
						'Then: the advisory committee, the workforce, the doubters, open questions',
					]}
				/>
			),
		}),
	],
});
