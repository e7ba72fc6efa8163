import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {expect, test} from 'vitest';
import {deck} from '../slides/index.js';
import {endAfterEach, type Session, spawnBin} from './helpers/pty.js';

/**
`briefing --follow` in real terminals: an audience view, a presenter view and three followers (one
at another size and theme, one with --screen-reader). What the audience view shows reaches every
follower; a follower's keys move nothing; a stopped follower does not hold the show up.
*/
const {sessions: running, folder} = endAfterEach();
const count = deck.slides.length;
const right = '\u001B[C';
/** The slide with the most reveal steps among the first few, for the reveal check. */
const revealing = deck.slides.findIndex(slide => slide.units >= 3);

type View = Session & {seen: (check: (screen: string) => boolean, what: string) => Promise<void>};

function view(args: readonly string[], env: Record<string, string>, size = {columns: 80, rows: 24}): View {
	const session = spawnBin(args, {size, env});
	running.push(session);
	return Object.assign(session, {
		async seen(check: (screen: string) => boolean, what: string) {
			await session.waitFor(() => check(session.screen()), what);
		},
	});
}

/** Where a drawn view (the footer's counter and step) or a screen-reader view says the show is. */
function isAt(screen: string, index: number, step?: string): boolean {
	const drawn = new RegExp(`(^|\\n) ${index + 1}/${count}${step ? ` · ${step}` : '(\\s|$)'}`).test(screen);
	// The screen reader's view keeps earlier frames above: its last "Slide N of M" is where it is.
	const read = [...screen.matchAll(/Slide (\d+) of \d+/g)].at(-1)?.[1] === String(index + 1);
	return drawn || read;
}

test('three followers see every move, reveal and blank screen; their keys move nothing', {timeout: 60_000}, async () => {
	const env = {XDG_RUNTIME_DIR: folder('brf-follow-')};
	const audience = view([], env);
	await audience.seen(screen => isAt(screen, 0), 'the audience view');
	const presenter = view(['--presenter'], env);
	await presenter.seen(screen => screen.includes('audience view connected'), 'the presenter view to connect');
	const followers = [view(['--follow'], env), view(['--follow', '--theme', 'light'], env, {columns: 120, rows: 30}), view(['--follow', '--screen-reader'], env)];
	for (const follower of followers) {
		await follower.seen(screen => isAt(screen, 0) && /following/i.test(screen), 'a follower to follow');
	}

	const everyone = async (check: (screen: string) => boolean, what: string) => {
		for (const each of [audience, ...followers]) {
			await each.seen(check, what);
		}
	};

	// A move from the presenter view.
	presenter.write(right);
	await everyone(screen => isAt(screen, 1), 'slide 2 everywhere');
	// A jump, then a reveal step, from the audience view.
	for (let index = 2; index <= revealing; index++) {
		audience.write(right);
		await audience.seen(screen => isAt(screen, index), `the audience on slide ${index + 1}`);
	}

	const units = deck.slides[revealing]!.units;
	await audience.seen(screen => isAt(screen, revealing, `1/${units}`), 'the slide that reveals');
	audience.write(right);
	await everyone(screen => isAt(screen, revealing, `2/${units}`) || isAt(screen, revealing), 'the second step everywhere');
	for (const follower of followers.slice(0, 2)) {
		await follower.seen(screen => isAt(screen, revealing, `2/${units}`), 'a drawn follower at step 2');
	}

	// A blank screen from the presenter view, and back.
	presenter.write('b');
	await audience.seen(screen => screen.trim() === '', 'the audience screen black');
	await followers[0]!.seen(screen => screen.trim() === '', 'a follower black');
	await followers[1]!.seen(screen => screen.trim() === '', 'the other follower black');
	await followers[2]!.seen(screen => screen.includes('audience screen is blanked (black)'), 'the screen reader follower to say so');
	presenter.write('x');
	await everyone(screen => screen.includes(deck.slides[revealing]!.title.slice(0, 20)), 'the slide back everywhere');

	// Keys in a follower: moves, a blank, a jump, the menu and the overview; none reaches the show.
	// The slide and the footer's counter (the link status at the footer's right comes and goes).
	const slideOnly = () => audience.lines().slice(0, -1).join('\n') + audience.lines().at(-1)!.slice(0, 30);
	const before = slideOnly();
	for (const keys of [right, right, 'b', '9', '\r', 'm', 'o', ' ']) {
		followers[0]!.write(keys);
	}

	// The keys above may arrive as one read (a paste, which means nothing): ? again until the help shows.
	const hasHelp = () => followers[0]!.screen().includes('Your keys never move');
	for (let attempt = 0; attempt < 5 && !hasHelp(); attempt++) {
		followers[0]!.write('?');
		await followers[0]!.seen(hasHelp, 'the follower help').catch(() => undefined);
	}

	expect(hasHelp()).toBe(true);
	followers[0]!.write('?');
	await followers[0]!.seen(screen => isAt(screen, revealing, `2/${units}`), 'the follower still where the show is');
	expect(slideOnly()).toBe(before);
	presenter.write(right);
	// One step from the presenter: the show is exactly one step on, so no follower key moved it.
	await everyone(screen => isAt(screen, revealing, `3/${units}`) || isAt(screen, revealing), 'the third step everywhere');
	await presenter.seen(screen => screen.includes(`slide ${revealing + 1}/${count}`), 'the presenter on the same slide');

	// Followers leave with q; the show goes on.
	followers[0]!.write('q');
	expect(await followers[0]!.status()).toBe(0);
	presenter.write('\u001B[H');
	await audience.seen(screen => isAt(screen, 0), 'the audience back at the start');
	await followers[1]!.seen(screen => isAt(screen, 0), 'the remaining follower too');
});

