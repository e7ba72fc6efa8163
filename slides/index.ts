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
import {parseDuration} from '../source/layout/pace.js';

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
