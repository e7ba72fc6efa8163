import {setImmediate as immediate} from 'node:timers/promises';

/** Named key sequences, as a terminal sends them. */
export const keys = {
	right: '\u001B[C',
	left: '\u001B[D',
	up: '\u001B[A',
	down: '\u001B[B',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	backspace: '\u007F',
	ctrlC: '\u0003',
	ctrlZ: '\u001A',
} as const;

/** Lets React 19's scheduler and Ink's input effects run. */
export async function settle(): Promise<void> {
	await immediate();
	await new Promise(resolve => {
		setTimeout(resolve, 0);
	});
	await immediate();
}

type Frames = {lastFrame: () => string | undefined; stdin: {write: (data: string) => void}};

/** Waits until the last frame satisfies `check`, or fails with the frame it saw. */
export async function waitForFrame(app: Frames, check: (frame: string) => boolean, timeoutMs = 2000): Promise<string> {
	const end = Date.now() + timeoutMs;
	let frame = app.lastFrame() ?? '';
	while (!check(frame)) {
		if (Date.now() > end) {
			throw new Error(`frame never matched; last frame:\n${frame}`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, 5);
		});
		frame = app.lastFrame() ?? '';
	}

	return frame;
}

/** Writes a key and waits for the frame to settle. */
export async function press(app: Frames, data: string): Promise<string> {
	await settle();
	app.stdin.write(data);
	await settle();
	await new Promise(resolve => {
		setTimeout(resolve, 20);
	});
	return app.lastFrame() ?? '';
}

/** Writes a key, then waits for a frame that passes `check` (a view that loads when first opened). */
export async function pressUntil(app: Frames, data: string, check: (frame: string) => boolean): Promise<string> {
	await press(app, data);
	return waitForFrame(app, check);
}
