import React from 'react';
import {defineSection, defineSlide} from '../source/deck/deck.js';
import {Bullets, Lead, Paragraph, Quote, Table} from '../source/deck/typography.js';

export const section = defineSection({
	id: 'prosecution',
	title: 'Criminal prosecution',
	slides: [
		defineSlide({
			id: 'prosecution-stance',
			title: 'He wants more illegal immigrants prosecuted for jumping the border',
			paragraphs: [1, 2, 7, 9],
			notes:
				'The article singles this out as perhaps his most striking comment. Removal is handled under administrative law; a prosecution is a criminal case. The next slide shows the two sections of Title 8 that make entry and re-entry crimes.',
			Body: () => (
				<>
					<Lead>More illegal immigrants should be prosecuted criminally, he said.</Lead>
					<Bullets
						items={[
							'As of April 2021, they were generally handled under administrative law, with removal the punishment.',
							'The article calls this perhaps his most striking comment.',
						]}
					/>
					<Quote speaker="Alejandro Mayorkas">
						I see cases now where we apprehend and remove individuals that I think need to be prosecuted
						criminally
					</Quote>
				</>
			),
		}),
		defineSlide({
			id: 'prosecution-law',
			title: 'The law: Title 8, Sections 1325 and 1326',
			paragraphs: [7],
			notes:
				'These are the two sections of Title 8 the article cites. Entering without permission is a misdemeanor; coming back after being ousted is a felony. It is Section 1326, the felony, that Mayorkas named at the forum.',
			Body: () => (
				<>
					<Table
						columns={['Title 8', 'Covers', 'Offense']}
						rows={[
							['Section 1325', 'Entering the U.S. without permission', 'Misdemeanor'],
							['Section 1326', 'Reentering after being ousted', 'Felony'],
						]}
					/>
					<Paragraph>
						Generally, though, illegal immigrants are handled under administrative law, with removal as the
						punishment.
					</Paragraph>
				</>
			),
		}),
		defineSlide({
			id: 'prosecution-doj',
			title: 'Re-entry cases: working with the Justice Department',
			paragraphs: [7, 9, 10],
			notes:
				'Section 1326 is the felony of reentering after being ousted. DOJ in the quote is the Justice Department. The article does not say who “these individuals” are, how many cases he had in mind, or what he would ask DOJ to do.',
			Body: () => (
				<>
					<Lead>At another point in the forum, he named Section 1326, the re-entry felony, and the Justice Department.</Lead>
					<Quote speaker="Alejandro Mayorkas">
						Quite frankly, I’m going to have to understand why some of these individuals are not subject to a
						Title 8 USC 1326 case, and I intend to work with the DOJ in that regard.
					</Quote>
				</>
			),
		}),
		defineSlide({
			id: 'prosecution-pushback',
			title: 'An objection: Section 1326’s history',
			paragraphs: [11, 12, 13],
			notes:
				'The article reports no response from the advocates and does not present the brief as a reply to him. Arulananthem, though, told the Times: “I don’t know whether Secretary Mayorkas is aware of Section 1326’s origins — I’m sure many people who have prosecuted cases under it (and defended them, as I did for several years) are not.”',
			Body: () => (
				<>
					<Bullets
						items={[
							'The article expects the push to irk immigrant-rights advocates, who say the system already tilts too far toward criminalizing.',
							'The month before the article, UCLA law professors had filed a Supreme Court brief arguing Section 1326 is racist in its origin.',
						]}
					/>
					<Quote speaker="Ahilan Arulananthem" role="UCLA law professor">
						My view is that no one should be advocating for more 1326 prosecutions without first reckoning with
						its history
					</Quote>
				</>
			),
		}),
	],
});
