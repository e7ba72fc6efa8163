import React, {Component, type ReactNode, Suspense, useCallback, useEffect, useMemo, useReducer} from 'react';
import {Box, useApp, useIsScreenReaderEnabled, useStdin} from './ink.js';
import {type Deck, stepCounts} from '../deck/deck.js';
import {Frame} from './components/frame.js';
import {LazySectionsMenu} from './components/lazy-sections-menu.js';
import {deferDrawings} from './deferred-drawings.js';
import {ScreenReaderView} from './components/screen-reader-view.js';
import {useClock} from './hooks/use-clock.js';
import {useForAWhile} from './hooks/use-for-a-while.js';
import {countdownText, useRehearsal} from './hooks/use-rehearsal.js';
import type {Countdown} from './hooks/use-pace.js';
import type {Rehearsal} from './rehearsal.js';
import {useKeymap} from './hooks/use-keymap.js';
import {usePeerLink} from './hooks/use-peer-link.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import type {View} from '../model/keymap.js';
import {initNavigation, modeOf, navigate} from '../model/navigation.js';
import {useDeckReload} from './hooks/use-deck-reload.js';
import {useShowFeed} from '../follow/use-show-feed.js';
import {type PeerLink, presenterConnected} from '../link/peer.js';
import {lineText} from '../text/lines.js';
import {overviewGrid, overviewLines} from '../layout/lists.js';
import {isTooSmall, menuPlaceOnScreen, screenLines, type Size} from '../layout/screen.js';
import {screenReaderLines} from '../outputs/screen-reader.js';
import type {Theme} from '../text/theme.js';

export type AppProps = {
	readonly deck: Deck;
	readonly theme: Theme;
	/** 0-based slide to start on. */
	readonly start?: number;
	readonly isRevealing?: boolean;
	readonly showTimer?: boolean;
	/** A fixed size instead of the terminal's (tests). */
	readonly size?: Size;
	readonly link?: PeerLink;
	/** Called when the state asks to suspend (Ctrl+Z); the lifecycle owns the terminal. */
	readonly onSuspend?: () => void;
	readonly onFatal?: (error: unknown) => void;
	/** Linear text for screen readers instead of the drawn frame; default: Ink's `isScreenReaderEnabled`. */
	readonly isScreenReader?: boolean;
	/** Why there is no presenter link (shown in the footer when there is no link status). */
	readonly linkProblem?: string;
	/** Why the deck file could not be read again (live reload): the last good deck stays up. */
	readonly deckProblem?: string;
	/** A test hook (BRIEFING_FAULT=render): throw while rendering, to prove the crash path. */
	readonly fault?: 'render';
	/** The time source of the timer (tests drive it); default Date.now. */
	readonly now?: () => number;
	/** A rehearsal (--rehearse) that records how long each slide and reveal step is up. */
	readonly rehearsal?: Rehearsal;
	/** What --timer counts down: the talk's length (ms), or to an --end-at time; default: it counts up. */
	readonly countdown?: Countdown;
	/** How long the first slide's key hint and a new link status stay (ms); tests shorten them. */
	readonly hintMs?: number;
	readonly statusMs?: number;
};

/** How long the footer's key hint (first slide) and a new link status stay on the audience screen. */
export const hintMs = 6000;
export const statusMs = 4000;
/** How long "no slide 99" stays (the next key clears it sooner). */
export const noticeMs = 4000;
/** How long the audience footer shows a deck that no longer reads (the presenter view keeps it up). */
export const deckProblemMs = 6000;

/** The audience view says nothing about keys once a presenter view drives it. */
export function isPresenterLinked(status: string | undefined): boolean {
	return status === presenterConnected;
}


type BoundaryProps = {readonly onFatal?: (error: unknown) => void; readonly children: ReactNode};

/** A slide that throws must not leave the terminal wedged: hand the error to the lifecycle. */
export class ErrorBoundary extends Component<BoundaryProps, {failed: boolean}> {
	override state = {failed: false};

	static getDerivedStateFromError() {
		return {failed: true};
	}

	override componentDidCatch(error: unknown) {
		this.props.onFatal?.(error);
	}

	override render() {
		return this.state.failed ? null : this.props.children;
	}
}

/** A screen of the show (the audience's, the presenter's) around its deck: a crash goes to `onFatal`. */
export function ShowRoot(props: {readonly deck: Deck; readonly onFatal?: (error: unknown) => void; readonly children: (deck: Deck) => ReactNode}) {
	const [, drawn] = useReducer((count: number) => count + 1, 0);
	const deck = useMemo(() => deferDrawings(props.deck, drawn), [props.deck]);
	return (
		<ErrorBoundary onFatal={props.onFatal}>
			{/* A slide's Ink component is drawn after the render that first needs it (deferred-drawings.ts). */}
			<Suspense fallback={null}>{props.children(deck)}</Suspense>
		</ErrorBoundary>
	);
}

