import {defineSection, defineSlide} from '../source/deck/deck.js';
import {Box, Text} from '../source/deck/drawn.js';
import {Bullets} from '../source/deck/typography.js';

export const section = defineSection({
	id: 'what-to-watch',
	title: 'What to watch (as of April 2021)',
	slides: [
		defineSlide({
			id: 'watch-enforcement',
			title: 'Open as of April 2021: enforcement',
			paragraphs: [1, 4, 10, 26, 35, 38],
			notes:
				'These were open questions as of April 2021, the article’s date. Each follows from something in the article, so each can be checked later. The guidelines were still being written at the time of the forum. TRAC, which reported the cut in book-ins, is one place the effect would show.',
			Body: () => (
				<Bullets
					items={[
						'Guidelines: are they issued, and how much “discretion” do they leave?',
						'Prosecutions: does DHS work with DOJ on more Section 1326 re-entry cases?',
						'Sanctuary cities: does he act against those with “blanket policies”?',
						'Book-ins: what do TRAC’s figures show once the guidelines take effect?',
					]}
				/>
			),
		}),
		defineSlide({
			id: 'watch-agency',
			title: 'Open as of April 2021: the agency',
			paragraphs: [1, 15, 18, 23, 26, 39],
			notes:
				'These were the open questions about ICE itself as of April 2021. The reclassification idea was floated, not announced. The doubters quoted in the article set the test: whether the words turn into policy.',
			Body: () => (
				<>
					<Bullets
						items={[
							'Job series: is the 1801-to-1811 reclassification pursued?',
							'Structure: does ICE stay whole, with HSI and ERO together?',
							'Workforce: do the morale and racism complaints get answers?',
							'Follow-through: do the words at the forum become policy?',
						]}
					/>
					{/* An Ink component, drawn by Ink at the slide's width: the room's one reminder, centred. */}
					<Box justifyContent="center">
						<Text bold>Each of these was still an open question when the article ran.</Text>
					</Box>
				</>
			),
		}),
	],
});
