import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {cruise} from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import {describe, expect, test} from 'vitest';

/**
The layers hold, and the code map says so. dependency-cruiser (test/layers.dependency-cruiser.cjs)
checks that every folder of source/ imports only the folders below it in docs/architecture.md's code
map, that no module imports itself through others, that text/, model/, layout/ and check/ load no package,
that slides import only source/deck/, and that nothing in source/ imports test/. A fixture breaks
each rule once, so the check is shown to fail where it must.
*/
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = path.join(root, 'test/layers.dependency-cruiser.cjs');

async function layerOrder(): Promise<string[]> {
	const options = await extractDepcruiseOptions(config);
	return (options.ruleSet?.forbidden ?? []).flatMap(rule => /^(.+)-imports-only-below$/.exec(rule.name ?? '')?.[1] ?? []);
}

async function violations(baseDir: string, folders: readonly string[]): Promise<string[]> {
	const options = await extractDepcruiseOptions(config);
	const result = await cruise([...folders], {...options, baseDir, validate: true, outputType: 'json'}, {}, {tsConfig: extractTSConfig(path.join(root, 'tsconfig.json'))});
	const output = typeof result.output === 'string' ? JSON.parse(result.output) as {summary: {violations: Array<{rule: {name: string}; from: string; to: string; cycle?: Array<{name: string}>}>}} : result.output;
	return output.summary.violations.map(violation => `${violation.rule.name}: ${violation.from} → ${violation.to}`).sort();
}

describe('the layers', () => {
	test('every folder of source/ has its place in the order', async () => {
		const layers = await layerOrder();
		const folders = readdirSync(path.join(root, 'source'), {withFileTypes: true}).filter(entry => entry.isDirectory() && entry.name !== 'types').map(entry => entry.name);
		expect(layers.toSorted()).toEqual(folders.toSorted());
	});

	test('the code map in docs/architecture.md lists the folders in the order the check holds them to', async () => {
		const architecture = readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
		const map = architecture.slice(architecture.indexOf('## The code map'));
		const listed = [...map.matchAll(/^source\/([a-z-]+)\/ /gm)].map(match => match[1]);
		expect(listed).toEqual(await layerOrder());
	});

	test('every import in source/ and slides/ goes down the code map, with no cycle', async () => {
		expect(await violations(root, ['source', 'slides', 'test'])).toEqual([]);
	}, 60_000);

	test('the check fails on an upward import, a cycle, a package in a pure layer, a slide reaching past the deck, and source importing test', async () => {
		const fixture = path.join(root, 'test/fixtures/layers');
		expect(await violations(fixture, ['source', 'slides'])).toEqual([
			'layout-imports-only-below: source/layout/screen.ts → source/show/app.ts',
			'no-cycle: source/link/ping.ts → source/link/pong.ts',
			'pure-layers: source/model/clock.ts → fs',
			'slides-use-only-the-deck: slides/opening.ts → source/show/app.ts',
			'source-never-imports-test: source/deck/deck.ts → test/helper.ts',
		]);
	}, 60_000);
});
