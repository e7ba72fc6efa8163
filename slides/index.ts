import {compileDeck, type DeckDefinition} from '../source/deck/deck.js';
import {section as opening} from './opening.js';
import {section as atAGlance} from './at-a-glance.js';
import {section as abolition} from './abolition.js';
import {section as prosecution} from './criminal-prosecution.js';
import {section as sanctuary} from './sanctuary-cities.js';
import {section as priorities} from './priorities.js';
import {section as reorganization} from './reorganization.js';
import {section as advisory} from './advisory.js';
import {section as workforce} from './workforce.js';
import {section as reactions} from './reactions.js';
import {section as whatToWatch} from './what-to-watch.js';
import {section as source} from './source.js';
import {budgeted, talkLength} from './budgets.js';
import {parseDuration} from '../source/model/clock.js';

/** The briefing, in the order it is presented. */
export const definition: DeckDefinition = {
	title: 'Mayorkas and ICE: the town hall briefing',
	source: {
		outlet: 'The Washington Times',
		date: 'April 6, 2021',
		author: 'Stephen Dinan',
	},
	summary: 'at-a-glance',
	duration: parseDuration(talkLength)!,
	abstract: [
		'At a virtual town hall with ICE employees in the week before the article ran, Homeland Security Secretary Alejandro Mayorkas said he was “100% opposed to the abolition of ICE”, rejected splitting it up, and said more illegal immigrants should face criminal prosecution for jumping the border.',
		'He named the sanctuary jurisdictions with “blanket policies” against working with ICE as one of his significant priorities, and defended the stricter priorities that, as of April 2021, had cut ICE book-ins by 62%, according to the Transactional Records Access Clearinghouse.',
		'The article calls these hard-line stances, taken before employees who had pleaded for a firmer hand, while he was still working on new deportation guidelines.',
		'Doubts come from both sides: current and former officials said some of his words might sound good to the workforce but doubted he would see them through, Jon Feere arguing that his narrow deportation policy will free many of the people the sanctuaries want to protect, and the article expects the push for prosecutions to irk immigrant-rights advocates, who complain that the system is already too tilted toward criminalizing illegal immigration.',
		'Ahilan Arulananthem, one of the UCLA law professors whose Supreme Court brief argues that Section 1326 is racist in its origin, said no one should advocate more 1326 prosecutions without first reckoning with its history; the Department of Homeland Security declined to comment.',
	].join(' '),
	sections: [
		opening,
		atAGlance,
		abolition,
		prosecution,
		sanctuary,
		priorities,
		reorganization,
		advisory,
		workforce,
		reactions,
		whatToWatch,
		source,
	].map(section => budgeted(section)),
};

export const deck = compileDeck(definition);
