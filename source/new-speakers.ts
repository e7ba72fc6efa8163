/**
Who says a quote, in the languages besides English that `briefing new` reads (new-quotes.ts reads
English): the forms a reporter most often gives a quote with, and no more, so that a quote whose
sentence says it some other way is given to nobody rather than to the wrong person.

- French: `», a déclaré la directrice, Lucie Bernard`, `», explique une étudiante`, `», a-t-il dit`,
  `Lucie Bernard a déclaré : «`.
- German: `“, sagte Direktorin Lena Fischer`, `“, so Fischer`, `“, sagte er`, `Fischer sagte: „`.
- Spanish, Italian, Portuguese: `», dijo la directora, Carmen López`, `”, afirmó Herrera`.
- Russian: `», — заявила директор библиотеки Ольга Иванова`, `», — сказал он`.
- Chinese: `馆长林嘉怡说：“`, `”他说。`, `”，林嘉怡说。`; Japanese: `林館長は「…」と述べた`.

A pronoun (`il`, `er`, `он`, `他`) is given with the one person the paragraph names before it as a
sentence's subject or a speaker, and only when there is exactly one; else it stays a pronoun.
*/
export type Found = {
	readonly who: string;
	readonly at: number;
	readonly kind: 'named' | 'pronoun' | 'described';
	/** A pronoun of another language: it stands for a person of its own paragraph only (`subjectBefore`). */
	readonly isLocal?: true;
};

/** A name: two to four capitalised words (`Lucie Bernard`, `Direktorin Lena Fischer`, `Ольга Иванова`), or one after a verb that gives a quote (`so Fischer`). */
const name = `\\p{Lu}[\\p{Ll}'’-]+(?:[\\s-]+\\p{Lu}[\\p{Ll}'’-]+){0,3}`;
const fullName = `\\p{Lu}[\\p{Ll}'’-]+(?:[\\s-]+\\p{Lu}[\\p{Ll}'’-]+){1,3}`;
/** Up to four lower-case words of a role, with the article (`la directrice,`, `директор библиотеки`), none a preposition (`en Madrid` is no one). */
const role = `(?:(?!(?:en|in|à|au|aux|de|du|des|em|no|na|nos|nas|a|ao|dans|sur|para|por|pour|в|во|на|из|под|у)\\s)[\\p{Ll}'’-]+,?\\s+){0,4}?`;

const verbs = {
	fr: `(?:(?:a|avait)\\s+)?(?:déclaré|dit|affirmé|expliqué|ajouté|souligné|précisé|indiqué|estimé|assuré|lancé|répondu|confié|raconté|rappelé|déclare|affirme|explique|ajoute|souligne|précise|indique|estime|assure|lance|répond|confie|raconte|rappelle)`,
	de: `(?:sagte|sagt|erklärte|erklärt|betonte|betont|meinte|meint|ergänzte|berichtete)`,
	es: `(?:dijo|afirmó|declaró|explicó|añadió|aseguró|señaló|indicó|comentó|agregó|sostuvo|recordó|disse|afirmou|declarou|explicou|acrescentou|ha\\s+detto|ha\\s+dichiarato|ha\\s+spiegato|ha\\s+aggiunto|ha\\s+affermato|dice|disse)`,
	ru: `(?:заявил|заявила|сказал|сказала|отметил|отметила|подчеркнул|подчеркнула|добавил|добавила|пояснил|пояснила|рассказал|рассказала|сообщил|сообщила)`,
};
const closing = `[»”“’‘」』]`;
const opening = `[«„“‚「『]`;
const notLetter = String.raw`(?![\p{L}\p{N}])`;

/** After a closing mark: `», a déclaré la directrice, Lucie Bernard`, `“, sagte er`, `», — сказал Смирнов`. (Each `\s*` after a mark of its own: a quote blanked out is a long run of spaces, and two `\s*` side by side would try every split of it.) */
const after = new RegExp(
	`${closing}\\s*(?:,\\s*)?(?:[—–-]\\s*)?(?:(?<de>${verbs.de})|${verbs.fr}|${verbs.es}|${verbs.ru})${notLetter}` +
		`(?:\\s+(?<pronoun>er|sie|он|она|él|ella|lui|lei|ele|ela)${notLetter}|\\s+${role}(?<named>${name})|\\s+(?<described>(?:une?|eine?|un|una|uno|um|uma)\\s+[\\p{L}-]+)|(?<bare>\\s*[.;]))?`,
	'gu',
);
/** The French pronoun form: `», a-t-il déclaré`, `», explique-t-elle`, `», dit-il`. */
const frenchPronoun = new RegExp(`${closing}\\s*(?:,\\s*)?(?:a-t-(?<a>il|elle)\\s+${verbs.fr}|[\\p{Ll}é]+(?:-t)?-(?<b>il|elle))${notLetter}`, 'gu');
/** Before an opening mark: `Lucie Bernard a déclaré : «`, `Fischer sagte: „`. */
const before = new RegExp(`(?<named>${fullName}|\\p{Lu}[\\p{Ll}'’-]+)\\s+(?:${verbs.fr}|${verbs.de}|${verbs.es}|${verbs.ru})\\s*:\\s*${opening}`, 'gu');

