import {compileDeck, type DeckDefinition} from '../source/deck.js';
import {section as opening} from './title.js';
import {section as prosecution} from './criminal-prosecution.js';
import {section as reorganization} from './reorganization.js';

/** The briefing, in the order it is presented. */
export const definition: DeckDefinition = {
	title: 'Mayorkas and ICE: the town hall briefing',
	source: {
		outlet: 'The Washington Times',
		date: 'April 6, 2021',
		author: 'Stephen Dinan',
	},
	sections: [opening, prosecution, reorganization],
};

export const deck = compileDeck(definition);
