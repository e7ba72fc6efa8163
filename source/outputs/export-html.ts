import {type Block, blockTexts, type List, quoteInMarks, withoutPauses} from '../deck/blocks.js';
import {inlineParts} from '../text/code-spans.js';
import {type Deck, deckLanguage, namesSource, type Slide, type SourceInfo} from '../deck/deck.js';
import {figureHeading, sourceLine, sourceNoun} from '../deck/source-words.js';
import {sourceUrl, urlLabel} from './print.js';
import {aboutLine, citesParagraphs, type HandoutPart, handoutParts, hasOwnHeading, isWholeDeck, memoSummary, partTitle, slideCitation, slideRange, whoseLine} from './handout.js';
import {stripControls} from '../text/sanitize.js';
import {handoutPalette} from '../text/theme.js';

/**
The deck as one self-contained HTML page that reads as a memo, for a colleague's inbox or a printer:
inline CSS only, no scripts, no images, no external assets; the only links are the article's address
when the deck has one and the contents' links to the sections on the page. Semantic markup (a section
per deck section, an article per slide, lists, blockquotes with their speakers, tables), bars drawn
with CSS beside the article's own figures. Written from the same blocks as the live show.
*/
export type HtmlOptions = {
	readonly showNotes?: boolean;
	/** Only these slides (see `selectSlides`); the whole deck by default. */
	readonly slides?: readonly Slide[];
	/** The deck's source, for the words under each slide (`Article ¶ 3`); none says `¶ 3`. */
	readonly source?: SourceInfo;
	/** The deck's language (`Deck.lang`): in another than English, the handout's own English words are marked as English. */
	readonly lang?: string;
};

