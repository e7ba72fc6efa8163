/**
The layers of `source/`, bottom to top, as docs/architecture.md's code map gives them: a folder imports
only the folders below it (and itself). The files directly in `source/` (the commands) are the top and
may import any folder. `test/layers.test.ts` runs this in `npm test`; by hand: `npm run layers`.
*/
const layers = ['text', 'boot', 'terminal', 'model', 'deck', 'layout', 'check', 'markdown', 'link', 'outputs', 'follow', 'serve', 'show'];

const upward = layers.map((layer, index) => {
	const above = layers.slice(index + 1);
	return {
		name: `${layer}-imports-only-below`,
		comment: `source/${layer}/ imports only ${layers.slice(0, index).join(', ') || 'nothing of ours'}: the layers below it (docs/architecture.md).`,
		severity: 'error',
		from: {path: `^source/${layer}/`},
		to: {path: [`^source/(${[...above, '[^/]+$'].join('|')})`, '^slides/']},
	};
});

module.exports = {
	forbidden: [
		...upward,
		{
			name: 'slides-use-only-the-deck',
			comment: 'A slide file imports only the primitives and defineSlide/defineSection (source/deck/), and other slides; the deck\'s time budgets read their lengths with model/clock.ts.',
			severity: 'error',
			from: {path: '^slides/'},
			to: {path: '^source/', pathNot: '^source/(deck/|model/clock\\.ts$)'},
		},
		{
			name: 'source-never-imports-test',
			severity: 'error',
			from: {path: '^(source|slides)/'},
			to: {path: '^test/'},
		},
		{
			name: 'no-cycle',
			comment: 'No module imports itself through others; with the rules above this also means no folder cycle.',
			severity: 'error',
			from: {path: '^(source|slides)/'},
			to: {circular: true},
		},
		{
			name: 'pure-layers',
			comment: 'text/, model/, layout/ and check/ are pure: they load no package and no node: module (no React, no Ink, no I/O), so they are tested as plain functions. A type from a package is allowed (the key table names Ink\'s Key), and so is string-width, a pure function: text/cells.ts measures terminal cells with it.',
			severity: 'error',
			from: {path: '^source/(text|model|layout|check)/'},
			to: {dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], dependencyTypesNot: ['type-only'], pathNot: '^node_modules/string-width/'},
		},
		{
			name: 'not-to-unresolvable',
			comment: 'An import the cruiser cannot resolve would escape every rule above.',
			severity: 'error',
			from: {path: '^(source|slides)/'},
			to: {couldNotResolve: true},
		},
	],
	options: {
		doNotFollow: {path: 'node_modules'},
		// The fixture that shows each rule failing (test/layers.test.ts) breaks them on purpose.
		exclude: {path: '^(dist/|source/types/|test/fixtures/layers/)'},
		tsPreCompilationDeps: true,
		tsConfig: {fileName: 'tsconfig.json'},
		enhancedResolveOptions: {
			extensions: ['.ts', '.tsx', '.mjs', '.js', '.cjs', '.json', '.d.ts'],
			// Ink, meow and the mdast utilities are ES modules only: resolve them as Node imports them.
			conditionNames: ['import', 'types', 'node', 'default'],
			exportsFields: ['exports'],
			mainFields: ['module', 'main', 'types', 'typings'],
		},
	},
};
