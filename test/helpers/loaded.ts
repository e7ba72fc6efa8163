import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type LoadedRun = {readonly stdout: string; readonly stderr: string; readonly status: number | null; readonly loaded: readonly string[]};

/** Runs dist/cli.js with `argv` and tells which files it read as it ran (read with fs.readFileSync, or required), as the process ends. */
export function runLoaded(argv: readonly string[]): LoadedRun {
	const directory = mkdtempSync(path.join(tmpdir(), 'briefing-loaded-'));
	const preload = path.join(directory, 'loaded.cjs');
	writeFileSync(
		preload,
		[
			"const fs = require('node:fs');",
			'const read = fs.readFileSync;',
			'const files = [];',
			'fs.readFileSync = function (file, ...rest) { files.push(String(file)); return read.call(this, file, ...rest); };',
			"process.on('exit', () => process.stderr.write('loaded ' + JSON.stringify([...files, ...Object.keys(require.cache)]) + '\\n'));",
			'',
		].join('\n'),
	);
	try {
		const result = spawnSync(process.execPath, ['--require', preload, path.join(root, 'dist/cli.js'), ...argv], {encoding: 'utf8'});
		const loaded = JSON.parse(/^loaded (.*)$/m.exec(result.stderr)?.[1] ?? '[]') as string[];
		return {stdout: result.stdout, stderr: result.stderr, status: result.status, loaded};
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
}

/** Whether the run read dist/libs/NAME.js. */
export function readLibrary(run: LoadedRun, name: string): boolean {
	return run.loaded.some(file => file.endsWith(path.join('libs', `${name}.js`)));
}
