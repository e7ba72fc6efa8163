import {EventEmitter} from 'node:events';
import {useState} from 'react';
import {render, Text, useInput} from 'ink';
import SelectInput from 'ink-select-input';
import {unstable_IdlePriority as idlePriority, unstable_scheduleCallback as scheduleCallback} from 'scheduler';
import {afterEach, describe, expect, test} from 'vitest';
import {FakeStdin} from './helpers/ink.js';
import {poll} from './helpers/poll.js';

/**
What Ink 6.8 and ink-select-input 6.2 do that the show works around (docs/architecture.md, "Where Ink
is worked around"). Each test holds the library to the behaviour: the day an upgrade changes it, the
test fails, and the workaround it names can go (or must change).
*/

/** Ink's output, in debug mode one whole frame per write. */
class FakeStdout extends EventEmitter {
	columns = 40;
	rows = 10;
	frames: string[] = [];
	write(frame: string) {
		this.frames.push(frame);
		return true;
	}
}

const unmounts: Array<() => void> = [];
afterEach(() => {
	for (const unmount of unmounts.splice(0)) {
		unmount();
	}
});

function mount(tree: React.ReactElement, stdin = new FakeStdin()) {
	const stdout = new FakeStdout();
	const instance = render(tree, {stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream, debug: true, patchConsole: false, exitOnCtrlC: false});
	unmounts.push(() => {
		instance.unmount();
	});
	return {stdin, stdout, instance};
}

/** Counts keys; each key's handler sees the count its render closed over. */
function Counter({seen}: {readonly seen: number[]}) {
	const [count, setCount] = useState(0);
	useInput(() => {
		seen.push(count);
		setCount(count + 1);
	});
	return <Text>{count}</Text>;
}

describe('Ink 6.8 input', () => {
	test('upstream ink issue 901: useInput throws on a Ctrl-modified key it has no name for (Ctrl+F1); the reason the input guard decodes every read itself', async () => {
		const {stdin} = mount(<Counter seen={[]} />);
		await poll(() => stdin.listenerCount('readable') > 0, 'Ink to read the stdin');
		expect(() => {
			stdin.write('\u001B[1;5P');
		}).toThrow(TypeError);
	});

	test('a useInput handler is renewed only once React has run its effects: a key read right after another meets the old handler; once React is idle, the new one (the reason the key handler reads the mode from the state every earlier key left, and the guard hands over the next key on the scheduler\'s idle callback)', async () => {
		const seen: number[] = [];
		const {stdin} = mount(<Counter seen={seen} />);
		await poll(() => stdin.listenerCount('readable') > 0, 'Ink to read the stdin');
		stdin.write('a');
		stdin.write('b');
		expect(seen).toEqual([0, 0]);
		// As terminal/input-stream.ts waits before it hands Ink the next key.
		await new Promise(resolve => {
			scheduleCallback(idlePriority, () => {
				setImmediate(resolve);
			});
		});
		stdin.write('c');
		expect(seen).toEqual([0, 0, 1]);
	});

	test('an Esc read with the key after it is one key, Alt+key (the reason the guard hands Ink one key per read)', async () => {
		const keys: Array<{input: string; meta: boolean; escape: boolean}> = [];
		function Recorder() {
			useInput((input, key) => {
				keys.push({input, meta: key.meta, escape: key.escape});
			});
			return <Text>keys</Text>;
		}

		const {stdin} = mount(<Recorder />);
		await poll(() => stdin.listenerCount('readable') > 0, 'Ink to read the stdin');
		stdin.write('\u001Bq');
		await poll(() => keys.length > 0, 'a key');
		expect(keys).toEqual([{input: 'q', meta: true, escape: false}]);
	});
});

describe('ink-select-input 6.2', () => {
	const items = ['one', 'two', 'three'].map((label, value) => ({key: label, label, value}));
	const highlighted = (frame: string | undefined) => /❯ (\w+)/.exec(frame ?? '')?.[1];

	test('takes its highlight from initialIndex only when it mounts (the reason the sections menu mounts it afresh on each move, keyed by the cursor)', async () => {
		const {stdout, instance} = mount(<SelectInput items={items} initialIndex={0} isFocused={false} />);
		await poll(() => highlighted(stdout.frames.at(-1)) === 'one', 'the first item highlighted', {seen: () => stdout.frames.at(-1) ?? ''});
		const before = stdout.frames.length;
		instance.rerender(<SelectInput items={items} initialIndex={2} isFocused={false} />);
		await poll(() => stdout.frames.length > before, 'a frame after the rerender');
		expect(highlighted(stdout.frames.at(-1))).toBe('one');
		instance.rerender(<SelectInput key="again" items={items} initialIndex={2} isFocused={false} />);
		await poll(() => highlighted(stdout.frames.at(-1)) === 'three', 'the remounted list to highlight the third item', {seen: () => stdout.frames.at(-1) ?? ''});
	});
});
