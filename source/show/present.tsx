import process from 'node:process';
import React from 'react';
import type {Instance} from 'ink';
import type {App as AppView} from './app.js';
import {FrameWriterContext} from './components/frame-writer-context.js';
import type {Deck} from '../deck/deck.js';
import {createFrameWriter, type FrameWriter} from '../terminal/frame-writer.js';
import {formatElapsed} from './hooks/use-clock.js';
import {initNavigation} from './navigation.js';
import {screenLines} from '../layout/screen.js';
import type {PeerLink} from '../link/peer.js';
import {
	escapes,
	gateWrites,
	isTerminalLost,
	keepEscapesOffStderr,
	noteTerminalError,
	readSize,
	refreshSize,
	resetRawMode,
	writeNow,
} from '../terminal/terminal.js';
import type {Theme} from '../layout/theme.js';

/**
The live show's lifecycle: take the terminal (alternate screen, hidden cursor, raw keys), run the app,
and give the terminal back on every way out: q, Ctrl+C, a signal, a crash. Also Ctrl+Z and fg.
*/
export type PresentOptions = {
	readonly deck: Deck;
	readonly theme: Theme;
	readonly start: number;
	readonly isRevealing: boolean;
	readonly showTimer: boolean;
	readonly isDebug: boolean;
	readonly link?: PeerLink;
	/** Opens the link once the first frame is up (the audience view); a failure only shows in the footer. */
	readonly openLink?: () => Promise<PeerLink>;
	/** Linear text for screen readers, in the normal screen (its scrollback keeps what was read). */
	readonly isScreenReader?: boolean;
	/** The audience view (the slides) or the presenter view (notes, next, time). */
	readonly view?: 'audience' | 'presenter';
	/** The planned length of the talk in ms, for the presenter view's pace. */
	readonly duration?: number;
	/** Live reload (a Markdown deck): starts watching, reports each new deck or problem, returns the stop. */
	readonly watch?: (onUpdate: (update: DeckUpdate) => void) => () => void;
};

/** What a reload brings: the deck read again, or why it could not be (the last good deck stays). */
export type DeckUpdate = {readonly deck: Deck} | {readonly problem: string};

/** As Ink's chalk decides: no SGR at all for FORCE_COLOR=0 or a dumb terminal. */
function hasStyles(env: NodeJS.ProcessEnv): boolean {
	return !['0', 'false'].includes(env['FORCE_COLOR'] ?? '') && env['TERM'] !== 'dumb';
}

