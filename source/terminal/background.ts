import type {Background} from '../text/theme.js';

/**
Asks the terminal for its background colour (OSC 11), for the `auto` theme. The question is
`ESC ] 11 ; ? BEL`, followed by the primary device attributes (DA1, `ESC [ c`), which nearly every
terminal answers, and answers after the OSC 11 it also answers: so a terminal that knows OSC 11 has
said so by the time its DA1 answer comes, and one that does not is known at once, without waiting
out the timeout. A terminal that answers neither (a bare pty, a slow link) gets the timeout.

While the question is open this module reads the keyboard itself until the input guard starts: the
answers are taken out, and anything else read meanwhile (keys typed at once) is put back for the
guard, in order. The show does not wait for the answer: the first slide goes up in the fallback's
theme and is repainted if the answer differs. Whatever of the answers the guard reads (one that
comes after it started, or after the timeout) it drops, as it drops every OSC string and unknown CSI
sequence (input.ts): an answer never acts as a key.
*/
export const query = '\u001B]11;?\u0007\u001B[c';

/**
How long the terminal has to answer before the fallback (COLORFGBG, then dark) is final. Nothing waits
for it (the first slide is up in the fallback's theme, the keys go to the input guard), so it can be
long enough for a terminal across a slow link (ssh) or on a loaded machine; a terminal that answers
DA1 ends it at once.
*/
export const answerMs = 1000;

/** An OSC 11 answer: `ESC ] 11 ; rgb:R/G/B` (1-4 hex digits each), ended by BEL or ST. */
const oscAnswer = /\u001B\]11;rgb:([\da-f]{1,4})\/([\da-f]{1,4})\/([\da-f]{1,4})(?:\u0007|\u001B\\)/i;

/** A DA1 answer: `ESC [ ? … c`. */
const da1Answer = /\u001B\[\?[\d;]*c/;

/** A colour channel of 1-4 hex digits as a fraction of its largest value. */
function channel(hex: string): number {
	return Number.parseInt(hex, 16) / (16 ** hex.length - 1);
}

/** The background an OSC 11 answer in `text` names (light when its relative luminance is over a half), or undefined. */
export function parseBackground(text: string): Background | undefined {
	const match = oscAnswer.exec(text);
	if (!match) {
		return undefined;
	}

	const [r, g, b] = [match[1]!, match[2]!, match[3]!].map(channel) as [number, number, number];
	const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
	return luminance > 0.5 ? 'light' : 'dark';
}

/** What was read while asking: the answers taken out, the rest (keys) as it came. */
export function takeAnswers(text: string): {background: Background | undefined; isDone: boolean; rest: string} {
	const background = parseBackground(text);
	let rest = text.replace(oscAnswer, '');
	const isDone = da1Answer.test(rest);
	rest = rest.replace(da1Answer, '');
	return {background, isDone, rest};
}

export type AskOptions = {
	readonly stdin: NodeJS.ReadStream;
	/** Writes to the terminal (the session's write). */
	readonly write: (text: string) => void;
	readonly timeoutMs?: number;
};

/**
Asks, and reads the answer for at most `timeoutMs`: the background the terminal answered, or undefined
(no answer, or not a terminal). The terminal must be in raw mode (the session has taken it). Until
another reader (the input guard) starts, this one reads the keyboard itself; when one starts, what
was read here besides the answers is put back for it, and from then on this one only listens.
*/
export async function askBackground({stdin, write, timeoutMs = answerMs}: AskOptions): Promise<Background | undefined> {
	if (!stdin.isTTY) {
		return undefined;
	}

	return new Promise(resolve => {
		let read = '';
		let background: Background | undefined;
		let isReader = true;
		/** Puts back what was read besides the answers, for the reader that comes next, in order. */
		const putBack = () => {
			stdin.pause();
			const {rest} = takeAnswers(read);
			read = '';
			if (rest) {
				stdin.unshift(Buffer.from(rest, 'utf8'));
			}
		};

		const onNewListener = (event: string | symbol) => {
			if (event === 'data' && isReader) {
				// The input guard starts reading (it resumes the stream): it gets what is put back, and all that follows.
				isReader = false;
				putBack();
			}
		};

		const finish = () => {
			clearTimeout(timer);
			stdin.off('data', onData);
			stdin.off('newListener', onNewListener);
			if (isReader) {
				putBack();
			}

			resolve(background);
		};

		const onData = (chunk: Buffer | string) => {
			read += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
			const taken = takeAnswers(read);
			background ??= taken.background;
			if (taken.isDone) {
				finish();
			}
		};

		const timer = setTimeout(finish, timeoutMs);
		stdin.on('data', onData);
		// After our own listener: the next 'data' listener is another reader's.
		stdin.on('newListener', onNewListener);
		stdin.resume();
		write(query);
	});
}
