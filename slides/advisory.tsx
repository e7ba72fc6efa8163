import {defineSection, defineSlide} from '../source/deck/deck.js';
import {Bullets, Quote} from '../source/deck/typography.js';

export const section = defineSection({
	id: 'advisory',
	title: 'Also at the forum',
	slides: [
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
