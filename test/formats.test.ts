import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {blocksUpTo, blockTexts} from '../source/deck/blocks.js';
import type {Deck} from '../source/deck/deck.js';
import {layoutBlocks} from '../source/layout/layout.js';
import {slideBody} from '../source/layout/slide-body.js';
import {MarkdownDeckError} from '../source/markdown/inline.js';
import {detectFormat} from '../source/markdown/formats/detect.js';
import {scanDeck} from '../source/markdown/formats/scan.js';
import {asOurDeck} from '../source/markdown/formats/translate.js';
import {parseMarkdownDeck, readDeckLazily} from '../source/markdown/parse-deck.js';
import {deckToMarkdown} from '../source/outputs/export-deck.js';
import {exportDeck} from '../source/outputs/export.js';
import {slideScreen} from '../source/outputs/pdf-slides.js';
import {deckText} from '../source/outputs/print.js';
import {slideSpeech} from '../source/outputs/screen-reader.js';
import {type Line, lineText} from '../source/text/lines.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const read = (name: string) => parseMarkdownDeck(fixture(`formats/${name}.md`), {name: `${name}.md`});
/** The deck names no source (no source at all, or one with nothing in it). */
const namesNoSource = (deck: Deck) => Object.values(deck.source ?? {}).every(value => !value);
const titles = (deck: Deck) => deck.slides.map(slide => slide.title);
const words = (deck: Deck, index: number) => deck.slides[index]!.blocks.flatMap(block => blockTexts(block));
/** The file's line (1-based) that holds `text`. */
const lineOf = (name: string, text: string) => fixture(`formats/${name}.md`).split('\n').findIndex(line => line.includes(text)) + 1;

