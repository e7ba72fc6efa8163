import {constants} from 'node:os';

/**
What each signal that can end the process does to the program, chosen as a presenter would. The live
show (session.ts) and a file being written (write-file.ts) both read these lists. Every name Ink's
signal-exit listens to is in one of them: a signal that only signal-exit heard would unmount the show
and end it with 0.

- Ending: the terminal is given back (or the temporary file removed) first, then the process ends by
  the signal itself, so the shell sees 128 + its number. Those whose own ending dumps core (QUIT,
  XCPU, ABRT, TRAP, SYS) exit with that code instead.
- Ignored: USR1 (Node would open its debugger and print over the slide), IO/POLL (only sent for
  input and output the program never asks for) and XFSZ (a file too large: nothing is written while
  presenting, and an export's write then fails with its own message, EFBIG, and removes its
  temporary file).
*/
export const endingSignals = [
	'SIGINT',
	'SIGTERM',
	'SIGHUP',
	'SIGQUIT',
	'SIGUSR2',
	'SIGALRM',
	'SIGVTALRM',
	'SIGPROF',
	'SIGXCPU',
	'SIGABRT',
	'SIGIOT',
	'SIGTRAP',
	'SIGSYS',
	'SIGPWR',
	'SIGSTKFLT',
] as const satisfies readonly NodeJS.Signals[];

export type EndingSignal = (typeof endingSignals)[number];

export const ignoredSignals = ['SIGUSR1', 'SIGIO', 'SIGPOLL', 'SIGXFSZ'] as const satisfies readonly NodeJS.Signals[];

/** Signals whose own ending dumps core: the program exits with the code instead. */
export const dumpsCore: ReadonlySet<NodeJS.Signals> = new Set(['SIGQUIT', 'SIGXCPU', 'SIGABRT', 'SIGIOT', 'SIGTRAP', 'SIGSYS']);

/** The shell's code for a process ended by `signal`: 128 + its number. */
export function signalCode(signal: NodeJS.Signals): number {
	// A name this system does not have (SIGPWR on macOS) is never delivered; 1 is the code just in case.
	const number = constants.signals[signal] as number | undefined;
	return number === undefined ? 1 : 128 + number;
}
