import type {BuildOptions, Plugin} from 'esbuild';
// @ts-expect-error: the build script is plain JavaScript (no types).
import * as script from '../../source/build.mjs';

/** What the tests use of the build script (source/build.mjs), typed. */
type BuildScript = {
	readonly bundles: {readonly program: BuildOptions & {readonly banner: {readonly js: string}}; readonly vendor: BuildOptions & {readonly plugins: Plugin[]}};
	readonly strictFirst: (text: string) => string;
};

export const {bundles, strictFirst} = script as BuildScript;
