import React, {Component, type ReactNode, Suspense, useCallback, useEffect, useMemo, useReducer} from 'react';
import {Box, Text, useApp, useIsScreenReaderEnabled, useStdin} from 'ink';
import type {Deck} from '../deck/deck.js';
import {Frame} from './components/frame.js';
import {deferDrawings} from './deferred-drawings.js';
import {ScreenReaderView} from './components/screen-reader-view.js';
import {LazySlideList as SlideList} from './components/lazy-slide-list.js';
import {formatElapsed, useClock} from './hooks/use-clock.js';
import {useKeymap} from './hooks/use-keymap.js';
import {usePeerLink} from './hooks/use-peer-link.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {initNavigation, modeOf, navigate} from './navigation.js';
import {useBriefly, useDeckReload} from './hooks/use-deck-reload.js';
import type {PeerLink} from '../link/peer.js';
import {
	bodyRows,
	contentWidth,
	frameLines,
	headerRows,
	hints,
	isTooSmall,
	screenLines,
	type Size,
} from '../layout/screen.js';
import {screenReaderLines} from '../outputs/screen-reader.js';
import type {Theme} from '../layout/theme.js';

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
};


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

export function App(props: AppProps) {
	const [, drawn] = useReducer((count: number) => count + 1, 0);
	const deck = useMemo(() => deferDrawings(props.deck, drawn), [props.deck]);
	return (
		<ErrorBoundary onFatal={props.onFatal}>
			{/* A slide's Ink component is drawn after the render that first needs it (deferred-drawings.ts). */}
			<Suspense fallback={null}>
				<Show {...props} deck={deck} />
			</Suspense>
		</ErrorBoundary>
	);
}

function useNavigation(deck: Deck, start: number, isRevealing: boolean) {
	return useReducer(navigate, {units: deck.slides.map(slide => slide.units), start, isRevealing}, initNavigation);
}


type ShowProps = Pick<AppProps, 'deck' | 'start' | 'isRevealing' | 'size' | 'link' | 'onSuspend'>;

/** What every view of the show shares: the state, the keys, the size, the peer link, quit and suspend. */
export function useShow({deck, start = 0, isRevealing = true, size: fixedSize, link, onSuspend}: ShowProps) {
	const [reduced, dispatch] = useNavigation(deck, start, isRevealing);
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	const size = useTerminalSize(fixedSize);
	const {status, dispatch: act, adopt, latest} = usePeerLink(link, reduced, dispatch);
	const state = useDeckReload(deck, reduced, adopt, latest);
	const mode = modeOf(state);
	const currentMode = useCallback(() => modeOf(latest()), [latest]);
	useKeymap(currentMode, act, isRawModeSupported);

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

	const onSelect = useCallback(
		(index: number) => {
			act({type: 'go-to', index});
		},
		[act],
	);
	return {state, size, mode, status, onSelect};
}

function Show(props: AppProps) {
	const {deck, theme, showTimer = false, isScreenReader, fault} = props;
	if (fault === 'render') {
		throw new Error('a fault thrown while rendering, on request (BRIEFING_FAULT=render)');
	}

	const show = useShow(props);
	const {state, size, mode, onSelect} = show;
	const status = useBriefly(props.deckProblem) ?? show.status ?? props.linkProblem;
	const isInkScreenReader = useIsScreenReaderEnabled();
	const clock = useClock(showTimer, state.timerEpoch);

	if (isScreenReader ?? isInkScreenReader) {
		// Words only: no header, rules or footer. The menus keep their list, which reads as lines.
		return mode === 'menu' || mode === 'overview' ? (
			<SlideList deck={deck} theme={theme} kind={mode} current={state.index} height={Math.max(8, size.rows - 2)} width={size.columns} onSelect={onSelect} />
		) : (
			<ScreenReaderView lines={screenReaderLines(deck, state, status)} theme={theme} columns={size.columns} />
		);
	}

	if (mode === 'blank' && !isTooSmall(size)) {
		const fill = state.blank === 'white' ? theme.white : theme.black;
		const row = ' '.repeat(size.columns);
		return (
			<Frame lines={[]}>
				<Box flexDirection="column">
					{Array.from({length: size.rows}, (_, index) => (
						<Text key={index} {...fill}>
							{row}
						</Text>
					))}
				</Box>
			</Frame>
		);
	}

	const timer = showTimer ? formatElapsed(clock.elapsed) : undefined;
	if ((mode === 'menu' || mode === 'overview') && !isTooSmall(size)) {
		const lines = frameLines(deck, state, size, [], hints[mode], {...(status ? {status} : {})});
		const rows = bodyRows(size);
		const width = contentWidth(size);
		const margin = Math.max(2, Math.floor((size.columns - width) / 2));
		return (
			<Frame lines={lines}>
				<Box marginTop={headerRows} height={rows} paddingLeft={margin}>
					<SlideList deck={deck} theme={theme} kind={mode} current={state.index} height={rows} width={width} onSelect={onSelect} />
				</Box>
			</Frame>
		);
	}

	return <Frame lines={screenLines(deck, state, size, status, timer)} />;
}
