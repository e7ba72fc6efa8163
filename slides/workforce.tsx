import {defineSection, defineSlide} from '../source/deck/deck.js';
import {Bullets, Lead, Quote} from '../source/deck/typography.js';

export const section = defineSection({
	id: 'workforce',
	title: 'The workforce’s concerns',
	slides: [
		defineSlide({
			id: 'workforce-firmer-hand',
			title: 'Employees asked for a firmer hand',
			paragraphs: [21, 22],
			notes:
				'The pleas came from employees of each of ICE’s components: ERO, HSI and the legal office. The COVID-19 complaint compared migrants at the border with American citizens. Several employees said the Trump team’s approach seemed to have worked.',
			Body: () => (
				<>
					<Lead>Employees from each of ICE’s components pleaded for a firmer hand amid the migrant surge of the time.</Lead>
					<Bullets
						items={[
							'One said illegal immigrants at the border were treated more leniently than American citizens for COVID-19 purposes.',
							'Several questioned the Biden administration’s border policy changes: what the Trump team had been doing seemed to have worked.',
						]}
					/>
				</>
			),
		}),
		defineSlide({
			id: 'workforce-morale',
			title: 'Low morale, and complaints of racism',
			paragraphs: [23],
			notes:
				'The forum was not one-sided: some employees wanted a harder line, and one wanted action on racism inside ICE’s own field offices. The morale complaint blamed a lack of support from Washington. The article does not report how Mayorkas answered either point.',
			Body: () => (
				<>
					<Lead>Two more complaints, from different directions:</Lead>
					<Quote speaker="One employee" role="blaming lack of support from Washington">
						notoriously low morale
					</Quote>
					<Quote speaker="Another employee" role="demanding action on it in ICE field offices">
						racism, xenophobia, intolerance and the inflammatory rhetoric
					</Quote>
				</>
			),
		}),
	],
});
