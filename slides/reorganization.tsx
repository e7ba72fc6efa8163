import React from 'react';
import {defineSection, defineSlide} from '../source/deck/deck.js';
import {BarChart, Bullets, Lead, Paragraph, Quote, Table} from '../source/deck/typography.js';

export const section = defineSection({
	id: 'reorganization',
	title: 'Reorganization',
	slides: [
		defineSlide({
			id: 'ice-components',
			title: 'ICE’s major components',
			paragraphs: [20, 21, 26],
			notes:
				'The article gives headcounts for two components: a deportation force of nearly 5,000 and 7,000 HSI agents. The Office of the Principal Legal Advisor litigates cases in the immigration courts; no size is given for it. Employees from each of these components spoke at the forum. Mayorkas does not want HSI split off from ERO.',
			Body: () => (
				<>
					<BarChart
						bars={[
							{label: 'Enforcement and Removal Operations (ERO)', value: 5000, display: 'nearly 5,000'},
							{label: 'Homeland Security Investigations (HSI)', value: 7000, display: '7,000 agents'},
						]}
						caption="Office of the Principal Legal Advisor (immigration courts): no size given"
					/>
					<Paragraph>
						ERO is the deportation force. HSI’s agents probe everything from human smuggling and gang activity
						to child pornography.
					</Paragraph>
				</>
			),
		}),
		defineSlide({
			id: 'job-series',
			title: 'An idea: make deportation officers criminal investigators',
			paragraphs: [39, 41],
			notes:
				'He floated this earlier in the year, in another conversation with a smaller group of ICE employees. 1801 and 1811 are government job series; ERO officers are classified as 1801-series employees. At the town hall forum he came back to it, as the next slide shows.',
			Body: () => (
				<>
					<Table
						columns={['Job series', 'Who']}
						rows={[
							['1801', 'Deportation officers'],
							['1811', 'Criminal investigators'],
						]}
					/>
					<Paragraph>The idea he floated: reclassify deportation officers from 1801 to 1811.</Paragraph>
				</>
			),
		}),
		defineSlide({
			id: 'job-series-debate',
			title: 'Erasing the deportation force?',
			paragraphs: [40, 41, 42],
			notes:
				'The worry came from current and former ICE employees. His answer drew on his time as deputy secretary in the Obama years, when he joined some deportation operations, including one in New York. The ERO officers he saw tracking down and staking out fugitives seemed to him to be performing like 1811-series agents.',
			Body: () => (
				<>
					<Lead>
						Some current and former ICE employees saw it as erasing the deportation force through bureaucratic
						reorganization.
					</Lead>
					<Quote speaker="Alejandro Mayorkas" role="on the ERO officers he saw tracking down fugitives">
						I’m not an expert in the 1801-1811 disparities … but if you ask me sitting right here now what type
						of work that is, that to me strikes me as 1811 work, and I’m not sure why it isn’t
					</Quote>
				</>
			),
		}),
		defineSlide({
			id: 'advisory-committee',
			title: 'He ousted the Homeland Security Advisory Committee',
			paragraphs: [43, 44, 45],
			notes:
				'He removed the entire committee and defended the decision at the forum. He said he wants a broader set of views. He offered the fact that some of those ousted were “dear friends of mine” as proof that the decision was not political.',
			Body: () => (
				<>
					<Bullets
						items={[
							'He removed the entire committee, saying he wants a broader set of views.',
							'Some were “dear friends of mine”, proof to him that it was not political.',
						]}
					/>
					<Quote speaker="Alejandro Mayorkas">
						None of what I do is personal, it’s about mission and what I think best accomplishes it
					</Quote>
				</>
			),
		}),
	],
});
