import {describe, expect, test} from 'vitest';
import {sgrMarksSpace, splitSgr} from '../source/text/sgr.js';

describe('splitting Ink’s output into styled runs', () => {
	test('plain text is one run per row, unstyled', () => {
		expect(splitSgr('one\ntwo')).toEqual([[{text: 'one', sgr: ''}], [{text: 'two', sgr: ''}]]);
	});

	test('each SGR starts a run; what closes it (39, 22, 0) ends that part of the style only', () => {
		const text = '\u001B[1m\u001B[36mA\u001B[39mB\u001B[22mC\u001B[2;3mD\u001B[22mE\u001B[0mF';
		expect(splitSgr(text)).toEqual([
			[
				{text: 'A', sgr: '1;36'},
				{text: 'B', sgr: '1'},
				{text: 'C', sgr: ''},
				{text: 'D', sgr: '2;3'},
				{text: 'E', sgr: '3'},
				{text: 'F', sgr: ''},
			],
		]);
	});

	test('256 and true colours keep their parameters, foreground and background apart', () => {
		expect(splitSgr('\u001B[38;5;12;48;2;1;2;3mX\u001B[49mY')).toEqual([
			[
				{text: 'X', sgr: '38;5;12;48;2;1;2;3'},
				{text: 'Y', sgr: '38;5;12'},
			],
		]);
	});

	test('a style goes on across a newline, as in a terminal', () => {
		expect(splitSgr('\u001B[7ma\nb\u001B[27mc')).toEqual([[{text: 'a', sgr: '7'}], [{text: 'b', sgr: '7'}, {text: 'c', sgr: ''}]]);
	});

	test('cursor moves, OSC (titles, links), lone ESC and control characters are dropped, the text kept', () => {
		const text = 'a\u001B[2Kb\u001B]0;title\u0007c\u001B]8;;http://x\u001B\\d\u0007e\u001Bf\u009Bg';
		expect(splitSgr(text).flat().map(run => run.text).join('')).toBe('abcdeg');
	});

	test('a space shows in a background, inverse, underline or strike-through, not in a foreground colour or weight', () => {
		expect(['46', '48;5;3', '7', '4', '9', '1;100'].map(params => sgrMarksSpace(params))).toEqual([true, true, true, true, true, true]);
		expect(['', '36', '1', '38;5;4', '38;2;4;7;9', '2;3'].map(params => sgrMarksSpace(params))).toEqual([false, false, false, false, false, false]);
	});
});
