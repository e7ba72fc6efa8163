import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import React from 'react';
import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import {deck} from '../slides/index.js';
import {App} from '../source/show/app.js';
import {formatParagraphs} from '../source/deck/deck.js';
import {loadInk} from '../source/deck/drawn.js';
import {styleSequence} from '../source/terminal/frame-writer.js';
import {lineText} from '../source/text/lines.js';
import {textWidth} from '../source/text/wrap.js';
import {deckLook, screenLines, slideBody} from '../source/layout/screen.js';
import {initNavigation} from '../source/model/navigation.js';
import {isLightBackground, pickTheme, type Role, type Theme, themes} from '../source/text/theme.js';
import {cleanupShown, keys, press, pressUntil, renderShow, waitForFrame} from './helpers/ink.js';
import {hasColourCodes, sgrParameters, spawnBin} from './helpers/pty.js';

describe('which theme', () => {
	test.each([
		[undefined, {}, 'dark'],
		['light', {}, 'light'],
		['high-contrast', {}, 'high-contrast'],
		[undefined, {COLORFGBG: '0;15'}, 'light'],
		[undefined, {COLORFGBG: '0;default;7'}, 'light'],
		[undefined, {COLORFGBG: '15;0'}, 'dark'],
		[undefined, {COLORFGBG: '7;8'}, 'dark'],
		[undefined, {COLORFGBG: 'garbage'}, 'dark'],
		['dark', {COLORFGBG: '0;15'}, 'dark'],
		['high-contrast', {COLORFGBG: '0;15'}, 'high-contrast'],
		[undefined, {NO_COLOR: '1'}, 'plain'],
		['light', {NO_COLOR: '1'}, 'plain'],
		[undefined, {NO_COLOR: ''}, 'dark'],
		[undefined, {FORCE_COLOR: '0'}, 'plain'],
		['light', {FORCE_COLOR: 'false'}, 'plain'],
		[undefined, {NO_COLOR: '1', FORCE_COLOR: '1'}, 'dark'],
		[undefined, {NO_COLOR: '1', FORCE_COLOR: '3', COLORFGBG: '0;15'}, 'light'],
		[undefined, {NO_COLOR: '1', FORCE_COLOR: '0'}, 'plain'],
	] as const)('--theme %s with %j is %s', (asked, env, name) => {
		expect(pickTheme(asked, env).name).toBe(name);
	});

	test('COLORFGBG backgrounds 7 and 9-15 are light', () => {
		expect([...Array.from({length: 16}).keys()].filter(bg => isLightBackground(`0;${bg}`))).toEqual([7, 9, 10, 11, 12, 13, 14, 15]);
		expect(isLightBackground(undefined)).toBe(false);
		expect(isLightBackground('')).toBe(false);
	});
});

