import type net from 'node:net';
import {maxLineBytes} from './protocol.js';

/**
One socket to a peer: its bytes cut into lines (at most `maxLineBytes` each; a longer one closes
the connection), and writes that never queue behind a slow or stopped peer.
*/

/** Unsent bytes above which a write is dropped; the latest position is sent on drain instead. */
const maxBuffered = 4096;

export type Connection = {
	readonly socket: net.Socket;
	/** The peer sent a hello this view accepted. */
	isGreeted: boolean;
	/** This view told the peer `busy`: what it says now is not read. */
	isRefused: boolean;
	/** Sends a line, or drops it if the peer is behind; `latest` is sent once the peer catches up. */
	readonly send: (text: string) => void;
	/** Closes the connection. */
	readonly close: () => void;
};

export type ConnectionEvents = {
	readonly onLine: (connection: Connection, line: string) => void;
	/** The line was longer than the cap; the connection is closed. */
	readonly onOversize: (connection: Connection) => void;
	readonly onClose: (connection: Connection) => void;
	/** The line a peer that fell behind gets once it has drained (the newest position), if any. */
	readonly latest: () => string | undefined;
};

export function openConnection(socket: net.Socket, events: ConnectionEvents): Connection {
	let buffer = '';
	let isBehind = false;
	const send = (text: string) => {
		if (socket.destroyed || !socket.writable) {
			return;
		}

		if (socket.writableLength > maxBuffered) {
			// A slow or stopped peer: never queue behind it; it gets the latest position when it drains.
			isBehind = true;
			return;
		}

		socket.write(text, () => {
			const latest = events.latest();
			if (isBehind && latest && socket.writableLength <= maxBuffered) {
				isBehind = false;
				send(latest);
			}
		});
	};

	const connection: Connection = {
		socket,
		isGreeted: false,
		isRefused: false,
		send,
		close() {
			socket.destroy();
		},
	};
	socket.setEncoding('utf8');
	socket.on('data', (chunk: string) => {
		buffer += chunk;
		let newline = buffer.indexOf('\n');
		while (newline !== -1 && !socket.destroyed) {
			const line = buffer.slice(0, newline);
			buffer = buffer.slice(newline + 1);
			events.onLine(connection, line);
			newline = buffer.indexOf('\n');
		}

		if (Buffer.byteLength(buffer) > maxLineBytes && !socket.destroyed) {
			events.onOversize(connection);
		}
	});
	socket.on('error', () => {
		// EPIPE, ECONNRESET: the peer went away; 'close' follows.
	});
	socket.on('close', () => {
		events.onClose(connection);
	});
	return connection;
}
