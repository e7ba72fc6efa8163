import type {Blank} from '../model/navigation.js';
import {maxClock, type Stamped} from './position-clock.js';

/**
What the views say to each other: newline-delimited JSON, one message a line. Every line is
checked in full before anything in it is used: a position must be in range for this deck (the
slide, its step, the blank), its clock and timer count whole numbers from 0 to `maxClock`, which
count on round a circle (position-clock.ts), so no value a peer sends leaves a view unable to count.
*/
export const protocolVersion = 1;

/** The longest line either side accepts, newline excluded. */
export const maxLineBytes = 4096;

export type LinkRole = 'audience' | 'presenter';

export const roles: readonly LinkRole[] = ['audience', 'presenter'];

export type Hello = {readonly type: 'hello'; readonly proto: number; readonly deck: string; readonly role?: LinkRole};

/** The reveal units of each slide of the deck: a slide's step runs from 0 to its units. */
export type Bounds = readonly number[];

export type Message = {hello: Hello} | {position: Stamped} | {busy: true} | {ignore: true} | {error: string};

/** 32 bits as 8 hex digits. */
const hex32 = (value: number) => (value >>> 0).toString(16).padStart(8, '0');

/**
The deck's name in the socket path: its title and slide ids, hashed to 64 bits (16 hex digits). A
name, not a secret: two 32-bit multiplicative hashes (cyrb53's), so that a show need not load
node:crypto (about 0.9 MB of its memory).
*/
export function deckKey(deck: {readonly title: string; readonly slides: ReadonlyArray<{readonly id: string}>}): string {
	const text = JSON.stringify([deck.title, ...deck.slides.map(slide => slide.id)]);
	let first = 0xde_ad_be_ef;
	let second = 0x41_c6_ce_57;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		first = Math.imul(first ^ code, 2_654_435_761);
		second = Math.imul(second ^ code, 1_597_334_677);
	}

	first = Math.imul(first ^ (first >>> 16), 2_246_822_507) ^ Math.imul(second ^ (second >>> 13), 3_266_489_909);
	second = Math.imul(second ^ (second >>> 16), 2_246_822_507) ^ Math.imul(first ^ (first >>> 13), 3_266_489_909);
	return hex32(first) + hex32(second);
}

/** A view's id in the positions it sends (16 hex digits): tells one view's positions from another's, a name, not a secret. */
export function randomId(): string {
	return hex32(Math.random() * 2 ** 32) + hex32(Math.random() * 2 ** 32);
}

function isNonNegativeInteger(value: unknown): value is number {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

const blanks: readonly Blank[] = ['none', 'black', 'white'];

/** Why a position cannot be taken for this deck, or undefined when it can. */
export function positionProblem(message: Readonly<Record<string, unknown>>, bounds?: Bounds): string | undefined {
	const {index, step, blank, clock, origin} = message;
	if (!isNonNegativeInteger(index) || !isNonNegativeInteger(step) || !blanks.includes(blank as Blank) || typeof origin !== 'string' || !/^[\da-f]{1,32}$/.test(origin)) {
		return 'a malformed position';
	}

	if (message['timer'] !== undefined && (!isNonNegativeInteger(message['timer']) || message['timer'] > maxClock)) {
		return `a position whose timer count is not a whole number from 0 to ${maxClock}`;
	}

	if (!isNonNegativeInteger(clock) || clock > maxClock) {
		return `a position whose clock is not a whole number from 0 to ${maxClock}`;
	}

	if (bounds && index >= bounds.length) {
		return `a position on slide ${index + 1} of a deck of ${bounds.length}`;
	}

	if (bounds && step > bounds[index]!) {
		return `a position on step ${step} of a slide with ${bounds[index]!}`;
	}

	return undefined;
}

function parseHello(message: Readonly<Record<string, unknown>>): Message {
	if (!isNonNegativeInteger(message['proto']) || typeof message['deck'] !== 'string') {
		return {error: 'a malformed hello'};
	}

	const role = roles.find(each => each === message['role']);
	return {hello: {type: 'hello', proto: message['proto'], deck: message['deck'], ...(role ? {role} : {})}};
}

/** What a line says, or why it is refused. Numbers and a short id only: nothing received is shown raw. */
export function parseMessage(line: string, bounds?: Bounds): Message {
	if (Buffer.byteLength(line) > maxLineBytes) {
		return {error: `a line over ${maxLineBytes} bytes`};
	}

	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		return {error: 'a line that is not JSON'};
	}

	if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as {type?: unknown}).type !== 'string') {
		return {error: 'a message without a type'};
	}

	const message = value as Record<string, unknown>;
	switch (message['type']) {
		case 'hello': {
			return parseHello(message);
		}

		case 'busy': {
			return {busy: true};
		}

		case 'position': {
			const problem = positionProblem(message, bounds);
			if (problem) {
				return {error: problem};
			}

			const {index, step, blank, clock, origin, timer} = message as Stamped;
			return {position: {index, step, blank, clock, origin, ...(timer === undefined ? {} : {timer})}};
		}

		default: {
			// A later version may add message types; this one skips them.
			return {ignore: true};
		}
	}
}

export function helloLine(deck: string, role: LinkRole): string {
	return JSON.stringify({type: 'hello', proto: protocolVersion, deck, role}) + '\n';
}

export function positionLine(position: Stamped): string {
	return JSON.stringify({type: 'position', ...position}) + '\n';
}

/** Said by a view that already has its peer, to a third view of the same deck, before it closes. */
export const busyLine = JSON.stringify({type: 'busy'}) + '\n';
