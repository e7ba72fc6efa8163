import {execFileSync, spawn, spawnSync} from 'node:child_process';
import {closeSync, constants as fsConstants, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeSync} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {writeAll} from '../source/answer.js';
import {maxNameBytes, temporaryName} from '../source/outputs/write-file.js';
import {bin, terminalEnv} from './helpers/pty.js';
import {poll} from './helpers/poll.js';

/**
Every write is checked: stdout and -o alike. A full disk (/dev/full) or a node that is not a regular
file is one line and exit 1; a signal while writing leaves no temporary file.
*/
let directory = '';
beforeEach(() => {
	directory = mkdtempSync(path.join(os.tmpdir(), 'brf-write-'));
});
afterEach(() => {
	rmSync(directory, {recursive: true, force: true});
});

const env = terminalEnv({NO_COLOR: '1'});

/** The bin with stdout sent to `stdout` (a file descriptor) and stderr captured. */
function runWithStdout(args: readonly string[], stdout: number | 'pipe' = 'pipe') {
	const result = spawnSync(process.execPath, [bin, ...args], {encoding: 'utf8', env, stdio: ['ignore', stdout, 'pipe']});
	return {code: result.status, stderr: result.stderr};
}

/** The bin with stdout on `file`, opened with `flags` ('w', or 'r' for a stdout that cannot be written). */
function runWithStdoutOn(args: readonly string[], file: string, flags: 'r' | 'w') {
	const descriptor = openSync(file, flags);
	try {
		return runWithStdout(args, descriptor);
	} finally {
		closeSync(descriptor);
	}
}

describe('stdout on a full disk', () => {
	test.each([[['--print']], [['--list']], [['--export', 'html']], [['--export', 'md', '-o', '-']], [['--help']]])('%j into /dev/full: one line, exit 1', args => {
		const result = runWithStdoutOn(args, '/dev/full', 'w');
		expect(result.stderr).toBe('briefing: cannot write to stdout: the disk is full\n');
		expect(result.code).toBe(1);
	});
});

describe('stdout as a pipe or a file, written directly (answer.ts writeAll)', () => {
	test('takes every byte through partial writes and EAGAIN (a non-blocking pipe that is full), and stops at any other error', () => {
		const bytes = Buffer.from('0123456789');
		const taken: string[] = [];
		let calls = 0;
		const error = writeAll((chunk, offset) => {
			calls++;
			if (calls === 2 || calls === 3) {
				throw Object.assign(new Error('resource temporarily unavailable'), {code: 'EAGAIN'});
			}

			const end = Math.min(chunk.length, offset + 3);
			taken.push(chunk.subarray(offset, end).toString());
			return end - offset;
		}, bytes);
		expect(error).toBeUndefined();
		expect(taken.join('')).toBe('0123456789');
		expect(calls).toBe(6);

		const full = writeAll(() => {
			throw Object.assign(new Error('no space left on device'), {code: 'ENOSPC'});
		}, bytes);
		expect(full?.code).toBe('ENOSPC');
	});

	test('a pipe whose reader is slow gets the whole deck, in order; a file gets it too', async () => {
		const expected = spawnSync(process.execPath, [bin, '--print'], {encoding: 'utf8', env}).stdout;
		expect(expected.length).toBeGreaterThan(10_000);
		const fifo = path.join(directory, 'out.fifo');
		execFileSync('mkfifo', [fifo]);
		const reader = openSync(fifo, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
		const writer = openSync(fifo, fsConstants.O_WRONLY);
		// The pipe nearly full before the program writes: its writes wait for the reader.
		const filler = Buffer.alloc(60_000, 0x2E);
		let filled = 0;
		while (filled < filler.length) {
			filled += writeSync(writer, filler, filled);
		}

		const child = spawn(process.execPath, [bin, '--print'], {env, stdio: ['ignore', writer, 'pipe']});
		closeSync(writer);
		const exited = new Promise<number | null>(resolve => {
			child.on('exit', resolve);
		});
		// The reader is slow: it reads nothing until the program has filled the pipe and waits. A Linux pipe is
		// 16 pages of 4 KiB; the filler leaves one page free, so a page written fills it.
		const written = () => Number(/wchar: (\d+)/.exec(readFileSync(`/proc/${child.pid}/io`, 'utf8'))?.[1]);
		await poll(() => written() >= 4096, 'the program to fill the pipe', {seen: () => `${written()} bytes written`});
		const chunks: Buffer[] = [];
		const buffer = Buffer.alloc(4096);
		// Read what is there until the end of the output (a read of 0 bytes: the program has closed the pipe).
		await poll(() => {
			for (;;) {
				try {
					const read = readSync(reader, buffer);
					if (read === 0) {
						return true;
					}

					chunks.push(Buffer.from(buffer.subarray(0, read)));
				} catch (error: unknown) {
					if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') {
						throw error;
					}

					return false;
				}
			}
		}, 'the end of the program\'s output', {intervalMs: 10, timeoutMs: 20_000});

		closeSync(reader);
		expect(await exited).toBe(0);
		expect(Buffer.concat(chunks).subarray(filled).toString()).toBe(expected);

		const file = path.join(directory, 'deck.txt');
		const out = openSync(file, 'w');
		try {
			expect(runWithStdout(['--print'], out).code).toBe(0);
		} finally {
			closeSync(out);
		}

		expect(readFileSync(file, 'utf8')).toBe(expected);
	});
});

