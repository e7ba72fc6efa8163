import {readFileSync} from 'node:fs';
import type {Key} from 'ink';
import {describe, expect, test} from 'vitest';
import {helpRows, helpSections, hintText, keyConflicts, keymap, resolveKeypress, type Binding} from '../source/model/keymap.js';
import type {Mode} from '../source/model/navigation.js';
import {noKey} from './helpers/position-model.js';
import {bodyRows, helpLines} from '../source/layout/screen.js';
import {lineText, lineWidth} from '../source/text/lines.js';

const named = (name: keyof Key, extra: Partial<Key> = {}): Key => ({...noKey, [name]: true, ...extra});

describe('the key table', () => {
	test.each<[string, string, Key, string]>([
		['→', '', named('rightArrow'), 'next'],
		['↓', '', named('downArrow'), 'next'],
		['Space', ' ', noKey, 'next'],
		['PgDn', '', named('pageDown'), 'next'],
		['l', 'l', noKey, 'next'],
		['j', 'j', noKey, 'next'],
		['n', 'n', noKey, 'next'],
		['Enter', '', named('return'), 'confirm'],
		['←', '', named('leftArrow'), 'previous'],
		['↑', '', named('upArrow'), 'previous'],
		['Backspace (DEL)', '', named('delete'), 'previous'],
		['Backspace (BS)', '', named('backspace'), 'previous'],
		['PgUp', '', named('pageUp'), 'previous'],
		['h', 'h', noKey, 'previous'],
		['k', 'k', noKey, 'previous'],
		['p', 'p', noKey, 'previous'],
		['Home', '', named('home'), 'first'],
		['g', 'g', noKey, 'g'],
		['G', 'G', {...noKey, shift: true}, 'last-or-count'],
		['End', '', named('end'), 'last'],
		['7', '7', noKey, 'digit'],
		['m', 'm', noKey, 'toggle-menu'],
		['Tab', '', named('tab'), 'toggle-menu'],
		['o', 'o', noKey, 'toggle-overview'],
		['?', '?', noKey, 'toggle-help'],
		['s', 's', noKey, 'toggle-notes'],
		['b', 'b', noKey, 'blank'],
		['.', '.', noKey, 'blank'],
		['w', 'w', noKey, 'blank'],
		[',', ',', noKey, 'blank'],
		['r', 'r', noKey, 'reset-timer'],
		['q', 'q', noKey, 'quit'],
		['Ctrl+C', 'c', {...noKey, ctrl: true}, 'quit'],
		['Ctrl+Z', 'z', {...noKey, ctrl: true}, 'suspend'],
		['Esc', '', named('escape', {meta: true}), 'cancel'],
	])('%s in slides mode is %s', (_name, input, key, type) => {
		expect(resolveKeypress(input, key, 'slides')?.type).toBe(type);
	});

	test('b is black and w is white', () => {
		expect(resolveKeypress('b', noKey, 'slides')).toEqual({type: 'blank', color: 'black'});
		expect(resolveKeypress(',', noKey, 'slides')).toEqual({type: 'blank', color: 'white'});
	});

	test('Esc never quits, in any mode', () => {
		for (const mode of ['slides', 'help', 'menu', 'overview', 'blank'] as Mode[]) {
			expect(resolveKeypress('', named('escape', {meta: true}), mode)?.type).not.toBe('quit');
		}
	});

	test('keys that mean nothing do nothing', () => {
		for (const input of ['x', 'z', 'Q', '!', 'é']) {
			expect(resolveKeypress(input, noKey, 'slides')).toBeUndefined();
		}
	});

	test('a paste is not a run of keys', () => {
		expect(resolveKeypress('llllllll', noKey, 'slides')).toBeUndefined();
		expect(resolveKeypress('12', noKey, 'slides')).toBeUndefined();
	});

	test('alt+letter is not the letter', () => {
		expect(resolveKeypress('l', {...noKey, meta: true}, 'slides')).toBeUndefined();
	});

	test('in the overview, arrows, j, k and Enter move the cursor and choose', () => {
		expect(resolveKeypress('', named('upArrow'), 'overview')).toEqual({type: 'cursor', move: 'up'});
		expect(resolveKeypress('k', noKey, 'overview')).toEqual({type: 'cursor', move: 'up'});
		expect(resolveKeypress('', named('downArrow'), 'overview')).toEqual({type: 'cursor', move: 'down'});
		expect(resolveKeypress('j', noKey, 'overview')).toEqual({type: 'cursor', move: 'down'});
		expect(resolveKeypress('', named('return'), 'overview')).toEqual({type: 'choose'});
		expect(resolveKeypress('', named('home'), 'overview')).toEqual({type: 'cursor', move: 'first'});
		expect(resolveKeypress('', named('rightArrow'), 'overview')).toEqual({type: 'cursor', move: 'right'});
	});

	test('in the sections menu every key is the table\'s: ↑↓ j k Home End move the highlight, Enter and 1-9 choose', () => {
		expect(resolveKeypress('', named('upArrow'), 'menu')).toEqual({type: 'cursor', move: 'up'});
		expect(resolveKeypress('k', noKey, 'menu')).toEqual({type: 'cursor', move: 'up'});
		expect(resolveKeypress('', named('downArrow'), 'menu')).toEqual({type: 'cursor', move: 'down'});
		expect(resolveKeypress('j', noKey, 'menu')).toEqual({type: 'cursor', move: 'down'});
		expect(resolveKeypress('', named('home'), 'menu')).toEqual({type: 'cursor', move: 'first'});
		expect(resolveKeypress('', named('pageDown'), 'menu')).toEqual({type: 'cursor', move: 'last'});
		expect(resolveKeypress('', named('return'), 'menu')).toEqual({type: 'choose'});
		expect(resolveKeypress('h', noKey, 'menu')).toBeUndefined();
		expect(resolveKeypress('3', noKey, 'menu')).toEqual({type: 'section-number', digit: '3'});
		const menuRows = helpRows('menu');
		expect(menuRows.find(row => row.label === 'Up or down the list')?.keys).toBe('↑ k, ↓ j');
		expect(menuRows.find(row => row.label === 'Go to that section')?.keys).toBe('Enter');
		expect(menuRows.find(row => row.label === 'Go to section <n>')?.keys).toBe('1-9');
		expect(resolveKeypress('', named('escape', {meta: true}), 'menu')?.type).toBe('close-overlay');
		expect(resolveKeypress('m', noKey, 'menu')?.type).toBe('toggle-menu');
		expect(resolveKeypress('', named('tab'), 'menu')?.type).toBe('toggle-menu');
		expect(resolveKeypress('?', noKey, 'menu')?.type).toBe('toggle-help');
		expect(resolveKeypress('q', noKey, 'menu')?.type).toBe('quit');
		expect(resolveKeypress('', named('rightArrow'), 'menu')).toBeUndefined();
	});

	test('each view answers to its own keys: s (notes under the slide) is the audience view\'s', () => {
		expect(resolveKeypress('s', noKey, 'slides', 'audience')?.type).toBe('toggle-notes');
		expect(resolveKeypress('s', noKey, 'slides', 'presenter')).toBeUndefined();
		expect(helpRows('slides', 'presenter').some(row => row.keys === 's')).toBe(false);
		expect(helpRows('slides', 'presenter').find(row => row.keys === 'b .')?.label).toBe('Black out audience');
	});

	test('each screen\'s help lists its own keys and no other screen\'s; together they list every row', () => {
		const screens = ['slides', 'menu', 'overview'] as const;
		const rowsOf = (screen: (typeof screens)[number]) => helpSections('audience', screen).flatMap(section => section.rows);
		for (const binding of keymap.filter(binding => !binding.views || binding.views.includes('audience'))) {
			expect(screens.some(screen => rowsOf(screen).some(row => row.label === binding.label)), binding.label).toBe(true);
		}

		const labels = (screen: (typeof screens)[number]) => rowsOf(screen).map(row => row.label);
		expect(labels('slides')).not.toContain('Go to that section');
		expect(labels('slides')).not.toContain('Go to that slide');
		expect(labels('menu')).toContain('Go to that section');
		expect(labels('menu')).not.toContain('Go to that slide');
		expect(labels('overview')).toContain('Go to that slide');
		expect(labels('overview')).not.toContain('Go to that section');
		expect(rowsOf('overview').map(row => row.keys)).not.toContain('1-9');
		// Every row listed on a screen is a key that works there.
		for (const screen of screens) {
			for (const row of rowsOf(screen)) {
				const modes: Mode[] = screen === 'slides' ? ['slides', 'blank'] : [screen];
				const works = keymap.some(binding => binding.modes.some(mode => modes.includes(mode) && (binding.modeLabels?.[mode] ?? binding.label) === row.label));
				expect(works, `${screen}: ${row.label}`).toBe(true);
			}
		}

		const keysText = rowsOf('slides').map(row => row.keys).join(' | ');
		expect(keysText).not.toContain('g g');
		expect(keysText).toContain('gg (g twice)');
		expect(helpSections('presenter').map(section => section.title)).toContain('While the audience screen is blanked');
	});

	test('the footer hints come from the table', () => {
		expect(hintText('slides')).toBe('? help · m sections · q quit');
		expect(hintText('slides', 'presenter')).toBe('→ next · ← back · ? help · b blank audience · q quit');
		expect(hintText('menu')).toBe('↑↓ choose · Enter go · Esc close · q quit');
		expect(hintText('overview')).toBe('↑↓ choose · ←→ move · Enter go · Esc close · q quit');
		expect(hintText('blank')).toBe('any key returns');
	});

	test('on a blank screen any key comes back, and Ctrl+C still quits', () => {
		expect(resolveKeypress('x', noKey, 'blank')?.type).toBe('unblank');
		expect(resolveKeypress('', named('rightArrow'), 'blank')?.type).toBe('unblank');
		expect(resolveKeypress('q', noKey, 'blank')?.type).toBe('unblank');
		expect(resolveKeypress('c', {...noKey, ctrl: true}, 'blank')?.type).toBe('quit');
	});

	test('no two rows claim the same key in the same mode', () => {
		expect(keyConflicts()).toEqual([]);
	});

	test('the conflict check can fail', () => {
		const clash: Binding[] = [
			{label: 'One', action: {type: 'next'}, keys: [{input: 'x'}], modes: ['slides']},
			{label: 'Two', action: {type: 'previous'}, keys: [{input: 'x'}], modes: ['slides']},
		];
		expect(keyConflicts(clash)).toHaveLength(1);
	});

	test('every row has a label and at least one key', () => {
		for (const binding of keymap) {
			expect(binding.label.trim()).not.toBe('');
			expect(binding.keys.length).toBeGreaterThan(0);
		}
	});

	test('the help of each view lists every row of slides mode that works in it', () => {
		for (const view of ['audience', 'presenter'] as const) {
			const rows = helpRows('slides', view);
			for (const binding of keymap.filter(binding => binding.modes.includes('slides') && (binding.views?.includes(view) ?? true))) {
				expect(rows.some(row => row.label === (view === 'presenter' ? binding.presenterLabel ?? binding.label : binding.label)), `${binding.label} (${view})`).toBe(true);
			}
		}
	});

	test('the README key section lists every row of the help', () => {
		const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
		for (const mode of ['slides', 'menu', 'overview', 'blank'] as Mode[]) {
			for (const row of helpRows(mode)) {
				expect(readme).toContain(`| ${row.keys} | ${row.label} |`);
			}
		}
	});
});

