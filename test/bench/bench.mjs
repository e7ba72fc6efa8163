#!/usr/bin/env node
/**
`npm run bench`: the built bin against peer presenters, in a real pseudo-terminal with a real
terminal emulator as the screen (the same @lydell/node-pty + @xterm/headless as the end-to-end tests).

For each size it runs every program several times, alternating, and measures:
- spawn to the first complete frame (slide 1's title and, for us, the footer counter on screen);
- spawn to slide 2 complete, with the key pressed as soon as slide 1 is up (how soon a presenter can
  move on: for us, Ink still loads after the first frame);
- keypress to the next slide complete (--no-reveal, so every key is a slide change), forward and back;
- bytes written per slide change, against the visible characters of the new screen;
- bytes per timer tick (--timer) and per reveal step (reveal on), ours only;
- peak RSS (VmHWM from /proc just before quitting) and quit to exit;
- spawn to exit of `node -e 0` (the floor: Node starting and ending) and of --help, --version, --list;
- spawn to screen of Node writing one line in the same pty (the floor for a first frame).
The floor and the commands take their turn in the same alternation as the programs. The targets are
docs/performance.md's; the bench exits 1 when one is missed (without patat, its target is reported as not measured).
mdp and patat run on a generated 10-slide Markdown deck with the same words, when they are installed.

Then Markdown decks of every size, generated here (test/bench/decks.mjs: 30, 300 and 3,000
slides of a title and three bullets, the last about 880 KB), each presented at 120x40 with --rehearse
beside the built-in deck: spawn to first frame, a key on slide 1 to slide 2, peak RSS; and --print and
--list of the biggest, to exit, with their peak RSS (each under 100 MB). mdp -f and patat present the same decks when they
are installed.

Environment: BENCH_RUNS (default 7), BENCH_SIZES (default "120x40,200x50"), BENCH_STEPS (default 32),
BENCH_DECK_RUNS (default 3; 0 leaves the Markdown decks out).
Ours run as the bin itself (dist/cli.js), as `npx briefing` runs it (its first line starts Node).
Timings are only meaningful on a quiet machine.
Not part of `npm test`.
*/
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {createRequire} from 'node:module';
import {sizedDeck} from './decks.mjs';

const require = createRequire(import.meta.url);
const pty = require('@lydell/node-pty');
const {Terminal} = require('@xterm/headless');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'dist/cli.js');
const runs = Number(process.env.BENCH_RUNS ?? 7);
const steps = Number(process.env.BENCH_STEPS ?? 32);
const sizes = (process.env.BENCH_SIZES ?? '120x40,200x50').split(',').map(text => {
	const [cols, rows] = text.split('x').map(Number);
	return {cols, rows};
});
const quietMs = 40;
/** BENCH_KEEP_ENV=1 runs every program with the environment exactly as it is. */
const keepEnvironment = process.env.BENCH_KEEP_ENV === '1';
const timeoutMs = 5000;

/** Arrow keys as the terminal sends them: ncurses programs switch on application cursor keys. */
const arrow = (term, letter) => (term.modes.applicationCursorKeysMode ? '\u001BO' : '\u001B[') + letter;

// ---------------------------------------------------------------- a program in a pty, seen by xterm

class Session {
	constructor(file, args, {cols, rows}) {
		const env = {...process.env, TERM: 'xterm-256color', COLORTERM: 'truecolor'};
		delete env.CI;
		delete env.CONTINUOUS_INTEGRATION;
		delete env.NO_COLOR;
		delete env.FORCE_COLOR;
		if (!keepEnvironment) {
			// See the note printed at the start: a setting of this workplace, not of a presenter's machine.
			delete env.NODE_EXTRA_CA_CERTS;
		}
		this.term = new Terminal({cols, rows, allowProposedApi: true, scrollback: 0});
		this.bytes = 0;
		this.lastDataAt = performance.now();
		this.waiters = [];
		this.exited = undefined;
		this.exitWaiters = [];
		this.started = performance.now();
		this.child = pty.spawn(file, args, {name: 'xterm-256color', cols, rows, cwd: root, env});
		this.child.onData(data => {
			const at = performance.now();
			this.bytes += Buffer.byteLength(data);
			this.lastDataAt = at;
			this.term.write(data, () => {
				this.check(at);
			});
		});
		this.child.onExit(({exitCode}) => {
			this.exited = {at: performance.now(), code: exitCode};
			for (const resolve of this.exitWaiters) {
				resolve(this.exited);
			}
		});
	}

