import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The linter: ESLint's and typescript-eslint's recommended rules, type-checked, on source/, slides/ and test/. */
export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**']},
	js.configs.recommended,
	...tseslint.configs.recommendedTypeChecked,
	{
		languageOptions: {
			parserOptions: {
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
			},
		},
		linterOptions: {
			reportUnusedDisableDirectives: 'error',
		},
		rules: {
			// A terminal program matches escape sequences and control characters: that is its input.
			'no-control-regex': 'off',
			// The objects here are closures from factory functions, whose methods never read `this`: passing one is safe.
			'@typescript-eslint/unbound-method': 'off',
			// A callback set up before the value it calls exists (read in a closure, assigned once later) stays `let`.
			'prefer-const': ['error', {ignoreReadBeforeAssign: true}],
			// A leading underscore marks a parameter or a destructured part left unused on purpose.
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_'}],
		},
	},
	{
		// Functions (React components too) stay short enough to read at once; a test's describe() may run long.
		files: ['source/**', 'slides/**'],
		rules: {
			'max-lines-per-function': ['error', {max: 80, skipBlankLines: true, skipComments: true, IIFEs: true}],
		},
	},
	{
		// The build script and the bench are plain JavaScript outside tsconfig.json: untyped, so linted without types.
		files: ['**/*.mjs', '**/*.cjs', 'eslint.config.js'],
		...tseslint.configs.disableTypeChecked,
		languageOptions: {
			...tseslint.configs.disableTypeChecked.languageOptions,
			globals: Object.fromEntries(['Buffer', 'URL', 'clearTimeout', 'console', 'module', 'performance', 'process', 'require', 'setImmediate', 'setTimeout'].map(name => [name, 'readonly'])),
		},
	},
);
