import {mkdirSync} from 'node:fs';
import path from 'node:path';
import {chromium, type Browser} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {deck} from '../slides/index.js';
import {endAfterEach, root, spawnBin} from './helpers/pty.js';

/**
The follow page and the remote page in a real browser: headless Chromium from Debian's packages
(.ci/run installs it), driven by playwright-core. The page follows the audience view, its "back to
live" returns a reader who scrolled back, the remote's Next moves the show, and the policy refuses
nothing the pages do. Screenshots at a phone's and a laptop's size go to test/screenshots/ (ignored by git).
*/
const {sessions: running, folder} = endAfterEach();
const count = deck.slides.length;
const right = '\u001B[C';
let browser: Browser;

beforeAll(async () => {
	browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
	});
});

afterAll(async () => {
	await browser?.close();
});

const titleOf = (index: number) => deck.slides[index]!.title;
/** A value the page reaches: polled, with room for a machine busy with other tests. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, {timeout: 8000, interval: 50});

test('the follow page follows the show and has its own back to live; the remote page moves the show', {timeout: 60_000}, async () => {
	const audience = spawnBin(['--serve', '0', '--no-reveal'], {env: {XDG_RUNTIME_DIR: folder('brf-browser-')}});
	running.push(audience);
	await audience.waitFor(() => /remote at http/.test(audience.log) && audience.screen().includes(`1/${count}`), 'the show and its URLs');
	const follow = /follow along at (http:\/\/\S+)/.exec(audience.log)![1]!;
	const remote = /remote at (http:\/\/\S+)/.exec(audience.log)![1]!;
	const problems: string[] = [];
	const context = await browser.newContext({viewport: {width: 390, height: 844}, deviceScaleFactor: 2, isMobile: true, hasTouch: true});
	const page = await context.newPage();
	page.on('console', message => {
		if (message.type() === 'error') {
			problems.push(message.text());
		}
	});
	page.on('pageerror', error => problems.push(error.message));
	await page.goto(follow);
	const current = page.locator('.slide.is-current h3');
	await eventually(async () => current.textContent()).toBe(titleOf(0));

	audience.write(right);
	await eventually(async () => current.textContent()).toBe(titleOf(1));
	await eventually(async () => page.locator('#where').textContent()).toBe(`slide 2 of ${count}`);
	// It reads on a phone: nothing wider than the screen.
	expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
	const shots = path.join(root, 'test/screenshots');
	mkdirSync(shots, {recursive: true});
	await page.screenshot({path: path.join(shots, 'follow-phone.png')});

	// A reader scrolls back to slide 1: the page stops following and offers the way back.
	audience.write(right);
	await eventually(async () => current.textContent()).toBe(titleOf(2));
	await page.evaluate('window.scrollTo(0, 0)');
	const toLive = page.locator('#to-live');
	await eventually(async () => toLive.isVisible()).toBe(true);
	audience.write(right);
	await eventually(async () => current.textContent()).toBe(titleOf(3));
	expect(await page.evaluate('window.scrollY')).toBe(0);
	await page.screenshot({path: path.join(shots, 'follow-phone-reading-back.png')});
	await toLive.click();
	await eventually(async () => toLive.isVisible()).toBe(false);
	const isLiveInView = '(() => { const box = document.querySelector(".slide.is-current").getBoundingClientRect(); return box.top < innerHeight && box.bottom > 0; })()';
	await eventually(async () => page.evaluate(isLiveInView)).toBe(true);

	// The remote's Next moves the audience view.
	const phone = await context.newPage();
	phone.on('pageerror', error => problems.push(error.message));
	await phone.goto(remote);
	await eventually(async () => phone.locator('#title').textContent()).toBe(titleOf(3));
	await phone.screenshot({path: path.join(shots, 'remote-phone.png')});
	await phone.getByRole('button', {name: /Next/}).click();
	await audience.waitFor(() => audience.screen().includes(` 5/${count}`), 'the audience on slide 5');
	await eventually(async () => phone.locator('#title').textContent()).toBe(titleOf(4));
	await eventually(async () => current.textContent()).toBe(titleOf(4));

	// A blank screen blanks the follow page too, and the slide comes back with the show's.
	audience.write('b');
	await eventually(async () => page.locator('.blanked').isVisible()).toBe(true);
	expect(await page.locator('#slides').isVisible()).toBe(false);
	audience.write('x');
	await eventually(async () => page.locator('.blanked').isVisible()).toBe(false);
	expect(await current.isVisible()).toBe(true);

	// A laptop's window.
	const laptop = await browser.newPage({viewport: {width: 1366, height: 768}});
	await laptop.goto(follow);
	await eventually(async () => laptop.locator('.slide.is-current h3').textContent()).toBe(titleOf(4));
	await laptop.screenshot({path: path.join(shots, 'follow-laptop.png')});
	expect(problems).toEqual([]);
	await context.close();
	await laptop.close();
	audience.write('q');
	expect(await audience.status()).toBe(0);
});
