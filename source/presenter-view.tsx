import React, {useCallback, useEffect, useMemo} from 'react';
import {Box, useApp, useStdin} from 'ink';
import {ErrorBoundary, useNavigation} from './app.js';
import type {Deck} from './deck.js';
import {Lines} from './components/lines.js';
import {SlideList} from './components/slide-list.js';
import {formatWall, useClock} from './hooks/use-clock.js';
import {useKeymap} from './hooks/use-keymap.js';
import {usePeerLink} from './hooks/use-peer-link.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {modeOf} from './navigation.js';
import {planTalk} from './pace.js';
import type {PeerLink} from './peer.js';
import {presenterLines} from './presenter-screen.js';
import {isTooSmall, minimumSize, type Size, tooSmallLines} from './screen.js';
import type {Theme} from './theme.js';

/**
The presenter's screen (`briefing --presenter`): the same keys and the same navigation state as the
audience view, kept in step over the link; a different picture. It never blanks itself: when the
audience screen is blanked it says so and keeps the notes up.
*/
export type PresenterViewProps = {
	readonly deck: Deck;
	readonly theme: Theme;
	readonly start?: number;
	readonly isRevealing?: boolean;
	/** The planned length of the talk (ms), for the pace; none shows elapsed time only. */
	readonly duration?: number;
	readonly size?: Size;
	readonly link?: PeerLink;
	readonly refresh?: number;
	readonly onSuspend?: () => void;
	readonly onFatal?: (error: unknown) => void;
};

export function PresenterView(props: PresenterViewProps) {
	return (
		<ErrorBoundary onFatal={props.onFatal}>
			<Presenter {...props} />
		</ErrorBoundary>
	);
}

function Presenter({deck, theme, start = 0, isRevealing = true, duration, size: fixedSize, link, refresh = 0, onSuspend}: PresenterViewProps) {
	const [state, dispatch] = useNavigation(deck, start, isRevealing);
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	const size = useTerminalSize(fixedSize, refresh);
	const mode = modeOf(state);
	const status = usePeerLink(link, state, dispatch);
	const clock = useClock(true, state.timerEpoch);
	const plan = useMemo(() => (duration ? planTalk(duration, deck.slides.length) : undefined), [duration, deck]);
	useKeymap(mode, dispatch, isRawModeSupported);

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

	const onSelect = useCallback((index: number) => {
		dispatch({type: 'go-to', index});
	}, []);

	if (isTooSmall(size)) {
		return <Lines lines={tooSmallLines(size, minimumSize, `slide ${state.index + 1}/${deck.slides.length}`)} theme={theme} />;
	}

	const lines = presenterLines(deck, state, size, {
		elapsed: clock.elapsed,
		wall: formatWall(clock.wall),
		...(plan ? {plan} : {}),
		...(status ? {status} : {}),
	});
	if (mode === 'menu' || mode === 'overview') {
		const rows = Math.max(1, size.rows - 1 - 6);
		return (
			<Box flexDirection="column" height={size.rows - 1}>
				<Lines lines={lines.slice(0, 3)} theme={theme} />
				<Box height={rows} paddingLeft={2}>
					<SlideList deck={deck} theme={theme} kind={mode} current={state.index} height={rows} width={size.columns - 4} onSelect={onSelect} />
				</Box>
				<Lines lines={lines.slice(-3)} theme={theme} />
			</Box>
		);
	}

	return <Lines lines={lines} theme={theme} />;
}