	get pid() {
		return this.child.pid;
	}

	screen() {
		const buffer = this.term.buffer.active;
		const lines = [];
		for (let y = 0; y < this.term.rows; y++) {
			lines.push(buffer.getLine(y)?.translateToString(true) ?? '');
		}

		return lines;
	}

	check(at) {
		if (this.waiters.length === 0) {
			return;
		}

		const lines = this.screen();
		this.waiters = this.waiters.filter(waiter => {
			if (waiter.predicate(lines)) {
				clearTimeout(waiter.timer);
				waiter.resolve(at);
				return false;
			}

			return true;
		});
	}

	/** Resolves with the arrival time of the chunk after which the screen satisfied `predicate`. */
	waitFor(predicate, what, ms = timeoutMs) {
		return new Promise((resolve, reject) => {
			const waiter = {predicate, resolve};
			waiter.timer = setTimeout(() => {
				this.waiters = this.waiters.filter(other => other !== waiter);
				reject(new Error(`timed out waiting for ${what}; screen:\n${this.screen().join('\n')}`));
			}, ms);
			this.waiters.push(waiter);
			this.check(performance.now());
		});
	}

	/** Resolves once nothing has arrived for `ms` (and xterm has parsed everything). */
	async quiet(ms = quietMs) {
		for (;;) {
			const idle = performance.now() - this.lastDataAt;
			if (idle >= ms) {
				await new Promise(resolve => {
					this.term.write('', resolve);
				});
				return;
			}

			await sleep(ms - idle);
		}
	}

	write(data) {
		this.child.write(data);
	}

	waitExit() {
		if (this.exited) {
			return Promise.resolve(this.exited);
		}

		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('did not exit')), timeoutMs);
			this.exitWaiters.push(value => {
				clearTimeout(timer);
				resolve(value);
			});
		});
	}

	/** Peak resident set size in MB, from the kernel's high-water mark. */
	peakRss() {
		try {
			const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
			const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
			return kb / 1024;
		} catch {
			return Number.NaN;
		}
	}

	kill() {
		if (!this.exited) {
			try {
				this.child.kill('SIGKILL');
			} catch {
				// Gone already.
			}
		}

		this.term.dispose();
	}
}

function sleep(ms) {
	return new Promise(resolve => {
		setTimeout(resolve, ms);
	});
}

const visibleChars = lines => lines.join('').replaceAll(/\s/g, '').length;

// ---------------------------------------------------------------- the programs

function run(file, args) {
	const result = spawnSync(file, args, {cwd: root, encoding: 'utf8', env: {...process.env, CI: ''}});
	if (result.status !== 0) {
		throw new Error(`${file} ${args.join(' ')} failed: ${result.stderr}`);
	}

	return result.stdout;
}

