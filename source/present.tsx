import process from 'node:process';
import React from 'react';
import {render, type Instance} from 'ink';
import {App} from './app.js';
import {FrameWriterContext} from './components/lines.js';
import type {Deck} from './deck.js';
import {createFrameWriter, type FrameWriter} from './frame-writer.js';
import {readSize} from './hooks/use-terminal-size.js';
import type {PeerLink} from './peer.js';
import {escapes, resetRawMode, writeNow} from './terminal.js';
import type {Theme} from './theme.js';

/**
The live show's lifecycle: take the terminal (alternate screen, hidden cursor, raw keys), run the app,
and give the terminal back on every way out: q, Ctrl+C, a signal, a crash. Also Ctrl+Z and fg.
*/
export type PresentOptions = {
	readonly deck: Deck;
	readonly theme: Theme;
	readonly start: number;
	readonly isRevealing: boolean;
	readonly showTimer: boolean;
	readonly isDebug: boolean;
	readonly link?: PeerLink;
};

/** As Ink's chalk decides: no SGR at all for FORCE_COLOR=0 or a dumb terminal. */
function hasStyles(env: NodeJS.ProcessEnv): boolean {
	return !['0', 'false'].includes(env['FORCE_COLOR'] ?? '') && env['TERM'] !== 'dumb';
}

/** stdout as Ink sees it: the same stream, but the frame writer hears of every write Ink makes. */
function watchedStdout(stdout: NodeJS.WriteStream, writer: FrameWriter): NodeJS.WriteStream {
	return new Proxy(stdout, {
		get(target, key) {
			if (key === 'write') {
				return (...args: Parameters<NodeJS.WriteStream['write']>) => {
					writer.beforeForeignWrite();
					const result = target.write(...args);
					writer.noteForeignWrite();
					return result;
				};
			}

			const value: unknown = Reflect.get(target, key, target);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}

const signalCodes = {SIGINT: 130, SIGQUIT: 131, SIGTERM: 143, SIGHUP: 129} as const;

/** How long cleanup may take before the process leaves anyway. */
const watchdogMs = 1000;

export async function present(options: PresentOptions): Promise<number> {
	const {stdin, stdout} = process;
	const out = stdout.fd;
	let instance: Instance | undefined;
	let refresh = 0;
	let finished = false;

	const take = () => {
		writeNow(out, escapes.enterAlternateScreen + escapes.hideCursor + escapes.home + escapes.clearScreen);
	};

	const giveBack = () => {
		writeNow(out, escapes.resetAttributes + escapes.leaveAlternateScreen + escapes.showCursor);
		resetRawMode(stdin, false);
	};

	const finish = (code: number, message?: string) => {
		if (finished) {
			return;
		}

		finished = true;
		setTimeout(() => process.exit(code), watchdogMs).unref();
		try {
			instance?.unmount();
		} catch {
			// Unmounting a broken tree can throw; the terminal still has to be given back.
		}

		giveBack();
		if (message) {
			writeNow(process.stderr.fd, message);
		}

		void (options.link?.close() ?? Promise.resolve()).finally(() => {
			process.exit(code);
		});
	};

	const fatal = (error: unknown) => {
		const text = error instanceof Error ? error.message : String(error);
		const stack = options.isDebug && error instanceof Error && error.stack ? error.stack + '\n' : '';
		finish(1, `briefing: ${text.split('\n')[0]}\n${stack}`);
	};

	const writer = createFrameWriter({
		theme: options.theme,
		write(text) {
			stdout.write(text);
		},
		size: () => readSize(stdout),
		hasStyles: hasStyles(process.env),
	});

	// Ink's screen-reader mode writes linear text instead of a screen: then Ink paints everything.
	const frameWriter = process.env['INK_SCREEN_READER'] === 'true' ? undefined : writer;
	const app = () => (
		<FrameWriterContext.Provider value={frameWriter}>
			<App
				deck={options.deck}
				theme={options.theme}
				start={options.start}
				isRevealing={options.isRevealing}
				showTimer={options.showTimer}
				refresh={refresh}
				onSuspend={suspend}
				onFatal={fatal}
				{...(options.link ? {link: options.link} : {})}
			/>
		</FrameWriterContext.Provider>
	);

	function suspend() {
		giveBack();
		process.kill(process.pid, 'SIGSTOP');
	}

	const resume = () => {
		if (finished) {
			return;
		}

		take();
		writer.noteForeignWrite();
		resetRawMode(stdin, true);
		instance?.clear();
		refresh++;
		instance?.rerender(app());
	};

	for (const [signal, code] of Object.entries(signalCodes)) {
		process.on(signal, () => {
			finish(code);
		});
	}

	process.on('SIGCONT', resume);
	process.on('uncaughtException', fatal);
	process.on('unhandledRejection', fatal);

	take();
	instance = render(app(), {
		stdout: watchedStdout(stdout, writer),
		exitOnCtrlC: false,
		patchConsole: false,
		maxFps: 60,
	});
	await instance.waitUntilExit().catch(fatal);
	finish(0);
	return 0;
}
