import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

/**
The environment every spawned bin gets, as a person's terminal has it: no CI (Ink would draw only the
last frame), no FORCE_COLOR from the test run (the child decides its colours as it would for a person),
a known TERM. `extra` is applied last; an undefined value removes the variable.
*/
export function childEnv(extra: Readonly<Record<string, string | undefined>> = {}): Record<string, string> {
	// A rehearsal of the built-in deck keeps its timings in XDG_STATE_HOME: a test's, never the user's.
	const env: Record<string, string | undefined> = {...process.env, TERM: 'xterm-256color', XDG_STATE_HOME: path.join(os.tmpdir(), `briefing-test-state-${process.pid}`)};
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'FORCE_COLOR']) {
		delete env[name];
	}

	Object.assign(env, extra);
	return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
