import process from 'node:process';
import type {App as AppView} from './app.js';
import {mountShow} from './mount.js';
import {type Deck, hasDrawnBlocks, stepCounts} from '../deck/deck.js';
import {loadInk} from '../deck/drawn.js';
import {createFrameWriter, type FrameWriter} from '../terminal/frame-writer.js';
import {FrameSink} from '../terminal/frame-sink.js';
import {createLinearWriter} from '../terminal/linear-writer.js';
import {openTerminalSession, type TerminalSession} from '../terminal/session.js';
import {drawAhead} from './deferred-drawings.js';
import {formatElapsed} from '../model/clock.js';
import {initNavigation} from '../model/navigation.js';
import {audienceMark, screenLines} from '../layout/screen.js';
import type {Line} from '../text/lines.js';
import type {PeerLink} from '../link/peer.js';
import type {Background, Theme} from '../text/theme.js';
import {askBackground} from '../terminal/background.js';
import type {Rehearsal} from './rehearsal.js';
import {FeedContext, type ShowFeed} from '../follow/feed.js';

/**
The live show: a terminal session (session.ts) taken for the show, the first slide painted before Ink
loads, then Ink rendering the app into a frame sink whose frames the frame writer composes with the
app's lines and paints. The session gives the terminal back on every way out.
*/
export type PresentOptions = {
	readonly deck: Deck;
	/** The theme; with `themeFor`, the one to start with until the terminal says its background. */
	readonly theme: Theme;
	/** The `auto` theme: the show asks the terminal for its background (background.ts) and takes this theme for it. */
	readonly themeFor?: (background: Background | undefined) => Theme;
	readonly start: number;
	readonly isRevealing: boolean;
	readonly showTimer: boolean;
	readonly isDebug: boolean;
	readonly link?: PeerLink;
	/** Opens the link once the first frame is up (the audience view); a failure only shows in the footer. */
	readonly openLink?: () => Promise<PeerLink>;
	/** Linear text for screen readers, in the normal screen (its scrollback keeps what was read). */
	readonly isScreenReader?: boolean;
	/** The audience view (the slides), the presenter view (notes, next, time) or a follower (`--follow`). */
	readonly view?: 'audience' | 'presenter' | 'follower';
	/** The audience view's feed to followers and the remote page (follow/feed.ts), with what serves them. */
	readonly feed?: ShowFeed;
	/** Opens what serves the feed once the first frame is up; `notice` puts one line in the footer. */
	readonly openFollowers?: (notice: (text: string) => void) => Promise<{close(): Promise<void>}>;
	/** The planned length of the talk in ms, for the presenter view's pace. */
	readonly duration?: number;
	/** --end-at: the presenter view (and --timer) count down to this wall-clock time. */
	readonly endAt?: {readonly hours: number; readonly minutes: number; readonly text: string};
	/** Rehearsed time per slide id, for the presenter view's plan. */
	readonly rehearsed?: ReadonlyMap<string, number>;
	/** --rehearse: records each slide's and step's time; written as the show goes and at its end. */
	readonly rehearsal?: Rehearsal;
	/** Called once the show runs, with what can change while it does (a deck read again, for example). */
	readonly onReady?: (show: RunningShow) => void;
};

export type RunningShow = {
	/** Shows another deck (the same talk, edited) from where the show stands; a deck problem is over. */
	readonly setDeck: (deck: Deck) => void;
	/** Why the deck could not be read again: the last good deck stays up, the views say why. */
	readonly setDeckProblem: (problem: string) => void;
};

/** How long after Ink's first frame the drawings are made ahead: after the first keys' work, not during it. */
const drawAheadMs = 50;

/** What the app is given, kept here between renders: the parts that change while the show runs. */
type ShowInputs = {
	deck: Deck;
	theme: Theme;
	deckProblem?: string | undefined;
	link: PeerLink | undefined;
	linkProblem: string | undefined;
};

