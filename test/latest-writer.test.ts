import net from 'node:net';
import {afterEach, expect, test} from 'vitest';
import {latestWriter} from '../source/follow/latest-writer.js';
import {poll} from './helpers/poll.js';

/** A reader that does not read (a stopped follower) costs the writer one message, and then gets the newest. */
const closing: Array<{close: () => void}> = [];
afterEach(() => {
	for (const each of closing.splice(0)) {
		each.close();
	}
});

test('a reader that stops reading: the writer queues at most one message, and the newest arrives when it reads again', async () => {
	const server = net.createServer();
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	closing.push(server);
	const accepted = new Promise<net.Socket>(resolve => {
		server.once('connection', resolve);
	});
	const reader = net.createConnection((server.address() as net.AddressInfo).port, '127.0.0.1');
	reader.pause();
	closing.push({close: () => reader.destroy()});
	const writerSocket = await accepted;
	closing.push({close: () => writerSocket.destroy()});
	const writer = latestWriter(writerSocket);
	const line = (index: number) => `${String(index).padStart(8, '0')}${'x'.repeat(16_375)}\n`;
	const sent = 2000;
	let mostQueued = 0;
	for (let index = 0; index < sent; index++) {
		writer.send(line(index));
		mostQueued = Math.max(mostQueued, writerSocket.writableLength);
		// Let the socket move what the kernel takes, as the event loop does between moves of a show.
		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}

	// 2000 lines of 16 kB is 32 MB: far more than the kernel holds, so the reader is behind.
	expect(writer.isBehind()).toBe(true);
	expect(mostQueued).toBeLessThanOrEqual(line(0).length);
	let received = '';
	reader.setEncoding('utf8');
	reader.on('data', (chunk: string) => (received += chunk));
	reader.resume();
	await poll(() => received.endsWith(line(sent - 1)), 'the newest line');
	const lines = received.split('\n').filter(Boolean).length;
	expect(lines).toBeLessThan(sent / 4);
});