test('a stopped follower (SIGSTOP) does not hold the show up, and catches up when it resumes', {timeout: 60_000}, async () => {
	const env = {XDG_RUNTIME_DIR: folder('brf-follow-')};
	const audience = view(['--no-reveal'], env);
	await audience.seen(screen => isAt(screen, 0), 'the audience view');
	const follower = view(['--follow', '--no-reveal'], env);
	await follower.seen(screen => /following/.test(screen), 'the follower');
	const pid = follower.pty.pid;
	process.kill(pid, 'SIGSTOP');
	try {
		// Every slide to the end and back, one key at a time; the audience view shows each in turn.
		for (let index = 1; index < count; index++) {
			audience.write(right);
			await audience.seen(screen => isAt(screen, index), `the audience on slide ${index + 1}`);
		}

		audience.write('\u001B[H');
		await audience.seen(screen => isAt(screen, 0), 'the audience back at slide 1');
		for (let index = 1; index <= 4; index++) {
			audience.write(right);
			await audience.seen(screen => isAt(screen, index), `the audience on slide ${index + 1}`);
		}
	} finally {
		process.kill(pid, 'SIGCONT');
	}

	await follower.seen(screen => isAt(screen, 4), 'the follower to catch up on slide 5');
	audience.write('q');
	expect(await audience.status()).toBe(0);
	await follower.seen(screen => screen.includes('waiting for the audience view'), 'the follower to wait for a show');
});

test('a Markdown deck saved again reaches every follower; a follower waits for a show that is not there yet', {timeout: 60_000}, async () => {
	const env = {XDG_RUNTIME_DIR: folder('brf-follow-')};
	const directory = folder('brf-follow-deck-');
	const file = path.join(directory, 'talk.md');
	const original = readFileSync(new URL('fixtures/every-primitive.md', import.meta.url), 'utf8').replace('../../../shared/source/article.txt', path.resolve('../shared/source/article.txt'));
	writeFileSync(file, original);
	const early = view([file, '--follow'], env);
	await early.seen(screen => screen.includes('waiting for the audience view'), 'a follower before the show');
	const audience = view([file], env);
	await audience.seen(screen => screen.includes('A title with'), 'the audience view');
	const followers = [early, view([file, '--follow'], env), view([file, '--follow', '--screen-reader'], env)];
	for (const follower of followers) {
		await follower.seen(screen => screen.includes('A title with') && /following/i.test(screen), 'a follower of the Markdown deck');
	}

	writeFileSync(file, original.replace('A title with', 'Saved again:'));
	for (const each of [audience, ...followers]) {
		await each.seen(screen => screen.includes('Saved again:'), 'the saved deck everywhere');
	}

	audience.write(right);
	for (const each of followers) {
		await each.seen(screen => screen.includes('Bullets and a quote'), 'slide 2 of the saved deck everywhere');
	}
});
