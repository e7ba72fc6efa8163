import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {checkDeck} from '../source/check/check.js';
import {quotedSpans, splitParagraphs} from '../source/check/paragraphs.js';
import {blockTexts} from '../source/deck/blocks.js';
import {parseMarkdownDeck} from '../source/markdown/parse-deck.js';
import {newDeck} from '../source/new-deck.js';
import {quoteBank} from '../source/new-quotes.js';
import {readSource} from '../source/new-source.js';
import {textWidth} from '../source/text/wrap.js';
import {runBin} from './helpers/bin.js';

/**
`briefing new` on sources in Chinese, Japanese, French, German, Spanish and Russian (test/fixtures/new/,
written for these tests: a town library reopens): the title, the date and its "as of" words, the
quotes found word for word with their speakers, and `check` of the new deck against its source. The
CLI test runs dist/ (`npm run build` first).
*/
const fixtures = path.resolve('test/fixtures/new');
const sourceOf = (language: string) => readFileSync(path.join(fixtures, `${language}.txt`), 'utf8');
const deckOf = (text: string, fileName = 'article.txt') => newDeck({text, sourcePath: fileName, fileName});
const directory = mkdtempSync(path.join(tmpdir(), 'briefing-new-languages-'));

afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

type Expected = {
	readonly title: string;
	readonly date: string;
	readonly kind: string;
	/** Each passage in quotation marks: its paragraph, its words (as the source has them), and who the bank gives it to. */
	readonly quotes: ReadonlyArray<readonly [number, string, string]>;
	/** A bullet the deck has: the time words dated in the source's language. */
	readonly dated?: string;
};

const expected: Readonly<Record<string, Expected>> = {
	zh: {
		title: '河滨市图书馆周二重新开放 市民排队入场',
		date: '2021年4月6日',
		kind: 'article',
		quotes: [
			[4, '这座图书馆属于每一位市民。我们希望大家把这里当作自己的客厅。', '馆长林嘉怡'],
			[5, '我在这里借了四十年的书，', '他 (退休教师王建国, named before)'],
			[5, '今天像过节一样。', '他 (退休教师王建国, named before)'],
			[6, '超支的部分必须向纳税人解释清楚，', '他 (市议员陈志明, named before)'],
			// 「…」 in a sentence of its own, after a sentence with a student in it: nobody is named.
			[7, '考试周的时候，我们最需要一个安静的地方。', ''],
			[8, '我们会认真听取每一条意见。', '她 (林嘉怡, named before)'],
		],
		dated: '- 林嘉怡回应说，馆方将在下个月（截至2021年4月6日）评估开放时间。',
	},
	ja: {
		title: '川辺市立図書館、1年半ぶりに再開',
		date: '2021年4月6日',
		kind: 'document',
		quotes: [
			[4, '図書館は市民みんなのものです。自分の居間のように使ってほしい', '林館長'],
			[5, 'ここで40年間本を借りてきました。今日はお祭りのようです', '元教員の山田さん'],
			[6, '試験期間こそ静かな場所が必要だ', '大学生の一人'],
		],
		dated: '- 市は来月（2021年4月6日時点）、開館時間を見直す方針だ。',
	},
	fr: {
		title: 'La médiathèque de Rivebelle rouvre ses portes après dix-huit mois de travaux',
		date: '6 avril 2021',
		kind: 'article',
		quotes: [
			[5, 'Cette médiathèque appartient à tous les habitants', 'Lucie Bernard'],
			[5, 'Nous voulons que chacun s\'y sente comme dans son salon.', 'Lucie Bernard'],
			[6, 'J\'emprunte des livres ici depuis quarante ans. Aujourd\'hui, c\'est un jour de fête', 'il (Jean Moreau, named before)'],
			[7, 'Les contribuables ont droit à des explications', 'il (Paul Girard, named before)'],
			[8, 'Pendant les examens, nous avons besoin d\'un endroit calme', 'une étudiante'],
		],
		dated: '- La directrice a annoncé une révision des horaires le mois prochain (au 6 avril 2021).',
	},
	de: {
		title: 'Stadtbibliothek Flussheim öffnet nach anderthalb Jahren wieder',
		date: '6. April 2021',
		kind: 'document',
		quotes: [
			[5, 'Diese Bibliothek gehört allen Bürgerinnen und Bürgern', 'Direktorin Lena Fischer'],
			[5, 'Jeder soll sich hier wie in seinem Wohnzimmer fühlen.', 'Direktorin Lena Fischer'],
			[6, 'Ich leihe hier seit vierzig Jahren Bücher aus', 'er (Lehrer Klaus Weber, named before)'],
			[6, 'Heute ist ein Feiertag.', 'er (Lehrer Klaus Weber, named before)'],
			[7, 'Die Steuerzahler haben ein Recht auf eine Erklärung', 'er (Peter Braun, named before)'],
			// ‚…‘ inside a sentence that says it in its own way: nobody rather than a guess.
			[8, 'einen ruhigen Ort', ''],
		],
		dated: '- Die Direktorin kündigte an, die Öffnungszeiten im nächsten Monat (Stand: 6. April 2021) zu überprüfen.',
	},
	es: {
		title: 'La biblioteca de Riberalta reabre tras dieciocho meses de obras',
		date: '6 de abril de 2021',
		kind: 'document',
		quotes: [
			[5, 'Esta biblioteca es de todos los vecinos', 'Carmen López'],
			[5, 'Queremos que cada uno se sienta aquí como en su salón', 'Carmen López'],
			[6, 'Llevo cuarenta años sacando libros aquí. Hoy es un día de fiesta', 'dijo (José Ruiz, named before)'],
			[7, 'Los contribuyentes merecen una explicación', 'Herrera'],
		],
		dated: '- La directora anunció que revisará los horarios el próximo mes (a 6 de abril de 2021).',
	},
	ru: {
		title: 'Библиотека Приречья открылась после полутора лет ремонта',
		date: '6 апреля 2021 г.',
		kind: 'document',
		quotes: [
			[4, 'Эта библиотека принадлежит всем жителям города', 'Ольга Иванова'],
			[4, 'Мы хотим, чтобы здесь каждый чувствовал себя как дома', 'Ольга Иванова'],
			[5, 'Я беру здесь книги уже сорок лет. Сегодня настоящий праздник', 'он (Сергей Петров, named before)'],
			[6, 'Налогоплательщики имеют право на объяснение', 'Смирнов'],
		],
		dated: '- В следующем месяце (на 6 апреля 2021 г.) администрация пересмотрит часы работы.',
	},
};

