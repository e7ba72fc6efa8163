#!/usr/bin/env node
/**
`node test/bench/tricks.mjs`: what each start-up trick of the build earns. It builds dist/ as
source/build.mjs does (buildDist) into a temporary folder, and beside it one variant per trick with that
trick left out, then runs them in turns, each of BENCH_RUNS rounds (default 7) running every build
once: spawn to the first frame (the built-in deck at 120x40 in a pty, seen by xterm: the footer's
"1/N" on screen), then q pressed at once, to exit (the show quits once Ink has loaded and takes keys:
what the tricks that act after the first frame earn), and spawn to exit of --version. It prints the medians and each trick's gain (the
median without it minus the median with it), the numbers of docs/build.md's table.
Timings are only meaningful on a quiet machine; the comparison is fair on a busy one, as the builds
take turns. Not part of `npm test`.
*/
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {buildDist, bundles} from '../../source/build.mjs';

const require = createRequire(import.meta.url);
const pty = require('@lydell/node-pty');
const {Terminal} = require('@xterm/headless');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runs = Number(process.env.BENCH_RUNS ?? 7);

/**
The wall clock is as noisy as the machine is busy; the CPU time a run takes is far less so. Each run
is started with this preloaded (NODE_OPTIONS=--require, not a V8 flag, so Node's own code cache is
taken as without it): it writes the process's CPU time (user + system, ms) to BRIEFING_TRICKS_OUT at
the first write to stdout that holds the footer's "1/N", and at exit, with its peak RSS (MB).
*/
const preload = `
const fs = require('node:fs');
const out = process.env.BRIEFING_TRICKS_OUT;
const cpu = () => { const {user, system} = process.cpuUsage(); return (user + system) / 1000; };
let frame;
const seen = text => {
	if (frame === undefined && /(^|\\s)1\\/\\d+(\\s|$)/m.test(String(text).replace(/\\u001B\\[[0-9;?]*[A-Za-z]/g, ' '))) frame = cpu();
};
const writeSync = fs.writeSync;
fs.writeSync = function (fd, data, ...rest) { if (fd === 1) seen(data); return writeSync.call(this, fd, data, ...rest); };
const peak = () => Number(/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1]) / 1024;
process.on('exit', () => { fs.writeFileSync(out, JSON.stringify({frame, exit: cpu(), peak: peak()})); });
`;
const size = {cols: 120, rows: 40};

/** A plugin that replaces `from` with `to` in the source file whose path ends with `file`; the build fails if `from` is not there once. */
function replacing(file, from, to) {
	return {
		name: `replace-${file}`,
		setup(builder) {
			builder.onLoad({filter: new RegExp(`${file.replaceAll('.', '\\.')}$`)}, ({path: source}) => {
				const text = readFileSync(source, 'utf8');
				if (text.split(from).length !== 2) {
					throw new Error(`${file} no longer holds ${from} once`);
				}

				return {contents: text.replace(from, to), loader: path.extname(source).slice(1)};
			});
		},
	};
}

const without = (options, name) => ({...options, plugins: (options.plugins ?? []).filter(plugin => plugin.name !== name)});
const adding = (options, plugin) => ({...options, plugins: [plugin, ...(options.plugins ?? [])]});

/** Each trick, and dist/ without it: the bundles to build, and what to do to the folder after. */
const variants = {
	'none (A/A control: dist/ as built, again)': {bundles},
	'V8 code cache (Node 20)': {bundles, after: directory => ['briefing', 'vendor'].forEach(name => rmSync(path.join(directory, `${name}.cache`)))},
	'V8 flags at run time': {bundles: {...bundles, bin: {...bundles.bin, define: {...bundles.bin.define, BRIEFING_V8_FLAGS: '[]'}}}},
	'Ink after the first frame': {
		bundles: {...bundles, bin: adding(bundles.bin, replacing('bin.ts', 'return load().program.run(argv);', 'const {program} = load(); await program.loadInk(); return program.run(argv);'))},
	},
	'narrow text first (vendor-text)': {bundles: {...bundles, vendor: without(bundles.vendor, 'narrow-text')}},
	'fetch hidden while Yoga loads': {
		bundles: {...bundles, program: adding(bundles.program, replacing('without-fetch.ts', 'const descriptor', 'return load();\n\tconst descriptor'))},
	},
	'meow and Markdown in files of their own': {bundles: {...bundles, program: without(bundles.program, 'libraries')}},
};

const directory = mkdtempSync(path.join(tmpdir(), 'briefing-tricks-'));
const preloadFile = path.join(directory, 'preload.cjs');
const outFile = path.join(directory, 'cpu.json');
writeFileSync(preloadFile, preload);

/** The CPU time of the last run: to its first frame, and to its exit. */
const lastCpu = () => JSON.parse(readFileSync(outFile, 'utf8'));

function env() {
	const copy = {...process.env, TERM: 'xterm-256color', COLORTERM: 'truecolor', NODE_OPTIONS: `--require ${preloadFile}`, BRIEFING_TRICKS_OUT: outFile};
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'NO_COLOR', 'FORCE_COLOR', 'NODE_EXTRA_CA_CERTS']) {
		delete copy[name];
	}

	return copy;
}

