/**
Words that count from the day a source was written (`last week`, `la semaine dernière`, `上周`), in
the languages `briefing new` reads, each with how its language says "as of" a date, so that
new-deck.ts dates them as the source's own language would: `last week (as of April 6, 2021)`,
`le mois prochain (au 6 avril 2021)`, `下个月（截至2021年4月6日）`. Pure data and one function.
*/
type Language = {
	/** The words, as a regular expression's source (matched case-insensitively). */
	readonly words: string;
	readonly asOf: (date: string, text: string) => string;
};

/** A number of days, weeks… in words or digits: `two`, `deux`, `zwei`, `dos`, `due`, `два`. */
const few = `(?:\\d+|deux|trois|quelques|plusieurs|zwei|drei|einigen|mehreren|dos|tres|unos|unas|varios|varias|due|alcuni|qualche|dois|duas|alguns|algumas|два|две|три|несколько)`;

const languages: Readonly<Record<string, Language>> = {
	en: {
		words: `\\b(?:(?:last|next|this|past|coming)\\s+(?:week(?:end)?|month|year|spring|summer|fall|autumn|winter|quarter|decade|century|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|yesterday|today|tomorrow|tonight|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\\d+)\\s+(?:days?|weeks?|months?|years?)\\s+ago)(?:['’]s)?\\b`,
		asOf: date => ` (as of ${date})`,
	},
	fr: {
		words: `(?:la\\s+semaine|le\\s+mois|l['’]année|l['’]an|le\\s+week-end|(?:lun|mar|mercre|jeu|vendre|same)di|dimanche)\\s+(?:dernière?|passée?|prochaine?)|cette\\s+(?:semaine|année)|ce\\s+mois-ci|hier|avant-hier|aujourd['’]hui|demain|il\\s+y\\s+a\\s+${few}\\s+(?:jours|semaines|mois|ans|années)`,
		asOf: date => ` (au ${date})`,
	},
	de: {
		words: `(?:(?:im|am)\\s+)?(?:letzte[nmrs]?|vergangene[nmrs]?|nächste[nmrs]?|kommende[nmrs]?|diese[nmrs]?)\\s+(?:Woche|Monat|Jahr|Wochenende|Sommer|Winter|Frühjahr|Herbst)|vorgestern|gestern|heute|übermorgen|vor\\s+${few}\\s+(?:Tagen|Wochen|Monaten|Jahren)`,
		asOf: date => ` (Stand: ${date})`,
	},
	es: {
		words: `(?:la\\s+semana|el\\s+mes|el\\s+año|el\\s+fin\\s+de\\s+semana)\\s+(?:pasad[oa]|próxim[oa]|que\\s+viene)|(?:la\\s+)?próxima\\s+semana|el\\s+próximo\\s+(?:mes|año)|este\\s+(?:año|mes)|esta\\s+semana|anteayer|ayer|hoy|pasado\\s+mañana|hace\\s+${few}\\s+(?:días|semanas|meses|años)`,
		asOf: date => ` (a ${date})`,
	},
	it: {
		words: `(?:la\\s+settimana|il\\s+mese|l['’]anno)\\s+(?:scors[oa]|prossim[oa])|(?:la\\s+)?prossima\\s+settimana|il\\s+prossimo\\s+(?:mese|anno)|quest['’]anno|questo\\s+mese|questa\\s+settimana|ieri|oggi|domani|${few}\\s+(?:giorni|settimane|mesi|anni)\\s+fa`,
		asOf: date => ` (al ${date})`,
	},
	pt: {
		words: `(?:a\\s+semana|o\\s+mês|o\\s+ano)\\s+(?:passad[oa]|que\\s+vem)|(?:n?a\\s+)?próxima\\s+semana|(?:n?o\\s+)?próximo\\s+(?:mês|ano)|este\\s+(?:ano|mês)|esta\\s+semana|anteontem|ontem|hoje|amanhã|há\\s+${few}\\s+(?:dias|semanas|meses|anos)`,
		asOf: date => ` (em ${date})`,
	},
	ru: {
		words: `на\\s+(?:прошлой|этой|следующей)\\s+неделе|в\\s+(?:прошлом|этом|следующем)\\s+(?:месяце|году)|позавчера|вчера|сегодня|послезавтра|завтра|${few}\\s+(?:дня|дней|недели|недель|месяца|месяцев|года|лет)\\s+назад`,
		asOf: date => ` (на ${date})`,
	},
	// Chinese and Japanese share 今年 and 去年: the text's kana tell them apart.
	cjk: {
		words: `上周|上星期|上个月|上個月|本周|本月|下周|下星期|下个月|下個月|明年|昨天|前天|今天|明天|后天|\\d+天前|先週|先月|昨年|来年|来月|来週|今週|今月|一昨日|昨日|今日|明日|去年|今年`,
		asOf: (date, text) => (/[\p{sc=Hiragana}\p{sc=Katakana}]/u.test(text) ? `（${date}時点）` : `（截至${date}）`),
	},
};

const names = Object.keys(languages);
/** Outside English and CJK, the words stand between letters of no word. */
const alone = (words: string) => String.raw`(?<![\p{L}\p{N}])(?:${words})(?![\p{L}\p{N}])`;

/** Every language's time words, each language a group named for it. */
export const timeWords = new RegExp(names.map(name => `(?<${name}>${name === 'en' || name === 'cjk' ? languages[name]!.words : alone(languages[name]!.words)})`).join('|'), 'giu');

/** What follows time words matched by `timeWords` to date them by `date`: ` (as of April 6, 2021)`, ` (au 6 avril 2021)`, `（截至2021年4月6日）`. */
export function asOf(groups: Readonly<Record<string, string | undefined>>, date: string, text: string): string {
	const name = names.find(each => groups[each] !== undefined) ?? 'en';
	return languages[name]!.asOf(date, text);
}
