import {describe, expect, test} from 'vitest';
import {escaped, quoted} from '../source/text/quoted.js';

describe('quoted and escaped', () => {
	test('quoted is JSON\'s quoting, and also escapes DEL, C1 controls and the marks that reorder or hide text', () => {
		expect(quoted('a.md')).toBe('"a.md"');
		expect(quoted('x\u001B]52;c;SGk=\u0007.md')).toBe('"x\\u001b]52;c;SGk=\\u0007.md"');
		expect(quoted('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
		expect(quoted('\u007F\u009B\u202E\u200B\u2066\uFEFF')).toBe('"\\u007f\\u009b\\u202e\\u200b\\u2066\\ufeff"');
		expect(quoted('café – “ok”')).toBe('"café – “ok”"');
	});

	test('escaped leaves text as it is but for the unsafe characters', () => {
		expect(escaped('cannot write x\u001B[2J')).toBe('cannot write x\\u001b[2J');
		expect(escaped('plain')).toBe('plain');
	});
});
