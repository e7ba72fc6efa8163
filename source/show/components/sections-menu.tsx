import {type FC, useMemo, useState} from 'react';
import {Box, SelectInput, Text} from '../ink.js';
import type {Deck} from '../../deck/deck.js';
import type {Line} from '../../text/lines.js';
import {indicatorWidth, type MenuPlace, menuRow, moreLine, sectionOf} from '../../layout/lists.js';
import type {Theme} from '../../text/theme.js';

/**
The sections menu (m, Tab): ink-select-input's list of the deck's sections, drawn by Ink over the
menu screen's lines (the `<Frame>`'s child) in the body's place. It reads no key: the key table moves
the highlight (the navigation state's `menuCursor`) and chooses, so a key in the menu is handled
once, by one handler, however fast the keys come (ink-select-input's own input handler would see each
key beside the table's, and the Enter that chose a section would step the slide too).
*/
export type SectionsMenuProps = {
	readonly deck: Deck;
	readonly theme: Theme;
	/** The slide on screen: its section is marked ▶. */
	readonly current: number;
	/** The highlighted section (0-based). */
	readonly cursor: number;
	readonly place: MenuPlace;
	/** Words only (the screen-reader view): no colours, no scrolling, no markers. */
	readonly isPlain?: boolean;
};

/** The rows in view: the first section shown, and how many rows the list has. */
export type MenuWindow = {readonly start: number; readonly limit: number};

/** The window a menu opens with: the highlight on the last row when it is far down. */
export function openWindow(cursor: number, limit: number): MenuWindow {
	return {limit, start: Math.max(0, cursor - (limit - 1))};
}

/** The window after the highlight moved: it scrolls only as far as keeps the highlight in view. */
export function followCursor(window: MenuWindow, cursor: number, count: number): MenuWindow {
	const {start, limit} = window;
	const first = cursor < start ? cursor : cursor >= start + limit ? cursor - limit + 1 : start;
	const clamped = Math.max(0, Math.min(first, count - limit));
	return clamped === start ? window : {...window, start: clamped};
}

function LineText({line, theme, isPlain}: {readonly line: Line; readonly theme: Theme; readonly isPlain: boolean}) {
	return (
		<Text wrap="truncate">
			{line.map((segment, index) => (
				// Segments have no identity beyond their place in the line.
				<Text key={index} {...(isPlain ? {} : theme.roles[segment.role])}>
					{segment.text}
				</Text>
			))}
		</Text>
	);
}

/** ink-select-input's item and indicator, as the menu draws them. */
function useRowComponents({deck, theme, current, place, isPlain = false}: SectionsMenuProps) {
	return useMemo(() => {
		const here = sectionOf(deck, current);
		const width = place.width - indicatorWidth;
		// SelectInput passes each item's fields to its item component: `value` is the section.
		const Item: FC<{readonly isSelected?: boolean; readonly label: string; readonly value?: number}> = ({isSelected = false, value = 0}) => (
			<LineText line={menuRow(deck, value, width, {isCurrent: value === here, isSelected})} theme={theme} isPlain={isPlain} />
		);
		const Indicator: FC<{readonly isSelected?: boolean}> = ({isSelected = false}) => (
			<Text {...(isPlain ? {} : theme.roles[isSelected ? 'selected' : 'accent'])}>{(isSelected ? '›' : ' ').padEnd(indicatorWidth)}</Text>
		);
		return {Item, Indicator};
	}, [deck, theme, current, place.width, isPlain]);
}

export function SectionsMenu(props: SectionsMenuProps) {
	const {deck, theme, cursor, place, isPlain = false} = props;
	const items = useMemo(() => deck.sections.map((section, index) => ({key: section.id, label: section.title, value: index})), [deck]);
	const count = items.length;
	const fits = isPlain || count <= place.rows;
	const limit = fits ? count : Math.max(1, place.rows - 2);
	const [window, setWindow] = useState(() => openWindow(cursor, limit));
	const [shownDeck, setShownDeck] = useState(deck);
	const [mount, setMount] = useState(0);
	if (shownDeck !== deck || window.limit !== limit) {
		// The deck was read again, or a resize: the list opens again on the highlighted section.
		setShownDeck(deck);
		setMount(mount + 1);
		setWindow(openWindow(cursor, limit));
	} else if (followCursor(window, cursor, count) !== window) {
		setWindow(followCursor(window, cursor, count));
	}

	const {Item, Indicator} = useRowComponents(props);
	const marker = (direction: 'above' | 'below', isShown: boolean) => (
		<Box height={1}>{isShown ? <LineText line={moreLine(direction, indicatorWidth)} theme={theme} isPlain={isPlain} /> : null}</Box>
	);
	const shown = items.slice(window.start, window.start + limit);
	return (
		<Box flexDirection="column" marginTop={place.top} marginLeft={place.left} width={place.width}>
			{fits ? null : marker('above', window.start > 0)}
			{/* Mounted afresh on each move: ink-select-input takes its highlight from initialIndex only as it mounts (test/ink-behaviour.test.tsx). */}
			<SelectInput
				key={`${mount}:${window.start}:${cursor}`}
				items={shown}
				initialIndex={Math.max(0, cursor - window.start)}
				isFocused={false}
				indicatorComponent={Indicator}
				itemComponent={Item}
			/>
			{fits ? null : marker('below', window.start + limit < count)}
		</Box>
	);
}
