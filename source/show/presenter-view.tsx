import React, {useEffect, useRef, useState} from 'react';
import {type AppProps, noticeMs, ShowRoot, statusMs, useShow} from './app.js';
import {useForAWhile} from './hooks/use-for-a-while.js';
import {Frame} from './components/frame.js';
import {LazySectionsMenu} from './components/lazy-sections-menu.js';
import {useClock} from './hooks/use-clock.js';
import {formatWall} from '../model/clock.js';
import {type Countdown, usePaceReadout} from './hooks/use-pace.js';
import {presenterLines, presenterMenuPlace, presenterMinimum} from '../layout/presenter-screen.js';
import {tooSmallLines} from '../layout/screen.js';

/**
The presenter's screen (`briefing --presenter`): the same keys and the same navigation state as the
audience view, kept in step over the link; a different picture. It never blanks itself: when the
audience screen is blanked it says so and keeps the notes up.
*/
/** The audience app's props that the presenter view takes too (`now` drives its timer and clock). */
export type PresenterViewProps = Pick<AppProps, 'deck' | 'theme' | 'start' | 'isRevealing' | 'size' | 'link' | 'onSuspend' | 'onFatal' | 'deckProblem' | 'now' | 'rehearsal'> & {
	/** The planned length of the talk (ms), for the pace; none shows elapsed time only (or the deck's `duration`). */
	readonly duration?: number;
	/** --end-at: count down to a time on the wall clock instead of a length. */
	readonly endAt?: Countdown['endAt'];
	/** Rehearsed time per slide id (the median of the rehearsals): the plan paces against them. */
	readonly rehearsed?: ReadonlyMap<string, number>;
};

export function PresenterView(props: PresenterViewProps) {
	return <ShowRoot deck={props.deck} onFatal={props.onFatal}>{deck => <Presenter {...props} deck={deck} />}</ShowRoot>;
}

/** The link's everyday states; anything else (a refused position, a dropped peer) is news. */
const routine = /^(?:$|waiting for the|audience view connected|presenter view connected)/;

/**
The link's status, news held for `ms` (a refused position, a dropped connection) even when the link
moves straight on to its everyday state, so the presenter can read it.
*/
export function useHeldStatus(status: string | undefined, ms: number): string | undefined {
	const [held, setHeld] = useState<string | undefined>(undefined);
	const timer = useRef<NodeJS.Timeout | undefined>(undefined);
	useEffect(() => {
		if (status === undefined || routine.test(status)) {
			return;
		}

		setHeld(status);
		clearTimeout(timer.current);
		timer.current = setTimeout(() => {
			setHeld(undefined);
		}, ms);
	}, [status, ms]);
	useEffect(
		() => () => {
			clearTimeout(timer.current);
		},
		[],
	);
	return held ?? status;
}

function Presenter(props: PresenterViewProps) {
	const {deck, theme, duration, endAt, rehearsed, now = Date.now} = props;
	const show = useShow({...props, view: 'presenter'});
	const {state, size, mode} = show;
	// The deck's problem has a line of its own; the header has it too while that line says "blanked".
	const linkStatus = useHeldStatus(show.status, statusMs);
	const timingsNote = useForAWhile(show.timingsNote, noticeMs)?.text;
	const status = timingsNote ?? (state.blank === 'none' ? undefined : props.deckProblem) ?? linkStatus ?? (props.rehearsal ? 'rehearsal: timings kept' : undefined);
	const clock = useClock(state.isTimerRunning, state.timerEpoch, now);
	const readout = usePaceReadout(deck, state, clock, {...(duration ? {duration} : {}), ...(endAt ? {endAt} : {}), ...(rehearsed ? {rehearsed} : {}), now});
	// "no slide 99" for a few seconds, or until the next key.
	const notice = useForAWhile(state.notice || undefined, noticeMs) ?? '';

	if (size.columns < presenterMinimum.columns || size.rows < presenterMinimum.rows) {
		return <Frame lines={tooSmallLines(size, presenterMinimum, `slide ${state.index + 1}/${deck.slides.length}`)} />;
	}

	const lines = presenterLines(deck, {...state, notice}, size, {
		elapsed: clock.elapsed,
		isRunning: state.isTimerRunning,
		wall: formatWall(clock.wall),
		readout,
		...(status ? {status} : {}),
		...(props.deckProblem ? {problem: props.deckProblem} : {}),
	});
	// The sections menu's list is ink-select-input's, drawn by Ink over the presenter view's lines.
	const menu =
		mode === 'menu' ? (
			<LazySectionsMenu deck={deck} theme={theme} current={state.index} cursor={state.menuCursor} place={presenterMenuPlace(size, deck)} />
		) : null;
	return <Frame lines={lines}>{menu}</Frame>;
}