function which(name) {
	const result = spawnSync('sh', ['-c', `command -v ${name}`], {encoding: 'utf8'});
	return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Our slides' titles, from `--list` (the same deck the bin presents). */
function ourTitles() {
	return run(process.execPath, [bin, '--list'])
		.split('\n')
		.map(line => /^\s+(\d+)\s{2}(.+)$/.exec(line))
		.filter(Boolean)
		.map(match => match[2].trim());
}

/** Each of our slides' paragraph citation (`¶ 13, 17`), from `--print`: it is the slide's last body line. */
function ourCitations() {
	return [...run(process.execPath, [bin, '--print']).matchAll(/^ {2}Article (¶ .+)$/gm)].map(match => match[1].trim());
}

/** Our slides as plain text (title, body lines), from `--print` (every slide whole): each slide is a title underlined with dashes, its body (indented two spaces), and its `Article ¶` line. */
function ourSlides() {
	const lines = run(process.execPath, [bin, '--print']).split('\n');
	const slides = [];
	let current;
	for (const [i, line] of lines.entries()) {
		if (/^-{3,}$/.test(line) && lines[i - 1]?.length === line.length) {
			current = {title: lines[i - 1], body: []};
		} else if (/^ {2}Article ¶/.test(line)) {
			if (current) {
				slides.push(current);
			}

			current = undefined;
		} else if (current && !/^={20,}$/.test(line)) {
			current.body.push(line);
		}
	}

	return slides.map(slide => ({title: slide.title, body: slide.body.slice(1).map(line => line.slice(2))}));
}

function toMarkdown(body) {
	const out = [];
	let paragraph = [];
	const flush = () => {
		if (paragraph.length > 0) {
			out.push(paragraph.join(' '), '');
			paragraph = [];
		}
	};

	for (const line of body) {
		if (line.trim() === '') {
			flush();
		} else if (line.startsWith('- ')) {
			flush();
			out.push(line);
		} else if (line.startsWith('“') || line.trimStart().startsWith('— ')) {
			// A quote (the plain text writes it as “words” and, under it, — Speaker).
			flush();
			out.push('> ' + line.trim(), '');
		} else if (line.startsWith('  ') && out.at(-1)?.startsWith('- ')) {
			out[out.length - 1] += ' ' + line.trim();
		} else if (out.at(-1) === '' && out.at(-2)?.startsWith('> “') && !out.at(-2).endsWith('”')) {
			// The quote's next line.
			out[out.length - 2] += ' ' + line.trim();
		} else {
			paragraph.push(line.trim());
		}
	}

	flush();
	return out;
}

/** A 10-slide Markdown deck with our words, for mdp and patat; every slide ends with a marker line. */
function peerDeck(directory) {
	const slides = ourSlides();
	const parts = [];
	const titles = [];
	for (let i = 0; i < 10; i++) {
		const slide = slides[i % slides.length];
		const title = `${i + 1}. ${slide.title}`;
		titles.push(title);
		parts.push([`# ${title}`, '', ...toMarkdown(slide.body), '', `End of slide ${i + 1}.`].join('\n'));
	}

	const file = path.join(directory, 'deck.md');
	writeFileSync(file, parts.join('\n\n---\n\n') + '\n');
	return {file, titles};
}

function ours() {
	const titles = ourTitles();
	const citations = ourCitations();
	const count = titles.length;
	const counter = index => new RegExp(`^\\s*${index + 1}/${count}(\\s|$)`);
	// Complete: the slide's citation (its last body line; the title may be drawn in big letters) and
	// its number in the footer (the last thing on the screen).
	const isSlide = index => lines =>
		lines.some(line => line.trimEnd().endsWith(citations[index])) && lines.slice(-3).some(line => counter(index).test(line));
	return {
		name: 'briefing',
		// The bin itself, as `npx briefing` starts it (via its first line, `#!/usr/bin/env node`).
		file: bin,
		args: ['--no-reveal'],
		// The first frame as a presenter starts it: no arguments.
		firstArgs: [],
		count,
		isSlide,
		spawnArgs: extra => extra,
	};
}

function peer(name, file, args, deck) {
	const isSlide = index => lines =>
		lines.some(line => line.includes(deck.titles[index].slice(0, 30))) && lines.some(line => line.includes(`End of slide ${index + 1}.`));
	return {name, file, args: [...args, deck.file], count: deck.titles.length, isSlide, spawnArgs: extra => extra};
}

/** Spawn to exit of a command that prints and ends (stdout a pipe, as in `briefing --help | less`), in ms. */
function timeCommand(file, args) {
	return new Promise((resolve, reject) => {
		const env = {...process.env};
		if (!keepEnvironment) {
			delete env.NODE_EXTRA_CA_CERTS;
		}

		const started = performance.now();
		const child = spawn(file, args, {cwd: root, env, stdio: ['ignore', 'pipe', 'pipe']});
		child.stdout.resume();
		child.stderr.resume();
		child.on('error', reject);
		child.on('exit', code => {
			const ms = performance.now() - started;
			if (code === 0) {
				resolve(ms);
			} else {
				reject(new Error(`${file} ${args.join(' ')} exited ${code}`));
			}
		});
	});
}

/**
The PDF handouts: spawn to exit of `--export pdf -o FILE` (the memo) and `--export pdf --slides
-o FILE` on the built-in deck, and the process's peak RSS (maxRSS as the process ends, reported by a
module NODE_OPTIONS preloads), in ms and MB. Reported, with no target.
*/
async function measurePdfExports(directory) {
	const probe = path.join(directory, 'max-rss.cjs');
	writeFileSync(probe, "process.on('exit', () => require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
	const kinds = [
		{name: '--export pdf (the memo)', args: []},
		{name: '--export pdf --slides', args: ['--slides']},
	];
	const rows = [['', 'spawn to exit, ms', 'peak RSS, MB', 'file, kB']];
	for (const kind of kinds) {
		const times = [];
		const rss = [];
		let size = 0;
		for (let r = 0; r < Math.max(3, Math.ceil(runs / 2)); r++) {
			const file = path.join(directory, `bench-${r}.pdf`);
			const rssFile = path.join(directory, 'rss');
			const started = performance.now();
			const result = spawnSync(process.execPath, [bin, '--export', 'pdf', ...kind.args, '-o', file, '--force'], {
				cwd: root,
				env: {...process.env, NODE_OPTIONS: `--require ${probe}`, BENCH_RSS_FILE: rssFile},
				stdio: ['ignore', 'ignore', 'pipe'],
			});
			times.push(performance.now() - started);
			if (result.status !== 0) {
				throw new Error(`briefing --export pdf ${kind.args.join(' ')} exited ${result.status}: ${result.stderr}`);
			}

			rss.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
			size = readFileSync(file).length / 1024;
		}

		rows.push([kind.name, cell(times), cell(rss), format(size, 0)]);
	}

	return table(rows);
}

/** The floor (`node -e 0`, Node starting and ending) and our commands that print at once, each timed to exit. */
const commands = [
	{name: 'node -e 0 (floor)', file: process.execPath, args: ['-e', '0']},
	{name: 'briefing --help', file: bin, args: ['--help']},
	{name: 'briefing --version', file: bin, args: ['--version']},
	{name: 'briefing --list', file: bin, args: ['--list']},
];

/**
Node writing one line in the same pty, spawn to the line on screen: the floor for a first frame (what
any Node program pays before its first byte shows), in ms.
*/
async function nodeFirstWrite(size) {
	const session = new Session(process.execPath, ['-e', "process.stdout.write('first write'); setTimeout(() => {}, 100)"], size);
	try {
		return (await session.waitFor(lines => lines.some(line => line.includes('first write')), 'node first write')) - session.started;
	} finally {
		session.kill();
	}
}

// ---------------------------------------------------------------- one run of one program

async function firstFrame(program, args, size) {
	const session = new Session(program.file, program.spawnArgs(args), size);
	try {
		const first = (await session.waitFor(program.isSlide(0), `${program.name} first frame`)) - session.started;
		return {session, first};
	} catch (error) {
		session.kill();
		throw error;
	}
}

async function measure(program, size) {
	let first;
	if (program.firstArgs) {
		const start = await firstFrame(program, program.firstArgs, size);
		first = start.first;
		start.session.write('q');
		await start.session.waitExit();
		start.session.kill();
	}

	const start = await firstFrame(program, program.args, size);
	first ??= start.first;
	const {session} = start;
	try {
		// The first key, pressed as the first slide appears: how soon a presenter can move on.
		session.write(arrow(session.term, 'C'));
		const firstKey = (await session.waitFor(program.isSlide(1), `${program.name} slide 2 after the first key`)) - session.started;
		await session.quiet(100);
		const keyMs = [];
		const keyBytes = [];
		const ratio = [];
		let index = 1;
		let direction = 1;
		for (let step = 0; step < steps; step++) {
			if (index + direction < 0 || index + direction >= program.count) {
				direction = -direction;
			}

			const next = index + direction;
			const before = session.bytes;
			const pressed = performance.now();
			session.write(arrow(session.term, direction > 0 ? 'C' : 'D'));
			const shown = await session.waitFor(program.isSlide(next), `${program.name} slide ${next + 1}`);
			keyMs.push(shown - pressed);
			await session.quiet();
			const bytes = session.bytes - before;
			keyBytes.push(bytes);
			ratio.push(bytes / visibleChars(session.screen()));
			index = next;
		}

		const rss = session.peakRss();
		const quitAt = performance.now();
		session.write('q');
		const exited = await session.waitExit();
		return {first, firstKey, keyMs, keyBytes, ratio, rss, quit: exited.at - quitAt, code: exited.code};
	} finally {
		session.kill();
	}
}

/** Ours with --timer: bytes per clock tick; then without flags (reveal on): bytes per reveal step. */
async function measureUpdates(program, size) {
	const ticks = [];
	const timed = new Session(program.file, program.spawnArgs(['--timer']), size);
	try {
		await timed.waitFor(program.isSlide(0), 'first frame');
		// The timer waits for the talk: r starts it without moving the slide.
		timed.write('r');
		await timed.quiet(150);
		// Each burst of output while nothing is pressed is one tick of the footer clock.
		const end = performance.now() + 3300;
		let last = timed.bytes;
		while (performance.now() < end) {
			await sleep(20);
			if (timed.bytes > last && performance.now() - timed.lastDataAt > 30) {
				ticks.push(timed.bytes - last);
				last = timed.bytes;
			}
		}

		timed.write('q');
		await timed.waitExit();
	} finally {
		timed.kill();
	}

	// Reveal steps: a key that leaves the slide counter where it was and shows one more unit.
	const reveal = [];
	const revealRatio = [];
	const session = new Session(program.file, program.spawnArgs([]), size);
	try {
		await session.waitFor(program.isSlide(0), 'first frame');
		await session.quiet(150);
		const footer = () => session.screen().slice(-3).join('\n').match(/^\s*(\d+)\/\d+/m)?.[1];
		for (let press = 0; press < 6 * program.count && reveal.length < 8; press++) {
			const slide = footer();
			if (slide === String(program.count)) {
				// At the end: back to the start (Home shows the first slide from its first step).
				session.write(arrow(session.term, 'H'));
				await session.waitFor(program.isSlide(0), 'slide 1');
				await session.quiet();
				continue;
			}

			const shown = visibleChars(session.screen());
			const before = session.bytes;
			session.write(arrow(session.term, 'C'));
			await session.waitFor(() => session.bytes > before, 'an update');
			await session.quiet();
			if (footer() === slide) {
				const bytes = session.bytes - before;
				reveal.push(bytes);
				revealRatio.push(bytes / Math.max(1, visibleChars(session.screen()) - shown));
			}
		}

		session.write('q');
		await session.waitExit();
	} finally {
		session.kill();
	}

	return {ticks, reveal, revealRatio};
}

// ---------------------------------------------------------------- statistics and the table

function stats(values) {
	const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
	if (sorted.length === 0) {
		return undefined;
	}

	const at = q => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return {median, p95: at(0.95), min: sorted[0], max: sorted.at(-1)};
}

function format(value, digits) {
	return value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(digits);
}

function cell(values, digits = 1) {
	const s = stats(values);
	return s ? `${format(s.median, digits)} / ${format(s.p95, digits)} (${format(s.min, digits)}-${format(s.max, digits)})` : '-';
}

function table(rows) {
	const widths = rows[0].map((_, column) => Math.max(...rows.map(row => String(row[column]).length)));
	const line = row => '| ' + row.map((value, column) => String(value).padEnd(widths[column])).join(' | ') + ' |';
	return [line(rows[0]), '|' + widths.map(width => '-'.repeat(width + 2)).join('|') + '|', ...rows.slice(1).map(line)].join('\n');
}

// ---------------------------------------------------------------- Markdown decks of every size

const deckRuns = Number(process.env.BENCH_DECK_RUNS ?? 3);
const deckSizes = [30, 300, 3000];

/** The generated decks, ours and (a title line and the bullets a slide, `---` between) the peers'. */
function generatedDecks(directory) {
	return deckSizes.map(count => {
		const text = sizedDeck(count);
		const file = path.join(directory, `deck-${count}.md`);
		writeFileSync(file, text);
		const slides = text.split('\n## ').slice(1).map(slide => slide.replace(/<!--.*-->\n?/g, '').trim());
		const peerFile = path.join(directory, `peer-${count}.md`);
		writeFileSync(peerFile, slides.map(slide => `# ${slide}`).join('\n\n---\n\n') + '\n');
		return {count, file, peerFile, bytes: Buffer.byteLength(text)};
	});
}

/**
Ours on a generated deck (or the built-in one): slide n is up when its footer counter is (the footer is
painted last; a section's first slide has its title in big letters), and for the built-in deck its
citation too.
*/
function ourDeck(file, count) {
	const counter = index => new RegExp(`^\\s*${index + 1}/${count}(\\s|$)`);
	const builtIn = file ? undefined : ours();
	const isSlide = index => lines => lines.slice(-3).some(line => counter(index).test(line)) && (!builtIn || builtIn.isSlide(index)(lines));
	return {name: 'briefing', file: bin, args: [...(file ? [file] : []), '--rehearse', '--no-reveal'], isSlide};
}

function peerOnDeck(name, file, args, deck) {
	const isSlide = index => lines => lines.some(line => line.includes(`Slide ${index + 1}:`));
	return {name, file, args: [...args, deck.peerFile], isSlide};
}

/** First frame, a key on slide 1, peak RSS, quit: one run of one program on one deck. */
async function measureDeck(program, size) {
	const session = new Session(program.file, program.args, size);
	try {
		const first = (await session.waitFor(program.isSlide(0), `${program.name} first frame`, 60_000)) - session.started;
		await session.quiet(300);
		const pressed = performance.now();
		session.write(arrow(session.term, 'C'));
		const key = (await session.waitFor(program.isSlide(1), `${program.name} slide 2`, 60_000)) - pressed;
		await session.quiet();
		const rss = session.peakRss();
		session.write('q');
		await session.waitExit();
		return {first, key, rss};
	} finally {
		session.kill();
	}
}

/** A command to exit, with its peak RSS (MB) read by a wrapper in the same process (stdout to /dev/null). */
function timeWithRss(directory, args) {
	const wrapper = path.join(directory, 'rss.cjs');
	writeFileSync(wrapper, "process.on('exit', () => process.stderr.write(`\\nmaxrss ${process.resourceUsage().maxRSS}\\n`));\nprocess.argv.splice(1, 1);\nrequire(process.argv[1]);\n");
	const started = performance.now();
	const result = spawnSync(process.execPath, [wrapper, bin, ...args], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: {...process.env, CI: ''}});
	const ms = performance.now() - started;
	if (result.status !== 0) {
		throw new Error(`briefing ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
	}

	return {ms, rss: Number(/maxrss (\d+)/.exec(result.stderr)?.[1]) / 1024};
}

async function benchDecks(directory, verdicts) {
	const size = {cols: 120, rows: 40};
	const decks = generatedDecks(directory);
	const peers = [['mdp', ['-f']], ['patat', []]].filter(([name]) => which(name));
	const programs = [
		{label: 'built-in deck', deck: undefined, program: ourDeck(undefined, ourTitles().length)},
		...decks.flatMap(deck => [
			{label: `${deck.count} slides`, deck, program: ourDeck(deck.file, deck.count)},
			...peers.map(([name, args]) => ({label: `${deck.count} slides, ${name}`, deck, program: peerOnDeck(name, which(name), args, deck)})),
		]),
	];
	const results = new Map(programs.map(entry => [entry.label, []]));
	const commandsRun = new Map([['--print', []], ['--list', []]]);
	const biggest = decks.at(-1);
	for (let r = 0; r < deckRuns; r++) {
		for (let i = 0; i < programs.length; i++) {
			const entry = programs[(i + r) % programs.length];
			results.get(entry.label).push(await measureDeck(entry.program, size));
		}

		for (const flag of commandsRun.keys()) {
			commandsRun.get(flag).push(timeWithRss(directory, [flag, biggest.file]));
		}
	}

	const values = (label, key) => results.get(label).map(result => result[key]);
	const median = (label, key) => stats(values(label, key))?.median ?? Number.NaN;
	const rows = [
		['120x40, --rehearse', 'file', 'first frame, ms', 'key on slide 1, ms', 'peak RSS, MB'],
		...programs.map(({label, deck}) => [label, deck ? `${Math.round(deck.bytes / 1024)} KB` : '-', cell(values(label, 'first')), cell(values(label, 'key'), 2), cell(values(label, 'rss'))]),
		...[...commandsRun].map(([flag, runs]) => [
			`${flag} of ${biggest.count} slides, to exit`,
			`${Math.round(biggest.bytes / 1024)} KB`,
			cell(runs.map(run => run.ms)),
			'n/a',
			cell(runs.map(run => run.rss)),
		]),
	];
	console.log(`\nMarkdown decks (generated: a title and three bullets a slide), ${deckRuns} runs, median / p95 (min-max)\n`);
	console.log(table(rows));
	const builtIn = median('built-in deck', 'first');
	const patat300 = results.has('300 slides, patat') ? median('300 slides, patat', 'first') : undefined;
	const checks = [
		[`30 slides: first frame <= 1.2x the built-in deck's (${format(1.2 * builtIn, 1)} ms)`, median('30 slides', 'first') <= 1.2 * builtIn],
		patat300 === undefined
			? ['300 slides: first frame <= patat\'s (patat not installed)', undefined]
			: [`300 slides: first frame <= patat's (${format(patat300, 1)} ms)`, median('300 slides', 'first') <= patat300],
		['3,000 slides: first frame < 150 ms', median('3000 slides', 'first') < 150],
		['3,000 slides: peak RSS < 100 MB', median('3000 slides', 'rss') < 100],
		[`3,000 slides: key on slide 1 <= 1.25x the built-in deck's (${format(1.25 * median('built-in deck', 'key'), 2)} ms)`, median('3000 slides', 'key') <= 1.25 * median('built-in deck', 'key')],
		...[...commandsRun].map(([flag, runs]) => [`${flag} of 3,000 slides: peak RSS < 100 MB`, stats(runs.map(run => run.rss)).median < 100]),
	];
	for (const [label, ok] of checks) {
		verdicts.push({ok, line: `decks    ${ok === undefined ? 'n/m ' : ok ? 'met ' : 'MISS'}  ${label}`});
	}
}

// ---------------------------------------------------------------- main

if (!existsSync(bin)) {
	console.error('bench: dist/cli.js is missing; run `npm run build` first (npm run bench does).');
	process.exit(2);
}

const directory = mkdtempSync(path.join(tmpdir(), 'briefing-bench-'));
// The runs rehearse (--rehearse); their timings go to this run's folder, never to a presenter's own.
process.env.XDG_STATE_HOME = directory;
const started = performance.now();
try {
	const deck = peerDeck(directory);
	const programs = [ours()];
	const missing = [];
	const mdp = which('mdp');
	if (mdp) {
		programs.push(peer('mdp', mdp, ['-f'], deck));
	} else {
		missing.push('mdp');
	}

	const patat = which('patat');
	if (patat) {
		programs.push(peer('patat', patat, [], deck));
	} else {
		missing.push('patat');
	}

	console.log(`briefing bench: node ${process.version}, ${runs} runs per size, ${steps} key steps per run, programs alternating`);
	console.log(`our deck: ${programs[0].count} slides; first frame without arguments; keys with --no-reveal (every key is a slide change)`);
	if (process.env.NODE_EXTRA_CA_CERTS && !keepEnvironment) {
		console.log('NODE_EXTRA_CA_CERTS is set here; it makes every Node start read that certificate bundle (about 55 ms on this');
		console.log('machine) and a presenter\'s machine does not set it, so the programs run without it (BENCH_KEEP_ENV=1 keeps it)');
	}
	if (missing.length > 0) {
		console.log(`not installed, not compared: ${missing.join(', ')} (Debian: apt-get install ${missing.join(' ')})`);
	}

	const verdicts = [];
	for (const size of sizes) {
		const results = new Map(programs.map(program => [program.name, []]));
		const times = new Map(commands.map(command => [command.name, []]));
		const firstWrites = [];
		// The floor and our commands take a turn in the alternation like a program.
		const turns = [...programs, {name: 'commands'}];
		for (let r = 0; r < runs; r++) {
			// Alternate the order so that no program always runs right after another.
			const order = turns.map((_, i) => turns[(i + r) % turns.length]);
			for (const program of order) {
				if (program.name === 'commands') {
					firstWrites.push(await nodeFirstWrite(size));
					for (let c = 0; c < commands.length; c++) {
						const command = commands[(c + r) % commands.length];
						times.get(command.name).push(await timeCommand(command.file, command.args));
					}
				} else {
					results.get(program.name).push(await measure(program, size));
				}
			}
		}

		const updates = [];
		for (let r = 0; r < Math.max(1, Math.ceil(runs / 3)); r++) {
			updates.push(await measureUpdates(programs[0], size));
		}

		const all = (name, key) => results.get(name).flatMap(result => result[key]);
		const header = ['', ...programs.map(program => program.name)];
		const rows = [
			header,
			['first frame, ms', ...programs.map(p => cell(all(p.name, 'first')))],
			['slide 2 after a key at once, ms', ...programs.map(p => cell(all(p.name, 'firstKey')))],
			['key to frame, ms', ...programs.map(p => cell(all(p.name, 'keyMs'), 2))],
			['bytes per slide change', ...programs.map(p => cell(all(p.name, 'keyBytes'), 0))],
			['  / visible chars', ...programs.map(p => cell(all(p.name, 'ratio'), 2))],
			['bytes per timer tick', cell(updates.flatMap(u => u.ticks), 0), ...programs.slice(1).map(() => 'n/a')],
			['bytes per reveal step', cell(updates.flatMap(u => u.reveal), 0), ...programs.slice(1).map(() => 'n/a')],
			['  / revealed chars', cell(updates.flatMap(u => u.revealRatio), 2), ...programs.slice(1).map(() => 'n/a')],
			['peak RSS, MB', ...programs.map(p => cell(all(p.name, 'rss')))],
			['quit to exit, ms', ...programs.map(p => cell(all(p.name, 'quit')))],
		];
		console.log(`\n${size.cols}x${size.rows}: median / p95 (min-max)\n`);
		console.log(table(rows));

		const median = (name, key) => stats(all(name, key))?.median ?? Number.NaN;
		const p95 = (name, key) => stats(all(name, key))?.p95 ?? Number.NaN;
		const floor = stats(times.get(commands[0].name)).median;
		const commandRows = [
			['spawn to exit (stdout a pipe)', 'ms', '/ floor'],
			...commands.map(command => {
				const s = stats(times.get(command.name));
				return [command.name, cell(times.get(command.name)), format(s.median / floor, 2) + 'x'];
			}),
		];
		console.log('');
		console.log(table(commandRows));
		const ourFirst = median('briefing', 'first');
		const firstWrite = stats(firstWrites)?.median ?? Number.NaN;
		console.log(`\nnode writing one line in the same pty, spawn to screen (the floor for a first frame): ${cell(firstWrites)} ms`);
		console.log(`ours / floor (node -e 0): first frame ${format(ourFirst / floor, 2)}x; first frame - node's first write: ${format(ourFirst - firstWrite, 1)} ms`);
		for (const other of programs.slice(1)) {
			console.log(
				`ours / ${other.name}: first frame ${format(ourFirst / median(other.name, 'first'), 2)}x, ` +
					`key ${format(median('briefing', 'keyMs') / median(other.name, 'keyMs'), 2)}x, ` +
					`bytes ${format(median('briefing', 'keyBytes') / median(other.name, 'keyBytes'), 2)}x, ` +
					`RSS ${format(median('briefing', 'rss') / median(other.name, 'rss'), 2)}x`,
			);
		}

		const patatFirst = programs.some(p => p.name === 'patat') ? median('patat', 'first') : undefined;
		const tick = stats(updates.flatMap(u => u.ticks))?.median ?? Number.NaN;
		const reveal = stats(updates.flatMap(u => u.reveal))?.median ?? Number.NaN;
		const commandMedian = name => stats(times.get(name)).median;
		const checks = [
			// Without patat there is nothing to compare with: reported, not failed.
			patatFirst === undefined
				? ['first frame <= patat\'s median (patat not installed)', undefined]
				: [`first frame <= patat's median (${format(patatFirst, 1)} ms)`, ourFirst <= patatFirst],
			...commands.slice(1).map(command => [`${command.name} <= 1.5x node -e 0 (${format(1.5 * floor, 1)} ms)`, commandMedian(command.name) <= 1.5 * floor]),
			['key median <= 3 ms', median('briefing', 'keyMs') <= 3],
			['key p95 <= 6 ms', p95('briefing', 'keyMs') <= 6],
			['bytes per slide change <= 1.5x visible', median('briefing', 'ratio') <= 1.5],
			['timer tick <= 200 bytes', tick <= 200],
			// A reveal step writes the revealed text itself; the limit is for everything around it.
			['reveal step <= 200 bytes', reveal <= 200],
			['peak RSS <= 55 MB', median('briefing', 'rss') <= 55],
			['quit to exit <= 50 ms', median('briefing', 'quit') <= 50],
		];
		for (const [label, ok] of checks) {
			verdicts.push({ok, line: `${size.cols}x${size.rows}  ${ok === undefined ? 'n/m ' : ok ? 'met ' : 'MISS'}  ${label}`});
		}
	}

	console.log(`\nthe PDF handouts, built-in deck: median / p95 (min-max)\n\n${await measurePdfExports(directory)}`);
	if (deckRuns > 0) {
		await benchDecks(directory, verdicts);
	}

	console.log('\ntargets (medians unless p95; n/m = not measured):');
	console.log(verdicts.map(verdict => verdict.line).join('\n'));
	const missed = verdicts.filter(verdict => verdict.ok === false).length;
	console.log(`\n${missed === 0 ? 'every measured target met' : `${missed} target(s) missed`}; bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
	process.exitCode = missed === 0 ? 0 : 1;
} finally {
	rmSync(directory, {recursive: true, force: true});
}
