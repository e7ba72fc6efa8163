import React, {type FC, useMemo, useState} from 'react';
import {Box, SelectInput, Text} from '../ink.js';
import type {Deck} from '../../deck/deck.js';
import type {Line} from '../../layout/layout.js';
import {indicatorWidth, type MenuPlace, menuRow, moreLine, sectionOf} from '../../layout/lists.js';
import type {Theme} from '../../layout/theme.js';

/**
The sections menu (m, Tab): ink-select-input's list of the deck's sections, drawn by Ink over the
menu screen's lines (the `<Frame>`'s child) in the body's place. ↑↓ j k, Enter and 1-9 are
SelectInput's own keys; the key table leaves them to it in menu mode. Enter goes to the section's
first slide.
*/
export type SectionsMenuProps = {
	readonly deck: Deck;
	readonly theme: Theme;
	/** The slide on screen: its section is marked ▶ and highlighted when the menu opens. */
	readonly current: number;
	readonly place: MenuPlace;
	readonly isFocused: boolean;
	/** Called with the chosen section's first slide. */
	readonly onSelect: (slide: number) => void;
	/** Words only (the screen-reader view): no colours, no scrolling, no markers. */
	readonly isPlain?: boolean;
};

/**
What ink-select-input shows, followed from the items it highlights: the first item in view and the
highlighted one. SelectInput keeps both to itself; one move at a time they follow from the highlight.
At an end SelectInput goes round to the other end; the menu stops there instead: SelectInput is
mounted afresh (`mount`) on the item it left, which shows the same window. (A list of two cannot
tell a step from going round: it goes round.)
*/
export type MenuWindow = {
	readonly mount: number;
	readonly limit: number;
	readonly start: number;
	readonly selected: number;
};

/** The window SelectInput opens with `initialIndex` and `limit`: the item on the last row when it is far down. */
export function openWindow(selected: number, limit: number, mount = 0): MenuWindow {
	return {mount, limit, start: Math.max(0, selected - (limit - 1)), selected};
}

export function followHighlight(window: MenuWindow, highlighted: number, count: number): MenuWindow {
	const {start, selected, limit} = window;
	const wentRound = count > 2 && ((selected === count - 1 && highlighted === 0) || (selected === 0 && highlighted === count - 1));
	if (wentRound) {
		return openWindow(selected, limit, window.mount + 1);
	}

	const first = highlighted < start ? highlighted : highlighted >= start + limit ? highlighted - limit + 1 : start;
	return {...window, start: first, selected: highlighted};
}

function LineText({line, theme, isPlain}: {readonly line: Line; readonly theme: Theme; readonly isPlain: boolean}) {
	return (
		<Text wrap="truncate">
			{line.map((segment, index) => (
				// Segments have no identity beyond their place in the line.
				// eslint-disable-next-line react/no-array-index-key
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
	const {deck, theme, current, place, isFocused, onSelect, isPlain = false} = props;
	const items = useMemo(() => deck.sections.map((section, index) => ({key: section.id, label: section.title, value: index})), [deck]);
	const count = items.length;
	const fits = isPlain || count <= place.rows;
	const limit = fits ? count : Math.max(1, place.rows - 2);
	const [window, setWindow] = useState(() => openWindow(sectionOf(deck, current), limit));
	const [shownDeck, setShownDeck] = useState(deck);
	if (shownDeck !== deck) {
		// The deck was read again (an edited deck file): SelectInput opens again on the slide's section.
		setShownDeck(deck);
		setWindow(openWindow(sectionOf(deck, current), limit, window.mount + 1));
	} else if (window.limit !== limit) {
		// A resize: SelectInput opens again at the new size on the same section.
		setWindow(openWindow(window.selected, limit, window.mount + 1));
	}

	const {Item, Indicator} = useRowComponents(props);
	const marker = (direction: 'above' | 'below', isShown: boolean) => (
		<Box height={1}>{isShown ? <LineText line={moreLine(direction, indicatorWidth)} theme={theme} isPlain={isPlain} /> : null}</Box>
	);
	return (
		<Box flexDirection="column" marginTop={place.top} marginLeft={place.left} width={place.width}>
			{fits ? null : marker('above', window.start > 0)}
			<SelectInput
				key={window.mount}
				items={items}
				limit={limit}
				initialIndex={window.selected}
				isFocused={isFocused}
				indicatorComponent={Indicator}
				itemComponent={Item}
				onHighlight={item => {
					setWindow(shown => followHighlight(shown, item.value, count));
				}}
				onSelect={item => {
					onSelect(deck.sections[item.value]?.start ?? 0);
				}}
			/>
			{fits ? null : marker('below', window.start + limit < count)}
		</Box>
	);
}
