import {type Block, blocksUpTo, revealedPart, revealUnits} from '../deck/blocks.js';
import type {Deck} from '../deck/deck.js';
import {escapeHtml, handoutCss, htmlStart, ownWords, slideHtml} from '../outputs/export-html.js';

/**
The pages of a served show, as strings: no file is ever read from disk. The follow page shows the
slides the show has been on, each as the HTML handout renders it, and keeps the live one in view;
the remote page has three buttons (a plain form, so they work without the script too), the slide's
title, its notes and the time left. Each page's script is served by the server at its own path
(the Content-Security-Policy allows scripts from 'self' only, never inline ones), and so is the
stylesheet (styles from 'self' only: the handout's inline bar widths become classes here).
*/

/** A slide's blocks as far as `step` reveals them (as the audience view lays them out: layout.ts). */
export function revealedBlocks(blocks: readonly Block[], step: number): Block[] {
	let before = 0;
	return blocksUpTo(blocks, step).flatMap(block => {
		const shown = revealedPart(block, step - before);
		before += revealUnits(block);
		return shown && shown.kind !== 'pause' ? [shown] : [];
	});
}

/**
A slide as the handout renders it, revealed as far as the audience sees it, with its bar widths as
classes (no inline style for the policy to refuse).
*/
export function followSlideHtml(deck: Deck, index: number, step = Number.POSITIVE_INFINITY): string {
	const slide = deck.slides[index];
	if (!slide) {
		return '';
	}

	return slideHtml({...slide, blocks: revealedBlocks(slide.blocks, step)}, {source: deck.source, ...(deck.lang ? {lang: deck.lang} : {})}).replaceAll(/class="fill" style="width: (\d{1,3})%"/g, 'class="fill w$1"');
}

const barWidths = Array.from({length: 101}, (_, percent) => `.w${percent} { width: ${percent}%; }`).join('\n');

const pageCss = `
header.live-bar { position: sticky; top: 0; z-index: 2; max-width: none; padding: 0; background: var(--paper); border-bottom: 3px solid var(--accent); }
.live-bar p { max-width: 46rem; margin: 0 auto; padding: .45rem 1.25rem; display: flex; flex-wrap: wrap; gap: 0 .75rem; align-items: baseline; font-size: .9rem; }
.live-bar .deck { font-weight: 700; flex: 1 0 100%; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
#where { white-space: nowrap; }
/* Room below the last slide, so the live one can always come to the top. */
.follow main { padding-bottom: 70vh; }
.state { color: var(--muted); }
.state.is-live::before { content: ""; display: inline-block; width: .6rem; height: .6rem; border-radius: 50%; background: var(--accent); margin-right: .35rem; }
.slide { scroll-margin-top: 4rem; }
.slide.is-current article { border-left: 4px solid var(--accent); padding-left: .9rem; margin-left: -1.15rem; }
.blanked { display: none; max-width: 46rem; margin: 2rem auto; padding: 1rem 1.25rem; background: var(--ink); color: var(--paper); border-radius: 6px; }
body.is-blanked .blanked { display: block; }
body.is-blanked main { display: none; }
.to-live { position: fixed; right: 1rem; bottom: 1rem; max-width: calc(100vw - 2rem); z-index: 3; font: inherit; font-weight: 700; padding: .8rem 1.2rem; border: 0; border-radius: 999px; background: var(--accent); color: var(--paper); box-shadow: 0 2px 8px rgba(0,0,0,.3); cursor: pointer; }
.to-live[hidden] { display: none; }
.remote main { padding-top: 1rem; }
.remote h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
.buttons { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; margin: 1rem 0 1.5rem; }
.buttons button { font: inherit; font-size: 1.2rem; font-weight: 700; padding: 1.2rem .5rem; border-radius: 10px; border: 2px solid var(--accent); background: var(--paper); color: var(--ink); cursor: pointer; touch-action: manipulation; }
.buttons .next { grid-column: 1 / -1; background: var(--accent); color: var(--paper); padding: 2rem .5rem; font-size: 1.5rem; }
.buttons .black { background: var(--ink); color: var(--paper); border-color: var(--ink); }
.where { color: var(--muted); margin: 0; }
.left { font-weight: 700; font-variant-numeric: tabular-nums; }
.notes-text { white-space: pre-wrap; }
`.trim();