/** The first slide, laid out by the pure layout and painted before Ink and React's renderer load. */
function paintFirstFrame(options: Pick<PresentOptions, 'deck' | 'start' | 'isRevealing' | 'showTimer'>, writer: FrameWriter, size: {columns: number; rows: number}): void {
	const {deck} = options;
	const state = initNavigation({units: stepCounts(deck), start: options.start, isRevealing: options.isRevealing});
	const timer = options.showTimer ? formatElapsed(0) : undefined;
	writer.show({lines: screenLines(deck, state, size, {...(timer ? {timer} : {}), showHints: state.index === 0})});
	writer.paint();
}

/**
The first frame of `deck` at `size`, painted into a string as the live show would paint it (for the
bin's code cache, made at build time: see cli.tsx's warmUp).
*/
export function firstFrameText(deck: Deck, theme: Theme, size: {columns: number; rows: number}): string {
	let text = '';
	const writer = createFrameWriter({theme, write: written => (text += written), size: () => size, hasStyles: true});
	paintFirstFrame({deck, start: 0, isRevealing: true, showTimer: false}, writer, size);
	return text;
}

/** Whether the first slide can go up before Ink loads: a drawn slide and the other views need Ink. */
function canPaintEarly(options: PresentOptions, inputs: ShowInputs): boolean {
	const slide = inputs.deck.slides[options.start];
	return !options.isScreenReader && (options.view ?? 'audience') === 'audience' && slide !== undefined && !hasDrawnBlocks(inputs.deck, [slide]);
}

/** Where Ink's frames go: the frame writer, or in screen-reader mode the linear writer. */
function frameTarget(options: PresentOptions, session: TerminalSession) {
	if (options.isScreenReader) {
		const linear = createLinearWriter(session.write, session.size);
		return {onFrame: linear.show, repaint: linear.repaint, writer: undefined};
	}

	const writer = createFrameWriter({theme: options.theme, write: session.write, size: session.size, hasStyles: session.hasStyles});
	return {
		onFrame(frame: string) {
			writer.show({ink: frame});
		},
		repaint() {
			writer.invalidate();
			writer.paint();
		},
		writer,
	};
}

/** Opens the presenter link after the first frame (a module, a directory check, a connect can wait). */
function openLinkLater(open: () => Promise<PeerLink>, inputs: ShowInputs, session: TerminalSession, rerender: () => void): void {
	setImmediate(() => {
		open().then(
			opened => {
				if (session.isFinished()) {
					void opened.close();
					return;
				}

				inputs.link = opened;
				rerender();
			},
			(error: unknown) => {
				// The show goes on without a presenter view; the footer says why.
				inputs.linkProblem = `presenter link off: ${error instanceof Error ? error.message : String(error)}`;
				rerender();
			},
		);
	});
}

/** What serves followers, opened after the first frame; its notices go in the footer, and the show goes on. */
async function openFollowersLater(open: NonNullable<PresentOptions['openFollowers']>, inputs: ShowInputs, session: TerminalSession, rerender: () => void) {
	const notice = (text: string) => {
		// The presenter link's own problem stays: it names the cause (the followers share its directory).
		if (!inputs.linkProblem?.startsWith('presenter link off')) {
			inputs.linkProblem = text;
			rerender();
		}
	};

	await new Promise(resolve => {
		setImmediate(resolve);
	});
	try {
		const served = await open(notice);
		if (session.isFinished()) {
			await served.close();
			return undefined;
		}

		return served;
	} catch (error: unknown) {
		notice(`followers off: ${error instanceof Error ? error.message : String(error)}`);
		return undefined;
	}
}

/** Ink, the app and the input guard, loaded once the first slide is up; the presenter view is its own module, off the audience view's way. */
async function loadShow(view: PresentOptions['view']) {
	return Promise.all([
		loadInk(),
		import('./app.js'),
		view === 'presenter' ? import('./presenter-view.js').then(module => module.PresenterView) : undefined,
		view === 'follower' ? import('./follower-view.js').then(module => module.FollowerView) : undefined,
		import('../terminal/input-stream.js'),
		import('../model/keymap.js'),
	]);
}

