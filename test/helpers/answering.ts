import type {Session} from './pty.js';

/**
Waits until the view reads keys: the first slide is up before Ink reads them, and keys typed before
then arrive as one read, which the input guard takes for a paste. A digit that shows in the footer
says keys are read; Esc then clears it. `here` is what the screen shows once the digit is gone.
*/
export async function waitUntilAnswering(session: Session, here: RegExp): Promise<void> {
	for (let attempt = 0; ; attempt++) {
		session.write('5');
		try {
			await session.waitFor(() => session.screen().includes('go to 5'), 'the typed digit', 500);
			break;
		} catch (error: unknown) {
			if (attempt > 20) {
				throw error;
			}
		}
	}

	session.write('\u001B');
	await session.waitFor(() => !session.screen().includes('go to 5') && here.test(session.screen()), 'Esc to clear the typed number');
}
