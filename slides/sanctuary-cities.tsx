import {defineSection, defineSlide} from '../source/deck/deck.js';
import {Bullets, Lead, Quote, Timeline} from '../source/deck/typography.js';

export const section = defineSection({
	id: 'sanctuary',
	title: 'Sanctuary cities',
	slides: [
		defineSlide({
			id: 'sanctuary-priority',
			title: 'Sanctuary cities: “one of my significant priorities”',
			paragraphs: [2, 26, 27],
			notes:
				'Sanctuary cities, in the article’s sense, are jurisdictions that refuse to work with ICE. He vowed to battle the most extreme of them, those with blanket policies of not working with ICE. The article does not say which jurisdictions he meant or what tools he would use.',
			Body: () => (
				<>
					<Lead>
						His target: the most extreme sanctuary cities, those with “blanket policies” of refusing to work
						with ICE.
					</Lead>
					<Quote speaker="Alejandro Mayorkas">
						I know the jurisdictions, and that is going to be one of my significant priorities
					</Quote>
				</>
			),
		}),
		defineSlide({
			id: 'sanctuary-education',
			title: 'Educating city officials and the public',
			paragraphs: [5, 6, 27],
			notes:
				'He named two audiences, city officials and the American public. It echoes his answer to employees worried about public resistance: communicate more effectively. Whether any jurisdiction changes course is something the article leaves open.',
			Body: () => (
				<>
					<Lead>He said there is “a lot of education to do”, explaining what ICE does and how.</Lead>
					<Quote speaker="Alejandro Mayorkas">
						I think we have a lot of educating to do not only with city officials in terms of what we do and how
						we do it. But I think we have a lot of educating to do of the American public.
					</Quote>
				</>
			),
		}),
		defineSlide({
			id: 'sanctuary-obama-story',
			title: 'He tried this before: a sheriff and a police chief said no',
			paragraphs: [28, 29, 30, 31],
			notes:
				'Back in the Obama years, he told employees, he tried to negotiate with some sanctuary jurisdictions, with some successes and some failures. In one jurisdiction the sheriff and the chief of police said they could not work with ICE over a 12-year-old DUI, because “The politics of the community won’t allow it”.',
			Body: () => (
				<>
					<Lead>
						In the Obama years he tried to negotiate with some sanctuary jurisdictions. In one, the sheriff and
						the chief of police turned him down.
					</Lead>
					<Quote speaker="Alejandro Mayorkas" role="recalling what they told him">
						You’re going to pick up an individual who has a 12-year-old DUI. We can’t work with you. The
						politics of the community won’t allow it
					</Quote>
				</>
			),
		}),
		defineSlide({
			id: 'sanctuary-third-dui',
			title: 'His counter: what about a third DUI?',
			paragraphs: [32],
			notes:
				'He answered the refusal with a question: if not that case, what will you work with us on? His example was a repeat offender, not one old offense.',
			Body: () => (
				<>
					<Lead>He asked whether they would work with ICE on someone on his third DUI:</Lead>
					<Timeline
						events={[
							{when: '12 years ago', what: 'a DUI'},
							{when: '8 years ago', what: 'a DUI'},
							{when: '24 months ago', what: 'a DUI'},
						]}
					/>
					<Quote speaker="Alejandro Mayorkas">Are you going to work with us in response to that individual?</Quote>
				</>
			),
		}),
		defineSlide({
			id: 'sanctuary-felony',
			title: 'And a felony sexual misconduct conviction?',
			paragraphs: [33],
			notes:
				'He stressed that such a person “is returning to the immigrant community, is not going to Bel Air”. Some jurisdictions said yes to cases like these and some said no. The “nos” are what he said he has to figure out how to tackle.',
			Body: () => (
				<>
					<Lead>
						He also asked about someone convicted and sentenced in a felony sexual misconduct case, who would
						return to the immigrant community.
					</Lead>
					<Quote speaker="Alejandro Mayorkas">
						And the answer was sometimes yes and we proceeded and sometimes it was no and I’ve got to figure out
						how to tackle the nos.
					</Quote>
				</>
			),
		}),
		defineSlide({
			id: 'sanctuary-collateral',
			title: 'An HSI employee: other investigations suffer too',
			paragraphs: [20, 25, 26],
			notes:
				'HSI is ICE’s investigative arm; its 7,000 agents probe everything from human smuggling and gang activity to child pornography. The employee’s point was that a refusal aimed at deportations also costs ICE help on other criminal investigations. Mayorkas’s answer was not to split HSI from ERO, but to take on the sanctuary cities.',
			Body: () => (
				<>
					<Lead>An HSI employee pointed to a cost beyond deportations:</Lead>
					<Bullets
						items={[
							'Sanctuary cities refuse to work with ICE because of its deportation mission.',
							'As collateral damage, they won’t help with other criminal investigations.',
						]}
					/>
				</>
			),
		}),
	],
});
