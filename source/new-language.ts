/**
The language a source is written in, for the starter deck's `lang:` (the handouts say it): by its
script (kana: Japanese; Han alone: Chinese; Hangul: Korean; Cyrillic: Russian, or Ukrainian with its
own letters), else by its commonest short words (French, German, Spanish, Italian, Portuguese,
English). Undefined when unsure (the deck then says nothing, and reads as English).
*/
const commonWords: Readonly<Record<string, string>> = {
	en: 'the and of to is that with was for are on it be as',
	fr: 'le la les des est et une pour dans qui du au sur pas ont',
	de: 'der die und das ist nicht mit ein eine für den dem sich auch von',
	es: 'el los las del que y una por con para se lo es como',
	it: 'il che di della è per non gli una sono del nel alla anche',
	pt: 'o os que não uma para com dos das é em no na ao',
};

function count(text: string, pattern: RegExp): number {
	return text.match(pattern)?.length ?? 0;
}

export function languageOf(text: string): string | undefined {
	const letters = count(text, /\p{L}/gu);
	if (letters === 0) {
		return undefined;
	}

	if (count(text, /[\p{sc=Hiragana}\p{sc=Katakana}]/gu) > letters / 20) {
		return 'ja';
	}

	if (count(text, /\p{sc=Han}/gu) > letters / 3) {
		return 'zh';
	}

	if (count(text, /\p{sc=Hangul}/gu) > letters / 3) {
		return 'ko';
	}

	if (count(text, /\p{sc=Cyrillic}/gu) > letters / 2) {
		return count(text, /[іїєґІЇЄҐ]/gu) > 0 ? 'uk' : 'ru';
	}

	const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
	const scores = Object.entries(commonWords).map(([language, list]) => {
		const set = new Set(list.split(' '));
		return {language, hits: words.filter(word => set.has(word)).length};
	});
	const [best, next] = scores.sort((a, b) => b.hits - a.hits);
	return best!.hits >= 10 && best!.hits >= 2 * next!.hits ? best!.language : undefined;
}
