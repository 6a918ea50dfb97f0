import { describe, expect, it } from 'vitest';
import { buildDocument, detectExtractor } from '../src/tokenize/document.js';
import { tokenize } from '../src/tokenize/labels.js';
import { decode } from '../src/input/decode.js';
import { ORGANIZATION_NAME } from '../src/tokenize/vocabulary.js';

const tokens = (text: string, kind?: 'pdfminer' | 'pdftotext' | 'layout' | 'rows') => tokenize(buildDocument(text, kind)).tokens;

describe('tokenizer', () => {
  it('makes one box per paragraph and joins wrapped lines with no space', () => {
    const t = tokens('事業名\n\nＭ２Ｍセキュリティ\n実証事業\n');
    expect(t.map((x) => x.text)).toEqual(['事業名', 'Ｍ２Ｍセキュリティ実証事業']);
    expect(t[0]!.labels).toContain('projectName');
    expect(t[1]!.lines.map((l) => l.line)).toEqual([3, 4]);
  });
  it('recognises a label split across lines and a vertical label', () => {
    const t = tokens('予算額・\n執行額\n\n点\n検\n・\n改\n善\n結\n果\n');
    expect(t[0]!.labels).toContain('budgetTitle');
    expect(t[1]!.labels).toContain('selfCheckSide');
  });
  it('cuts a line that glues labels and values', () => {
    const t = tokens('Ｍ２Ｍ実証事業 担当部局庁 情報流通行政局 作成責任者\n\n計 108 計 25\n');
    expect(t.map((x) => x.text)).toEqual(['Ｍ２Ｍ実証事業', '担当部局庁', '情報流通行政局', '作成責任者', '計', '108', '計', '25']);
  });
  it('takes the unit out from between the halves of a vertical label (成果実⏎法人数⏎績)', () => {
    const t = tokens('成果実\n法人数\n績\n\n630\n', 'pdfminer');
    expect(t.map((x) => [x.text, x.labels])).toEqual([['成果実績', ['outcomeActual']], ['法人数', []], ['630', []]]);
  });
  it('takes a unit that wraps beside and under the halves of a vertical label (成果実 累積件⏎績⏎数) out of the label, the row\'s texts after it a box of their own', () => {
    const t = tokens('成果実 累積件\n績\n数\n65,000件に対する累積デジタル\nこれまでに資料館が受け入れた資料\n', 'pdftotext');
    expect(t.map((x) => [x.text, x.labels])).toEqual([['成果実績', ['outcomeActual']], ['累積件数', []], ['65,000件に対する累積デジタルこれまでに資料館が受け入れた資料', []]]);
    // A longer text beside the label's head is the row's text, not a unit.
    expect(tokens('成果実 本事業の成果を活用した\n績\n件数\n', 'pdftotext').map((x) => x.text)).not.toContain('本事業の成果を活用した件数');
  });
  it('cuts the 単位 head from the unit pdftotext boxed under it (算出根拠 ⏎ 単位 ⏎ 円), in stream text only', () => {
    const text = '算出根拠\n単位\n円\n\n25年度\n';
    expect(tokens(text, 'pdftotext').map((x) => [x.text, x.labels])).toEqual([['算出根拠', ['unitCostBasis']], ['単位', ['unit']], ['円', []], ['25年度', []]]);
    // Another short label over a short line is left alone: the two may be one cell's pieces.
    expect(tokens('施策\n円\n', 'pdftotext').map((x) => x.text)).toEqual(['施策円']);
    expect(tokens('単位\n円\n', 'layout').map((x) => x.text)).toEqual(['単位円']);
  });
  it('cuts a row label pdftotext printed beside a text box\'s last line (…報告書の参照数 目標値) into a box of its own', () => {
    const text = '国の戦略・政策文書、学会誌、科\n学雑誌等による、報告書の参照数 目標値\n\n件\n';
    expect(tokens(text, 'pdftotext').map((x) => [x.text, x.labels])).toEqual([['国の戦略・政策文書、学会誌、科学雑誌等による、報告書の参照数', []], ['目標値', ['outcomeTarget']], ['件', []]]);
  });
  it('cuts two labels pdftotext printed side by side, line by line, into the left one and the right one', () => {
    const t = tokens('予算 前年度から繰越\nの状 し\n況\n\n25,789\n', 'pdftotext');
    expect(t.map((x) => [x.text, [...new Set(x.labels)]])).toEqual([['予算の状況', ['budgetStatus']], ['前年度から繰越し', ['carriedFromPrevious']], ['25,789', []]]);
  });
  it('cuts a title over several lines from the value pdftotext printed beside its first line, but not from a label\'s last letter', () => {
    const t = tokens('活動指標及び活 民事上の個別労働紛争相談件数\n動実績\n（アウトプット）\n\n予算 し\nの状\n況\n', 'pdftotext');
    expect(t.slice(0, 2).map((x) => [x.text, [...new Set(x.labels)]])).toEqual([['活動指標及び活動実績（アウトプット）', ['outputTitle']], ['民事上の個別労働紛争相談件数', []]]);
    expect(t.slice(2).map((x) => x.text)).not.toContain('し');
  });
  it('cuts a title\'s short piece under its first (果実績 under 成果目標及び成) from the goal pdftotext printed under it, in stream text only', () => {
    const text = '成果目標及び成\n果実績\n②【水道分野の国際協力検討事業/\n（アウトカム）\n';
    expect(tokens(text, 'pdftotext').map((x) => x.text)).toEqual(['成果目標及び成', '果実績', '②【水道分野の国際協力検討事業/', '（アウトカム）']);
    // A short label under text, not under a label, stays in its box.
    expect(tokens('研究成果の普及を図る\n目標値\n', 'pdftotext').map((x) => x.text)).toEqual(['研究成果の普及を図る目標値']);
  });
  it('keeps the values of a label glued to them', () => {
    const t = tokens('執行率（％） - - 79%\n', 'pdfminer');
    expect(t[0]!.labels).toContain('executionRate');
    expect(t[1]!.text).toBe('- - 79%');
  });
  it('tells pdfminer text from pdftotext text by the ideographic spaces of the template\'s spaced headings, not by form feeds', () => {
    const detect = (text: string) => detectExtractor(text, text.split('\n'));
    const cells = '\n\n事業名\n\n当初予算\n\n150\n\n計\n\n執行額\n\n118\n\n執行率\n\n79%\n';
    expect(detect(`費　目\n\n使　途\n\f金　額${cells}`)).toBe('pdfminer');
    expect(detect(`費 目\n\n使 途\n\n金 額${cells}`)).toBe('pdftotext');
    expect(detect(`費 目\n\n使 途\n\f金 額${cells}`)).toBe('pdftotext');
  });
  it('reads stream text without blank lines line by line, a long line that ends no sentence going on in the next', () => {
    const cells = ['事業名', 'M2Mセキュリティ実証事業', '事業概要', '端末の処理能力やライフサイクル等のM2Mの特徴を踏まえ、省エネ・省リソースで', 'セキュアなデータ通信を可能とする。', '当初予算', '150'];
    const text = Array.from({ length: 10 }, () => cells.join('\n')).join('\n');
    const boxes = buildDocument(text, 'pdfminer').boxes.slice(0, 6).map((b) => b.text);
    expect(boxes).toEqual(['事業名', 'M2Mセキュリティ実証事業', '事業概要', '端末の処理能力やライフサイクル等のM2Mの特徴を踏まえ、省エネ・省リソースでセキュアなデータ通信を可能とする。', '当初予算', '150']);
    // A few lines without a blank between them are one box, as a wrapped cell is.
    expect(buildDocument(cells.join('\n'), 'pdfminer').boxes).toHaveLength(1);
  });
  it('reads row text (cells one space apart on most lines) cell by cell, each at its line and column', () => {
    const text = '事業名 経済財政政策の効果分析 担当部局庁 政策統括官\n\n当初予算 14.664 13.237 23.166\n計 14.636 13.237\n会計区分\n';
    expect(detectExtractor(text, text.split('\n'))).toBe('rows');
    const t = tokens(text, 'rows');
    expect(t.map((x) => x.text)).toEqual(['事業名', '経済財政政策の効果分析', '担当部局庁', '政策統括官', '当初予算', '14.664', '13.237', '23.166', '計', '14.636', '13.237', '会計区分']);
    expect(t.find((x) => x.text === '23.166')).toMatchObject({ row: 3, col: 19 });
  });
  it('reads layout text into positioned boxes', () => {
    const text = '   当初予算        140        393\n   補正予算          -          -\n';
    expect(detectExtractor(text, text.split('\n'))).toBe('layout');
    const t = tokens(text, 'layout');
    const v140 = t.find((x) => x.text === '140')!;
    expect(v140.row).toBe(1);
    expect(v140.col).toBe(text.indexOf('140'));
    expect(t.filter((x) => x.text === '-')).toHaveLength(2);
  });
  it('joins layout prose wrapped onto a line that starts with a number, but never a label into a value', () => {
    const prose = [
      '        事業の目的          「『日本再興戦略』改訂',
      '                       2014」等において、下水道分野は重点分野として位置付けられている。',
    ].join('\n');
    expect(tokens(prose, 'layout').map((t) => t.text)).toContain('「『日本再興戦略』改訂2014」等において、下水道分野は重点分野として位置付けられている。');
    const table = [' 計算式          百万円/件          -          30／1', '            政策    Ⅲ．ＯＤＡの推進'].join('\n');
    const t = tokens(table, 'layout');
    expect(t.find((x) => x.labels.includes('policy'))?.text).toBe('政策');
    expect(t.map((x) => x.text)).toContain('百万円/件');
  });
  it('keeps as one text, in layout text, the words a cell\'s full-width spaces set apart, when the cell\'s next line runs under both', () => {
    const text = [
      '   点検項目      ②小売業者等連携支援事業       また、消費者嗜好に関する情報提供等を通じて事業',
      '             者を支援する一般社団法人等の取組を支援する（補助上限1,000万円、補助率1～2',
      '',
      '   政策    Ⅷ．その他              施策    ８．技能講習修了者',
    ].join('\n');
    const t = tokens(text, 'layout').map((x) => x.text);
    expect(t).toContain('②小売業者等連携支援事業\u3000また、消費者嗜好に関する情報提供等を通じて事業者を支援する一般社団法人等の取組を支援する（補助上限1,000万円、補助率1～2');
    // Cells of a row with nothing below them stay apart.
    expect(t).toContain('Ⅷ．その他');
    expect(t).toContain('８．技能講習修了者');
  });
  it('ends a layout box at a blank line after a line that ended its sentence (。), though the next line starts in its column and the line filled it', () => {
    const text = [
      '          改善の      収蔵庫の増改築により、日本芸術院所蔵の美術品を適切に管理・保管する。',
      '          方向性      我が国としてもレファレンス・ラボラトリー等の認定を維持する必要がある。',
      '',
      '                   東京電力(株)の廃止措置等に関連する活動を、本拠出金で支援するもの。',
      '  外部有識者の所見         系統をつなぎ需給バランス調整等に活用する。', '',
    ].join('\n');
    expect(tokens(text, 'layout').map((x) => x.text)).toContain('収蔵庫の増改築により、日本芸術院所蔵の美術品を適切に管理・保管する。我が国としてもレファレンス・ラボラトリー等の認定を維持する必要がある。');
  });
  it('keeps, in layout text, a list\'s mark with the item a full-width space set apart from it (①   備蓄穀物…)', () => {
    const text = ['         改善の    ①   備蓄穀物の保管を行う配合飼料メーカーに保管料を助成。', '         方向性', ''].join('\n');
    expect(tokens(text, 'layout').map((x) => x.text)).toContain('①\u3000備蓄穀物の保管を行う配合飼料メーカーに保管料を助成。');
  });
  it('joins, in layout text, the short last line of a centred cell to the line above it', () => {
    const text = [
      '                          新国立劇場業務委託               財務会計業務システム及び機器一                                      舞台運用業務',
      '                                                         式',
    ].join('\n');
    expect(tokens(text, 'layout').map((x) => x.text)).toEqual(['新国立劇場業務委託', '財務会計業務システム及び機器一式', '舞台運用業務']);
    // A line with half-width letters is wider on the page than its count: its centre is good to two columns.
    const wide = ['                                                     NPO 情報管理・公開システムの運', '                                                     用支援等業務（国庫債務負担行為', '                                                              ）'].join('\n');
    expect(tokens(wide, 'layout').map((x) => x.text)).toEqual(['NPO 情報管理・公開システムの運用支援等業務（国庫債務負担行為）']);
  });
  it('ends every layout box at a form feed, which takes no column of the page it opens', () => {
    const item = '        整備された施設や成果物は十分に活用されているか。';
    const next = '関連する事業がある場合、他部局・他府省等と適切な役割分担を行っているか。';
    // The next page's first line at the same column would continue the box, were it on the same page.
    expect(tokens([item, `\f        ${next}`].join('\n'), 'layout').map((x) => [x.text, x.col])).toEqual([[item.trim(), 8], [next, 8]]);
    expect(tokens([item, `\f          ${next}`].join('\n'), 'layout').map((x) => [x.text, x.col])).toEqual([[item.trim(), 8], [next, 10]]);
  });
});

