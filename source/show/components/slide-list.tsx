import React from 'react';
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import type {Deck} from '../../deck/deck.js';
import type {Theme} from '../../layout/theme.js';

export type SlideListProps = {
	readonly deck: Deck;
	readonly theme: Theme;
	/** 'menu': sections with their slides under them; 'overview': every slide numbered. */
	readonly kind: 'menu' | 'overview';
	readonly current: number;
	readonly height: number;
	readonly width: number;
	readonly onSelect: (index: number) => void;
};

type Item = {key: string; label: string; value: number};

function items(deck: Deck, kind: SlideListProps['kind'], current: number): Item[] {
	const list: Item[] = [];
	for (const section of deck.sections) {
		if (kind === 'menu') {
			const last = section.start + section.count;
			const range = section.count > 1 ? `slides ${section.start + 1}-${last}` : `slide ${last}`;
			list.push({key: `section-${section.id}`, label: `${section.title}  (${range})`, value: section.start});
		}

		for (let index = section.start; index < section.start + section.count; index++) {
			const slide = deck.slides[index];
			if (!slide) {
				continue;
			}

			const mark = index === current ? '▶' : ' ';
			const label =
				kind === 'menu' ? `   ${mark} ${index + 1}. ${slide.title}` : `${mark} ${String(index + 1).padStart(2)}. ${slide.title}  · ${section.title}`;
			list.push({key: `slide-${slide.id}`, label, value: index});
		}
	}

	return list;
}

/** The sections menu (m, Tab) and the overview (o): one list, Enter jumps, Esc closes. */
export function SlideList({deck, theme, kind, current, height, width, onSelect}: SlideListProps) {
	const list = items(deck, kind, current);
	const initial = Math.max(
		0,
		list.findIndex(item => item.value === current && item.key.startsWith('slide-')),
	);
	const limit = Math.max(3, height - 2);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text {...theme.roles.heading}>{kind === 'menu' ? 'Sections' : 'Overview'}</Text>
			<Text {...theme.roles.muted}>↑↓ choose · Enter go · Esc close</Text>
			<SelectInput
				items={list}
				limit={limit}
				initialIndex={initial}
				onSelect={item => {
					onSelect(item.value);
				}}
				indicatorComponent={({isSelected}) => <Text {...theme.roles.accent}>{isSelected ? '›' : ' '}</Text>}
				itemComponent={({isSelected, label}) => (
					<Text wrap="truncate-end" {...(isSelected ? theme.roles.selected : theme.roles.body)}>
						{label}
					</Text>
				)}
			/>
		</Box>
	);
}