describe('which presenter a deck was written for', () => {
	test.each([
		['formats/presenterm.md', 'presenterm'],
		['formats/slides.md', 'slides'],
		['formats/patat.md', 'patat'],
		['every-primitive.md', 'briefing'],
		['timed-deck.md', 'briefing'],
		['check-problems.md', 'briefing'],
		['tall-slide.md', 'briefing'],
	])('%s is a %s deck', (name, format) => {
		expect(detectFormat(scanDeck(fixture(name)))).toBe(format);
	});

	test('each sign alone', () => {
		const detect = (text: string) => detectFormat(scanDeck(text));
		expect(detect('Title\n===\n\nWords.\n')).toBe('presenterm');
		expect(detect('# One\n\nWords.\n\n<!-- end_slide -->\n\n# Two\n')).toBe('presenterm');
		expect(detect('---\ntitle: T\nsub_title: S\n---\n\n# One\n\nWords.\n')).toBe('presenterm');
		expect(detect('# One\n\nWords.\n\n---\n\n# Two\n\nMore.\n')).toBe('slides');
		expect(detect('---\npaging: "%d"\n---\n\n# One\n\nWords.\n')).toBe('slides');
		expect(detect('# One\n\nWords.\n\n. . .\n\nMore.\n')).toBe('patat');
		expect(detect('# One\n\nWords.\n\n## Two\n\nMore.\n')).toBe('patat');
		// Ours, with or without front matter; a front matter with a mistake is ours, so our reader names it.
		expect(detect('# Section\n\n## Slide\n\nWords.\n\n---\n\n## Next\n\nMore.\n')).toBe('briefing');
		expect(detect('---\ntitle: T\ntitel: x\n---\n\n# One\n\nWords.\n')).toBe('briefing');
		expect(detect('---\ntitle: [T\n---\n\nWords.\n')).toBe('briefing');
	});

	test('a Markdown file with no sign of any presenter is announced as plain Markdown, not as some presenter\'s deck', () => {
		const plain = asOurDeck('# One\n\nWords.\n\n# Two\n\nMore.\n');
		expect(plain.format).toBe('patat');
		expect(plain.notices[0]?.text).toBe('Read as plain Markdown: its headings cut the slides, as patat cuts them (--format chooses another).');
		// A sign of patat, or patat asked for, names patat.
		expect(asOurDeck('# One\n\nWords.\n\n. . .\n\nMore.\n').notices[0]?.text).toBe('Read as a patat deck (--format chooses another).');
		expect(asOurDeck('# One\n\nWords.\n', 'patat').notices[0]?.text).toBe('Read as a patat deck (--format chooses another).');
	});

	test('--format forces one: a presenterm deck read as ours is refused at its own line', () => {
		const presenterm = fixture('formats/presenterm.md');
		expect(() => parseMarkdownDeck(presenterm, {format: 'briefing'})).toThrow(/"sub_title/);
		// A slides deck read as patat: its rules still cut it, but no title of its own, so no intro.
		expect(titles(parseMarkdownDeck(fixture('formats/slides.md'), {format: 'patat'}).deck)).toEqual(['Bread at home', 'The dough', 'Baking', 'Slide 4', 'Timing']);
	});
});

describe('presenterm', () => {
	const {deck, places, format, notices} = read('presenterm');

	test('front matter is the intro slide; setext titles, a title alone after jump_to_middle opens a section', () => {
		expect(format).toBe('presenterm');
		expect(deck.title).toBe('Tide pools at low water');
		expect(namesNoSource(deck)).toBe(true);
		expect(deck.sections.map(section => section.title)).toEqual(['Tide pools at low water', 'The animals']);
		expect(titles(deck)).toEqual(['Tide pools at low water', 'Why go at low water', 'The animals', 'What you may see', 'Slide 4', 'Reading the table']);
		expect(words(deck, 0)).toEqual(['What lives between the marks', '2026-05-01', 'A. Presenter']);
		expect(words(deck, 4)).toEqual(['A slide with no title of its own. It keeps its words.']);
	});

	test('speaker notes, in one line or YAML\'s block form; pauses are steps', () => {
		expect(deck.slides[1]!.notes).toBe('Check the tide table the night before.');
		expect(deck.slides[3]!.notes).toBe('Ask who has seen an anemone open. Then show the photo.');
		// Three bullets and a pause between the second and third: the bullets step one at a time already, so
		// the pause adds no step that shows nothing, and the three read back as one list.
		expect(deck.slides[1]!.units).toBe(3);
		expect(deck.slides[1]!.blocks.filter(block => block.kind === 'bullets')).toHaveLength(1);
		// A pause before any bullet: the arrival, then the rest.
		expect(deck.slides[3]!.units).toBe(2);
	});

	test('columns, numbered and nested lists, and code marked +exec shown as code', () => {
		const slide = deck.slides[5]!;
		expect(slide.blocks.map(block => block.kind)).toEqual(['columns', 'code']);
		expect(slide.blocks[1]).toEqual({kind: 'code', lang: 'bash', text: 'echo "this never runs"'});
		const columns = slide.blocks[0]!;
		expect(columns.kind === 'columns' && columns.columns.map(column => column.map(block => block.kind))).toEqual([['list'], ['text']]);
	});

	test('an image is a placeholder; a quote with no speaker is its words', () => {
		expect(words(deck, 3)).toEqual(['Anemones close up when the water leaves them.', 'Crabs shelter in the cracks.', '[image: crab.png]', 'Look, don\'t lift.']);
	});

	test('what is not shown is one notice a kind, at the file\'s line', () => {
		expect(notices?.map(notice => [notice.kind, notice.line])).toEqual([
			['format', 1],
			['theme', lineOf('presenterm', 'theme:')],
			['footer', lineOf('presenterm', 'theme:')],
			['incremental', lineOf('presenterm', 'incremental_lists')],
			['layout', lineOf('presenterm', 'jump_to_middle')],
			['image', lineOf('presenterm', 'crab.png')],
			['exec', lineOf('presenterm', '+exec')],
		]);
		expect(notices?.find(notice => notice.kind === 'layout')?.text).toMatch(/^3 layout comments/);
		expect(notices?.[0]?.text).toBe('Read as a presenterm deck (--format chooses another).');
	});

	test('every place is the file\'s line', () => {
		expect(places.map(place => place.title)).toEqual([1, lineOf('presenterm', 'Why go at low water'), lineOf('presenterm', 'The animals'), lineOf('presenterm', 'What you may see'), lineOf('presenterm', 'A slide with no title') - 2, lineOf('presenterm', 'Reading the table')]);
		expect(places[3]!.body.find(piece => piece.text.includes('Crabs'))?.line).toBe(lineOf('presenterm', 'Crabs shelter'));
		expect(places[1]!.notes).toBe(lineOf('presenterm', 'Check the tide table'));
	});

	test('a title with emphasis: the deck\'s title its words, the intro slide\'s as written', () => {
		const {deck} = parseMarkdownDeck('---\ntitle: Meet _the_ tide\n---\n\nA slide\n===\n\nWords.\n');
		expect(deck.title).toBe('Meet the tide');
		expect(titles(deck)).toEqual(['Meet the tide', 'A slide']);
	});

	test('its options: --- ends a slide, a setext title starts one', () => {
		const text = '---\ntitle: Options\noptions:\n  end_slide_shorthand: true\n  implicit_slide_ends: true\n---\n\nFirst\n===\n\nOne.\n\nSecond\n===\n\nTwo.\n\n---\n\nThree, untitled.\n\nAlone\n===\n';
		const {deck, places, notices} = parseMarkdownDeck(text);
		expect(titles(deck)).toEqual(['Options', 'First', 'Second', 'Slide 3', 'Alone']);
		// A title alone opens a section: its `# ` line on the title's, the slide's `## ` on the underline.
		expect(places.map(place => place.title)).toEqual([1, 8, 13, 18, 23]);
		expect(deck.sections.map(section => section.title)).toEqual(['Options', 'Alone']);
		expect(notices?.map(notice => notice.kind)).toEqual(['format']);
	});
});

describe('slides', () => {
	const {deck, notices} = read('slides');

	test('--- between slides, each titled by its heading; author and date under the first title', () => {
		expect(deck.title).toBe('Bread at home');
		expect(titles(deck)).toEqual(['Bread at home', 'The dough', 'Baking', 'Slide 4', 'Timing']);
		expect(deck.slides[4]!.blocks.map(block => block.kind === 'code' ? block.lang ?? 'none' : block.kind)).toEqual(['none', 'python']);
		expect(deck.slides[4]!.notes).toContain('slides would run `date +%H:%M` here');
		expect(deck.slides[0]!.blocks[0]).toEqual({kind: 'source', text: 'A. Presenter · May 1, 2026'});
		expect(deck.slides[1]!.blocks).toEqual([{kind: 'bullets', items: ['Mix the flour and water', 'Rest it for half an hour', 'Add the salt and knead']}]);
		expect(words(deck, 2)).toContain('[image: loaf.jpg]');
	});

	test('the theme and paging are noted, not used', () => {
		expect(notices?.map(notice => [notice.kind, notice.line])).toEqual([
			['format', 1],
			['theme', lineOf('slides', 'theme:')],
			['paging', lineOf('slides', 'paging:')],
			['image', lineOf('slides', 'loaf.jpg')],
			['preprocess', lineOf('slides', '~~~date')],
		]);
	});
});

describe('patat', () => {
	const {deck, notices, places} = read('patat');

	test('slides at the level followed by content, sections above it; . . . is a pause', () => {
		expect(deck.sections.map(section => section.title)).toEqual(['A short walk in the hills', 'Before you go', 'On the way']);
		expect(titles(deck)).toEqual(['A short walk in the hills', 'What to carry', 'Who to tell', 'Paths', 'The route']);
		expect(deck.slides[4]!.blocks.map(block => block.kind)).toEqual(['list', 'code']);
		expect(deck.slides[1]!.blocks.map(block => block.kind)).toEqual(['bullets', 'pause', 'text']);
		expect(places[1]!.title).toBe(lineOf('patat', 'What to carry'));
	});

	test('a comment is a speaker note', () => {
		expect(deck.slides[2]!.notes).toBe('Ask who has been caught out by the dark.');
		expect(places[2]!.notes).toBe(lineOf('patat', 'caught out'));
	});

	test('the patat: block is noted', () => {
		expect(notices?.map(notice => notice.kind)).toEqual(['format', 'patat', 'image']);
	});

	test('with rules, the rules cut the slides', () => {
		const ruled = parseMarkdownDeck('# One\n\nWords.\n\n. . .\n\nMore.\n\n---\n\n# Two\n\nThe end.\n').deck;
		expect(titles(ruled)).toEqual(['One', 'Two']);
		expect(ruled.slides[0]!.units).toBe(2);
	});
});

describe('a deck with no front matter', () => {
	test('ours takes its title from its first heading and names no source', () => {
		const {deck, places} = parseMarkdownDeck('# Kitchen safety\n\n## Knives\n\nCut away from you.\n');
		expect(deck.title).toBe('Kitchen safety');
		expect(namesNoSource(deck)).toBe(true);
		expect(places[0]!.title).toBe(3);
		expect(deckText(deck)).not.toMatch(/article|¶/i);
	});

	test('with no heading at all, from the file\'s name', () => {
		expect(parseMarkdownDeck('Just a few words.\n', {name: 'notes/standup.md'}).deck.title).toBe('standup');
	});
});

describe('a mistake in another presenter\'s deck is at its line in the file', () => {
	test.each([
		['presenterm', 'Title\n===\n\nWords.\n\n[a]: https://example.com\n', 6],
		['slides', '# One\n\nWords.\n\n---\n\n# Two\n\n[a]: https://example.com\n', 9],
		['patat', '# One\n\nWords.\n\n. . .\n\n[a]: https://example.com\n', 7],
	])('%s', (_name, text, line) => {
		let error: unknown;
		try {
			parseMarkdownDeck(text);
		} catch (caught: unknown) {
			error = caught;
		}

		expect(error).toBeInstanceOf(MarkdownDeckError);
		expect((error as MarkdownDeckError).at.line).toBe(line);
	});

	test('read lazily, the same', () => {
		const text = `${'Title\n===\n\nWords.\n\n<!-- end_slide -->\n\n'.repeat(3)}Last\n===\n\n[a]: https://example.com\n`;
		const {deck, problemOf} = readDeckLazily(text);
		expect(deck.slides[3]!.blocks).toHaveLength(1);
		expect(problemOf(3)?.at.line).toBe(text.split('\n').length - 1);
	});
});

describe('nothing is run', () => {
	test('slides\' ~~~command block is shown as code under a note that says slides would run it and briefing does not', () => {
		const text = '# One\n\n~~~graph-easy --as=boxart\n[ A ] - to -> [ B ]\n\n  [ C ]\n~~~\nAfter.\n\n---\n\n# Two\n\nWords.\n';
		const ours = asOurDeck(text);
		expect(ours.format).toBe('slides');
		// Line for line: the fence line is a speaker note, the block's lines indented code, the closing fence empty.
		expect(ours.text.split('\n').slice(ours.shift)).toHaveLength(text.split('\n').length);
		const note = 'slides would run these lines through `graph-easy --as=boxart` and show what it prints; briefing shows the lines as code and runs nothing.';
		expect(ours.text).toContain(`\n<!-- speaker_note: ${note} -->\n    [ A ] - to -> [ B ]\n\n      [ C ]\n\nAfter.\n`);
		const {deck} = parseMarkdownDeck(text);
		expect(deck.slides[0]!.blocks).toEqual([
			{kind: 'code', text: '[ A ] - to -> [ B ]\n\n  [ C ]'},
			{kind: 'text', text: 'After.'},
		]);
		expect(deck.slides[0]!.notes).toBe(note);
		expect(ours.notices.find(notice => notice.kind === 'preprocess')).toMatchObject({line: 3, count: 1, text: '1 ~~~command block is shown as code, never run (a speaker note on the slide says what slides would show).'});
	});

	test('~~~date, a block with no lines, shows the command as code; what slides would do is a speaker note', () => {
		const {deck, notices} = read('slides');
		const timing = deck.slides.find(slide => slide.title === 'Timing')!;
		expect(timing.blocks[0]).toEqual({kind: 'code', text: 'date +%H:%M'});
		expect(timing.notes).toContain('slides would run `date +%H:%M` here and show what it prints; briefing shows the command as code and runs nothing.');
		const shown = layoutBlocks(timing.blocks, {width: 76, step: timing.units}).map(line => lineText(line));
		expect(shown.filter(line => line.startsWith('│')).slice(0, 1)).toEqual(['│ date +%H:%M']);
		expect(shown.join('\n')).not.toContain('would run');
		expect(notices?.find(notice => notice.kind === 'preprocess')?.line).toBe(lineOf('slides', '~~~date'));
		// At the file's end with no closing fence, the note names the command.
		expect(asOurDeck('# One\n\nWords.\n\n---\n\n# Two\n\n~~~date\n').text).toMatch(/<!-- speaker_note: slides would run `date` here and show what it prints; briefing shows the command as code and runs nothing\. -->\n*$/);
		// A `-->` in the command cannot end the note early.
		const arrow = parseMarkdownDeck('# One\n\nWords.\n\n---\n\n# Two\n\n~~~echo -->\n~~~\n').deck;
		expect(arrow.slides.at(-1)!.notes).toContain('`echo -- >`');
		expect(arrow.slides.at(-1)!.blocks).toEqual([{kind: 'code', text: 'echo -->'}]);
	});

	test('a ~~~command block on a slide with no title of its own reads, its note a speaker note', () => {
		const {deck} = parseMarkdownDeck('# One\n\nWords.\n\n---\n\n~~~date\n~~~\n\nAfter.\n');
		expect(deck.slides.at(-1)!.blocks).toEqual([{kind: 'code', text: 'date'}, {kind: 'text', text: 'After.'}]);
		expect(deck.slides.at(-1)!.notes).toMatch(/^slides would run `date` here/);
	});

	test('the note is for the presenter: no handout or print of a slides deck says it, but one printed with its notes', () => {
		const {deck} = read('slides');
		const outputs = {
			md: exportDeck(deck, 'md'),
			html: exportDeck(deck, 'html'),
			txt: exportDeck(deck, 'txt'),
			print: deckText(deck),
		};
		for (const [name, text] of Object.entries(outputs)) {
			expect(text, name).toContain('date +%H:%M');
			expect(text, name).not.toMatch(/would run|does not run|runs nothing/);
		}

		for (const format of ['md', 'html', 'txt'] as const) {
			expect(exportDeck(deck, format, {showNotes: true}), format).toMatch(/slides would run .*date \+%H:%M.* here/);
		}

		// The PDF's slide pages draw the screen the room sees; the presenter view's notes panel has it.
		const timing = deck.slides.find(slide => slide.title === 'Timing')!;
		const screen = (lines: readonly Line[]) => lines.map(line => lineText(line)).join('\n');
		expect(screen(slideScreen(deck, timing).lines)).toContain('date +%H:%M');
		expect(screen(slideScreen(deck, timing).lines)).not.toContain('would run');
		expect(screen(slideBody(timing, timing.units, {columns: 80, rows: 24}, {showNotes: true}).lines)).toContain('slides would run');
	});

	test('+exec and its kin are taken off the fence and noted; the code stays as it is', () => {
		const text = 'Run it\n===\n\n```bash +exec +line_numbers {1,2}\nrm -rf /tmp/never\necho done\n```\n\n```rust +exec_replace\nfn main() {}\n```\n';
		const ours = asOurDeck(text);
		expect(ours.text).toContain('```bash\nrm -rf /tmp/never\necho done\n```');
		expect(ours.text).toContain('```rust\nfn main() {}\n```');
		expect(ours.text).not.toContain('+exec');
		expect(ours.notices.find(notice => notice.kind === 'exec')).toMatchObject({count: 2, line: 4, text: '2 code blocks marked to run (+exec and its kin) are shown as code, never run.'});
	});

	test('an include is a placeholder, not read', () => {
		const ours = asOurDeck('Title\n===\n\n<!-- include: ../secret.md -->\n\nWords.\n');
		expect(ours.text).toContain('\\[include: ../secret.md\\]');
		expect(ours.notices.map(notice => notice.kind)).toContain('include');
	});
});

describe('--export deck writes ours, and it presents the same slides word for word', () => {
	test.each(['presenterm', 'slides', 'patat'])('%s', name => {
		const {deck} = read(name);
		const written = deckToMarkdown(deck);
		const back = parseMarkdownDeck(written);
		expect(back.format).toBe('briefing');
		expect(back.deck.title).toBe(deck.title);
		expect(namesNoSource(back.deck)).toBe(true);
		expect(back.deck.sections.map(section => section.title)).toEqual(deck.sections.map(section => section.title));
		expect(back.deck.slides.map(slide => [slide.id, slide.title, slide.notes, slide.units, slide.blocks])).toEqual(deck.slides.map(slide => [slide.id, slide.title, slide.notes, slide.units, slide.blocks]));
		expect(deckToMarkdown(back.deck)).toBe(written);
	});
});

describe('<!-- pause --> in our format', () => {
	const {deck} = parseMarkdownDeck('# S\n\n## Paused\n\nFirst words.\n\n<!-- pause -->\n\nSecond words.\n\n- a bullet\n\n<!-- pause -->\n\nLast words.\n');
	const slide = deck.slides[0]!;
	const shown = (step: number) => layoutBlocks(slide.blocks, {width: 60, step}).map(line => lineText(line)).join('\n');

	test('each pause is a step; what follows it waits for its step', () => {
		expect(slide.units).toBe(4);
		expect(shown(1)).toContain('First words.');
		expect(shown(1)).not.toContain('Second words.');
		expect(shown(2)).toContain('Second words.');
		expect(shown(2)).not.toContain('a bullet');
		expect(shown(3)).toContain('a bullet');
		expect(shown(3)).not.toContain('Last words.');
		expect(shown(4)).toContain('Last words.');
		expect(blocksUpTo(slide.blocks, 1).map(block => block.kind)).toEqual(['text']);
	});

	test('the screen reader reads as far as the step; a handout shows it all, no gap where a pause was', () => {
		expect(slideSpeech(deck, slide, {step: 1}).join(' ')).not.toContain('Second words.');
		expect(slideSpeech(deck, slide, {step: 4}).join(' ')).toContain('Last words.');
		expect(deckText(deck)).toContain('  First words.\n\n  Second words.\n\n  - a bullet\n\n  Last words.');
	});

	test('in a column it holds back the rest of the column and the columns after it', () => {
		const columns = parseMarkdownDeck('# S\n\n## Columns\n\n<!-- column_layout: [1, 1] -->\n\n<!-- column: 0 -->\n\nLeft first.\n\n<!-- pause -->\n\nLeft after.\n\n<!-- column: 1 -->\n\nRight words.\n\n<!-- reset_layout -->\n').deck.slides[0]!;
		const at = (step: number) => layoutBlocks(columns.blocks, {width: 60, step}).map(line => lineText(line)).join('\n');
		expect(columns.units).toBe(2);
		expect(at(1)).toContain('Left first.');
		expect(at(1)).not.toMatch(/Left after|Right words/);
		expect(at(2)).toContain('Left after.');
		expect(at(2)).toContain('Right words.');
	});

	test('a pause belongs inside a slide', () => {
		expect(() => parseMarkdownDeck('# S\n\n<!-- pause -->\n\n## A\n\nWords.\n')).toThrow(/The <!-- pause --> line belongs inside a slide/);
	});
});