/** A Chinese name or description, with no word of a phrase in it (在, 对, 的…): `馆长林嘉怡`, `市议员陈志明`. */
const hanName = `[\\p{sc=Han}·]{2,12}`;
const hanPhrase = /[在对向和与跟的了上中时是也还就都从把被给为于这那们一有]/u;
const hanVerb = `(?:回应|补充|解释|强调|表示|指出|称|说道|说)`;
/** `馆长林嘉怡说：“` (before) and `”他说。` `”，林嘉怡说。` (after). */
const hanWho = `(?<who>他|她|${hanName}?)(?:回应|补充|解释)?${hanVerb}`;
const chineseBefore = new RegExp(`(?:^|[。！？，；\\s])${hanWho}[：:，,]?\\s*[“「『]`, 'gu');
const chineseAfter = new RegExp(`[”」』][，,]?\\s*${hanWho}[。，,：:]`, 'gu');
/** A sentence that opens with who speaks: `退休教师王建国说，`, `林嘉怡回应说，`. */
const chineseSubject = new RegExp(`(?:^|[。！？])\\s*${hanWho}`, 'gu');
/** `林館長は「…」と述べた` (the quote blanked out): the one named before `は`, if the quote is said. */
const japanese = new RegExp(`(?:^|[。、\\s])(?<who>[^\\s。、「」『』]{1,15}?)(?:は|が)[「『][^「」『』]*[」』]と(?:述べ|語っ|話し|言っ|説明し|強調し|明かし)`, 'gu');

/** In German every noun has a capital: a name there is two words or more, right after the verb (`sagte Direktorin Lena Fischer`, not `sagte am Dienstag`). */
function isGermanName(text: string, verb: string, named: string): boolean {
	const between = text.slice(text.lastIndexOf(verb) + verb.length, text.length - named.length);
	return /^\s+$/.test(between) && new RegExp(`^${fullName}$`, 'u').test(named);
}

function chinese(who: string, at: number): Found | undefined {
	if (who === '他' || who === '她') {
		return {who, at, kind: 'pronoun', isLocal: true};
	}

	return who.length >= 2 && !hanPhrase.test(who) ? {who, at, kind: 'named'} : undefined;
}

/** The speakers the forms above name in a stretch of reporter's words (quotes blanked), each at its offset. */
export function otherSpeakersIn(text: string, offset: number): Found[] {
	const found: Found[] = [];
	for (const match of text.matchAll(after)) {
		const {de, pronoun, named, described, bare} = match.groups!;
		const at = offset + match.index;
		if (pronoun) {
			found.push({who: pronoun, at, kind: 'pronoun', isLocal: true});
		} else if (bare !== undefined) {
			// `», dijo.`: the verb alone, its subject the person before.
			found.push({who: match[0].replace(/^\P{L}+/u, '').replace(/\P{L}+$/u, ''), at, kind: 'pronoun', isLocal: true});
		} else if (named && (!de || isGermanName(match[0], de, named))) {
			found.push({who: named, at, kind: 'named'});
		} else if (described) {
			found.push({who: described, at, kind: 'described'});
		}
	}

	for (const match of text.matchAll(frenchPronoun)) {
		found.push({who: match.groups!['a'] ?? match.groups!['b']!, at: offset + match.index, kind: 'pronoun', isLocal: true});
	}

	for (const match of text.matchAll(before)) {
		found.push({who: match.groups!['named']!, at: offset + match.index + match[0].length - 1, kind: 'named'});
	}

	for (const [pattern, end] of [[chineseBefore, true], [chineseAfter, false]] as const) {
		for (const match of text.matchAll(pattern)) {
			const each = chinese(match.groups!['who']!, offset + match.index + (end ? match[0].length - 1 : 0));
			if (each) {
				found.push(each);
			}
		}
	}

	for (const match of text.matchAll(japanese)) {
		const who = match.groups!['who']!;
		found.push({who, at: offset + match.index + match[0].search(/[「『]/), kind: 'named'});
	}

	return found;
}

/** A sentence that opens with a person: `Jean Moreau, enseignant retraité, est arrivé`, `Der pensionierte Lehrer Klaus Weber war`. */
const subject = new RegExp(`(?:^|[.!?]\\s+)(?:\\p{L}[\\p{Ll}'’-]*\\s+)?(?:\\p{Ll}[\\p{Ll}'’-]*\\s+){0,3}(?<who>${fullName})(?=[\\s,])`, 'gu');

/**
The one person `text` (a paragraph's words before a quote, quotes blanked) names as a sentence's
subject or a speaker, if it names exactly one: what a pronoun of another language stands for.
*/
export function subjectBefore(text: string, speakers: readonly Found[]): string | undefined {
	const subjects = [...text.matchAll(subject), ...[...text.matchAll(chineseSubject)].filter(match => chinese(match.groups!['who']!, 0)?.kind === 'named')];
	const named = new Set([...subjects.map(match => match.groups!['who']!), ...speakers.filter(each => each.kind === 'named').map(each => each.who)]);
	return named.size === 1 ? [...named][0] : undefined;
}