describe.each(Object.entries(expected))('a source in %s', (language, want) => {
	const text = sourceOf(language);
	const {paragraphs, facts} = readSource(text);
	const deck = deckOf(text, `${language}.txt`);
	const parsed = parseMarkdownDeck(deck).deck;

	test('the title, the date and the kind are the source\'s', () => {
		expect({title: facts.title, date: facts.date, kind: facts.kind}).toEqual({title: want.title, date: want.date, kind: want.kind});
		expect(parsed.title).toBe(want.title);
		expect(parsed.source.date).toBe(want.date);
		// The deck's language, for the handouts.
		expect(parsed.lang).toBe(language);
	});

	test('every passage in quotation marks, word for word, with its speaker (or nobody rather than a wrong one)', () => {
		expect(quoteBank(paragraphs).map(({n, text, speaker}) => [n, text, speaker])).toEqual(want.quotes);
		// The checker reads the same passages as quoted.
		const spans = quotedSpans(splitParagraphs(text)).flatMap((each, index) => each.map(words => [index + 1, words.trim()]));
		expect(spans).toEqual(want.quotes.map(([n, words]) => [n, words]));
	});

	test('time words are dated by the source\'s date, in its language, citing the paragraph the date comes from', () => {
		expect(deck).toContain(`\n${want.dated}\n`);
		const slide = parsed.slides.find(each => blockTexts(each.blocks[0]!).some(item => want.dated!.endsWith(item)))!;
		expect(slide.paragraphs).toContain(paragraphs.find(paragraph => paragraph.text.includes(want.date))!.n);
	});

	test('the new deck checks out against its source, and so does a slide quoting every passage in the bank\'s marks', () => {
		expect(checkDeck(parsed, text)).toEqual([]);
		// Each passage as the bank gives it (in the source's marks), put on a slide as a Quote.
		const bank = /<!--\nQuote bank[\s\S]*?\n-->/.exec(deck)![0];
		const entries = [...bank.matchAll(/^¶ (\d+) +.*:\n((?: {4,}.*\n?)+)/gm)].map(match => ({n: Number(match[1]), words: match[2]!.trim()}));
		expect(entries).toHaveLength(want.quotes.length);
		const quoted = entries.map(({n, words}) => `## Quote\n\n<!-- paragraphs: ${n} -->\n\n> ${words}\n>\n> — the ${want.kind}\n`);
		const withQuotes = parseMarkdownDeck(`${deck}\n---\n\n${quoted.join('\n---\n\n')}`).deck;
		expect(checkDeck(withQuotes, text)).toEqual([]);
		// The marks are the Quote's own, not its words (the show draws its own around them).
		const shown = withQuotes.slides.slice(-entries.length).map(slide => (slide.blocks[0]?.kind === 'quote' ? slide.blocks[0].text : ''));
		expect(shown).toEqual(want.quotes.map(([, words]) => words.trim()));
		// A word changed in the marks is caught.
		const changed = parseMarkdownDeck(`${deck}\n---\n\n${quoted[0]!.replace(/(> \S+\s?)\S/u, '$1X')}`).deck;
		expect(checkDeck(changed, text).map(problem => problem.kind)).toEqual(['not-verbatim']);
	});
});

