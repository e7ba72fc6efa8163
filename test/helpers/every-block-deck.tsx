import {compileDeck, defineSection, defineSlide} from '../../source/deck/deck.js';
import {
	BarChart,
	Bullets,
	Fact,
	Heading,
	Lead,
	Paragraph,
	Quote,
	Source,
	Table,
	Timeline,
} from '../../source/deck/typography.js';

/**
A deck with every primitive, written to trip every output: markup characters for Markdown and HTML,
a control character and an escape byte that must never reach a file or a terminal.
*/
export const everyBlockDeck = compileDeck({
	title: 'Every <block> & "kind"',
	source: {outlet: 'Test Outlet', date: 'January 1, 2000', author: 'A. Writer', url: 'https://example.com/article?a=1&b=2'},
	summary: 'points',
	sections: [
		defineSection({
			id: 'words',
			title: 'Words',
			slides: [
				defineSlide({
					id: 'headline',
					title: 'A *starred* title with <script>alert(1)</script>',
					paragraphs: [2, 3, 4, 9],
					notes: 'Notes with a | pipe & an ampersand.',
					Body: () => (
						<>
							<Heading># Not a heading</Heading>
							<Lead>1. Not a list, and no [link](http://evil.example)</Lead>
							<Paragraph>{'Plain words with a bell\u0007 and an escape\u001B[31m byte.'}</Paragraph>
							<Source>By A. Writer · _underscored_</Source>
						</>
					),
				}),
				defineSlide({
					id: 'points',
					title: 'Points and a quote',
					paragraphs: [5],
					notes: '',
					Body: () => (
						<>
							<Bullets items={['First point', 'Second <b>point</b>', '- third point']} />
							<Quote speaker="Jane Doe" role="a spokeswoman">
								We said "this" &amp; that
							</Quote>
						</>
					),
				}),
			],
		}),
		defineSection({
			id: 'figures',
			title: 'Figures',
			slides: [
				defineSlide({
					id: 'grid',
					title: 'A table and a figure',
					paragraphs: [7],
					notes: 'Table notes.',
					Body: () => (
						<>
							<Table
								columns={['Law', 'Covers', 'Offense']}
								rows={[
									['Section 1', 'Entry | first time', 'Misdemeanor'],
									['Section 2', 'Reentry', 'Felony'],
								]}
								caption="Both sections are in Title 8"
							/>
							<Fact value="62%" label="fewer book-ins" />
						</>
					),
				}),
				defineSlide({
					id: 'chart',
					title: 'A chart and a timeline',
					paragraphs: [8],
					notes: 'Chart notes.',
					Body: () => (
						<>
							<BarChart
								bars={[
									{label: 'Officers', value: 5000, display: 'nearly 5,000'},
									{label: 'Agents', value: 7000, display: '7,000 agents'},
								]}
								caption="No size given for the lawyers"
							/>
							<Timeline
								events={[
									{when: '2013', what: 'Started'},
									{when: '2021', what: 'Came back'},
								]}
							/>
						</>
					),
				}),
			],
		}),
	],
});