describe('help on screen', () => {
	const sizes = [
		{columns: 80, rows: 24},
		{columns: 120, rows: 40},
		{columns: 80, rows: 16},
		{columns: 60, rows: 16},
		{columns: 40, rows: 20},
	];
	const screens = ['slides', 'menu', 'overview'] as const;
	test.each(sizes)('at %j every key name of every screen\'s help is whole on one line, every line fits; at 120 columns no row\'s keys wrap', size => {
		for (const view of ['audience', 'presenter'] as const) {
			for (const screen of screens) {
				const lines = helpLines(size, view, bodyRows(size), screen);
				const text = lines.map(line => lineText(line)).join('\n');
				expect(lines).toHaveLength(bodyRows(size));
				for (const line of lines) {
					expect(lineWidth(line), `${view} ${screen}: ${lineText(line)}`).toBeLessThanOrEqual(size.columns);
				}

				for (const row of helpSections(view, screen).flatMap(section => section.rows)) {
					for (const name of row.names) {
						if (!text.includes('more in a bigger window')) {
							expect(text, `${view} ${screen}: ${name}`).toContain(name);
						}
					}

					if (size.columns >= 120) {
						expect(text, `${view} ${screen}: ${row.keys}`).toContain(row.keys);
					}
				}
			}
		}
	});
});
