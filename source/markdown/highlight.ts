import type {ElementContent, Root, RootContent} from 'hast';
import {common, createLowlight} from 'lowlight';
import type {CodeToken, Highlighter} from '../layout/code.js';
import type {Role} from '../text/theme.js';

/**
Syntax highlighting, with lowlight: highlight.js's grammars (its 37 common languages), giving a tree
of tokens with highlight.js's class names, which are mapped here to the theme's code roles
(layout/code.ts). Loaded by `loadHighlighter` only when a deck has code; the built-in deck's start
never reads it.
*/
const lowlight = createLowlight(common);

/** highlight.js's scopes (the first part of a class name, `hljs-` taken off) as the theme's roles. */
const roles: Readonly<Record<string, Role>> = {
	keyword: 'codeKeyword',
	built_in: 'codeMeta',
	literal: 'codeNumber',
	type: 'codeName',
	number: 'codeNumber',
	string: 'codeString',
	regexp: 'codeString',
	char: 'codeString',
	symbol: 'codeString',
	comment: 'codeComment',
	quote: 'codeComment',
	doctag: 'codeComment',
	title: 'codeName',
	section: 'codeName',
	name: 'codeName',
	function: 'codeName',
	class: 'codeName',
	meta: 'codeMeta',
	attr: 'codeMeta',
	attribute: 'codeMeta',
	variable: 'codeMeta',
	property: 'codeMeta',
	tag: 'codeMeta',
	'selector-tag': 'codeKeyword',
	'selector-class': 'codeName',
	'selector-id': 'codeName',
	addition: 'codeString',
	deletion: 'codeKeyword',
};

function roleOf(node: ElementContent, inherited: Role): Role {
	if (node.type !== 'element') {
		return inherited;
	}

	const names = node.properties['className'];
	const first = Array.isArray(names) ? names.map(String).find(name => name.startsWith('hljs-')) : undefined;
	return (first ? roles[first.slice('hljs-'.length).split('.')[0] ?? ''] : undefined) ?? inherited;
}

/** The tree's text as lines of tokens, each in the role of the innermost scope it stands in. */
function tokenLines(tree: Root): CodeToken[][] {
	const lines: CodeToken[][] = [[]];
	const walk = (nodes: ReadonlyArray<RootContent | ElementContent>, role: Role) => {
		for (const node of nodes) {
			if (node.type === 'text') {
				for (const [index, part] of node.value.split('\n').entries()) {
					if (index > 0) {
						lines.push([]);
					}

					if (part) {
						lines.at(-1)!.push({text: part, role});
					}
				}
			} else if (node.type === 'element') {
				walk(node.children, roleOf(node, role));
			}
		}
	};

	walk(tree.children, 'code');
	return lines;
}

/** Code in a language highlight.js knows (by name or alias: `js`, `py`, `sh`), as lines of tokens; undefined for another. */
export const highlightCode: Highlighter = (text, lang) => {
	if (!lowlight.registered(lang)) {
		return undefined;
	}

	try {
		return tokenLines(lowlight.highlight(lang, text));
	} catch {
		return undefined;
	}
};
