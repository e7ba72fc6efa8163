import React from 'react';
import {defineSection, defineSlide} from '../source/deck/deck.js';
import {Lead, Quote} from '../source/deck/typography.js';

export const section = defineSection({
	id: 'abolition',
	title: 'ICE abolition stance',
	slides: [
		defineSlide({
			id: 'abolition-opposed',
			title: 'He rejects abolishing ICE',
			paragraphs: [1, 3, 6],
			notes:
				'The calls he rejected come from some in President Biden’s own political base, the article says. He added: “It is the opposite of what I think needs to occur.” He also rejected splitting the agency up, which comes under Reorganization.',
			Body: () => (
				<>
					<Lead>
						As of April 2021, some in President Biden’s political base were calling for eliminating the
						government’s deportation agents altogether. Mayorkas said no.
					</Lead>
					<Quote speaker="Alejandro Mayorkas">I’m 100% opposed to the abolition of ICE</Quote>
				</>
			),
		}),
		defineSlide({
			id: 'noble-mission',
			title: 'ICE has a “noble mission”, he told employees',
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
	],
});
