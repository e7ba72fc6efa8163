import React from 'react';
import {defineSection, defineSlide} from '../source/deck/deck.js';
import {Lead, Quote, Table} from '../source/deck/typography.js';

export const section = defineSection({
	id: 'reactions',
	title: 'Reactions and doubts',
	slides: [
		defineSlide({
			id: 'reactions-feere',
			title: 'Jon Feere: a sanctuary promise undercut by narrow enforcement',
			paragraphs: [15, 16, 17],
			notes:
				'The Times shared the comments with several current and former Homeland Security officials, who doubted he would see them through. Feere grants that Mayorkas “likely understands that some sanctuary policies are so ridiculous that even murderers might be released.” His objection is that any action stays “contained within the Biden administration’s own narrow enforcement scheme”. He speaks as a former top ICE employee.',
			Body: () => (
				<>
					<Lead>
						Feere said the deportation policy is going to be so narrow that it will free many of the same illegal
						immigrants the sanctuaries want to protect.
					</Lead>
					<Quote speaker="Jon Feere" role="Center for Immigration Studies, formerly a top ICE employee">
						Biden’s DHS is allowing thousands of criminal aliens to run free via its own policies.
					</Quote>
				</>
			),
		}),
		defineSlide({
			id: 'reactions-former-official',
			title: 'Another former official: right words, doubtful delivery',
			paragraphs: [18, 19],
			notes:
				'This official is not named in the article. The point is not that the words were wrong: the official said Mayorkas was using the right words to talk to ICE. The doubt is about whether the administration can and will deliver.',
			Body: () => (
				<>
					<Lead>This former official said Mayorkas used the right words with ICE, but doubted his follow-through.</Lead>
					<Quote speaker="A former Homeland Security official" role="not named">
						I’ve seen this administration say a lot of things that I feel like they’re disingenuous about, and
						they know they can’t deliver on, but they pretend and leave their audience to believe they can
						deliver on. That’s what I see here
					</Quote>
				</>
			),
		}),
		defineSlide({
			id: 'reactions-both-sides',
			title: 'Doubts and objections from both directions',
			paragraphs: [11, 13, 16, 18],
			notes:
				'On one side, former officials doubt his follow-through or call his enforcement too narrow. On the other, Ahilan Arulananthem objects to more 1326 prosecutions without a reckoning with the law’s history. The advocates’ row is the article’s expectation, not a response it reports.',
			Body: () => (
				<>
					<Lead>Former officials doubt his follow-through; a law professor objects.</Lead>
					<Table
						columns={['Who', 'Their concern']}
						rows={[
							['Jon Feere', 'Too narrow: frees those sanctuaries protect'],
							['Unnamed former official', 'Right words, doubtful follow-through'],
							['Ahilan Arulananthem', 'Reckon with 1326’s history before more cases'],
							['Immigrant-rights advocates', 'Likely to be irked, the article expects'],
						]}
					/>
				</>
			),
		}),
		defineSlide({
			id: 'reactions-dhs',
			title: 'DHS declined to comment',
			paragraphs: [14],
			notes:
				'The Times asked about the prosecution remarks and other parts of the forum. The department declined to comment; its reason is on the slide. The briefing rests on what the article reports: the notes the Times reviewed, the people it interviewed, TRAC’s figures, the law and the UCLA brief.',
			Body: () => (
				<>
					<Lead>The Times asked the Department of Homeland Security about his comments at the forum.</Lead>
					<Quote speaker="Department of Homeland Security" role="giving its reason for declining">
						internal discussions with our personnel, including those that are deliberative and law enforcement
						sensitive
					</Quote>
				</>
			),
		}),
	],
});
