import process from 'node:process';
import {dumpsCore, endingSignals, ignoredSignals, signalCode} from './signals.js';
import {
	escapes,
	isTerminalLost,
	noteTerminalError,
	readSize,
	refreshSize,
	rereadSize,
	resetRawMode,
	type TerminalSize,
	writeNow,
} from './terminal.js';

/**
The terminal session of the live show: the module that takes the terminal (stdout for the screen;
Ink turns raw mode on through the input guard, input-stream.ts, and the session turns it back on
after fg and off at the end), handles the show's signals and ends its process, and the only writer
to the terminal once it is taken. Other modules use `process` for what they need: argv, env (and
deck-command.tsx sets CI for Ink), cwd, stderr for a message, the uid for the socket directory;
terminal.ts's helpers read the size (and send SIGWINCH after fg); write-file.ts handles signals
during an export, the link and follow sockets remove their files at exit, and cli.tsx, answer.ts and
bin.ts set the exit code or exit. It takes the terminal (alternate screen, hidden cursor, auto-wrap
off), gives it back on every way out (q, Ctrl+C, a signal, a crash, a hang-up), stops and resumes
with the shell's job control (Ctrl+Z, kill -TSTP, fg), and passes on the size. While the terminal
is not ours (suspended, or given back at exit) every write is dropped.
*/
export type TerminalSession = {
	readonly stdin: NodeJS.ReadStream;
	readonly stderr: NodeJS.WriteStream;
	/** No SGR at all for FORCE_COLOR=0 or a dumb terminal, as Ink's chalk decides. */
	readonly hasStyles: boolean;
	/** BRIEFING_FAULT=render: a test hook that makes the app throw while rendering. */
	readonly fault: string | undefined;
	readonly size: () => TerminalSize;
	/** Writes to the terminal now; dropped while the terminal is not ours. */
	readonly write: (text: string) => void;
	/** Takes the terminal; the first frame comes next. */
	readonly take: () => void;
	readonly onResize: (listener: (size: TerminalSize) => void) => void;
	/** After fg: the screen is the shell's until repainted. */
	readonly onResume: (listener: (size: TerminalSize) => void) => void;
	/** What to end before the terminal is given back (Ink) and after (the presenter link). */
	readonly onShutdown: (steps: ShutdownSteps) => void;
	/** Ctrl+Z: gives the terminal back and stops; fg resumes. */
	readonly suspend: () => void;
	/** Ends the show once, with this exit code (and, for a signal, by the signal itself). */
	readonly finish: (code: number, message?: string, signal?: NodeJS.Signals) => void;
	/** An error no part of the show caught: a one-line message (the stack with --debug), exit 1. */
	readonly fatal: (error: unknown) => void;
	readonly isFinished: () => boolean;
};

export type ShutdownSteps = {
	readonly unmount?: () => void;
	readonly close?: () => Promise<void>;
};

export type SessionOptions = {
	/** Linear text in the normal screen (its scrollback keeps what was read) instead of a drawn screen. */
	readonly isScreenReader: boolean;
	readonly isDebug: boolean;
};

/** How long after fg the screen is taken back, so that signals sent with the SIGCONT come first. */
const resumeDelayMs = 30;

/** How long cleanup may take before the process leaves anyway. */
const watchdogMs = 1000;

/**
What taking the terminal turns on, and giving it back turns off again (in reverse). Auto-wrap is off
while the show runs: the frame uses every row, and a character in the bottom-right cell must not
scroll the screen. (A new mode, such as bracketed paste, goes in both lists.)
*/
const takeEscapes = [escapes.enterAlternateScreen, escapes.hideCursor, escapes.autoWrapOff, escapes.enableBracketedPaste, escapes.home, escapes.clearScreen];
const giveBackEscapes = [
	escapes.endSynchronizedOutput,
	escapes.resetAttributes,
	escapes.disableBracketedPaste,
	escapes.autoWrapOn,
	escapes.leaveAlternateScreen,
	escapes.showCursor,
];

