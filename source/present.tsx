import process from 'node:process';
import React from 'react';
import {render, type Instance} from 'ink';
import {App} from './app.js';
import {PresenterView} from './presenter-view.js';
import type {Deck} from './deck.js';
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
	/** The audience view (the slides) or the presenter view (notes, next, time). */
	readonly view?: 'audience' | 'presenter';
	/** The planned length of the talk in ms, for the presenter view's pace. */
	readonly duration?: number;
};

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

	const app = () => {
		const common = {
			deck: options.deck,
			theme: options.theme,
			start: options.start,
			isRevealing: options.isRevealing,
			refresh,
			onSuspend: suspend,
			onFatal: fatal,
			...(options.link ? {link: options.link} : {}),
		};
		return options.view === 'presenter' ? (
			<PresenterView {...common} {...(options.duration ? {duration: options.duration} : {})} />
		) : (
			<App {...common} showTimer={options.showTimer} />
		);
	};

	function suspend() {
		giveBack();
		process.kill(process.pid, 'SIGSTOP');
	}

	const resume = () => {
		if (finished) {
			return;
		}

		take();
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
		exitOnCtrlC: false,
		patchConsole: false,
		maxFps: 60,
	});
	await instance.waitUntilExit().catch(fatal);
	finish(0);
	return 0;
}
