import type {Position} from '../model/navigation.js';

/** Where the show is (the navigation state's part of it): what the audience and presenter views keep in step. */
export type {Position};

/**
A link to the other view of the same deck (see presenter-link.ts). The app publishes every local
move and applies every move the link hands it; the link decides which of two concurrent moves wins.
*/
export type PeerLink = {
	publish(position: Position): void;
	onPosition(listener: (position: Position) => void): () => void;
	/** A short human status ("presenter view connected", "waiting for the audience view"). */
	onStatus(listener: (status: string) => void): () => void;
	close(): Promise<void>;
};

/** The audience view's status while a presenter view is linked (the audience view then shows no key hints). */
export const presenterConnected = 'presenter view connected';

export function samePosition(a: Position | undefined, b: Position | undefined): boolean {
	return a !== undefined && b !== undefined && a.index === b.index && a.step === b.step && a.blank === b.blank && (a.timer ?? 0) === (b.timer ?? 0);
}