describe('boxes of several labels', () => {
  it('are cut into their labels in stream text, a label over two lines kept whole', () => {
    const t = tokens('単位\n成果実\n績\n\n98\n', 'pdfminer');
    expect(t.map((x) => [x.text, x.labels])).toEqual([['単位', ['unit']], ['成果実績', ['outcomeActual']], ['98', []]]);
  });
});

describe('decoding', () => {
  it('decodes UTF-8 with a BOM, UTF-16 and Shift_JIS alike', () => {
    const text = '事業名\r\nテスト\r\n';
    const utf8 = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]));
    const utf16 = decode(new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]));
    const sjis = decode(new Uint8Array([0x8e, 0x96, 0x8b, 0xc6, 0x96, 0xbc])); // 事業名 in Shift_JIS
    expect(utf8).toMatchObject({ ok: true, text: '事業名\nテスト\n' });
    expect(utf16).toMatchObject({ ok: true, text: '事業名\nテスト\n' });
    expect(sjis).toMatchObject({ ok: true, text: '事業名', encoding: 'shift_jis' });
  });
  it('decodes EUC-JP, also where its bytes read as Shift_JIS without a fault (as half-width katakana)', () => {
    const eucJp = new Uint8Array([0xbb, 0xf6, 0xb6, 0xc8, 0xcc, 0xbe]); // 事業名 in EUC-JP; ｻ, a private-use kanji, ﾈﾌｾ in Shift_JIS
    expect(new TextDecoder('shift_jis', { fatal: true }).decode(eucJp)).toMatch(/ﾈﾌｾ$/);
    expect(decode(eucJp)).toMatchObject({ ok: true, text: '事業名', encoding: 'euc-jp' });
  });
  it('refuses empty and binary input with a reason', () => {
    expect(decode(new Uint8Array())).toMatchObject({ ok: false, code: 'empty' });
    expect(decode(Buffer.from('%PDF-1.4\n...'))).toMatchObject({ ok: false, code: 'binary' });
    expect(decode(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))).toMatchObject({ ok: false, code: 'binary' });
    // The sheets were also published as Excel files, whose old format is no ZIP.
    expect(decode(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0x3e, 0]))).toMatchObject({ ok: false, code: 'binary', message: expect.stringContaining('.xls') });
  });
});

describe('organization names', () => {
  it('know a ministry bureau or division, and not an explanation that names one', () => {
    for (const name of ['厚生労働省健康局水道課', '内閣府政策統括官（経済財政運営担当）参事官（企画担当）', '厚生労働省大臣官房統計情報部人口動態・保健社会統計課世帯統計室']) expect(ORGANIZATION_NAME.test(name)).toBe(true);
    for (const text of ['上記目的を達成するため、以下のような事業を実施。', '厚生労働省と連携し、関係課と調整した。', '研究員の人件費']) expect(ORGANIZATION_NAME.test(text)).toBe(false);
  });
});