describe('the themes themselves', () => {
	const roles = Object.keys(themes.dark.roles) as Role[];
	const styles = (theme: Theme) => [...Object.values(theme.roles), theme.black, theme.white];

	test('the plain theme has no colour anywhere, and marks emphasis by weight or style', () => {
		for (const style of styles(themes.plain)) {
			expect(style.color).toBeUndefined();
			expect(style.backgroundColor).toBeUndefined();
		}

		for (const role of ['title', 'heading', 'lead', 'quote', 'speaker', 'figure', 'tableHead', 'warn', 'selected'] as const) {
			const style = themes.plain.roles[role];
			expect(Boolean(style.bold || style.italic || style.underline || style.inverse), role).toBe(true);
		}
	});

	test('the light theme never writes white text, nor the dark theme black text, but on a background of their own', () => {
		for (const role of roles) {
			const light = themes.light.roles[role];
			if (/^white/.test(light.color ?? '')) {
				expect(light.backgroundColor, role).toBeDefined();
			}

			const dark = themes.dark.roles[role];
			if (dark.color === 'black') {
				expect(dark.backgroundColor, role).toBeDefined();
			}
		}
	});

	test('high contrast uses only bright colours, never dim or grey', () => {
		for (const style of styles(themes['high-contrast'])) {
			expect(style.dimColor).toBeFalsy();
			expect(style.color ?? 'whiteBright').toMatch(/Bright$/);
		}
	});

	test('one look per kind: the slide title outranks the header, and high contrast tells title from lead', () => {
		for (const theme of [themes.dark, themes.light, themes['high-contrast'], themes.plain]) {
			const {title, header, lead} = theme.roles;
			expect(title.bold, theme.name).toBe(true);
			expect(header.bold, theme.name).toBeFalsy();
			expect(JSON.stringify(title), theme.name).not.toBe(JSON.stringify(lead));
		}

		expect(themes['high-contrast'].roles.lead.bold).toBeFalsy();
		expect(themes['high-contrast'].roles.title.color).not.toBe(themes['high-contrast'].roles.lead.color);
	});

	test('the light theme names speakers and shows figures in neither red nor green', () => {
		for (const role of ['speaker', 'figure'] as const) {
			expect(themes.light.roles[role].color).not.toMatch(/red|green/);
		}
	});

	test('blank screens: the brightest palette white, or #ffffff and #000000 with true colour', () => {
		expect(pickTheme('dark', {}).roles.whiteout.backgroundColor).toBe('whiteBright');
		expect(pickTheme('dark', {}).roles.blackout.backgroundColor).toBe('black');
		expect(pickTheme('light', {COLORTERM: 'truecolor'}).roles.whiteout.backgroundColor).toBe('#ffffff');
		expect(pickTheme(undefined, {COLORTERM: '24bit'}).roles.blackout.backgroundColor).toBe('#000000');
		expect(pickTheme('dark', {NO_COLOR: '1', COLORTERM: 'truecolor'}).roles.whiteout).toEqual({inverse: true});
	});

	test('the high-contrast header underline starts under the first letter, not on the padding', () => {
		const state = initNavigation({units: deck.slides.map(slide => slide.units)});
		const [header] = screenLines(deck, state, {columns: 80, rows: 24});
		const underlined = (header ?? []).filter(segment => themes['high-contrast'].roles[segment.role].underline);
		expect(underlined.length).toBeGreaterThan(0);
		for (const segment of underlined) {
			expect(segment.text.startsWith(' ') || segment.text.endsWith(' '), JSON.stringify(segment.text)).toBe(false);
		}
	});

	test('colours live in theme.ts: no other source or slide file sets one', async () => {
		const files: string[] = [];
		for (const folder of ['source', 'slides']) {
			for (const name of await readdir(folder, {recursive: true})) {
				if (/\.tsx?$/.test(name) && path.basename(name) !== 'theme.ts') {
					files.push(path.join(folder, name));
				}
			}
		}

		for (const file of files) {
			const text = await readFile(file, 'utf8');
			expect(text, file).not.toMatch(/\b(color|backgroundColor|borderColor)=|\b(backgroundColor|borderColor):|#[\da-f]{6}\b/i);
			// An SGR colour (30-49, 90-107) written by hand; a reset (ESC[0m) is fine.
			expect(text, file).not.toMatch(/from 'chalk'|(\\u001B|\\x1b)\[([\d;]*;)?(3\d|4\d|9\d|10\d)[;m]/i);
		}
	});
});

describe.each(['dark', 'light', 'high-contrast', 'plain'] as const)('the %s theme', name => {
	const theme = themes[name];
	beforeAll(async () => {
		await loadInk();
	});

	afterEach(() => {
		cleanupShown();
	});

	/** Every SGR sequence in the bytes, as written. */
	const sequencesIn = (bytes: string) => new Set(bytes.match(/\u001B\[[\d;]*m/g) ?? []);

	test.each([
		{columns: 80, rows: 24},
		{columns: 200, rows: 50},
	])('paints every slide of the briefing whole at %j, in this theme’s styles and no other', async size => {
		// Every role on the theme's page (its colours under a role without its own), the page itself, a reset.
		const allowed = new Set([...Object.values(theme.roles).map(style => styleSequence(style, theme.page)), styleSequence({}, theme.page), '\u001B[0m']);
		for (const slide of deck.slides) {
			const counter = `${slide.index + 1}/${deck.slides.length}`;
			const app = renderShow(<App deck={deck} theme={theme} size={size} start={slide.index} isRevealing={false} />, size, theme);
			const frame = await waitForFrame(app, screen => screen.includes(counter));
			const lines = frame.split('\n');
			expect(lines).toHaveLength(size.rows);
			expect(Math.max(...lines.map(line => textWidth(line)))).toBeLessThanOrEqual(size.columns);
			// Whole: the title's first line at the top (as laid out: text, or big letters on a projector),
			// the paragraph citation at the bottom, the counter.
			const firstLine = slideBody(slide, slide.units, size, {look: deckLook(deck, size)})
				.lines.map(line => lineText(line).trim())
				.find(Boolean);
			expect(firstLine).toBeDefined();
			expect(frame).toContain(firstLine!);
			expect(frame).toContain(formatParagraphs(slide.paragraphs));
			// What the theme changes: every style on the screen is one of its roles', and its title, header
			// and citation styles are the ones painted (one look per kind on every slide).
			const bytes = app.written.join('');
			const used = sequencesIn(bytes);
			expect([...used].filter(sequence => !allowed.has(sequence)), slide.id).toEqual([]);
			for (const role of ['title', 'header', 'cite'] as const) {
				expect(used.has(styleSequence(theme.roles[role], theme.page)), `${slide.id} ${role}`).toBe(true);
			}

			cleanupShown();
		}
	});

	test('blank screens and the menu render', async () => {
		const app = renderShow(<App deck={deck} theme={theme} size={{columns: 80, rows: 24}} />, {columns: 80, rows: 24}, theme);
		await waitForFrame(app, f => f.includes('1/'));
		let frame = await press(app, 'b');
		expect(frame.trim()).toBe('');
		frame = await press(app, 'x');
		expect(frame).toContain('1/');
		frame = await press(app, 'w');
		expect(frame.trim()).toBe('');
		frame = await press(app, keys.escape);
		frame = await pressUntil(app, 'm', f => f.includes('Sections'));
		expect(frame).toContain('Sections');
	});
});

test('the themes differ where they should: the same slide is painted in different bytes in each', async () => {
	await loadInk();
	const painted = [];
	for (const theme of Object.values(themes)) {
		const app = renderShow(<App deck={deck} theme={theme} size={{columns: 80, rows: 24}} start={4} />, {columns: 80, rows: 24}, theme);
		await waitForFrame(app, screen => screen.includes(`5/${deck.slides.length}`));
		painted.push([...sequencesOf(app.written.join(''))].sort().join(' '));
		cleanupShown();
	}

	expect(new Set(painted).size).toBe(Object.keys(themes).length);
});

const sequencesOf = (bytes: string) => new Set(bytes.match(/\u001B\[[\d;]*m/g) ?? []);

describe('colour in a real terminal', () => {
	const titleStart = deck.slides[0]!.title.slice(0, 20);

	async function firstFrameAndWhite(env: Readonly<Record<string, string | undefined>>, args: readonly string[] = []) {
		const session = spawnBin(args, {env});
		try {
			await session.waitForOutput(output => output.includes(titleStart));
			const mark = session.output().length;
			session.write('w');
			await session.waitForQuiet(mark);
			const back = session.output().length;
			session.write('x');
			await session.waitForOutput(output => output.includes(titleStart), back);
			session.write('q');
			expect(await session.status()).toBe(0);
			return session.output();
		} finally {
			session.dispose();
		}
	}

	test('NO_COLOR (FORCE_COLOR unset) writes no colour code at all; weight and inverse still mark emphasis', async () => {
		const output = await firstFrameAndWhite({NO_COLOR: '1', FORCE_COLOR: undefined});
		expect(hasColourCodes(output)).toBe(false);
		const used = new Set(sgrParameters(output).flat());
		expect(used.has(1)).toBe(true);
		expect(used.has(7)).toBe(true);
	}, 30_000);

	test('without NO_COLOR the same run has colour, so the check above can fail', async () => {
		const output = await firstFrameAndWhite({NO_COLOR: undefined, FORCE_COLOR: undefined});
		expect(hasColourCodes(output)).toBe(true);
	}, 30_000);

	test('FORCE_COLOR=0 writes no SGR at all, even with a theme asked for', async () => {
		const output = await firstFrameAndWhite({NO_COLOR: undefined, FORCE_COLOR: '0'}, ['--theme', 'light']);
		expect(sgrParameters(output).flat().filter(n => n !== 0)).toEqual([]);
	}, 30_000);
});
