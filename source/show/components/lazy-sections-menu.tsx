import {lazy, Suspense} from 'react';
import {loadSelectInput} from '../ink.js';
import type {SectionsMenuProps} from './sections-menu.js';

/** The sections menu and ink-select-input load when the menu is first opened, not on the way to the first slide. */
const load = async () => {
	const [menu] = await Promise.all([import('./sections-menu.js'), loadSelectInput()]);
	return menu;
};

const SectionsMenu = lazy(async () => ({default: (await load()).SectionsMenu}));

export function LazySectionsMenu(props: SectionsMenuProps) {
	return (
		<Suspense fallback={null}>
			<SectionsMenu {...props} />
		</Suspense>
	);
}
