import React from 'react';
import {defineSection, defineSlide} from '../source/deck/deck.js';
import {Bullets, Lead, Quote} from '../source/deck/typography.js';

export const section = defineSection({
	id: 'abolition',
	title: 'ICE abolition stance',
	slides: [
		defineSlide({
			id: 'abolition-opposed',
			title: 'He rejects abolishing ICE',
			paragraphs: [3, 6],
			notes:
				'The calls he rejected come from some in President Biden’s own political base, the article says. He went further than a simple no: “It is the opposite of what I think needs to occur.” He also rejected splitting the agency up, which comes two slides on.',
			Body: () => (
				<>
					<Lead>
						Some in President Biden’s political base want the government’s deportation agents eliminated.
						Mayorkas said no.
					</Lead>
					<Quote speaker="Alejandro Mayorkas">I’m 100% opposed to the abolition of ICE</Quote>
				</>
			),
		}),
		defineSlide({
			id: 'noble-mission',
			title: 'A “noble mission” that needs explaining',
			paragraphs: [5, 6, 27],
			notes:
				'The question came from employees worried about public resistance to their work. His answer had two parts: keep ICE, and strengthen its policies and practices while explaining them better. The same theme, educating city officials and the public, returns when he talks about sanctuary cities.',
			Body: () => (
				<>
					<Lead>
						Employees pressed him about public resistance to the agency’s work. He told them ICE has a “noble
						mission”.
					</Lead>
					<Quote speaker="Alejandro Mayorkas">
						I think we need to strengthen our policies and practices and communicate more effectively what we
						do and why we do it.
					</Quote>
				</>
			),
		}),
		defineSlide({
			id: 'no-split',
			title: 'No split of HSI from ERO',
			paragraphs: [3, 24, 26],
			notes:
				'HSI is ICE’s investigative arm and ERO its deportation force; their sizes come up under Reorganization. The split question was asked at the forum itself, more than once. In the article’s words, “the answer isn’t a divorce”: he turned instead to sanctuary cities.',
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
	],
});