test('German „…“ is one quote, not a quote opened by its closing mark: the deck\'s bullets keep to each paragraph\'s words', () => {
	const text = sourceOf('de');
	const bullets = parseMarkdownDeck(deckOf(text)).deck.slides.flatMap(slide => slide.blocks.flatMap(block => blockTexts(block)));
	expect(bullets).toContain('„Diese Bibliothek gehört allen Bürgerinnen und Bürgern“, sagte Direktorin Lena Fischer.');
	expect(bullets).toContain('Vor dem Eingang reichte die Schlange über zwei Häuserblocks.');
	expect(bullets.filter(bullet => bullet.startsWith('“'))).toEqual([]);
});

test('in an article, words the reporter did not quote, put in « » or 「」 on a slide, are caught as not quoted in the source', () => {
	for (const [language, n, words] of [['fr', 4, '« mardi matin »'], ['zh', 3, '「重新向公众开放」']] as const) {
		const text = sourceOf(language);
		const slide = `## Words\n\n<!-- paragraphs: ${n} -->\n\n- Reopened ${words}\n`;
		const parsed = parseMarkdownDeck(`${deckOf(text)}\n---\n\n${slide}`).deck;
		expect(checkDeck(parsed, text).map(problem => problem.kind), language).toEqual(['not-quoted-in-source']);
	}
});

test.each([
	['Der Stadtrat hat am Dienstag beschlossen, dass die Bibliothek auch am Sonntag öffnet. Die Bürger und die Leser freuen sich, denn das ist ein großer Schritt für die Stadt und für die Schulen.', 'de'],
	['A câmara decidiu na terça-feira que a biblioteca não fecha ao domingo. Os leitores e os estudantes dizem que é uma boa notícia para a cidade e para as escolas da região.', 'pt'],
	['Il consiglio ha deciso martedì che la biblioteca resta aperta anche la domenica. Gli studenti e i lettori sono contenti: è una notizia che il quartiere aspettava da anni, per le scuole della zona.', 'it'],
	['The council decided on Tuesday that the library will open on Sundays. Readers and students say it is a step that the city and its schools have wanted for years.', undefined],
	['Бібліотека відкрилася у вівторок. Читачі раді, що вона працює і в неділю.', 'uk'],
	['도서관이 화요일에 다시 문을 열었습니다. 시민들은 아침부터 줄을 섰습니다.', 'ko'],
])('the deck\'s lang: from its words: %s', (text, lang) => {
	expect(parseMarkdownDeck(deckOf(`A library reopens\n\n${text}`)).deck.lang).toBe(lang);
});

test('« » with no-break spaces inside (U+00A0, U+202F) hold the same quotes, and the deck checks out', () => {
	const text = sourceOf('fr').replaceAll('« ', '«\u00A0').replaceAll(' »', '\u202F»');
	expect(text).toContain('«\u00A0Cette');
	expect(quoteBank(readSource(text).paragraphs).map(passage => passage.text)).toEqual(expected['fr']!.quotes.map(([, words]) => words));
	expect(checkDeck(parseMarkdownDeck(deckOf(text)).deck, text)).toEqual([]);
});

test('a quote in « » or 「」 runs on only into a paragraph that opens with a mark; a web page\'s » and ‹ open none', () => {
	expect(quotedSpans(['« Nous ouvrons.', '« Et nous restons ouverts. »', 'Le maire a parlé.'])).toEqual([[' Nous ouvrons.'], [' Et nous restons ouverts. '], []]);
	expect(quotedSpans(['« Retour', 'Le maire a parlé.'])).toEqual([[' Retour'], []]);
	expect(quotedSpans(['Accueil » Actualités', '‹ Retour', '「開館します。', '「明日も。」'])).toEqual([[], [], ['開館します。'], ['明日も。']]);
});