describe('-o writes only a regular file or a new one', () => {
	const refusal = (file: string, kind: string) => `briefing: cannot write "${file}": ${kind}; -o writes only a regular file or a new one\n`;

	test.each([[[]], [['--force']]])('/dev/full, a folder and a socket are refused %j', async force => {
		const folder = path.join(directory, 'folder.md');
		mkdirSync(folder);
		const socketFile = path.join(directory, 'socket.md');
		const server = net.createServer();
		await new Promise<void>(resolve => {
			server.listen(socketFile, resolve);
		});
		try {
			for (const [file, kind] of [['/dev/full', 'it is a device'], [folder, 'it is a folder'], [socketFile, 'it is a socket']] as const) {
				const result = runWithStdout(['--export', 'md', '-o', file, ...force]);
				expect(result.stderr, file).toBe(refusal(file, kind));
				expect(result.code, file).toBe(1);
			}

			expect(lstatSync(folder).isDirectory()).toBe(true);
			expect(lstatSync(socketFile).isSocket()).toBe(true);
			expect(readdirSync(directory).sort()).toEqual(['folder.md', 'socket.md']);
		} finally {
			server.close();
		}
	});

	test('a fifo is refused, --force or not, and stays a fifo', () => {
		const fifo = path.join(directory, 'pipe.html');
		execFileSync('mkfifo', [fifo]);
		for (const force of [[], ['--force']]) {
			const result = runWithStdout(['--export', 'html', '-o', fifo, ...force]);
			expect(result.stderr).toBe(refusal(fifo, 'it is a fifo (named pipe)'));
			expect(result.code).toBe(1);
		}

		expect(lstatSync(fifo).isFIFO()).toBe(true);
		expect(readdirSync(directory)).toEqual(['pipe.html']);
	});

	const canMknod = (() => {
		const probe = path.join(os.tmpdir(), `brf-mknod-probe-${process.pid}`);
		try {
			execFileSync('mknod', [probe, 'c', '1', '3'], {stdio: 'ignore'});
			rmSync(probe);
			return true;
		} catch {
			return false;
		}
	})();

	test.runIf(canMknod)('a character device made with mknod is refused, --force or not, and stays one (skipped where mknod is not allowed: not root)', () => {
		const device = path.join(directory, 'null.txt');
		execFileSync('mknod', [device, 'c', '1', '3']);
		for (const force of [[], ['--force']]) {
			const result = runWithStdout(['--export', 'txt', '-o', device, ...force]);
			expect(result.stderr).toBe(refusal(device, 'it is a device'));
			expect(result.code).toBe(1);
		}

		expect(lstatSync(device).isCharacterDevice()).toBe(true);
	});

	test('a 250-byte file name is written; its temporary name stays within 255 bytes', () => {
		const name = 'h'.repeat(245) + '.html';
		expect(Buffer.byteLength(name)).toBe(250);
		const file = path.join(directory, name);
		const result = runWithStdout(['--export', 'html', '-o', file]);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(readFileSync(file, 'utf8')).toMatch(/^<!doctype html>/i);
		expect(readdirSync(directory)).toEqual([name]);
		for (const base of [name, 'é'.repeat(127) + '.md', 'x']) {
			expect(Buffer.byteLength(path.basename(temporaryName(path.join(directory, base), 4_194_304, 'ffffffff')))).toBeLessThanOrEqual(maxNameBytes);
		}
	});

	test.each(['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGUSR2', 'SIGALRM', 'SIGVTALRM', 'SIGPROF', 'SIGXCPU'] as const)('%s while the handout is being written leaves no temporary file', async signal => {
		const file = path.join(directory, 'handout.md');
		const child = spawn(process.execPath, [bin, '--export', 'md', '-o', file], {env: {...env, BRIEFING_FAULT: 'export-stall'}, stdio: ['ignore', 'pipe', 'pipe']});
		await new Promise<void>(resolve => {
			child.stderr.on('data', (chunk: Buffer) => {
				if (chunk.toString('utf8').includes('stalled')) {
					resolve();
				}
			});
		});
		expect(readdirSync(directory).some(name => name.endsWith('.tmp'))).toBe(true);
		const ended = new Promise<NodeJS.Signals | number | null>(resolve => {
			child.once('exit', (code, how) => {
				resolve(how ?? code);
			});
		});
		child.kill(signal);
		// XCPU would dump core: the program exits with 128 + its number instead.
		expect(await ended).toBe(signal === 'SIGXCPU' ? 152 : signal);
		expect(readdirSync(directory)).toEqual([]);
		expect(existsSync(file)).toBe(false);
	});
});