const entities: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
	return stripControls(text).replaceAll(/[&<>"']/g, character => entities[character] ?? character);
}

const style = `
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 17px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, main, footer { max-width: 46rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 2.5rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; }
.source { margin: 0; color: var(--muted); }
.about { color: var(--muted); font-size: .9rem; margin-bottom: 0; padding-bottom: 1rem; border-bottom: 3px solid var(--accent); }
nav { padding: 1rem 0; border-bottom: 1px solid var(--rule); }
nav ol { padding-left: 1.6rem; }
.range { color: var(--muted); font-size: .9rem; }
section { padding: 1.5rem 0 .5rem; border-bottom: 2px solid var(--accent); }
article { padding: 1.25rem 0 1rem; border-bottom: 1px solid var(--rule); break-inside: avoid; page-break-inside: avoid; }
article:last-child { border-bottom: none; }
h2 { font-size: 1.55rem; line-height: 1.25; margin: .2rem 0 .5rem; color: var(--accent); break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1.25rem; line-height: 1.3; margin: 0 0 .75rem; break-after: avoid; page-break-after: avoid; }
h4 { font-size: 1.05rem; margin: 0 0 .5rem; }
.lead { font-size: 1.12rem; font-weight: 600; }
ul { padding-left: 1.3rem; }
li { margin: .3rem 0; }
figure { margin: 1.2rem 0; }
blockquote { margin: 0; padding: .2rem 0 .2rem 1rem; border-left: 4px solid var(--accent); font-style: italic; }
blockquote p { margin: 0; }
figcaption { margin-top: .35rem; padding-left: 1.25rem; color: var(--muted); }
cite { font-style: normal; font-weight: 600; color: var(--ink); }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .95rem; }
caption { caption-side: bottom; text-align: left; color: var(--muted); font-size: .88rem; padding-top: .4rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 2px solid var(--ink); }
.bars th { font-weight: normal; width: 38%; }
.bars td.figure { text-align: right; font-weight: 700; white-space: nowrap; width: 9rem; }
.track { background: var(--track); height: .9rem; min-width: 6rem; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.fill { background: var(--bar); height: 100%; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.fact { font-size: 1.05rem; }
.fact strong { font-size: 1.6rem; color: var(--accent); margin-right: .5rem; }
.timeline { list-style: none; padding-left: 0; }
.timeline li { display: grid; grid-template-columns: 9rem 1fr; gap: 1rem; padding: .15rem 0 .15rem 1rem; border-left: 3px solid var(--rule); margin: 0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em; background: var(--aside); padding: 0 .2em; border-radius: 3px; }
pre { background: var(--aside); padding: .7rem .9rem; border-radius: 4px; overflow-x: auto; white-space: pre-wrap; }
pre code { background: none; padding: 0; }
.lang { display: block; color: var(--muted); font-size: .8rem; margin-bottom: .2rem; }
.columns { display: flex; gap: 1.5rem; }
@media (max-width: 40rem) { .columns { display: block; } }
.cited { color: var(--muted); font-size: .85rem; text-align: right; margin: 1rem 0 0; }
.notes { margin-top: 1rem; padding: .6rem .9rem; background: var(--aside); border-radius: 4px; font-size: .95rem; }
.notes h4 { font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 0 0 .3rem; }
.notes p { margin: 0; }
footer { color: var(--muted); font-size: .85rem; padding-top: 1rem; padding-bottom: 2.5rem; }
a { color: var(--accent); }
h1, h2, h3, h4, p, li, blockquote, figcaption, caption, th, td { unicode-bidi: plaintext; }
@media print {
  @page { margin: 16mm 14mm; }
  body { font-size: 11pt; }
  header, main, footer { max-width: none; padding: 0; }
  header { padding-top: 0; }
  section { padding: 1rem 0; }
  a { color: inherit; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; }
}
`.trim();

/** The handout's colours, from the theme, as CSS variables. */
function paletteCss(): string {
	const variables = Object.entries(handoutPalette).map(([name, value]) => `--${name}: ${value};`);
	return `:root { color-scheme: light; ${variables.join(' ')} }`;
}

/** Slide text as HTML: its words escaped, its inline code in <code>. */
function text(value: string): string {
	return value.includes('`') ? inlineParts(value).map(part => (part.isCode ? `<code>${escapeHtml(part.text)}</code>` : escapeHtml(part.text))).join('') : escapeHtml(value);
}

function listHtml(list: List): string {
	const items = list.items.map(item => `<li>${text(item.text)}${item.list ? listHtml(item.list) : ''}</li>`).join('');
	return list.ordered ? `<ol${list.start === 1 ? '' : ` start="${list.start}"`}>${items}</ol>` : `<ul>${items}</ul>`;
}

/** Columns side by side (one under another on a narrow screen), each its share of the width: a class, as the follow page's policy refuses inline styles. */
function columnsHtml(block: Extract<Block, {kind: 'columns'}>, source: SourceInfo): string {
	return `<div class="columns">${block.columns.map((column, index) => `<div class="fr${block.widths[index] ?? 1}">${column.map(each => blockHtml(each, source)).join('')}</div>`).join('')}</div>`;
}

/** The classes of a column's share (the ratios a layout may have: columns.ts). */
const columnShares = Array.from({length: 20}, (_, index) => `.fr${index + 1} { flex: ${index + 1} 1 0; min-width: 0; }`).join('\n');

function barsHtml(block: Extract<Block, {kind: 'bars'}>, source: SourceInfo): string {
	const max = Math.max(...block.bars.map(bar => bar.value), 1);
	const rows = block.bars.map(bar => {
		const percent = Math.max(bar.value > 0 ? 1 : 0, Math.round((bar.value / max) * 100));
		return [
			'<tr>',
			`<th scope="row">${text(bar.label)}</th>`,
			`<td><div class="track" aria-hidden="true"><div class="fill" style="width: ${percent}%"></div></div></td>`,
			`<td class="figure">${text(bar.display)}</td>`,
			'</tr>',
		].join('');
	});
	const caption = block.caption ? `<caption>${text(block.caption)}</caption>` : '';
	return `<table class="bars">${caption}<thead><tr><th scope="col">Group</th><th scope="col"><span class="visually-hidden">Bar</span></th><th scope="col">${text(figureHeading(source))}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** One block as HTML; `source` names the source in a chart's heading (an article's unless told). */
export function blockHtml(block: Block, source: SourceInfo = {kind: 'article'}): string {
	switch (block.kind) {
		case 'heading': {
			return `<h4>${text(block.text)}</h4>`;
		}

		case 'lead': {
			return `<p class="lead">${text(block.text)}</p>`;
		}

		case 'text': {
			return `<p>${text(block.text)}</p>`;
		}

		case 'source': {
			return `<p class="source-line"><small>${text(block.text)}</small></p>`;
		}

		case 'bullets': {
			return `<ul>${block.items.map(item => `<li>${text(item)}</li>`).join('')}</ul>`;
		}

		case 'list': {
			return listHtml(block);
		}

		case 'code': {
			const lang = block.lang ? `<span class="lang">${escapeHtml(block.lang)}</span>` : '';
			return `<figure class="code">${lang}<pre><code${block.lang ? ` class="language-${escapeHtml(block.lang.replaceAll(/\s+/g, '-'))}"` : ''}>${escapeHtml(block.text)}</code></pre></figure>`;
		}

		case 'columns': {
			return columnsHtml(block, source);
		}

		case 'quote': {
			const role = block.role ? `, ${text(block.role)}` : '';
			return `<figure class="quote"><blockquote><p>${quoteInMarks(block, text(block.text))}</p></blockquote><figcaption>— <cite>${text(block.speaker)}</cite>${role}</figcaption></figure>`;
		}

		case 'fact': {
			return `<p class="fact"><strong>${text(block.value)}</strong> ${text(block.label)}</p>`;
		}

		case 'table': {
			const head = `<thead><tr>${block.columns.map(column => `<th scope="col">${text(column)}</th>`).join('')}</tr></thead>`;
			const rows = block.rows.map(
				row => `<tr>${block.columns.map((_, index) => (index === 0 ? `<th scope="row">${text(row[0] ?? '')}</th>` : `<td>${text(row[index] ?? '')}</td>`)).join('')}</tr>`,
			);
			const caption = block.caption ? `<caption>${text(block.caption)}</caption>` : '';
			return `<table>${caption}${head}<tbody>${rows.join('')}</tbody></table>`;
		}

		case 'bars': {
			return barsHtml(block, source);
		}

		case 'timeline': {
			return `<ul class="timeline">${block.events.map(event => `<li><strong>${text(event.when)}</strong> <span>${text(event.what)}</span></li>`).join('')}</ul>`;
		}

		case 'drawn': {
			return `<div class="drawn">${blockTexts(block).map(line => `<p>${text(line)}</p>`).join('')}</div>`;
		}

		case 'pause': {
			return '';
		}

		default: {
			const never: never = block;
			return never;
		}
	}
}

/**
` lang="en"` for an element holding the handout's own words (Summary, the line about the source, a
slide's citation) on a page in another language, so a screen reader reads them in English; none on an
English page.
*/
export function ownWords(deck: Pick<Deck, 'lang'>): string {
	return /^en(?:-|$)/i.test(deckLanguage(deck)) ? '' : ' lang="en"';
}

export function slideHtml(slide: Slide, options: HtmlOptions): string {
	const id = `slide-${slide.index + 1}`;
	const cited = slideCitation(slide, options.source);
	const own = ownWords(options);
	return [
		hasOwnHeading(slide) ? `<article id="${id}" aria-labelledby="${id}-title">` : `<article id="${id}">`,
		...(hasOwnHeading(slide) ? [`<h3 id="${id}-title">${text(slide.title)}</h3>`] : []),
		...withoutPauses(slide.blocks).map(block => blockHtml(block, options.source)),
		...(cited ? [`<p class="cited"${own}>${text(cited)}</p>`] : []),
		...(options.showNotes && slide.notes ? [`<aside class="notes"><h4${own}>Speaker notes</h4><p>${text(slide.notes)}</p></aside>`] : []),
		'</article>',
	].join('\n');
}

function partHtml(part: HandoutPart, options: HtmlOptions): string {
	const id = `section-${part.number}`;
	return [
		`<section id="${id}" aria-labelledby="${id}-title">`,
		`<h2 id="${id}-title">${text(partTitle(part))}</h2>`,
		...part.slides.map(slide => slideHtml(slide, options)),
		'</section>',
	].join('\n');
}

/** For the whole deck: the summary (the at-a-glance points) and the contents, linked to the sections on the page. */
function frontMatterHtml(deck: Deck, slides: readonly Slide[]): string[] {
	if (!isWholeDeck(deck, slides)) {
		return [];
	}

	const memo = memoSummary(deck);
	const own = ownWords(deck);
	const summary = memo
		? [
				`<h2 id="summary"${own}>Summary</h2>`,
				memo.kind === 'paragraph' ? `<p class="summary">${text(memo.text)}</p>` : `<ul class="summary">${memo.points.map(point => `<li>${text(point)}</li>`).join('')}</ul>`,
			]
		: [];
	const contents = handoutParts(deck).map(
		part => `<li><a href="#section-${part.number}">${text(part.section.title)}</a> <span class="range"${own}>· ${text(slideRange(part.slides))}</span></li>`,
	);
	return [...summary, '<nav aria-labelledby="contents">', `<h2 id="contents"${own}>Contents</h2>`, `<ol>${contents.join('')}</ol>`, '</nav>'];
}

/** The handout's stylesheet (the follow page of `--serve` serves it too). */
export function handoutCss(): string {
	return `${paletteCss()}\n${style}\n${columnShares}\n.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }`;
}

/**
How every page we write starts, to its head's own lines: HTML5, the deck's language (`deckLanguage`:
its `lang:`, else English), UTF-8, a phone's width. No `dir`: each paragraph takes its direction from
its own words (`unicode-bidi: plaintext` in the stylesheet), so Arabic and Hebrew run right to left.
*/
export function htmlStart(deck: Pick<Deck, 'lang'>): readonly string[] {
	return ['<!doctype html>', `<html lang="${escapeHtml(deckLanguage(deck))}">`, '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">'];
}

/** What the ¶ numbers count: an article's from its dateline, any other source's from its start (our words: HTML as it stands). */
function paragraphsNote(source: SourceInfo): string {
	const noun = sourceNoun(source);
	return noun === 'article' ? 'Paragraph numbers (¶) count the article\'s paragraphs from its dateline.' : `Paragraph numbers (¶) count the ${noun}’s paragraphs (blocks of text between blank lines) from its start.`;
}

export function deckHtml(deck: Deck, options: HtmlOptions = {}): string {
	const url = sourceUrl(deck);
	const {source} = deck;
	const named = text(sourceLine(source));
	const link = url ? `<a href="${text(url)}">${named}</a>` : named;
	const whose = [text(whoseLine(deck)), url ? `${text(urlLabel(deck))} <a href="${text(url)}">${text(url)}</a>` : ''].filter(Boolean).join(' ');
	const slides = options.slides ?? deck.slides;
	const own = ownWords(deck);
	return [
		...htmlStart(deck),
		`<title>${text(deck.title)}</title>`,
		`<style>\n${handoutCss()}\n</style>`,
		'</head>',
		'<body>',
		'<header>',
		`<h1>${text(deck.title)}</h1>`,
		...(whose ? [`<p class="source"${own}>${whose}</p>`] : []),
		`<p class="about"${own}>${text(aboutLine(deck, slides))}</p>`,
		'</header>',
		'<main>',
		...frontMatterHtml(deck, slides),
		...handoutParts(deck, slides).map(part => partHtml(part, {...options, source: deck.source, ...(deck.lang ? {lang: deck.lang} : {})})),
		'</main>',
		...(namesSource(source) ? [`<footer><p${own}>Source: ${link}.${citesParagraphs(slides) ? ` ${paragraphsNote(source)}` : ''}</p></footer>`] : []),
		'</body>',
		'</html>',
	].join('\n') + '\n';
}
