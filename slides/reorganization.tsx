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
			paragraphs: [1, 20, 21, 26],
			notes:
				'The article gives headcounts for two components: a deportation force of nearly 5,000 and 7,000 HSI agents. The Office of the Principal Legal Advisor litigates cases in the immigration courts; no size is given for it. Employees from each of these components spoke at the forum. Whether to split HSI from ERO comes next.',
			Body: () => (
				<>
					<BarChart
						bars={[
							{label: 'Enforcement and Removal Operations (ERO)', value: 5000, display: 'nearly 5,000'},
							{label: 'Homeland Security Investigations (HSI)', value: 7000, display: '7,000 agents'},
						]}
						caption="Headcounts as of April 2021. Office of the Principal Legal Advisor (immigration courts): no size given"
					/>
					<Paragraph>
						ERO is the deportation force. HSI’s agents probe everything from human smuggling and gang activity
						to child pornography.
					</Paragraph>
				</>
			),
		}),
		defineSlide({
			id: 'no-split',
			title: 'No split of HSI from ERO',
			paragraphs: [3, 24, 26],
			notes:
				'This is the reorganization question put to him at the forum, more than once. The reporter sums up his answer as not a divorce: that is the article’s paraphrase, not his words, which are the quote on the slide. He turned instead to sanctuary cities. He also rejected the calls to abolish ICE.',
			Body: () => (
				<>
					<Lead>A number of questions at the forum asked whether ICE should be split up.</Lead>
					<Bullets
						items={[
							'ICE was stitched together in the wake of the 2001 terrorist attacks.',
							'The idea: separate Homeland Security Investigations (HSI) from Enforcement and Removal Operations (ERO).',
						]}
					/>
					<Quote speaker="Alejandro Mayorkas">I also do not agree with splitting HSI off from ERO</Quote>
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
			title: 'Reclassifying officers: a worry, and his view',
			paragraphs: [40, 41, 42],
			notes:
				'The worry came from current and former ICE employees. The article puts his forum remark beside it; it does not say he was answering them. He drew on his time as deputy secretary in the Obama years, when he took part in some deportation operations, including one in New York. The ERO officers he saw tracking down and staking out fugitives seemed to him to be performing like 1811-series agents.',
			Body: () => (
				<>
					<Lead>
						Some current and former ICE employees said that seemed like an attempt to erase the deportation
						force through bureaucratic reorganization.
					</Lead>
					<Quote speaker="Alejandro Mayorkas" role="on the ERO officers he saw tracking down fugitives">
						I’m not an expert in the 1801-1811 disparities … but if you ask me sitting right here now what type
						of work that is, that to me strikes me as 1811 work, and I’m not sure why it isn’t
					</Quote>
				</>
			),
		}),
	],
});
