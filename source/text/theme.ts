/**
Every colour the program shows lives here. Components and the layout name a role ('heading',
'quote', 'muted', ...) and the theme decides how that role looks.
*/
export type Role =
	/** The slide's own title: the strongest thing on the screen. */
	| 'title'
	/** The frame's header (deck title, section): quieter than the slide. */
	| 'header'
	| 'section'
	| 'heading'
	| 'lead'
	| 'body'
	| 'bullet'
	| 'quote'
	| 'quoteMark'
	| 'speaker'
	| 'figure'
	| 'label'
	| 'bar'
	| 'barTrack'
	| 'tableHead'
	| 'rule'
	| 'cite'
	| 'muted'
	| 'accent'
	| 'key'
	| 'progress'
	| 'progressTrack'
	| 'warn'
	/** The talk's time is over: its own colour, unlike a slide's "behind". */
	| 'overtime'
	| 'selected'
	/** Code: a code block's plain text, inline code in slide text, the language over a block, and the highlighter's kinds of token. */
	| 'code'
	| 'inlineCode'
	| 'codeLabel'
	| 'codeKeyword'
	| 'codeString'
	| 'codeComment'
	| 'codeNumber'
	| 'codeName'
	| 'codeMeta'
	/** The blank screens (b, w): every cell of the terminal. */
	| 'blackout'
	| 'whiteout';

export type RoleStyle = {
	readonly color?: string;
	readonly backgroundColor?: string;
	readonly bold?: boolean;
	readonly dimColor?: boolean;
	readonly italic?: boolean;
	readonly underline?: boolean;
	readonly inverse?: boolean;
};

export type ThemeName = 'dark' | 'light' | 'high-contrast' | 'plain';

export type Theme = {
	readonly name: ThemeName;
	/**
	The page: the foreground and background of every cell the show paints, under each role's own
	colours (a role without a colour of its own takes the page's). So a light theme is light on a
	dark terminal and the reverse. The plain theme has none: the terminal's own colours.
	*/
	readonly page: RoleStyle;
	readonly roles: Readonly<Record<Role, RoleStyle>>;
	/** The blackout screens: what `b` and `w` fill the terminal with. */
	readonly black: RoleStyle;
	readonly white: RoleStyle;
};

/**
The blank screens in palette colours: black, and the brightest white a 16-colour palette has (plain
`white` is often grey). `pickTheme` swaps in #000000/#ffffff where the terminal has true colour.
*/
const palette = {
	blanks: {blackout: {backgroundColor: 'black'}, whiteout: {backgroundColor: 'whiteBright'}},
} as const;

const trueColorBlanks = {blackout: {backgroundColor: '#000000'}, whiteout: {backgroundColor: '#ffffff'}} as const;

/** The pages: the light one in the brightest palette white (#ffffff with true colour), the dark ones black. */
const pages = {
	dark: {color: 'white', backgroundColor: 'black'},
	light: {color: 'black', backgroundColor: 'whiteBright'},
	highContrast: {color: 'whiteBright', backgroundColor: 'black'},
} as const;

const trueColorPages: Readonly<Record<ThemeName, RoleStyle>> = {
	dark: {color: 'white', backgroundColor: '#000000'},
	light: {color: 'black', backgroundColor: '#ffffff'},
	'high-contrast': {color: 'whiteBright', backgroundColor: '#000000'},
	plain: {},
};

const dark: Theme = {
	name: 'dark',
	page: pages.dark,
	roles: {
		title: {color: 'cyanBright', bold: true},
		header: {color: 'gray'},
		section: {color: 'gray'},
		heading: {color: 'whiteBright', bold: true},
		lead: {color: 'whiteBright'},
		body: {},
		bullet: {color: 'cyan', bold: true},
		quote: {color: 'yellowBright', italic: true},
		quoteMark: {color: 'yellow', bold: true},
		speaker: {color: 'yellow'},
		figure: {color: 'greenBright', bold: true},
		label: {color: 'white'},
		bar: {color: 'green'},
		barTrack: {color: 'gray'},
		tableHead: {color: 'cyanBright', bold: true},
		rule: {color: 'gray'},
		cite: {color: 'gray'},
		muted: {color: 'gray'},
		accent: {color: 'cyan', bold: true},
		key: {color: 'cyanBright', bold: true},
		progress: {color: 'cyan'},
		progressTrack: {color: 'gray'},
		warn: {color: 'yellowBright', bold: true},
		overtime: {color: 'redBright', bold: true, inverse: true},
		selected: {color: 'black', backgroundColor: 'cyan'},
		code: {color: 'white'},
		inlineCode: {color: 'magentaBright'},
		codeLabel: {color: 'gray', italic: true},
		codeKeyword: {color: 'magentaBright'},
		codeString: {color: 'greenBright'},
		codeComment: {color: 'gray', italic: true},
		codeNumber: {color: 'cyanBright'},
		codeName: {color: 'yellowBright'},
		codeMeta: {color: 'cyan'},
		...palette.blanks,
	},
	black: palette.blanks.blackout,
	white: palette.blanks.whiteout,
};

