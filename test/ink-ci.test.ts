import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect, test} from 'vitest';

/**
The show sets CI (and CONTINUOUS_INTEGRATION) to 'false' when it presents in a terminal
(deck-command.tsx's notInCi), before Ink loads. Ink 6.8 reads them once, as it loads (is-in-ci), and
with one set it does not follow the stream's 'resize' (the show's layout would stay at the old width)
and writes its last frame again as it unmounts. This test holds Ink to that: the day an Ink upgrade
follows 'resize' under CI too, it fails, and notInCi can go.
*/
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const script = `
import {Writable} from 'node:stream';
import React from 'react';
import {render, Text} from 'ink';
const frames = [];
const stdout = new Writable({write(chunk, _encoding, done) { frames.push(String(chunk)); done(); }});
stdout.columns = 40;
stdout.rows = 10;
const instance = render(React.createElement(Text, null, 'hello'), {stdout, debug: true, patchConsole: false, exitOnCtrlC: false});
const listening = stdout.listenerCount('resize');
const beforeUnmount = frames.length;
instance.unmount();
console.log(JSON.stringify({listening, writesAtUnmount: frames.length - beforeUnmount}));
`;

function inkWith(ci: string): {listening: number; writesAtUnmount: number} {
	const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
		cwd: root,
		encoding: 'utf8',
		env: {...process.env, CI: ci, CONTINUOUS_INTEGRATION: ci},
	});
	expect(result.stderr).toBe('');
	return JSON.parse(result.stdout) as {listening: number; writesAtUnmount: number};
}

// Two Node processes that each load Ink: seconds on a busy machine.
test('Ink with CI set ignores the stream\'s resize and writes again as it unmounts; with CI=false it follows resize (the reason for notInCi)', {timeout: 30_000}, () => {
	const inCi = inkWith('true');
	const notInCi = inkWith('false');
	expect(notInCi.listening).toBe(1);
	expect(inCi.listening).toBe(0);
	expect(inCi.writesAtUnmount).toBeGreaterThan(notInCi.writesAtUnmount);
});