/** What a live reload is given: a new deck, or the problem with the file that keeps the last good one. */
function deckControl(inputs: ShowInputs, rerender: () => void) {
	return {
		setDeck(deck: Deck) {
			inputs.deck = deck;
			inputs.deckProblem = undefined;
			rerender();
		},
		setDeckProblem(problem: string | undefined) {
			inputs.deckProblem = problem;
			rerender();
		},
	};
}

type FrameTarget = ReturnType<typeof frameTarget>;

/**
Takes the terminal and puts the first slide up before Ink loads, where it can. The resize and resume
handlers come first: a stop (Ctrl+Z, kill -TSTP) while Ink still loads comes back to the first frame,
painted whole. Returns the auto theme's question to the terminal about its background, if asked.
*/
function takeTerminal(options: PresentOptions, inputs: ShowInputs, session: TerminalSession, sink: FrameSink, target: FrameTarget) {
	session.onResize(size => {
		sink.resize(size);
	});
	session.take();
	// The auto theme asks the terminal for its background; the first slide goes up meanwhile, in the fallback's theme.
	const background = options.themeFor && !options.isScreenReader && session.hasStyles ? askBackground({stdin: session.stdin, write: session.write}) : undefined;
	session.onResume(size => {
		options.rehearsal?.resume();
		// A new size is a new frame, which the resize brings; at the same size, paint the last one whole.
		if (!sink.resize(size)) {
			target.repaint();
		}
	});
	if (target.writer && canPaintEarly(options, inputs)) {
		paintFirstFrame(options, target.writer, session.size());
	}

	return background;
}

/** The terminal's answer repaints the show in the theme for its background, if that differs (the show does not wait for it). */
function takeThemeFrom(background: Promise<Background | undefined>, options: PresentOptions, inputs: ShowInputs, session: TerminalSession, target: FrameTarget, rerender: () => void): void {
	void background.then(answer => {
		const theme = options.themeFor?.(answer);
		if (theme && theme.name !== inputs.theme.name && !session.isFinished()) {
			inputs.theme = theme;
			target.writer?.setTheme(theme);
			rerender();
		}
	});
}

/** Ink renders the show (as the app and the tests mount it) into the sink; keys reach it only through the input guard. */
function mountLoaded(loaded: Awaited<ReturnType<typeof loadShow>>, options: PresentOptions, inputs: ShowInputs, session: TerminalSession, sink: FrameSink, target: FrameTarget) {
	const [ink, {App}, PresenterView, FollowerView, {guardInput}, {isTableKey}] = loaded;
	const app = () => (
		<FeedContext.Provider value={options.feed}>
			<ShowRoot options={options} inputs={inputs} session={session} App={App} PresenterView={PresenterView} FollowerView={FollowerView} />
		</FeedContext.Provider>
	);
	const {instance, rerender} = mountShow(ink.render, app(), {
		sink,
		// Keys reach Ink only through the input guard (upstream ink issue 901; see input-stream.ts).
		stdin: guardInput(session.stdin, {accepts: isTableKey}).stdin,
		stderr: session.stderr,
		showLines(lines: readonly Line[]) {
			target.writer?.show({lines});
		},
		isScreenReader: options.isScreenReader,
	});
	return {
		instance,
		rerender() {
			rerender(app());
		},
	};
}

/** Once Ink runs: what ends with the show, the drawings made ahead, and what opens after the first frame. */
function whileRunning(options: PresentOptions, inputs: ShowInputs, session: TerminalSession, unmount: () => void, rerender: () => void): void {
	const followers: Array<Promise<{close(): Promise<void>} | undefined>> = [];
	session.onShutdown({
		unmount,
		// The rehearsal's last write, after the terminal is given back (a signal's way out too); the
		// followers' socket and the web server end with the show.
		async close() {
			options.rehearsal?.finish();
			for (const problem of options.rehearsal?.problems() ?? []) {
				process.stderr.write(`briefing: ${problem}\n`);
			}

			await Promise.all([inputs.link?.close(), ...followers.map(async served => (await served)?.close())]);
		},
	});
	// The slides that hold an Ink component are drawn while the presenter reads the first slide.
	setTimeout(() => {
		drawAhead(inputs.deck, session.size());
		options.rehearsal?.prepare();
	}, drawAheadMs).unref();
	if (options.openLink) {
		openLinkLater(options.openLink, inputs, session, rerender);
	}

	if (options.openFollowers) {
		followers.push(openFollowersLater(options.openFollowers, inputs, session, rerender));
	}

	options.onReady?.(deckControl(inputs, rerender));
}