const light: Theme = {
	name: 'light',
	page: pages.light,
	roles: {
		title: {color: 'blue', bold: true},
		header: {color: 'gray'},
		section: {color: 'gray'},
		heading: {color: 'black', bold: true},
		lead: {color: 'black'},
		body: {color: 'black'},
		bullet: {color: 'blue', bold: true},
		quote: {color: 'magenta', italic: true},
		quoteMark: {color: 'magenta', bold: true},
		speaker: {color: 'magenta'},
		figure: {color: 'blue', bold: true},
		label: {color: 'black'},
		bar: {color: 'green'},
		barTrack: {color: 'gray'},
		tableHead: {color: 'blue', bold: true},
		rule: {color: 'gray'},
		cite: {color: 'gray'},
		muted: {color: 'gray'},
		accent: {color: 'blue', bold: true},
		key: {color: 'blue', bold: true},
		progress: {color: 'blue'},
		progressTrack: {color: 'gray'},
		warn: {color: 'red', bold: true},
		overtime: {color: 'red', bold: true, inverse: true},
		selected: {color: 'white', backgroundColor: 'blue'},
		code: {color: 'black'},
		inlineCode: {color: 'red'},
		codeLabel: {color: 'gray', italic: true},
		codeKeyword: {color: 'magenta'},
		codeString: {color: 'green'},
		codeComment: {color: 'gray', italic: true},
		codeNumber: {color: 'red'},
		codeName: {color: 'blue', bold: true},
		codeMeta: {color: 'blue'},
		...palette.blanks,
	},
	black: palette.blanks.blackout,
	white: palette.blanks.whiteout,
};

const highContrast: Theme = {
	name: 'high-contrast',
	page: pages.highContrast,
	roles: {
		title: {color: 'cyanBright', bold: true},
		header: {color: 'whiteBright', underline: true},
		section: {color: 'whiteBright', underline: true},
		heading: {color: 'whiteBright', bold: true},
		lead: {color: 'whiteBright'},
		body: {color: 'whiteBright'},
		bullet: {color: 'yellowBright', bold: true},
		quote: {color: 'yellowBright', bold: true},
		quoteMark: {color: 'yellowBright', bold: true},
		speaker: {color: 'whiteBright', bold: true},
		figure: {color: 'yellowBright', bold: true},
		label: {color: 'whiteBright'},
		bar: {color: 'yellowBright'},
		barTrack: {color: 'whiteBright'},
		tableHead: {color: 'yellowBright', bold: true},
		rule: {color: 'whiteBright'},
		cite: {color: 'whiteBright'},
		muted: {color: 'whiteBright'},
		accent: {color: 'yellowBright', bold: true},
		key: {color: 'yellowBright', bold: true},
		progress: {color: 'yellowBright'},
		progressTrack: {color: 'whiteBright'},
		warn: {color: 'yellowBright', bold: true, inverse: true},
		overtime: {color: 'redBright', bold: true, inverse: true, underline: true},
		selected: {inverse: true, bold: true},
		code: {color: 'whiteBright'},
		inlineCode: {color: 'cyanBright'},
		codeLabel: {color: 'whiteBright', underline: true},
		codeKeyword: {color: 'yellowBright', bold: true},
		codeString: {color: 'greenBright'},
		codeComment: {color: 'whiteBright', italic: true},
		codeNumber: {color: 'cyanBright'},
		codeName: {color: 'yellowBright'},
		codeMeta: {color: 'whiteBright'},
		...palette.blanks,
	},
	black: palette.blanks.blackout,
	white: palette.blanks.whiteout,
};

/** NO_COLOR: emphasis by weight, italics, underline and symbols only. */
const plain: Theme = {
	name: 'plain',
	page: {},
	roles: {
		title: {bold: true, underline: true},
		header: {},
		section: {},
		heading: {bold: true},
		lead: {bold: true},
		body: {},
		bullet: {bold: true},
		quote: {italic: true},
		quoteMark: {bold: true},
		speaker: {bold: true},
		figure: {bold: true},
		label: {},
		bar: {},
		barTrack: {},
		tableHead: {bold: true},
		rule: {},
		cite: {},
		muted: {},
		accent: {bold: true},
		key: {bold: true},
		progress: {},
		progressTrack: {},
		warn: {bold: true},
		overtime: {bold: true, inverse: true},
		selected: {inverse: true},
		code: {},
		inlineCode: {},
		codeLabel: {},
		codeKeyword: {},
		codeString: {},
		codeComment: {},
		codeNumber: {},
		codeName: {},
		codeMeta: {},
		blackout: {},
		whiteout: {inverse: true},
	},
	black: {},
	white: {inverse: true},
};