/** stdout as Ink sees it: the same stream, but the frame writer hears of every write Ink makes. */
function watchedStdout(stdout: NodeJS.WriteStream, writer: FrameWriter): NodeJS.WriteStream {
	return new Proxy(stdout, {
		get(target, key) {
			if (key === 'write') {
				return (...args: Parameters<NodeJS.WriteStream['write']>) => {
					writer.beforeForeignWrite();
					const result = target.write(...args);
					writer.noteForeignWrite();
					return result;
				};
			}

			const value: unknown = Reflect.get(target, key, target);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}

const signalCodes = {SIGINT: 130, SIGQUIT: 131, SIGTERM: 143, SIGHUP: 129} as const;

/**
Ends the process. For INT, TERM and HUP the terminal is already given back, and the process ends by
the signal itself (the shell's $? is 128+n): exiting normally would run libuv's termios reset at
exit, and a background job (`kill %1` on a stopped show sends TERM, then CONT) is stopped again by
SIGTTOU there. QUIT would dump core that way, so it exits with 131.
*/
function exitWith(code: number, signal?: NodeJS.Signals): void {
	// A hung-up terminal cannot take its modes back, and Node's own reset at exit aborts with an
	// assertion when it tries (EIO): end by SIGHUP, which skips that reset, as a hang-up should.
	const ending = isTerminalLost() ? 'SIGHUP' : signal;
	if (ending && ending !== 'SIGQUIT') {
		process.removeAllListeners(ending);
		process.kill(process.pid, ending);
		if (ending === 'SIGHUP' && isTerminalLost()) {
			// SIGHUP ignored (nohup): nothing on the dead terminal can be restored anyway.
			process.kill(process.pid, 'SIGKILL');
		}
	}

	process.exit(code);
}

/** How long after fg the screen is taken back, so that signals sent with the SIGCONT come first. */
const resumeDelayMs = 30;

/** How long cleanup may take before the process leaves anyway. */
const watchdogMs = 1000;

export async function present(options: PresentOptions): Promise<number> {
	const {stdin, stdout, stderr} = process;
	const out = stdout.fd;
	const gate = gateWrites(stdout);
	let instance: Instance | undefined;
	let refresh = 0;
	let link = options.link;
	let linkProblem: string | undefined;
	let {deck} = options;
	let deckProblem: string | undefined;
	let stopWatching: (() => void) | undefined;
	let finished = false;
	/** Whether the terminal is ours right now (alternate screen, hidden cursor, raw keys). */
	let isTaken = false;
	/** Set while we stop ourselves, so the SIGCONT that wakes us does not repaint a second time. */
	let isSelfStopped = false;

	const isScreenReader = options.isScreenReader ?? false;
	const take = () => {
		isTaken = true;
		if (!isScreenReader) {
			writeNow(out, escapes.enterAlternateScreen + escapes.hideCursor + escapes.home + escapes.clearScreen);
		}

		gate.open();
	};

	/** Gives the terminal back, once; nothing of Ink's reaches it until it is taken again. */
	const giveBack = () => {
		gate.close();
		if (!isTaken) {
			return;
		}

		isTaken = false;
		writeNow(
			out,
			escapes.endSynchronizedOutput +
				escapes.resetAttributes +
				(isScreenReader ? '\n' : escapes.leaveAlternateScreen) +
				escapes.showCursor,
		);
		resetRawMode(stdin, false);
	};

	const finish = (code: number, message?: string, signal?: NodeJS.Signals) => {
		if (finished) {
			return;
		}

		finished = true;
		stopWatching?.();
		setTimeout(() => {
			exitWith(code, signal);
		}, watchdogMs).unref();
		const leave = () => {
			try {
				instance?.unmount();
			} catch {
				// Unmounting a broken tree can throw; the terminal still has to be given back.
			}

			giveBack();
			if (message) {
				writeNow(stderr.fd, message);
			}

			void (link?.close() ?? Promise.resolve()).finally(() => {
				exitWith(code, signal);
			});
		};

		// An error in the first render arrives before render() has returned the instance to unmount.
		if (instance) {
			leave();
		} else {
			queueMicrotask(leave);
		}
	};

	const fatal = (error: unknown) => {
		if (noteTerminalError(error)) {
			// The terminal hung up under a write or a read: a hang-up, not a crash to report.
			finish(signalCodes.SIGHUP, undefined, 'SIGHUP');
			return;
		}

		const text = error instanceof Error ? error.message : String(error);
		const stack = options.isDebug && error instanceof Error && error.stack ? error.stack + '\n' : '';
		finish(1, `briefing: ${text.split('\n')[0]}\n${stack}`);
	};

	const writer = createFrameWriter({
		theme: options.theme,
		write(text) {
			stdout.write(text);
		},
		size: () => readSize(stdout),
		hasStyles: hasStyles(process.env),
	});

	// Ink's screen-reader mode writes linear text instead of a screen: then Ink paints everything.
	const frameWriter = isScreenReader || process.env['INK_SCREEN_READER'] === 'true' ? undefined : writer;
	// Ink and the app load after the first slide is on screen (below); `app()` is first called then.
	let App: typeof AppView | undefined;
	// The presenter view is its own module: the audience view's way to its first slide skips it.
	const PresenterView = options.view === 'presenter' ? (await import('./presenter-view.js')).PresenterView : undefined;
	const app = () => {
		const common = {
			deck,
			...(deckProblem ? {deckProblem} : {}),
			theme: options.theme,
			start: options.start,
			isRevealing: options.isRevealing,
			refresh,
			onSuspend: suspend,
			onFatal: fatal,
			...(link ? {link} : {}),
			...(linkProblem ? {linkProblem} : {}),
		};
		return (
			<FrameWriterContext.Provider value={frameWriter}>
				{PresenterView ? (
					<PresenterView {...common} {...(options.duration ? {duration: options.duration} : {})} />
				) : App ? (
					<App
						{...common}
						showTimer={options.showTimer}
						isScreenReader={isScreenReader}
						{...(process.env['BRIEFING_FAULT'] === 'render' ? {fault: 'render' as const} : {})}
					/>
				) : null}
			</FrameWriterContext.Provider>
		);
	};

	/** Takes the screen back after fg: raw mode again, the size read afresh, the frame repainted. */
	const resume = () => {
		if (finished) {
			return;
		}

		// Raw mode first: in the background (bg, or kill -CONT without fg) setting it stops us with
		// SIGTTOU before anything is written over the shell's screen; fg then goes on from here.
		resetRawMode(stdin, true);
		take();
		// The screen was the shell's: the next slide paint is a whole one.
		writer.noteForeignWrite();
		if (refreshSize(stdout)) {
			// A new size means a new frame: Ink draws it whole onto the cleared screen.
			stdout.emit('resize');
		} else {
			// Same size, same frame: Ink would write nothing, so repaint its last frame ourselves.
			writeNow(out, gate.lastFrame());
		}

		refresh++;
		instance?.rerender(app());
	};

	function suspend() {
		if (finished) {
			return;
		}

		giveBack();
		isSelfStopped = true;
		process.kill(process.pid, 'SIGSTOP');
		// Execution goes on here after SIGCONT (fg). A signal that came while stopped (`kill %1` sends
		// SIGTERM, then SIGCONT) must be handled first, or resume would touch the terminal as a
		// background job and be stopped again for good. The kernel may hand that signal to any of
		// Node's threads, so its handler can lag a loop turn: give it a moment, not just a turn.
		setTimeout(resume, resumeDelayMs);
	}

	for (const [signal, code] of Object.entries(signalCodes)) {
		process.on(signal, () => {
			finish(code, undefined, signal as NodeJS.Signals);
		});
	}

	// `kill -TSTP` from outside: give the terminal back before stopping, as Ctrl+Z does.
	process.on('SIGTSTP', suspend);
	process.on('SIGCONT', () => {
		// After our own stop, resume() has already run; after a stop from outside (kill -STOP) the
		// shell has reset the terminal while we were stopped, so take it again.
		if (isSelfStopped) {
			isSelfStopped = false;
			return;
		}

		resume();
	});
	process.on('uncaughtException', fatal);
	process.on('unhandledRejection', fatal);
	stdout.on('error', fatal);
	stdin.on('error', fatal);
	keepEscapesOffStderr(stderr);
	refreshSize(stdout);
	stdout.prependListener('resize', () => {
		refreshSize(stdout);
	});

	// Raw mode before the first frame: a key pressed as the slide appears is not echoed onto it.
	resetRawMode(stdin, true);
	take();
	if (frameWriter && !PresenterView) {
		// The first slide goes up before Ink and React's renderer load: the pure layout and the frame
		// writer are all it takes. The app's own first paint then finds the screen as it would draw it.
		const state = initNavigation({
			units: options.deck.slides.map(slide => slide.units),
			start: options.start,
			isRevealing: options.isRevealing,
		});
		const timer = options.showTimer ? formatElapsed(0) : undefined;
		writer.paint(screenLines(options.deck, state, readSize(stdout), undefined, timer));
	}

	const [{render}, loaded] = await Promise.all([import('ink'), import('./app.js')]);
	App = loaded.App;
	if (finished) {
		// A signal came while Ink loaded: the terminal is already given back.
		return 0;
	}

	instance = render(app(), {
		stdout: watchedStdout(stdout, writer),
		exitOnCtrlC: false,
		patchConsole: false,
		maxFps: 60,
		isScreenReaderEnabled: isScreenReader,
	});
	stopWatching = options.watch?.(update => {
		if ('deck' in update) {
			deck = update.deck;
			deckProblem = undefined;
		} else {
			deckProblem = update.problem;
		}

		instance?.rerender(app());
	});
	if (options.openLink) {
		// After the first frame: the presenter link (a module, a directory check, a connect) can wait.
		const open = options.openLink;
		setImmediate(() => {
			open().then(
				opened => {
					if (finished) {
						void opened.close();
						return;
					}

					link = opened;
					instance?.rerender(app());
				},
				(error: unknown) => {
					// The show goes on without a presenter view; the footer says why.
					linkProblem = `presenter link off: ${error instanceof Error ? error.message : String(error)}`;
					instance?.rerender(app());
				},
			);
		});
	}

	await instance.waitUntilExit().catch(fatal);
	finish(0);
	return 0;
}
