import {defineSection, defineSlide} from '../source/deck/deck.js';
import {Lead, Paragraph, Source, Timeline} from '../source/deck/typography.js';

export const section = defineSection({
	id: 'opening',
	title: 'Opening',
	slides: [
		defineSlide({
			id: 'title',
			title: 'Mayorkas to ICE staff: no abolition, more prosecutions, a sanctuary fight',
			paragraphs: [1, 4],
			notes:
				'This briefing covers one article: The Washington Times, Tuesday, April 6, 2021, by Stephen Dinan (the byline comes from the article’s closing contact line). The forum took place the week before the story ran. The Times reviewed notes of the conversation, so the quotes are as those notes give them. Everything attributed to Mayorkas is as the article reports it.',
			Body: () => (
				<>
					<Lead>
						What the Homeland Security Secretary told ICE’s own employees, and why some doubt he will follow
						through.
					</Lead>
					<Paragraph>
						The setting: a virtual town hall forum with ICE employees, the week before the story ran. The
						Washington Times reviewed notes of the conversation.
					</Paragraph>
					<Source>The Washington Times · Tuesday, April 6, 2021</Source>
				</>
			),
		}),
		defineSlide({
			id: 'who-is-speaking',
			title: 'Who is speaking: Alejandro Mayorkas',
			paragraphs: [1, 2, 3, 28, 41, 46],
			notes:
				'He knows the department from the inside: in the Obama years he ran U.S. Citizenship and Immigration Services and then served as deputy secretary under Jeh Johnson. He was Secretary as of April 2021, the article’s date. As deputy secretary he took part in some deportation operations, including one in New York, which he brought up at the forum. The article was updated to correct his previous experience: he headed Citizenship and Immigration Services, not ICE.',
			Body: () => (
				<Timeline
					events={[
						{when: 'Obama years', what: 'Head of U.S. Citizenship and Immigration Services'},
						{when: 'Obama years, then', what: 'Deputy secretary at Homeland Security, under Jeh Johnson'},
						{when: 'April 2021', what: 'Homeland Security Secretary under President Biden'},
					]}
				/>
			),
		}),
	],
});
