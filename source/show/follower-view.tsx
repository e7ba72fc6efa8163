import React, {useEffect, useReducer, useRef, useState} from 'react';
import {Box, useApp, useInput, useStdin} from './ink.js';
import {type Deck, stepCounts} from '../deck/deck.js';
import {type AppProps, ShowRoot} from './app.js';
import {Frame} from './components/frame.js';
import {ScreenReaderView} from './components/screen-reader-view.js';
import {useDeckReload} from './hooks/use-deck-reload.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {initNavigation, navigate, type NavigationAction, type NavigationState} from '../model/navigation.js';
import type {PeerLink} from '../link/peer.js';
import {indentLines, seg, type Line} from '../text/lines.js';
import {wrap} from '../text/wrap.js';
import {bodyRows, contentWidth, frameLines, isTooSmall, screenLines, type Size} from '../layout/screen.js';
import {screenReaderLines} from '../outputs/screen-reader.js';

/**
A follower (`briefing --follow`): the audience view's slide, step and blank screen, drawn at this
terminal's own size, in its own theme, or as linear text with `--screen-reader`. It has its own key
handler (not the key table's): q and Ctrl+C quit, ? shows what a follower's keys are, Ctrl+Z
suspends; nothing else does anything, and nothing is ever sent to the show.
*/
export type FollowerViewProps = Pick<AppProps, 'deck' | 'theme' | 'isRevealing' | 'isScreenReader' | 'link' | 'linkProblem' | 'deckProblem' | 'size' | 'onSuspend' | 'onFatal'>;

/** The follower's help: why its keys do nothing, and the few that do something. */
export const followerIntro = 'You are following the show: this screen shows what the audience screen shows, and moves when the show moves. Your keys never move the show.';
export const followerKeys = [
	['q, Ctrl+C', 'Quit'],
	['?', 'Show or hide this help'],
	['Ctrl+Z', 'Suspend (fg returns)'],
] as const;

function helpBody(size: Size): Line[] {
	const width = contentWidth(size);
	const keyWidth = Math.max(...followerKeys.map(([keys]) => keys.length)) + 3;
	const lines: Line[] = [[], ...wrap(followerIntro, width).map(text => [seg(text, 'body')]), [], ...followerKeys.map(([keys, label]) => [seg(keys.padEnd(keyWidth), 'accent'), seg(label, 'body')])];
	return indentLines(lines.slice(0, bodyRows(size)), 2);
}

export function FollowerView(props: FollowerViewProps) {
	return <ShowRoot deck={props.deck} onFatal={props.onFatal}>{deck => <Follower {...props} deck={deck} />}</ShowRoot>;
}

/** The show's position as the link hands it, applied through the reducer's 'sync' (as a peer's move is). */
function useFollowedState(deck: Deck, link: PeerLink | undefined, isRevealing: boolean) {
	const [reduced, dispatch] = useReducer(navigate, {units: stepCounts(deck), sections: deck.sections.map(section => section.start), isRevealing}, initNavigation);
	const latest = useRef(reduced);
	latest.current = reduced;
	const [status, setStatus] = useState<string | undefined>(undefined);
	useEffect(() => {
		if (!link) {
			return;
		}

		const off = link.onPosition(position => {
			dispatch({type: 'sync', ...position});
		});
		const offStatus = link.onStatus(setStatus);
		return () => {
			off();
			offStatus();
		};
	}, [link]);
	const adopt = (action: NavigationAction) => {
		latest.current = navigate(latest.current, action);
		dispatch(action);
	};

	const state = useDeckReload(deck, reduced, adopt, () => latest.current);
	return {state, status};
}

function Follower(props: FollowerViewProps) {
	const {deck, theme, isScreenReader = false} = props;
	const {state, status: linkStatus} = useFollowedState(deck, props.link, props.isRevealing ?? true);
	const [isHelp, setHelp] = useState(false);
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	const size = useTerminalSize(props.size);
	useInput(
		(input, key) => {
			if ((key.ctrl && input === 'c') || (!key.ctrl && !key.meta && input === 'q')) {
				exit();
			} else if (key.ctrl && input === 'z') {
				props.onSuspend?.();
			} else if (input === '?' || (isHelp && key.escape)) {
				setHelp(!isHelp);
			}
		},
		{isActive: isRawModeSupported},
	);
	const status = props.deckProblem ?? props.linkProblem ?? (linkStatus === 'following the show' ? 'following · ? help · q quit' : linkStatus);
	if (isScreenReader) {
		return <Box flexDirection="column"><ScreenReaderView lines={readerLines(deck, state, status, isHelp)} theme={theme} columns={size.columns} /></Box>;
	}

	if (isHelp && !isTooSmall(size)) {
		return <Frame lines={frameLines(deck, {...state, blank: 'none'}, size, helpBody(size), [], status ? {status} : {})} />;
	}

	return <Frame lines={screenLines(deck, state, size, {...(status ? {status} : {}), showHints: false})} />;
}

/** The screen reader's lines: the slide as the audience view reads it, but a follower has no key to unblank. */
function readerLines(deck: Deck, state: NavigationState, status: string | undefined, isHelp: boolean): string[] {
	if (isHelp) {
		return [followerIntro, ...followerKeys.map(([keys, label]) => `${label}: ${keys}.`)];
	}

	if (state.blank !== 'none') {
		return [`The audience screen is blanked (${state.blank}), on slide ${state.index + 1} of ${deck.slides.length}.`, ...(status ? [status] : [])];
	}

	// The last line names the keys that move the show: a follower's do not.
	return [...screenReaderLines(deck, state, status).slice(0, -1), 'Following the show. Quit: q.'];
}
