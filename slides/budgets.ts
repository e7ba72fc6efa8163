import type {SectionDefinition} from '../source/deck/deck.js';
import {parseDuration} from '../source/model/clock.js';

/**
The built-in briefing's time: a 20-minute slot, shared out by section (the sections' slides share
their section's time). The presenter view paces against these, and against a rehearsal's timings
once there is one (`briefing --rehearse`); `briefing timings` prints them.
*/
export const talkLength = '20m';

const sectionBudgets: Readonly<Record<string, string>> = {
	opening: '1m20s',
	'at-a-glance': '1m30s',
	abolition: '1m30s',
	prosecution: '2m40s',
	sanctuary: '3m30s',
	priorities: '2m',
	reorganization: '2m',
	advisory: '50s',
	workforce: '1m20s',
	reactions: '2m',
	'what-to-watch': '50s',
	source: '30s',
};

/** A section with its budget, in ms (none if the table has no row for it). */
export function budgeted(section: SectionDefinition): SectionDefinition {
	const budget = parseDuration(sectionBudgets[section.id] ?? '');
	return budget === undefined ? section : {...section, budget};
}
