import type {Session} from './pty.js';

/**
Types a slide number and Enter, a key at a time as a person does: keys that reach the program in one
read (a busy machine) would be taken for a paste.
*/
export async function goTo(session: Session, number: number): Promise<void> {
	const typed = String(number);
	for (let at = 1; at <= typed.length; at++) {
		session.write(typed[at - 1]!);
		await session.waitFor(() => new RegExp(`go to ${typed.slice(0, at)}(?!\\d)`).test(session.screen()), 'the typed digit');
	}

	session.write('\r');
}
