/**
The one way tests wait: check, and if not yet, wait a little and check again, until a deadline; then
fail saying what was awaited and what was seen. Nothing sleeps blindly.
*/
export type PollOptions = {
	readonly timeoutMs?: number;
	readonly intervalMs?: number;
	/** What was seen, for the failure message. */
	readonly seen?: () => string;
};

export async function poll(check: () => boolean | Promise<boolean>, what: string, {timeoutMs = 8000, intervalMs = 20, seen}: PollOptions = {}): Promise<void> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		if (await check()) {
			return;
		}

		if (Date.now() > end) {
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${seen ? `; saw:\n${seen()}` : ''}`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, intervalMs);
		});
	}
}
