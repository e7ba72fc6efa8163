import React, {lazy, Suspense} from 'react';
import type {SlideListProps} from './slide-list.js';

/** The sections menu and overview load when first opened, not on the way to the first slide. */
const SlideList = lazy(async () => {
	const module = await import('./slide-list.js');
	return {default: module.SlideList};
});

export function LazySlideList(props: SlideListProps) {
	return (
		<Suspense fallback={null}>
			<SlideList {...props} />
		</Suspense>
	);
}