/**
Ends the process. For a signal (signals.ts) the terminal is already given back, and the process ends
by the signal itself (the shell's $? is 128+n): exiting normally would run libuv's termios reset at
exit, and a background job (`kill %1` on a stopped show sends TERM, then CONT) is stopped again by
SIGTTOU there. QUIT and XCPU would dump core that way, so they exit with 128+n.
*/
function exitWith(code: number, signal?: NodeJS.Signals): void {
	// A hung-up terminal cannot take its modes back, and Node's own reset at exit aborts with an
	// assertion when it tries (EIO): end by SIGHUP, which skips that reset, as a hang-up should.
	const ending = isTerminalLost() ? 'SIGHUP' : signal;
	if (ending && !dumpsCore.has(ending)) {
		process.removeAllListeners(ending);
		process.kill(process.pid, ending);
		if (ending === 'SIGHUP' && isTerminalLost()) {
			// SIGHUP ignored (nohup): nothing on the dead terminal can be restored anyway.
			process.kill(process.pid, 'SIGKILL');
		}
	}

	process.exit(code);
}

/** The screen itself: taken or not, and the one write. */
function createScreen(isScreenReader: boolean) {
	const out = process.stdout.fd;
	let isTaken = false;
	return {
		isTaken: () => isTaken,
		take() {
			isTaken = true;
			// The screen-reader text stays in the normal screen; pastes are bracketed there too.
			writeNow(out, isScreenReader ? escapes.enableBracketedPaste : takeEscapes.join(''));
		},
		/** Gives the terminal back, once; nothing reaches it until it is taken again. */
		giveBack() {
			if (!isTaken) {
				return;
			}

			isTaken = false;
			const escapesOut = isScreenReader ? giveBackEscapes.map(text => (text === escapes.leaveAlternateScreen ? '\n' : text)) : giveBackEscapes;
			writeNow(out, escapesOut.join(''));
			resetRawMode(process.stdin, false);
		},
		write(text: string) {
			if (isTaken) {
				writeNow(out, text);
			}
		},
	};
}

type Screen = ReturnType<typeof createScreen>;

/** Ending the show, once: Ink unmounted, the terminal given back, a message, the link closed, the exit. */
function createShutdown(screen: Screen, isDebug: boolean) {
	let steps: ShutdownSteps = {};
	let isFinished = false;
	const finish = (code: number, message?: string, signal?: NodeJS.Signals) => {
		if (isFinished) {
			return;
		}

		isFinished = true;
		setTimeout(() => {
			exitWith(code, signal);
		}, watchdogMs).unref();
		try {
			steps.unmount?.();
		} catch {
			// Unmounting a broken tree can throw; the terminal still has to be given back.
		}

		screen.giveBack();
		if (message) {
			writeNow(process.stderr.fd, message);
		}

		void (steps.close?.() ?? Promise.resolve()).finally(() => {
			exitWith(code, signal);
		});
	};

	const fatal = (error: unknown) => {
		if (noteTerminalError(error)) {
			// The terminal hung up under a write or a read: a hang-up, not a crash to report.
			finish(signalCode('SIGHUP'), undefined, 'SIGHUP');
			return;
		}

		const text = error instanceof Error ? error.message : String(error);
		const stack = isDebug && error instanceof Error && error.stack ? error.stack + '\n' : '';
		finish(1, `briefing: ${text.split('\n')[0]}\n${stack}`);
	};

	return {
		finish,
		fatal,
		isFinished: () => isFinished,
		add(more: ShutdownSteps) {
			steps = {...steps, ...more};
		},
	};
}