describe('sentences and titles in Chinese and Japanese', () => {
	const headless = sourceOf('zh').split(/\n\n/).slice(2).join('\n\n');

	test('a bullet is the first sentence, ended by 。！？', () => {
		const bullets = parseMarkdownDeck(deckOf(sourceOf('zh'))).deck.slides[0]!.blocks.flatMap(block => blockTexts(block));
		expect(bullets.slice(0, 3)).toEqual([
			'经过十八个月的翻修，河滨市中央图书馆于周二上午重新向公众开放。',
			'馆长林嘉怡说：“这座图书馆属于每一位市民。我们希望大家把这里当作自己的客厅。”',
			'开馆当天，门外的队伍一度排到两个街区以外。',
		]);
		expect(deckOf('他问：今天开门吗？开了！我们进去吧。')).toContain('- 他问：今天开门吗？\n');
	});

	test('with no headline, the title is the first sentence cut at a clause within the width, with an ellipsis', () => {
		const title = parseMarkdownDeck(deckOf(headless)).deck.title;
		expect(title).toBe('经过十八个月的翻修…');
		expect(textWidth(title)).toBeLessThanOrEqual(40);
		// No clause mark to cut at: cut after the last whole word within the width (閉館 is one word).
		const long = '川辺市立中央図書館は改修工事のため閉館していたが六日に一年半ぶりに再開し多くの市民が朝から列を作った。';
		const cut = parseMarkdownDeck(deckOf(long)).deck.title;
		expect(cut).toBe('川辺市立中央図書館は改修工事のため…');
		expect(textWidth(cut)).toBeLessThanOrEqual(37);
	});

	test('a long bullet is cut by width at a clause, and a quote it stops inside is closed with its own mark', () => {
		const text = '林嘉怡说：「这座图书馆属于每一位市民，我们希望大家把这里当作自己的客厅，也希望孩子们在这里找到喜欢的书，老人们在这里找到安静的角落，学生们在这里找到学习的地方。」';
		const deck = deckOf(text);
		const bullet = /^- (.*)$/m.exec(deck)![1]!;
		expect(bullet).toBe('林嘉怡说：「这座图书馆属于每一位市民，我们希望大家把这里当作自己的客厅…」');
		expect(textWidth(bullet)).toBeLessThanOrEqual(104);
		expect(checkDeck(parseMarkdownDeck(deck).deck, text)).toEqual([]);
	});
});

test('a Chinese paragraph of one long sentence and one long quote makes a deck that presents: bullet, title and bank cut by width', () => {
	const text = `图书馆重新开放\n\n馆长说：“${'我们欢迎每一位读者'.repeat(400)}”她说，${'读者们排队等候入场'.repeat(400)}。`;
	const deck = deckOf(text);
	expect(Math.max(...deck.split('\n').map(line => textWidth(line)))).toBeLessThanOrEqual(210);
	const bank = /<!--\nQuote bank[\s\S]*?\n-->/.exec(deck)![0];
	expect(bank).toContain('“我们欢迎每一位读者');
	expect(bank).toMatch(/[^…]…”\n-->$/);
	const parsed = parseMarkdownDeck(deck).deck;
	expect(parsed.slides).toHaveLength(1);
	expect(checkDeck(parsed, text)).toEqual([]);
});

test('a date alone on its line under the title, in Italian, Portuguese, French, Chinese, Korean, or ISO; a month alone is no date', () => {
	const dates = [
		['6 aprile 2021', '6 aprile 2021'],
		['Lisboa, 6 de abril de 2021', '6 de abril de 2021'],
		['1er mai 2021', '1er mai 2021'],
		['２０２１年４月６日', '２０２１年４月６日'],
		['2021년 4월 6일', '2021년 4월 6일'],
		['2021-04-06', '2021-04-06'],
		['６ 月', undefined],
	];
	const found = dates.map(([line]) => readSource(`A library reopens\n\n${line}\n\nThe library opened on Tuesday.`).facts.date);
	expect(found).toEqual(dates.map(([, date]) => date));
});

test('briefing check passes the deck briefing new writes from a Chinese and a French source', async () => {
	for (const language of ['zh', 'fr']) {
		const source = path.join(directory, `${language}.txt`);
		writeFileSync(source, sourceOf(language));
		const file = path.join(directory, `${language}.md`);
		expect((await runBin(['new', source, '-o', file])).code).toBe(0);
		const written = readFileSync(file, 'utf8');
		expect(written).toContain(`\ndate: ${expected[language]!.date}\n`);
		expect(written).toContain(language === 'zh' ? '「考试周的时候，我们最需要一个安静的地方。」' : '« Pendant les examens, nous avons besoin d\'un endroit calme »');
		const checked = await runBin(['check', file, '--source', source]);
		expect(checked.stderr).toBe('');
		expect(checked.stdout).toMatch(/check out against/);
		expect(checked.code).toBe(0);
	}
});
