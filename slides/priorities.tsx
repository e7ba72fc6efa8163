import React from 'react';
import {defineSection, defineSlide} from '../source/deck/deck.js';
import {Bullets, Fact, Lead, Quote, Table} from '../source/deck/typography.js';

export const section = defineSection({
	id: 'priorities',
	title: 'Priorities',
	slides: [
		defineSlide({
			id: 'priorities-guidelines',
			title: 'New deportation guidelines, in the works at the time',
			paragraphs: [4, 37, 38],
			notes:
				'The guidelines were still in the works at the time of the forum; the article gives no date for them. He said disagreements about where the lines are drawn would be talked about “in the coming weeks”. The article does not describe what the draft says.',
			Body: () => (
				<>
					<Lead>
						He said he was working on them, to govern how and when officers can arrest illegal immigrants and attempt to deport them.
					</Lead>
					<Bullets
						items={[
							'He promised some “discretion”.',
							'The final guidelines will not be “set in stone”, he insisted.',
							'Where the lines fall was to be talked about “in the coming weeks”, he said.',
						]}
					/>
				</>
			),
		}),
		defineSlide({
			id: 'priorities-contrast',
			title: 'Stricter priorities: book-ins down 62%, according to TRAC',
			paragraphs: [1, 34, 35],
			notes:
				'Under President Trump, officers chiefly targeted illegal immigrants with criminal records but could pursue anyone in the country illegally. The Biden team gave ICE much stricter rules. The 62% figure is from the Transactional Records Access Clearinghouse, as the article cites it. The article does not give the raw numbers or the period compared.',
			Body: () => (
				<>
					<Table
						columns={['Administration', 'Who ICE could pursue']}
						rows={[
							['Trump', 'Anyone in the country illegally, while chiefly targeting those with criminal records'],
							['Biden, as of April 2021', 'Much stricter rules, including a set of priorities'],
						]}
					/>
					<Fact value="62%" label="cut in ICE book-ins under those priorities as of April 2021, according to TRAC" />
				</>
			),
		}),
		defineSlide({
			id: 'priorities-defence',
			title: 'His defence: no agency has unlimited resources',
			paragraphs: [21, 36, 37],
			notes:
				'Mayorkas defended the stricter priorities as what every law enforcement agency he has been part of, or worked with, has had. He conceded that people may disagree about where the lines are drawn. He made this defence to an audience in which employees had pleaded for a firmer hand.',
			Body: () => (
				<>
					<Quote speaker="Alejandro Mayorkas">
						Every law enforcement agency to which I have been a part, or which I have worked, has priorities in
						light of the fact that it doesn’t have unlimited resources
					</Quote>
					<Quote speaker="Alejandro Mayorkas">
						I know there may be disagreements about where those lines are drawn, and we’re going to be talking
						about that in the coming weeks.
					</Quote>
				</>
			),
		}),
	],
});