/** Ctrl+Z and fg: give the terminal back and stop; on resume take it again and tell the listeners. */
function createJobControl(screen: Screen, isFinished: () => boolean, onResume: (size: TerminalSize) => void) {
	/** Set while we stop ourselves, so the SIGCONT that wakes us does not resume a second time. */
	let isSelfStopped = false;
	/** Takes the screen back after fg: raw mode again, the size read afresh, then a whole repaint. */
	const resume = () => {
		if (isFinished()) {
			return;
		}

		// Raw mode first: in the background (bg, or kill -CONT without fg) setting it stops us with
		// SIGTTOU before anything is written over the shell's screen; fg then goes on from here.
		resetRawMode(process.stdin, true);
		screen.take();
		rereadSize(process.stdout, () => {
			if (isFinished()) {
				return;
			}

			refreshSize(process.stdout);
			onResume(readSize(process.stdout));
		});
	};

	const suspend = () => {
		if (isFinished()) {
			return;
		}

		screen.giveBack();
		isSelfStopped = true;
		process.kill(process.pid, 'SIGSTOP');
		// Execution goes on here after SIGCONT (fg). A signal that came while stopped (`kill %1` sends
		// SIGTERM, then SIGCONT) must be handled first, or resume would touch the terminal as a
		// background job and be stopped again for good. The kernel may hand that signal to any of
		// Node's threads, so its handler can lag a loop turn: give it a moment, not just a turn.
		setTimeout(resume, resumeDelayMs);
	};

	return {
		suspend,
		resume,
		isSelfStopped: () => isSelfStopped,
		clearSelfStopped() {
			isSelfStopped = false;
		},
	};
}

export function openTerminalSession({isScreenReader, isDebug}: SessionOptions): TerminalSession {
	const {stdin, stdout, stderr, env} = process;
	const screen = createScreen(isScreenReader);
	const resizeListeners: Array<(size: TerminalSize) => void> = [];
	const resumeListeners: Array<(size: TerminalSize) => void> = [];
	const shutdown = createShutdown(screen, isDebug);
	const jobs = createJobControl(screen, shutdown.isFinished, size => {
		for (const listener of resumeListeners) {
			listener(size);
		}
	});
	listenToProcess({...jobs, finish: shutdown.finish, fatal: shutdown.fatal});
	refreshSize(stdout);
	stdout.on('resize', () => {
		refreshSize(stdout);
		for (const listener of resizeListeners) {
			listener(readSize(stdout));
		}
	});

	return {
		stdin,
		stderr,
		hasStyles: !['0', 'false'].includes(env['FORCE_COLOR'] ?? '') && env['TERM'] !== 'dumb',
		fault: env['BRIEFING_FAULT'],
		size: () => readSize(stdout),
		write: screen.write,
		take() {
			// Raw mode before the first frame: a key pressed as the slide appears is not echoed onto it.
			resetRawMode(stdin, true);
			screen.take();
		},
		onResize(listener) {
			resizeListeners.push(listener);
		},
		onResume(listener) {
			resumeListeners.push(listener);
		},
		onShutdown: shutdown.add,
		suspend: jobs.suspend,
		finish: shutdown.finish,
		fatal: shutdown.fatal,
		isFinished: shutdown.isFinished,
	};
}

type ProcessHandlers = {
	readonly finish: TerminalSession['finish'];
	readonly fatal: (error: unknown) => void;
	readonly suspend: () => void;
	readonly resume: () => void;
	readonly isSelfStopped: () => boolean;
	readonly clearSelfStopped: () => void;
};

/** Signals, job control and uncaught errors, each ending in the session's own handling. */
function listenToProcess({finish, fatal, suspend, resume, isSelfStopped, clearSelfStopped}: ProcessHandlers): void {
	for (const signal of endingSignals) {
		process.on(signal, () => {
			finish(signalCode(signal), undefined, signal);
		});
	}

	for (const signal of ignoredSignals) {
		process.on(signal, () => {
			// Ignored while presenting (signals.ts says why).
		});
	}

	// `kill -TSTP` from outside: give the terminal back before stopping, as Ctrl+Z does.
	process.on('SIGTSTP', suspend);
	process.on('SIGCONT', () => {
		// After our own stop, resume() is already on its way; after a stop from outside (kill -STOP)
		// the shell has reset the terminal while we were stopped, so take it again.
		if (isSelfStopped()) {
			clearSelfStopped();
			return;
		}

		resume();
	});
	process.on('uncaughtException', fatal);
	process.on('unhandledRejection', fatal);
	process.stdout.on('error', fatal);
	process.stdin.on('error', fatal);
}