export async function present(options: PresentOptions): Promise<number> {
	const session = openTerminalSession({isScreenReader: options.isScreenReader ?? false, isDebug: options.isDebug});
	const inputs: ShowInputs = {deck: options.deck, theme: options.theme, link: options.link, linkProblem: undefined};
	const target = frameTarget(options, session);
	const sink = new FrameSink(session.size(), target.onFrame);
	const background = takeTerminal(options, inputs, session, sink, target);
	let rerenderShow: (() => void) | undefined;
	if (background) {
		takeThemeFrom(background, options, inputs, session, target, () => rerenderShow?.());
	}

	// A show that cannot load (a file of dist/ gone, Ink's developer tools asked for) gives the
	// terminal back and says so in one line, as a crash while it runs does.
	const loaded = await loadShow(options.view).catch((error: unknown) => {
		session.fatal(error);
	});
	if (!loaded || session.isFinished()) {
		// A signal came while Ink loaded, or it could not load: the terminal is already given back.
		return loaded ? 0 : 1;
	}

	const {instance, rerender} = mountLoaded(loaded, options, inputs, session, sink, target);
	rerenderShow = rerender;
	whileRunning(options, inputs, session, instance.unmount, rerender);
	await instance.waitUntilExit().catch(session.fatal);
	session.finish(0);
	return 0;
}

type ShowRootProps = {
	readonly options: PresentOptions;
	readonly inputs: ShowInputs;
	readonly session: TerminalSession;
	readonly App: typeof AppView;
	readonly PresenterView: typeof import('./presenter-view.js').PresenterView | undefined;
	readonly FollowerView: typeof import('./follower-view.js').FollowerView | undefined;
};

/** The audience view or the presenter view, with what the show currently has. */
function ShowRoot({options, inputs, session, App, PresenterView, FollowerView}: ShowRootProps) {
	// The presenter view shows a reload problem whole; the audience screen (and a follower) a short mark without the file's path.
	const problem = inputs.deckProblem && (PresenterView ? inputs.deckProblem : audienceMark(inputs.deckProblem));
	const common = {
		deck: inputs.deck,
		...(problem ? {deckProblem: problem} : {}),
		theme: inputs.theme,
		start: options.start,
		isRevealing: options.isRevealing,
		onSuspend() {
			// A rehearsal stops counting while the show is suspended (Ctrl+Z), until fg.
			options.rehearsal?.pause();
			session.suspend();
		},
		onFatal: session.fatal,
		...(inputs.link ? {link: inputs.link} : {}),
		...(inputs.linkProblem ? {linkProblem: inputs.linkProblem} : {}),
		...(options.rehearsal ? {rehearsal: options.rehearsal} : {}),
	};
	if (FollowerView) {
		return <FollowerView {...common} isScreenReader={options.isScreenReader ?? false} />;
	}

	const countdown = {...(options.duration ? {length: options.duration} : {}), ...(options.endAt ? {endAt: options.endAt} : {})};
	if (PresenterView) {
		return <PresenterView {...common} {...(options.duration ? {duration: options.duration} : {})} {...(options.endAt ? {endAt: options.endAt} : {})} {...(options.rehearsed ? {rehearsed: options.rehearsed} : {})} />;
	}

	return (
		<App
			{...common}
			showTimer={options.showTimer}
			countdown={countdown}
			isScreenReader={options.isScreenReader ?? false}
			{...(session.fault === 'render' ? {fault: 'render' as const} : {})}
		/>
	);
}
