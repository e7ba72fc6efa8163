import {fc, test} from '@fast-check/vitest';
import {describe, expect} from 'vitest';
import type {Position} from '../source/link/peer.js';
import {type ClockState, initialClock, isLater, isNewer, maxClock, publishLocal, receive} from '../source/link/position-clock.js';
import type {Stamped} from '../source/link/position-clock.js';

/**
The Lamport rules of the presenter link, driven without sockets: views make moves, the network
delivers their stamped positions late and in any order, and every view ends on the same position.
*/
const position = fc.record({
	index: fc.nat({max: 40}),
	step: fc.nat({max: 6}),
	blank: fc.constantFrom('none' as const, 'black' as const, 'white' as const),
});

const command = fc.oneof(
	fc.record({kind: fc.constant('move' as const), view: fc.nat({max: 2}), position}),
	fc.record({kind: fc.constant('deliver' as const), pick: fc.nat()}),
);

type InFlight = {readonly to: number; readonly stamped: Stamped};

describe('the position clock', () => {
	/** A clock a peer that left may have sent: none, the bounds, near them, or anywhere. */
	const leftBehind = fc.option(fc.oneof(fc.constantFrom(0, 1, maxClock - 1, maxClock), fc.integer({min: maxClock - 40, max: maxClock}), fc.integer({min: 0, max: maxClock})));

	test.prop([fc.integer({min: 2, max: 3}), fc.array(command, {maxLength: 60}), fc.array(fc.nat(), {maxLength: 200}), leftBehind], {numRuns: 400, seed: 20_210_406})(
		'any interleaving of moves and late, reordered deliveries ends with every view on the newest move, whatever clock a peer left behind',
		(views, commands, finalOrder, start) => {
			const origins = ['a1', 'b2', 'c3'];
			// A peer that left had every view take its position, with the highest origin there is.
			const left: Stamped | undefined = start === null ? undefined : {index: 3, step: 0, blank: 'none', clock: start, origin: 'f'.repeat(32)};
			const states: ClockState[] = Array.from({length: views}, () => (left ? receive(initialClock, left).state : initialClock));
			const inFlight: InFlight[] = [];
			const sent: Stamped[] = left ? [left] : [];
			const deliver = (at: number) => {
				const [message] = inFlight.splice(at % inFlight.length, 1);
				states[message!.to] = receive(states[message!.to]!, message!.stamped).state;
			};

			// Every view publishes its start first, as the app does when it opens the link.
			for (const [view] of states.entries()) {
				const {state, send} = publishLocal(states[view]!, {index: 0, step: 0, blank: 'none'}, origins[view]!);
				states[view] = state;
				for (const stamped of send ? [send] : []) {
					sent.push(stamped);
					inFlight.push(...states.flatMap((_, to) => (to === view ? [] : [{to, stamped}])));
				}
			}

			for (const each of commands) {
				if (each.kind === 'deliver') {
					if (inFlight.length > 0) {
						deliver(each.pick);
					}

					continue;
				}

				const view = each.view % views;
				const {state, send} = publishLocal(states[view]!, each.position as Position, origins[view]!);
				states[view] = state;
				if (send) {
					expect(send.clock).toBeLessThanOrEqual(maxClock);
					expect(Number.isSafeInteger(send.clock)).toBe(true);
					sent.push(send);
					inFlight.push(...states.flatMap((_, to) => (to === view ? [] : [{to, stamped: send}])));
				}
			}

			for (const pick of finalOrder) {
				if (inFlight.length > 0) {
					deliver(pick);
				}
			}

			while (inFlight.length > 0) {
				deliver(0);
			}

			const newest = sent.reduce<Stamped | undefined>((best, each) => (isNewer(each, best) ? each : best), undefined);
			// A move made after the peer left wins over what it left behind.
			if (left && sent.length > 1) {
				expect(newest).not.toBe(left);
			}

			for (const state of states) {
				expect(state.current).toEqual(newest);
			}
		},
	);

	test('a view joining a show adopts its position instead of sending its own start', () => {
		const running = receive(initialClock, {index: 7, step: 2, blank: 'none', clock: 12, origin: 'ff'}).state;
		const joined = publishLocal(running, {index: 0, step: 0, blank: 'none'}, 'aa');
		expect(joined.adopt).toEqual({index: 7, step: 2, blank: 'none'});
		expect(joined.send).toBeUndefined();
		const next = publishLocal(joined.state, {index: 8, step: 0, blank: 'none'}, 'aa');
		expect(next.send).toEqual({index: 8, step: 0, blank: 'none', clock: 13, origin: 'aa'});
	});

	test('past the largest clock the count goes on from 0, and the peer takes every move after it', () => {
		const top = receive(initialClock, {index: 1, step: 0, blank: 'none', clock: maxClock, origin: 'f'.repeat(32)}).state;
		let mine: ClockState = {...top, hasPublished: true};
		let peer = top;
		for (const index of [2, 3, 4]) {
			const moved = publishLocal(mine, {index, step: 0, blank: 'none'}, '00');
			mine = moved.state;
			const taken = receive(peer, moved.send!);
			expect(taken.isTaken).toBe(true);
			peer = taken.state;
		}

		expect(peer.current?.clock).toBe(2);
		expect(peer.current?.index).toBe(4);
		expect(Number.isSafeInteger(maxClock + 1)).toBe(true);
	});

	test('later is the shorter way round the circle, and never both ways', () => {
		expect(isLater(0, maxClock)).toBe(true);
		expect(isLater(maxClock, 0)).toBe(false);
		expect(isLater(5, 4)).toBe(true);
		expect(isLater(4, 4)).toBe(false);
		expect(isLater(2 ** 39, 0)).toBe(true);
		expect(isLater(2 ** 39 + 1, 0)).toBe(false);
		for (const [a, b] of [[0, 2 ** 39], [7, maxClock - 3], [maxClock, 2 ** 39]] as const) {
			expect(isLater(a, b) !== isLater(b, a)).toBe(true);
		}
	});
});