export function App(props: AppProps) {
	return <ShowRoot deck={props.deck} onFatal={props.onFatal}>{deck => <Show {...props} deck={deck} />}</ShowRoot>;
}

function useNavigation(deck: Deck, start: number, isRevealing: boolean) {
	const sections = deck.sections.map(section => section.start);
	return useReducer(navigate, {units: stepCounts(deck), sections, start, isRevealing}, initNavigation);
}


type ShowProps = Pick<AppProps, 'deck' | 'start' | 'isRevealing' | 'size' | 'link' | 'onSuspend' | 'rehearsal'> & {readonly view?: View};

/** What every view of the show shares: the state, the keys, the size, the peer link, quit and suspend. */
export function useShow({deck, start = 0, isRevealing = true, size: fixedSize, link, onSuspend, view = 'audience', rehearsal}: ShowProps) {
	const [reduced, dispatch] = useNavigation(deck, start, isRevealing);
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	const size = useTerminalSize(fixedSize);
	const {status, dispatch: act, adopt, latest} = usePeerLink(link, reduced, dispatch);
	const state = useDeckReload(deck, reduced, adopt, latest);
	const mode = modeOf(state);
	const currentMode = useCallback(() => modeOf(latest()), [latest]);
	useKeymap(currentMode, act, isRawModeSupported, view);
	// Followers and the remote page see and move what the audience view shows (follow/feed.ts).
	useShowFeed(view === 'audience', state, deck, act, currentMode);

	// The overview's ↑↓ move a row of cards: the reducer learns how many cards a row holds.
	const gridColumns = overviewGrid(size, deck.slides.length).columns;
	useEffect(() => {
		act({type: 'grid', columns: gridColumns});
	}, [gridColumns, act]);

	useEffect(() => {
		if (state.isQuitting) {
			exit();
		}
	}, [state.isQuitting, exit]);

	useEffect(() => {
		if (state.suspendCount > 0) {
			onSuspend?.();
		}
	}, [state.suspendCount]);

	const timingsNote = useRehearsal(rehearsal, deck, state);
	return {state, size, mode, status, timingsNote};
}

function Show(props: AppProps) {
	const {deck, theme, showTimer = false, isScreenReader, fault, now} = props;
	if (fault === 'render') {
		throw new Error('a fault thrown while rendering, on request (BRIEFING_FAULT=render)');
	}

	const show = useShow(props);
	const {state, size, mode} = show;
	const isLinked = isPresenterLinked(show.status);
	// The link's status and the key hint come and go; the presenter view keeps its status.
	const linkStatus = useForAWhile(show.status ?? props.linkProblem, props.statusMs ?? statusMs);
	const deckStatus = useForAWhile(props.deckProblem, deckProblemMs);
	// What the save-timings key did, for a few seconds.
	const timingsNote = useForAWhile(show.timingsNote, noticeMs)?.text;
	const status = timingsNote ?? deckStatus ?? linkStatus;
	const isHintTime = useForAWhile(true, props.hintMs ?? hintMs) ?? false;
	const notice = useForAWhile(state.notice || undefined, noticeMs) ?? '';
	const isInkScreenReader = useIsScreenReaderEnabled();
	const clock = useClock(showTimer && state.isTimerRunning, state.timerEpoch, now);

	if (isScreenReader ?? isInkScreenReader) {
		// Words only: no header, rules or footer. The overview's list reads as lines; the menu is its list.
		const lines =
			mode === 'menu'
				? [`Sections, on slide ${state.index + 1} of ${deck.slides.length}.`]
				: mode === 'overview'
					? overviewLines(deck, state, size).map(line => lineText(line).trim()).filter(Boolean)
					: screenReaderLines(deck, state, status);
		return (
			<Box flexDirection="column">
				<ScreenReaderView lines={lines} theme={theme} columns={size.columns} />
				{mode === 'menu' ? (
					<LazySectionsMenu isPlain deck={deck} theme={theme} current={state.index} cursor={state.menuCursor} place={{top: 0, left: 0, width: Math.min(size.columns - 1, 72), rows: deck.sections.length}} />
				) : null}
			</Box>
		);
	}

	const timer = showTimer ? countdownText(props.countdown, clock) : undefined;
	const extras = {
		...(status ? {status} : {}),
		...(timer ? {timer} : {}),
		showHints: !isLinked && state.index === 0 && isHintTime,
	};
	// The sections menu's list is ink-select-input's, drawn by Ink over the menu screen's lines; its
	// highlight is the navigation state's (the key table moves it, ink-select-input reads no key).
	const menu =
		mode === 'menu' && !isTooSmall(size) ? (
			<LazySectionsMenu deck={deck} theme={theme} current={state.index} cursor={state.menuCursor} place={menuPlaceOnScreen(size, deck)} />
		) : null;
	return <Frame lines={screenLines(deck, {...state, notice}, size, extras)}>{menu}</Frame>;
}