describe('a file name is never written raw into a message', () => {
	/** An OSC 52 clipboard write, a bidi override and a C1 CSI, all in one name. */
	const hostile = 'x\u001B]52;c;SGk=\u0007\u202E\u009B2J';
	const unsafe = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202E]/;

	test.each([
		['a folder that does not exist', () => ['--export', 'md', '-o', path.join(directory, hostile, 'a.md')]],
		['a file that exists', () => ['--export', 'md', '-o', path.join(directory, `${hostile}.md`)]],
		['a name that says no format', () => ['-o', path.join(directory, hostile)]],
		['a format that is none', () => ['--export', hostile]],
		['a fifo', () => ['--export', 'md', '-o', path.join(directory, `${hostile}.fifo`)]],
	])('%s: the message escapes it (exit 1 or 2, one line)', (what, args) => {
		execFileSync('touch', [path.join(directory, `${hostile}.md`)]);
		execFileSync('mkfifo', [path.join(directory, `${hostile}.fifo`)]);
		const result = runWithStdout(args());
		expect(result.code, result.stderr).toBeGreaterThan(0);
		expect(result.stderr).toMatch(/^briefing: /);
		expect(result.stderr).not.toMatch(unsafe);
		expect(result.stderr).toContain('\\u001b]52;c;SGk=\\u0007\\u202e\\u009b2J');
	});
});

describe('stdout that cannot be written to, or is not there', () => {
	test.each([[['--list']], [['--print']], [['--export', 'md']]])('%j with stdout opened for reading only (1<file): EBADF, one line, exit 1', args => {
		const result = runWithStdoutOn(args, '/dev/null', 'r');
		expect(result.stderr).toBe('briefing: cannot write to stdout: it is not open for writing (EBADF)\n');
		expect(result.code).toBe(1);
	});

	test('a closed stdout (>&-) is /dev/null to Node: nothing on stderr, exit 0, the output lost', () => {
		const result = spawnSync('sh', ['-c', `exec "$0" "$1" --list >&-`, process.execPath, bin], {encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe']});
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toBe('');
	});
});
