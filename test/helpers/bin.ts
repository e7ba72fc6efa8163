import {execFile} from 'node:child_process';
import process from 'node:process';
import {promisify} from 'node:util';
import {childEnv} from './env.js';

/** Any control character but the newline: C0, DEL and C1 (ESC is one). Plain output holds none. */
export const controlBytes = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

/** Box drawing and block elements (U+2500 to U+259F): rules, frames and bars. */
export const drawing = /[\u2500-\u259F]/;

/** Text with every run of spaces and line breaks made one space: wrapped text compares with unwrapped. */
export const squash = (text: string) => text.replaceAll(/\s+/g, ' ').trim();

const run = promisify(execFile);

/**
The built bin with stdin and stdout both pipes, never a terminal; `undefined` in `env` removes a
variable. Resolves with the exit code instead of throwing on a failure.
*/
export async function runBin(args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}) {
	try {
		const {stdout, stderr} = await run(process.execPath, ['dist/cli.js', ...args], {env: childEnv(env)});
		return {code: 0, stdout, stderr};
	} catch (error: unknown) {
		const failed = error as {code: number; stdout: string; stderr: string};
		return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr};
	}
}
