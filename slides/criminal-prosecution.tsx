import React from 'react';
import {defineSection, defineSlide} from '../source/deck.js';
import {Bullets, Lead, Quote, Table} from '../source/components/typography.js';

export const section = defineSection({
	id: 'prosecution',
	title: 'Criminal prosecution',
	slides: [
		defineSlide({
			id: 'prosecution-stance',
			title: 'More criminal cases for illegal entry',
			paragraphs: [13, 17],
			notes:
				'The article calls this perhaps his most striking comment. Most illegal immigrants are handled under administrative law, where the punishment is removal; criminal prosecution is a separate track.',
			Body: () => (
				<>
					<Lead>Mayorkas said more illegal immigrants should be prosecuted criminally.</Lead>
					<Bullets
						items={[
							'Usually they are handled under administrative law; the punishment is removal.',
							'Criminal charges are a separate track that already exists in the law.',
						]}
					/>
					<Quote speaker="Alejandro Mayorkas">
						I see cases now where we apprehend and remove individuals that I think need to be prosecuted criminally
					</Quote>
				</>
			),
		}),
		defineSlide({
			id: 'prosecution-law',
			title: 'The law behind it',
			paragraphs: [13],
			notes: 'Section 1325 covers a first illegal entry; section 1326 covers coming back after being removed.',
			Body: () => (
				<Table
					columns={['Title 8', 'Covers', 'Offense']}
					rows={[
						['Section 1325', 'Entering the U.S. without permission', 'Misdemeanor'],
						['Section 1326', 'Reentering after being ousted', 'Felony'],
					]}
				/>
			),
		}),
	],
});
