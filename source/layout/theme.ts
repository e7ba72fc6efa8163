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
	| 'selected'
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

const dark: Theme = {
	name: 'dark',
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
		selected: {color: 'black', backgroundColor: 'cyan'},
		...palette.blanks,
	},
	black: palette.blanks.blackout,
	white: palette.blanks.whiteout,
};

const light: Theme = {
	name: 'light',
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
		selected: {color: 'white', backgroundColor: 'blue'},
		...palette.blanks,
	},
	black: palette.blanks.blackout,
	white: palette.blanks.whiteout,
};

const highContrast: Theme = {
	name: 'high-contrast',
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
		selected: {inverse: true, bold: true},
		...palette.blanks,
	},
	black: palette.blanks.blackout,
	white: palette.blanks.whiteout,
};

/** NO_COLOR: emphasis by weight, italics, underline and symbols only. */
const plain: Theme = {
	name: 'plain',
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
		selected: {inverse: true},
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

export const themeNames = ['dark', 'light', 'high-contrast'] as const;

/**
Which theme to use: the one asked for, else light where `COLORFGBG` says the background is light,
else dark. No colour at all (the plain theme: weight, italics and symbols carry the emphasis) when
NO_COLOR is set and not empty, or FORCE_COLOR is 0 or false. FORCE_COLOR 1-3 (or true, or empty)
wins over NO_COLOR, as it does for Node itself: it is the more explicit of the two.
*/
export function pickTheme(asked: string | undefined, env: Readonly<Record<string, string | undefined>>): Theme {
	if (!isColorWanted(env)) {
		return plain;
	}

	const theme = asked === 'dark' || asked === 'light' || asked === 'high-contrast' ? themes[asked] : isLightBackground(env['COLORFGBG']) ? light : dark;
	return hasTrueColor(env) ? withTrueColorBlanks(theme) : theme;
}

/** COLORTERM=truecolor (or 24bit) is how terminals say they take 24-bit colour. */
export function hasTrueColor(env: Readonly<Record<string, string | undefined>>): boolean {
	return env['COLORTERM'] === 'truecolor' || env['COLORTERM'] === '24bit';
}

function withTrueColorBlanks(theme: Theme): Theme {
	return {...theme, roles: {...theme.roles, ...trueColorBlanks}, black: trueColorBlanks.blackout, white: trueColorBlanks.whiteout};
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