/**
The HTML handout's colours (CSS): dark ink on white paper, one accent, a green for bars. Every pair
passes WCAG AA contrast on the paper, and all of it still reads in black and white print.
*/
export const handoutPalette = {
	ink: '#1a1a1a',
	muted: '#555555',
	rule: '#d0d0d0',
	accent: '#1f4e79',
	bar: '#2e7d4f',
	track: '#e6e6e6',
	paper: '#ffffff',
	aside: '#f4f4f4',
} as const;

/**
The slide pages of the PDF (`--export pdf --slides`): the 16 terminal colours (black, red, green,
yellow, blue, magenta, cyan, white, then their bright forms), the default ink and the page. `paper`
is for the light and plain themes, darkened where a terminal's colour would be pale on white paper;
`screen` is a dark terminal's, for the dark and high-contrast themes.
*/
export const slidePagePalettes = {
	paper: {
		colours: ['#1a1a1a', '#b3261e', '#2e7d4f', '#8a6d00', '#1f4e79', '#7b2d83', '#00707a', '#8a8a8a', '#666666', '#c62828', '#2e7d32', '#9a7b00', '#1565c0', '#8e24aa', '#00838f', '#ffffff'],
		ink: '#1a1a1a',
		page: '#ffffff',
	},
	screen: {
		colours: ['#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5', '#767676', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff'],
		ink: '#e5e5e5',
		page: '#1e1e1e',
	},
} as const;

export const themes: Readonly<Record<ThemeName, Theme>> = {
	dark,
	light,
	'high-contrast': highContrast,
	plain,
};

/** What `--theme` takes; `auto` (the default) is dark or light after the terminal's own background. */
export const themeNames = ['auto', 'dark', 'light', 'high-contrast'] as const;

/** A terminal's background, as it answered (background.ts) or as COLORFGBG says. */
export type Background = 'dark' | 'light';

/**
Which theme to use: the one asked for; for `auto` (or none asked) light on a light background, dark
on a dark one: the background the terminal answered (`background`, see background.ts), else the one
`COLORFGBG` names, else dark. No colour at all (the plain theme: weight, italics and symbols carry the
emphasis) when NO_COLOR is set and not empty, or FORCE_COLOR is 0 or false. FORCE_COLOR 1-3 (or true,
or empty) wins over NO_COLOR, as it does for Node itself: it is the more explicit of the two.
*/
export function pickTheme(asked: string | undefined, env: Readonly<Record<string, string | undefined>>, background?: Background): Theme {
	if (!isColorWanted(env)) {
		return plain;
	}

	const theme = asked === 'dark' || asked === 'light' || asked === 'high-contrast' ? themes[asked] : (background ?? fallbackBackground(env)) === 'light' ? light : dark;
	return hasTrueColor(env) ? withTrueColorBlanks(theme) : theme;
}

/** Whether the theme follows the terminal's background (`auto`, the default), so asking the terminal is worth it. */
export function isAutoTheme(asked: string | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
	return (asked === undefined || asked === 'auto') && isColorWanted(env);
}

/** The background when the terminal does not say: COLORFGBG's, else dark. */
export function fallbackBackground(env: Readonly<Record<string, string | undefined>>): Background {
	return isLightBackground(env['COLORFGBG']) ? 'light' : 'dark';
}

/** COLORTERM=truecolor (or 24bit) is how terminals say they take 24-bit colour. */
export function hasTrueColor(env: Readonly<Record<string, string | undefined>>): boolean {
	return env['COLORTERM'] === 'truecolor' || env['COLORTERM'] === '24bit';
}

function withTrueColorBlanks(theme: Theme): Theme {
	return {...theme, page: trueColorPages[theme.name], roles: {...theme.roles, ...trueColorBlanks}, black: trueColorBlanks.blackout, white: trueColorBlanks.whiteout};
}

export function isColorWanted(env: Readonly<Record<string, string | undefined>>): boolean {
	const force = env['FORCE_COLOR'];
	if (force === '0' || force === 'false') {
		return false;
	}

	const isForced = force !== undefined && (force === '' || force === 'true' || /^[1-3]$/.test(force));
	return isForced || env['NO_COLOR'] === undefined || env['NO_COLOR'] === '';
}

/** `COLORFGBG` is "fg;bg" (sometimes "fg;x;bg"); backgrounds 7 and 9-15 are light. */
export function isLightBackground(colorfgbg: string | undefined): boolean {
	if (!colorfgbg) {
		return false;
	}

	const last = colorfgbg.split(';').at(-1);
	const bg = Number(last);
	return Number.isInteger(bg) && (bg === 7 || (bg >= 9 && bg <= 15));
}
