import os from 'node:os';

/**
`--serve [HOST:]PORT`, read: the port alone means 127.0.0.1 (this machine only); another address is
used only when it is named (`0.0.0.0:8080` for every interface, `[::1]:8080` for IPv6). Port 0 asks
the system for a free port.
*/
export type ServeAddress = {readonly host: string; readonly port: number};

export function parseServeAddress(text: string): ServeAddress | {readonly message: string} {
	const match = /^(?:(\[[\da-f:.]+\]|[\w.-]+):)?(\d{1,5})$/i.exec(text.trim());
	const port = match ? Number(match[2]) : Number.NaN;
	if (!match || port > 65_535) {
		return {message: `--serve takes [HOST:]PORT (8080, 127.0.0.1:8080, 0.0.0.0:8080), not ${JSON.stringify(text)}`};
	}

	const host = match[1]?.replace(/^\[|\]$/g, '') ?? '127.0.0.1';
	return {host, port};
}

/** The host to put in a URL for an address the server listens on: a wildcard names this machine's first outside address. */
export function urlHost(host: string): string {
	if (host === '0.0.0.0' || host === '::') {
		const outside = Object.values(os.networkInterfaces())
			.flat()
			.find(each => each && !each.internal && each.family === (host === '::' ? 'IPv6' : 'IPv4'));
		return outside ? urlHost(outside.address) : host === '::' ? '[::1]' : '127.0.0.1';
	}

	return host.includes(':') ? `[${host}]` : host;
}
