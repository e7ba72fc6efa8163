import {existsSync, realpathSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';

/** The checkout the running bin (dist/cli.js) belongs to. */
export function checkout(): string {
	const bin = realpathSync(path.resolve(process.argv[1] ?? '.'));
	return path.resolve(path.dirname(bin), '..');
}

/** The checkout's `../shared/source/article.txt`: the article the built-in deck briefs on. */
export function defaultArticle(): string {
	return path.resolve(checkout(), '..', 'shared', 'source', 'article.txt');
}

/**
The built-in deck's article as a Markdown deck's `source:` line gives it: relative to the folder the
deck is written to (the current one for stdout). None when the article is not there.
*/
export function articleFor(output: string | undefined): string | undefined {
	const article = defaultArticle();
	if (!existsSync(article)) {
		return undefined;
	}

	const folder = output === undefined || output === '-' ? process.cwd() : path.dirname(path.resolve(output));
	return path.relative(folder, article).split(path.sep).join('/');
}
