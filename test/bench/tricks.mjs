#!/usr/bin/env node
/**
`node test/bench/tricks.mjs`: what each start-up trick of the build earns. It builds dist/ as
source/build.mjs does (buildDist) into a temporary folder, and beside it one variant per trick with that
trick left out, then runs them in turns, each of BENCH_RUNS rounds (default 7) running every build
once: spawn to the first frame (the built-in deck at 120x40 in a pty, seen by xterm: the footer's
"1/N" on screen) and spawn to exit of --version. It prints the medians and each trick's gain (the
median without it minus the median with it), the numbers of docs/build.md's table.
Timings are only meaningful on a quiet machine; the comparison is fair on a busy one, as the builds
take turns. Not part of `npm test`.
*/
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
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

const without = (options, name) => ({...options, plugins: options.plugins.filter(plugin => plugin.name !== name)});
const adding = (options, plugin) => ({...options, plugins: [plugin, ...options.plugins]});

/** Each trick, and dist/ without it: the bundles to build, and what to do to the folder after. */
const variants = {
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
	'React through one module (react-once)': {bundles: {...bundles, program: without(bundles.program, 'react-once')}},
	'process as the global (process plugin)': {bundles: {...bundles, program: without(bundles.program, 'process'), bin: without(bundles.bin, 'process')}},
	'--version answered by the bin': {
		bundles: {...bundles, bin: adding(bundles.bin, replacing('bin.ts', 'if (argv.some(word =>', 'if (false && argv.some(word =>'))},
	},
};

function env() {
	const copy = {...process.env, TERM: 'xterm-256color', COLORTERM: 'truecolor'};
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
				resolve(frame);
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

const directory = mkdtempSync(path.join(tmpdir(), 'briefing-tricks-'));
try {
	const builds = [{name: 'all tricks (dist/ as built)', directory: path.join(directory, 'base')}];
	await buildDist(builds[0].directory);
	for (const [index, [name, variant]] of Object.entries(variants).entries()) {
		const folder = path.join(directory, `variant-${index}`);
		await buildDist(folder, variant.bundles);
		variant.after?.(folder);
		builds.push({name, directory: folder});
	}

	const results = new Map(builds.map(each => [each.name, {frame: [], version: []}]));
	for (let round = 0; round < runs; round++) {
		// Each round in another order, so that no build always follows the same one.
		const order = builds.map((each, index) => builds[(index + round) % builds.length]);
		for (const each of order) {
			results.get(each.name).frame.push(await firstFrame(each.directory));
			results.get(each.name).version.push(await version(each.directory));
		}
	}

	const base = results.get(builds[0].name);
	const baseFrame = median(base.frame);
	const baseVersion = median(base.version);
	console.log(`node ${process.version}, ${runs} rounds, medians in ms; gain = without the trick minus with it`);
	console.log('| build | first frame | gain | --version | gain |');
	console.log('|---|---:|---:|---:|---:|');
	for (const {name} of builds) {
		const {frame, version: versions} = results.get(name);
		const gain = (value, baseValue) => (name === builds[0].name ? '' : (value - baseValue).toFixed(1));
		console.log(`| ${name} | ${median(frame).toFixed(1)} | ${gain(median(frame), baseFrame)} | ${median(versions).toFixed(1)} | ${gain(median(versions), baseVersion)} |`);
	}
} finally {
	rmSync(directory, {recursive: true, force: true});
}