/** The one stylesheet both pages use: the handout's, then the pages' own. */
export const stylesheet = `${handoutCss()}\n${barWidths}\n${pageCss}\n`;

/** A page's head, in the deck's language (its slides, title and notes are the deck's words). */
function head(deck: Deck, title: string, key: string, script: string): string {
	const query = `?key=${encodeURIComponent(key)}`;
	return [
		...htmlStart(deck),
		'<meta name="referrer" content="no-referrer">',
		// No icon to fetch: a request without the key would only get 403.
		'<link rel="icon" href="data:,">',
		`<title>${escapeHtml(title)}</title>`,
		`<link rel="stylesheet" href="/page.css${query}">`,
		`<script src="/${script}${query}" defer></script>`,
	].join('\n');
}

export type FollowPageState = {
	readonly index: number;
	readonly step: number;
	readonly blank: string;
	/** The slides the show has been on, in deck order. */
	readonly seen: readonly number[];
};

export function followPage(deck: Deck, key: string, state: FollowPageState): string {
	const count = deck.slides.length;
	const own = ownWords(deck);
	const slides = state.seen.map(index => `<div class="slide${index === state.index ? ' is-current' : ''}" id="s${index}" data-index="${index}">\n${followSlideHtml(deck, index, index === state.index ? state.step : undefined)}\n</div>`);
	return [
		head(deck, `${deck.title} (live)`, key, 'follow.js'),
		// Without the script, the page reloads itself every few seconds (it is then still the live slide).
		'<noscript><meta http-equiv="refresh" content="4"></noscript>',
		'</head>',
		`<body class="follow${state.blank === 'none' ? '' : ' is-blanked'}" data-index="${state.index}">`,
		'<header class="live-bar">',
		`<p><span class="deck">${escapeHtml(deck.title)}</span> <span id="where"${own}>slide ${state.index + 1} of ${count}</span> <span id="state" class="state is-live" role="status"${own}>live</span></p>`,
		'</header>',
		`<p class="blanked" role="status"${own}>The presenter has blanked the screen. The slide comes back when the show does.</p>`,
		'<main id="slides">',
		...slides,
		'</main>',
		`<button type="button" id="to-live" class="to-live" hidden${own}>Back to live &darr;</button>`,
		'</body>',
		'</html>',
	].join('\n') + '\n';
}

export type RemoteState = {readonly index: number; readonly blank: string; readonly left?: string};

export function remotePage(deck: Deck, key: string, state: RemoteState): string {
	const slide = deck.slides[state.index];
	const action = `/press?key=${encodeURIComponent(key)}`;
	const own = ownWords(deck);
	return [
		head(deck, `Remote: ${deck.title}`, key, 'remote.js'),
		'</head>',
		'<body class="remote">',
		'<main>',
		`<p class="where"${own}><span id="where">Slide ${state.index + 1} of ${deck.slides.length}</span> <span id="blank">${state.blank === 'none' ? '' : '· screen blanked'}</span> <span id="left" class="left">${escapeHtml(state.left ?? '')}</span></p>`,
		`<h1 id="title">${escapeHtml(slide?.title ?? '')}</h1>`,
		`<form method="post" action="${escapeHtml(action)}" class="buttons" id="buttons"${own}>`,
		'<button name="button" value="previous" class="previous">&larr; Previous</button>',
		'<button name="button" value="black" class="black">Black screen</button>',
		'<button name="button" value="next" class="next">Next &rarr;</button>',
		'</form>',
		'<section aria-labelledby="notes-title" class="notes">',
		`<h4 id="notes-title"${own}>Speaker notes</h4>`,
		`<p id="notes" class="notes-text">${escapeHtml(slide?.notes ?? '')}</p>`,
		'</section>',
		'</main>',
		'</body>',
		'</html>',
	].join('\n') + '\n';
}