/** Spawn to the first frame's counter (1/N in the footer) on screen, in ms; then q. */
function firstFrame(directory) {
	return new Promise((resolve, reject) => {
		const term = new Terminal({...size, allowProposedApi: true, scrollback: 0});
		const started = performance.now();
		const child = pty.spawn(path.join(directory, 'cli.js'), [], {name: 'xterm-256color', ...size, cwd: root, env: env()});
		let frame;
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`${directory}: no first frame`));
		}, 10_000);
		child.onData(data => {
			const at = performance.now();
			term.write(data, () => {
				if (frame !== undefined) {
					return;
				}

				const buffer = term.buffer.active;
				const bottom = [];
				for (let y = size.rows - 3; y < size.rows; y++) {
					bottom.push(buffer.getLine(y)?.translateToString(true) ?? '');
				}

				if (bottom.some(line => /^\s*1\/\d+(\s|$)/.test(line))) {
					frame = at - started;
					child.write('q');
				}
			});
		});
		child.onExit(() => {
			clearTimeout(timer);
			term.dispose();
			if (frame === undefined) {
				reject(new Error(`${directory}: exited before its first frame`));
			} else {
				resolve({frame, quit: performance.now() - started});
			}
		});
	});
}

/** Spawn to exit of --version, in ms. */
function version(directory) {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(path.join(directory, 'cli.js'), ['--version'], {cwd: root, env: env(), stdio: ['ignore', 'pipe', 'inherit']});
		let out = '';
		child.stdout.on('data', chunk => {
			out += chunk;
		});
		child.on('exit', code => {
			if (code === 0 && /^\d+\.\d+\.\d+/.test(out)) {
				resolve(performance.now() - started);
			} else {
				reject(new Error(`${directory} --version: exit ${code}, ${out}`));
			}
		});
	});
}

const median = values => {
	const sorted = values.toSorted((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
};

try {
	const builds = [{name: 'all tricks (dist/ as built)', directory: path.join(directory, 'base')}];
	await buildDist(builds[0].directory);
	// BENCH_ONLY: a regular expression of the tricks to measure (default: all).
	const only = new RegExp(process.env.BENCH_ONLY ?? '');
	for (const [index, [name, variant]] of Object.entries(variants).filter(([name]) => only.test(name)).entries()) {
		const folder = path.join(directory, `variant-${index}`);
		await buildDist(folder, variant.bundles);
		variant.after?.(folder);
		builds.push({name, directory: folder});
	}

	const results = new Map(builds.map(each => [each.name, {frame: [], quit: [], version: [], frameCpu: [], quitCpu: [], versionCpu: [], rss: []}]));
	for (let round = 0; round < runs; round++) {
		// Each round in another order, so that no build always follows the same one.
		const order = builds.map((each, index) => builds[(index + round) % builds.length]);
		for (const each of order) {
			const result = results.get(each.name);
			const {frame, quit} = await firstFrame(each.directory);
			result.frame.push(frame);
			result.quit.push(quit);
			result.frameCpu.push(lastCpu().frame);
			result.quitCpu.push(lastCpu().exit);
			result.rss.push(lastCpu().peak);
			result.version.push(await version(each.directory));
			result.versionCpu.push(lastCpu().exit);
		}
	}

	const base = results.get(builds[0].name);
	// The gain of a trick: the median of each round's difference, without it minus with it (the
	// two ran in the same round); the A/A control's is the noise.
	const gain = (values, baseValues) => median(values.map((value, index) => value - baseValues[index]));
	const quartiles = (values, baseValues) => {
		const sorted = values.map((value, index) => value - baseValues[index]).toSorted((a, b) => a - b);
		return `${sorted[Math.floor(sorted.length / 4)].toFixed(1)}..${sorted[Math.floor((sorted.length * 3) / 4)].toFixed(1)}`;
	};

	console.log(`node ${process.version}, ${runs} rounds; medians in ms, wall clock and CPU time; gain: the median of the rounds' differences, without the trick minus with it (quartiles)`);
	console.log('| build | first frame | gain | CPU | gain | q at the first frame, to exit | gain | CPU | gain | --version | gain | CPU | gain | peak RSS (q at the first frame) | gain |');
	console.log(`|---|${'---:|'.repeat(14)}`);
	for (const {name} of builds) {
		const result = results.get(name);
		const cells = key =>
			name === builds[0].name ? [median(result[key]).toFixed(1), ''] : [median(result[key]).toFixed(1), `${gain(result[key], base[key]).toFixed(1)} (${quartiles(result[key], base[key])})`];
		console.log(`| ${[name, ...cells('frame'), ...cells('frameCpu'), ...cells('quit'), ...cells('quitCpu'), ...cells('version'), ...cells('versionCpu'), ...cells('rss')].join(' | ')} |`);
	}

} finally {
	rmSync(directory, {recursive: true, force: true});
}
