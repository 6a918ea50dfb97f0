// Each section matcher on a small snippet in the forms extractors print.
import { describe, expect, it } from 'vitest';
import { contextOf, layoutLine as line } from './helpers.js';
import { matchProject, matchSheetKey } from '../src/match/project.js';
import { matchBudget } from '../src/match/budget.js';
import { breakdown } from '../src/match/budget-breakdown.js';
import type { BudgetYear, FundFlow, UnitCost } from '../src/assemble/schema.js';
import { matchFundFlow } from '../src/match/fund-flow.js';
import { matchRecipients } from '../src/match/recipients.js';
import { fullestByBlock } from '../src/match/recipient-references.js';
import { tables } from '../src/match/recipient-tables.js';
import { surplusBackward } from '../src/match/recipient-surplus.js';
import { emptyRow, wordsOf } from '../src/match/recipient-cells.js';
import { matchSelfCheck } from '../src/match/self-check.js';
import { matchExpenses } from '../src/match/expenses.js';
import { decodeRuns, runFromTotal } from '../src/match/expense-runs.js';
import { matchUnitCost } from '../src/match/unit-cost.js';
import { matchReview } from '../src/match/review.js';
import { matchNoTargetReason, matchOutcomes } from '../src/match/outcomes.js';
import { takeTriplesByFinalTarget } from '../src/match/outcome-triples.js';
import { matchRelatedProjects } from '../src/match/related-projects.js';
import { matchPastProjectNumbers } from '../src/match/past-numbers.js';
import { matchPolicy } from '../src/match/policy.js';
import { matchOutputs } from '../src/match/outputs.js';
import { takeRepeatedPlan } from '../src/match/output-plans.js';
import { valuesOf } from '../src/match/values.js';
import { splitByWidths, splitTwoColumns } from '../src/match/text-columns.js';
import { matchAll } from '../src/match/index.js';
import { SELF_CHECK_GROUPS } from '../src/tokenize/vocabulary.js';

const paragraphs = (...boxes: string[]) => `${boxes.join('\n\n')}\n`;

describe('sheet header and project', () => {
  it('reads the year, ministry and number, and values glued into one row line', () => {
    const ctx = contextOf(paragraphs('平成２８年度行政事業レビューシート 総務省', '事業番号', '　 0092',
      'Ｍ２Ｍ実証事業 担当部局庁 情報流通行政局 作成責任者', '担当課室 情報セキュリティ対策室 室長　大森　一顕', '事業名', '会計区分', '一般会計'));
    expect(matchSheetKey(ctx)).toEqual({ reviewYear: 2016, ministry: '総務省', projectNumber: '0092' });
    const p = matchProject(ctx);
    expect(p).toMatchObject({ name: 'Ｍ２Ｍ実証事業', bureau: '情報流通行政局', division: '情報セキュリティ対策室', responsibleOfficial: '室長　大森　一顕', accounts: ['一般会計'] });
  });
  it('warns of a text that holds two sheets\' titles, but not of a title quoted in a sentence', () => {
    const sheet = (year: string, number: string) => [`平成${year}年度行政事業レビューシート 総務省`, '事業番号', number];
    const two = contextOf(paragraphs(...sheet('２８', '0092'), ...sheet('２７', '0093')));
    expect(matchSheetKey(two).reviewYear).toBe(2016);
    expect(two.diagnostics.filter((d) => d.code === 'several-titles').map((d) => d.message)).toEqual([expect.stringMatching(/^the text holds 2 .* titles \(lines 1, 7\)/)]);
    const quoted = contextOf(paragraphs(...sheet('２８', '0092'), '前年度の平成２７年度行政事業レビューシートの指摘を踏まえ、見直しを行った。'));
    matchSheetKey(quoted);
    expect(quoted.diagnostics.map((d) => d.code)).not.toContain('several-titles');
  });
  it('reads a dash right after a label as its cell printed empty, not the text pdftotext printed before the label', () => {
    const ctx = contextOf(paragraphs('事業の目的', '（目指す姿を簡\n潔に。3行程度以\n内）', '社会資本整備総合交付金は、地方公共団体の計画に基づく\n取組を支援する。', '関係する計画、\n通知等', '-', '主要経費', '食料安定供給関係費'), 'pdftotext');
    expect(matchProject(ctx)).toMatchObject({ purpose: '社会資本整備総合交付金は、地方公共団体の計画に基づく取組を支援する。', relatedPlans: null });
  });
  it('takes no column head of the budget table (29年度要求) for the 関係する計画、通知等', () => {
    const ctx = contextOf(paragraphs('関係する計画、\n通知等', '29年度要求', '主要政策・施策', 'その他'), 'pdftotext');
    expect(matchProject(ctx).relatedPlans).toBeNull();
  });
  it('reads a 作成責任者 whose title and name pdftotext boxed as two lines', () => {
    const ctx = contextOf(paragraphs('担当部局庁', '経営局', '作成責任者', '担当課室', '農地政策課', '農地政策課長\n栗原 秀忠', '令和５年度', '一般会計'), 'pdftotext');
    expect(matchProject(ctx).responsibleOfficial).toBe('農地政策課長栗原 秀忠');
  });
  it('reads a layout 作成責任者 cell that starts left of its label, and a title whose name is on the line below', () => {
    const left = ['      事業名         近現代建築資料の収集・保存        担当部局庁            文化庁                       作成責任者', '',
      '  事業開始年度              平成２４年度     担当課室             長官官房政策課                 政策課長        平林     正吉'].join('\n');
    expect(matchProject(contextOf(left, 'layout')).responsibleOfficial?.replace(/\s+/g, ' ')).toBe('政策課長 平林 正吉');
    const below = ['      事業名         沿岸域環境改善技術評価事業        担当部局庁            水・大気環境局               作成責任者', '',
      '  事業開始年度              平成２７年度     担当課室             水環境課閉鎖性海域対策室          閉鎖性海域対策室長',
      '                                                                           根木桂三'].join('\n');
    expect(matchProject(contextOf(below, 'layout')).responsibleOfficial?.replace(/\s+/g, '')).toBe('閉鎖性海域対策室長根木桂三');
    // Two officials, one under the other: each line across the title and name columns is one.
    const two = [
      '      事業名          米国との安全保障分野での協力推進                                             担当部局庁            北米局                                    作成責任者',
      '',
      '  事業開始年度               平成-３０年度           事業終了            終了予定なし                 担当課室             日米安全保障条約課                             課長    河邉    賢裕',
      '                                        （予定）年度                                                   日米地位協定室                               室長    中村    仁威'].join('\n');
    expect(matchProject(contextOf(two, 'layout')).responsibleOfficial).toBe('課長　河邉　賢裕　室長　中村　仁威');
  });
  it('reads a layout 事業概要 as the column of lines beside its label, above and below the label\'s own line', () => {
    const text = [
      '  事業の目的',
      ' （目指す姿を簡           日米安保体制の維持・強化を図る。',
      '     内）',
      '',
      '',
      '                   ①沖縄事務所運営経費：沖縄事務所を',
      '                   運営する。',
      '    事業概要           ②セミナー開催経費：政策立案に関し',
      '  （5行程度以内。',
      '    別添可）           論するためのセミナーを開催する。',
      '',
      '   実施方法          直接実施',
    ].join('\n');
    expect(matchProject(contextOf(text, 'layout'))).toMatchObject({
      purpose: '日米安保体制の維持・強化を図る。',
      overview: '①沖縄事務所運営経費：沖縄事務所を運営する。②セミナー開催経費：政策立案に関し論するためのセミナーを開催する。',
    });
  });
  it('takes into a layout 事業概要 the lines above its label that an item number or an indent sets a few columns apart', () => {
    const text = [
      '  事業の目的',
      ' （目指す姿を簡           水産業の再生・漁村の活性化を図るものである。',
      '     内）',
      '',
      '',
      '                 １ 水産多面的機能発揮対策事業',
      '                      漁業者等が行う活動について支援',
      '    事業概要           ア 環境・生態系保全',
      '  （5行程度以内。',
      '    別添可）           イ 海の安全確保',
      '',
      '   実施方法          補助',
    ].join('\n');
    expect(matchProject(contextOf(text, 'layout'))).toMatchObject({
      purpose: '水産業の再生・漁村の活性化を図るものである。',
      overview: '１ 水産多面的機能発揮対策事業漁業者等が行う活動について支援ア 環境・生態系保全イ 海の安全確保',
    });
  });
  it('joins to each line of a layout 事業概要 the piece a wide space cut off it (：最高限度額    78,430円)', () => {
    const text = [
      '                   以下の介護料を支給する。',
      '    事業概要            ①常時監視及び介助を要するもの              ：最高限度額 104,570円、最低補償額 56,790円',
      '  （5行程度以内。          ②常時監視を要し、随時介助を要するもの        ：最高限度額    78,430円、最低補償額 42,590円',
      '    別添可）            ③常時監視を要するが、通常は介助を要しないもの ：最高限度額   52,290円、最低補償額 28,400円',
      '',
      '   実施方法          直接実施',
    ].join('\n');
    expect(matchProject(contextOf(text, 'layout')).overview?.replace(/\s|\u3000/g, '')).toBe('以下の介護料を支給する。①常時監視及び介助を要するもの：最高限度額104,570円、最低補償額56,790円'
      + '②常時監視を要し、随時介助を要するもの：最高限度額78,430円、最低補償額42,590円③常時監視を要するが、通常は介助を要しないもの：最高限度額52,290円、最低補償額28,400円');
  });
  it('reads a layout cell of two lines centred on its label\'s line (資源エネルギー庁 ⏎ 担当部局庁 ⏎ 電力・ガス事業部)', () => {
    const text = [
      '                                                    資源エネルギー庁',
      '      事業名          電源開発調査委託費             担当部局庁',
      '                                                    電力・ガス事業部',
    ].join('\n');
    expect(matchProject(contextOf(text, 'layout')).bureau).toBe('資源エネルギー庁電力・ガス事業部');
  });
  it('reads the 作成責任者 from short boxes after its label, or before 会計区分 when labels come first', () => {
    const after = contextOf(paragraphs('担当課室', '地球温暖化対策課', '作成責任者', '課長', '松澤', '裕', '会計区分', '一般会計'));
    expect(matchProject(after).responsibleOfficial).toBe('課長　松澤　裕');
    const before = contextOf(paragraphs('作成責任者', '事業開始年度', '平成１２年度', '担当課室', '雇用均等政策課', '雇用均等政策課長', '小林　洋子', '会計区分', '一般会計'));
    expect(matchProject(before).responsibleOfficial).toBe('雇用均等政策課長　小林　洋子');
    // The header's labels first, then its cells row by row: the official's right after the division's.
    const cells = contextOf(paragraphs('担当部局庁', '地球環境局', '作成責任者', '事業開始年度', '平成20年度', '事業終了\n（予定）年度', '会計区分', '一般会計', '根拠法令\n（具体的な\n条項も記載）',
      '環境設置法第４条第11号', '終了予定なし', '担当課室', '地球温暖化対策課市場メカニズム室', '室長　土居　健太郎', '関係する計画、\n通知等'));
    expect(matchProject(cells).responsibleOfficial).toBe('室長　土居　健太郎');
  });
  it('reads the 作成責任者 from the name pieces after the 担当課室 value, past the next row\'s labels and year cells', () => {
    const ctx = contextOf(paragraphs('担当部局庁', '労働基準局', '作成責任者', '事業終了\n（予定）年度', '担当課室', '労災管理課', '木塚', '事業開始年度', '平成-20年度', '終了予定なし',
      '欽也', '会計区分', '労働保険特別会計労災勘定'), 'pdftotext');
    expect(matchProject(ctx).responsibleOfficial).toBe('木塚　欽也');
  });
  it('adds the given name boxed on its own after a title and family name (室長 江澤, 正名), and no organisation\'s name', () => {
    const ctx = contextOf(paragraphs('担当課室', '電力基盤整備課', '作成責任者', '室長 江澤', '正名', '会計区分', 'エネルギー対策特別会計'), 'pdftotext');
    expect(matchProject(ctx).responsibleOfficial).toBe('室長 江澤　正名');
    const account = contextOf(paragraphs('担当課室', '電力基盤整備課', '作成責任者', '室長 江澤', '調査課', '会計区分'), 'pdftotext');
    expect(matchProject(account).responsibleOfficial).toBe('室長 江澤');
  });
  it('reads two officials whose cells pdftotext boxed line by line across both (課長 ⏎ 室長, 河邉 ⏎ 中村, 賢裕 ⏎ 仁威)', () => {
    const ctx = contextOf(paragraphs('担当課室', '日米安全保障条約課\n日米地位協定室', '作成責任者', '課長\n室長', '河邉\n中村', '賢裕\n仁威', '会計区分', '一般会計'), 'pdftotext');
    expect(matchProject(ctx).responsibleOfficial).toBe('課長　河邉　賢裕　室長　中村　仁威');
  });
  it('takes a title with what it is in charge of (参事官（総括担当） 松多 秀一) as an official\'s', () => {
    const ctx = contextOf(paragraphs('作成責任者', '担当課室', '参事官（総括担当）\n参事官（社会基盤担当）', '参事官（総括担当） 松多 秀一\n参事官（社会基盤担当） 笹原 顕雄', '会計区分', '一般会計'), 'pdftotext');
    expect(matchProject(ctx).responsibleOfficial).toBe('参事官（総括担当） 松多 秀一参事官（社会基盤担当） 笹原 顕雄');
  });
  it('knows the 主要経費 by its closed vocabulary when the labels come first', () => {
    const ctx = contextOf(paragraphs('実施方法', '関係する計画、', '通知等', '主要経費', '経済協力費', '直接実施、委託・請負', '「成長戦略」（平成24年5月閣議決定）'));
    const p = matchProject(ctx);
    expect(p.mainExpense).toBe('経済協力費');
    expect(p.implementationMethods).toEqual(['直接実施', '委託・請負']);
    expect(p.relatedPlans).not.toBe('経済協力費');
  });
  it('reads no 実施方法 out of a 主要経費 that holds one\'s word (その他の事項経費, 地方交付税交付金)', () => {
    const ctx = contextOf(paragraphs('実施方法', 'その他の事項経費', '直接実施', '24年度'), 'pdftotext');
    expect(matchProject(ctx).implementationMethods).toEqual(['直接実施']);
    const grant = contextOf(paragraphs('実施方法', '地方交付税交付金', '交付', '24年度'), 'pdftotext');
    expect(matchProject(grant).implementationMethods).toEqual(['交付']);
  });
  it('takes a year boxed with the 事業終了 label as the start year', () => {
    const ctx = contextOf(paragraphs('事業開始年度', '委託・請負', '担当課室', '事業名', '会計区分', '28年度', '平成２７年度\n事業終了', '（予定）年度\n平成２８年度', '主要経費'));
    expect(matchProject(ctx)).toMatchObject({ startYear: 2015, endYear: 2016 });
  });
  it('gives a text right after 関係する計画 to it, not to the empty 根拠法令 before it', () => {
    const ctx = contextOf(paragraphs('根拠法令\n（具体的な\n条項も記載）', '関係する計画、\n通知等', '「成長戦略」（平成24年4月閣議決定）', '主要政策・施策', '地球温暖化対策'), 'pdftotext');
    expect(matchProject(ctx)).toMatchObject({ legalBasis: null, relatedPlans: '「成長戦略」（平成24年4月閣議決定）', mainPolicies: ['地球温暖化対策'] });
  });
  it('leaves 根拠法令 empty in layout text when the text right of it stands right of 関係する計画', () => {
    const text = [
      '      根拠法令                                                                      関係する計画、',
      '     （具体的な                                                                                          「科学技術基本計画」（平成25年2月閣議決定）',
      '                                                                                  通知等',
      '     条項も記載）',
    ].join('\n');
    expect(matchProject(contextOf(`${text}\n`, 'layout'))).toMatchObject({ legalBasis: null, relatedPlans: '「科学技術基本計画」（平成25年2月閣議決定）' });
  });
  it('finds plan citations and policy names printed far from their labels, but not その他 alone', () => {
    const far = (policies: string) => contextOf(paragraphs('関係する計画、\n通知等', '達成度', '中間目標', '年度', '-', 'その他', '「サイバーセキュリティ戦略」（平成27年９月閣議決定）、「サイバーセキュリティ2015」（平成27年９月本部決定）', '主要政策・施策', '0 0', '-', '- -', '活動指標', policies));
    expect(matchProject(far('ＩＴ戦略、地方創生'))).toMatchObject({ relatedPlans: '「サイバーセキュリティ戦略」（平成27年９月閣議決定）、「サイバーセキュリティ2015」（平成27年９月本部決定）', mainPolicies: ['ＩＴ戦略', '地方創生'] });
    expect(matchProject(far('その他')).mainPolicies).toEqual([]);
  });
  it('reads special accounts with their 勘定, also when two are printed unseparated', () => {
    const ctx = contextOf(paragraphs('会計区分', '労働保険特別会計労災勘定労働保険特別会計雇用勘定'));
    expect(matchProject(ctx).accounts).toEqual(['労働保険特別会計労災勘定', '労働保険特別会計雇用勘定']);
    expect(matchProject(contextOf(paragraphs('会計区分', '一般会計、東日本大震災復興特別会計'))).accounts).toEqual(['一般会計', '東日本大震災復興特別会計']);
  });
  it('does not take the 実施方法 cell boxed with a year head for the related plans', () => {
    const ctx = contextOf(paragraphs('関係する計画、\n通知等', '直接実施、委託・請負\n24年度', '主要政策・施策', '地球温暖化対策', '「成長戦略」（平成24年5月閣議決定）'), 'pdftotext');
    expect(matchProject(ctx).relatedPlans).toBe('「成長戦略」（平成24年5月閣議決定）');
  });
  it('finds the end year further on when the year row\'s labels come together, by its era', () => {
    const ctx = contextOf(paragraphs('事業開始年度', '事業終了\n（予定）年度', '平成26年度', '会計区分', '担当部局庁', '地球環境局', '担当課室', '地球温暖化対策課', '平成２９年度', '25年度'), 'pdftotext');
    expect(matchProject(ctx)).toMatchObject({ startYear: 2014, endYear: 2017 });
  });
  it('never takes the empty brackets beside 事業番号 or a dashed year for the project name', () => {
    const ctx = contextOf(paragraphs('事業名', '（）', '平成-１３年度', 'アイヌ地区住民就職促進費', '担当部局庁'), 'pdftotext');
    expect(matchProject(ctx).name).toBe('アイヌ地区住民就職促進費');
  });
  it('does not read an empty 根拠法令 from a fragment of its label that matches far down the sheet', () => {
    const ctx = contextOf(paragraphs('根拠法令', '（具体的な', '条項も記載）', '主要政策・施策', 'その他', '事業の目的', '地域の活性化を図る。', '一般会計', '予算額・\n執行額', '費目・使途', '載）', '一般管理費', '事務経費', '1.4'));
    expect(matchProject(ctx).legalBasis).toBeNull();
  });
  it('reads 終了予定なし as no end year', () => {
    const ctx = contextOf(paragraphs('事業開始年度', '平成16年度', '事業終了\n（予定）年度', '終了予定なし'));
    expect(matchProject(ctx)).toMatchObject({ startYear: 2004, endYear: null });
  });
});

describe('budget', () => {
  it('reads rows label by label and splits 執行額 and 執行率 run on after 計', () => {
    const ctx = contextOf(paragraphs('当初予算', '140', '393', '197', '124', '補正予算', '-', '-', '-', '-', '前年度から繰越', '-', '-', '-', '-',
      '翌年度へ繰越し', '-', '-', '-', '-', '予備費等', '15', '-', '32', '-', '計', '155', '373', '229', '124', '155', '332', '229', '100%', '89%', '100%'));
    const { years } = matchBudget(ctx, 2016);
    expect(years.map((y) => y.fiscalYear)).toEqual([2013, 2014, 2015, 2016, 2017]);
    expect(years[0]).toMatchObject({ initial: 140, reserveFund: 15, total: 155, executed: 155, executionRate: 100 });
    expect(years[1]).toMatchObject({ initial: 393, total: 373, executed: 332, executionRate: 89 });
  });
  it('reads 計, 執行額 and 執行率 printed before their labels in one run with 予備費等, where 執行率 bears out the printed 計 and not the sum of its parts', () => {
    const ctx = contextOf(paragraphs('当初予算', '44,111', '76,306', '117,132', '105,436', '補正予算', '8,275', '-', '-', '-', '前年度から繰越し', '25,789', '44,204', '61,365', '96,354',
      '翌年度へ繰越し', '-', '-', '-', '-', '予備費等', '-', '-', '-', '-', '33,971', '59,145', '82,143', '201,790', '29,026', '57,662', '80,706', '85%', '97%', '98%',
      '（単位:百万円）', '計', '執行額', '執行率（％）'), 'pdftotext');
    const { years } = matchBudget(ctx, 2016);
    expect(years.slice(0, 4).map((y) => [y.total, y.executed, y.executionRate])).toEqual([[33971, 29026, 85], [59145, 57662, 97], [82143, 80706, 98], [201790, null, null]]);
  });
  it('deals the run after stacked row labels (前年度から繰越し 翌年度へ繰越し 予備費等, 執行額 執行率) to those rows in turn', () => {
    const ctx = contextOf(paragraphs('当初予算', '100', '200', '300', '400', '500', '補正予算', '10', '20', '30', '-', '予算額・\n執行額', '前年度から繰越\nし', '翌年度へ繰越し', '予備費等',
      '5', '6', '7', '8', ...Array<string>(12).fill('-'), '計', '115', '226', '337', '408', '500', '執行額', '執行率（％）', '115', '200', '337', '100%', '88%', '100%'), 'pdfminer');
    const { years } = matchBudget(ctx, 2016);
    expect(years.map((y) => [y.carriedFromPrevious, y.total, y.executed, y.executionRate])).toEqual([[5, 115, 115, 100], [6, 226, 200, 88], [7, 337, 337, 100], [8, 408, null, null], [null, 500, null, null]]);
  });
  it('reads rows printed one after another with the 要求 column\'s 当初予算 after them all, when no other reading holds', () => {
    const ctx = contextOf(paragraphs('当初予算', '25年度', '26年度', '0 30,450.023', '補正予算', '予算額・\n執行額', '19,000', '8,126.967', '40,025', '20,029', '-', '-',
      '前年度から繰越', '-', '-', '-', '-', '翌年度へ繰越し', '-', '-', '-', '-', '予備費等', '-', '-', '-', '-',
      '40,025 50,479.023', '19,000', '8,126.967', '40,025', '44,307', '16,273', '100%', '88%', '86%', '20,800'), 'pdftotext');
    const { years } = matchBudget(ctx, 2016);
    expect(years.map((y) => [y.initial, y.supplementary, y.total, y.executed, y.executionRate])).toEqual([
      [0, 40025, 40025, 40025, 100], [30450.023, 20029, 50479.023, 44307, 88], [19000, 0, 19000, 16273, 86], [8126.967, 0, 8126.967, null, null], [20800, null, 20800, null, null],
    ]);
  });
  it('tells readings the table\'s arithmetic cannot tell apart by the 予算内訳\'s sums: this year\'s 当初予算 and the 要求', () => {
    // A new project: every past column 0 and dashes, then the 要求 223 alone. Reading 223 as a
    // past year's 執行率 breaks no identity the table itself has; the 内訳's 47 + 176 does.
    const column = ['0', '-', '-', '-', '-', '0', '0', '-'];
    const ctx = contextOf(paragraphs('当初予算', '補正予算', '前年度から繰越\nし', '翌年度へ繰越し', '予算額・\n執行額', '（単位:百万円）', '予備費等', '計', '執行額', '執行率（％）',
      '25年度', '26年度', '27年度', '28年度', '29年度要求', '歳出予算目', '28年度', '当初予算', '29年度要求', '主な増減理由', '情報処理業務庁費', '諸謝金', '0', '0', '47 実績を踏まえた増', '176',
      ...column, ...column, ...column, '0', '-', '-', '-', '-', '0', '223', '-'), 'pdfminer');
    const { years, breakdown } = matchBudget(ctx, 2016);
    expect(breakdown.map((r) => [r.item, r.currentYear, r.nextYearRequest])).toEqual([['情報処理業務庁費', 0, 47], ['諸謝金', 0, 176]]);
    expect(years.map((y) => [y.initial, y.total, y.request])).toEqual([[0, 0, null], [0, 0, null], [0, 0, null], [0, 0, null], [223, 223, 223]]);
  });
  it('keeps rows printed whole after their labels against readings that break the sheet\'s own arithmetic less', () => {
    // A published sheet's table: the first year's 当初予算 has no 計, and the carried amounts
    // make the next two years' sums fail. A row-major reading that drops the leading 532 (and
    // takes the 予算内訳's amounts after the table) lines up 執行額 and 執行率 with the wrong
    // years' 計, one identity more, which does not pay for the value passed over; the chunk
    // decoder moves the carried 532 up to the first 計, two more, and is not tried at all.
    const ctx = contextOf(paragraphs('当初予算', '532', '1,601', '1,206', '412', '395', '補正予算', '-', '-', '-', '-', '-', '前年度から繰越', '-', '532', '1,559', '1,201', '-',
      '翌年度へ繰越し', '-', '-', '-', '-', '-', '予備費等', '-', '-', '-', '-', '-', '計', '-', '574', '1,564', '1,613', '395', '執行額', '-', '532', '1,541', '執行率（％）', '-', '93%', '99%', '予算の状況',
      '153', '412', '395'), 'pdftotext');
    const { years } = matchBudget(ctx, 2016);
    expect(years.map((y) => [y.initial, y.carriedFromPrevious, y.total, y.executed])).toEqual([[532, 0, 0, 0], [1601, 532, 574, 532], [1206, 1559, 1564, 1541], [412, 1201, 1613, null], [395, null, 395, null]]);
  });
  it('does not read a year as executing more than its 計 where no 執行率 is printed (a new project\'s empty years)', () => {
    const ctx = contextOf(paragraphs('予算額・\n執行額', '（単位:百万円）', '予備費等', '計', '執行額', '執行率（％）', '24年度', '25年度', '26年度', '27年度', '28年度要求',
      '当初予算', ...Array<string>(24).fill('-'), '50', '50', '-', '-', '-', '-', '50', '50'));
    const { years } = matchBudget(ctx, 2015);
    expect(years.map((y) => [y.initial, y.total, y.executed])).toEqual([[0, 0, 0], [0, 0, 0], [0, 0, 0], [50, 50, null], [50, 50, null]]);
  });
  it('uses the execution rate to find the executed amount in scattered text', () => {
    const ctx = contextOf(paragraphs('当初予算', '事業概要', '0 0 150 0 0', 'ほか', '- 118', '執行率（％） - - 79%'));
    const { years } = matchBudget(ctx, 2016);
    expect(years[2]).toMatchObject({ initial: 150, total: 150, executed: 118, executionRate: 79 });
    expect(years[4]).toMatchObject({ request: 0 });
  });
  it('reads layout rows under their year headers', () => {
    const text = [
      '              25年度      26年度      27年度      28年度      29年度要求',
      '当初予算         140         393         197         124          183',
      '補正予算           -           -          10           -',
      '計               140         393         207         124          183',
      '執行額           100         300         207',
      '執行率（％）      71%         76%        100%',
    ].join('\n');
    const { years } = matchBudget(contextOf(text, 'layout'), 2016);
    expect(years[2]).toMatchObject({ initial: 197, supplementary: 10, total: 207, executed: 207, executionRate: 100 });
    expect(years[4]).toMatchObject({ initial: 183, request: 183 });
  });
  it('takes for a layout row\'s label the one with cells beside it, not the piece of the table\'s title that reads the same (予算額・ ⏎ 執行額)', () => {
    const text = [
      '                                24年度       25年度      26年度           27年度        28年度要求',
      '                  当初予算      150.17      96.058      96.058           97.412        101.3',
      '                                                                                                    度',
      ' 予算額・',
      '            の状                                                                                      度',
      '             況                                                                                      予',
      ' 執行額                                                                                                算',
      '                  翌年度へ繰越し             -           -           -                -            -       内',
      '                  計             90.064       96.058    96.058           97.412        101.3',
      '            執行額                 70.076       90.848    95.717',
      '            執行率（％）                78%          95%      100%',
    ].join('\n');
    const { years } = matchBudget(contextOf(text, 'layout'), 2015);
    expect(years.slice(0, 3).map((y) => [y.total, y.executed, y.executionRate])).toEqual([[90.064, 70.076, 78], [96.058, 90.848, 95], [96.058, 95.717, 100]]);
  });
  it('keeps a layout row\'s cells in their columns\' order when they stand right of their heads\' centres, nearer the next head', () => {
    const text = [
      '                                24年度         25年度         26年度         27年度          28年度要求',
      '                   当初予算                23            23          25            24            22',
      '                   補正予算                 -             -           -              -',
      '                   計                   23            23          25            24            22',
      '            執行額                        23            23          24',
      '            執行率（％）                100%          100%         96%',
    ].join('\n');
    const { years } = matchBudget(contextOf(text, 'layout'), 2015);
    expect(years.map((y) => [y.initial, y.supplementary, y.total, y.executed, y.executionRate])).toEqual([
      [23, 0, 23, 23, 100], [23, 0, 23, 23, 100], [25, 0, 25, 24, 96], [24, 0, 24, null, null], [22, null, 22, null, null],
    ]);
  });
  const labelsFirst = ['予算額・執行額', '当初予算', '補正予算', '前年度から繰越', '翌年度へ繰越し', '予備費等', '計', '執行額', '執行率（％）', '24年度', '25年度', '26年度', '27年度', '28年度要求'];
  it('reads a table printed in chunks: the 当初予算 row, then each year down its column', () => {
    const values = '104 100 96 77 81 - - - - 104 90 87% 7 - - - 107 87 81% - - - - 96 72 75% - - - - - - - - 77 81'.split(' ');
    const { years } = matchBudget(contextOf(paragraphs(...labelsFirst, ...values)), 2015);
    expect(years.map((y) => [y.initial, y.supplementary, y.total, y.executed, y.executionRate])).toEqual([
      [104, 0, 104, 90, 87], [100, 7, 107, 87, 81], [96, 0, 96, 72, 75], [77, 0, 77, null, null], [81, null, 81, null, null],
    ]);
  });
  it('does not fill the parts with other rows\' amounts to make a 計 come out that the sheet itself breaks', () => {
    // The first year down its column (its 計 760 is not 900 + 35, as published), the next two
    // years' parts, then their 計 and 執行額 and the 執行率 row: moving 540 540 515 515 into the
    // parts makes one 計 add up, at the cost of four amounts where sheets print dashes.
    const values = '900 610 670 480 - 35 - - 760 760 - - - - - - - - 540 540 515 515 100% 100% 100% - - - - 480 0 - - - - 0'.split(' ');
    const { years } = matchBudget(contextOf(paragraphs(...labelsFirst, ...values), 'pdfminer'), 2015);
    expect(years.map((y) => [y.initial, y.carriedFromPrevious, y.total, y.executed, y.executionRate])).toEqual([
      [900, 35, 760, 760, 100], [610, 0, 540, 540, 100], [670, 0, 515, 515, 100], [480, 0, 480, null, null], [0, null, 0, null, null],
    ]);
  });
  it('reads no 執行額 into a year whose 計 is 0, though its 執行率 is printed empty', () => {
    const values = '0 - - - - 0 0 - 0 - - - - 0 0 - 900 310 - - - 1,210 1,000 83% 800 1,100 - 150 - - - - - - 950 1,100'.split(' ');
    const { years } = matchBudget(contextOf(paragraphs(...labelsFirst, ...values), 'pdfminer'), 2015);
    expect(years.map((y) => [y.initial, y.supplementary, y.carriedFromPrevious, y.total, y.executed])).toEqual([
      [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [900, 310, 0, 1210, 1000], [800, 0, 150, 950, null], [1100, null, null, 1100, null],
    ]);
  });
  it('reads 当初予算, 計, 執行額 and 執行率 where every 執行率 bears them out when the sheet breaks its 計 everywhere, and leaves the parts unread', () => {
    // As published: 3,200 + 303 is not 2,977. No reading keeps the sums; the rows of a row-major reading stand where 執行率 = 執行額 / 計.
    const values = '3,200 3,200 3,200 2,900 2,700 - - 303 526 - - - - - - - - - 222 - - - - - - 2,977 3,726 2,978 3,122 2,700 2,214 3,302 2,619 74% 89% 88%'.split(' ');
    const ctx = contextOf(paragraphs(...labelsFirst, ...values), 'pdfminer');
    const { years } = matchBudget(ctx, 2016);
    expect(years.map((y) => [y.initial, y.supplementary, y.carriedFromPrevious, y.total, y.executed, y.executionRate, y.request])).toEqual([
      [3200, null, null, 2977, 2214, 74, null], [3200, null, null, 3726, 3302, 89, null], [3200, null, null, 2978, 2619, 88, null], [2900, null, null, 3122, null, null, null], [2700, null, null, 2700, null, null, 2700],
    ]);
    expect(ctx.diagnostics.map((d) => d.code)).toContain('budget-parts-unplaced');
  });
  it('reads the 計, 執行額 and 執行率 of the years whose 執行率 bears them out from the chunk reading when the sheet breaks its 計 everywhere and only 当初予算 was kept', () => {
    const later = '- - - - - - - - - - 532 1,559 1,201 - - 574 532 93% - - - - 1,564 1,613 395 1,541 99% - - - -'.split(' ');
    const ctx = contextOf(paragraphs('25年度', '26年度', '27年度', '28年度', '29年度要求', '当初予算', '532', '1,601', '1,206', '412', '395', '予算額・\n執行額', '（単位:百万円）',
      '補正予算', '前年度から繰越\nし', '翌年度へ繰越し', '予備費等', '計', '執行額', '執行率（％）', ...later), 'pdfminer');
    const { years } = matchBudget(ctx, 2016);
    expect(years.slice(1, 3).map((y) => [y.initial, y.carriedFromPrevious, y.total, y.executed, y.executionRate])).toEqual([[1601, null, 574, 532, 93], [1206, null, 1564, 1541, 99]]);
  });
  it('reads the values after the table\'s labels when pdfminer printed the outcome table\'s title before them, and no 執行率 in a year whose 計 is 0', () => {
    const ctx = contextOf(paragraphs('25年度', '26年度', '27年度', '28年度', '29年度要求', '歳出予算目', '28年度\n当初予算', '29年度要求', '主な増減理由', '予算額・\n執行額', '（単位:百万円）',
      '成果目標及び成果実績（アウトカム）', '事業費', '2', '0', '当初予算', '補正予算', '前年度から繰越\nし', '翌年度へ繰越し', '予備費等', '計', '執行額', '執行率（％）',
      ...Array<string>(24).fill('-'), '2', '-', '-', '-', '-', '2', '-', '-', '-', '-', '-', '-', '2', '0'), 'pdfminer');
    const { years } = matchBudget(ctx, 2016);
    expect(years.map((y) => [y.initial, y.reserveFund, y.total, y.executionRate])).toEqual([[0, 0, 0, null], [0, 0, 0, null], [0, 0, 0, null], [2, 0, 2, null], [0, null, 0, null]]);
  });
  it('reads each column on its own when a later year\'s 計 comes before an earlier year\'s, which no staircase of chunks allows', () => {
    // The first year down its column, three rows across, the current and 要求 columns' 計, then each past year's lower cells.
    const values = '- - - - - - - - 499 498 721 800 - - - - - - - - 721 800 - - - - 499 110 22% - - - - 498 390 78%'.split(' ');
    const { years } = matchBudget(contextOf(paragraphs(...labelsFirst, ...values)), 2016);
    expect(years.map((y) => [y.initial, y.total, y.executed, y.executionRate, y.request])).toEqual([
      [0, 0, 0, null, null], [499, 499, 110, 22, null], [498, 498, 390, 78, null], [721, 721, null, null, null], [800, 800, null, null, 800],
    ]);
  });
  it('passes over a 予算内訳 printed inside the table: its items, then two amounts each, a reason among them', () => {
    const breakdown = ['歳出予算目', '主な増減理由', '委託費', '諸謝金', '試験研究費', '10', '11', '9', '9', '12', '12 事業の見直しによる減'];
    const values = '27 24 24 30 33 - - - - 27 27 - - - - 24 23 - - - - 24 24 100% 96% 100% - - - - - - - - 30 33'.split(' ');
    const { years } = matchBudget(contextOf(paragraphs(...labelsFirst, ...breakdown, ...values)), 2015);
    expect(years.map((y) => [y.initial, y.total, y.executed, y.executionRate])).toEqual([[27, 27, 27, 100], [24, 24, 23, 96], [24, 24, 24, 100], [30, 30, null, null], [33, 33, null, null]]);
  });
  it('passes over a 予算内訳\'s amounts printed right after its column heads, up to its first reason', () => {
    const heads = ['歳出予算目', '28年度\n当初予算', '29年度要求', '主な増減理由', '26', '11', '19', '16', '事業の見直しによる減'];
    const values = '34 32 37 37 35 - - - - 34 28 - - - - 32 31 - - - - 37 35 82% 97% 95% - - - - - - - - 37 35'.split(' ');
    const { years } = matchBudget(contextOf(paragraphs(...labelsFirst, ...heads, ...values)), 2016);
    expect(years.map((y) => [y.initial, y.total, y.executed, y.executionRate])).toEqual([[34, 34, 28, 82], [32, 32, 31, 97], [37, 37, 35, 95], [37, 37, null, null], [35, 35, null, null]]);
  });
  it('reads a table printed row by row with the 要求 column apart, after a stray value', () => {
    const values = '54 52 1,098 35 118 - - - - - - - - - - - - - - - - 52 1,008 35 118 49 906 30 94% 90% 86% 408 408'.split(' ');
    const { years } = matchBudget(contextOf(paragraphs(...labelsFirst, ...values)), 2015);
    expect(years.map((y) => [y.initial, y.total, y.executed, y.executionRate])).toEqual([
      [52, 52, 49, 94], [1098, 1008, 906, 90], [35, 35, 30, 86], [118, 118, null, null], [408, 408, null, null],
    ]);
  });
});

/** A budget whose current year's 当初予算 and next year's 要求 a 予算内訳 must add up to. */
const years = (current: number, request: number): BudgetYear[] => [
  { fiscalYear: 2015, initial: current, supplementary: 0, carriedFromPrevious: 0, carriedToNext: 0, reserveFund: 0, total: current, executed: null, executionRate: null, request: null },
  { fiscalYear: 2016, initial: null, supplementary: null, carriedFromPrevious: null, carriedToNext: null, reserveFund: null, total: null, executed: null, executionRate: null, request },
];

describe('予算内訳 in stream text', () => {
  const head = ['歳出予算目', '27年度\n当初予算', '28年度要求', '主な増減理由'];
  it('starts the reasons left mid-word (`19 る減`) with the first lines pdftotext printed after the rows, one box each, in order', () => {
    const rows = ['負担金', '11', '26 前年同', '委員等旅費', '11', '9', '交付金', '24', '19 る減', '諸謝金', '31', '27 る減'];
    const reasons = (...after: string[]) => breakdown(contextOf(paragraphs(...head, ...rows, ...after, '（単位：百万円）'), 'pdftotext'), years(77, 81)).map((r) => r.reason);
    expect(reasons('事業の見直しによ', '事業の見直しによ')).toEqual(['前年同', null, '事業の見直しによる減', '事業の見直しによる減']);
    // One line for two such reasons: which is whose is unknown.
    expect(reasons('事業の見直しによ')).toEqual(['前年同', null, 'る減', 'る減']);
  });
  it('reads a 内訳 of one item, whose row is its 計, when the row is named as an item and holds the budget\'s amounts', () => {
    const ctx = contextOf(paragraphs('歳出予算目', '当初予算', '（単位:百万円）', '26年度', '平', '成', '職員旅費', '成果指標', '単位', '24年度', '主な増減理由', '42', '47 実績を踏まえた増', '42', '47'), 'pdftotext');
    expect(breakdown(ctx, years(42, 47))).toEqual([{ item: '職員旅費', currentYear: 42, nextYearRequest: 47, reason: '実績を踏まえた増' }]);
    // A budget read as zeros lends no weight: a row of zeros is no 内訳.
    const zeros = contextOf(paragraphs('歳出予算目', '当初予算', '諸謝金', '主な増減理由', '0', '0', '0', '0'), 'pdftotext');
    expect(breakdown(zeros, years(0, 0))).toEqual([]);
  });
  it('reads a new project\'s 内訳, whose 当初予算 column is all zeros and whose 要求 add up to the budget\'s', () => {
    const ctx = contextOf(paragraphs('歳出予算目', '28年度\n当初予算', '29年度要求', '主な増減理由', '情報処理業務庁費', '諸謝金', '0', '0', '47 実績を踏まえた増', '176'), 'pdfminer');
    expect(breakdown(ctx, years(0, 223)).map((r) => [r.item, r.currentYear, r.nextYearRequest])).toEqual([['情報処理業務庁費', 0, 47], ['諸謝金', 0, 176]]);
  });
  it('reads items printed as a column, then their 当初予算, then their 要求 with reasons, past other cells and the vertical title', () => {
    const ctx = contextOf(paragraphs(...head, '0', '-', '1,207', '1,080', '990', '委託費', '職員旅費', '事業費', '-', '-', '平', '成', '0', '277', '212', '591', '358 前年同', '319', '事業の見直しによ\nる減', '313'));
    expect(breakdown(ctx, years(1080, 990))).toEqual([
      { item: '委託費', currentYear: 277, nextYearRequest: 358, reason: '前年同' },
      { item: '職員旅費', currentYear: 212, nextYearRequest: 319, reason: '事業の見直しによる減' },
      { item: '事業費', currentYear: 591, nextYearRequest: 313, reason: null },
    ]);
  });
  it('of the column readings that add up (dashes as zeros can), takes the one whose 要求 carry the reasons, with the last reason\'s lines after the last 要求', () => {
    const ctx = contextOf(paragraphs('歳出予算目', '27年度', '当初予算', '28年度要求', '主な増減理由', '- - 8', '事業費', '負担金', '諸謝金', '委託費', '8', '-', '-', '-', '-', '8',
      '平', '成', '1', '3', '1', '3', '2 所要額の精査', '1', '3 前年同', '2', '事業の見直しによ', 'る減', '年度', '計', '8', '8'), 'pdfminer');
    const earlier: BudgetYear = { ...years(12, 0)[0]!, fiscalYear: 2014 };
    expect(breakdown(ctx, [earlier, ...years(8, 8)]).map((r) => [r.item, r.currentYear, r.nextYearRequest, r.reason])).toEqual([
      ['事業費', 1, 2, '所要額の精査'], ['負担金', 3, 1, null], ['諸謝金', 1, 3, '前年同'], ['委託費', 3, 2, '事業の見直しによる減'],
    ]);
  });
  it('reads whole rows printed apart, the first with the budget table and the rest after the vertical title, as far as they add up', () => {
    const ctx = contextOf(paragraphs('歳出予算目', '主な増減理由', '諸謝金', '1,765', '2,251', '執行額', '9,874', '9,433', '計', '9,781', '10,493', '平', '成', '2', '7',
      '委員等旅費', '3,239', '3,750 実績を踏まえた増', '情報処理業務庁費', '2,075', '3,800', '事業の見直しによ', 'る減', '補助金', '2,702', '692', '定量的な成果目標', '計', '9,781', '10,493'), 'pdfminer');
    expect(breakdown(ctx, years(9781, 10493)).map((r) => [r.item, r.currentYear, r.nextYearRequest, r.reason])).toEqual([
      ['諸謝金', 1765, 2251, null], ['委員等旅費', 3239, 3750, '実績を踏まえた増'], ['情報処理業務庁費', 2075, 3800, '事業の見直しによる減'], ['補助金', 2702, 692, null],
    ]);
  });
  it('reads items printed each with its 当初予算, and their 要求 boxed further on one a line, each glued to its reason', () => {
    const ctx = contextOf(paragraphs('歳出予算目', '平成27・28年度予算内訳', '委託費', '30.5', '補助金', '12', '諸謝金', '7.25', '成果実績', '資料のデジタル化を実施する。',
      '12.4 所要額の精査\n20.1 事業の見直しによ\nる減\n15 前年同', '49.75', '47.5'), 'pdftotext');
    expect(breakdown(ctx, years(49.75, 47.5)).map((r) => [r.item, r.currentYear, r.nextYearRequest, r.reason])).toEqual([
      ['委託費', 30.5, 12.4, '所要額の精査'], ['補助金', 12, 20.1, '事業の見直しによる減'], ['諸謝金', 7.25, 15, '前年同'],
    ]);
    // 要求 that do not add up to the budget's are not taken for the items'.
    expect(breakdown(ctx, years(49.75, 50)).map((r) => r.nextYearRequest)).not.toContain(12.4);
  });
  it('reads a row printed with the budget table and a run of items after the vertical title with their amounts in pairs', () => {
    const ctx = contextOf(paragraphs('歳出予算目', '主な増減理由', '97.412', '101.3', '情報処理業務庁費', '58.2', '12.4 所要額の精査', '補正予算', '平', '成', '2', '7', '・', '2', '8',
      '交付金', '補助金', '22', '52.1', '事業の見直しによ', 'る減', '17.212', '36.8 前年同', '定量的な成果目標', '計', '97.412', '101.3'), 'pdfminer');
    expect(breakdown(ctx, years(97.412, 101.3)).map((r) => [r.item, r.currentYear, r.nextYearRequest, r.reason])).toEqual([
      ['情報処理業務庁費', 58.2, 12.4, '所要額の精査'], ['交付金', 22, 52.1, '事業の見直しによる減'], ['補助金', 17.212, 36.8, '前年同'],
    ]);
  });
  it('reads a run of items column by column and an item printed among the amounts with its pair', () => {
    const ctx = contextOf(paragraphs(...head, '委託費', '施設整備費', '7', '3.5', '12.3', '11.9 実績を踏まえた増', '補助金', '4.6', '10.1'));
    expect(breakdown(ctx, years(15.1, 34.3)).map((r) => [r.item, r.currentYear, r.nextYearRequest])).toEqual([['委託費', 7, 12.3], ['施設整備費', 3.5, 11.9], ['補助金', 4.6, 10.1]]);
    // Amounts that add up to no budget amount are not a reading.
    expect(breakdown(ctx, years(15, 34))).not.toContainEqual(expect.objectContaining({ item: '委託費', currentYear: 7 }));
  });
  it('gives the amounts before the first item to an item name printed later without amounts, where the columns then add up', () => {
    const ctx = contextOf(paragraphs('歳出予算目', '174', '成果指標', '66', '69 所要額の精査', '委託費', '35', '44 実績を踏まえた増', '事業費', '73', '61 所要額の精査',
      '成果目標及び成果実績', '主な増減理由', '負担金', '計', '174', '174'), 'pdftotext');
    expect(breakdown(ctx, years(174, 174))).toEqual([
      { item: '負担金', currentYear: 66, nextYearRequest: 69, reason: '所要額の精査' },
      { item: '委託費', currentYear: 35, nextYearRequest: 44, reason: '実績を踏まえた増' },
      { item: '事業費', currentYear: 73, nextYearRequest: 61, reason: '所要額の精査' },
    ]);
  });
  it('reads a 内訳 of one item whose name pdftotext printed right after the heads, a goal\'s lines between it and its amounts', () => {
    const ctx = contextOf(paragraphs('27年度', '当初予算', '歳出予算目', '諸謝金', '成果指標', '成果目標及び成\n果実績', '計画的な配備により、我が国周辺海域の', '（アウトカム）', '防衛に寄与できる。',
      '主な増減理由', '18,123', '61,222 実績を踏まえた増', '18,123', '61,222', '計'), 'pdftotext');
    expect(breakdown(ctx, years(18123, 61222))).toEqual([{ item: '諸謝金', currentYear: 18123, nextYearRequest: 61222, reason: '実績を踏まえた増' }]);
  });
  it('gives an item name printed far on without amounts the first row read under a text that is no item name, when the amounts before it are another table\'s', () => {
    // The budget's 要求 column (110,040 110,040) printed with the heads; the outcome table's unit (％) stands before the first row.
    const ctx = contextOf(paragraphs('28年度', '当初予算', '歳出予算目', '110,040', '110,040', '成果指標', '達成度', '％', '60,845', '76,427 実績を踏まえた増', '補助金', '44,591', '33,613 実績を踏まえた増',
      '105,436', '110,040', '中間目標', '算出根拠', '主な増減理由', '委員等旅費', '計'), 'pdftotext');
    // The unit (％), a mark too short to start a reason, is not the row's reason's first line.
    expect(breakdown(ctx, years(105436, 110040)).map((r) => [r.item, r.currentYear, r.nextYearRequest, r.reason])).toEqual([
      ['委員等旅費', 60845, 76427, '実績を踏まえた増'], ['補助金', 44591, 33613, '実績を踏まえた増'],
    ]);
  });
  it('ends the 内訳 where its rows add up when its first item is printed far on, past prose and the 計 amounts', () => {
    const ctx = contextOf(paragraphs('歳出予算目', '技能講習修了者の帳票データの引受数（ 平成24年度', '24年度', '47', '15', '試験研究費', '31', '29', '委託費', '19', '43 実績を踏まえた増',
      '負担金', '23', '33', '120', '120', '年度', '件', '1,191,752', 'データの引受数', '801,753', '主な増減理由', '交付金', '計'), 'pdftotext');
    expect(breakdown(ctx, years(120, 120)).map((r) => [r.item, r.currentYear, r.nextYearRequest, r.reason])).toEqual([
      ['交付金', 47, 15, null], ['試験研究費', 31, 29, null], ['委託費', 19, 43, '実績を踏まえた増'], ['負担金', 23, 33, null],
    ]);
  });
  it('reads from the 歳出予算目 head when 主な増減理由 is printed amid the amounts, and items printed as one box', () => {
    const apart = contextOf(paragraphs('歳出予算目', '25年度', '施設整備費', '816', '委託費', '成果指標', '主な増減理由', '989', '1,628', '1,618 実績を踏まえた増', '2,444', '2,607', '計'), 'pdftotext');
    expect(breakdown(apart, years(2444, 2607)).map((r) => [r.item, r.currentYear, r.nextYearRequest])).toEqual([['施設整備費', 816, 989], ['委託費', 1628, 1618]]);
    const together = contextOf(paragraphs('歳出予算目', '交付金\n試験研究費', '成果指標', '75.6', '61.2', '49.183', '68.38', '124.783', '129.58', '主な増減理由', '計'), 'pdftotext');
    expect(breakdown(together, years(124.783, 129.58)).map((r) => [r.item, r.currentYear, r.nextYearRequest])).toEqual([['交付金', 75.6, 61.2], ['試験研究費', 49.183, 68.38]]);
  });
  it('reads items printed in two runs with their amounts after both, never one row holding both whole columns', () => {
    const ctx = contextOf(paragraphs('歳出予算目', '当初予算', '152', '174', '174', '負担金', '予算額・\n執行額', '補正予算', '-', '152', '129', '85%', '174', '174',
      '委託費', '事業費', '66', '35', '73', '69 所要額の精査', '44 実績を踏まえた増', '61 所要額の精査', '計', '174', '174'), 'pdfminer');
    expect(breakdown(ctx, years(174, 174)).map((r) => [r.item, r.currentYear, r.nextYearRequest])).toEqual([['負担金', 66, 69], ['委託費', 35, 44], ['事業費', 73, 61]]);
  });
  it('takes a 要求 column of zeros where the request is 0', () => {
    const ctx = contextOf(paragraphs('歳出予算目', '主な増減理由', '交付金', '施設整備費', '95', '103', '0', '0', '計'), 'pdfminer');
    expect(breakdown(ctx, years(198, 0)).map((r) => [r.item, r.currentYear, r.nextYearRequest])).toEqual([['交付金', 95, 0], ['施設整備費', 103, 0]]);
  });
  it('joins a reason\'s first line printed just above its row\'s item to the rest glued to its 要求', () => {
    const ctx = contextOf(paragraphs('主な増減理由', '事業の見直しによ', '委託費', '2,237', '2,364 る減', '職員旅費', '2,962', '1,878 前年同', '計'), 'pdftotext');
    expect(breakdown(ctx, years(5199, 4242)).map((r) => [r.item, r.reason])).toEqual([['委託費', '事業の見直しによる減'], ['職員旅費', '前年同']]);
    // That line is the 内訳's: an outcome no longer takes it for its text.
    expect(ctx.isUsed(ctx.tokens[1]!)).toBe(true);
  });
  it('takes a text before the first amounts for the first line of that row\'s reason, not its item', () => {
    const ctx = contextOf(paragraphs('歳出予算目', '当初予算', '事業の見直しによ', '15,982', '39,462 る減', '情報処理業務庁費', '54,856', '40,460 前年同', '諸謝金', '35,995', '19,244',
      '主な増減理由', '委員等旅費', '計'), 'pdftotext');
    expect(breakdown(ctx, years(106833, 99166)).map((r) => [r.item, r.reason])).toEqual([['委員等旅費', '事業の見直しによる減'], ['情報処理業務庁費', '前年同'], ['諸謝金', null]]);
  });
  it('reads amounts printed right after the heads, column by column, with the items printed after the budget table', () => {
    const labels = ['当初予算', '補正予算', '前年度から繰越\nし', '翌年度へ繰越し', '予算額・\n執行額', '（単位:百万円）', '予備費等', '計', '執行額', '執行率（％）',
      '25年度', '26年度', '27年度', '28年度', '29年度要求', '歳出予算目', '28年度', '当初予算', '29年度要求', '主な増減理由'];
    const together = contextOf(paragraphs(...labels, '4', '2', '0', '0 実績を踏まえた増',
      '0', '-', '-', '-', '-', '0', '0', '-', '7', '-', '-', '-', '-', '7', '6', '6', '-', '-', '-', '-', '6', '6', '86%', '100%', '6', '-', '-', '-', '-', '6', '0',
      '交付金', '負担金', '平', '成', '2', '8'), 'pdfminer');
    expect(matchBudget(together, 2016).breakdown).toEqual([
      { item: '交付金', currentYear: 4, nextYearRequest: 0, reason: null },
      { item: '負担金', currentYear: 2, nextYearRequest: 0, reason: '実績を踏まえた増' },
    ]);
    // The items apart: one among the budget table's values, the other after them.
    const apart = contextOf(paragraphs(...labels, '26', '11', '19', '16', '事業の見直しによ', 'る減', '34', '32', '37', '37', '35', '委託費',
      '-', '-', '-', '-', '34', '28', '-', '-', '-', '-', '32', '31', '-', '-', '-', '-', '37', '35', '82%', '97%', '95%', '諸謝金', '-', '-', '-', '-', '-', '-', '平', '成', '2', '8'), 'pdfminer');
    expect(matchBudget(apart, 2016).breakdown).toEqual([
      { item: '委託費', currentYear: 26, nextYearRequest: 19, reason: null },
      { item: '諸謝金', currentYear: 11, nextYearRequest: 16, reason: '事業の見直しによる減' },
    ]);
  });
});

describe('予算内訳 in layout text', () => {
  it('gives a reason wrapped above its row to that row, and passes over the vertical title\'s 年度', () => {
    const text = [
      '          歳出予算目           当初予算        28年度要求       主な増減理由',
      '',
      '          負担金                        11         26 前年同',
      '          委員等旅費                      11            9',
      '                                                     事業の見直しによ',
      '          交付金                        24         19 る減',
      '                                                   年度',
      '          諸謝金                        31         27',
    ].join('\n');
    expect(breakdown(contextOf(text, 'layout'), years(77, 81)).map((r) => [r.item, r.reason])).toEqual([['負担金', '前年同'], ['委員等旅費', null], ['交付金', '事業の見直しによる減'], ['諸謝金', null]]);
  });
  it('gives a row the 要求 and reason start printed on the line above it (`313 事業の見直しによ`)', () => {
    const text = [
      '          歳出予算目           当初予算        28年度要求       主な増減理由',
      '',
      '          委託費                        277        358 前年同',
      '                                                313 事業の見直しによ',
      '          事業費                        591            る減',
    ].join('\n');
    expect(breakdown(contextOf(text, 'layout'), years(868, 671)).map((r) => [r.item, r.currentYear, r.nextYearRequest, r.reason])).toEqual([
      ['委託費', 277, 358, '前年同'], ['事業費', 591, 313, '事業の見直しによる減'],
    ]);
  });
  it('ends at the 計 row, whose one letter opens its line, so that the next table\'s year heads are no item\'s', () => {
    const text = [
      '          歳出予算目           当初予算        28年度要求       主な増減理由',
      '',
      '          施設整備費                  2,998      1,643 前年同',
      '        計                            2,998      1,643',
      '',
      '                          中間目標 目標最終年度',
      '           24年度    25年度     26年度',
    ].join('\n');
    expect(breakdown(contextOf(text, 'layout'), years(2998, 1643)).map((r) => r.item)).toEqual(['施設整備費']);
  });
});

describe('fund flow', () => {
  it('ends the last boxes\' roles where the 費目・使途 table starts, so that two roles joined as wrapped lines are split again', () => {
    const ctx = contextOf(paragraphs('Ｃ．甲建築研究所\n４百万円', 'Ｈ．乙システムズ（株）\n４百万円',
      '近現代建築資料（建築家「吉阪隆正」）の整理及び展示準備業務', '平成26年度国立近現代建築資料館ホームページ運用保守業務',
      '一般管理費', '管理部門経費', '4.6', '旅費', '調査旅費', '2.1'), 'pdftotext');
    expect(matchFundFlow(ctx).map((f) => f.role)).toEqual(['近現代建築資料（建築家「吉阪隆正」）の整理及び展示準備業務', '平成26年度国立近現代建築資料館ホームページ運用保守業務']);
  });
  it('keeps a legal form with the name printed a few spaces after it (layout), or boxed apart before it (pdftotext)', () => {
    const text = [line([14, 'Ａ．甲リサーチ（株）'], [44, 'Ｂ．（研）   産業技術総合研究所']), line([15, '２０百万円'], [45, '２百万円']), '', line([13, '調査・分析'], [43, '事故事例解析'])].join('\n');
    expect(matchFundFlow(contextOf(text, 'layout')).map((f) => [f.block, f.name])).toEqual([['A', '甲リサーチ（株）'], ['B', '（研）\u3000産業技術総合研究所']]);
    const stream = contextOf(paragraphs('Ａ．甲リサーチ（株）\n２０百万円', 'B ．（研）', '調査・分析', '産業技術総合研究所\n２百万円', '事故事例解析'), 'pdftotext');
    expect(matchFundFlow(stream).map((f) => [f.block, f.name])).toEqual([['A', '甲リサーチ（株）'], ['B', '（研）\u3000産業技術総合研究所']]);
    // A's role, printed between B's legal form and the rest of B's name, is A's.
    expect(matchFundFlow(stream).map((f) => f.role)).toEqual(['調査・分析', '事故事例解析']);
  });
  it('takes a role that is a 費目 word (旅費) when a box\'s contract note follows it, not the 費目・使途 table\'s first cell', () => {
    const roles = (...after: string[]) => matchFundFlow(contextOf(paragraphs('Ａ．（株）ＪＴＢコミュニケーションズ\n２２ . ９百万円', 'Ｄ．職員 A\n０ . ３百万円',
      'ASEAN ･日本社会保障ハイレベル\n会合開催事業', '旅費', ...after), 'pdftotext')).map((f) => f.role);
    expect(roles('【一般競争入札】', '資金の流れ')).toEqual(['ASEAN ･日本社会保障ハイレベル会合開催事業', '旅費']);
    expect(roles('調査旅費', '0.3')).toEqual(['ASEAN ･日本社会保障ハイレベル会合開催事業', null]);
  });
  it('reads a layout row of boxes whose names start a line apart, each with the role under it', () => {
    const text = [
      line([14, 'Ａ．甲リサーチ（株）'], [44, 'Ｂ．乙リサーチ（株）']),
      line([74, 'Ｃ．丙コンサルティング']),
      line([15, '８ . ６４百万円'], [45, '８ . １百万円'], [75, '４ . ２６４百万円']),
      '',
      line([13, '利用者メリットの推計を実施'], [43, 'データセット作成や分析を通じて'], [74, '経済財政モデルの改良']),
      line([43, '考察し、政府の果']),
    ].join('\n');
    expect(matchFundFlow(contextOf(text, 'layout')).map((f) => [f.block, f.amount, f.role])).toEqual([
      ['A', 8.64, '利用者メリットの推計を実施'], ['B', 8.1, 'データセット作成や分析を通じて考察し、政府の果'], ['C', 4.264, '経済財政モデルの改良'],
    ]);
  });
  it('reads boxes and gives each its role, joining wrapped pieces', () => {
    const ctx = contextOf(paragraphs('総務省', '１１８百万円', 'Ａ．（株）日立製作所', '１０８百万円', 'Ｍ２Ｍに関するセキュリティ技術等', 'の調査・課題抽出及び検証',
      'Ｂ．（株）ＦＦＲＩ\n２５百万円', '【総合評価入札】', '潜在脅威の調査'));
    expect(matchFundFlow(ctx)).toEqual([
      { block: null, name: '総務省', amount: 118, role: null },
      { block: 'A', name: '（株）日立製作所', amount: 108, role: 'Ｍ２Ｍに関するセキュリティ技術等の調査・課題抽出及び検証' },
      { block: 'B', name: '（株）ＦＦＲＩ', amount: 25, role: '潜在脅威の調査' },
    ]);
  });
  it('leaves out the contract method noted at the end of a role (【一般競争入札】)', () => {
    const ctx = contextOf(paragraphs('内閣府', '８百万円', 'Ｂ．民間企業等（１者）', '８百万円', '自然言語処理技術を活用したシステムの検証等【一般競争入札】'), 'pdftotext');
    expect(matchFundFlow(ctx).map((f) => f.role)).toEqual([null, '自然言語処理技術を活用したシステムの検証等']);
  });
  it('takes no role from the section title\'s notes boxed with an arrow\'s word', () => {
    const ctx = contextOf(paragraphs('Ｄ．民間企業等（１者）', '２百万円', 'Ｅ．民間企業等（１者）', '１百万円', '燃料用バイオエタノール特別製造加工委託費',
      '（資金の受け取り先が何を行っているかについて補足する）（単位：百万円）再委託', '会場設営、機材運搬、アンケート調査等'), 'pdftotext');
    expect(matchFundFlow(ctx).map((f) => f.role)).toEqual(['燃料用バイオエタノール特別製造加工委託費', '会場設営、機材運搬、アンケート調査等']);
  });
  it('splits the roles of a row of boxes as many ways as there are boxes, where a wrap ends short', () => {
    const ctx = contextOf(paragraphs('Ｂ．（株）ＦＦＲＩ', '２５百万円', 'Ｃ．（株）ＫＤＤＩ研究所', '２２百万円', '再委託',
      'Ｍ２Ｍシステムの潜在脅威の調査', 'Ｍ２Ｍシステムに関するセキュリ', 'ティ上の課題抽出'));
    expect(matchFundFlow(ctx).map((f) => f.role)).toEqual(['Ｍ２Ｍシステムの潜在脅威の調査', 'Ｍ２Ｍシステムに関するセキュリティ上の課題抽出']);
  });
  it('reads a layout box whose name wraps onto a line of its own before the amount', () => {
    const text = [
      '                                                               内閣府',
      '                                                          ２１ . ００４百万円',
      '',
      '                       Ａ．エム・アール・アイ リサーチアソシエイツ   Ｂ．エム・アール・アイ リサーチ',
      '',
      '                                    （株）                      （株）',
      '                               ８ . ６４百万円                 ８ . １百万円',
      '',
      '                          規制改革の利用者メリットの推計             データセット作成や分析を通じて',
      '                          及び新たな分析手法の検討を実施             、自立的に経済が発展している',
    ].join('\n');
    const flows = matchFundFlow(contextOf(text, 'layout'));
    expect(flows.map((f) => [f.block, f.name, f.amount])).toEqual([
      [null, '内閣府', 21.004], ['A', 'エム・アール・アイ リサーチアソシエイツ（株）', 8.64], ['B', 'エム・アール・アイ リサーチ（株）', 8.1],
    ]);
    expect(flows[1]!.role).toBe('規制改革の利用者メリットの推計及び新たな分析手法の検討を実施');
  });
});

describe('recipients', () => {
  const header = ['支　出　先', '法　人　番　号', '業　務　概　要', '支　出　額\n（百万円）', '契約方式', '入札者数\n（応募者\n数）', '落札率'];
  it('reads rows printed row by row', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1 富士ソフト（株）', '2020001043507', 'システムの運用業務', '27', '総合評価入札', '2', '68.0％', '-'));
    const { recipients } = matchRecipients(ctx, []);
    expect(recipients).toEqual([{ block: 'A', rank: 1, name: '富士ソフト（株）', corporateNumber: '2020001043507', summary: 'システムの運用業務', amount: 27,
      contractMethod: '総合評価入札', bidders: 2, winningBidRate: 68, reason: null }]);
  });
  it('gives the 支出額 and 契約方式 pdfminer printed after every other column (… - - 0.2 一般競争入札 0.1 0.1 …) to the rows left without both', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header,
      '1', '（特非）ピッキオ', '7100005003790', 'ツキノワグマの防除対策検討業務', '1 随意契約（少額）', '2', '（有）良建築設計事務所', '6100002011715', '制札立替等業務', '0.3', '総合評価入札',
      '3 （有）大久保興業', '4 野口建設（株）', '5 大日建設（株）', '4100002026236', '制札立替等工事', '9200001025059', '制札等撤去工事', '4100001008854', '遊歩道美化事業',
      '-', '4', '1', '4', '3', '-', '86.7％', '-', '72.0％', '94.6％', '-', '-', '-', '-', '-', '0.2', '一般競争入札', '0.1', '0.1', '総合評価入札', '一般競争入札'), 'pdfminer');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.amount, r.contractMethod, r.bidders, r.winningBidRate])).toEqual([
      [1, 1, '随意契約（少額）', null, null], [2, 0.3, '総合評価入札', 4, 86.7], [3, 0.2, '一般競争入札', 1, null], [4, 0.1, '総合評価入札', 4, 72], [5, 0.1, '一般競争入札', 3, 94.6],
    ]);
  });
  it('cuts at the heads, giving the rows pdfminer printed after a block\'s rows, behind the next block\'s letter and before its heads, to that next block', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', 'J.', '1', '2', 'K.', ...header, '（独）国立印刷局', '6010405003434 消耗品', '0.05 随意契約（その他）', '-', '-',
      ...header, '1', 'ＡＴＨＯＳ', '-', '警護員', '0.1 随意契約（その他）', '-', '-', '-', 'L.', '1 出張者Ａ', '2 出張者Ｂ', ...header, '-', '-', '出張旅費', '出張旅費', '0.2', '0.1', 'M.'), 'pdfminer');
    const cut = tables(ctx.tokens.filter((t) => !t.labels.includes('recipientsTitle'))).tables;
    expect(cut.map((t) => [t.block, t.tokens[0]!.text, t.tokens.at(-1)!.text])).toEqual([['J', '（独）国立印刷局', '-'], ['K', '1', '-'], ['L', '1 出張者Ａ', '0.1']]);
  });
  it('gives the ranks and names pdfminer boxed together for two blocks and printed after a later block\'s rows (1 2 1 2 C. then the names) back to the tables that lack them', () => {
    // Block letters out of order (A. B. D. … C.): the groups of heads take them alphabetically.
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1 （株）テリオ', '4011101013737 コーヒー等', '0.3 随意契約（少額）', '-', '-',
      'B.', ...header, 'SONESTA HOTEL BOGOTA', '-', '-', '作業室等借料（１１月）', '0.1 随意契約（少額）', '作業室等借料（第１２回）', '0.1 随意契約（その他）', '1', '2', '-', '-',
      ...header, '3 MITANI TRAVEL SERVICE', '-', '-', '-', '車両借上', '車両借上', '車両借上', '0.05 随意契約（その他）', '0.02 随意契約（その他）', '0.01 随意契約（少額）', '-', '-',
      'D.', ...header, '1 出張者Ａ', '2 出張者Ｂ', '-', '-', '出張旅費', '出張旅費', '1.6 随意契約（少額）', '1.1 随意契約（その他）', '-', '-',
      '1', '2', '1', '2', 'C.', 'CROWNE PLAZA', 'Across', "Limo Car's"), 'pdfminer');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.rank, r.name, r.summary, r.amount, r.contractMethod])).toEqual([
      ['A', 1, '（株）テリオ', 'コーヒー等', 0.3, '随意契約（少額）'],
      ['B', 1, 'SONESTA HOTEL BOGOTA', '作業室等借料（１１月）', 0.1, '随意契約（少額）'], ['B', 2, 'CROWNE PLAZA', '作業室等借料（第１２回）', 0.1, '随意契約（その他）'],
      ['C', 1, 'Across', '車両借上', 0.05, '随意契約（その他）'], ['C', 2, "Limo Car's", '車両借上', 0.02, '随意契約（その他）'], ['C', 3, 'MITANI TRAVEL SERVICE', '車両借上', 0.01, '随意契約（少額）'],
      ['D', 1, '出張者Ａ', '出張旅費', 1.6, '随意契約（少額）'], ['D', 2, '出張者Ｂ', '出張旅費', 1.1, '随意契約（その他）'],
    ]);
  });
  it('keeps a 支出額 and 契約方式 printed on their row\'s line that row\'s, and gives the run printed after every other column to the rows left without (ranks printed last)', () => {
    const row = (name: string, number: string, pair?: string) => [name, number, '耕作放棄地所有者への意向確認', ...(pair ? [pair] : [])];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header,
      ...row('（一社）北海道農業会議', '1430005012772', '36 随意契約（その他）'), ...row('（一社）岩手県農業会議', '1400005007668', '25 随意契約（その他）'),
      ...row('（一社）京都府農業会議', '7130005014546'), ...row('（一社）新潟県農業会議', '2110005015897'), ...row('（一社）広島県農業会議', '1240005014128', '18 随意契約（その他）'),
      '1', '1', '8', '2', '1', '-', '-', '67.0％', '91.7％', '-', '-', '-', '-', '-', '-', '20', '19', '総合評価入札', '総合評価入札', '1', '2', '3', '4', '5'), 'pdfminer');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.amount, r.contractMethod, r.bidders, r.winningBidRate])).toEqual([
      [1, 36, '随意契約（その他）', 1, null], [2, 25, '随意契約（その他）', 1, null], [3, 20, '総合評価入札', 8, 67], [4, 19, '総合評価入札', 2, 91.7], [5, 18, '随意契約（その他）', 1, null],
    ]);
  });
  it('reads a 支出額 pdfminer printed before its row\'s 法人番号 and 業務概要 (`5 5 総合評価入札 総合評価入札`, then the row\'s left half)', () => {
    const cells = (number: string) => [number, '低所得高齢者等住まい・生活支援事業'];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1 福岡市', '2 本別町', '3 川崎市', '4 京都市',
      ...cells('4000020442127'), '7', '随意契約（企画競争）', ...cells('3000020401307'), '6', '随意契約（企画競争）', ...cells('1000020016462'), '5', '5', '総合評価入札', '総合評価入札',
      ...cells('7000020141305'), '2', '1', '1', '4', '-', '-', '85.9％', '71.3％'), 'pdfminer');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.corporateNumber, r.amount, r.contractMethod, r.bidders])).toEqual([
      [1, '4000020442127', 7, '随意契約（企画競争）', 2], [2, '3000020401307', 6, '随意契約（企画競争）', 1],
      [3, '1000020016462', 5, '総合評価入札', 1], [4, '7000020141305', 5, '総合評価入札', 4],
    ]);
  });
  it('reads ranks printed together with one missing (3 4 6), whose row comes later with its name (5 ハタノ綜合印刷（株）)', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header,
      '1 正和商事（株）', '3120001082576 防鹿柵の購入', '0.6', '一般競争入札', '2 高原町観光協会', '1700150065589 御池野鳥の森の清掃業務', '0.5', '一般競争入札',
      '3', '4', '6', '（一財）自然公園財団', '5010005017959', '霧島鳥獣保護区観察舎の清掃業務', '0.3 随意契約（少額）', '（株）フリーダム', '5300001000872 案内板・制札の設置',
      '5 ハタノ綜合印刷（株）', '9330001003786 御池野鳥の森ガイドブック印刷', '0.2', '0.1', '0.1', '-', '-', '（有）アビル住建', '6310002020281 案内板・制札の設置', '0.1 一般競争入札'), 'pdfminer');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.name, r.amount])).toEqual([
      [1, '正和商事（株）', 0.6], [2, '高原町観光協会', 0.5], [3, '（一財）自然公園財団', 0.3], [4, '（株）フリーダム', 0.2], [5, 'ハタノ綜合印刷（株）', 0.1], [6, '（有）アビル住建', 0.1],
    ]);
  });
  it('gives a chunk of 入札者数 printed after a row\'s method to the rows so far that lack one, when as many', () => {
    const row = (rank: string, amount: string, method: string) => [`${rank} ㈱ＩＨＩ`, '4010601031604', '航空機の部品の製造', amount, method];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, ...row('1', '40,017', '随意契約（その他）'), '1', ...row('2', '9,447', '随意契約（その他）'),
      ...row('3', '7,488', 'その他'), '4', '2', '在外選挙制度の周知・広報を行う必要がある。', ...row('4', '362', '随意契約（少額）'), '3'), 'pdfminer');
    expect(matchRecipients(ctx, []).recipients.map((r) => r.bidders)).toEqual([1, 4, 2, 3]);
  });
  it('reads every rank printed with its name but out of order (… 3 川崎市 5 横手市 4 京都市) in rank order, the cells after them row by row', () => {
    const cells = (number: string, amount: string) => [number, '低所得高齢者等住まい・生活支援事業', amount, '随意契約（企画競争）'];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1 福岡市', '2 本別町', '3 川崎市', '5 横手市', '4 京都市',
      ...cells('4000020442127', '7'), ...cells('3000020401307', '6'), ...cells('1000020016462', '6'), ...cells('7000020141305', '5'), ...cells('2000020261009', '5')), 'pdfminer');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.name, r.corporateNumber, r.amount])).toEqual([
      [1, '福岡市', '4000020442127', 7], [2, '本別町', '3000020401307', 6], [3, '川崎市', '1000020016462', 6], [4, '京都市', '7000020141305', 5], [5, '横手市', '2000020261009', 5],
    ]);
  });
  it('names the last rows whose ranks pdfminer printed together after the cells (… 3 4) from the texts before a 法人番号 no row took', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1 （研）日本原子力研究開発機構', '6050005002007', 'シビアアクシデント時の燃料破損', '421', '随意契約（企画競争）',
      '2 （一財）電力中央研究所', '7010005018674', '特殊環境下で使用可能な監視システム', '（研）量子科学技術研究開発機構', '4040005001380', '新型燃料の既存軽水炉への導入',
      '378', '229', '-', '-', '（株）東芝', '8010401006744', '水素安全対策高度化', '180', '随意契約（企画競争）', '3', '4', '1', '-'), 'pdfminer');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.name, r.corporateNumber])).toEqual([
      [1, '（研）日本原子力研究開発機構', '6050005002007'], [2, '（一財）電力中央研究所', '7010005018674'], [3, '（研）量子科学技術研究開発機構', '4040005001380'], [4, '（株）東芝', '8010401006744'],
    ]);
  });
  it('reads the later rows of a table whose first row reads whole, when their ranks come after the cells (… - - 2 3 2)', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1 エスケイエンジニアリング（株）', '7010001066727', 'ボーリング掘削工事', '396', '総合評価入札',
      '（株）物理計測コンサルタント', '6010001056489', '物理検層、弾性波探査', '（一財）ＧＲＩ財団', '6120005015232', 'コア試料分析', '56', '42', '-', '-', '2', '3', '2', '-', '-', '68.6％'), 'pdfminer');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.name])).toEqual([[1, 'エスケイエンジニアリング（株）'], [2, '（株）物理計測コンサルタント'], [3, '（一財）ＧＲＩ財団']]);
  });
  it('reads two ranks boxed together (2 ⏎ 3) before the first\'s name, the second opening at the next name, and a rank with the row above\'s late dash before its name', () => {
    const row = (name: string, method: string, bidders: string) => [name, '-', '総合労働相談の実施', '2', method, bidders, '-'];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1', ...row('個人Ｇ', '随意契約（その他）', '-'), '-', '2\n3', ...row('個人Ｈ', 'その他', '1'), '-',
      ...row('個人Ｉ', 'その他', '-'), '4', '-', ...row('個人Ｊ', 'その他', '1'), '-'), 'pdftotext');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.name, r.amount, r.contractMethod])).toEqual([
      [1, '個人Ｇ', 2, '随意契約（その他）'], [2, '個人Ｈ', 2, 'その他'], [3, '個人Ｉ', 2, 'その他'], [4, '個人Ｊ', 2, 'その他'],
    ]);
  });
  it('joins the two boxes pdftotext prints for a name a wide space splits (本土新聞 那覇西部販売所), before the 法人番号 cell', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1', '本土新聞', '那覇西部販売所', '-', '新聞', '0.2', '随意契約（少額）', '-', '-',
      '2', '琉球新報', '松山販売店', '-', '新聞', '0.1', '随意契約（少額）', '-', '-'), 'pdftotext');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.name, r.summary, r.amount, r.contractMethod])).toEqual([
      ['本土新聞那覇西部販売所', '新聞', 0.2, '随意契約（少額）'], ['琉球新報松山販売店', '新聞', 0.1, '随意契約（少額）'],
    ]);
  });
  it('joins the two boxes pdftotext prints for a 業務概要 that wraps, before the amount cell', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1', '（株）メルプ', '2460001001841', 'エスプライン インフルエンザ', '購入代金', '0.1', '随意契約（少額）', '1', '-', '-',
      '2', '（有）馬場商会', '7460002002330', '鳥用ジャケット', '0.05', '随意契約（少額）', '1', '-', '-'), 'pdftotext');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.name, r.corporateNumber, r.summary, r.amount])).toEqual([
      ['（株）メルプ', '2460001001841', 'エスプライン インフルエンザ購入代金', 0.1], ['（有）馬場商会', '7460002002330', '鳥用ジャケット', 0.05],
    ]);
  });
  it('joins a name\'s two parts printed apart, the column heads\' letters between, when together they are a name the fund flow gives', () => {
    const table = (flow: FundFlow[]) => matchRecipients(contextOf(paragraphs('支出先上位１０者リスト\nA.', '支', '1', '出', '非特定営利活動法人', '先', '法', '人', '安全工学会', '番', '号',
      '現場保安力維持・向上に向けた調査・分析', '-', '20', '一般競争入札', '8', '55.8%', '-'), 'pdftotext'), flow).recipients.map((r) => [r.name, r.summary, r.amount]);
    const box: FundFlow = { block: 'A', name: '非特定営利活動法人　安全工学会', amount: 20, role: null };
    expect(table([box])).toEqual([['非特定営利活動法人安全工学会', '現場保安力維持・向上に向けた調査・分析', 20]]);
    // Without the fund flow's name the parts are not joined.
    expect(table([])[0]![0]).toBe('非特定営利活動法人');
  });
  it('takes a name the fund flow gives, printed before the first row\'s rank among the heads\' letters, for that row\'s name', () => {
    const table = (flow: FundFlow[]) => matchRecipients(contextOf(paragraphs('支出先上位１０者リスト\nA.', '支', '出', '先', '法', '人', 'エム・アール・アイ リサーチアソシエイツ（\n株）', '1', '番', '号',
      '業', '務', '概', '要', '規制改革の利用者メリットの推計及び新\nたな分析手法の検討を実施', '-', '8.64', '随意契約（少額）', '-', '-'), 'pdftotext'), flow).recipients.map((r) => [r.name, r.summary, r.amount]);
    const box: FundFlow = { block: 'A', name: 'エム・アール・アイ リサーチアソシエイツ（株）', amount: 8.64, role: null };
    expect(table([box])).toEqual([['エム・アール・アイ リサーチアソシエイツ（株）', '規制改革の利用者メリットの推計及び新たな分析手法の検討を実施', 8.64]]);
    // Without the fund flow's name the text before the rank is not the row's.
    expect(table([])[0]![0]).toBe('規制改革の利用者メリットの推計及び新たな分析手法の検討を実施');
  });
  it('leaves out a 理由及び改善策 read for a row of less than 10億円, which the column is not for, and says so', () => {
    const row = (rank: string, amount: string, reason: string) => [`${rank} 富士ソフト（株）`, '2020001043507', 'システムの運用業務', amount, '随意契約（その他）', '1', '-', reason];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, ...row('1', '1,200', '他に実施できる者がないため。'), ...row('2', '27', '地震リスク情報の説明技法の整備')));
    const { recipients } = matchRecipients(ctx, []);
    expect(recipients.map((r) => [r.amount, r.reason])).toEqual([[1200, '他に実施できる者がないため。'], [27, null]]);
    expect(ctx.diagnostics.map((d) => d.code)).toContain('reason-out-of-scope');
  });
  it('leaves out a 落札率 read beside a contract not let by tender (随意契約), and says so', () => {
    const row = (rank: string, amount: string, method: string, rate: string) => [`${rank} 富士ソフト（株）`, '2020001043507', 'システムの運用業務', amount, method, '1', rate, '-'];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, ...row('1', '27', '一般競争入札', '68.0％'), ...row('2', '12', '随意契約（少額）', '91.3％')));
    const { recipients } = matchRecipients(ctx, []);
    expect(recipients.map((r) => [r.contractMethod, r.winningBidRate])).toEqual([['一般競争入札', 68], ['随意契約（少額）', null]]);
    expect(ctx.diagnostics.map((d) => d.code)).toContain('rate-out-of-scope');
  });
  it('splits ranks boxed line by line (８ ⏎ ９, full-width or not) into a word each, not one number', () => {
    for (const [first, second] of [['8', '9'], ['８', '９']]) {
      const [box] = contextOf(`${first}\n${second}`).tokens;
      expect(box!.lines).toHaveLength(2);
      expect(wordsOf(box!).map((w) => [w.kind, w.text])).toEqual([['amount', first], ['amount', second]]);
    }
  });
  it('gives a 国庫債務負担行為 contract the block its row opens with (A 1 name)', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1 富士ソフト（株）', '2020001043507', 'システムの運用業務', '27', '総合評価入札', '2', '68.0％', '-',
      '国庫債務負担行為等による契約先上位10者リスト', 'ﾌﾞﾛｯｸ\n名', '契　約　先', '法　人　番　号', '業　務　概　要', '契約額\n（百万円）', '契約方式',
      'A 1 全日本コメ・コメ関連食品輸出促進協議会', 'A 2 社団法人全国海水養殖魚協会', '-', '-', '国産米の輸出促進', '88.9 随意契約（少額）', '広報、販促活動', '67.8', '一般競争入札', '-', '3', '-', '83.1％'));
    const { debtContracts } = matchRecipients(ctx, []);
    expect(debtContracts.map((r) => [r.block, r.rank, r.name, r.amount])).toEqual([['A', 1, '全日本コメ・コメ関連食品輸出促進協議会', 88.9], ['A', 2, '社団法人全国海水養殖魚協会', 67.8]]);
    // Full-width ranks (A １ name) open rows as well.
    const wide = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '１ 富士ソフト（株）', '2020001043507', 'システムの運用業務', '27', '総合評価入札', '2', '68.0％', '-',
      '国庫債務負担行為等による契約先上位10者リスト', 'ﾌﾞﾛｯｸ\n名', '契　約　先', '法　人　番　号', '業　務　概　要', '契約額\n（百万円）', '契約方式',
      'A １ 日本電気（株）', '-', '経済分析業務', '11.2 随意契約（企画競争）', '1', '-'));
    expect(matchRecipients(wide, []).debtContracts.map((r) => [r.block, r.rank, r.name])).toEqual([['A', 1, '日本電気（株）']]);
  });
  it('reads 国庫債務負担行為 rows each opened by its block letter on a line of its own (A, 1 name, … A, 2 name)', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1 富士ソフト（株）', '2020001043507', 'システムの運用業務', '27', '総合評価入札', '2', '68.0％', '-',
      '国庫債務負担行為等による契約先上位10者リスト', 'ﾌﾞﾛｯｸ\n名', '契\n約\n先', '契約額', '（百万円）', '契約方式', 'A', '1 ㈱コベルコ科研', '-', '浸水防止設備の耐力試験',
      '630.1 随意契約（企画競争）', '2', '-', 'A', '2 みずほ情報総研㈱', '-', '構造解析コードの購入', '81.4 随意契約（企画競争）', '2', '-'), 'pdftotext');
    expect(matchRecipients(ctx, []).debtContracts.map((r) => [r.block, r.rank, r.name, r.amount])).toEqual([['A', 1, '㈱コベルコ科研', 630.1], ['A', 2, 'みずほ情報総研㈱', 81.4]]);
  });
  it('gives a 国庫債務負担行為 contract the block printed with its rank on a line of their own (A 1)', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1 富士ソフト（株）', '2020001043507', 'システムの運用業務', '27', '総合評価入札', '2', '68.0％', '-',
      '国庫債務負担行為等による契約先上位10者リスト', 'ﾌﾞﾛｯｸ\n名', '契　約　先', '契約額\n（百万円）', 'A 1', '(一社)海外環境協力センター', '-', 'カーボン・オフセット制度の運営', '420.7 随意契約（少額）', '1', '-'));
    expect(matchRecipients(ctx, []).debtContracts.map((r) => [r.block, r.rank, r.name, r.amount])).toEqual([['A', 1, '(一社)海外環境協力センター', 420.7]]);
  });
  it('takes a layout row\'s 落札率 printed on its wrapped line above', () => {
    const text = [
      '支出先上位１０者リスト',
      'A.',
      '                                    都道府県別経済財政モデルの改良に関す                                     98.3％',
      '     1     （株）   リベルタス・コンサルティング            -           る調査研究の実施                 4.264       総合評価入札      1             -',
    ].join('\n');
    const [row] = matchRecipients(contextOf(`${text}\n`, 'layout'), []).recipients;
    expect(row).toMatchObject({ summary: '都道府県別経済財政モデルの改良に関する調査研究の実施', amount: 4.264, bidders: 1, winningBidRate: 98.3 });
  });
  it('gives a layout row\'s wrapped pieces right of its 法人番号 cell to the 業務概要 when neither the name nor the summary stands on the row\'s line', () => {
    const text = [
      '支出先上位１０者リスト',
      'A.',
      '           エム・アール・アイ リサーチアソシエイツ（                       規制改革の利用者メリットの推計及び新',
      '     1                                     -                                     8.64      随意契約（少額）     -       -     -',
      '           株）                                          たな分析手法の検討を実施',
    ].join('\n');
    const [row] = matchRecipients(contextOf(`${text}\n`, 'layout'), []).recipients;
    expect(row).toMatchObject({ name: 'エム・アール・アイリサーチアソシエイツ（株）', summary: '規制改革の利用者メリットの推計及び新たな分析手法の検討を実施', amount: 8.64 });
  });
  it('gives a layout line midway between two rows to the lower row only', () => {
    const text = [
      '支出先上位１０者リスト',
      'A.',
      line([5, '1'], [11, '（株）パシフィックアートセンター'], [48, '-'], [60, '録音室業務'], [100, '21'], [105, '随意契約（少額）']),
      line([10, '（株）トーコン・システムサービス、東京セン'], [60, '文化デジタルライブラリーシステム']),
      line([5, '2'], [11, 'チュリーリース株式会社'], [48, '-'], [60, '賃貸借'], [100, '20'], [105, '随意契約（企画競争）']),
    ].join('\n');
    expect(matchRecipients(contextOf(`${text}\n`, 'layout'), []).recipients.map((r) => [r.name, r.summary])).toEqual([
      ['（株）パシフィックアートセンター', '録音室業務'],
      ['（株）トーコン・システムサービス、東京センチュリーリース株式会社', '文化デジタルライブラリーシステム賃貸借'],
    ]);
  });
  it('takes all the lines of a long layout 業務概要 centred on its row, and the reason\'s beside them', () => {
    const text = [
      '支出先上位１０者リスト',
      'A.',
      line([49, '・ヘルプデスクの設置・地域別説明会の開'], [121, 'パリ協定に規定された目標の５']),
      line([49, '催支援・質疑応答集の整理・算定・報告マ']),
      line([49, 'ニュアル等の拡充・特定排出者コード関連']),
      line([49, '業務・排出量情報の集計・公表システム及']),
      line([5, '1'], [9, '（株）三菱総合研究所'], [35, '6010001030403'], [49, 'び算定ツールの保守'], [88, '1,272'], [96, '随意契約（その他）'], [110, '-'], [115, '-'], [121, '年ごとの提出']),
    ].join('\n');
    const [row] = matchRecipients(contextOf(`${text}\n`, 'layout'), []).recipients;
    expect(row).toMatchObject({
      summary: '・ヘルプデスクの設置・地域別説明会の開催支援・質疑応答集の整理・算定・報告マニュアル等の拡充・特定排出者コード関連業務・排出量情報の集計・公表システム及び算定ツールの保守',
      amount: 1272, reason: 'パリ協定に規定された目標の５年ごとの提出',
    });
  });
  it('takes all the lines of a long layout reason centred on its row', () => {
    const text = [
      '支出先上位１０者リスト',
      'A.',
      line([120, '①公共事業については、奄美']),
      line([120, '群島振興開発特別措置法に基']),
      line([120, 'づき、鹿児島県が策定した']),
      line([5, '1'], [11, '鹿児島県'], [40, '-'], [52, '奄美群島振興開発事業'], [85, '1,200'], [97, '補助'], [110, '-'], [116, '-'], [120, '「奄美群島振興開発計画」に']),
      line([120, '基づく事業を実施する。']),
    ].join('\n');
    const [row] = matchRecipients(contextOf(`${text}\n`, 'layout'), []).recipients;
    expect(row!.reason).toBe('①公共事業については、奄美群島振興開発特別措置法に基づき、鹿児島県が策定した「奄美群島振興開発計画」に基づく事業を実施する。');
  });
  it('reads layout 国庫債務負担行為 rows line by line, the block column set aside', () => {
    const text = [
      '支出先上位１０者リスト',
      'A.',
      '     1   ㈱   コベルコ科研                   -                                         236 随意契約（企画競争）       2      -    -',
      '国庫債務負担行為等による契約先上位10者リスト',
      'ﾌﾞﾛｯｸ                                                                       契約額                    入札者数',
      ' 名                 契    約   先   法   人       番   号         業   務   概   要    （百万円）        契約方式       （応募者   落札率',
      '                                                    浸水防止設備の耐力試験（水密扉基礎試',
      'A        1 ㈱   コベルコ科研                   -           験１）                       630.1 随意契約（企画競争）      2      -',
      '',
      'A        2 みずほ情報総研㈱                     -           構造解析コードABAQUSの購入           81.4 随意契約（企画競争）      2      -',
    ].join('\n');
    const { debtContracts } = matchRecipients(contextOf(`${text}\n`, 'layout'), []);
    expect(debtContracts.map((r) => [r.block, r.rank, r.name, r.summary, r.amount, r.bidders])).toEqual([
      ['A', 1, '㈱ コベルコ科研', '浸水防止設備の耐力試験（水密扉基礎試験１）', 630.1, 2],
      ['A', 2, 'みずほ情報総研㈱', '構造解析コードABAQUSの購入', 81.4, 2],
    ]);
  });
  it('reads a table printed in chunks: names, a column of dashes, rows across, then columns of the rest', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1 甲局', '2 乙局', '3 丙局', '-', '-', '-',
      '工事', '3,000', '総合評価入札', '設計', '2,000', '随意契約（その他）', '2', '-', '調査', '1,000', '一般競争入札', '3',
      '94.0％', '-', '88.5％', '-', '特許を持つ唯一の者のため', '-'));
    const { recipients } = matchRecipients(ctx, []);
    expect(recipients.map((r) => [r.name, r.summary, r.amount, r.contractMethod, r.bidders, r.winningBidRate, r.reason])).toEqual([
      ['甲局', '工事', 3000, '総合評価入札', 2, 94, null],
      ['乙局', '設計', 2000, '随意契約（その他）', null, null, '特許を持つ唯一の者のため'],
      ['丙局', '調査', 1000, '一般競争入札', 3, 88.5, null],
    ]);
  });
  it('reads a table split over two pages: the rows named after the first page\'s columns take the cells printed after their names', () => {
    // Page one: rows 1–4, their columns one after another, 落札率 and 理由 row by row; page two: rows 5 and 6.
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1 甲協議会', '2 乙協議会', '3 丙協議会', '4 丁協議会', '-', '-', '-', '-', '広報', '調査', '21', '18', '-', '-',
      '市場開拓', '9', 'その他', '研究', '8', '一般競争入札', '-', '-', '1', '2', '-', '-', '-', '-', '-', '-', '67.2％', '-',
      '5 戊協議会', '6 己協議会', '-', '-', '輸出促進', '研修会', '7', '6', 'その他', 'その他', '1', '-', '-', '-', '-', '-'), 'pdfminer');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.summary, r.amount, r.contractMethod, r.bidders, r.winningBidRate])).toEqual([
      [1, '広報', 21, null, null, null], [2, '調査', 18, null, null, null], [3, '市場開拓', 9, 'その他', 1, null], [4, '研究', 8, '一般競争入札', 2, 67.2],
      [5, '輸出促進', 7, 'その他', 1, null], [6, '研修会', 6, 'その他', null, null],
    ]);
  });
  it('reads a 支出額 larger than the row above it where the chunks put it: not every list is sorted by amount', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1 甲建設㈱', '2 乙研究所', '3 丙大学', '4 丁工科大学', '-', '-', '-', '-',
      '耐力試験', '220', '-', '評価手法の高度化', '172 随意契約（企画競争）', 'データベースの整備', '16 随意契約（少額）', '配管の耐震性評価', '59', '-', '-', '3', '1', '-'), 'pdfminer');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.summary, r.amount, r.contractMethod, r.bidders])).toEqual([
      [1, '耐力試験', 220, null, null], [2, '評価手法の高度化', 172, '随意契約（企画競争）', 3], [3, 'データベースの整備', 16, '随意契約（少額）', 1], [4, '配管の耐震性評価', 59, null, null],
    ]);
  });
  it('keeps recipients named by a single katakana (イ, ロ) whose ranks stand apart or beside them', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1', 'イ', '2 ロ', '-', '-', '用地補償', '用地補償', '231 随意契約（その他）', '207 随意契約（その他）', '1', '-'), 'pdftotext');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.name, r.amount])).toEqual([[1, 'イ', 231], [2, 'ロ', 207]]);
  });
  it('names the ranks printed together by the names right after them (1 2 3 甲 乙 丙)', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1', '2', '3', '甲社', '乙社', '丙社', '-', '-', '-', '保守', '30', '設計', '20', '調査', '10'));
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.name, r.summary, r.amount])).toEqual([[1, '甲社', '保守', 30], [2, '乙社', '設計', 20], [3, '丙社', '調査', 10]]);
  });
  it('reads every row when bare ranks stand between ranks printed with their names (1 甲, 2, 3, 乙, 丙, 4 丁)', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1 甲協議会', '2', '3', '乙協議会', '丙協議会', '4 丁協議会', '-', '-', '-', '-',
      '交付金の交付', '40 随意契約（その他）', '交付金の交付', '30 随意契約（少額）', '交付金の交付', '20', '一般競争入札', '交付金の交付', '10 随意契約（その他）'));
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.name, r.amount])).toEqual([[1, '甲協議会', 40], [2, '乙協議会', 30], [3, '丙協議会', 20], [4, '丁協議会', 10]]);
  });
  it('names the last ranks, printed together after their names (丙 丁 戊 3 4 5), when the 法人番号 are dashes', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1 甲急便（株）', '2 乙ファイナンス（株）', '丙銀行（株）', '丁ファイナンス（株）', '（株）戊ネット',
      '3', '4', '5', '-', '-', '-', '-', '-', '宅配', '電子機器貸与', '振込事務', '電話', 'インターネット接続', '0.6 随意契約（少額）', '0.3', '-', '0.2 随意契約（その他）', '0.1 随意契約（少額）', '0.02'), 'pdfminer');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.name, r.summary, r.amount])).toEqual([
      [1, '甲急便（株）', '宅配', 0.6], [2, '乙ファイナンス（株）', '電子機器貸与', 0.3], [3, '丙銀行（株）', '振込事務', 0.2], [4, '丁ファイナンス（株）', '電話', 0.1], [5, '（株）戊ネット', 'インターネット接続', 0.02],
    ]);
  });
  it('names ranks printed together by the names that follow among their 法人番号 (2 3 4, 乙, 番号, 丙, 丁, 番号, 番号)', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1', '（公財）甲公社', '5430005010772', '農地の集積', '2', '3', '4',
      '（公財）乙公社', '9340005000366', '（公財）丙公社', '（公社）丁公社', '2330005008318', '7410005001078', '5 （公社）戊機構', '9140005001590',
      '〃', '〃', '〃', '〃', '297', '236', '183', '179', '150'));
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.name, r.corporateNumber])).toEqual([
      [1, '（公財）甲公社', '5430005010772'], [2, '（公財）乙公社', '9340005000366'], [3, '（公財）丙公社', '2330005008318'], [4, '（公社）丁公社', '7410005001078'],
      [5, '（公社）戊機構', '9140005001590'],
    ]);
  });
  it('places the values of rows without ranks as chunks fill them: the first row\'s side by side, then the others column by column', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '（有）風の便り工房', '8450002008666 ヒグマ監視等業務', '（特非）グリーンステージ', '2450005002242',
      '休憩舎及び観察舎等管理業務', '（株）さんけい', '7430001019056 鳥獣捕獲許可証等作成', '4 随意契約（少額）', '0.5', '0.1', '総合評価入札', '一般競争入札', '-', '5', '8', '-', '78.7％', '83.9％'));
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.name, r.amount, r.contractMethod, r.bidders, r.winningBidRate])).toEqual([
      ['（有）風の便り工房', 4, '随意契約（少額）', null, null], ['（特非）グリーンステージ', 0.5, '総合評価入札', 5, 78.7], ['（株）さんけい', 0.1, '一般競争入札', 8, 83.9],
    ]);
  });
  it('goes on with a name cut after its legal form, even past the next row\'s name ((一社) ⏎ 宮城県林業公社; ㈲ … スキルアドバンス)', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1', '(一社)', '宮城県林業公社', '2', '㈲', '3', '可茂森林組合', 'スキルアドバンス', '-', 'モニタリング支援',
      '1 随意契約（企画競争）'), 'pdftotext');
    expect(matchRecipients(ctx, []).recipients.map((r) => r.name)).toEqual(['(一社)宮城県林業公社', '㈲スキルアドバンス', '可茂森林組合']);
  });
  it('puts back the first row\'s amount and method that pdftotext printed before its rank and name', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '33,393', '随意契約（少額）', '1', '-', '1', '岩手県', '4000020030007', '津波復興計画',
      '2', '茨城県', '2000020080004', '地域づくり計画', '26,522', 'その他', '-', '-', '-'), 'pdftotext');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.name, r.summary, r.amount, r.contractMethod, r.bidders])).toEqual([
      [1, '岩手県', '津波復興計画', 33393, '随意契約（少額）', 1], [2, '茨城県', '地域づくり計画', 26522, 'その他', null],
    ]);
  });
  it('passes over a dash printed just before a row\'s amount and its method, which would take the amount\'s place', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1', '富士通（株）', '厚生労働大臣が指定する指定機関が、帳簿を管理する。', '-', '98 随意契約（企画競争）', '1', '-'), 'pdftotext');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.name, r.amount, r.contractMethod, r.bidders])).toEqual([[1, '富士通（株）', 98, '随意契約（企画競争）', 1]]);
    // Or before the amount alone, the row's 法人番号 being still empty: the dash is that 法人番号.
    const alone = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1', '沖縄綜合警備保障(株)', '事務所夜間機械警備委託', '-', '0.3'), 'pdftotext');
    expect(matchRecipients(alone, []).recipients.map((r) => [r.amount, r.bidders])).toEqual([[0.3, null]]);
  });
  it('reads no cell from letters of the vertical column heads boxed beside each other (務 概)', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1', '（一財）女性労働協会', '務 概', '女性関連施設等への講師派遣・相談対応', '72', '総合評価入札', '3', '81.9%', '支 出'), 'pdftotext');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.name, r.summary, r.amount, r.contractMethod, r.bidders, r.winningBidRate])).toEqual([
      ['（一財）女性労働協会', '女性関連施設等への講師派遣・相談対応', 72, '総合評価入札', 3, 81.9],
    ]);
  });
  it('gives each block the values pdfminer printed after the next letter', () => {
    // A's names under A; A's values after B.; B's names after the header; B's values after C.'s names.
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1', '2', '（株）甲', '（株）乙', 'B.', '-', '-', '翻訳', '0.4', '設営', '0.1 随意契約（少額）',
      ...header, '1 個人A', '2 個人B', 'C.', '1 現地業者', '-', '-', '旅費', '旅費', '2', '1 その他', ...header, '-', '借上', '7 その他'));
    // Column-head letters boxed alone among the pieces change nothing.
    const withLetters = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1', '2', '（株）甲', '（株）乙', 'B.', '-', '-', '翻訳', '0.4', '設営', '0.1 随意契約（少額）',
      ...header, '1 個人A', '業 務', '2 個人B', 'C.', '1 現地業者', '-', '-', '旅費', '旅費', '2', '1 その他', ...header, '-', '借上', '7 その他'));
    expect(matchRecipients(withLetters, []).recipients).toEqual(matchRecipients(ctx, []).recipients);
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.rank, r.name, r.summary, r.amount])).toEqual([
      ['A', 1, '（株）甲', '翻訳', 0.4], ['A', 2, '（株）乙', '設営', 0.1],
      ['B', 1, '個人A', '旅費', 2], ['B', 2, '個人B', '旅費', 1],
      ['C', 1, '現地業者', '借上', 7],
    ]);
  });
  it('names a table\'s bare ranks with the names printed before them and after them, when the letters were printed together ahead', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', 'B.', ...header, '（株）甲', '（株）甲', '1', '2', '3', '（株）乙', '-', '-', '-', '調査', '調査', '購入',
      '0.7 その他', '0.2 その他', '0.1 その他', ...header, '1 （株）丙', '-', '印刷', '0.5 随意契約（少額）'));
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.rank, r.name])).toEqual([['A', 1, '（株）甲'], ['A', 2, '（株）甲'], ['A', 3, '（株）乙'], ['B', 1, '（株）丙']]);
  });
  it('gives the cells printed after a table\'s own rows to the tables of names alone after it, as many 業務概要 to each as its rows', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', 'B.', 'C.', ...header, '1 大和印刷（株）', '6010001021699 報告書印刷', '0.5 随意契約（少額）', '-', '-', '-', '-', '-', '-',
      '出席謝金', '0.08 随意契約（その他）', '出席謝金', '出席謝金', '0.04 随意契約（その他）', '0.03', 'その他', '1', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-',
      '出席旅費', '出席旅費', '0.07', '0.06', 'その他', 'その他', '-', '1', '-', '-', '-', '-', '1 個人S', '2 個人K', '3 個人H', '1 個人K', '2 個人S'), 'pdfminer');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.rank, r.name, r.summary, r.amount])).toEqual([
      ['A', 1, '大和印刷（株）', '報告書印刷', 0.5],
      ['B', 1, '個人S', '出席謝金', 0.08], ['B', 2, '個人K', '出席謝金', 0.04], ['B', 3, '個人H', '出席謝金', 0.03],
      ['C', 1, '個人K', '出席旅費', 0.07], ['C', 2, '個人S', '出席旅費', 0.06],
    ]);
  });
  it('gives the rows left with names alone the cells printed after the next blocks\' names, in order, and each block its own', () => {
    // B's last three rows' cells come after C's and D's names, C's after the next heads, D's after the last.
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', 'B.', ...header, '1', '（株）甲', '-', '会場貸借', '0.04 随意契約（その他）', '-', '-', ...header,
      '1', '個人A', '-', '相談の実施', '2', '-', '-', '2 個人B', '3 個人C', '4 個人D', 'C.', 'D.', '1', '個人E', '2 個人F', '1', '個人G', '2 個人H',
      '-', '-', '-', '相談の実施', '相談の実施', '相談の実施', '2 随意契約（その他）', '2 随意契約（少額）', '2', 'その他', '-', '1', '-', '-', '-', '-',
      ...header, '-', '-', '意見聴取', '0.02 随意契約（その他）', '意見聴取', '0.02', 'その他', '-', '1', ...header, '-', '-', '外国語通訳', '0.3 随意契約（少額）', '外国語通訳', '0.001', 'その他', '-', '1'));
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.rank, r.name, r.summary, r.amount])).toEqual([
      ['A', 1, '（株）甲', '会場貸借', 0.04],
      ['B', 1, '個人A', '相談の実施', 2], ['B', 2, '個人B', '相談の実施', 2], ['B', 3, '個人C', '相談の実施', 2], ['B', 4, '個人D', '相談の実施', 2],
      ['C', 1, '個人E', '意見聴取', 0.02], ['C', 2, '個人F', '意見聴取', 0.02],
      ['D', 1, '個人G', '外国語通訳', 0.3], ['D', 2, '個人H', '外国語通訳', 0.001],
    ]);
  });
  it('cuts the tables at their column heads when each letter and its first ranks are printed after its table', () => {
    // B's first two names are printed bare under B's heads; `B. 1 2` comes in C's table, after C's first row.
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1 （株）甲', '-', '翻訳', '40 随意契約（少額）',
      ...header, '（株）乙', '（株）丙', '3 （株）丁', '-', '-', '-', '設営', '9 随意契約（少額）', '印刷', '8 随意契約（少額）', '運搬', '7 随意契約（少額）',
      ...header, '1 （株）戊', '-', '警備', '5 随意契約（少額）', 'B.', '1', '2', 'C.', '2 （株）己', '-', '清掃', '3 随意契約（少額）'));
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.rank, r.name, r.summary, r.amount])).toEqual([
      ['A', 1, '（株）甲', '翻訳', 40],
      ['B', 1, '（株）乙', '設営', 9], ['B', 2, '（株）丙', '印刷', 8], ['B', 3, '（株）丁', '運搬', 7],
      ['C', 1, '（株）戊', '警備', 5], ['C', 2, '（株）己', '清掃', 3],
    ]);
  });
  it('gives the right halves pdftotext printed under their own heads inside an earlier block to the later blocks\' first rows', () => {
    const leftHeads = ['支', '出', '先', '法', '人', '番', '号', '業', '務', '概', '要', '支 出 額', '（百万円）'];
    const rightHeads = ['契約方式', '入札者数\n（応募者\n数）', '落札率', '一者応札・一者応募又は\n競争性のない随意契約となった\n理由及び改善策\n（支出額10億円以上）'];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', 'A.', ...leftHeads, '1', '（株）甲', '-', '調査', '21', '随意契約（少額）', '1', '-', '-',
      ...rightHeads, '総合評価入札', '5', '82.5％', '-', ...rightHeads, 'その他', '-', '-',
      'B.', ...leftHeads, '1', '（株）乙', '-', '警備', '0.3', 'C.', ...leftHeads, '1', '（株）丙', '-', '運転', '6'), 'pdftotext');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.amount, r.contractMethod, r.bidders, r.winningBidRate])).toEqual([
      ['A', 21, '随意契約（少額）', 1, null], ['B', 0.3, '総合評価入札', 5, 82.5], ['C', 6, 'その他', null, null],
    ]);
    // A's own bidders first (under 入札者数 … 落札率), B's right half, then A's amount glued to its method.
    const glued = contextOf(paragraphs('支出先上位１０者リスト', 'A.', ...leftHeads, '1', '（株）甲', '-', '調査', ...rightHeads.slice(1), '1', '-',
      ...rightHeads, '一般競争入札', '5', '80.8％', '-', '契約方式', '168 随意契約（企画競争）', '-',
      'B.', ...leftHeads, '1', '（株）乙', '-', '警備', '32'), 'pdftotext');
    expect(matchRecipients(glued, []).recipients.map((r) => [r.block, r.amount, r.contractMethod, r.bidders, r.winningBidRate])).toEqual([
      ['A', 168, '随意契約（企画競争）', 1, null], ['B', 32, '一般競争入札', 5, 80.8],
    ]);
  });
  it('gives the right halves printed after a block\'s rows, under heads of their own, to later blocks even when that block\'s first row left its right half as dashes', () => {
    const leftHeads = ['支', '出', '先', '法', '人', '番', '号', '業', '務', '概', '要', '支 出 額', '（百万円）'];
    const rightHeads = ['契約方式', '入札者数\n（応募者\n数）', '落札率', '一者応札・一者応募又は\n競争性のない随意契約となった\n理由及び改善策\n（支出額10億円以上）'];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', 'A.', ...leftHeads, '1', '（株）甲', '-', '調査', '328', '-', '-', '-', '-',
      '2', '（株）乙', '-', '装置', '158', '総合評価入札', '2', '70.0％', '-',
      ...rightHeads, 'その他', '1', '-', ...rightHeads, '一般競争入札', '1', '88.3％', '-',
      'B.', ...leftHeads, '1', '（株）丙', '-', '補用品', '34', 'C.', ...leftHeads, '1', '（株）丁', '-', '修理', '33'), 'pdftotext');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.amount, r.contractMethod, r.bidders, r.winningBidRate])).toEqual([
      ['A', 328, null, null, null], ['A', 158, '総合評価入札', 2, 70], ['B', 34, 'その他', 1, null], ['C', 33, '一般競争入札', 1, 88.3],
    ]);
  });
  it('gives bidders printed after a block\'s rows, under heads from 入札者数 on, to a later block, and lets a block\'s own right half with its amount take its first row before one printed earlier does', () => {
    const leftHeads = ['支', '出', '先', '法', '人', '番', '号', '業', '務', '概', '要', '支 出 額', '（百万円）'];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', 'A.', ...leftHeads, '1', '出張者Ａ', '-', '出張旅費', '1.6', '-', '-', '-',
      '2', '出張者Ｂ', '-', '出張旅費', '1.1', '随意契約（その他）', '1', '-',
      '入札者数\n（応募者\n数）', '落札率', '3', '-', '契約方式', '入札者数\n（応募者\n数）', '落札率', '0 随意契約（企画競争）', '8', '-',
      'B.', '支', '1', '出', '先', '（株）高島屋', '法', '人', '番', '号', '5120001077467', '業', '務', '概', '要', '消耗品購入', '支 出 額', '（百万円）', '契約方式', '0.01 随意契約（企画競争）', '-',
      'C.', '支', '1', '出', '先', '法', '人', '出張者Ｃ', '番', '号', '-', '業', '務', '概', '要', '支 出 額', '（百万円）', '出張旅費', '-'), 'pdftotext');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.rank, r.amount, r.contractMethod, r.bidders])).toEqual([
      ['A', 1, 1.6, null, null], ['A', 2, 1.1, '随意契約（その他）', 1], ['B', 1, 0.01, '随意契約（企画競争）', 3], ['C', 1, 0, '随意契約（企画競争）', 8],
    ]);
  });
  it('gives the last row the 支出額 pdftotext printed after every other cell of the table, past a run of dashes', () => {
    const heads = ['支', '出', '先', '法', '人', '番', '号', '業', '務', '概', '要', '支 出 額', '（百万円）', '契約方式', '入札者数\n（応募者\n数）', '落札率'];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', 'A.', ...heads, '1', '出張者Ａ', '-', '出張旅費', '2.1', '随意契約（少額）', '1', '-', '-',
      '2', '出張者Ｂ', '-', '出張旅費', '1', '随意契約（企画競争）', '2', '-', '-', '3', '出張者Ｃ', '-', '出張旅費', '随意契約（その他）', '1', '-', '-',
      '契約方式', '入札者数\n（応募者\n数）', '落札率', '-', '-', '-', '-', '0.9'), 'pdftotext');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.amount, r.contractMethod, r.bidders])).toEqual([
      [1, 2.1, '随意契約（少額）', 1], [2, 1, '随意契約（企画競争）', 2], [3, 0.9, '随意契約（その他）', 1],
    ]);
  });
  it('gives a lone method printed after a block\'s rows, which no later first row lacks, to the one row of the block that has bidders but no method', () => {
    const leftHeads = ['支', '出', '先', '法', '人', '番', '号', '業', '務', '概', '要', '支 出 額', '（百万円）'];
    const rightHeads = ['契約方式', '入札者数\n（応募者\n数）', '落札率', '一者応札・一者応募又は\n競争性のない随意契約となった\n理由及び改善策\n（支出額10億円以上）'];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', 'A.', ...leftHeads, '1', '（株）甲', '-', '製造', '180 随意契約（企画競争）', '2', '-', '-',
      '2', '（株）乙', '-', '製造', '140', '1', '58.6％', '-', ...rightHeads, '一般競争入札',
      'B.', ...leftHeads, '1', '米空軍省', '-', '調達', '54 随意契約（企画競争）', '-', '-'), 'pdftotext');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.rank, r.contractMethod])).toEqual([['A', 1, '随意契約（企画競争）'], ['A', 2, '一般競争入札'], ['B', 1, '随意契約（企画競争）']]);
  });
  it('gives several rows\' right halves printed one after another under one group of heads, after a block\'s rows, to the next block\'s rows in turn', () => {
    const leftHeads = ['支', '出', '先', '法', '人', '番', '号', '業', '務', '概', '要', '支 出 額', '（百万円）'];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', 'A.', ...leftHeads, '1', '個人Ｃ', '-', '意見聴取', '0.02', 'その他', '1', '-', '-',
      '契約方式', '入札者数\n（応募者\n数）', '落札率', '随意契約（少額）', '-', '-', '-', 'その他', '1', '-', '-',
      'B.', ...leftHeads, '1', '個人A', '-', '外国語通訳', '0.3', '2', '個人Ｂ', '-', '外国語通訳', '0.001'), 'pdftotext');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.rank, r.amount, r.contractMethod, r.bidders])).toEqual([
      ['A', 1, 0.02, 'その他', 1], ['B', 1, 0.3, '随意契約（少額）', null], ['B', 2, 0.001, 'その他', 1],
    ]);
  });
  it('lets a right half of dashes take its block\'s row when there is one right half for each block\'s first row', () => {
    const rightHeads = ['契約方式', '入札者数\n（応募者\n数）', '落札率'];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', 'A.', '支', '1', '(一社)日本建築学会', '-', '所在状況調査', '6.954', ...rightHeads, '一般競争入札', '2', '-',
      ...rightHeads, '-', '-', '-', ...rightHeads, '総合評価入札', '1', '97.1％', '-',
      'B.', '支', '1', '国立大学法人東京大学', '-', '情報収集業務', '1.55', 'C.', '支', '1', 'セコム(株)', '-', '取替工事', '1.054'), 'pdftotext');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.contractMethod, r.bidders, r.winningBidRate])).toEqual([
      ['A', '一般競争入札', 2, null], ['B', null, null, null], ['C', '総合評価入札', 1, 97.1],
    ]);
  });
  it('gives a row without any right-half cell the first of two right halves printed after the next row\'s left half, and passes over a late second dash', () => {
    const row = (rank: number, name: string) => [`${rank}`, name, '-', '総合労働相談の実施', '2'];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', 'J.', ...row(1, '個人A'), '-', ...row(2, '個人Ｂ'), '随意契約（その他）', '-', '-', '-',
      ...row(3, '個人Ｃ'), ...row(4, '個人Ｄ'), '随意契約（少額）', '-', '-', '-', 'その他', '1', '-', '5', '個人Ｅ', '-', '総合労働相談の実施', '-', '2', '随意契約（少額）', '-', '-',
      '6', '個人Ｆ', '-', '-', '総合労働相談の実施', '2', 'その他', '-', '-', '-', ...row(7, '個人Ｇ'), '随意契約（その他）', '-', '-', '-'), 'pdftotext');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.summary, r.amount, r.contractMethod, r.bidders])).toEqual([
      [1, '総合労働相談の実施', 2, null, null], [2, '総合労働相談の実施', 2, '随意契約（その他）', null], [3, '総合労働相談の実施', 2, '随意契約（少額）', null],
      [4, '総合労働相談の実施', 2, 'その他', 1], [5, '総合労働相談の実施', 2, '随意契約（少額）', null], [6, '総合労働相談の実施', 2, 'その他', null],
      [7, '総合労働相談の実施', 2, '随意契約（その他）', null],
    ]);
  });
  it('gives a method printed after a row\'s right-half dashes to that row, or past the next row\'s right half to the row before, but not one past a note', () => {
    const row = (rank: number, name: string, amount: string) => [`${rank}`, name, '-', '出張旅費', amount];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', 'L.', ...row(1, '出張者Ｅ', '0.07'), '-', '-', '-', '随意契約（少額）', ...row(2, '出張者Ｆ', '0.07 随意契約（企画競争）'), '3', '-', '-',
      ...row(3, '出張者Ｇ', '0.04'), '-', '-', '-', ...row(4, '出張者Ｈ', '0.03 随意契約（企画競争）'), '8', '-', '-', '随意契約（少額）'), 'pdftotext');
    expect(matchRecipients(ctx, []).recipients.map((r) => r.contractMethod)).toEqual(['随意契約（少額）', '随意契約（企画競争）', '随意契約（少額）', '随意契約（企画競争）']);
    const noted = contextOf(paragraphs('支出先上位１０者リスト', 'E.', ...row(1, '国立大学法人神戸大学', '2 随意契約（少額）'), '-', '-', '-', ...row(2, '公立大学法人岡山県立大学', '2'), '-', '-', '-', '-',
      '支出先上位10者リスト欄についてさらに記載が必要な場合はチェックの上【別紙３】に記載', '総合評価入札'), 'pdftotext');
    expect(matchRecipients(noted, []).recipients.map((r) => r.contractMethod)).toEqual(['随意契約（少額）', null]);
  });
  it('gives runs of values printed before any names to the tables the names then open, in order', () => {
    // A's values, B's values after B's heads, then A's names, the letter B, B's names.
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '-', '-', '交付事務', '272 随意契約（企画競争）', '交付事務', '16', 'その他',
      ...header, '-', '-', '財政支援', '69 随意契約（企画競争）', '財政支援', '68 随意契約（企画競争）', '1 福島県', '2 東京都', 'B', '1 浪江町', '2 南相馬市',
      'C', ...header, '1 中央組合', '-', '財政支援', '16 一般競争入札'));
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.rank, r.name, r.amount])).toEqual([
      ['A', 1, '福島県', 272], ['A', 2, '東京都', 16], ['B', 1, '浪江町', 69], ['B', 2, '南相馬市', 68], ['C', 1, '中央組合', 16],
    ]);
  });
  it('gives a block whose ranks pdfminer printed together with the next block\'s (1 2 1 2 3) the names and cells after them, up to the next block\'s names', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', ...header, 'A.', 'B', '1', '2', '1', '2', '3', '職員A', '職員B', '-', '-', '職員給与', '職員給与', '2 随意契約（少額）', '1 随意契約（少額）',
      '個人A', '個人B', '個人C', '-', '-', '-', '講師謝礼', '講師謝礼', '講師謝礼', '0.1 その他', '0.05 その他', '0.02 その他'));
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.rank, r.name, r.summary, r.amount, r.contractMethod])).toEqual([
      ['A', 1, '職員A', '職員給与', 2, '随意契約（少額）'], ['A', 2, '職員B', '職員給与', 1, '随意契約（少額）'],
      ['B', 1, '個人A', '講師謝礼', 0.1, 'その他'], ['B', 2, '個人B', '講師謝礼', 0.05, 'その他'], ['B', 3, '個人C', '講師謝礼', 0.02, 'その他'],
    ]);
  });
  it('reads a bidders column\'s 1 2 between dashes as counts, not as a table\'s bare ranks, when the rows after a page break come under the next letter', () => {
    // B's second row is named before C's letter and names; its cells come after them. D and E are printed together.
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', 'A.', ...header, '1 （株）甲', '2 （株）乙', '3 （株）辛', '-', '-', '-', '調査', '0.6 その他', '調査', '0.5 一般競争入札', '調査', '0.4 一般競争入札', '-', '1', '2', '-', '80.0％', '70.0％',
      'B.', ...header, '1 （株）丙', '-', '印刷', '0.3 その他', '2 （株）丁', 'C.', '1 （株）戊', '-', '運搬', '0.2 その他', ...header, '-', '清掃', '0.1 その他',
      'D.', 'E.', ...header, '1 （株）己', '-', '警備', '0.05 その他', ...header, '1 （株）庚', '-', '受付', '0.04 その他'), 'pdfminer');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.rank, r.name, r.summary, r.amount, r.bidders])).toEqual([
      ['A', 1, '（株）甲', '調査', 0.6, null], ['A', 2, '（株）乙', '調査', 0.5, 1], ['A', 3, '（株）辛', '調査', 0.4, 2],
      ['B', 1, '（株）丙', '印刷', 0.3, null], ['B', 2, '（株）丁', '運搬', 0.2, null], ['C', 1, '（株）戊', '清掃', 0.1, null],
      ['D', 1, '（株）己', '警備', 0.05, null], ['E', 1, '（株）庚', '受付', 0.04, null],
    ]);
  });
  it('reads a chunk of 入札者数 with dashes (- - 1 1) as the rows\' so far that have a method and no count cell read, a dash read counting as read', () => {
    const row = (rank: number, name: string, amount: string) => [`${rank} ${name}`, '7140001005647 部品の製造', amount];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', 'A.', ...header, ...row(1, '兼松㈱', '5,758 随意契約（少額）'), ...row(2, '兼松㈱', '142'), 'その他',
      ...row(3, '住友商事㈱', '5,026 随意契約（その他）'), ...row(4, '住友商事㈱', '320 随意契約（少額）'), '-', '-', '1', '2', ...row(5, '新東亜交易㈱', '3,938'), 'その他', '-',
      ...row(6, '新東亜交易㈱', '685 随意契約（少額）'), ...row(7, '三菱重工業㈱', '4,365'), 'その他', '3', '-', '東京電力福島第一原子力発電所事故を踏まえ、共通基盤的な技術開発を実施する。'), 'pdfminer');
    expect(matchRecipients(ctx, []).recipients.map((r) => r.bidders)).toEqual([null, null, 1, 2, null, 3, null]);
  });
  it('gives the 入札者数 printed after the next block\'s letter, before its first row, back to the rows of the block before', () => {
    const row = (rank: number, name: string, amount: string) => [`${rank} ${name}`, '1011801008601 部品の製造', amount];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', 'C.', ...header, ...row(1, '㈱ＩＨＩ', '40,017 随意契約（その他）'), '1', ...row(2, '㈱島津製作所', '2,803 随意契約（少額）'),
      ...row(3, '㈱カヤバ工業', '43 随意契約（少額）'), 'D.', '2', '-', '全国の空き家の総数は、近年、増加の一途をたどり、住宅ストック総数の13.5％を占めている。', '-', ...header,
      ...row(1, '兼松㈱', '5,758 随意契約（少額）'), '4'), 'pdfminer');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.rank, r.bidders])).toEqual([['C', 1, 1], ['C', 2, 2], ['C', 3, null], ['D', 1, 4]]);
  });
  it('gives the 理由及び改善策 texts printed as a run, in order, to the rows of 10億円 or more let by 随意契約, and to no other row', () => {
    const row = (rank: number, name: string, amount: string) => [`${rank} ${name}`, '4010601031604 部品の製造', amount];
    const reasons = ['在外選挙制度の周知・広報は，国会での付帯決議において求められている。', '社会経済情勢等を踏まえ、分権型社会を担う地方税制度の確立を目指す。'];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', 'C.', ...header, ...row(1, '㈱ＩＨＩ', '40,017 随意契約（その他）'), ...row(2, '三菱重工業㈱', '7,488'), 'その他',
      ...row(3, '㈱島津製作所', '2,803 随意契約（少額）'), ...row(4, '㈱カヤバ工業', '43 随意契約（少額）'), '1', '1', '1', '-', ...reasons, '-', '-'), 'pdfminer');
    expect(matchRecipients(ctx, []).recipients.map((r) => r.reason)).toEqual([reasons[0], null, reasons[1], null]);
  });
  it('keeps a name cut after its legal form whole (㈲ … スキルアドバンス) whichever reading of the table fills more cells', () => {
    const heads = ['支', '出', '先', '法', '人', '番', '号', '業', '務', '概', '要', '支 出 額', '（百万円）'];
    const rightHeads = ['契約方式', '入札者数\n（応募者\n数）', '落札率'];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', 'G.', '支', '1', '賀集産業㈱', ...heads.slice(1), '-', 'モニタリング支援', '1', '-', '2', '(一社)', '宮城県林業公社', '3', '㈲', '4', '可茂森林組合',
      'スキルアドバンス', '-', 'モニタリング支援', '1 随意契約（企画競争）', '5', '-', '-', '-', 'モニタリング支援', '0.3 随意契約（企画競争）', '8', '-', '-', '-', 'モニタリング支援', '0.3', '-', '-', '-', '-',
      ...rightHeads, '随意契約（少額）', '1', '-'), 'pdftotext');
    expect(matchRecipients(ctx, []).recipients.map((r) => r.name)).toEqual(['賀集産業㈱', '(一社)宮城県林業公社', '㈲スキルアドバンス', '可茂森林組合']);
  });
  it('reads a first row whose name pdftotext printed before its rank ((株）ＩＨＩ 1 - Ｐ－１用エンジン 4,897)', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', 'B.', '支', '出', '先', '法', '人', '(株）ＩＨＩ', '1', '番', '号', '-', '業', '務', '概', '要', 'Ｐ－１用エンジン（Ｆ７－１０・搭載用）',
      '支 出 額', '（百万円）', '4,897', '-', 'C.', '支', '出', '先', '1', '（株）東芝', '-', '情報制御処理器', '328'), 'pdftotext');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.rank, r.name, r.summary, r.amount])).toEqual([
      ['B', 1, '(株）ＩＨＩ', 'Ｐ－１用エンジン（Ｆ７－１０・搭載用）', 4897], ['C', 1, '（株）東芝', '情報制御処理器', 328],
    ]);
  });
  it('gives the names pdfminer printed just before a table\'s bare ranks ((株)乙 (株)丙 1 2) to that table', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', ...header, 'A.', 'B', '1', '（株）甲', '-', '事務所借料', '21 随意契約（少額）', '1', '-', '-', '（株）乙', '（株）丙', '1', '2', 'C',
      '-', '-', '宿舎借料', '宿舎借料', '1', 'その他', '0.7', '総合評価入札', '1 （株）丁', '-', '駐車場', '0.3', 'その他'));
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.rank, r.name, r.summary, r.amount, r.contractMethod])).toEqual([
      ['A', 1, '（株）甲', '事務所借料', 21, '随意契約（少額）'], ['B', 1, '（株）乙', '宿舎借料', 1, 'その他'], ['B', 2, '（株）丙', '宿舎借料', 0.7, '総合評価入札'], ['C', 1, '（株）丁', '駐車場', 0.3, 'その他'],
    ]);
  });
  it('fills the 入札者数 and 落札率 columns pdfminer printed after rows read up to their contract methods', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', 'A.', ...header, '1 株式会社三菱ＵＦＪ銀行', '5010001008846', '設備投資への融資', '353', 'その他',
      '2 株式会社三井住友銀行', '5010001008813', '設備投資への融資', '152', '総合評価入札', '3 株式会社日本政策投資銀行', '2010001120389', '設備投資への融資', '101 随意契約（企画競争）',
      '-', '4', '8', '-', '63.3％', '-', '-', '-', '-'));
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.rank, r.amount, r.contractMethod, r.bidders, r.winningBidRate])).toEqual([
      [1, 353, 'その他', null, null], [2, 152, '総合評価入札', 4, 63.3], [3, 101, '随意契約（企画競争）', 8, null],
    ]);
  });
  it('gives a row without a name the name another row prints with the same 法人番号', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', 'A.', ...header, '1 （株）テリオ', '4011101013737 コーヒー等', '0.02 随意契約（少額）',
      'B.', ...header, '1', '4011101013737 ミネラルウォーター', '0.01 随意契約（少額）'));
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.name, r.summary])).toEqual([['A', '（株）テリオ', 'コーヒー等'], ['B', '（株）テリオ', 'ミネラルウォーター']]);
  });
  it('gives two blocks back their letters when each one\'s rows are what the other\'s fund-flow box describes (業務概要, number of recipients)', () => {
    const ctx = () => contextOf(paragraphs('支出先上位１０者リスト', 'A.', ...header, '1 出張者Ａ', '-', '出張旅費', '1.6 随意契約（少額）', '2 出張者Ｂ', '-', '出張旅費', '1.1 随意契約（少額）',
      'B.', ...header, '1 Across', '-', '車両借上', '0.05 その他'));
    const box = (block: string, name: string, amount: number, role: string) => ({ block, name, amount, role });
    const swapped = [box('A', '民間企業等（ 1 者）', 0.05, '車両借上'), box('B', '地方公共団体（ 2 者）', 2.7, '出張旅費')];
    expect(matchRecipients(ctx(), swapped).recipients.map((r) => [r.block, r.name])).toEqual([['A', 'Across'], ['B', '出張者Ａ'], ['B', '出張者Ｂ']]);
    // A box that names the block's first recipient describes it, whatever its role says.
    const named = [box('A', '出張者Ａ', 2.7, '車両借上'), box('B', '地方公共団体（ 2 者）', 2.7, '出張旅費')];
    expect(matchRecipients(ctx(), named).recipients.map((r) => r.block)).toEqual(['A', 'A', 'B']);
  });
  it('takes a block the fullest cutting leaves without names, or leaves out, from another cutting, unless its rows are read elsewhere', () => {
    const row = (block: string, rank: number, name: string | null, amount: number | null = null) => ({ ...emptyRow(block, rank), name, amount });
    // The first cutting fills more cells in all, but reads nothing of B; the second reads B whole.
    const byLetters = [row('A', 1, '（株）甲', 40), row('B', 1, null), row('C', 1, '（株）丙', 5), row('C', 2, '（株）丁', 4)];
    const byHeaders = [row('A', 1, '（株）甲', 40), row('B', 1, '（株）乙', 36), row('C', 1, '（株）丙')];
    expect(fullestByBlock([byLetters, byHeaders]).map((r) => [r.block, r.rank, r.name, r.amount])).toEqual([
      ['A', 1, '（株）甲', 40], ['B', 1, '（株）乙', 36], ['C', 1, '（株）丙', 5], ['C', 2, '（株）丁', 4],
    ]);
    // B's row there is one the first cutting gave C (name and amount): the cuttings disagree, and B stays empty.
    const clashing = [row('A', 1, '（株）甲', 40), row('B', 1, '（株）丁', 4), row('C', 1, '（株）丙')];
    expect(fullestByBlock([byLetters, clashing]).filter((r) => r.block === 'B').map((r) => r.name)).toEqual([null]);
    // A block the first cutting leaves out goes in its letter's place.
    const withD = [row('A', 1, '（株）甲', 40), row('C', 1, '（株）丙'), row('D', 1, '（株）戊', 3)];
    expect(fullestByBlock([byLetters, withD]).map((r) => r.block)).toEqual(['A', 'B', 'C', 'C', 'D']);
  });
  it('of two cuttings that read as many of a block\'s rows whole, takes the one whose 業務概要 are not the block\'s names', () => {
    const row = (rank: number, name: string, summary: string | null, amount: number | null) => ({ ...emptyRow('J', rank), name, summary, amount, contractMethod: 'その他' });
    const fullestFirst = [row(1, '個人A', '相談の実施', 2), row(2, '個人B', null, null), row(3, '個人C', null, null), { ...emptyRow('K', 1), name: '個人D', summary: '通訳', amount: 0.3, contractMethod: 'その他', bidders: 1, winningBidRate: 90 }];
    const offByOne = [row(1, '個人A', '相談の実施', 2), row(2, '個人B', '個人A', 2), row(3, '個人C', '個人B', 1)];
    const right = [row(1, '個人A', '相談の実施', 2), row(2, '個人B', '相談の実施', 2), row(3, '個人C', '相談の実施', 1)];
    expect(fullestByBlock([fullestFirst, offByOne, right]).filter((r) => r.block === 'J').map((r) => r.summary)).toEqual(['相談の実施', '相談の実施', '相談の実施']);
  });
  it('gives no cells back from a table whose own rows are bare ranks: their names, and so its cells, are printed elsewhere', () => {
    const tokens = contextOf(paragraphs('1 個人A', '2 個人B', '1', '2', '-', '-', '研修講師', '研修講師', '0.5', '0.2', '-', '-', '研修講師', '研修講師', '0.3', '0.1')).tokens;
    const named = { block: 'C', tokens: tokens.slice(0, 2) };
    expect(surplusBackward([named, { block: 'D', tokens: tokens.slice(2) }])).toBeNull();
    // The same cells after D's names go back to C.
    const withNames = contextOf(paragraphs('1 個人A', '2 個人B', '1 個人C', '2 個人D', '-', '-', '研修講師', '研修講師', '0.5', '0.2', '-', '-', '研修講師', '研修講師', '0.3', '0.1')).tokens;
    expect(surplusBackward([{ block: 'C', tokens: withNames.slice(0, 2) }, { block: 'D', tokens: withNames.slice(2) }])?.map((t) => t.tokens.length)).toEqual([8, 8]);
  });
  it('gives back the cells of the nearest tables\' nameless rows, a wrapped 業務概要 one cell, up to the next table\'s first 法人番号', () => {
    const cell = (number: string, amount: string) => [number, '事務の適切な実施を図るために必要な指', '導等の事務', amount];
    const tokens = contextOf(paragraphs('1 甲県', '2 乙県',
      '1 丙県', '2 丁県', '3 戊県',
      '1 平戸市', '2 長門市', ...cell('2000020350001', '3.4'), ...cell('5000020390003', '2.4'), ...cell('6000020400009', '2'), '-', '1', '-', '83.1％',
      ...cell('4000020422070', '0.5'), ...cell('5000020352110', '0.4'))).tokens;
    // B's last rows are nameless here; A's, farther, have their cells in B's table, which holds no cells to give.
    const [a, b, d] = [tokens.slice(0, 2), tokens.slice(2, 5), tokens.slice(5)];
    const given = surplusBackward([{ block: 'A', tokens: a }, { block: 'B', tokens: b }, { block: 'D', tokens: d }]);
    expect(given?.map((t) => t.tokens.map((x) => x.text).filter((x) => /^\d{13}$|^-$|％$/.test(x)))).toEqual([
      [], ['2000020350001', '5000020390003', '6000020400009', '-', '-', '83.1％'], ['4000020422070', '5000020352110'],
    ]);
  });
  it('reads a block whose names follow its letter but whose cells come after the cells of the block before it, when another letter holds nothing', () => {
    const cell = (number: string, amount: string, method: string) => [number, '事務の適切な実施を図るために必要な指', '導等の事務', amount, method];
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nC.', ...header, '1 北海道', ...cell('7000020010006', '5.7', '一般競争入札'), '2 鹿児島県', '3 長崎県',
      'D.', '1 平戸市', '2 長門市', ...cell('4000020460001', '5', '一般競争入札'), ...cell('8000020420000', '3.8', '随意契約（少額）'), '-', '-', '-',
      ...header, ...cell('4000020422070', '0.5', '随意契約（その他）'), ...cell('5000020352110', '0.4', '一般競争入札'), 'E.'), 'pdfminer');
    expect(matchRecipients(ctx, []).recipients.map((r) => [r.block, r.rank, r.name, r.corporateNumber, r.amount])).toEqual([
      ['C', 1, '北海道', '7000020010006', 5.7], ['C', 2, '鹿児島県', '4000020460001', 5], ['C', 3, '長崎県', '8000020420000', 3.8],
      ['D', 1, '平戸市', '4000020422070', 0.5], ['D', 2, '長門市', '5000020352110', 0.4],
    ]);
  });
  it('takes for a block the rows of another cutting that reads more of them whole, over as many rows, unless another block as taken reads those cells', () => {
    const row = (block: string, rank: number, name: string, summary: string | null = null, amount: number | null = null) => ({ ...emptyRow(block, rank), name, summary, amount });
    // The first cutting fills more cells in all, but gave B's cells to C; the second reads B and C whole.
    const first = [row('A', 1, '甲', '貸借', 9), row('A', 2, '乙', '貸借', 8), row('B', 1, '個人A', '相談', 2), row('B', 2, '個人B'),
      row('C', 1, '個人C', '相談', 2), row('C', 2, '個人E'), row('D', 1, '個人D', '通訳', 0.3)];
    const second = [row('A', 1, '甲'), row('A', 2, '乙'), row('B', 1, '個人A', '相談', 2), row('B', 2, '個人B', '相談', 2),
      row('C', 1, '個人C', '意見', 0.02), row('C', 2, '個人E', '意見', 0.01), row('D', 1, '個人D')];
    // B's second reading needs a cell C's first reading holds: B takes it once C has taken its own.
    expect(fullestByBlock([first, second]).map((r) => [r.block, r.rank, r.summary, r.amount])).toEqual([
      ['A', 1, '貸借', 9], ['A', 2, '貸借', 8], ['B', 1, '相談', 2], ['B', 2, '相談', 2], ['C', 1, '意見', 0.02], ['C', 2, '意見', 0.01], ['D', 1, '通訳', 0.3],
    ]);
    // B's rows there hold D's cells as the first cutting reads them: B keeps its own.
    const clashing = [row('A', 1, '甲'), row('A', 2, '乙'), row('B', 1, '個人A', '相談', 2), row('B', 2, '個人B', '通訳', 0.3), row('C', 1, '個人C'), row('C', 2, '個人E'), row('D', 1, '個人D')];
    expect(fullestByBlock([first, clashing]).filter((r) => r.block === 'B').map((r) => r.summary)).toEqual(['相談', null]);
  });
  it('completes a clipped summary from the fund flow', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nA.', ...header, '1 （株）日立製作所', '7010001008844', '10'));
    const { recipients } = matchRecipients(ctx, [{ block: 'A', name: '（株）日立製作所', amount: 10, role: '調査検討' }]);
    expect(recipients[0]).toMatchObject({ name: '（株）日立製作所', summary: '調査検討', amount: 10 });
  });
  it('completes a clipped summary from its own block\'s fund-flow box when one recipient heads two blocks', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト\nB.', ...header, '1 学校法人早稲田大学', '-', '近現代建築資料（建築家「甲」）の', '14.9',
      'C.', ...header, '1 学校法人早稲田大学', '-', '近現代建築資料（建築家「乙」）の', '8'));
    const box = (block: string, role: string, amount: number) => ({ block, name: '学校法人早稲田大学', amount, role });
    const { recipients } = matchRecipients(ctx, [box('B', '近現代建築資料（建築家「甲」）の展示業務', 14.9), box('C', '近現代建築資料（建築家「乙」）の整理業務', 8)]);
    expect(recipients.map((r) => [r.block, r.summary])).toEqual([['B', '近現代建築資料（建築家「甲」）の展示業務'], ['C', '近現代建築資料（建築家「乙」）の整理業務']]);
  });
});

describe('recipients anchored on their 法人番号', () => {
  it('reads rows scattered beyond a table and gives each the block of the fund-flow box with its amount', () => {
    const ctx = contextOf(paragraphs('支出先上位１０者リスト', 'A.', 'B', '国庫債務負担行為等による契約先上位10者リスト',
      '（株）日立製作所 7010001008844\nIoT/M2Mセキュリティ対策\nガイドラインに係る調査検\n討', '10 総合評価入札 1 76.6％',
      '（株）FFRI 3011101046226\nＭ２Ｍシステムの潜在脅威\nの調査', '25 - -', '2 90.1％', '総合評価入札7010001008844 108', '技術等の調査・課題抽出及\nび検証'));
    const flows = [
      { block: 'A', name: '（株）日立製作所', amount: 108, role: 'Ｍ２Ｍに関するセキュリティ技術等の調査・課題抽出及び検証' },
      { block: 'B', name: '（株）ＦＦＲＩ', amount: 25, role: 'Ｍ２Ｍシステムの潜在脅威の調査' },
      { block: 'D', name: '（株）日立製作所', amount: 10, role: 'IoT/M2Mセキュリティ対策ガイドラインに係る調査検討' },
    ];
    const { recipients } = matchRecipients(ctx, flows);
    expect(recipients.map((r) => [r.block, r.rank, r.name, r.amount, r.contractMethod, r.bidders, r.winningBidRate])).toEqual([
      ['A', 1, '（株）日立製作所', 108, '総合評価入札', 2, 90.1],
      ['B', 1, '（株）FFRI', 25, null, null, null],
      ['D', 1, '（株）日立製作所', 10, '総合評価入札', 1, 76.6],
    ]);
    expect(recipients[0]!.summary).toBe('Ｍ２Ｍに関するセキュリティ技術等の調査・課題抽出及び検証');
    expect(recipients[2]!.summary).toBe('IoT/M2Mセキュリティ対策ガイドラインに係る調査検討');
  });
});

describe('self-check', () => {
  /** The explanations layout text gives the items that start so. */
  const layoutExplanations = (text: string, ...starts: string[]) => {
    const rows = matchSelfCheck(contextOf(text, 'layout'));
    return starts.map((start) => rows.find((r) => r.item.startsWith(start))?.explanation);
  };
  it('pairs template items with marks and explanations in order', () => {
    const ctx = contextOf(paragraphs('事業の目的は国民や社会のニーズを的確に反映しているか。', '地方自治体、民間等に委ねることができない事業なのか。', '○', 'ニーズは高い。', '△', '国が行う必要がある。'));
    const rows = matchSelfCheck(ctx);
    expect(rows[0]).toMatchObject({ group: '国費投入の必要性', mark: '○', explanation: 'ニーズは高い。' });
    expect(rows[1]).toMatchObject({ mark: '△', explanation: '国が行う必要がある。' });
  });
  it('finds an item boxed with its group\'s vertical name (関 ⏎ 連 ⏎ 事 ⏎ 業), and never takes that box for an explanation', () => {
    const ctx = contextOf(paragraphs('整備された施設や成果物は十分に活用されているか。', '-',
      '関連する事業がある場合、他部局・他府省等と適切な役割分担を行っているか。（役割分担の具体的な内容を\n各事業の右に記載）\n関\n連\n事\n業', '○', '役割を分担している。'), 'pdftotext');
    const rows = matchSelfCheck(ctx);
    expect(rows.find((r) => r.item.startsWith('整備された'))!.explanation).toBeNull();
    expect(rows.at(-1)).toMatchObject({ mark: '○', explanation: '役割を分担している。' });
  });
  it('leaves a related project\'s name to the related projects, not to the 関連事業 item\'s explanation', () => {
    const text = paragraphs('関連する事業がある場合、他部局・他府省等と適切な役割分担を行っているか。（役割分担の具体的な内容を各事業の右に記載）', '所管府省・部局名', '事業番号', '事業名',
      '外務省外務報道官・広報・文化組織対日理解促進交流室', '0205', '親日派・知日派育成のための交流拡充拠出金', '○', '次世代自動車は動く蓄電池として電力供給が可能である。', '点検結果');
    const sections = matchAll(contextOf(text, 'pdfminer'));
    expect(sections.relatedProjects).toEqual([{ owner: '外務省外務報道官・広報・文化組織対日理解促進交流室', projectNumber: '0205', name: '親日派・知日派育成のための交流拡充拠出金' }]);
    expect(sections.selfCheck.at(-1)).toMatchObject({ mark: '○', explanation: '次世代自動車は動く蓄電池として電力供給が可能である。' });
  });
  it('takes the marks in the template\'s order when pdftotext printed one an item (a dash item\'s `- -` as one), and each explanation right after its mark, wherever the items stand', () => {
    const items = SELF_CHECK_GROUPS.flatMap((g) => g.items);
    const mark = (k: number) => (k === 9 || k === 10 ? '-' : k === 4 ? '有' : k === 5 ? '無' : k % 3 ? '○' : '△');
    const explanation = (k: number) => `説明の文その${k + 1}。`;
    // Row by row (item, mark, explanation), but two rows print their mark (and one its explanation) before the item.
    const boxes = items.flatMap((item, k) => {
      const row = mark(k) === '-' ? ['-', '-'] : [mark(k), explanation(k)];
      if (k === 14) return [...row, item];
      if (k === 15) return [row[0]!, item, row[1]!];
      return [item, ...row];
    });
    const rows = matchSelfCheck(contextOf(paragraphs(...boxes, '点検結果'), 'pdftotext'));
    expect(rows.map((r) => [r.mark, r.explanation])).toEqual(items.map((_, k) => (mark(k) === '-' ? [null, null] : [mark(k), explanation(k)])));
  });
  it('gives the marks printed after the last item, fewer than the items still without one, to the last of those items, the earlier ones taking the marks printed before them', () => {
    const items = SELF_CHECK_GROUPS.flatMap((g) => g.items);
    const mark = (k: number) => (k === 4 || k === 5 ? '無' : k === 11 ? '△' : [8, 12, 13, 14].includes(k) ? '-' : '○');
    // pdfminer: twelve items, their texts, sixteen marks, the last five items, then the last mark.
    const boxes = [...items.slice(0, 12), '説明の文その一。', '説明の文その二。', ...items.slice(0, 16).map((_, k) => mark(k)), ...items.slice(12), mark(16)];
    const rows = matchSelfCheck(contextOf(paragraphs(...boxes, '点検結果')));
    expect(rows.map((r) => r.mark)).toEqual(items.map((_, k) => (mark(k) === '-' ? null : mark(k))));
  });
  it('gives a mark printed between its item and a text to that item, where rows are printed whole, before items printed out of their rows\' places', () => {
    const items = SELF_CHECK_GROUPS.flatMap((g) => g.items);
    const mark = (k: number) => (k === 4 ? '無' : k === 5 ? '有' : k === 13 ? '△' : '○');
    const explanation = (k: number) => `説明の文その${k + 1}。`;
    // pdftotext: rows whole, but the first row printed late (its mark before its item, a group's
    // vertical name after it), and the two yes/no items' texts away from their marks.
    const row = (k: number) => (k === 4 || k === 5 ? [mark(k), explanation(k)] : [items[k]!, mark(k), explanation(k)]);
    const boxes = [...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].flatMap(row), items[5]!, items[4]!, explanation(0), mark(0), items[0]!, '国\n費\n投\n入\nの\n必\n要\n性', ...[13, 14, 15, 16].flatMap(row)];
    const rows = matchSelfCheck(contextOf(paragraphs(...boxes, '点検結果'), 'pdftotext'));
    expect(rows.map((r) => r.mark)).toEqual(items.map((_, k) => mark(k)));
  });
  it('gives the marks and texts printed after the last item to the items still without them in the template\'s order, an item printed before the table\'s title among them', () => {
    const items = SELF_CHECK_GROUPS.flatMap((g) => g.items);
    // pdfminer: the first item before the title (a stray dash beside it), most rows' marks and
    // texts amid the items, the last items' column after them all, the first item's dash first.
    const boxes = [items[0]!, '-', '事業所管部局による点検・改善', items[1]!, items[2]!, items[3]!, '○', '○', '○', '説明2。', '説明3。', '説明4。', items[4]!, '有', '説明5。',
      items[5]!, items[6]!, items[7]!, items[8]!, items[9]!, '有', '説明6。', '△', '説明7。', '説明8。', '説明10。', '△', '-', '○', items[10]!, '○', '説明11。',
      ...items.slice(11), '所管府省・部局名', '事業番号', '事業名', '説明12。', '説明13。', '説明14。', '説明15。', '-', '○', '○', '○', '○', '-', '-', '点検結果'];
    const rows = matchSelfCheck(contextOf(paragraphs(...boxes), 'pdfminer'));
    expect(rows.slice(11).map((r) => [r.mark, r.explanation])).toEqual([['○', '説明12。'], ['○', '説明13。'], ['○', '説明14。'], ['○', '説明15。'], [null, null], [null, null]]);
    expect(rows[0]).toMatchObject({ mark: null, explanation: null });
  });
  it('gives 有 and 無 to the two "were there any" items only, wherever their rows are printed', () => {
    const items = SELF_CHECK_GROUPS.flatMap((g) => g.items);
    const mark = (k: number) => (k === 4 ? '無' : k === 5 ? '有' : k % 3 ? '○' : '△');
    // Row by row (item, mark, explanation), but the two 有/無 items' texts printed after the
    // table's last row, and the first row last of all, its mark before its item.
    const rest = items.slice(1).flatMap((item, j) => (j + 1 === 4 || j + 1 === 5 ? [mark(j + 1), `説明${j + 2}。`] : [item, mark(j + 1), `説明${j + 2}。`]));
    const boxes = [...rest, items[4]!, items[5]!, mark(0), items[0]!, '説明1。'];
    const rows = matchSelfCheck(contextOf(paragraphs(...boxes, '点検結果'), 'pdftotext'));
    expect(rows.map((r) => r.mark)).toEqual(items.map((_, k) => mark(k)));
  });
  it('gives the text after a mark that stands between two texts to that mark\'s item, whose own text was printed elsewhere, when most rows are printed whole', () => {
    const items = SELF_CHECK_GROUPS.flatMap((g) => g.items);
    const mark = (k: number) => (k === 4 ? '有' : k === 5 ? '無' : '○');
    const explanation = (k: number) => `説明の文その${k + 1}。`;
    // pdftotext: rows whole, but the first 有/無 item's text printed after the last row's mark
    // and text, beside the last item's, its own mark and text in their row's place; the last
    // row's mark and text printed again after the related projects' heads.
    const row = (k: number) => (k === 4 ? [mark(k), explanation(k)]
      : k === 16 ? [mark(k), explanation(k), items[4]!, items[k]!, '所管府省・部局名', '事業番号', '事業名', mark(k), explanation(k)] : [items[k]!, mark(k), explanation(k)]);
    const rows = matchSelfCheck(contextOf(paragraphs(...items.flatMap((_, k) => row(k)), '点検結果'), 'pdftotext'));
    expect(rows.map((r) => [r.mark, r.explanation])).toEqual(items.map((_, k) => [mark(k), explanation(k)]));
  });
  it('gives the text between an item\'s mark and the next item to that item when most rows are printed whole, even where one row\'s text comes late', () => {
    const items = SELF_CHECK_GROUPS.flatMap((g) => g.items).slice(0, 16);
    const mark = (k: number) => (k === 4 ? '無' : k === 5 ? '有' : k === 9 || k === 10 ? '-' : '○');
    const explanation = (k: number) => (mark(k) === '-' ? null : `説明の文その${k + 1}。`);
    // Row by row, but 費目・使途's explanation printed after the next item's dash.
    const boxes = items.flatMap((item, k) => {
      if (k === 8) return [item, mark(k)];
      if (k === 9) return [item, mark(k), explanation(8)!];
      return mark(k) === '-' ? [item, mark(k)] : [item, mark(k), explanation(k)!];
    });
    const rows = matchSelfCheck(contextOf(paragraphs(...boxes, '点検結果'), 'pdftotext'));
    expect(rows.slice(0, 16).map((r) => [r.mark, r.explanation])).toEqual(items.map((_, k) => [mark(k) === '-' ? null : mark(k), explanation(k)]));
  });
  it('finds an item whose layout box took a letter of the vertical group heading below it (…であるか。 ⏎ 効)', () => {
    // The page break before the heading's letter is what pdftotext -layout printed there.
    const text = ['    有', '        活動実績は見込みに見合ったものであるか。                                 ○           目標どおりの件数を実施した。', '\f     効', '     性', ''].join('\n');
    expect(matchSelfCheck(contextOf(text, 'layout')).find((r) => r.item.startsWith('活動実績'))).toMatchObject({ mark: '○', explanation: '目標どおりの件数を実施した。' });
  });
  it('gives an item marked with a dash the explanation that follows its mark at once, and none otherwise', () => {
    const ctx = contextOf(paragraphs('費目・使途が事業目的に即し真に必要なものに限定されているか。', '○', '必要なものに限定している。', '不用率が大きい場合、その理由は妥当か。（理由を右に記載）', '‐',
      '執行残が生じたため。', 'その他コスト削減や効率化に向けた工夫は行われているか。', '-', '成果実績は成果目標に見合ったものとなっているか。', '○', '目標を達成した。'), 'pdftotext');
    const rows = matchSelfCheck(ctx);
    const row = (start: string) => rows.find((r) => r.item.startsWith(start));
    expect(row('不用率')).toMatchObject({ mark: null, explanation: '執行残が生じたため。' });
    expect(row('その他コスト')).toMatchObject({ mark: null, explanation: null });
    expect(row('成果実績')).toMatchObject({ mark: '○', explanation: '目標を達成した。' });
  });
  it('reads a mark boxed with the text after it as the mark, then the text, but keeps an explanation that opens with 有', () => {
    const ctx = contextOf(paragraphs('事業の目的は国民や社会のニーズを的確に反映しているか。', '○ ニーズは高い。', '○整備された施設や成果物は十分に活用されているか。', '△', '有識者の意見を反映した。'));
    const rows = matchSelfCheck(ctx);
    expect(rows[0]).toMatchObject({ mark: '○', explanation: 'ニーズは高い。' });
    expect(rows.find((r) => r.item.startsWith('整備された'))).toMatchObject({ mark: '△', explanation: '有識者の意見を反映した。' });
  });
  const project = (owner: string, projectNumber: string, name: string) => ({ owner, projectNumber, name });
  it.each([
    ['keeps a 事業番号 wrapped in its cell (新27- ⏎ 0010) and leaves out prose below the table', [
      '                 所管府省・部局名              事業番号          事業名',
      '',
      '    関                                  新27-   ミズベリング・プロジェクトの推進に係',
      '    連   国土交通省水管理・国土保全局河川環境課',
      '                                       0010   る方策検討経費              ○',
      '',
      '        国土交通省国土政策局総務課企画室',
      '        地方振興課                          0386   多様な主体による地域づくり推進経費',
      '                   気候変動に影響を及ぼす日射放射の観測及び監視を行い、データをWMOの世界放射データセンターへ提供する。',
    ], [
      project('国土交通省水管理・国土保全局河川環境課', '新27-0010', 'ミズベリング・プロジェクトの推進に係る方策検討経費'),
      project('国土交通省国土政策局総務課企画室地方振興課', '0386', '多様な主体による地域づくり推進経費'),
    ]],
    ['reads a one-digit 事業番号, and leaves out the explanation beside a mark on the column heads\' line', [
      '                       所管府省・部局名            事業番号          事業名       ○   先進事例やＥＳＧに関する最新の調査研究の収集を通じて、',
      '     事                                                                 関連に係る知見を整理する。',
      '     業    内閣府食品安全委員会事務局評価第一課               0146   食品安全確保総合調査費',
      '',
      '          内閣府大臣官房政府広報室                      7     戦略的広報経費（国内）',
    ], [
      project('内閣府食品安全委員会事務局評価第一課', '0146', '食品安全確保総合調査費'),
      project('内閣府大臣官房政府広報室', '7', '戦略的広報経費（国内）'),
    ]],
    ['keeps a name\'s one-letter wrapped tail (…国家試験 ⏎ 費), right of the owners, and leaves out the vertical heading\'s letters', [
      '                       所管府省・部局名            事業番号          事業名',
      '     事                                       給水装置工事主任技術者国家試験',
      '     業    厚生労働省健康局水道課                    0338',
      '                                              費',
    ], [
      project('厚生労働省健康局水道課', '0338', '給水装置工事主任技術者国家試験費'),
    ]],
    ['keeps an owner\'s one-letter wrapped tail under its cell\'s first letter (…統計 ⏎ 課), on a project printed 16 lines below the heads', [
      '                 所管府省・部局名              事業番号         事業名',
      '',
      '    関   厚生労働省健康局結核感染症課                 114    予防接種健康被害者保健福祉相談事業費',
      '    連',
      '    事',
      '    業',
      ...Array.from({ length: 10 }, () => ''),
      '          厚生労働省大臣官房統計情報部人口動態・保険社会統計',
      '          課                                 925   社会福祉統計調査費',
    ], [
      project('厚生労働省健康局結核感染症課', '114', '予防接種健康被害者保健福祉相談事業費'),
      project('厚生労働省大臣官房統計情報部人口動態・保険社会統計課', '925', '社会福祉統計調査費'),
    ]],
    ['bounds a line by its own mark when the rows\' marks stand in different columns', [
      '                 所管府省・部局名              事業番号       事業名',
      '    事                                                          ○           の斡旋また生活相談や必要な機器開発を促進するための支援等を行い、',
      '    業    厚生労働省社会・援護局障害保健福祉部企画課   0338   障害者自立支援機器等開発促進事業',
      '',
      '',
      '     連                                                 我が国におけるデータ駆動型社会に       方が、安定した生活を送ることができるよう、',
      '     事                                                 係る基盤整備（旧 我が国経済社会   ○   の斡旋また生活相談や必要な機器開発を促進す',
      '     業    経済産業省商務情報政策局情報経済課                      70    の情報化・サービス化に係る基盤整       参加の促進を目的とす',
      '                                                       備）',
    ], [
      project('厚生労働省社会・援護局障害保健福祉部企画課', '0338', '障害者自立支援機器等開発促進事業'),
      project('経済産業省商務情報政策局情報経済課', '70', '我が国におけるデータ駆動型社会に係る基盤整備（旧我が国経済社会の情報化・サービス化に係る基盤整備）'),
    ]],
    ['reads no list item opened by an enclosed numeral (③) as a project', [
      '                       所管府省・部局名              事業番号       事業名',
      '     業    環境省地球環境局地球温暖化対策課                  0063   成拠点形成モデル事業',
      '',
      '',
      '                   ③ 有識者からの意見聴取及び政策部局との意見交換 アンケート調査の実施前',
    ], [
      project('環境省地球環境局地球温暖化対策課', '0063', '成拠点形成モデル事業'),
    ]],
  ] as const)('%s', (_, lines, want) => {
    expect(matchRelatedProjects(contextOf(lines.join('\n'), 'layout'))).toEqual(want);
  });
  it('reads the owners pdfminer printed together, then each 事業番号 glued to its name or in a box of its own', () => {
    const ctx = contextOf(paragraphs('所管府省・部局名', '事業番号', '事業名', '厚生労働省健康局健康課', '厚生労働省年金局総務課', '302 健康増進事業（健康診査等）', '774 基礎年金給付に必要な経費'), 'pdfminer');
    expect(matchRelatedProjects(ctx)).toEqual([
      { owner: '厚生労働省健康局健康課', projectNumber: '302', name: '健康増進事業（健康診査等）' },
      { owner: '厚生労働省年金局総務課', projectNumber: '774', name: '基礎年金給付に必要な経費' },
    ]);
    const mixed = contextOf(paragraphs('所管府省・部局名', '事業番号', '事業名', '国土交通省水管理・国土保全局河川環境課', '国土交通省自動車局総務課', '国土交通省国土政策局総務課企画室\n地方振興課',
      '新27-\n0010', 'ミズベリング・プロジェクトの推進に係\nる方策検討経費', '0476', '自動車検査登録事務所等の施設の\n整備', '0386 多様な主体による地域づくり推進経費'), 'pdfminer');
    expect(matchRelatedProjects(mixed).map((r) => [r.projectNumber, r.name])).toEqual([
      ['新27-0010', 'ミズベリング・プロジェクトの推進に係る方策検討経費'], ['0476', '自動車検査登録事務所等の施設の整備'], ['0386', '多様な主体による地域づくり推進経費'],
    ]);
  });
  it('reads a 事業番号 glued to its name in stream text after its owner, and no number that opens a sentence', () => {
    const ctx = contextOf(paragraphs('所管府省・部局名', '事業番号', '事業名', '厚生労働省健康局水道課', '333 水質管理等強化対策費', '○', '現状通り', '7 国際展開や市場の拡大が必要であるが、情報を収集する。'));
    expect(matchRelatedProjects(ctx)).toEqual([{ owner: '厚生労働省健康局水道課', projectNumber: '333', name: '水質管理等強化対策費' }]);
  });
  it('reads an owner that lists several divisions (…企画課、産業廃棄物課、) before a glued 事業番号, but no sentence', () => {
    const ctx = contextOf(paragraphs('所管府省・部局名', '事業番号', '事業名', '環境省大臣官房廃棄物・リサイクル対策部企画課、産業廃\n棄物課、', '162 廃棄物処理施設整備費補助'));
    expect(matchRelatedProjects(ctx)).toEqual([{ owner: '環境省大臣官房廃棄物・リサイクル対策部企画課、産業廃棄物課、', projectNumber: '162', name: '廃棄物処理施設整備費補助' }]);
    // An owner ending in a bracket, which folding makes half-width.
    const bracketed = contextOf(paragraphs('所管府省・部局名', '事業番号', '事業名', '内閣府政策統括官（経済財政運営担当）参事官（企画担当\n）', '0131 雇用対策の総合的推進に必要な経費'));
    expect(matchRelatedProjects(bracketed).map((r) => r.projectNumber)).toEqual(['0131']);
    const sentence = contextOf(paragraphs('所管府省・部局名', '事業番号', '事業名', '環境省が所管する施設は、各地方の事務所が管理する。', '162 廃棄物処理施設整備費補助'));
    expect(matchRelatedProjects(sentence)).toEqual([]);
  });
  it('puts back the dash of a new project\'s 事業番号 that pdftotext lost (新270041)', () => {
    const ctx = contextOf(paragraphs('所管府省・部局名', '事業番号', '事業名', '外務省国際協力局地球環境課', '新270041', '生物多様性条約名古屋議定書（義務\n的拠出金）', '点検結果'), 'pdftotext');
    expect(matchRelatedProjects(ctx).map((r) => r.projectNumber)).toEqual(['新27-0041']);
  });
  it('passes over a self-check explanation printed between a 事業番号 and its name', () => {
    const ctx = contextOf(paragraphs('所管府省・部局名', '事業番号', '事業名', '厚生労働省大臣官房統計情報部人口動態・保険社会統計\n課', '925',
      '働者について、その雇用の改善や雇用機会の確保等を図る。', '社会福祉統計調査費', '点検結果'), 'pdftotext');
    expect(matchRelatedProjects(ctx)).toEqual([{ owner: '厚生労働省大臣官房統計情報部人口動態・保険社会統計課', projectNumber: '925', name: '社会福祉統計調査費' }]);
  });
  it('leaves out of an owner the self-check mark pdftotext boxed above it (○ ⏎ 厚生労働省…)', () => {
    const ctx = contextOf(paragraphs('所管府省・部局名', '事業番号', '事業名', '関\n連\n事\n業', '○\n厚生労働省健康局難病対策課', '140', '国立ハンセン病療養所等入所者家族\n生活援護委託費'), 'pdftotext');
    expect(matchRelatedProjects(ctx).map((r) => r.owner)).toEqual(['厚生労働省健康局難病対策課']);
  });
  it('reads rows printed by columns: the owners, then the numbers, then the names; or the owners, then number and name pairs', () => {
    const columns = contextOf(paragraphs('所管府省・部局名', '事業番号', '事業名', '環境省自然環境局国立公園課', '環境省地球環境局地球温暖化対策課', '198', '41',
      '地方環境事務所電子政府システム維持管理更新費', '低炭素価値向上に向けた社会システム構築支援基金', '○'));
    expect(matchRelatedProjects(columns).map((r) => [r.owner, r.projectNumber, r.name])).toEqual([
      ['環境省自然環境局国立公園課', '198', '地方環境事務所電子政府システム維持管理更新費'], ['環境省地球環境局地球温暖化対策課', '41', '低炭素価値向上に向けた社会システム構築支援基金'],
    ]);
    const ownersFirst = contextOf(paragraphs('所管府省・部局名', '事業番号', '事業名', '外務省軍縮不拡散・科学部軍備管理軍縮課', '外務省国際協力局地球環境課', '142',
      '核兵器不拡散条約（ＮＰＴ）運用検討\n会議分担金', '新27-\n0041', '生物多様性条約名古屋議定書（義務\n的拠出金）', '○'));
    expect(matchRelatedProjects(ownersFirst).map((r) => [r.owner, r.projectNumber])).toEqual([['外務省軍縮不拡散・科学部軍備管理軍縮課', '142'], ['外務省国際協力局地球環境課', '新27-0041']]);
  });
  it('reads rows printed as owner and number pairs first, then their names in order', () => {
    const ctx = contextOf(paragraphs('所管府省・部局名', '事業番号', '事業名', '外務省外務報道官・広報・文化組織対日理解促進交流室', '0205', '外務省総合外交政策局国際安全･治安対策協力室', '0173',
      '親日派・知日派育成のための交流拡充拠出金', '経済協力開発機構金融活動作業部会(FATF)分担金', '○', '○'));
    expect(matchRelatedProjects(ctx)).toEqual([
      { owner: '外務省外務報道官・広報・文化組織対日理解促進交流室', projectNumber: '0205', name: '親日派・知日派育成のための交流拡充拠出金' },
      { owner: '外務省総合外交政策局国際安全･治安対策協力室', projectNumber: '0173', name: '経済協力開発機構金融活動作業部会(FATF)分担金' },
    ]);
  });
  it('reads a name that pdftotext boxed with the 事業名 column head above it', () => {
    const ctx = contextOf(paragraphs('所管府省・部局名', '事業番号', '厚生労働省医政局研究開発振興課', '67', '点検結果', '事業名\n遠隔医療従事者研修事業', '改善の\n方向性'), 'pdftotext');
    expect(matchRelatedProjects(ctx)).toEqual([{ owner: '厚生労働省医政局研究開発振興課', projectNumber: '67', name: '遠隔医療従事者研修事業' }]);
  });
  it('cuts a layout box running over two items\' explanations into runs centred on their marks', () => {
    const text = [
      line([73, '「浜の活力再生プラン」の目標の達成を支援するため、']),
      line([73, 'プランの見直しを支援する。大学等と産']),
      line([10, '活動実績は見込みに見合ったものであるか。'], [61, '○'], [73, '学協働のための連携会議を形成し、']),
      line([73, '人材の育成の充実を図る。']),
      line([73, '教材の開発等を委託により実施する。']),
      line([72, '研究グループに委託して、次の']),
      line([10, '整備された施設や成果物は十分に活用されているか。'], [67, '△'], [72, '技術等を開発する。']),
      line([72, '工事費は都道府県へ支出委任する。']),
    ].join('\n');
    expect(layoutExplanations(text, '活動実績', '整備された')).toEqual([
      '「浜の活力再生プラン」の目標の達成を支援するため、プランの見直しを支援する。大学等と産学協働のための連携会議を形成し、人材の育成の充実を図る。教材の開発等を委託により実施する。',
      '研究グループに委託して、次の技術等を開発する。工事費は都道府県へ支出委任する。',
    ]);
  });
  it('joins a layout explanation whose first line stands a few lines above its item, unfinished', () => {
    const text = [
      '          受益者との負担関係は妥当であるか。                                          ○           産地市場等についての実態調査を行う。',
      '',
      '                                                                                 ＩＣＴを活用した教育の推進計画の策',
      '',
      '',
      '          単位当たりコスト等の水準は妥当か。                                          ○           定に当たっての留意事項等の助言を実施。',
    ].join('\n');
    expect(layoutExplanations(text, '受益者', '単位当たり')).toEqual(['産地市場等についての実態調査を行う。', 'ＩＣＴを活用した教育の推進計画の策定に当たっての留意事項等の助言を実施。']);
  });
  it('gives a mark two items stand beside, a line apart, to the one on its row; the 関連事業 item takes its own below', () => {
    const text = [
      '        整備された施設や成果物は十分に活用されているか。                                 -',
      // The next page begins (a form feed): the item starts a box of its own on the line below.
      '\f          関連する事業がある場合、他部局・他府省等と適切な役割分担を行っているか。（役割分担の具体的な内容を',
      '          各事業の右に記載）',
      '',
      '                       所管府省・部局名              事業番号          事業名',
      '',
      '     関                                                                        （なお、平成25年度は、一部を前倒しして実施している。）',
      '     事    外務省北米局北米第一課                         19    日本人研究者育成支援事業         ○   国が警備活動に必要な装備品の整備等を図る。',
    ].join('\n');
    // Without the form feed the two items run into one box: it is cut into them.
    for (const pages of [text, text.replace('\f', '')]) {
      const items = matchSelfCheck(contextOf(pages, 'layout'));
      expect(items.find((i) => i.item.startsWith('整備された'))!.mark).toBeNull();
      expect(items.at(-1)!.mark).toBe('○');
    }
  });
  it('reads two items layout text joined into one box, each with the mark on its own line', () => {
    const text = [
      '                                                                            また、次期水質総量削減における汚濁負荷対策の検討を行い、今後の汚濁負荷削減',
      '        政策目的の達成手段として必要かつ適切な事業か。政策体系の中で優先度の高い事業か。                ○           目標量や総量規制基準を検討する。',
      '',
      '        競争性が確保されているなど支出先の選定は妥当か。                                    -',
    ].join('\n');
    const items = matchSelfCheck(contextOf(text, 'layout'));
    const row = (key: string) => items.find((i) => i.item.startsWith(key))!;
    expect([row('政策目的').mark, row('政策目的').explanation]).toEqual(['○', 'また、次期水質総量削減における汚濁負荷対策の検討を行い、今後の汚濁負荷削減目標量や総量規制基準を検討する。']);
    expect(row('競争性が確保').mark).toBeNull();
  });
  it('reads once, in layout text, the 関連事業 explanation the sheet printed twice, one copy under the other', () => {
    const text = [
      '          関連する事業がある場合、他部局・他府省等と適切な役割分担を行っているか。（役割分担の具体的な内容を',
      '          各事業の右に記載）',
      '',
      '    関            所管府省・部局名              事業番号       事業名                      これまでの高温超電導技術開発成果を活かし早期実用化を実現する',
      '    連                                                                      ため、技術開発を実施する。',
      '     関                                                                    これまでの高温超電導技術開発成果を活かし早期実用化を実現する',
      '     事                                             持続的な地域創生を推進する人材育   ○   ため、技術開発を実施する。',
      '     業    環境省地球環境局地球温暖化対策課                  0063   成拠点形成モデル事業',
    ].join('\n');
    expect(matchSelfCheck(contextOf(text, 'layout')).at(-1)!.explanation).toBe('これまでの高温超電導技術開発成果を活かし早期実用化を実現するため、技術開発を実施する。');
  });
  it('finds the 関連事業 mark and explanation on the related projects\' rows in layout text, apart from the names', () => {
    const text = [
      '          関連する事業がある場合、他部局・他府省等と適切な役割分担を行っているか。（役割分担の具体的な内容を',
      '          各事業の右に記載）',
      '',
      '                       所管府省・部局名            事業番号          事業名',
      '     関                                                                    次世代自動車はCO2排出量が少ないクリーンな自動車としてだけでなく、災害による',
      '     連                                                                    停電等の発生時において、動く蓄電池として搭載された蓄電池を活用した',
      '     事                                            親日派・知日派育成のための交流拡    ○   電力供給が可能である。',
      '     業    外務省外務報道官・広報・文化組織対日理解促進交流室        0205   充拠出金 (対日理解促進交流プログ',
      '                                                  ラム)',
    ].join('\n');
    const ctx = contextOf(text, 'layout');
    const related = matchRelatedProjects(ctx);
    expect(related).toEqual([{ owner: '外務省外務報道官・広報・文化組織対日理解促進交流室', projectNumber: '0205', name: '親日派・知日派育成のための交流拡充拠出金(対日理解促進交流プログラム)' }]);
    const last = matchSelfCheck(ctx).at(-1)!;
    expect(last.mark).toBe('○');
    expect(last.explanation?.replace(/\s/g, '')).toBe('次世代自動車はCO2排出量が少ないクリーンな自動車としてだけでなく、災害による停電等の発生時において、動く蓄電池として搭載された蓄電池を活用した電力供給が可能である。');
  });
});

describe('expenses', () => {
  it('reads a block whose items add up to its 計', () => {
    const ctx = contextOf(paragraphs('A.富士ソフト（株）', '費　目', '使　途', '金　額\n(百万円）', '人件費', '研究員の人件費', '13.3', 'その他', '通信運搬費', '3.1', '計', '16.4'));
    const [a] = matchExpenses(ctx, []);
    expect(a).toMatchObject({ block: 'A', recipient: '富士ソフト（株）', total: 16.4 });
    expect(a!.items.map((i) => i.amount)).toEqual([13.3, 3.1]);
  });
  it('keeps the one space a header\'s name prints between its words (`C.SONESTA HOTEL BOGOTA`, `B.㈱　電通`), not the gap between two headers', () => {
    const ctx = contextOf(paragraphs('A.SONESTA HOTEL BOGOTA    B.㈱　電通', '費　目', '使　途', '金　額\n(百万円）', '人件費', '職員給与', '0.1', '計', '0.1'));
    expect(matchExpenses(ctx, []).map((b) => b.recipient)).toEqual(['SONESTA HOTEL BOGOTA', '㈱　電通']);
  });
  it('passes over a fund-flow arrow word (再委託) that pdftotext printed amid a band\'s cells', () => {
    // A band of two blocks printed row by row, A's rows and B's mixed.
    const ctx = contextOf(paragraphs('A.（公財）新国立劇場運営財団', '費', '再委託', 'B.（公財）新国立劇場運営財団', '目', '使', '途', '金 額\n(百万円）', '費', '目', '使',
      '外注費', 'データ入力業務', '964.1 旅費', '現地調査に係る旅費', 'その他', '消費税等', '771.4 事業費', '普及啓発費', '一般管理費', '事務経費', '1,246.5 人件費', '職員給与',
      '計', '2,982', '91', '125.4', '99.6', '計', '316', '支出先上位１０者リスト'), 'pdftotext');
    expect(matchExpenses(ctx, []).map((b) => [b.block, b.items.map((i) => i.purpose)])).toEqual([
      ['A', ['データ入力業務', '消費税等', '事務経費']], ['B', ['現地調査に係る旅費', '普及啓発費', '職員給与']],
    ]);
  });
  it('takes no sentence after a letter (a review opinion `B.退院後…を行う`) for a block\'s header', () => {
    const ctx = contextOf(paragraphs('B.退院後生活環境相談員の役割等に対する理解を深め、各都道府県における地域移行の推進を図るとともに、精神科病院の現場における安全な医療を提供するための研修を行う\nことにより、精神科医療の質の向上を図る。',
      '外部有識者の所見', '厚生労働省\n０百万円', 'A.富士ソフト（株）', '費　目', '使　途', '金　額\n(百万円）', '人件費', '研究員の人件費', '13.3', 'その他', '通信運搬費', '3.1', '計', '16.4', '支出先上位１０者リスト'), 'pdftotext');
    expect(matchExpenses(ctx, []).map((b) => b.block)).toEqual(['A']);
  });
  it('reads a lone block whose cells come in runs, by the 計 its amounts add up to', () => {
    const ctx = contextOf(paragraphs('A.（株）ケー・デー・シー', 'B.', '費　目', '使　途', '金　額(百万円）', '人件費', '研究員の人件費', '一般管理費', '事務経費',
      '計', '0.6', '1.4', '2', '計', '0', '支出先上位１０者リスト'));
    expect(matchExpenses(ctx, [])).toEqual([{ block: 'A', recipient: '（株）ケー・デー・シー', total: 2,
      items: [{ category: '人件費', purpose: '研究員の人件費', amount: 0.6 }, { category: '一般管理費', purpose: '事務経費', amount: 1.4 }] }]);
  });
  it('gives a 使途 that names a 費目 (…の人件費, …旅費) to that 費目\'s row where a band\'s texts are printed interleaved', () => {
    // A band of two blocks that pdftotext printed row by row, A's texts and B's mixed.
    const ctx = contextOf(paragraphs('A.富士通（株）', '費\n目', '費目・使途\n（「資金の流れ」に\nおいてブロックご\nとに最大の金額 人件費\nが支出されている\n者について記載\nする。費目と使途\nの双方で実情が 一般管理費\n分かるように記\n載）',
      '外注費', 'B.（有）ｹﾝﾃｯｸ', '使\n途', '金 額\n(百万円）', '費', '職員給与', '5 人件費', '事務経費', '印刷製本', '計', '費目・使途欄についてさらに記載が必要な場合はチェックの上【別紙２】に記載',
      '目', '使', '途', '金 額\n(百万円）', '研究員の人件費', '0.1', '6.1 一般管理費', '事務経費', '0.1', '12.3 補助金', '補助事業者への交付', '0', '計', '23.4', '計', '0.2', '支出先上位１０者リスト'), 'pdftotext');
    expect(matchExpenses(ctx, []).map((b) => [b.block, b.items.map((i) => [i.category, i.purpose])])).toEqual([
      ['A', [['人件費', '職員給与'], ['一般管理費', '事務経費'], ['外注費', '印刷製本']]],
      ['B', [['人件費', '研究員の人件費'], ['一般管理費', '事務経費'], ['補助金', '補助事業者への交付']]],
    ]);
  });
  it('reads a block from the stream where the lines gave it a 計 that is not its recipient\'s amount and the stream gives that amount', () => {
    // A band's two blocks side by side: the lines read A's cells into B too; B's own amounts are printed after the note.
    const ctx = contextOf(paragraphs('A.甲学会', 'B.（研）乙研究所', '費　目', '使　途', '金　額\n(百万円）', '費　目', '使　途', '金　額\n(百万円）', '事業費', '資料作成費',
      '20 一般管理費', '管理部門経費', '計', '20', '計', '費目・使途欄についてさらに記載が必要な場合はチェックの上【別紙２】に記載', 'チェック', '2', '2', '支出先上位１０者リスト'), 'pdfminer');
    const recipient = (block: string, name: string, amount: number) => ({ block, rank: 1, name, corporateNumber: null, summary: null, amount, contractMethod: null, bidders: null, winningBidRate: null, reason: null });
    expect(matchExpenses(ctx, [recipient('A', '甲学会', 20), recipient('B', '（研）乙研究所', 2)]).map((b) => [b.block, b.total, b.items.map((i) => [i.category, i.purpose, i.amount])])).toEqual([
      ['A', 20, [['事業費', '資料作成費', 20]]], ['B', 2, [['一般管理費', '管理部門経費', 2]]],
    ]);
  });
  it('finds a block header pdftotext boxed among the lines of the section\'s note, or beside one', () => {
    const ctx = contextOf(paragraphs('A.甲社', '費\n目', '使\n途', '金 額\n(百万円）', '人件費', '職員給与', '12.5', '計', '12.5',
      '費目・使途\n（「資金の流れ」に\nする。費目と使途\nB.乙社\nの双方で実情が\n載）', '外注費', '印刷製本', '72', '計', '72',
      '（「資金の流れ」に\nする。費目と使途\nの双方で実情が C.丙社\n載）', '旅費', '調査旅費', '3', '計', '3', '支出先上位１０者リスト'), 'pdftotext');
    expect(matchExpenses(ctx, []).map((b) => [b.block, b.recipient, b.total, b.items.map((i) => i.purpose)])).toEqual([
      ['A', '甲社', 12.5, ['職員給与']], ['B', '乙社', 72, ['印刷製本']], ['C', '丙社', 3, ['調査旅費']],
    ]);
  });
  it('reads a block no run reaches from the 計 its recipient\'s amount gives, when one set of the amounts left over adds up to it', () => {
    // A's amounts 2 and 4 are printed on either side of B's run and of A's own 計.
    const ctx = contextOf(paragraphs('A.甲社', 'B.乙社', '費　目', '使　途', '金　額\n(百万円）', '人件費', '職員給与', '旅費', '調査旅費', 'その他', '消費税等',
      '2', '5', '計', '5', '計', '6', '4', '支出先上位１０者リスト'));
    const recipient = { block: 'A', rank: 1, name: '甲社', corporateNumber: null, summary: null, amount: 6, contractMethod: null, bidders: null, winningBidRate: null, reason: null };
    const [a, b] = matchExpenses(ctx, [recipient]);
    expect([a!.total, a!.items.map((i) => i.amount)]).toEqual([6, [2, 4]]);
    expect([b!.total, b!.items.map((i) => i.amount)]).toEqual([5, [5]]);
    // Without the recipient's amount nothing says which amounts are A's: they are left out.
    expect(matchExpenses(ctx, [])[0]!.items).toEqual([]);
    // Two sets of the left-over amounts add up to the 計 (2 + 4, 1 + 5): neither is taken.
    expect(runFromTotal([2, 1, 6, 4, 5], [], [6])).toBeNull();
    expect(runFromTotal([2, 6, 4], [], [6])).toEqual({ items: [2, 4], positions: [0, 2], total: 6, totalPosition: 1 });
  });
  it('reads equal small amounts printed row by row as runs of several items, not as pairs of one item and its own 計', () => {
    // Two blocks alternate 0.1s row by row (0.3 and 0.3 with a 0 item); a third's 0.5 has no 計 printed; a fourth is 0.1.
    const amounts = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3, 0, 0.3, 0.5, 0.1, 0.1];
    const found = decodeRuns(amounts, amounts.map(() => false), 4, 9, [0.3, 0.3, 0.1, 0.5]);
    expect(found!.runs.slice(0, 2).map((r) => [r.items, r.total])).toEqual([[[0.1, 0.1, 0.1], 0.3], [[0.1, 0.1, 0.1, 0], 0.3]]);
  });
  it('does not close a large item\'s run at its own amount with small amounts added (520 + 0.1 + 0.1 is not 計 520)', () => {
    // A's 520 and its 計 far apart; B and C between them; C's 0 0 0.1 and 計 0.1.
    const amounts = [520, 56.4, 66.9, 129.7, 253, 0, 0, 0.1, 0.1, 520];
    const found = decodeRuns(amounts, amounts.map(() => false), 3, 7, [520, 253, 0.1]);
    // Which run the zeros are in, the amounts cannot tell; the 0.1s are C's item and 計.
    const nonZero = found!.runs.map((r) => [r.items.filter((a) => a !== 0), r.total]);
    expect(nonZero).toEqual([[[520], 520], [[56.4, 66.9, 129.7], 253], [[0.1], 0.1]]);
  });
  it('gives a block the zero rows printed among another block\'s cells, where its texts say they are its rows', () => {
    // A and B row by row, A's 計 printed late; then D's rows, whose first three amounts are 0,
    // printed among C's 0.08 and its 計 while A's run is still open.
    const heads = ['費　目', '使　途', '金　額\n(百万円）'];
    const ctx = contextOf(paragraphs('A.甲社', 'B.乙社', ...heads, ...heads, 'その他', '消費税等', '0.1 補助金', '補助事業者への交付', '0.5', '旅費', '現地調査に係る旅費', '0.3', '計', '計', '0.5',
      'D.丁社', ...heads, '印刷製本', '計', '0.08 一般管理費', '管理部門経費', '0', '人件費', '研究員の人件費', '0', '外注費', 'データ入力業務', '0', '事業費', '会議開催費', '0.08', '0.4',
      'C.丙社', ...heads, '外注費', '0.07', '計', '0.07', '支出先上位１０者リスト'));
    const recipient = (block: string, name: string, amount: number) => ({ block, rank: 1, name, corporateNumber: null, summary: null, amount, contractMethod: null, bidders: null, winningBidRate: null, reason: null });
    const read = matchExpenses(ctx, [recipient('A', '甲社', 0.4), recipient('B', '乙社', 0.5), recipient('C', '丙社', 0.08), recipient('D', '丁社', 0.07)]);
    expect(read.filter((b) => b.block >= 'C').map((b) => [b.block, b.items.map((i) => [i.category, i.purpose, i.amount])])).toEqual([
      ['C', [['外注費', '印刷製本', 0.08]]],
      ['D', [['一般管理費', '管理部門経費', 0], ['人件費', '研究員の人件費', 0], ['外注費', 'データ入力業務', 0], ['事業費', '会議開催費', 0.07]]],
    ]);
  });
  it('reads a block again from the amount its recipient is given when its run closed at another sum (20.7 + 15.8 = 36.5, D\'s item)', () => {
    const heads = ['費　目', '使　途', '金　額\n(百万円）'];
    const ctx = contextOf(paragraphs('A.甲社', 'B.乙社', ...heads, ...heads, '人件費', '職員給与', '20.7', '事業費', '資料作成費', '56.3', '事業費', '普及啓発費', '3424', '計', '3424',
      'C.丙社', 'D.丁社', ...heads, ...heads, 'その他', '消費税等', '4.5', 'その他', '借料及び損料', '15.8', '補助金', '施設整備費補助', '12.7', '外注費', '印刷製本', '36.5',
      '事業費', '会議開催費', '15.7', '補助金', '補助事業者への交付', '43.7', '旅費', '現地調査に係る旅費', '21.1', '計', '54', '計', '77', '計', '96', '支出先上位１０者リスト'));
    const recipient = (block: string, name: string, amount: number) => ({ block, rank: 1, name, corporateNumber: null, summary: null, amount, contractMethod: null, bidders: null, winningBidRate: null, reason: null });
    const read = matchExpenses(ctx, [recipient('A', '甲社', 77), recipient('B', '乙社', 3424), recipient('C', '丙社', 54), recipient('D', '丁社', 96)]);
    expect(read.slice(0, 3).map((b) => [b.block, b.total, b.items.map((i) => i.amount)])).toEqual([['A', 77, [20.7, 56.3]], ['B', 3424, [3424]], ['C', 54, [4.5, 12.7, 15.7, 21.1]]]);
  });
  it('reads a text printed after a left block\'s amount on its line into the block to its right in the band', () => {
    // A's amounts 9 and 7 each carry B's 費目 on their line; C's texts come before them.
    const ctx = contextOf(paragraphs('A.甲社', 'B.乙社', '費　目', '使　途', '金　額\n(百万円）', '費　目', '使　途', '金　額\n(百万円）',
      '外注費', 'その他', 'データ入力業務', '消費税等', 'C.丙社', '費　目', '一般管理費', '事務経費',
      '9 旅費', '現地調査に係る旅費', '7 事業費', '普及啓発費', '16', '計', '2', '4', '6', '計', '5', '計', '5', '支出先上位１０者リスト'));
    expect(matchExpenses(ctx, []).map((b) => [b.block, b.items.map((i) => [i.category, i.purpose, i.amount])])).toEqual([
      ['A', [['外注費', 'データ入力業務', 9], ['その他', '消費税等', 7]]],
      ['B', [['旅費', '現地調査に係る旅費', 2], ['事業費', '普及啓発費', 4]]],
      ['C', [['一般管理費', '事務経費', 5]]],
    ]);
  });
  it('draws a text to the row of the amount printed after it, when the band\'s rows come with the right block\'s texts between', () => {
    // A's row 2 (人件費 調査員人件費) comes after B's row 1, just before A's second amount.
    const ctx = contextOf(paragraphs('A.甲社', 'B.乙社', '費　目', '使　途', '金　額\n(百万円）', '費　目', '使　途', '金　額\n(百万円）',
      'その他', '借料及び損料', '0.5 その他', '通信運搬費', '人件費', '調査員人件費', '0.5 補助金', '施設整備費補助', '計', '1', '計',
      '旅費', '調査旅費', '1.1', '1.3', '0.2', '2.6', '支出先上位１０者リスト'));
    expect(matchExpenses(ctx, []).map((b) => [b.block, b.items.map((i) => i.purpose)])).toEqual([
      ['A', ['借料及び損料', '調査員人件費']], ['B', ['通信運搬費', '施設整備費補助', '調査旅費']],
    ]);
  });
  it('takes no header whose letter runs far past the blocks\' (a policy heading Ⅹ． that NFKC made an X.)', () => {
    const ctx = contextOf(paragraphs('X.犯罪被害者等施策', '施策の進捗状況', 'A.甲社', 'B.乙社', '費　目', '使　途', '金　額\n(百万円）', '人件費', '旅費', '研究員の人件費', '調査旅費',
      '計', '0.1', '0.1', '0.2', '0.1', '0.1', '計', '支出先上位１０者リスト'));
    expect(matchExpenses(ctx, []).map((b) => [b.block, b.total, b.items.map((i) => i.purpose)])).toEqual([['A', 0.2, ['研究員の人件費', '調査旅費']], ['B', 0.1, [null]]]);
  });
  it('takes no header from a box another section read (the 政策 Ⅰ． that NFKC made an I.)', () => {
    // A letter within the blocks' run, so that only its being read already keeps it out.
    const ctx = contextOf(paragraphs('政策', 'C.科学技術・イノベーション政策', '施策', '８．社会保障の推進', '定性的指標', '27年度', '-', '目標', 'A.甲社', 'B.乙社', '費　目', '使　途', '金　額\n(百万円）', '人件費', '旅費', '研究員の人件費', '調査旅費',
      '計', '0.1', '0.1', '0.2', '0.1', '0.1', '計', '支出先上位１０者リスト'));
    ctx.use(ctx.tokens.find((t) => t.text.startsWith('C.'))!);
    expect(matchExpenses(ctx, []).map((b) => b.block)).toEqual(['A', 'B']);
  });
  it('takes a block\'s 計 from the amount its recipient is given, and leaves out items read to another 計', () => {
    const text = [
      line([4, 'A.甲社'], [40, 'B.乙社']),
      line([4, '費目'], [12, '使途'], [24, '金額(百万円）'], [40, '費目'], [48, '使途'], [60, '金額(百万円）']),
      line([4, '人件費'], [12, '職員給与'], [26, '5'], [40, '旅費'], [48, '調査旅費'], [62, '3']),
      line([4, '計'], [26, '5'], [40, '計'], [62, '3']),
      line([4, 'C.丙社']),
      line([4, '費目'], [12, '使途'], [24, '金額(百万円）']),
      '支出先上位１０者リスト', '',
    ].join('\n');
    const recipient = (block: string, name: string, amount: number) => ({ block, rank: 1, name, corporateNumber: null, summary: null, amount, contractMethod: null, bidders: null, winningBidRate: null, reason: null });
    const ctx = contextOf(text, 'layout');
    // A's 計 5 is not the 8 its recipient was paid: its one item was read from other cells.
    expect(matchExpenses(ctx, [recipient('A', '甲社', 8), recipient('B', '乙社', 3)], [{ block: 'C', name: '丙社', amount: 4, role: null }])
      .map((b) => [b.block, b.total, b.items.map((i) => i.amount)])).toEqual([['A', 8, []], ['B', 3, [3]], ['C', 4, []]]);
    expect(ctx.diagnostics.filter((d) => d.code === 'expenses-total-given').map((d) => [d.level, d.field])).toEqual([['warning', 'expenses[0].total'], ['info', 'expenses[2].total']]);
    // The fund flow and the recipients table disagree: nothing is taken from them.
    expect(matchExpenses(contextOf(text, 'layout'), [recipient('A', '甲社', 8)], [{ block: 'A', name: '甲社', amount: 9, role: null }])[0]).toMatchObject({ total: 5, items: [{ amount: 5 }] });
  });
  it('completes a header\'s name the extractor cut from the fund flow, and does not read its rest as a 使途', () => {
    const ctx = contextOf(paragraphs('A.（株）', '費\n目', '使\n途', '金 額\n(百万円）', 'リベルタス・コンサルティング', '事業費', '検討会運営費', '4.264',
      '計', '4.264', '支出先上位１０者リスト'), 'pdftotext');
    const [a] = matchExpenses(ctx, [], [{ block: 'A', name: '（株）　リベルタス・コンサルティング', amount: 4.264, role: null }]);
    expect(a).toEqual({ block: 'A', recipient: '（株）　リベルタス・コンサルティング', total: 4.264, items: [{ category: '事業費', purpose: '検討会運営費', amount: 4.264 }] });
  });
  it('reads two blocks whose cells come block by block, each amount run closed by its 計', () => {
    const ctx = contextOf(paragraphs('A.甲社', 'B.乙社', '費　目', '使　途', '金　額\n(百万円）', '人件費', '旅費', '研究員の人件費', '調査旅費',
      'その他', '消費税等', '計', '0.1', '0.1', '0.2', '0.1', '0.1', '計', '支出先上位１０者リスト'));
    const [a, b] = matchExpenses(ctx, []);
    expect(a).toEqual({ block: 'A', recipient: '甲社', total: 0.2, items: [{ category: '人件費', purpose: '研究員の人件費', amount: 0.1 }, { category: '旅費', purpose: '調査旅費', amount: 0.1 }] });
    expect(b).toEqual({ block: 'B', recipient: '乙社', total: 0.1, items: [{ category: 'その他', purpose: '消費税等', amount: 0.1 }] });
  });
  it('gives each amount run to the block whose fund-flow box has its 計, before a recipient amount misread', () => {
    const ctx = contextOf(paragraphs('A.甲社', 'B.乙社', '費　目', '使　途', '金　額\n(百万円）', '人件費', '研究員の人件費', '事業費', '会議開催費',
      'その他', '消費税等', '旅費', '調査旅費', '0.1', '0.1', '計', '0.2', '0.2', '0.3', '計', '0.5', '支出先上位１０者リスト'));
    const fundFlow = [{ block: 'A', name: '甲社', amount: 0.5, role: null }, { block: 'B', name: '乙社', amount: 0.2, role: null }];
    const misread = [{ block: 'A', rank: 1, name: '甲社', corporateNumber: null, summary: null, amount: 0.2, contractMethod: null, bidders: null, winningBidRate: null, reason: null }];
    const [a, b] = matchExpenses(ctx, misread, fundFlow);
    expect([a!.total, a!.items.map((i) => i.category)]).toEqual([0.5, ['人件費', '事業費']]);
    expect([b!.total, b!.items.map((i) => i.category)]).toEqual([0.2, ['その他', '旅費']]);
  });
  it('gives the amount run printed first to the block whose header is printed first, of blocks with one 計 (the texts still come in letter order)', () => {
    const ctx = contextOf(paragraphs('B.乙社', '費　目', '使　途', '金　額\n(百万円）', 'A.甲社', '費　目', '使　途', '金　額\n(百万円）', '人件費', '研究員の人件費', '外注費', 'システム開発',
      '一般管理費', '事務経費', '補助金', '補助事業者への交付', '人件費', '職員給与',
      '0.1', '0.4', '0.5', '計', '1', '0.6', '0.4', '計', '1', '支出先上位１０者リスト'));
    const fundFlow = [{ block: 'A', name: '甲社', amount: 1, role: null }, { block: 'B', name: '乙社', amount: 1, role: null }];
    const [a, b] = matchExpenses(ctx, [], fundFlow);
    expect(a!.items.map((i) => [i.category, i.amount])).toEqual([['人件費', 0.6], ['外注費', 0.4]]);
    expect(b!.items.map((i) => [i.category, i.amount])).toEqual([['一般管理費', 0.1], ['補助金', 0.4], ['人件費', 0.5]]);
  });
  it('finds a block whose header pdftotext printed in one box with the cells below it (C.name⏎費⏎事業費)', () => {
    const ctx = contextOf(paragraphs('A.甲社', 'B.乙社', '費　目', '使　途', '金　額\n(百万円）', '人件費', '研究員の人件費', '旅費', '調査旅費', '0.2', '0.3', '計', '0.2', '計', '0.3',
      'C.丙社\n費\n事業費', '目', '使', '検討会運営費', '途', '63', '計', '63', '支出先上位１０者リスト'), 'pdftotext');
    expect(matchExpenses(ctx, []).map((e) => [e.block, e.recipient, e.total, e.items.map((i) => [i.category, i.purpose, i.amount])])).toContainEqual(['C', '丙社', 63, [['事業費', '検討会運営費', 63]]]);
  });
  it('finds a block whose header pdftotext printed as the last line of the section note\'s box', () => {
    const ctx = contextOf(paragraphs('A.甲社', 'B.乙社', '費　目', '使　途', '金　額\n(百万円）', '人件費', '研究員の人件費', '旅費', '調査旅費', '0.2', '0.3', '計', '0.2', '計', '0.3',
      '（「資金の流れ」に\nおいてブロックご\nとに最大の金額\nG.丙局', '事業費', '検討会運営費', '63', '計', '63', '支出先上位１０者リスト'), 'pdftotext');
    expect(matchExpenses(ctx, []).map((e) => [e.block, e.recipient, e.total])).toContainEqual(['G', '丙局', 63]);
  });
  it('reads two blocks whose rows alternate, and splits a 費目 glued to its 使途', () => {
    const ctx = contextOf(paragraphs('A.甲社', '費', 'B.乙社', '目', '使', '途', '人件費', '職員給与', '3 旅費', '調査旅費', '1',
      '委託費調査業務', '2 事業費', '会議費用', '4', '計', '5', '計', '5', '支出先上位１０者リスト'));
    const [a, b] = matchExpenses(ctx, []);
    expect(a!.items).toEqual([{ category: '人件費', purpose: '職員給与', amount: 3 }, { category: '委託費', purpose: '調査業務', amount: 2 }]);
    expect(b!.items).toEqual([{ category: '旅費', purpose: '調査旅費', amount: 1 }, { category: '事業費', purpose: '会議費用', amount: 4 }]);
  });
  it('keeps a 費目 and the 使途 on its line in one row, and gives a text after an amount on its line to another block', () => {
    const ctx = contextOf(paragraphs('A.甲社', '23.1', '費　目', '使　途', 'その他 消費税等', '機器の脆弱性調査費', '10 その他', '人件費等', '委託費調査、検証、報告書作成等',
      '1.9', 'B.乙社', '金　額\n(百万円）', '98', '消費税等', '計 108 計 25', '支出先上位１０者リスト'));
    const fundFlow = [{ block: 'A', name: '甲社', amount: 108, role: null }, { block: 'B', name: '乙社', amount: 25, role: null }];
    const [a, b] = matchExpenses(ctx, [], fundFlow);
    const rows = (items: readonly { category: string | null; purpose: string | null }[]) => items.map((i) => `${i.category}/${i.purpose}`).sort();
    expect(rows(a!.items)).toEqual(['その他/消費税等', '委託費/調査、検証、報告書作成等']);
    // Which of B's rows is which the stream cannot tell: only that they are B's.
    expect(b!.items.map((i) => i.category).sort()).toEqual(['その他', '人件費等']);
  });
  it('gives a text printed after an amount on its line (`2 その他`) to the block beside that amount\'s', () => {
    const ctx = contextOf(paragraphs('A.甲社', 'B.乙社', '費　目', '使　途', '金　額\n(百万円）', '人件費', '職員給与', '2 その他', '消費税等', '旅費', '調査旅費',
      '3', '計 5', '4', '計 4', '支出先上位１０者リスト'));
    const [a, b] = matchExpenses(ctx, []);
    expect(a!.items.map((i) => [i.category, i.purpose, i.amount])).toEqual([['人件費', '職員給与', 2], ['旅費', '調査旅費', 3]]);
    expect(b!.items.map((i) => [i.category, i.purpose, i.amount])).toEqual([['その他', '消費税等', 4]]);
  });
  it('gives two blocks of the same 計 the runs their texts fit, when the 計 alone cannot tell which is whose', () => {
    // pdfminer's order: C's rows, E's columns, D's texts after C's amounts, then E's run before D's.
    const ctx = contextOf(paragraphs('C.丙社', 'D.丁社', '費　目', '使　途', '金　額\n(百万円）', '費　目', '外注費', 'データ入力業務', '一般管理費', '管理部門経費', 'その他', '消費税等',
      'E.戊局', '費　目', '人件費', '旅費', '外注費', '調査員人件費', '委員旅費', '翻訳業務', '計', '計', '使　途', '4.5 旅費', '1.6 外注費', '調査旅費', '翻訳業務', '3.9', '10',
      '0.1', '0.2', '0.2', '0.5', '0.3', '0.2', '0.5', '計', '支出先上位１０者リスト'), 'pdfminer');
    const fundFlow = [{ block: 'C', name: '丙社', amount: 10, role: null }, { block: 'D', name: '丁社', amount: 0.5, role: null }, { block: 'E', name: '戊局', amount: 0.5, role: null }];
    const rows = (items: readonly { category: string | null; purpose: string | null; amount: number | null }[]) => items.map((i) => `${i.category}/${i.purpose}/${i.amount}`);
    const [c, d, e] = matchExpenses(ctx, [], fundFlow);
    expect(rows(c!.items)).toEqual(['外注費/データ入力業務/4.5', '一般管理費/管理部門経費/1.6', 'その他/消費税等/3.9']);
    expect(rows(d!.items)).toEqual(['旅費/調査旅費/0.3', '外注費/翻訳業務/0.2']);
    expect(rows(e!.items)).toEqual(['人件費/調査員人件費/0.1', '旅費/委員旅費/0.2', '外注費/翻訳業務/0.2']);
  });
  it('deals a band\'s two interleaved runs as the texts read best when two ways add up to both 計 (0.1 0.3 0.1 0.2 and 0.5, or 0.2 0.5 and 0.1 0.3 0.1)', () => {
    const ctx = contextOf(paragraphs('A.甲社\n費', 'B.乙社', '目', '使', '途', '金 額\n(百万円）', '費', '補助金', '補助事業者への交付', '0.1 補助金', 'その他', '消費税等', '0.3', '旅費',
      '現地調査に係る旅費', '0.1', '外注費', 'システム開発', '0.2\n計', '途', '金 額\n(百万円）', '補助事業者への交付', '0.5', '計', '0.5', '0.7', '支出先上位１０者リスト'), 'pdftotext');
    const fundFlow = [{ block: 'A', name: '甲社', amount: 0.7, role: null }, { block: 'B', name: '乙社', amount: 0.5, role: null }];
    const [a, b] = matchExpenses(ctx, [], fundFlow);
    expect(a!.items.map((i) => i.amount)).toEqual([0.1, 0.3, 0.1, 0.2]);
    expect(b!.items.map((i) => [i.category, i.purpose, i.amount])).toEqual([['補助金', '補助事業者への交付', 0.5]]);
  });
  it('reads the texts printed after a block\'s own header into that block, where nothing else tells', () => {
    const ctx = contextOf(paragraphs('B.乙社', '費　目', '使　途', '一般管理費', '事務経費', 'A.甲社', '費　目', '使　途', '人件費', '職員給与', '金　額\n(百万円）',
      '7', '計', '7', '5', '計', '5', '支出先上位１０者リスト'), 'pdfminer');
    const fundFlow = [{ block: 'A', name: '甲社', amount: 7, role: null }, { block: 'B', name: '乙社', amount: 5, role: null }];
    const byBlock = Object.fromEntries(matchExpenses(ctx, [], fundFlow).map((e) => [e.block, e.items.map((i) => [i.category, i.purpose, i.amount])]));
    expect(byBlock).toEqual({ A: [['人件費', '職員給与', 7]], B: [['一般管理費', '事務経費', 5]] });
  });
  it('reads blocks printed two abreast row by row, and takes a missing amount from 計', () => {
    const ctx = contextOf(paragraphs('C.（株）ＫＤＤＩ研究所 D.(株）日立製作所', '費　目 使　途', '委託費 Ｍ２Ｍシステム調査等 20.4 人件費等 調査、会議運営、報告書作成等',
      '金　額\n(百万円）', 'その他 消費税等 1.6 その他 消費税等 1', '計 22 計 10'));
    const [c, d] = matchExpenses(ctx, []);
    expect(c!.items).toEqual([{ category: '委託費', purpose: 'Ｍ２Ｍシステム調査等', amount: 20.4 }, { category: 'その他', purpose: '消費税等', amount: 1.6 }]);
    expect(d).toMatchObject({ block: 'D', total: 10, items: [{ category: '人件費等', purpose: '調査、会議運営、報告書作成等', amount: 9 }, { category: 'その他', purpose: '消費税等', amount: 1 }] });
  });
});

describe('unit cost', () => {
  it('reads the pdfminer costs and formulas printed in turn after the year heads, up to the last year\'s formula or as far as the turns go', () => {
    const ctx = contextOf(paragraphs('単位当たり\nコスト', '算出根拠', '実証に係る費用／資料の収集・調査の成果', '単位', '百万円', '24年度', '25年度', '26年度',
      '50.5', '195／76', '52.9', '891／19', '47.9', '95.717／2', '16,500', '28,500', '12,000'), 'pdfminer');
    expect(matchUnitCost(ctx, 2015).values.map((v) => [v.value, v.formula])).toEqual([[50.5, '195／76'], [52.9, '891／19'], [47.9, '95.717／2']]);
    // Cut short by another table's cells: the first years in turn, the last found by its formula.
    const cut = contextOf(paragraphs('単位当たり\nコスト', '算出根拠', '事業に係る費用／招へい者数', '単位', '千円', '計算式', '百万円/人', '24年度', '25年度', '26年度',
      '368.2', '486／87', '348.5', '596／40', '5', '5', '4', '5', '400', '2／5', '27年度', '政策'), 'pdfminer');
    expect(matchUnitCost(cut, 2015).values.map((v) => [v.value, v.formula])).toEqual([[368.2, '486／87'], [348.5, '596／40'], [400, '2／5']]);
  });
  it('places fewer costs than years at the years whose heads are printed right before their unit', () => {
    const ctx = contextOf(paragraphs('単位当たり\nコスト', '補助に係る費用／計画数', '単位', '25年度', '26年度', '円', '3,656,959,352.9', '3,222,292,716.9', 'チェック', '算出根拠'), 'pdftotext');
    expect(matchUnitCost(ctx, 2016).values.map((v) => v.value)).toEqual([3656959352.9, 3222292716.9, null]);
  });
  it('reads a layout 算出根拠 over the lines of its cell above and below the label\'s own', () => {
    const text = [
      '           当該メニューに係る活動組織数',
      '                                                       当初見込み         組織数               90                85       100',
      '                               補助に係る費用／（～H27年度）',
      '単位当たり',
      ' コスト         算出根拠              ①地球環境保全',
      '                               当該メニューに係る活動組織',
      '',
      '                  単位                 25年度                        26年度                    27年度',
      '単位当たり',
      ' コスト',
      '                  円                                  -                      -                   2,543,299',
    ].join('\n');
    expect(matchUnitCost(contextOf(text, 'layout'), 2016).basis).toBe('補助に係る費用／（～H27年度）①地球環境保全当該メニューに係る活動組織');
  });
  it('takes the text that divides a cost (…費用／…) for the 算出根拠 over another text with a slash printed nearer the label', () => {
    const ctx = contextOf(paragraphs('単位当たり\nコスト', '補助に係る費用／社会資本総合整備計画数', '単位', '円', '算出根拠', '【補助率：１／２以内】水産加工業者等の取組を支援', '計算式', '百万円/計画数'), 'pdftotext');
    expect(matchUnitCost(ctx, 2016).basis).toBe('補助に係る費用／社会資本総合整備計画数');
  });
  it('takes the pdftotext cost row printed before the 計算式\'s unit and the formulas, away from its own unit', () => {
    const ctx = contextOf(paragraphs('単位当たり\nコスト', '算出根拠', '実証に係る費用／委託調査の実施件数', '単位', '計算式', '政策', '25年度', '17', '27年度', '11.7', '14.3', '13.2', '百万円/件', '711／22', '281／50', '159／12',
      '施策', '改革\n項目', '26年度', '百万円'), 'pdftotext');
    expect(matchUnitCost(ctx, 2016).values.map((v) => [v.value, v.formula])).toEqual([[11.7, '711／22'], [14.3, '281／50'], [13.2, '159／12']]);
  });
  it('reads the cost row run on into the formula row\'s dashes (百万円 - - 3 - - 12／4) as the costs, the last year\'s with its formula', () => {
    const ctx = contextOf(paragraphs('単位当たり\nコスト', '計算式', '25年度', '26年度', '百万円', '-', '-', '3', '-', '-', '12／4', '政策', '27年度', '百万円/件'), 'pdftotext');
    expect(matchUnitCost(ctx, 2016).values.map((v) => [v.value, v.formula])).toEqual([[null, null], [null, null], [3, '12／4']]);
  });
  it('splits the cost\'s unit from the 計算式\'s when pdftotext boxed one above the other (千円 ⏎ 百万円/回)', () => {
    const ctx = contextOf(paragraphs('単位当たり\nコスト', '算出根拠', '事業に係る費用／開催回数', '単位', '千円\n百万円/回', '計算式', '24年度', '25年度', '26年度', '1,500', '1,200', '900', '3／2', '3.6／3', '2.7／3'), 'pdftotext');
    const cost = matchUnitCost(ctx, 2015);
    expect([cost.unit, cost.formulaUnit]).toEqual(['千円', '百万円/回']);
  });
  it('takes the 算出根拠 by its form (a cost divided by something), past year heads and vertical headings, or far from its label', () => {
    const near = contextOf(paragraphs('算出根拠', '24年度', '単位円', '政\n策\n評\n価', '事業に係る費用／相談件数', '計算式 百万円/件'), 'pdftotext');
    expect(matchUnitCost(near, 2015).basis).toBe('事業に係る費用／相談件数');
    const far = contextOf(paragraphs('算出根拠', ...Array.from({ length: 45 }, (_, i) => `${i}`), 'IoT/M2Mセキュリティ対策', '実証に係る費用／調査・実証の課題件数'));
    expect(matchUnitCost(far, 2016).basis).toBe('実証に係る費用／調査・実証の課題件数');
  });
  it('reads each year\'s cost from a run where pdfminer prints it beside its formula, after the heads', () => {
    const ctx = contextOf(paragraphs('単位', '千円', '計算式', '百万円/回', '24年度', '25年度', '26年度', '4,372.8', '56／82', '4,216', '628／2', '5,250', '5.25／1', '政策'));
    expect(matchUnitCost(ctx, 2015).values).toEqual([
      { fiscalYear: 2012, value: 4372.8, formula: '56／82' },
      { fiscalYear: 2013, value: 4216, formula: '628／2' },
      { fiscalYear: 2014, value: 5250, formula: '5.25／1' },
    ]);
  });
  it('takes the three values printed right before the three formulas as the costs, in pdftotext', () => {
    const ctx = contextOf(paragraphs('単位', '円', '計算式', '百万円/件', '測\n定', '25年度', '26年度', '10,913,404.2', '10,237,538.9', '10,501,920', '380／12', '335／88', '21.004／2', '政策'), 'pdftotext');
    expect(matchUnitCost(ctx, 2015).values.map((v) => v.value)).toEqual([10913404.2, 10237538.9, 10501920]);
  });
  it('finds a cost printed apart by its formula in the cost\'s own unit (円 against 百万円/件)', () => {
    const ctx = contextOf(paragraphs('単位', '円', '計算式', '百万円/件', '24年度', '25年度', '26年度', '政策', 'Ⅰ．観光立国の推進', '-', '-', '13,752,187', '-', '-', '9,434／686'), 'pdftotext');
    expect(matchUnitCost(ctx, 2015).values[2]).toEqual({ fiscalYear: 2014, value: 13752187, formula: '9,434／686' });
  });
  it('finds the cost whose value equals its formula', () => {
    const ctx = contextOf(paragraphs('算出根拠', '実証に係る費用／課題件数', '計算式 百万円/件', '118／4-', '百万円', '- - 29.5'));
    const u = matchUnitCost(ctx, 2016);
    expect(u).toMatchObject({ basis: '実証に係る費用／課題件数', unit: '百万円', formulaUnit: '百万円/件' });
    expect(u.values[2]).toEqual({ fiscalYear: 2015, value: 29.5, formula: '118／4' });
  });
  it('takes the unit whose row agrees with the 計算式, not an outcome row\'s money unit printed earlier (億円 4,497 5,505 6,117)', () => {
    const ctx = contextOf(paragraphs('成果実\n績', '億円', '4,497', '5,505', '6,117', '-', '目標値', '単位当たり\nコスト', '算出根拠', '24年度', '百万円', '計算式', '百万円/件',
      '25年度', '26年度', '97.9', '104.6', '111.3', '616／3', '887／39', '668／6', '政策'), 'pdftotext');
    const u = matchUnitCost(ctx, 2015);
    expect(u.unit).toBe('百万円');
    expect(u.values.map((v) => v.value)).toEqual([97.9, 104.6, 111.3]);
    // Neither row equals its formulas: the one printed next to them.
    const apart = contextOf(paragraphs('成果実\n績', '億円', '4,497', '5,505', '6,117', '-', '目標値', '単位当たり\nコスト', '算出根拠', '百万円', '97.9', '104.6', '111.3',
      '計算式', '百万円/件', '616／3', '887／39', '668／5', '政策'), 'pdftotext');
    expect(matchUnitCost(apart, 2015).values.map((v) => v.value)).toEqual([97.9, 104.6, 111.3]);
  });
  it('takes the unit in which a cost is its formula\'s quotient (1,000 千円 for 224／224 百万円), not a 百万円 whose row runs into that cost', () => {
    const ctx = contextOf(paragraphs('単位', '24年度', '25年度', '26年度', '活動実績', '百万円', '251', '217', '224', '当初見込み', '百万円', '251', '218', '224', '25年度\n-',
      '-', '1,000', '百万円/百万円', '-', '-', '224／224', '測\n定', '千円', '政策'), 'pdftotext');
    expect(matchUnitCost(ctx, 2015).unit).toBe('千円');
  });
  it('reads pdfminer\'s costs and formulas in turn past the 算出根拠 and its text printed before the year heads, under the unit whose row holds a formula\'s quotient', () => {
    // An outcome's 億円 printed earlier heads no costs; one of these costs is its formula's quotient (668／6).
    const ctx = contextOf(paragraphs('成果実績', '億円', '目標値', '単位当たり\nコスト', '単位', '百万円', '計算式', '百万円/件', '算出根拠', '事業に係る費用／取組件数', '（国内での検討会や海外',
      '24年度', '25年度', '26年度', '97.9', '616／3', '104.6', '887／39', '111.3', '668／6', '政策'), 'pdfminer');
    expect(matchUnitCost(ctx, 2015).values.map((v) => v.value)).toEqual([97.9, 104.6, 111.3]);
  });
  it('reads the costs past the year headers and gives a formula printed apart the year whose cost it equals', () => {
    const ctx = contextOf(paragraphs('単位当たり\nコスト', '単位', '円', '24年度', '25年度', '26年度', '10,913,404.2', '10,237,538.9', '10,501,920',
      '21.004／2', '計算式', '百万円/件', '380／12', '335／88'));
    const u = matchUnitCost(ctx, 2015);
    expect(u.values.map((v) => [v.value, v.formula])).toEqual([[10913404.2, '380／12'], [10237538.9, '335／88'], [10501920, '21.004／2']]);
  });
});

describe('review', () => {
  it('reads opinions after their labels and the verdict beside them', () => {
    const ctx = contextOf(paragraphs('外部有識者の所見', '外部有識者点検対象外', '行政事業レビュー推進チームの所見', '現\n状\n通\nり', '引き続き実施する。'));
    expect(matchReview(ctx)).toMatchObject({ externalOpinion: '外部有識者点検対象外', reviewTeamOpinion: '引き続き実施する。', reviewTeamVerdict: '現状通り' });
  });
  it('leaves an empty cell empty when the next label follows it, and reads labels printed together in order', () => {
    const empty = contextOf(paragraphs('外部有識者の所見', '行政事業レビュー推進チームの所見', '引き続き実施する。', '所見を踏まえた改善点', '事業を着実に実施する。'));
    expect(matchReview(empty)).toMatchObject({ externalOpinion: null, reviewTeamOpinion: '引き続き実施する。', reflection: '事業を着実に実施する。' });
    const together = contextOf(paragraphs('外部有識者の所見', '行政事業レビュー推進チームの所見', '外部有識者点検対象外', '引き続き実施する。'));
    expect(matchReview(together)).toMatchObject({ externalOpinion: '外部有識者点検対象外', reviewTeamOpinion: '引き続き実施する。' });
  });
  it('takes the text printed before a label whose cell after it is empty, as its own box or as the last paragraph of the box before', () => {
    const tail = ['外部有識者の所見', '行政事業レビュー推進チームの\n所見', '現\n状\n通\nり', '引き続き実施する。'];
    const apart = contextOf(paragraphs('改善の\n方向性', '分担金の支払いに充てるものである。', '造船部会では、新しい国際規律の策定について議論が開始されている。', ...tail), 'pdftotext');
    expect(matchReview(apart)).toMatchObject({ improvementDirection: '分担金の支払いに充てるものである。', externalOpinion: '造船部会では、新しい国際規律の策定について議論が開始されている。' });
    const boxed = contextOf(paragraphs('改善の\n方向性', '当該予算は、割り当てられた分担金の支払いに充てるものである。本件事業に\nより推進していくことが可能となる。\n造船部会では、主な取組として、公正な競争条件を歪めるような不当な公\n的助成等の抑止について議論が開始されている。', ...tail), 'pdftotext');
    expect(matchReview(boxed)).toMatchObject({
      improvementDirection: '当該予算は、割り当てられた分担金の支払いに充てるものである。本件事業により推進していくことが可能となる。',
      externalOpinion: '造船部会では、主な取組として、公正な競争条件を歪めるような不当な公的助成等の抑止について議論が開始されている。',
      reviewTeamOpinion: '引き続き実施する。',
    });
    // The 改善の方向性's own text before its label, the 外部有識者の所見 label right after it.
    const direction = contextOf(paragraphs('点検結果', '中期目標の更新・前進を行う。', '北極に関する国際的な議論の動向を把握するために，\nセミナーを開催する。', '改善の\n方向性', '外部有識者の所見', '-',
      ...tail.slice(1)), 'pdftotext');
    expect(matchReview(direction)).toMatchObject({ checkResult: '中期目標の更新・前進を行う。', improvementDirection: '北極に関する国際的な議論の動向を把握するために，セミナーを開催する。', externalOpinion: null });
  });
  it('gives a lone verdict printed after the 改善点 label to it, not to the team whose opinion came before', () => {
    const ctx = contextOf(paragraphs('外部有識者の所見', '-', '行政事業レビュー推進チームの\n所見', '投資者の投資判断に必要な情報を提供する。', '所見を踏まえた改善点/概算要求に\nおける反映',
      '縮\n減', 'インスペクションを実施し、保険に加入させる。', '備考'));
    expect(matchReview(ctx)).toMatchObject({ reviewTeamVerdict: null, reflectionVerdict: '縮減' });
  });
  it('cuts a vertical verdict off the end of the opinion box above it, and gives a lone verdict printed before the 改善点 label to the 改善点', () => {
    const ctx = contextOf(paragraphs('行政事業レビュー推進チームの\n所見', '大臣表彰状の印刷・舞台設営等を実施。\n現\n状\n通\nり', '所見を踏まえた改善点/概算要求に\nおける反映状況', '算定基準の見直しの基礎資料とする。', '備考'), 'pdftotext');
    expect(matchReview(ctx)).toMatchObject({ reviewTeamOpinion: '大臣表彰状の印刷・舞台設営等を実施。', reviewTeamVerdict: null, reflection: '算定基準の見直しの基礎資料とする。', reflectionVerdict: '現状通り' });
  });
  it('gives a lone verdict printed before the team\'s label to the 改善点, which every sheet has', () => {
    const ctx = contextOf(paragraphs('現\n状\n通\nり', '行政事業レビュー推進チームの\n所見', '大臣表彰状の印刷・舞台設営等を実施。', '所見を踏まえた改善点/概算要求に\nおける反映状況', '算定基準の見直しの基礎資料とする。', '備考'), 'pdfminer');
    expect(matchReview(ctx)).toMatchObject({ reviewTeamVerdict: null, reflectionVerdict: '現状通り' });
  });
  it('takes a dash printed before the texts after a group of labels for the first label\'s empty cell', () => {
    const ctx = contextOf(paragraphs('行政事業レビュー推進チームの\n所見', '所見を踏まえた改善点/概算要求に\nおける反映状況', '備考', '事\n業\n内\n容\nの\n一\n部\n改\n善', '現\n状\n通\nり',
      '-', '水銀に関する水俣条約の的確な実施のため、改正大気汚染防止法の着実な運用を図る。', '平成22年度', '-'), 'pdfminer');
    expect(matchReview(ctx)).toMatchObject({ reviewTeamOpinion: null, reflection: '水銀に関する水俣条約の的確な実施のため、改正大気汚染防止法の着実な運用を図る。', remarks: null });
  });
  it('reads a group of labels with the verdicts printed amid them, before 備考', () => {
    const ctx = contextOf(paragraphs('行政事業レビュー推進チームの\n所見', '所見を踏まえた改善点/概算要求に\nおける反映状況', '廃\n止', '現\n状\n通\nり', '備考', '平成21年度', '-',
      '総じて日本国旅券発給のための足腰予算である。', '国の職員が職務を行う際の賠償金等を支払う。', '関連する過去のレビューシートの事業番号'));
    expect(matchReview(ctx)).toMatchObject({ reviewTeamOpinion: '総じて日本国旅券発給のための足腰予算である。', reflection: '国の職員が職務を行う際の賠償金等を支払う。', remarks: null });
  });
  it('reads labels printed together, then verdicts and year cells, then fewer texts than labels: 備考 is the empty one', () => {
    const ctx = contextOf(paragraphs('行政事業レビュー推進チームの\n所見', '所見を踏まえた改善点/概算要求に\nおける反映状況', '備考', '現\n状\n通\nり', '現\n状\n通\nり',
      '平成21年度', '-', '平成24年度', '-', '消防団の広域応援を支援する。', '内外の金融秩序の混乱に備える。', '関連する過去のレビューシートの事業番号'));
    expect(matchReview(ctx)).toMatchObject({ reviewTeamOpinion: '消防団の広域応援を支援する。', reviewTeamVerdict: '現状通り', reflection: '内外の金融秩序の混乱に備える。', reflectionVerdict: '現状通り', remarks: null });
  });
  it('gives the one text after a group of the team\'s, the 改善点\'s and the 備考 labels to the 改善点, which every sheet fills', () => {
    const ctx = contextOf(paragraphs('行政事業レビュー推進チームの\n所見', '所見を踏まえた改善点/概算要求に\nおける反映状況', '備考', '平成22年度', '-', '平成25年度', '-', '-',
      '警察本部の耐震化を進める。', '関連する過去のレビューシートの事業番号'));
    expect(matchReview(ctx)).toMatchObject({ reviewTeamOpinion: null, reflection: '警察本部の耐震化を進める。', remarks: null });
  });
  it('gives the two texts after the 点検結果, 改善の方向性 and 外部有識者の所見 labels to the first two, which every sheet fills: the outside opinion is the empty one', () => {
    const ctx = contextOf(paragraphs('点検結果', '改善の\n方向性', '外部有識者の所見', '障害者の芸術の振興のための鑑賞活動への支援を行っている。', '療養費制度については、適正化に向けた検討を行う。',
      '事\n業\n内\n容\nの\n一\n部\n改\n善', '行政事業レビュー推進チームの\n所見'), 'pdfminer');
    expect(matchReview(ctx)).toMatchObject({ checkResult: '障害者の芸術の振興のための鑑賞活動への支援を行っている。', improvementDirection: '療養費制度については、適正化に向けた検討を行う。', externalOpinion: null });
  });
  it('reads a group of labels printed out of the template\'s order by position, not as the template\'s cells in turn (the text after the team\'s label is the team\'s)', () => {
    const ctx = contextOf(paragraphs('平成27年度をもって事業終了。', '備考', '所見を踏まえた改善点/概算要求における反映状況', '行政事業レビュー推進チームの所見', '本事業は平成27年度で終了。', '平成22年度'), 'pdfminer');
    expect(matchReview(ctx)).toMatchObject({ reviewTeamOpinion: '本事業は平成27年度で終了。' });
  });
  it('takes for this project\'s past sheets the new-project numbers near their title but not a related project\'s, printed just before it', () => {
    const ctx = contextOf(paragraphs('所管府省・部局名', '事業番号', '事業名', '外務省国際協力局地球環境課', '新27-\n0041', '生物多様性条約名古屋議定書（義務的拠出金）', '点検結果',
      '関連する過去のレビューシートの事業番号', '平成25年度', '新25-0012', '平成26年度', '-'), 'pdfminer');
    const related = [{ owner: '外務省国際協力局地球環境課', projectNumber: '新27-0041', name: '生物多様性条約名古屋議定書（義務的拠出金）' }];
    expect(matchPastProjectNumbers(ctx, related)).toEqual([{ reviewYear: 2013, projectNumber: '新25-0012' }]);
  });
  it('takes the text after a dash 備考 as the 反映状況, and leaves 備考 empty', () => {
    const ctx = contextOf(paragraphs('行政事業レビュー推進チームの\n所見', '所見を踏まえた改善点/概算要求に\nおける反映状況', '廃\n止', '執\n行\n等\n改\n善', '備考', '-',
      'JSCが行うスポーツ施設の整備事業に必要な工事費を補助する。', '平成21年度'), 'pdfminer');
    expect(matchReview(ctx)).toMatchObject({ reflection: 'JSCが行うスポーツ施設の整備事業に必要な工事費を補助する。', remarks: null });
  });
  it('passes over the past sheets\' year cells printed beside a label', () => {
    const ctx = contextOf(paragraphs('行政事業レビュー推進チームの所見', '平成21年度', '平成22年度', '引き続き実施する。'));
    expect(matchReview(ctx).reviewTeamOpinion).toBe('引き続き実施する。');
  });
  it('joins a layout opinion that its own label\'s lines broke, but not the next label\'s text', () => {
    const text = [
      '行政事業レビュー推進チームの         廃   本調査は、子供の実態及び経年変化の状況を調査する。',
      '      所見               止   式により行う。',
      '',
      '',
      '                       執',
      '                       行   審査官が、国際調査報告を作成する際に、調査手数料の一部を出願',
      '所見を踏まえた改善点/概算要求に',
      '    おける反映状況            等',
      '                       改   人に返還する。',
      '                       善',
      '',
      '      備考                  事業の終了に伴い廃止する。',
    ].join('\n');
    expect(matchReview(contextOf(`${text}\n`, 'layout'))).toMatchObject({ reflection: '審査官が、国際調査報告を作成する際に、調査手数料の一部を出願人に返還する。', remarks: '事業の終了に伴い廃止する。' });
  });
  it('takes a layout text that starts lines above its label and runs down past it (a tall cell, centred) for the label\'s', () => {
    const text = [
      '                   また、タイムライン作成に際し、被害や影響が最小となるよう、',
      '                   水供給の全体システムでの対応についても検討する。上水道施設の',
      '         点検結果      エネルギーロスの詳細な調査・推計を行うとともに、',
      '                   全国の水道事業者への展開を図る。', '',
    ].join('\n');
    expect(matchReview(contextOf(text, 'layout')).checkResult).toBe('また、タイムライン作成に際し、被害や影響が最小となるよう、水供給の全体システムでの対応についても検討する。上水道施設のエネルギーロスの詳細な調査・推計を行うとともに、全国の水道事業者への展開を図る。');
  });
  it('takes the whole line of a layout text that a wide space cut into boxes, up to the next label', () => {
    const text = [
      '  外部有識者の所見         〔補助率     定額・1／2〕   また、遺伝子レベルでの評価手法の開発を行う。', '',
      '         備考        事業の終了に伴い廃止する。', '',
    ].join('\n');
    expect(matchReview(contextOf(text, 'layout'))).toMatchObject({ externalOpinion: '〔補助率定額・1／2〕また、遺伝子レベルでの評価手法の開発を行う。', remarks: '事業の終了に伴い廃止する。' });
  });
  it('takes the line of a layout text printed below its label\'s two lines and the verdict\'s letter between them', () => {
    const text = [
      '                       執',
      '                       行   本予算は、社会経済システムの再構築に向けた産学官労金の取組を統合し、これらの課題解決に向',
      '所見を踏まえた改善点/概算要求に',
      '                       等',
      '    おける反映状況',
      '                       改   きを我が国全体で加速度的に推進することを目的とする。',
      '                       善', '', '', '',
      '         備考', '',
    ].join('\n');
    expect(matchReview(contextOf(text, 'layout')).reflection).toBe('本予算は、社会経済システムの再構築に向けた産学官労金の取組を統合し、これらの課題解決に向きを我が国全体で加速度的に推進することを目的とする。');
  });
  it('takes the pieces a wide space cut off any line of a layout text of several lines, each after its line', () => {
    const text = [
      '行政事業レビュー推進チームの         資源開発を促進させる。②   品質・衛生管理の強化等を図る卸売市場施設、',
      '      所見               産地での共同配送の整備を支援。', '',
    ].join('\n');
    expect(matchReview(contextOf(text, 'layout')).reviewTeamOpinion).toBe('資源開発を促進させる。②品質・衛生管理の強化等を図る卸売市場施設、産地での共同配送の整備を支援。');
  });
  it('takes no piece of a vertical verdict (抜本的な改善 of 事業全体の抜本的な改善) for the opinion beside it', () => {
    const text = [
      '                       事', '                       業', '                       全', '                       体', '                       の',
      '行政事業レビュー推進チームの             郵便業務の実施体制の整備を図ることを',
      '      所見               抜   目的とする。',
      '                       本', '                       的', '                       な', '                       改', '                       善', '',
    ].join('\n');
    expect(matchReview(contextOf(text, 'layout'))).toMatchObject({ reviewTeamOpinion: '郵便業務の実施体制の整備を図ることを目的とする。', reviewTeamVerdict: '事業全体の抜本的な改善' });
  });
  it('gives each layout label the vertical verdict nearest it, and the 改善点 a lone verdict first', () => {
    const both = [
      '行政事業レビュー推進チームの         廃   上記目的を達成するため、以下のような事業を実施。',
      '      所見               止   た調査結果を分析する。',
      '',
      '',
      '',
      '                       執',
      '                       行',
      '所見を踏まえた改善点/概算要求に',
      '    おける反映状況            等   ①ハンセン病療養所退所者給与金',
      '                       改',
      '                       善',
    ].join('\n');
    const review = matchReview(contextOf(both, 'layout'));
    expect([review.reviewTeamVerdict, review.reflectionVerdict]).toEqual(['廃止', '執行等改善']);
    const lone = [
      '行政事業レビュー推進チームの             上記目的を達成するため、以下のような事業を実施。',
      '      所見                   た調査結果を分析する。',
      '                       縮',
      '所見を踏まえた改善点/概算要求に',
      '    おける反映状況            減   ①ハンセン病療養所退所者給与金',
    ].join('\n');
    const alone = matchReview(contextOf(lone, 'layout'));
    expect([alone.reviewTeamVerdict, alone.reflectionVerdict]).toEqual([null, '縮減']);
  });
  it('reads layout opinions row by row, a dash as nothing written, and a vertical verdict broken by its label', () => {
    const text = [
      '         点検結果      シップリサイクル法に基づく船舶の環境上適正な再資源化解体を促進するため、事業者への周知や国際動向の調査等を行う。',
      '',
      '          改善の      連絡協議会を運営するために必要な、諸謝金、旅費、庁費を支払う。なお、今年度においては、フィジビリティスタディとして、',
      '          方向性      説の構築・検証までを事業対象とする。',
      '',
      '  外部有識者の所見         －',
      '                       事',
      '                       業',
      '                       全',
      '                       体',
      '                       の   保存修理・活用整備により集客施設として生まれ変わった国宝・重要文化財（歴史的建造物等）や史跡等で開催される、往時を',
      '行政事業レビュー推進チームの         抜   ・民俗芸能の公演、コンサート等の実施を支援する。',
      '      所見',
      '                       本   いる。',
      '                       的',
      '                       な',
      '                       改',
      '                       善',
    ].join('\n');
    const review = matchReview(contextOf(text, 'layout'));
    expect(review.checkResult).toBe('シップリサイクル法に基づく船舶の環境上適正な再資源化解体を促進するため、事業者への周知や国際動向の調査等を行う。');
    expect(review.improvementDirection?.startsWith('連絡協議会を運営する')).toBe(true);
    expect(review.externalOpinion).toBeNull();
    expect(review.reviewTeamVerdict).toBe('事業全体の抜本的な改善');
  });
});

describe('outcomes', () => {
  it('keeps a list mark with its item in a layout goal (ア 環境・生態系保全), not as two columns', () => {
    const text = [
      '                  定量的な成果目標                    成果指標               単位             25年度            26年度          27年度',
      '',
      '                                                               成果実',
      '           （H28年度～）                                             績     ％                 -            17.1         14.3',
      '           ア 環境・生態系保全',
      '                               対象水域での生物量の増加割合',
      '           平成32年度までの5年間で対象水域での （15%/年）',
      '           生物量の20%の増加                                 目標値                     ％                 -                15          15',
      '',
      '                                                               達成度    ％                 -            114          95.3',
    ].join('\n');
    const [outcome] = matchOutcomes(contextOf(text, 'layout'), 2016);
    expect(outcome).toMatchObject({ goal: '（H28年度～）ア 環境・生態系保全平成32年度までの5年間で対象水域での生物量の20%の増加', indicator: '対象水域での生物量の増加割合（15%/年）' });
  });
  it('reads goal and indicator beside their rows in layout text, a year and a value inside the goal', () => {
    const text = [
      '                   定量的な成果目標                     成果指標                 単位            24年度         25年度             26年度',
      '',
      '                                                                   成果実',
      '                                                      績                   ％             65.1           77.5          81.1',
      '                                放送媒体の成果指標として、主要',
      '            過去3年度の平均値を基準値として、基準 媒体であるテレビCMの理解度を',
      '            値以上。                測定指標として設定。',
      '            平成26年度 78.5％        テレビCMカルテ調査（ﾋﾞﾃﾞｵﾘｻｰﾁ 目標値                  ％                -                -        78.5',
      '                                社）利用。',
      '成果目標及び成',
      '   果実績                                                             達成度    ％                -                -       103.3',
    ].join('\n');
    const [outcome] = matchOutcomes(contextOf(text, 'layout'), 2015);
    expect(outcome).toMatchObject({
      goal: '過去3年度の平均値を基準値として、基準値以上。平成26年度 78.5％',
      indicator: '放送媒体の成果指標として、主要媒体であるテレビCMの理解度を測定指標として設定。テレビCMカルテ調査（ﾋﾞﾃﾞｵﾘｻｰﾁ社）利用。',
    });
    expect(outcome!.values[2]).toMatchObject({ actual: 81.1, target: 78.5, achievementRate: 103.3 });
  });
});

describe('outcomes in -layout text', () => {
  // 2015_文部科学省_0433's table: the heads, its first row and the goal's and indicator's first lines.
  const unescoTop = [
    '                   定量的な成果目標                      成果指標                  単位            24年度           25年度        26年度',
    '',
    '                                                                     成果実',
    '                               招へい者に対する本事業の成果    績                          人               4              4           5                -',
    '            日本の活動の理解を深めた招へい者を  に関する評価結果を分析し、本事',
    '成果目標及び成 100%とする。',
  ];
  it('reads a 目標値 row whose cells stand a line or two above its label, printed at the foot of a tall text cell, but not past another row\'s label', () => {
    // 2015_文部科学省_0433: the label ends the indicator's fourth line; its cells stand on the third.
    const text = [
      ...unescoTop,
      '                               （事業の各プログラムに対する４                              人               4              4           5                -',
      '            が国のユネスコ活動の理解促進を図って 段階評価（A～D）を平均し、B以 目標値',
      '                                                                     達成度    ％             100           100         100                 -',
      '',
      '                                                                     成果実',
      '                               来場者の数                             績                   人               -              -           9                -',
      '                                                                     目標値',
    ].join('\n');
    const outcomes = matchOutcomes(contextOf(text, 'layout'), 2015);
    expect(outcomes[0]!.values.map((v) => v.target)).toEqual([4, 4, 5]);
    // The second outcome's 目標値 has no cells: the line above is its 成果実績 row, past that row's label.
    expect(outcomes[1]!.values.map((v) => v.target)).toEqual([null, null, null]);
  });
  it('keeps a goal line that starts at the goal\'s column in the goal, though a label\'s remainder starts a line left of it', () => {
    const text = [
      ...unescoTop,
      '            が国のユネスコ活動の理解促進を図って 段階評価（A～D）を平均し、B以 目標値',
      '            いく事業であるため目標最終年度は無い',
      '            が27年度の目標値を記載している。  上の評価を下した参加者数で判',
      '                               断）',
      '                                                                     達成度    ％             100           100         100                 -',
    ].join('\n');
    const [outcome] = matchOutcomes(contextOf(text, 'layout'), 2015);
    expect(outcome!.goal).toBe('日本の活動の理解を深めた招へい者を100%とする。が国のユネスコ活動の理解促進を図っていく事業であるため目標最終年度は無いが27年度の目標値を記載している。');
    expect(outcome!.indicator).toBe('招へい者に対する本事業の成果に関する評価結果を分析し、本事段階評価（A～D）を平均し、B以上の評価を下した参加者数で判断）');
  });
  it('leaves a unit wrapped around a row\'s label (累積件 ⏎ 目標値 ⏎ 数) out of the goal and indicator columns, which stop at the labels', () => {
    // 2015_文部科学省_0406: the note under the indicator (※24年度…) is the indicator's, not the goal's.
    const text = [
      '                   定量的な成果目標                    成果指標                 単位              24年度            25年度          26年度',
      '                                                                                                                                           年度',
      '',
      '                                                    成果実 累積件',
      '                                                     績   数                                  -           16,500        28,500                 -',
      '                                  65,000件に対する累積デジタル',
      '            これまでに資料館が受け入れた資料      化件数',
      '            65,000件について、活用に向けたデジタ                       累積件',
      '            ル化を実施する。                                目標値                                     -           12,000        24,000                 -',
      '                                  ※24年度は活動していない。         数',
      '',
      '                                                                  達成度     ％                 -            137.5         118.8                 -',
      '',
    ].join('\n');
    expect(matchOutcomes(contextOf(text, 'layout'), 2015).map((o) => [o.goal, o.indicator, o.unit])).toEqual([[
      'これまでに資料館が受け入れた資料65,000件について、活用に向けたデジタル化を実施する。', '65,000件に対する累積デジタル化件数※24年度は活動していない。', '累積件数',
    ]]);
  });
  it('reads goal and indicator lines opened by a list mark (`１    対象…`), a number left of the rows\' labels being the text\'s', () => {
    // 2015_防衛省_0014: the goal and the indicator are the same two items, wrapped at different widths.
    const text = [
      '                    定量的な成果目標                         成果指標                 単位            24年度           25年度         26年度',
      '                                                                                                                                            年度',
      '',
      '                                                                        成果実',
      '成果目標及び成                                                          績            部隊               26             26           26                 -',
      '   果実績                                         １ 対象２６部隊（高射部隊：２４、',
      '         １    対象２６部隊（高射部隊：２４、教育部',
      ' （アウトカム）',
      '            隊等２）の活動率１００％                       教育部隊等２）の活動率１００％',
      '                                               ２ ミサイル再保証を計画どおり 目標値            部隊               26             26           26                 -',
      '            ２ ミサイル再保証を計画どおり実施                  実施',
      '                                                                        達成度    ％               100           100        100                   -',
      '',
    ].join('\n');
    const both = '１ 対象２６部隊（高射部隊：２４、教育部隊等２）の活動率１００％２ ミサイル再保証を計画どおり実施';
    expect(matchOutcomes(contextOf(text, 'layout'), 2015).map((o) => [o.goal?.replace(/\s+/g, ' '), o.indicator?.replace(/\s+/g, ' ')])).toEqual([[both, both]]);
  });
});

describe('outcomes in stream text', () => {
  it('reports an outcome whose values were read but whose goal and indicator were not found', () => {
    const ctx = contextOf(paragraphs('成果実\n績', '件', '3', '5', '8', '目標値', '件', '4', '4', '8', '達成度', '％', '75', '125', '100'), 'pdfminer');
    const outcomes = matchOutcomes(ctx, 2016);
    expect(outcomes.map((o) => o.values.map((v) => v.actual))).toEqual([[3, 5, 8]]);
    expect(ctx.diagnostics.filter((d) => d.code === 'unplaced-field').map((d) => d.field)).toEqual(['outcomes[0].indicator', 'outcomes[0].goal']);
  });
  it('gives each outcome the triples whose 目標値 is its final target\'s (or a blank year\'s `- 12 -`), the one left the triples no other took, when pdfminer interleaved them', () => {
    const ctx = contextOf(paragraphs('成果実\n績', '人', '目標値', '人', '達成度', '％', '成果実\n績', '人', '目標値', '人', '46', '25', '184', '20', '12', '44', '25', '176', '32', '12',
      '達成度', '％', '166.7', '266.7', '成果実\n績', '人', '目標値', '人', '達成度', '％', '87', '91.2', '95.4', '81', '97.6', '83', '43', '25', '172', '-', '12', '-', '89', '108.4', '82.1', '年度'), 'pdfminer');
    const outcome = (final: number, values: Array<[number | null, number | null, number | null]> = [[null, null, null], [null, null, null], [null, null, null]]) => ({
      goal: null, indicator: null, unit: '人', finalTarget: { fiscalYear: 2030, value: final },
      values: values.map(([actual, target, achievementRate], i) => ({ fiscalYear: 2013 + i, actual, target, achievementRate })),
    });
    // As read: the second outcome's rows took the first's cells, the third's rates its numbers.
    const outcomes = [outcome(25), outcome(12, [[null, 46, 166.7], [null, 25, 266.7], [null, 184, null]]), outcome(110, [[null, null, 87], [null, null, 91.2], [null, null, 95.4]])];
    takeTriplesByFinalTarget(ctx, [], outcomes, 0, ctx.tokens.length);
    expect(outcomes.map((o) => o.values.map((v) => [v.actual, v.target, v.achievementRate]))).toEqual([
      [[46, 25, 184], [44, 25, 176], [43, 25, 172]],
      [[20, 12, 166.7], [32, 12, 266.7], [null, 12, null]],
      [[87, 91.2, 95.4], [81, 97.6, 83], [89, 108.4, 82.1]],
    ]);
    // An outcome two years of which hold keeps them where they are: a blank year printed after them is not its last.
    const kept = [outcome(3.5, [[null, null, null], [3.8, 3.5, 108.6], [3.4, 3.5, 97.1]])];
    const text = contextOf(paragraphs('成果実\n績', '点', '3.8', '3.4', '目標値', '3.5', '3.5', '達成度', '108.6', '97.1', '-', '3.5', '-'), 'pdftotext');
    takeTriplesByFinalTarget(text, [], kept, 0, text.tokens.length);
    expect(kept[0]!.values.map((v) => [v.actual, v.target, v.achievementRate])).toEqual([[null, null, null], [3.8, 3.5, 108.6], [3.4, 3.5, 97.1]]);
  });
  it('reads the 目標最終年度 column pdfminer printed after the outputs, before the policy section when the unit cost\'s title came early, past the first past year\'s head and cell', () => {
    const ctx = contextOf(paragraphs('単位当たり\nコスト', '成果指標', '単位', '24年度', '25年度', '26年度', 'E3の自立的商業化による供給体制の確立', 'E3ガソリン導入量', 'E10の自立的商業化による供給体制の確立', 'E10ガソリン導入量',
      '成果実\n績', '目標値', 'kl', 'kl', '達成度', '％', '成果実\n績', '目標値', 'kl', 'kl', '達成度', '％',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載', '活動指標',
      '25年度', '70,206', '79,880', '87.9', '123', '120', '102.5', '年度', '29年度', '190000', '-', '29年度', '3000', '-', '政策', '地球温暖化対策'));
    expect(matchOutcomes(ctx, 2015).map((o) => o.finalTarget)).toEqual([{ fiscalYear: 2017, value: 190000 }, { fiscalYear: 2017, value: 3000 }]);
    // Targets that ended in a past year: the column is the pairs printed together.
    const past = contextOf(paragraphs('単位当たり\nコスト', '成果指標', '単位', '24年度', '25年度', '26年度', 'E3の自立的商業化による供給体制の確立', 'E3ガソリン導入量', 'E10の自立的商業化による供給体制の確立', 'E10ガソリン導入量',
      '成果実\n績', '目標値', 'kl', 'kl', '達成度', '％', '成果実\n績', '目標値', 'kl', 'kl', '達成度', '％',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載', '活動指標',
      '25年度', '70,206', '79,880', '87.9', '123', '120', '102.5', '年度', '26年度', '164', '-', '26年度', '63', '-', '政策', '地球温暖化対策'));
    expect(matchOutcomes(past, 2015).map((o) => o.finalTarget)).toEqual([{ fiscalYear: 2014, value: 164 }, { fiscalYear: 2014, value: 63 }]);
    // A final year left blank (年度): the run the 中間目標's blank year opens, then the 活動見込.
    const blank = contextOf(paragraphs('単位当たり\nコスト', '成果指標', '単位', '24年度', '25年度', '26年度', 'E3の自立的商業化による供給体制の確立', 'E3ガソリン導入量',
      '成果実\n績', '目標値', 'kl', 'kl', '達成度', '％', '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載', '活動指標',
      '25年度', '70,206', '79,880', '87.9', '年度', '年度', '2562', '-', '2', '活動指標及び活', '政策', '地球温暖化対策'));
    expect(matchOutcomes(blank, 2015).map((o) => o.finalTarget)).toEqual([{ fiscalYear: null, value: 2562 }]);
  });
  it('reads the 目標最終年度 cells printed after the unit cost, their blank 中間目標 year printed with the heads: the final year, a 目標値, a blank 達成度', () => {
    const ctx = contextOf(paragraphs('成果指標', '単位', '24年度', '25年度', '26年度', '中間目標', '目標最終年度', '年度', '年度', '成果目標及び成\n果実績\n（アウトカム）',
      '日本の活動の理解を深めた招へい者を100%とする。', '本事業の理解度の高い参加者数を指標とする。', '成果実\n績', '人', '目標値 人', '4', '4', '4', '4', '5', '5',
      '達成度 ％', '100', '100', '100', '-', '-', '-', '活動指標', '単位当たり\nコスト', '24年度', '25年度', '26年度', '368.2', '486／87', '27年度', '5', '-', '5', '政策'), 'pdfminer');
    expect(matchOutcomes(ctx, 2015).map((o) => o.finalTarget)).toEqual([{ fiscalYear: 2015, value: 5 }]);
  });
  it('reads the rows pdftotext printed away from their labels as units and runs, when 達成度 bears them out', () => {
    const ctx = contextOf(paragraphs('成果指標', '単位', '成果実\n績', '24年度', '主な増減理由', '25年度', '26年度', '中間目標', '目標最終年度',
      '件', '68,321', '77,883', '84,602', '-', '27年度', 'ハローワークにおける障害者の就職件数', '件', '59,367', '68,321', '77,883', '-', '84602',
      '達成度', '％', '115.1', '114', '108.6', '-', '-', '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    const [outcome] = matchOutcomes(ctx, 2015);
    expect(outcome!.unit).toBe('件');
    expect(outcome!.values.map((v) => [v.actual, v.target, v.achievementRate])).toEqual([[68321, 59367, 115.1], [77883, 68321, 114], [84602, 77883, 108.6]]);
    expect(outcome!.finalTarget).toEqual({ fiscalYear: 2015, value: 84602 });
  });
  it('reads the 成果実績 row printed away from its label as a unit and run when every 達成度 is blank and the next run is the 目標値 row its label reads', () => {
    const sheet = (target: string) => contextOf(paragraphs('成果指標', '単位', '成果実\n績', '一定割合以上の邦人職員を確保する。', '主な増減理由', '25年度', '26年度', '中間目標', '目標最終年度',
      '件', '-', '295', '-', '-', '30年度', '国の戦略・政策文書、学会誌、科学雑誌等による、報告書の参照数', target, '件', '-', '-', '345', '-', '495',
      '達成度', '％', '-', '-', '-', '-', '-', '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    const [outcome] = matchOutcomes(sheet('目標値'), 2016);
    expect(outcome!.values.map((v) => [v.actual, v.target])).toEqual([[null, null], [295, null], [null, 345]]);
    expect(outcome!.finalTarget).toEqual({ fiscalYear: 2018, value: 495 });
    // Without the 目標値 label nothing bears the runs out.
    expect(matchOutcomes(sheet('参照数'), 2016)[0]!.values.map((v) => v.actual)).toEqual([null, null, null]);
  });
  it('reads boxes that stack a row\'s goal and indicator centred beside each other, a line of both or none, by their heights and widths', () => {
    const first = ['（H28年度～）', 'ア 干潟・藻場の保全', '対象干潟での二枚貝の生息密度の', '平成32年度までの5年間で対象干潟での 増加割合（5%/年）', '目標値', '二枚貝の生息密度の20%の増加（基準時点は', '平成28年度）'];
    const second = ['（H28年度～）', 'イ 漁場の安全確保', '見回りによる異変への早期対応', '平成32年度までの5年間で、見回りによる', '件数の増加割合（5%/年）', '異変への早期対応件数の20%の増加（基準', '時点は平成28年度）'];
    const ctx = contextOf(paragraphs('成果指標', '単位', '成果実\n績', '％', '17', '目標値', '％', '15', '達成度', '％', '113', '成果実\n績', '％', '19', '目標値', '％', '15', '達成度', '％', '127',
      first.join('\n'), second.join('\n'), '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2016).map((o) => [o.goal, o.indicator])).toEqual([
      ['（H28年度～）ア\u3000干潟・藻場の保全平成32年度までの5年間で対象干潟での二枚貝の生息密度の20%の増加（基準時点は平成28年度）', '対象干潟での二枚貝の生息密度の増加割合（5%/年）'],
      ['（H28年度～）イ\u3000漁場の安全確保平成32年度までの5年間で、見回りによる異変への早期対応件数の20%の増加（基準時点は平成28年度）', '見回りによる異変への早期対応件数の増加割合（5%/年）'],
    ]);
  });
  it('reads a box stacking a goal\'s two lines around a one-line indicator by centring, not by the widths of a box of two columns', () => {
    const across = ['目標：周辺諸国と関係機関の幅広い参加を得 実績：地域閣僚会合への周辺諸国の参加', 'て閣僚会合を開催し，地域の開発に貢献 国数', 'する。'];
    const stacked = ['地域の経済成長を目的とした産業政策ア', '１０カ国', 'ドバイザーの派遣（閣僚会合時公約）'];
    const ctx = contextOf(paragraphs('成果指標', '単位', '成果実\n績', across.join('\n'), 'か国', '49', '目標値', 'か国', '54', '達成度', '％', '90.7',
      '成果実\n績', '-', '目標値', '10', '達成度', '％', '50', stacked.join('\n'), '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2015).map((o) => [o.goal, o.indicator])).toEqual([
      ['目標：周辺諸国と関係機関の幅広い参加を得て閣僚会合を開催し，地域の開発に貢献する。', '実績：地域閣僚会合への周辺諸国の参加国数'],
      ['地域の経済成長を目的とした産業政策アドバイザーの派遣（閣僚会合時公約）', '１０カ国'],
    ]);
  });
  it('completes rows whose later cells pdftotext printed before the labels, row after row, where 達成度 bears them out', () => {
    const heads = ['成果指標', '単位', '24年度', '25年度', '中間目標', '目標最終年度', '年度', '年度'];
    const ctx = contextOf(paragraphs(...heads, '195,297', '-', '27年度', '184,276', '194,640', '-', '205761', '100', '100.3', '-',
      '成果実\n績', '人', '176,391', '184,229', '目標値', '人', '176,520', '達成度', '％', '99.9', '-', '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    const [outcome] = matchOutcomes(ctx, 2016);
    expect(outcome!.values.map((v) => [v.actual, v.target, v.achievementRate])).toEqual([[176391, 176520, 99.9], [184229, 184276, 100], [195297, 194640, 100.3]]);
    expect(outcome!.finalTarget).toEqual({ fiscalYear: 2015, value: 205761 });
    // Where 達成度 does not bear them out, the cells stay unplaced.
    const wrong = contextOf(paragraphs(...heads, '195,297', '-', '27年度', '184,276', '194,640', '-', '205761', '100', '90.3', '-',
      '成果実\n績', '人', '176,391', '184,229', '目標値', '人', '176,520', '達成度', '％', '99.9', '-'), 'pdftotext');
    expect(matchOutcomes(wrong, 2016)[0]!.values[2]!.actual).toBeNull();
  });
  it('puts goals and indicators in the order their goals number them (①, ②), when pdftotext printed a later row\'s first', () => {
    const ctx = contextOf(paragraphs('成果指標', '単位', '成果実\n績', '件', '3', '目標値', '件', '4', '達成度', '％', '75', '成果実\n績', '人', '10', '目標値', '人', '20', '達成度', '％', '50',
      '②研修の受講者を増やす。', '研修の受講者数', '①相談の件数を増やす。', '相談件数', '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2016).map((o) => [o.goal, o.indicator, o.unit])).toEqual([['①相談の件数を増やす。', '相談件数', '件'], ['②研修の受講者を増やす。', '研修の受講者数', '人']]);
  });
  it('deals the lines of a goal and an indicator that pdftotext stacked one under another by their widths, the one that reads as a goal being the goal', () => {
    const ctx = contextOf(paragraphs('成果指標', '単位', '成果目標及び成', '果実績', '東京湾における新たな干潟域に\n底生生物の生息域拡大等による水質浄化', '（アウトカム）',
      'おいて着底が見込まれる底生生\n物の種類', '能力の向上', '成果実\n績', '-', '-', '-', '目標値', '-', '-', '-', '達成度', '％', '-', '-', '-',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2015).map((o) => [o.goal, o.indicator])).toEqual([['底生生物の生息域拡大等による水質浄化能力の向上', '東京湾における新たな干潟域において着底が見込まれる底生生物の種類']]);
    // One text's short first line (a paragraph of its own) before lines of its width is no other column.
    const one = contextOf(paragraphs('成果指標', '単位', '成果目標及び成\n果実績\n（アウトカム）', '平成27年度において、看護師・介護福祉\n士候補者の受入れ希望のある871名の候\n補者に対して日本語能力向上に向けた研\n修を実施する。',
      '候補者受入れ人数\n※平成26年度まではフィリピン・\nインドネシアのみ、27年度からは\nベトナムを含む', '成果実\n績', '人', '202', '目標値', '人', '300', '達成度', '％', '67.3',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(one, 2015).map((o) => o.indicator)).toEqual(['候補者受入れ人数※平成26年度まではフィリピン・インドネシアのみ、27年度からはベトナムを含む']);
    // Digits print at half a kanji's width: a line of them is no wider column, full-width or not.
    const digitTexts = ['成果指標', '単位', '成果目標及び成', '果実績', '平成28年度に薬局・医療施設従事薬剤', '（アウトカム）', '師数を前回調査以上とする',
      '薬局・医療施設従事薬剤師数\n平成20年:186,052人\n（106.8%）,平成22年:197,616\n人（106.2%）\n※医師・歯科医師・薬剤師調査よ\nり（２年ごと）', '成果実\n績', '人', '205,716', '目標値', '人', '197,616', '達成度', '％', '104.1',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'];
    const widened = digitTexts.map((t) => t.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)));
    for (const texts of [digitTexts, widened]) {
      expect(matchOutcomes(contextOf(paragraphs(...texts), 'pdftotext'), 2016).map((o) => o.goal?.normalize('NFKC'))).toEqual(['平成28年度に薬局・医療施設従事薬剤師数を前回調査以上とする']);
    }
  });
  it('reads a run of 成果実績 whose first cells pdftotext boxed under the column heads (26年度 ⏎ 46), when 達成度 bears it out', () => {
    const ctx = contextOf(paragraphs('成果指標', '単位', '成果実\n績', '25年度\n人', '定量的な成果目標', '29年度要求', '26年度\n46', '中間目標', '27年度\n44', '目標最終年度', '年度', '年度',
      '43', '-', '42年度', '人', '25', '25', '25', '-', '25', '達成度', '％', '184', '176', '172', '-', '-',
      '成果実\n績', '人', '20', '32', '-', '-', '42年度', '目標値', '人', '12', '12', '12', '-', '12', '達成度', '％', '166.7', '266.7', '-', '-', '-',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2016)[0]!.values.map((v) => [v.actual, v.target, v.achievementRate])).toEqual([[46, 25, 184], [44, 25, 176], [43, 25, 172]]);
  });
  it('reads a goal printed between the section title and the 成果指標 head', () => {
    const ctx = contextOf(paragraphs('成果目標及び成\n果実績\n（アウトカム）', '非血縁者間臍帯血移植実施数の増加', '成果指標', '単位', '非血縁者間臍帯血移植実施数', '25年度',
      '主な増減理由', '計', '定量的な成果目標', '29年度要求', '26年度', '-', '-', '中間目標', '27年度', '目標最終年度', '年度', '年度',
      '成果実\n績', '件', '1,200', '目標値', '件', '1,000', '達成度', '％', '120', '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2016).map((o) => [o.goal, o.indicator])).toEqual([['非血縁者間臍帯血移植実施数の増加', '非血縁者間臍帯血移植実施数']]);
  });
  it('puts back the first lines of a goal-and-indicator box, stacked by height before a label\'s line cut them off', () => {
    const ctx = contextOf(paragraphs('成果指標', '単位', '成果目標及び成', '果実績\n平成32年度までに、新たに10箇所程度国\n鳥獣保護のための資質を維持し', '（アウトカム）',
      '指定鳥獣保護区等の湿地をラムサール条 ている鳥獣保護区の面積\n約湿地として登録する。', '25年度', '主な増減理由', '成果実\n績', 'ha', '100', '目標値', 'ha', '100', '達成度', '％', '100',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2015).map((o) => [o.goal, o.indicator])).toEqual([[
      '平成32年度までに、新たに10箇所程度国指定鳥獣保護区等の湿地をラムサール条約湿地として登録する。', '鳥獣保護のための資質を維持している鳥獣保護区の面積',
    ]]);
  });
  it('joins the pieces of a goal-and-indicator box that the labels\' lines cut, one after another', () => {
    const ctx = contextOf(paragraphs('成果指標', '単位', '成果目標及び成', '果実績\n大豆の単収向上技術（300A技術等）の導 大豆の単収向上技術（300A技術', '（アウトカム）',
      '入面積を平成20年の２万１千haから平成 等）の導入面積（平成26年度は\n32年の５万９千haに増大（＋３万８千ha） 暫定値）', '主な増減理由', '成果実\n績', 'ha', '100', '目標値', 'ha', '100', '達成度', '％', '100',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2015).map((o) => [o.goal, o.indicator])).toEqual([[
      '大豆の単収向上技術（300A技術等）の導入面積を平成20年の２万１千haから平成32年の５万９千haに増大（＋３万８千ha）', '大豆の単収向上技術（300A技術等）の導入面積（平成26年度は暫定値）',
    ]]);
  });
  it('completes an indicator from its short wrapped line printed in a box of its own after the goal and indicator\'s box', () => {
    const ctx = contextOf(paragraphs('成果指標', '成果目標及び成', '果実績\n本事業による調査等の件数を政策立案や 政策立案や審議会等で活用され', '（アウトカム）', '審議会等に１００％活用していき、中小水',
      'た調査の割合', '力発電の開発促進を図る。', '24年度', '単位', '成果実\n績', '件', '6', '4', '3', '目標値', '件', '6', '4', '3', '達成度', '％', '100', '100', '100',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2015).map((o) => [o.goal, o.indicator])).toEqual([['本事業による調査等の件数を政策立案や審議会等に１００％活用していき、中小水力発電の開発促進を図る。', '政策立案や審議会等で活用された調査の割合']]);
  });
  it('deals a run printed after all the labels in the order 達成度 bears out: each outcome\'s 成果実績, then 目標値 and 達成度 year by year', () => {
    const ctx = contextOf(paragraphs('成果指標', 'テレビCMの理解度を測定指標として設定', '新聞広告の理解度を測定指標として設定', '成果実\n績', '％', '目標値 ％', '達成度 ％',
      '成果実\n績', '％', '目標値 ％', '達成度 ％', '65.1', '77.5', '81.1', '-', '-', '-', '-', '78.5', '103.3', '74.1', '80.5', '75.4', '-', '-', '-', '-', '81.5', '92.5',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdfminer');
    expect(matchOutcomes(ctx, 2015).map((o) => o.values.map((v) => [v.actual, v.target, v.achievementRate]))).toEqual([
      [[65.1, null, null], [77.5, null, null], [81.1, 78.5, 103.3]],
      [[74.1, null, null], [80.5, null, null], [75.4, 81.5, 92.5]],
    ]);
  });
  it('deals a run printed as each year\'s 成果実績 and 目標値, then the 達成度 (6 6 4 4 3 3 100 100 100), the order 達成度 bears out', () => {
    const ctx = contextOf(paragraphs('成果指標', '単位', '24年度', '25年度', '26年度', '本事業による調査等の件数を政策立案や審議会等に１００％活用していく。', '政策立案や審議会等で活用された調査の割合',
      '成果実\n績', '件', '目標値', '件', '達成度', '％', '6', '6', '4', '4', '3', '3', '100', '100', '100', '年度',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdfminer');
    expect(matchOutcomes(ctx, 2015).map((o) => o.values.map((v) => [v.actual, v.target, v.achievementRate]))).toEqual([[[6, 6, 100], [4, 4, 100], [3, 3, 100]]]);
  });
  it('completes the year a row read but for its 達成度 with the run\'s opening value when 達成度 bears it out, and deals the rest of the run as triples', () => {
    const group = ['成果実\n績', '件', '目標値 件', '達成度 ％'];
    const ctx = contextOf(paragraphs('成果指標', '単位', '24年度', '25年度', '26年度', '技能講習のデータを100万件以上引き受ける。', '技能講習のデータの引受数',
      '成果実\n績', '件', '889,756', '目標値 件', '1,000,000', '平成22年度受講者数の85％以上を引き受ける。', '帳票データの引受数（平成22年度）', '平成23年度受講者数の85％以上を引き受ける。', '帳票データの引受数（平成23年度）',
      '達成度 ％', ...group, ...group, '89', ...Array<string>(9).fill('-'), '1,191,752', '801,753', '148.6',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdfminer');
    expect(matchOutcomes(ctx, 2015).map((o) => o.values.map((v) => [v.actual, v.target, v.achievementRate]))).toEqual([
      [[889756, 1000000, 89], [null, null, null], [null, null, null]],
      [[null, null, null], [1191752, 801753, 148.6], [null, null, null]],
      [[null, null, null], [null, null, null], [null, null, null]],
    ]);
  });
  it('deals the run printed after the later outcomes\' labels among those outcomes only, the first keeping the row it read, and pairs short indicators (１０カ国) with their goals', () => {
    const ctx = contextOf(paragraphs('成果指標', '目標：閣僚会合を開催し，アフリカ開発の推進に貢献する。', '実績：閣僚会合のアフリカ参加国数', '成果実\n績', 'か国', '目標値 か国',
      '49', '54', '51', '54', '52', '54', '達成度 ％', '90.7', '94.4', '96.3', '産業政策アドバイザーの派遣（公約）', '１０カ国', '資源開発人材育成（公約）', '１０００人',
      '成果実\n績', '目標値', '達成度 ％', '成果実\n績', '目標値', '達成度 ％', ...Array(12).fill('-'), '5', '10', '50', '400', '1,000', '40',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdfminer');
    const outcomes = matchOutcomes(ctx, 2015);
    expect(outcomes.map((o) => [o.goal, o.indicator])).toEqual([
      ['目標：閣僚会合を開催し，アフリカ開発の推進に貢献する。', '実績：閣僚会合のアフリカ参加国数'], ['産業政策アドバイザーの派遣（公約）', '１０カ国'], ['資源開発人材育成（公約）', '１０００人'],
    ]);
    expect(outcomes.map((o) => o.values.map((v) => [v.actual, v.target, v.achievementRate]))).toEqual([
      [[49, 54, 90.7], [51, 54, 94.4], [52, 54, 96.3]],
      [[null, null, null], [null, null, null], [5, 10, 50]],
      [[null, null, null], [null, null, null], [400, 1000, 40]],
    ]);
    // The run follows 達成度's ％: no unit of these rows.
    expect(outcomes.map((o) => o.unit)).toEqual(['か国', null, null]);
  });
  it('fills the years the rows as read leave open with the triples printed year by year after the last label, and deals out two years\' stacked 成果実績 and 目標値', () => {
    const ctx = contextOf(paragraphs('成果指標', '調査票の回収率50%を目指す', '調査票の回収率', '二次利用申請件数5件を目指す', '情報処理実態調査の二次利用申請件数',
      '成果実\n績', '％', '目標値 ％', '52.3', '50', '54.8', '50', '達成度 ％', '104.6', '109.6', '成果実\n績', '件', '目標値 件', '達成度 ％',
      '3', '5', '60', '3', '5', '60', '44.6', '50', '89.2', '2', '5', '40', '年度', '-', '-',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdfminer');
    expect(matchOutcomes(ctx, 2015).map((o) => o.values.map((v) => [v.actual, v.target, v.achievementRate]))).toEqual([
      [[52.3, 50, 104.6], [54.8, 50, 109.6], [44.6, 50, 89.2]],
      [[3, 5, 60], [3, 5, 60], [2, 5, 40]],
    ]);
  });
  it('deals a run printed year by year, outcome by outcome, among the rows not printed whole elsewhere (a 達成度 row after its own label)', () => {
    const ctx = contextOf(paragraphs('成果指標', '地雷犠牲者数半減の目標値のうち裨益した人数', '日本人職員数（専門職以上）', '成果実\n績', '人', '目標値 人', '達成度 ％', '成果実\n績', '人', '目標値 人',
      '360', '941', '38.3', '3', '3', '354', '668', '53', '3', '3', '238', '652', '36.5', '4', '4', '達成度 ％', '100', '100', '100',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdfminer');
    expect(matchOutcomes(ctx, 2016).map((o) => o.values.map((v) => [v.actual, v.target, v.achievementRate]))).toEqual([
      [[360, 941, 38.3], [354, 668, 53], [238, 652, 36.5]],
      [[3, 3, 100], [3, 3, 100], [4, 4, 100]],
    ]);
  });
  it('deals a year-by-year run that began in the row above its label\'s (目標値 14 12 達成度 ％ 116.7 21 12 175 …)', () => {
    const ctx = contextOf(paragraphs('成果指標', 'システムを継続的に運用する。', 'システム監査の実施回数', '成果実\n績', '回', '目標値', '回', '14', '12', '達成度', '％',
      '116.7', '21', '12', '175', '17', '12', '141.7', '年度', '-', '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdfminer');
    expect(matchOutcomes(ctx, 2015)[0]!.values.map((v) => [v.actual, v.target, v.achievementRate])).toEqual([[14, 12, 116.7], [21, 12, 175], [17, 12, 141.7]]);
  });
  it('completes a year\'s 成果実績 printed after the column heads but before the row\'s label, from its 目標値 and 達成度', () => {
    const ctx = contextOf(paragraphs('成果指標', '単位', '相談件数を増やす。', '相談件数', '27年度', '目標最終年度', '年度', '7', '-', '30年度', '-',
      '成果実\n績', '件', '19', '目標値', '件', '25', '19', '18', '-', '達成度', '％', '76', '94.7', '38.9', '-', '18', '-',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2015)[0]!.values.map((v) => [v.actual, v.target, v.achievementRate])).toEqual([[19, 25, 76], [18, 19, 94.7], [7, 18, 38.9]]);
  });
  it('picks each year\'s triple that 達成度 bears out from a row printed in pieces, the pieces\' order telling the years', () => {
    const ctx = contextOf(paragraphs('成果指標', '単位', '熱中症予防情報サイトへの\nアクセス数（件）', '前年度と同アクセス数程度', '成果実\n績', '7,703,564', '11,442,472',
      '目標値', '5,700,000\n135.2', '達成度', '％', '主な増減理由', '定量的な成果目標', '年度', '14,061,986', '-', '年度', '7,700,000', '11,400,000', '-', '-', '148.6', '123.4', '-',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2016)[0]!.values.map((v) => [v.actual, v.target, v.achievementRate])).toEqual([
      [7703564, 5700000, 135.2], [11442472, 7700000, 148.6], [14061986, 11400000, 123.4],
    ]);
  });
  it('reads a year\'s 目標値 before its 達成度 where a / t = r and a / r = t both hold, and leaves whole rates under 10 out', () => {
    const ctx = contextOf(paragraphs('成果指標', '単位', '融資に取り組む金融機関の割合を30％程度とする。', '融資に取り組む金融機関の割合', '成果実\n績', '％', '目標値', '達成度',
      '主な増減理由', '庁費', '679', '570', '交付金', '514', '678', '試験研究費', '376', '555', '施設整備費', '501', '267', '計', '定量的な成果目標', '2,070', '2,070', '年度', '10', '-', '30年度', '30', '1', '6', '％', '30', '30', '30', '-', '％', '3.3', '20', '33.3', '-', '-',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2016)[0]!.values.map((v) => [v.actual, v.target, v.achievementRate])).toEqual([[1, 30, 3.3], [6, 30, 20], [10, 30, 33.3]]);
  });
  it('gives outcomes left without cells the triples of the run printed among the outputs before the 目標最終年度 column, each its last years', () => {
    const text = (run: string[]) => paragraphs('成果指標', '単位', '資料のデジタル化を進める。', '累積デジタル化件数', '契約を締結する。', '累積契約締結件数',
      '成果実\n績', '件', '目標値 件', '達成度 ％', '成果実\n績', '件', '目標値 件', '達成度 ％',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載', '活動指標', '24年度', '展示を実施する。', '活動実績', '当初見込み', '回', '回',
      '算出根拠', '単位', '百万円', '24年度', '25年度', '26年度', '50.5', '195／76', ...run, '年度', '-', '-', '25年度', '26年度', '27年度活動見込');
    const values = (run: string[]) => matchOutcomes(contextOf(text(run), 'pdfminer'), 2015).map((o) => o.values.map((v) => [v.actual, v.target, v.achievementRate]));
    expect(values(['16,500', '28,500', '12,000', '24,000', '137.5', '118.8', '-', '-', '-', '2', '4', '50'])).toEqual([
      [[null, null, null], [16500, 12000, 137.5], [28500, 24000, 118.8]],
      [[null, null, null], [null, null, null], [2, 4, 50]],
    ]);
    // A run with more numbers left over than triples is another table's (the outputs' 26年度 column).
    expect(values(['-', '-', '6', '8', '7', '8', '62', '11', '1', '1', '2', '4', '50']).flat(2).every((v) => v === null)).toBe(true);
  });
  it('reads the 目標最終年度 year, and its 目標値, printed just before the 成果実績 label', () => {
    const final = (...before: string[]) => matchOutcomes(contextOf(paragraphs('成果指標', '単位', '継続して雇用されている割合が６５％以上', '１年以上の継続雇用率',
      '目標最終年度', '年度', '年度', '70', '-', ...before, '成果実\n績', '％', '目標値', '％', '70', '68', '65', '-', '達成度', '％', '112.7', '102.4', '107.7', '-', '78.9', '69.6', '-',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext'), 2015)[0]!.finalTarget;
    expect(final('27年度')).toEqual({ fiscalYear: 2015, value: null });
    expect(final('27年度', '65')).toEqual({ fiscalYear: 2015, value: 65 });
    expect(final('27年度\n65')).toEqual({ fiscalYear: 2015, value: 65 });
    // A past year there is a column's head.
    expect(final('26年度')).toEqual({ fiscalYear: null, value: null });
  });
  it('reads the unit before the 成果実績 row\'s cells and the 目標最終年度 year right after them and 中間目標, far from the row\'s label', () => {
    const ctx = contextOf(paragraphs('成果指標', '障害者の就職件数を84,602件以上とする。', '単位', '成果実\n績', '24年度', '主な増減理由', '交付金', '151', '97 所要額の精査',
      '職員旅費', '85', '129', '236', '226', '（\n単\n位\n：\n百\n万\n円\n）', '計', '定量的な成果目標', '28年度要求', '25年度', '26年度', '中間目標', '目標最終年度', '年度', '件', '-', '-', '84,602', '-', '27年度', '障害者の就\n職件数\n目標値', '件', '-', '-', '77,883', '-', '84602',
      '達成度', '％', '-', '-', '108.6', '-', '-', '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2015)[0]).toMatchObject({ unit: '件', finalTarget: { fiscalYear: 2015, value: 84602 } });
  });
  it('reads the first 目標最終年度 column run pdfminer printed amid the policy section, when none stands before the unit cost', () => {
    const ctx = contextOf(paragraphs('成果指標', '調査票の回収率50%を目指す', '調査票の回収率', '二次利用申請件数5件を目指す', '二次利用申請件数',
      '成果実績 ％', '52.3', '54.8', '44.6', '目標値 ％', '50', '50', '50', '達成度 ％', '104.6', '109.6', '89.2',
      '成果実績 件', '3', '3', '2', '目標値 件', '5', '5', '5', '達成度 ％', '60', '60', '40',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載', '単位当たり\nコスト', '政策', '施策', '定性的指標', '目標',
      '施策の進捗状況（目標）', '目標年度', '年度', '年度', '50', '-', '年度', '5', '-', '-', '-',
      // The reform table's KPI columns after it print such a run too: the first is the outcomes'.
      'ＫＰＩ', '中間目標', '目標最終年度', '年度', '年度', '-', '-', '年度', '-', '-', '事業所管部局による点検・改善'), 'pdfminer');
    expect(matchOutcomes(ctx, 2015).map((o) => o.finalTarget)).toEqual([{ fiscalYear: null, value: 50 }, { fiscalYear: null, value: 5 }]);
  });
  it('reads the 目標最終年度 column printed apart, after the outputs, one year and 目標値 per outcome', () => {
    const ctx = contextOf(paragraphs('成果指標', '相談を利用した者の割合', '利用者のうち理解が得られた者の割合', '成果実績 ％', '98', '99', '99', '目標値 ％', '90', '90', '90',
      '達成度 ％', '108.9', '110', '110', '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載',
      '活動指標', '活動実績', '件', '634', '608', '32年度', '90', '-', '単位当たり\nコスト'), 'pdfminer');
    expect(matchOutcomes(ctx, 2015)[0]!.finalTarget).toEqual({ fiscalYear: 2020, value: 90 });
  });
  it('deals out a run of 成果実績 and 目標値 stacked year by year, as the 達成度 row bears out', () => {
    const ctx = contextOf(paragraphs('成果指標', '相談を利用した者の割合', '利用者のうち理解が得られた者の割合', '成果実\n績', '％', '目標値 ％', '98', '90', '99', '90', '90', '80',
      '達成度 ％', '108.9', '110', '112.5', '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdfminer');
    expect(matchOutcomes(ctx, 2015)[0]!.values.map((v) => [v.actual, v.target, v.achievementRate])).toEqual([[98, 90, 108.9], [99, 90, 110], [90, 80, 112.5]]);
  });
  it('takes the last text as the indicator of a lone outcome whose goal wraps over several, passing over labels, 予算内訳 cells and vertical headings', () => {
    const ctx = contextOf(paragraphs('成果指標', '果実績\n器材の借上げ、消耗品等の取得により、シ', 'ステムを継続的に運用する。', 'システム監査の実施回数\n目標値', '61,222 実績を踏まえた増',
      '平\n成\n2\n7\n予\n算\n内\n訳', '成果実績', '回', '1', '1', '1', '目標値', '回', '1', '1', '1', '-', '1',
      '達成度', '％', '100', '100', '100', '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'));
    expect(matchOutcomes(ctx, 2015)[0]).toMatchObject({ goal: '器材の借上げ、消耗品等の取得により、システムを継続的に運用する。', indicator: 'システム監査の実施回数' });
  });
  it('takes the first of a lone outcome\'s two texts as its indicator when it reads as one and the other as a goal', () => {
    const ctx = contextOf(paragraphs('成果指標', '単位', '熱中症予防情報サイトへの\nアクセス数（件）', '前年度と同アクセス数程度',
      '成果実績', '件', '7,703,564', '11,442,472', '14,061,986', '目標値', '件', '5,700,000', '7,700,000', '11,400,000', '-', '-',
      '達成度', '％', '135.2', '148.6', '123.4', '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2015).map((o) => [o.goal, o.indicator])).toEqual([['前年度と同アクセス数程度', '熱中症予防情報サイトへのアクセス数（件）']]);
  });
  it('joins a note printed in a box of its own to the text before it', () => {
    const rows = (a: string) => ['成果実績', '件', a, a, a, '目標値', '件', '5', '5', '5', '-', '5', '達成度', '％', '100', '100', '100'];
    const ctx = contextOf(paragraphs('成果指標', '資料のデジタル化を進める。', '累積デジタル化件数', '※24年度は活動していない。', '寄贈契約を締結する。', '累積契約締結件数',
      ...rows('5'), ...rows('5'), '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'));
    expect(matchOutcomes(ctx, 2015).map((o) => [o.goal, o.indicator])).toEqual([
      ['資料のデジタル化を進める。', '累積デジタル化件数\n※24年度は活動していない。'],
      ['寄贈契約を締結する。', '累積契約締結件数'],
    ]);
  });
  it('splits a box stacked by height (goal line, indicator, goal line) at the widths a neighbour box printed across shows', () => {
    const rows = (a: string, t: string) => ['成果実績', 'kl', '-', '-', a, '-', '29年度', '目標値', 'kl', '-', '-', t, '-', '3000', '達成度', '％', '-', '-', '90', '-', '-'];
    const ctx = contextOf(paragraphs('成果指標', '単位', 'E3の自立的商業化によるバイオ燃料の供 E３ガソリン導入量\n給体制の確立', 'E10の自立的商業化によるバイオ燃料の\nE10ガソリン導入量\n供給体制の確立',
      ...rows('90', '100'), ...rows('9', '10'), '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2015).map((o) => [o.goal, o.indicator])).toEqual([
      ['E3の自立的商業化によるバイオ燃料の供給体制の確立', 'E３ガソリン導入量'],
      ['E10の自立的商業化によるバイオ燃料の供給体制の確立', 'E10ガソリン導入量'],
    ]);
  });
  it('takes each outcome\'s three runs of values, printed apart from its labels, where 達成度 bears every printed rate out', () => {
    const ctx = contextOf(paragraphs('成果指標', '単位', '成果実\n績', '目標値', '成果実\n績', '目標値', '達成度',
      '0', '223', '人', '49', '51', '目標最終年度', '年度', '52', '-', '54', '54', '54', '-', '54', '90.7', '94.4', '96.3', '-', '-',
      '-', '-', '5', '-', '年度', '-', '-', '10', '-', '10', '-', '-', '50', '-', '-', '達成度',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2015).map((o) => o.values.map((v) => [v.actual, v.target, v.achievementRate]))).toEqual([
      [[49, 54, 90.7], [51, 54, 94.4], [52, 54, 96.3]],
      [[null, null, null], [null, null, null], [5, 10, 50]],
    ]);
  });
  it('does not take the first past year\'s column head (24年度) printed after the rows\' label for the 目標最終年度', () => {
    const ctx = contextOf(paragraphs('成果指標', '調査票の回収率50%を目指す', '調査票の回収率', '成果実績', '％', '52', '54', '50', '-', '24年度', '27年度', '目標値', '％', '50', '50', '50', '-', '50',
      '達成度', '％', '104', '108', '100', '-', '-', '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2015)[0]!.finalTarget).toEqual({ fiscalYear: 2015, value: 50 });
  });
  it('takes no year head (24年度) printed where a row\'s unit cell should be for the unit', () => {
    const ctx = contextOf(paragraphs('成果指標', '就職件数を増やす', '就職件数', '成果実績', '24年度', '5', '6', '7', '目標値', '件', '5', '5', '5', '達成度', '％', '100', '120', '140',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2015)[0]!.unit).toBe('件');
  });
  it('joins a box that a label\'s line cut in two, when both its texts go on past the cut', () => {
    const row = (unit: string, ...values: string[]) => [unit, ...values];
    const ctx = contextOf(paragraphs('成果指標', '単位',
      '就職件数を前年度より増やし、地域の雇 就職件数（年間）\n用の安定を図る。',
      '相談件数を前年度より増やし、地域の雇 相談窓口を利用した者\n用の安定を図るとともに、相談の質を高 のうち、満足したと答え',
      '（アウトカム）', 'める。 た者の割合',
      '成果実績', ...row('件', '5', '6', '7'), '目標値', ...row('件', '5', '5', '5'), '達成度', ...row('％', '100', '120', '140'),
      '成果実績', ...row('％', '50', '60', '70'), '目標値', ...row('％', '50', '50', '50'), '達成度', ...row('％', '100', '120', '140'),
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2015).map((o) => [o.goal, o.indicator])).toEqual([
      ['就職件数を前年度より増やし、地域の雇用の安定を図る。', '就職件数（年間）'],
      ['相談件数を前年度より増やし、地域の雇用の安定を図るとともに、相談の質を高める。', '相談窓口を利用した者のうち、満足したと答えた者の割合'],
    ]);
  });
  it('fills a 成果実績 cell left empty with the one printed number its 達成度 and 目標値 give', () => {
    const ctx = contextOf(paragraphs('成果指標', '調査票の回収率50%を目指す', '調査票の回収率', '成果実績', '％', '-', '-', '-', '目標値', '％', '50', '50', '50', '-', '50',
      '達成度', '％', '104.6', '109.6', '89.2', '44.6', '52.3', '54.8', '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'));
    const [outcome] = matchOutcomes(ctx, 2015);
    expect(outcome).toMatchObject({ goal: '調査票の回収率50%を目指す', indicator: '調査票の回収率' });
    expect(outcome!.values.map((v) => v.actual)).toEqual([52.3, 54.8, 44.6]);
  });
});

describe('the reason no quantitative target is set', () => {
  const sheet = (...rows: string[]) => contextOf(paragraphs('成果指標', '単位', '成果実\n績', '目標値', '達成度', '定量的な成果目標の設定が困難な場合はその理由', '％', '主な増減理由', '12', '15',
    ...rows, '成果目標は，米国との協力関係の維持を通じた日米安保体制の確保であることから，定量的な効果的な目標設定は困難である。',
    '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載', '活動指標'), 'pdftotext');
  it('takes the sentence pdftotext printed just before the section\'s note, when the sheet has no outcome', () => {
    expect(matchNoTargetReason(sheet('-', '-', '-'), [])).toBe('成果目標は，米国との協力関係の維持を通じた日米安保体制の確保であることから，定量的な効果的な目標設定は困難である。');
  });
  it('passes over a vertical title printed after the label (平⏎成⏎2⏎7⏎…予算内訳)', () => {
    const ctx = contextOf(paragraphs('定量的な成果目標の設定が困難な場合はその理由', '％', '主な増減理由', '平\n成\n2\n7\n・\n2\n8\n年\n度\n予\n算\n内\n訳', '計', '-', '-',
      '本事業は景気判断や経済財政運営等に寄与することを目的としてモデル開発・分析を実施するものであり、定量的な目標設定は困難である。',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchNoTargetReason(ctx, [])).toMatch(/^本事業は景気判断/);
  });
  it('leaves that sentence to the outcomes where there are some: it may be a goal', () => {
    const ctx = sheet('-', '-', '-');
    const outcome = { goal: null, indicator: '件数', unit: '件', values: [], finalTarget: { fiscalYear: null, value: null } };
    expect(matchNoTargetReason(ctx, [outcome])).toBeNull();
  });
});

describe('outcome final targets', () => {
  it('does not take a past year\'s column head, which the 中間目標 and 目標最終年度 heads follow closely, for a target\'s final year', () => {
    const ctx = contextOf(paragraphs('成果指標', '24年度', '単位', '成果実\n績', '日本の活動の理解を深めた招へい者を100%とする。', '達成度', '主な増減理由', '計', '定量的な成果目標', '28年度要求',
      '25年度', '-', '-', '中間目標', '26年度', '目標最終年度', '年度', '年度', '人', '4', '4', '5', '-', '27年度', '人', '4', '4', '5', '-', '5', '％', '100', '100', '100', '-', '-',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    const [outcome] = matchOutcomes(ctx, 2015);
    expect(outcome!.values.map((v) => v.actual)).toEqual([4, 4, 5]);
    expect(outcome!.finalTarget).toEqual({ fiscalYear: 2015, value: 5 });
  });
  it('reads the 目標最終年度 year and 目標値 that pdftotext boxed together after the 成果実績 row\'s cells (3 3 2 - 年度 ⏎ 5)', () => {
    const ctx = contextOf(paragraphs('成果指標', '単位', '中間目標', '目標最終年度', '成果実\n績', '件', '3', '3', '2', '-', '年度\n5',
      '情報処理実態調査の二次利用申請件数5件を目指す', '目標値', '件', '5', '5', '5', '-', '達成度', '％', '60', '60', '40', '-', '-',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2015)[0]!.finalTarget).toEqual({ fiscalYear: null, value: 5 });
  });
  it('reads a row whose unit cell holds a dash (目標値 - - - - - 16): the first of one cell too many is the unit', () => {
    const ctx = contextOf(paragraphs('成果指標', '単位', '東京湾における新たな干潟域に底生生物の生息域を拡大する。', '中間目標', '目標最終年度', '年度', '年度',
      '成果実\n績', '-', '-', '-', '-', '-', '29年度', '目標値', '-', '-', '-', '-', '-', '16', '達成度', '％', '-', '-', '-', '-', '-',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載'), 'pdftotext');
    expect(matchOutcomes(ctx, 2015)[0]!.finalTarget).toEqual({ fiscalYear: 2017, value: 16 });
  });
});

describe('two text cells printed across one box', () => {
  const box = (text: string) => contextOf(paragraphs(text)).tokens[0]!;
  it('splits the lines of both into the goal and the indicator, each wrapped line to the column of its width', () => {
    expect(splitTwoColumns(box('情報処理実態調査の二次利用申請件数5 情報処理実態調査の二次利用申\n件を目指す\n請件数')))
      .toEqual(['情報処理実態調査の二次利用申請件数5件を目指す', '情報処理実態調査の二次利用申請件数']);
    expect(splitTwoColumns(box('働く女性の健康保持増進に関する講師派 働く女性の健康保持増進に関す\n遣を利用した団体のうち、一定期間過後 る講師派遣を利用した団体のうち\n、一定期間過後のアンケート等に\n目標値\nのアンケート等においての割合90%以上\nおいての割合')))
      .toEqual(['働く女性の健康保持増進に関する講師派遣を利用した団体のうち、一定期間過後のアンケート等においての割合90%以上', '働く女性の健康保持増進に関する講師派遣を利用した団体のうち、一定期間過後のアンケート等においての割合']);
  });
  it('gives a last line that ends a sentence to the column whose full line left it open, not to the one that ended its own sentence', () => {
    const lines = ['港湾施設の耐震化の基準への反', '新たな港湾施設の耐震基準の策定に活', '用されるとともに、点検の手引の整備に 映等を含め、当初の計画以上に', '調査の成果が得られたと専門家', '活用されることを成果目標とする（平成', 'による外部評価において判断され', '25年度まで）。', 'た調査数とした。'];
    expect(splitTwoColumns(box(lines.join('\n')))).toEqual([
      '新たな港湾施設の耐震基準の策定に活用されるとともに、点検の手引の整備に活用されることを成果目標とする（平成25年度まで）。',
      '港湾施設の耐震化の基準への反映等を含め、当初の計画以上に調査の成果が得られたと専門家による外部評価において判断された調査数とした。',
    ]);
  });
  it('gives a line that the next line of two prints again in one column to the other column: a goal restates its indicator', () => {
    const lines = ['①【ASEAN・日本社会保障ハイレベル会', '合】', 'アンケート評価の平均値', '（会合参加者へのアンケート調査において アンケート評価の平均値', '「会合が有効だった」とする評価。5点満点', '中4点（80％以上）とする）'];
    expect(splitByWidths(box(lines.join('\n')), [19, 15])).toEqual([
      '①【ASEAN・日本社会保障ハイレベル会合】アンケート評価の平均値（会合参加者へのアンケート調査において「会合が有効だった」とする評価。5点満点中4点（80％以上）とする）',
      'アンケート評価の平均値',
    ]);
  });
  it('gives a line a little short of the narrower column\'s width to that column', () => {
    expect(splitTwoColumns(box('働く女性の健康保持増進のための支援施 働く女性の健康保持増進のため\nの支援施策に関する相談を利用\n策に関する相談を利用したことで、セミナ したことで、セミナー・研修会の企\nー・研修会の企画運営方法や働く女性の\n身体やこころの健康問題に関する知識・ノ 画運営方法や働く女性の身体や\nこころの健康問題に関する知識・\nウハウの取得など、理解が得られたとする ノウハウの取得など、理解が得ら\n者の割合90%以上\nれたとする者の割合')))
      .toEqual([
        '働く女性の健康保持増進のための支援施策に関する相談を利用したことで、セミナー・研修会の企画運営方法や働く女性の身体やこころの健康問題に関する知識・ノウハウの取得など、理解が得られたとする者の割合90%以上',
        '働く女性の健康保持増進のための支援施策に関する相談を利用したことで、セミナー・研修会の企画運営方法や働く女性の身体やこころの健康問題に関する知識・ノウハウの取得など、理解が得られたとする者の割合',
      ]);
  });
  it.each([
    ['gives a short line that ends a sentence to the goal, even when its length fits the indicator',
      'ハローワークにおける障害者の就職件数 ハローワークにおける障害者の就\nを84,602件以上とする。\n職件数',
      'ハローワークにおける障害者の就職件数を84,602件以上とする。', 'ハローワークにおける障害者の就職件数'],
    ['gives a line that goes on with a number the wrap broke (（※１ ⏎ ００％) to the column that broke it',
      '高圧ガスに係る災害事故の前年比減（※１ 高圧ガスに係る災害事故による\n人的被害を伴う事故の件数（年\n００％未満なら目標達成）\nベース）',
      '高圧ガスに係る災害事故の前年比減（※１００％未満なら目標達成）', '高圧ガスに係る災害事故による人的被害を伴う事故の件数（年ベース）'],
    ['gives the lines above the first line of two to the column that goes on after the other ended its sentence: the taller text, which the centred cells print first',
      '日本人職員数（職員全体）\n日本再興戦略に掲げた2025年までに国 ＵＮMASが表明する地雷犠牲者\n連関係機関の邦人職員数を1000人とす 数半減の目標値のうち，日本の拠\nる目標に向けた水準（現状職員数の1.25 出により裨益した人数。\n倍）の達成',
      '日本人職員数（職員全体）日本再興戦略に掲げた2025年までに国連関係機関の邦人職員数を1000人とする目標に向けた水準（現状職員数の1.25倍）の達成', 'ＵＮMASが表明する地雷犠牲者数半減の目標値のうち，日本の拠出により裨益した人数。'],
    ['gives a line that closes a bracket it did not open (12人）…) to the column that left one open',
      '2030年までに世界全体の1,000人当た 世界全体の1000人当たりの5歳\nりの新生児の死亡者数を減らす（目標値： 未満児童の死亡者数\n目標値\n12人/1000人）【SDG3.2】',
      '2030年までに世界全体の1,000人当たりの新生児の死亡者数を減らす（目標値：12人/1000人）【SDG3.2】', '世界全体の1000人当たりの5歳未満児童の死亡者数'],
    ['gives a line that closes a bracket of any kind it did not open (`を図る】`, `とする）` after a pair) to the column that left one open',
      '①【国際交流事業の拡充と参加団 参加者アンケートの評価の平均\n体の増加と参加者の満足度の向上\nを図る】\n値（５点満点）\n（満足度：平均４点以上\nとする）',
      '①【国際交流事業の拡充と参加団体の増加と参加者の満足度の向上を図る】（満足度：平均４点以上とする）', '参加者アンケートの評価の平均値（５点満点）'],
    ['gives two or more lines above the first line of two to the one column whose width they fit',
      '岩手・宮城・福島各県の主要な魚\n市場の水揚げ量の被災前年比\n水揚げ量を被災前年比(22年３月-23年2 (22年３月-23年2月合計)\n月合計)100%に回復する。',
      '水揚げ量を被災前年比(22年３月-23年2月合計)100%に回復する。', '岩手・宮城・福島各県の主要な魚市場の水揚げ量の被災前年比(22年３月-23年2月合計)'],
    ['gives the lines above the first line of two to the column that goes on after the other ended a bracket',
      '日本人職員数（幹部職員）\n日本再興戦略に掲げた2025年までに国\n連関係機関の邦人職員数を1000人とす 日本人職員数（専門職以上）\nる目標に向けた水準（現状職員数の1.25\n倍）の達成',
      '日本人職員数（幹部職員）日本再興戦略に掲げた2025年までに国連関係機関の邦人職員数を1000人とする目標に向けた水準（現状職員数の1.25倍）の達成', '日本人職員数（専門職以上）'],
  ])('%s', (_, text, goal, indicator) => {
    expect(splitTwoColumns(box(text))).toEqual([goal, indicator]);
  });
  it('takes the wrapped lines printed in boxes after it', () => {
    // The title's piece (果実績) at the box's top is a token of its own.
    const [, first, ...rest] = contextOf(paragraphs('果実績\n本事業による調査等の件数を政策立案や 政策立案や審議会等で活用され', '審議会等に１００％活用していき、中小水', 'た調査の割合')).tokens;
    expect(splitTwoColumns(first!, rest)).toEqual(['本事業による調査等の件数を政策立案や審議会等に１００％活用していき、中小水', '政策立案や審議会等で活用された調査の割合']);
  });
  it('deals wrapped lines printed one to a box after it in turns, so that the one line ending a sentence ends the goal', () => {
    const [, first, ...rest] = contextOf(paragraphs('果実績\n環境リスク調査融資に取り組む地域金融 割合＝地方銀行の指定金融機関', '数（実績有）÷105（地方銀行数）', '機関の割合を30％程度とする。', '×100')).tokens;
    expect(splitTwoColumns(first!, rest)).toEqual(['環境リスク調査融資に取り組む地域金融機関の割合を30％程度とする。', '割合＝地方銀行の指定金融機関数（実績有）÷105（地方銀行数）×100']);
  });
  it('splits a box whose taller text fills three lines above the first line of two', () => {
    const box = '績\n招へい者に対する本事業の成果\nに関する評価結果を分析し、本事\n業の理解度の高い参加者数を指\nネスコ国内委員会職員等を招へいし、我 標とする。\n（事業の各プログラムに対する４\n'
      + 'が国のユネスコ活動の理解促進を図って 段階評価（A～D）を平均し、B以 目標値\nいく事業であるため目標最終年度は無い\n上の評価を下した参加者数で判\nが27年度の目標値を記載している。\n断）';
    expect(splitTwoColumns(contextOf(paragraphs(box)).tokens[0]!)).toEqual([
      'ネスコ国内委員会職員等を招へいし、我が国のユネスコ活動の理解促進を図っていく事業であるため目標最終年度は無いが27年度の目標値を記載している。',
      '招へい者に対する本事業の成果に関する評価結果を分析し、本事業の理解度の高い参加者数を指標とする。（事業の各プログラムに対する４段階評価（A～D）を平均し、B以上の評価を下した参加者数で判断）',
    ]);
  });
  it('puts a column\'s lines printed after the box first when the box\'s lines ended their sentence and those do not (the title\'s lines beside them)', () => {
    const [first, ...rest] = contextOf(paragraphs('招へい者に対する本事業の成果\nに関する評価結果を分析し、本事\n業の理解度の高い参加者数を指\nネスコ国内委員会職員等を招へいし、我 標とする。\nが国のユネスコ活動の理解促進を図って 段階評価を平均した参加者数\nいく事業であるため目標値を記載している。',
      '日本の活動の理解を深めた招へい者を', '成果目標及び成 100%とする。\n果実績\n※本事業は毎年度定期的に加盟国のユ')).tokens;
    expect(splitTwoColumns(first!, rest)).toEqual([
      '日本の活動の理解を深めた招へい者を100%とする。※本事業は毎年度定期的に加盟国のユネスコ国内委員会職員等を招へいし、我が国のユネスコ活動の理解促進を図っていく事業であるため目標値を記載している。',
      '招へい者に対する本事業の成果に関する評価結果を分析し、本事業の理解度の高い参加者数を指標とする。段階評価を平均した参加者数',
    ]);
  });
  it('reads a box whose one line of both runs on into the row\'s label and unit, its full stop on a line below, and puts first the goal\'s lines printed beside the title after it', () => {
    const [first, ...rest] = contextOf(paragraphs('10％増加させ、28年度に約58万件とする 認定（仮認定を含む）ＮＰＯ法人数 目標値 法人数\n。', 'ＮＰＯホームページのアクセス数を平成24\n果実績\n年4月の改正法施行より5年間で毎年'), 'pdftotext').tokens;
    expect(splitTwoColumns(first!, rest)).toEqual(['ＮＰＯホームページのアクセス数を平成24年4月の改正法施行より5年間で毎年10％増加させ、28年度に約58万件とする。', '認定（仮認定を含む）ＮＰＯ法人数']);
  });
  it('leaves a box of one text alone', () => {
    expect(splitTwoColumns(box('調査票の回収率50%を目指す'))).toBeNull();
    // A space on its fourth line, below lines of no one width: one text still.
    expect(splitTwoColumns(box('②革新的な次世代型低消費電力デバイス\n開発\nⅱ超格子メモリを用いたメモリシステムの\n動作電力：66mW、平成27年度 33mW'))).toBeNull();
  });
});

describe('policy', () => {
  it('reads a -layout 関係 text whose lines stand above and below its label\'s line, which they leave empty', () => {
    const text = [
      ' 政                                           本報告書では先端技術を全国に先駆けて開発・導入することを通じて、地域の',
      ' 策                                           発・実証プロジェクトを着実に実施することが課題となっている。政策目標の',
      ' 評          本事業の成果と上位施策・測定指標との関係',
      ' 価',
      '                                             強化を図ることが必要となる。快適領域には主に温度と湿度が関係している',
      ' 、                                           る。',
    ].join('\n');
    expect(matchPolicy(contextOf(text, 'layout')).contribution?.replace(/\s+/g, '')).toBe('本報告書では先端技術を全国に先駆けて開発・導入することを通じて、地域の発・実証プロジェクトを着実に実施することが課題となっている。政策目標の強化を図ることが必要となる。快適領域には主に温度と湿度が関係しているる。');
  });
  it('takes the 関係 text printed after the measure tables, just before the next section', () => {
    const ctx = contextOf(paragraphs('政策', 'Ⅷ．その他', '施策', '８．技能講習修了者のデータ一元管理の強化', '定性的指標', '本事業の成果と上位施策・測定指標との関係',
      '平成26年度', '目標', '産・学・金・官の連携により、地域の資源と資金を活用して、雇用を創出する。', '施策の進捗状況（実績）', '維持に向けた取組を推進。',
      'GDFが製薬企業等から検査機器や治療薬を購入し、貧困国や感染地域等への提供を行う。', '事業所管部局による点検・改善'));
    expect(matchPolicy(ctx)).toEqual({ policy: 'Ⅷ．その他', measure: '８．技能講習修了者のデータ一元管理の強化', contribution: 'GDFが製薬企業等から検査機器や治療薬を購入し、貧困国や感染地域等への提供を行う。' });
  });
  it('reads row text\'s outcome goal and indicator from the paragraph around their rows, side by side on its lines', () => {
    const text = [
      '中間目標 目標最終年度',
      '定量的な成果目標 成果指標 単位 24年度 25年度 26年度',
      '',
      '成果実',
      '績 件 11,230 3,783 2,562 - 年度',
      '「政策課題分析シリーズ」のホーム 「政策課題分析シリーズ」のホ',
      '成果目標及び成 ページアクセス回数を維持する。 ームページアクセス回数（※アク',
      '果実績 セス件数はサーバのログによる。）',
      '（アウトカム） 目標値 件 - - 3,783 - 2562',
      '達成度 ％ - - 67.7 - -',
    ].join('\n');
    const [outcome] = matchOutcomes(contextOf(text, 'rows'), 2015);
    expect([outcome!.goal, outcome!.indicator]).toEqual(['「政策課題分析シリーズ」のホームページアクセス回数を維持する。', '「政策課題分析シリーズ」のホームページアクセス回数（※アクセス件数はサーバのログによる。）']);
  });
  it('reads row text\'s 活動指標 as the paragraph around its group\'s rows, without the section title\'s pieces', () => {
    const text = [
      '活動指標 24年度 25年度 26年度 27年度活動見込',
      '活動指標及び活',
      '動実績 活動実績 件 2 2 2 2',
      '「政策課題分析シリーズ」の改良',
      '（アウトプット） 結果や試算等成果物の公表（経済財政白書における',
      'を含む）。 当初見込み 件 2 2 2',
      '',
      '活動実績 回 50 59 52 -',
      '講師派遣の回数47回以上',
      '当初見込み 回 47 47 47',
    ].join('\n');
    expect(matchOutputs(contextOf(text, 'rows'), 2015).map((o) => [o.indicator, o.unit, o.values.map((v) => v.actual)])).toEqual([
      ['「政策課題分析シリーズ」の改良結果や試算等成果物の公表（経済財政白書におけるを含む）。', '件', [2, 2, 2, null]],
      ['講師派遣の回数47回以上', '回', [50, 59, 52, null]],
    ]);
  });
  it('reads row text\'s 事業の目的 and 事業概要 as the paragraphs around their labels, without the labels\' notes', () => {
    const text = [
      '事業の目的',
      '（目指す姿を簡',
      '潔に。3行程度以 経済財政政策が経済社会に及ぼす影響を分析することを目的とする。',
      '内）',
      '',
      '事業概要 ・日本経済が直面する課題を取り上げ、その分析を行う。',
      '（5行程度以内。',
      '別添可） ・都道府県別経済財政モデルの改良を行う。',
    ].join('\n');
    expect(matchProject(contextOf(text, 'rows'))).toMatchObject({
      purpose: '経済財政政策が経済社会に及ぼす影響を分析することを目的とする。',
      overview: '・日本経済が直面する課題を取り上げ、その分析を行う。・都道府県別経済財政モデルの改良を行う。',
    });
  });
  it('reads row text\'s self-check explanations and opinions as the paragraphs around their items and labels', () => {
    const text = [
      '①リウマチ及びアレルギー対策を総合的・体',
      '事業の目的は国民や社会のニーズを的確に反映しているか。 ○ 系的に実施するための検討会を開催する。',
      '',
      '国',
      '費',
      '地方自治体、民間等に委ねることができない事業なのか。 ○ 更生保護において，犯罪被害者等に',
      '十分な配慮をする。',
      '',
      '独立行政法人農業生物資源研究所が調査',
      '点検結果 及び研究等を行う。',
      '',
      '改善の 平成26年度をもって事業終了。',
      '方向性',
      '',
      '事',
      '業',
      '内',
      '容',
      '行政事業レビュー推進チームの',
      '所見 の 被災した施設等の復旧を図る。',
      '一',
      '部',
      '改',
      '善',
    ].join('\n');
    const ctx = contextOf(text, 'rows');
    const [needs, local] = matchSelfCheck(ctx);
    expect([needs!.mark, needs!.explanation]).toEqual(['○', '①リウマチ及びアレルギー対策を総合的・体系的に実施するための検討会を開催する。']);
    // The group's vertical heading letters (国, 費) are no part of the text.
    expect([local!.mark, local!.explanation]).toEqual(['○', '更生保護において，犯罪被害者等に十分な配慮をする。']);
    const review = matchReview(ctx);
    expect([review.checkResult, review.improvementDirection]).toEqual(['独立行政法人農業生物資源研究所が調査及び研究等を行う。', '平成26年度をもって事業終了。']);
    // A verdict spelt down the lines around its label, above and below it.
    expect([review.reviewTeamOpinion, review.reviewTeamVerdict]).toEqual(['被災した施設等の復旧を図る。', '事業内容の一部改善']);
  });
  it('reads no 関係 text into a label whose cell beside it is a number (row text), and does not fail', () => {
    const text = ['施策の進捗状況をはかる指標として平成27年度までに全国展開を進めている', '本事業の成果と上位施策・測定指標との関係 12', '事業所管部局による点検・改善'].join('\n');
    const ctx = contextOf(text, 'rows');
    expect(matchPolicy(ctx).contribution).not.toBe('施策の進捗状況をはかる指標として平成27年度までに全国展開を進めている');
  });
  it('joins the second part of a 施策 cell that pdftotext boxed apart, right before the next label, but not a formula printed there', () => {
    const measure = (...after: string[]) => matchPolicy(contextOf(paragraphs('政策', 'Ⅶ．海洋政策の充実', '施策', '６．固定翼哨戒機', ...after, '定性的指標', '目標'), 'pdftotext')).measure;
    expect(measure('Ｐ-１等の推進')).toBe('６．固定翼哨戒機Ｐ-１等の推進');
    expect(measure('80,706／26')).toBe('６．固定翼哨戒機');
    expect(measure('Ｐ-１等の推進', '要保護児童等の保護')).toBe('６．固定翼哨戒機');
  });
  it('takes the 関係 text printed just before the 2016 sheets\' reform table (分野：), which comes before the next section', () => {
    const ctx = contextOf(paragraphs('政策', 'Ⅷ．その他', '施策', '８．技能講習修了者のデータ一元管理の強化', '本事業の成果と上位施策・測定指標との関係',
      '施策の進捗状況（目標）', '平成27年度', '増加に向けた取組を推進。', 'ホームレス等の就労・職場定着を図るため、職業相談・職業紹介を行う。',
      '分野：', '-', 'ＫＰＩ\n（第一階層）', '計画開始時', '事業所管部局による点検・改善'), 'pdftotext');
    expect(matchPolicy(ctx).contribution).toBe('ホームレス等の就労・職場定着を図るため、職業相談・職業紹介を行う。');
  });
  it('takes the one box numbered the way a 政策 (Ⅲ．) or a 施策 (８．) is, when stream text printed it far from its label', () => {
    const ctx = contextOf(paragraphs('33／8,560', 'Ⅲ．その他', '27年度活動見込', '当初見込み', '単位', '政策', '施策', '定性的指標', ...Array(8).fill('-'), '８．日仏文化交流事業の強化', '事業所管部局による点検・改善'), 'pdftotext');
    expect(matchPolicy(ctx)).toMatchObject({ policy: 'Ⅲ．その他', measure: '８．日仏文化交流事業の強化' });
  });
  it('joins, in layout text, the line beside the label to the lines above and below it', () => {
    const text = [
      '                                               国と都道府県との負担割合は国が2/3により実施している。沖縄の自立的発展と豊かな住民生活の実',
      '            本事業の成果と上位施策・測定指標との関係 現を図るため、沖縄振興計画に沿った施策の推進を支援する。また、建設業が',
      '                                               持続的に役割を担える環境の整備を図る。',
      '                                               事業所管部局による点検・改善',
    ].join('\n');
    expect(matchPolicy(contextOf(`${text}\n`, 'layout')).contribution).toBe('国と都道府県との負担割合は国が2/3により実施している。沖縄の自立的発展と豊かな住民生活の実現を図るため、沖縄振興計画に沿った施策の推進を支援する。また、建設業が持続的に役割を担える環境の整備を図る。');
  });
  it('joins, in layout text, a line above the label that breaks off mid-sentence to the line as far below the label', () => {
    const text = [
      ' 策                                               ホームレス等の就労・職場定着を図るため、職業相談・職業紹介を行い、事業主等に対する職場定着指導を行う',
      ' 評          本事業の成果と上位施策・測定指標との関係',
      ' 価',
      '                                                 とともに、求人者支援員を配置して求人開拓・求人情報等の収集等を行う。',
      ' 、',
      '                                                 事業所管部局による点検・改善',
    ].join('\n');
    expect(matchPolicy(contextOf(`${text}\n`, 'layout')).contribution).toBe('ホームレス等の就労・職場定着を図るため、職業相談・職業紹介を行い、事業主等に対する職場定着指導を行うとともに、求人者支援員を配置して求人開拓・求人情報等の収集等を行う。');
  });
  it('drops a label that pdftotext boxed with the 施策 below it', () => {
    const ctx = contextOf(paragraphs('政策', 'Ⅲ．少子化社会対策政策', '施策', '１．道路事業（直轄・交通安全対策の促進\n目標', '測\n定\n指\n標'), 'pdftotext');
    expect(matchPolicy(ctx)).toMatchObject({ policy: 'Ⅲ．少子化社会対策政策', measure: '１．道路事業（直轄・交通安全対策の促進' });
  });
  it('takes the 政策 cell printed just before the 施策 label when its own label is far away', () => {
    const ctx = contextOf(paragraphs('測\n定\n指\n標', 'Ⅷ．その他の充実', '施策', '９．東日本大震災からの被災地の復興の促進', '定性的指標', '政策'), 'pdftotext');
    expect(matchPolicy(ctx)).toMatchObject({ policy: 'Ⅷ．その他の充実', measure: '９．東日本大震災からの被災地の復興の促進' });
  });
  it('joins a 関係 text cut by its label amid the section, without the next label\'s pieces boxed after it', () => {
    const ctx = contextOf(paragraphs('施策の進捗状況（目標）', '増加に向けた取組を推進。',
      '本件基金を通じても引き続き協力・貢献を行っていく必要がある。出向については、出向元事業主が負担し\n本事業の成果と上位施策・測定指標との関係\nた賃金相当額について助成を行う。\n改革\n項目',
      '経\n済\n・\n財\n政', 'K\nP\nI', '施策の進捗状況（実績）', '平成27年度'), 'pdftotext');
    expect(matchPolicy(ctx).contribution).toBe('本件基金を通じても引き続き協力・貢献を行っていく必要がある。出向については、出向元事業主が負担した賃金相当額について助成を行う。');
  });
  it('leaves a heading printed down the margin above the 関係 label out of its text', () => {
    const ctx = contextOf(paragraphs('施策の進捗状況（実績）', '維持に向けた取組を推進。', [...'策評価政策評価、経済・財政再生アクション・プログラムとの関係'].join('\n'),
      '本事業の成果と上位施策・測定指標との関係 請負者は給水装置データベースの運用・保守管理を行い、適切な情報提供を確保する。', '改革\n項目'), 'pdftotext');
    expect(matchPolicy(ctx).contribution).toBe('請負者は給水装置データベースの運用・保守管理を行い、適切な情報提供を確保する。');
  });
  it('reads a 関係 text pdftotext printed after the reform table\'s first cells and the 施策 progress cells', () => {
    const ctx = contextOf(paragraphs('施策の進捗状況（実績）', '本事業の成果と上位施策・測定指標との関係', '改革\n項目', '経', '26年度', '分野： -', '平成27年度', '維持',
      '施策の進捗状況（目標）', '平成27年度', '維持', '目標年度', '29', '維持に向けた取組を推進。',
      '土地政策の基本的理念、土地をめぐる動向等をふまえた基本的な課題等の分析・情報発信及び国民等への理解の促進を\n図り、もって土地に関する施策を総合的に実施することを目的とする。', 'K\nP\nI'), 'pdftotext');
    expect(matchPolicy(ctx).contribution).toBe('土地政策の基本的理念、土地をめぐる動向等をふまえた基本的な課題等の分析・情報発信及び国民等への理解の促進を図り、もって土地に関する施策を総合的に実施することを目的とする。');
  });
  it('joins the lines of a 関係 text that pdftotext printed its label into', () => {
    const across = contextOf(paragraphs('施策の進捗状況（実績）', '全国展開に向けた取組を推進。', '農業機械の開発・改良、実用化の促進等を通じて生産性向上を図る。本会合は，交渉の実務',
      '本事業の成果と上位施策・測定指標との関係 担当者が非公式な形で意思疎通を行う場として，国', '際的に認知されたプラットフォームとして確立している。', '事業所管部局による点検・改善'), 'pdftotext');
    expect(matchPolicy(across).contribution).toBe('農業機械の開発・改良、実用化の促進等を通じて生産性向上を図る。本会合は，交渉の実務担当者が非公式な形で意思疎通を行う場として，国際的に認知されたプラットフォームとして確立している。');
    const alone = contextOf(paragraphs('100%に向けた取組を推進。', '化学、生物、放射線及び核（ＣＢＲＮ）汚染の脅威に対処するため、予測・評価可\n本事業の成果と上位施策・測定指標との関係\n能なシステムについて研究し、将来の装備品等に反映する。', '事業所管部局による点検・改善'), 'pdftotext');
    expect(matchPolicy(alone).contribution).toBe('化学、生物、放射線及び核（ＣＢＲＮ）汚染の脅威に対処するため、予測・評価可能なシステムについて研究し、将来の装備品等に反映する。');
    const shortTail = contextOf(paragraphs('施策の進捗状況（実績）', '防衛装備庁における調達事業においては、契約相手方の選定を公平かつ適切に行うため、資産の状況及び信',
      '本事業の成果と上位施策・測定指標との関係 用度の程度等の業態調査を行っている。難民が裨益する試', '算となる。', '事業所管部局による点検・改善'), 'pdftotext');
    expect(matchPolicy(shortTail).contribution).toBe('防衛装備庁における調達事業においては、契約相手方の選定を公平かつ適切に行うため、資産の状況及び信用度の程度等の業態調査を行っている。難民が裨益する試算となる。');
  });
});

describe('outputs', () => {
  /** A unit cost that gives only its 算出根拠. */
  const withBasis = (basis: string): UnitCost => ({ basis, unit: null, formulaUnit: null, values: [] });
  it('gives the groups with no text of their own the texts a box before an earlier group stacks, one each, a ／ past its first line being no 算出根拠', () => {
    const ctx = contextOf(paragraphs('活動指標', '25年度', '相談件数', '26年度', '27年度', '28年度活動見込', '活動実績', '件', '10', '20', '30', '当初見込み', '件', '-', '-', '-', '40',
      '活動指標及び活\n動実績\n（アウトプット）', '市町村老人クラブ数', '都道府県・指定都市老人クラブ連合会数\nｘ「交付決定額（適正老人クラブ事業分：百万円）」 ／\nラブ数」',
      '活動実績', '箇所', '1,927', '1,939', '-', '当初見込み', '箇所', '-', '-', '-', '活動実績', '箇所', '62', '62', '-', '当初見込み', '箇所', '-', '-', '-',
      '活動実績', '-', '-', '-', '当初見込み', '-', '-', '-', '単位当たり\nコスト', '算出根拠', '政策'), 'pdftotext');
    expect(matchOutputs(ctx, 2016).map((o) => [o.indicator, o.unit, o.values[0]!.actual])).toEqual([
      ['相談件数', '件', 10], ['市町村老人クラブ数', '箇所', 1927], ['都道府県・指定都市老人クラブ連合会数', '箇所', 62], ['ｘ「交付決定額（適正老人クラブ事業分：百万円）」 ／ラブ数」', null, null],
    ]);
  });
  it('reads a -layout unit wrapped around its row\'s label, and the row\'s cells a line below a label with nothing beside it, leaving the unit out of the indicator', () => {
    const text = [
      '                               活動指標                                 24年度           25年度          26年度          27年度活動見込',
      line([78, '市町村']),
      line([64, '活動実績'], [100, '212'], [116, '227'], [129, '229'], [163, '229']),
      line([79, '国保']),
      line([12, '介護２号保険料の免除措置を実施した保険者数を記載。']),
      line([0, '活動指標及び活'], [79, '市町村']),
      line([2, '動実績'], [63, '当初見込み'], [102, '-'], [119, '-'], [131, '-']),
      line([79, '国保']),
      line([0, '（アウトプット）']),
      line([78, '国保組']),
      line([64, '活動実績']),
      line([79, '合'], [98, '12'], [114, '10'], [127, '9'], [164, '9']),
      line([12, '介護２号保険料の免除措置を実施した保険者数を記載。']),
      line([78, '国保組']),
      line([64, '当初見込み'], [102, '-'], [119, '-'], [131, '-']),
      line([79, '合']),
    ].join('\n');
    expect(matchOutputs(contextOf(text, 'layout'), 2015).map((o) => [o.indicator, o.unit, o.values.map((v) => v.actual)])).toEqual([
      ['介護２号保険料の免除措置を実施した保険者数を記載。', '市町村国保', [212, 227, 229, null]],
      ['介護２号保険料の免除措置を実施した保険者数を記載。', '国保組合', [12, 10, 9, null]],
    ]);
  });
  it('reads a -layout indicator printed twice, beside each of its rows, once', () => {
    const text = [
      '                              活動指標                                                24年度            25年度        26年度                27年度活動見込',
      line([61, '活動実績'], [77, '件'], [88, '634'], [106, '608'], [118, '627'], [156, '590']),
      line([11, '働く女性の健康保持増進に関する相談件数600件以上']),
      '',
      line([0, '活動指標及び活']),
      line([2, '動実績']),
      line([11, '働く女性の健康保持増進に関する相談件数600件以上']),
      line([52, '当初見込み'], [68, '件'], [83, '590'], [95, '590'], [108, '590']),
    ].join('\n');
    expect(matchOutputs(contextOf(text, 'layout'), 2015).map((o) => o.indicator)).toEqual(['働く女性の健康保持増進に関する相談件数600件以上']);
  });
  it('reads a row past a check box printed among its cells and through cells boxed under their column heads (25年度 ⏎ 608)', () => {
    const ctx = contextOf(paragraphs('活動指標', '相談件数600件以上', '活動指標及び活\n動実績', '24年度', '活動実績', '件', 'チェック', '634', '25年度\n608', '26年度\n627',
      '当初見込み', '件', '590', '590', '590', '算出根拠', '政策'), 'pdftotext');
    const [output] = matchOutputs(ctx, 2015);
    expect(output!.values.slice(0, 3).map((v) => [v.actual, v.planned])).toEqual([[634, 590], [608, 590], [627, 590]]);
  });
  it('gives the indicators printed ahead of the rows to the first outputs, and those after the rows to the rest', () => {
    const ctx = contextOf(paragraphs('活動指標', '25年度', '研究報告書の作成・公表', '活動指標及び活', '動実績', '（アウトプット）', '厚生政策セミナーの開催回数',
      '活動実績', '件', '-', '1', '1', '当初見込み', '件', '-', '1', '1', '活動実績', '回数', '-', '-', '1', '当初見込み', '回数', '-', '-', '1',
      '活動実績', '件', '-', '-', '-', '当初見込み', '件', '-', '-', '-', '報告書の作成・公表（推進プロジェクト）'), 'pdftotext');
    expect(matchOutputs(ctx, 2016).map((o) => o.indicator)).toEqual(['研究報告書の作成・公表', '厚生政策セミナーの開催回数', '報告書の作成・公表（推進プロジェクト）']);
  });
  it('gives the text after a 活動指標 head printed after the rows to the first output, and the texts beside the title before the rows to the others', () => {
    const rows = (a: string) => ['活動実績', '件', '1', '2', a, '当初見込み', '件', '1', '2', '3'];
    const ctx = contextOf(paragraphs('活動指標及び活 民事上の個別労働紛争相談件数\n動実績\n（アウトプット）', '助言・指導申出受付件数', '単位当たり\nコスト',
      ...rows('10'), ...rows('20'), ...rows('30'), '活動指標', '総合労働相談件数', '主な増減理由', '政策'), 'pdftotext');
    expect(matchOutputs(ctx, 2016).map((o) => [o.indicator, o.values[2]!.actual])).toEqual([['総合労働相談件数', 10], ['民事上の個別労働紛争相談件数', 20], ['助言・指導申出受付件数', 30]]);
  });
  it('gives the first output, with no text before its rows, the text after the rows that the 算出根拠 names, past the unit-cost cells', () => {
    const rows = (a: string) => ['活動実績', '件', '-', '-', a, '当初見込み', '件', '-', '-', a];
    const ctx = contextOf(paragraphs('活動指標', '24年度', '26年度', ...rows('6'), '産地が連携した輸出振興体制の構築を図る取組', ...rows('7'), '戦略に沿った産地等の取組', ...rows('62'), ...rows('1'),
      '（アウトプット）', '米の輸出拡大の取組（検討会開催件数）', '単位当たり\nコスト', '算出根拠', '百万円', '計算式', '事業に係る費用／ジャパン・ブランドの確立に向けた取組', '単位',
      'ジャパン・ブランドの確立に向けた取組（国内での検討会の開催件数）', '政策'), 'pdftotext');
    expect(matchOutputs(ctx, 2015, withBasis('事業に係る費用／ジャパン・ブランドの確立に向けた取組')).map((o) => [o.indicator, o.values[2]!.actual])).toEqual([
      ['ジャパン・ブランドの確立に向けた取組（国内での検討会の開催件数）', 6], ['産地が連携した輸出振興体制の構築を図る取組', 7], ['戦略に沿った産地等の取組', 62], ['米の輸出拡大の取組（検討会開催件数）', 1],
    ]);
  });
  it('reads the rows and the indicators between the title and the rows when the 活動指標 head comes after them: the first row headless, its 活動実績 label late', () => {
    const ctx = contextOf(paragraphs('（アウトプット）', '単位当たり\nコスト', '24年度', '技能講習修了者のデータを80万件以上入力する。', '登録教習機関に周知を図り、引き渡しがない場合には個別に要請する。',
      '算出根拠', '単位\n円', '25年度', '26年度', '件', '800,309', '-', '-', '当初見込み', '件', '800,000', '-', '-',
      '活動実績', '回', '3', '4', '5', '当初見込み', '回', '3', '4', '5', '27年度活動見込', '活動実績', '補助に係る費用／技能講習修了者のデータ', '活動指標', '主な増減理由', '政策'), 'pdftotext');
    expect(matchOutputs(ctx, 2015).map((o) => [o.indicator, o.unit, o.values.slice(0, 3).map((v) => [v.actual, v.planned])])).toEqual([
      ['技能講習修了者のデータを80万件以上入力する。', '件', [[800309, 800000], [null, null], [null, null]]],
      ['登録教習機関に周知を図り、引き渡しがない場合には個別に要請する。', '回', [[3, 3], [4, 4], [5, 5]]],
    ]);
  });
  it('gives the one text after the rows to the one output with no text before its rows, whichever it is', () => {
    const rows = (unit: string) => ['活動実績', unit, '-', '-', '-', '当初見込み', unit, '-', '-', '-'];
    const ctx = contextOf(paragraphs('活動指標', '活動指標及び活\n動実績', '実際の参加者数', '（アウトプット）', '26年度', '27年度', '28年度活動見込',
      ...rows('人'), ...rows('記事数'), '-', 'シンポジウム後にメディアやブログ等で取り上げられた数', '単位当たり\nコスト', '算出根拠', '政策'), 'pdftotext');
    expect(matchOutputs(ctx, 2016).map((o) => [o.indicator, o.unit])).toEqual([['実際の参加者数', '人'], ['シンポジウム後にメディアやブログ等で取り上げられた数', '記事数']]);
  });
  it('takes each item of a numbered list that one box stacks, the labels printed into it left out, for an indicator', () => {
    const rows = (a: string, p: string) => ['活動実績', '人', '-', '-', a, '当初見込み', '人', '-', '-', p];
    const ctx = contextOf(paragraphs('活動指標', '24年度', '①菊展示及び関連イベント(H26年11\n月)SNS投稿者数\n活動指標及び活 ②菊展示記念講演会(H26年11月8日)\n動実績\n来場者数', '（アウトプット）',
      '③技術交流シンポジウム(H27年3月11日)来\n場者数', '単位当たり\nコスト', ...rows('8,560', '5,000'), ...rows('108', '100'), ...rows('80', '80'), '政策'), 'pdftotext');
    expect(matchOutputs(ctx, 2015).map((o) => [o.indicator, o.values[2]!.actual])).toEqual([
      ['①菊展示及び関連イベント(H26年11月)SNS投稿者数', 8560], ['②菊展示記念講演会(H26年11月8日)来場者数', 108], ['③技術交流シンポジウム(H27年3月11日)来場者数', 80],
    ]);
  });
  it('reads a first output whose two rows are both headless, the 活動見込 run the last row\'s reading took, and no output from the policy table\'s 活動実績 head', () => {
    const ctx = contextOf(paragraphs('活動指標', '25年度', '活動指標及び活 環境配慮型融資に係る交付決定件数\n動実績', '（アウトプット）', '環境リスク調査融資に係る交付決定件数', '単位当たり\nコスト', '算出根拠',
      '件', '6', '51', '147', '件', '10', '30', '50', '活動実績', '件', '16', '31', '45', '当初見込み', '件', '10', '20', '35', '50', '35', '27年度',
      '施策', '定性的指標', '目標', '我が国は条約交渉の当初から主導的役割を果たし', '活動実績', '390／14', '当初見込み', '政策'), 'pdftotext');
    expect(matchOutputs(ctx, 2016).map((o) => [o.indicator, o.unit, o.values.map((v) => [v.actual, v.planned])])).toEqual([
      ['環境配慮型融資に係る交付決定件数', '件', [[6, 10], [51, 30], [147, 50], [null, 50]]],
      ['環境リスク調査融資に係る交付決定件数', '件', [[16, 10], [31, 20], [45, 35], [null, 35]]],
    ]);
  });
  it('cuts a box that stacks two indicators after the short line that ends the first, when the texts ahead of the rows are too few', () => {
    const rows = (unit: string) => ['活動実績', unit, '-', '1', '1', '当初見込み', unit, '-', '1', '1'];
    const ctx = contextOf(paragraphs('活動指標', '25年度', '研究報告書の作成・公表', '活動指標及び活\n動実績',
      '厚生政策セミナーにおいて、地域診断・人口\n推計ツールの概要を説明し、ツールの普及\n調査事業分）\n報告書の作成・公表（社会保障「スマート化\nェクト事業分）', '単位当たり\nコスト',
      ...rows('件'), ...rows('回数'), ...rows('件'), '政策'), 'pdftotext');
    expect(matchOutputs(ctx, 2016).map((o) => o.indicator)).toEqual([
      '研究報告書の作成・公表', '厚生政策セミナーにおいて、地域診断・人口推計ツールの概要を説明し、ツールの普及調査事業分）', '報告書の作成・公表（社会保障「スマート化ェクト事業分）',
    ]);
  });
  it('reads the first years of two row labels printed together year by year when the later columns were printed elsewhere, and leaves those null', () => {
    const ctx = contextOf(paragraphs('活動指標', '25年度', '26年度', '27年度', '活動指標及び活', '動実績', '（アウトプット）', '南米諸国との首脳会談と外相会談の実施数',
      '活動実績', '当初見込み', '回', '回', '6', '5', '5', '5', '年度', '-', '算出根拠', '政策'), 'pdfminer');
    const [output] = matchOutputs(ctx, 2016);
    expect([output!.unit, output!.values.map((v) => [v.actual, v.planned])]).toEqual(['回', [[6, 5], [5, 5], [null, null], [null, null]]]);
  });
  it('reads the later year after its own head and the 活動見込 head down every row, when every row label was printed together and no first-year cells follow them', () => {
    const labels = ['活動実績', '当初見込み', '活動実績', '当初見込み'];
    const ctx = contextOf(paragraphs('活動指標', '24年度', '①SNS投稿者数', '②来場者数', ...labels, '人', '人', '人', '人', '算出根拠', '25年度', '159', '164', '年度', '-',
      '26年度', '27年度活動見込', 'チェック', '8,560', '5,000', '108', '100', '年度', '政策'), 'pdfminer');
    expect(matchOutputs(ctx, 2015).map((o) => o.values.slice(0, 3).map((v) => [v.actual, v.planned]))).toEqual([
      [[null, null], [null, null], [8560, 5000]], [[null, null], [null, null], [108, 100]],
    ]);
  });
  it('reads the later years after their heads down every row also when the rows\' labels were printed in groups, the first year left empty', () => {
    const ctx = contextOf(paragraphs('活動指標', '25年度', '研究報告書の作成・公表', '厚生政策セミナーの開催回数', '算出根拠', '活動実績', '当初見込み', '件', '件', '活動実績', '回数', '当初見込み', '回数',
      '単位当たり\nコスト', '-', '6／1', '3.8', '年度', '26年度', '27年度', '28年度活動見込', 'チェック', '1', '1', '-', '-', '1', '1', '1', '1', '年度', '政策'), 'pdfminer');
    expect(matchOutputs(ctx, 2016).map((o) => o.values.slice(0, 3).map((v) => [v.actual, v.planned]))).toEqual([
      [[null, null], [1, 1], [1, 1]], [[null, null], [null, null], [1, 1]],
    ]);
  });
  it('reads outputs whose row labels and units were printed together and only the first year\'s cells after them, the later years left null; dashes in the unit cells are units', () => {
    const labels = ['活動実績', '当初見込み', '活動実績', '当初見込み'];
    const apart = contextOf(paragraphs('活動指標', '24年度', '調査企業数', '公表回数', ...labels, '件', '件', '回', '回', '9,500', '9,500', '1', '1', '算出根拠', '政策'), 'pdfminer');
    expect(matchOutputs(apart, 2015).map((o) => [o.unit, o.values.map((v) => [v.actual, v.planned])])).toEqual([
      ['件', [[9500, 9500], [null, null], [null, null], [null, null]]], ['回', [[1, 1], [null, null], [null, null], [null, null]]],
    ]);
    const dashUnits = contextOf(paragraphs('活動指標', '24年度', '技能講習修了者のデータを80万件以上入力する。', '全ての登録教習機関に周知を図る。', ...labels, '件', '件', '-', '-',
      '800,309', '800,000', '-', '-', '算出根拠', '政策'), 'pdfminer');
    expect(matchOutputs(dashUnits, 2015).map((o) => [o.unit, o.values[0]!.actual, o.values[0]!.planned])).toEqual([['件', 800309, 800000], ['-', null, null]]);
  });
  it('reads a lone output\'s first year after its labels and its later years after their own heads, which end with the 活動見込', () => {
    const ctx = contextOf(paragraphs('活動指標', '24年度', '活動指標及び活', '動実績', '（アウトプット）', 'セミナー開催回数', '活動実績', '当初見込み', '件', '件', '-', '-', '-', '-', '-', '-', '-', '-',
      '84,602', '77,883', '108.6', '年度', '-', '25年度', '26年度', '27年度活動見込', '660', '150', '767', '250', '年度', '算出根拠', '政策'), 'pdfminer');
    const [output] = matchOutputs(ctx, 2015);
    expect(output!.values.slice(0, 3).map((v) => [v.actual, v.planned])).toEqual([[null, null], [660, 150], [767, 250]]);
  });
  it('reads two row labels printed together and seven cells ending with a dash year by year, the dash being the 活動見込, and the indicator printed between the title and the 活動指標 head', () => {
    const ctx = contextOf(paragraphs('活動指標及び活', '動実績', '（アウトプット）', '特許出願件数', '活動指標', '24年度', '25年度', '26年度', '27年度活動見込',
      '活動実績', '当初見込み', '件', '件', '39', '35', '35', '20', '32', '20', '-', '算出根拠', '政策'), 'pdfminer');
    const [output] = matchOutputs(ctx, 2015);
    expect([output!.indicator, output!.values.map((v) => [v.actual, v.planned])]).toEqual(['特許出願件数', [[39, 35], [35, 20], [32, 20], [null, null]]]);
  });
  it('takes the indicators printed together ahead of the rows, and does not take a unit the rows left unread (箇所, twice) for one', () => {
    const ctx = contextOf(paragraphs('活動指標', '25年度', '26年度', '27年度', '28年度活動見込', '事業所数を間接的指標とする。', '活動指標及び活', '動実績', '（アウトプット）',
      '市町村老人クラブ数', '老人クラブ連合会数', '活動実績', '件', '160,937', '170,337', '174,829', '174,829', '当初見込み', '件', '-', '-', '箇所', '箇所', '箇所', '箇所',
      '活動実績', '当初見込み', '活動実績', '当初見込み', '1,927', '1,939', '-', '62', '-', '-', '-', '-', '62', '-', '-', '-', '算出根拠'), 'pdfminer');
    expect(matchOutputs(ctx, 2016).map((o) => o.indicator)).toEqual(['事業所数を間接的指標とする。', '市町村老人クラブ数', '老人クラブ連合会数']);
  });
  it('takes the indicator the 算出根拠 divides by from the texts after the rows, and the 活動見込 printed with its header', () => {
    const ctx = contextOf(paragraphs('活動指標', '24年度', '活動指標及び活\n動実績\n（アウトプット）', '算出根拠', '活動実績', '回', '141', '144', '135', '当初見込み', '回', '93', '94', '120',
      '27年度活動見込\n138', '実証に係る費用／各個別事業における出張回数', '単位', '千円', '計算式', '政策', '定性的指標', 'CO2排出削減効果やコストの検証', '各個別事業における出張回数'), 'pdftotext');
    const [output] = matchOutputs(ctx, 2015, withBasis('実証に係る費用／各個別事業における出張回数'));
    expect([output!.indicator, output!.values.map((v) => v.planned)]).toEqual(['各個別事業における出張回数', [93, 94, 120, 138]]);
  });
  it('reads the rows printed after the unit cost\'s 算出根拠 label, up to the policy section', () => {
    const ctx = contextOf(paragraphs('活動指標', '24年度', '相談件数', '活動実績', '件', '634', '608', '627', '当初見込み', '件', '590', '590', '590', '算出根拠', '計算式',
      '活動実績', '回', '50', '59', '52', '当初見込み', '回', '47', '47', '47', '講師派遣の回数', '政策', '男女共同参画'), 'pdftotext');
    expect(matchOutputs(ctx, 2015).map((o) => [o.unit, o.values.slice(0, 3).map((v) => v.actual)])).toEqual([['件', [634, 608, 627]], ['回', [50, 59, 52]]]);
  });
  it('gives the rows their units printed after the labels together, when the values are too far off to read', () => {
    const ctx = contextOf(paragraphs('活動指標', '調査企業数', '公表回数', '活動実績', '当初見込み', '活動実績', '当初見込み', '件', '件', '回', '回', '9,500', '9,500', '1', '1',
      '算出根拠', '実証に係る費用／調査企業数', '政策'), 'pdfminer');
    expect(matchOutputs(ctx, 2015).map((o) => o.unit)).toEqual(['件', '回']);
  });
  it('takes a 活動実績 printed far after a headless first row for that row\'s label, not another output', () => {
    const ctx = contextOf(paragraphs('活動指標', '活動指標及び活\n動実績', '算出根拠', '計算式', '25年度', '件', '487,326', '528,360', '402,724', '当初見込み', '件', '489,325', '487,326', '528,360',
      '政策', '本事業の成果と上位施策・測定指標との関係', '活動実績', '28年度活動見込', '補助に係る費用／在宅就業者支援サイトのアクセス件数', '単位', '27年度', '在宅就業者支援サイトのアクセス件数'), 'pdftotext');
    expect(matchOutputs(ctx, 2016, withBasis('補助に係る費用／在宅就業者支援サイトのアクセス件数')).map((o) => [o.indicator, o.values[0]!.actual])).toEqual([['在宅就業者支援サイトのアクセス件数', 487326]]);
  });
  it('reads the only output\'s row printed after a line of the column heads, far from its labels', () => {
    const ctx = contextOf(paragraphs('活動実績', '27年度', '単位当たり\nコスト', '算出根拠', '当初見込み', '件', '根拠法令', '活動指標', 'M2Mシステムの調査・実証の課題件数',
      '成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙１】に記載', '25年度 26年度 27年度 28年度活動見込', '- - 7 -', '29年度要求'), 'pdfminer');
    expect(matchOutputs(ctx, 2016).map((o) => o.values.map((v) => [v.actual, v.planned]))).toEqual([[[null, null], [null, null], [7, null], [null, null]]]);
  });
  it('reads the cells after all the row labels year by year when the year heads break them, each year\'s column led by cells of the table above', () => {
    // Each column: two cells of the table above, then the four rows top down; 活動見込: one such cell, then each output's plan.
    const ctx = contextOf(paragraphs('活動指標', '輸出振興の取組', '市場調査の取組', '活動実績', '当初見込み', '活動実績', '当初見込み', '件', '件', '件', '件',
      '-', '-', '3', '4', '5', '6', '25年度', '-', '-', '7', '8', '9', '10', '26年度', '-', '-', '6', '8', '62', '11', '年度', '-', 'チェック', '27年度活動見込', '10000', '8', '11', '算出根拠'), 'pdfminer');
    expect(matchOutputs(ctx, 2015).map((o) => o.values.map((v) => [v.actual, v.planned]))).toEqual([
      [[3, 4], [7, 8], [6, 8], [null, 8]],
      [[5, 6], [9, 10], [62, 11], [null, 11]],
    ]);
  });
  it('reads a run after all the row labels row by row when its rows\' years are alike in size, then the 活動見込 column', () => {
    const ctx = contextOf(paragraphs('活動指標', '総合労働相談件数', '個別労働紛争相談件数', '活動実績', '当初見込み', '活動実績', '当初見込み', '件', '件', '件', '件',
      '1,067,210', '1,050,042', '1,033,047', '1,126,898', '993,216', '1,075,569', '254,719', '245,783', '238,806', '250,184', '210,497', '252,282', '1,075,569', '252,282', '算出根拠'), 'pdfminer');
    expect(matchOutputs(ctx, 2015).map((o) => o.values.map((v) => [v.actual, v.planned]))).toEqual([
      [[1067210, 1126898], [1050042, 993216], [1033047, 1075569], [null, 1075569]],
      [[254719, 250184], [245783, 210497], [238806, 252282], [null, 252282]],
    ]);
  });
  it('reads a first row whose 活動実績 label went with the section title, and passes over a 活動実績 heading elsewhere', () => {
    const ctx = contextOf(paragraphs('活動指標', '24年度', '文化芸術活動に対する援助', '活動指標及び活', '動実績', '（アウトプット）', '伝統芸能の公開',
      '件', '745', '686', '686', '当初見込み', '件', '781', '745', '705', '活動実績', '公演', '182', '182', '185', '当初見込み', '公演', '183', '183', '184',
      '政策', '27年度活動見込', '活動実績', '定性的指標'), 'pdftotext');
    expect(matchOutputs(ctx, 2015).map((o) => [o.indicator, o.unit, o.values.slice(0, 3).map((v) => [v.actual, v.planned])])).toEqual([
      ['文化芸術活動に対する援助', '件', [[745, 781], [686, 745], [686, 705]]],
      ['伝統芸能の公開', '公演', [[182, 183], [182, 183], [185, 184]]],
    ]);
  });
  it('reads the first row apart with its cells and the other row labels together, then their units, then the years down the rows', () => {
    const ctx = contextOf(paragraphs('活動指標', '24年度', '25年度', '26年度', '27年度活動見込', '相談件数600件以上', '活動実績', '件', '634', '608', '627',
      '相談件数600件以上', '講師派遣の回数47回以上', '当初見込み', '活動実績', '当初見込み', '件', '回', '回', '590', '50', '47', '590', '59', '47', '590', '52', '47',
      '算出根拠'), 'pdfminer');
    expect(matchOutputs(ctx, 2015).map((o) => [o.indicator, o.unit, o.values.slice(0, 3).map((v) => [v.actual, v.planned])])).toEqual([
      ['相談件数600件以上', '件', [[634, 590], [608, 590], [627, 590]]],
      ['講師派遣の回数47回以上', '回', [[50, 47], [59, 47], [52, 47]]],
    ]);
  });
  it('takes the unit glued to the indicator rather than a year header where the unit cell should be', () => {
    const ctx = contextOf(paragraphs('活動指標', 'M2Mシステムのセキュリティ技術に関する調査・実証の\n課題件数 件', '活動実績', '27年度', '-', '-', '7', '当初見込み', '-', '-', '4', '-'));
    const [output] = matchOutputs(ctx, 2016);
    expect(output).toMatchObject({ indicator: 'M2Mシステムのセキュリティ技術に関する調査・実証の課題件数', unit: '件' });
  });
  it('reads the later years pdfminer printed among the unit cost\'s cells, output by output, where the pairs are alike or a 計算式 divides by one pair\'s 活動実績', () => {
    const sheet = (formula: string) => {
      const ctx = contextOf(paragraphs('活動指標', '24年度', '25年度', '26年度', '27年度活動見込', '活動指標及び活', '動実績', '調査企業数', '（アウトプット）', '公表回数',
        '活動実績', '当初見込み', '活動実績', '当初見込み', '件', '件', '回', '回', '9,500', '9,500', '1', '1', '算出根拠', '実証に係る費用／調査企業数', '単位当たり\nコスト',
        '単位', '百万円', '計算式', '百万円/件', '政策', '24年度', '25年度', '26年度', '-', '-', '-', '-', formula, '9,500', '9,500', '11,730', '9,500', '1', '1', '1', '1', '0', '測\n定\n指\n標'), 'pdfminer');
      const unitCost: UnitCost = { basis: '実証に係る費用／調査企業数', unit: '百万円', formulaUnit: '百万円/件', values: [
        { fiscalYear: 2012, value: null, formula: null }, { fiscalYear: 2013, value: null, formula: null }, { fiscalYear: 2014, value: 0, formula }] };
      return matchOutputs(ctx, 2015, unitCost).map((o) => o.values.slice(0, 3).map((v) => [v.actual, v.planned]));
    };
    // 16／11,730 divides by 2014's 活動実績: the pair (11,730, 9,500) is 2014's.
    expect(sheet('16／11,730')).toEqual([[[9500, 9500], [9500, 9500], [11730, 9500]], [[1, 1], [1, 1], [1, 1]]]);
    // A 計算式 that names neither pair leaves the first output's later years unread; the second's are alike.
    expect(sheet('16／12,000')).toEqual([[[9500, 9500], [null, null], [null, null]], [[1, 1], [1, 1], [1, 1]]]);
    // Fewer cells after the heads than the unit cost's own (a dash, no pair): nothing read, nothing thrown.
    const cut = contextOf(paragraphs('活動指標', '24年度', '25年度', '26年度', '27年度活動見込', '公表回数', '活動実績', '当初見込み', '回', '回', '1', '1', '24年度', '25年度', '26年度', '-', '測\n定'), 'pdfminer');
    const none: UnitCost = { basis: null, unit: null, formulaUnit: null, values: [] };
    expect(matchOutputs(cut, 2015, none)[0]!.values.slice(0, 3).map((v) => [v.actual, v.planned])).toEqual([[1, 1], [null, null], [null, null]]);
  });
  it('takes the 活動見込 column printed after the table as a run of single values, one an output', () => {
    const rows = (a: string, p: string, indicator: string) => [indicator, '活動実績', '件', '-', '-', a, '当初見込み', '件', '-', '-', p];
    const ctx = contextOf(paragraphs('活動指標', '24年度', '26年度', '27年度活動見込', ...rows('6', '8', '輸出振興体制の構築を図る取組'), ...rows('62', '11', '産地等の取組'),
      '単位当たり\nコスト', '算出根拠', '測\n定\n指\n標', '8', '11', '事業に係る費用／取組件数'), 'pdftotext');
    expect(matchOutputs(ctx, 2015).map((o) => o.values[3]!.planned)).toEqual([8, 11]);
    // The column may open under its head, in one box with it.
    const headed = contextOf(paragraphs('活動指標', '24年度', ...rows('6', '8', '輸出振興体制の構築を図る取組'), ...rows('62', '11', '産地等の取組'),
      '百万円/件', '894／23', '27年度活動見込\n8', '11', '政\n策'), 'pdftotext');
    expect(matchOutputs(headed, 2015).map((o) => o.values[3]!.planned)).toEqual([8, 11]);
  });
  it('reads a 当初見込み row printed headless before the next 活動実績 (its label printed after the table) as the first output\'s, and gives the column after the table to the outputs without a 活動見込', () => {
    const ctx = contextOf(paragraphs('活動指標', '相談件数600件以上', '活動実績', '件', '634', '608', '627', '590', '件', '590', '590', '590',
      '活動実績', '回', '50', '59', '52', '当初見込み', '回', '47', '47', '47', '活動実績', '件', '798', '673', '670', '当初見込み', '件', '590', '590', '590', '-', '590',
      '講師派遣の回数47回以上', '就業相談件数600件以上', '単位当たり\nコスト', '算出根拠', '当初見込み', '政策'), 'pdftotext');
    expect(matchOutputs(ctx, 2015).map((o) => o.values.map((v) => v.planned))).toEqual([[590, 590, 590, 590], [47, 47, 47, null], [590, 590, 590, 590]]);
  });
  it('takes the 活動見込 that pdfminer prints after the outcome table\'s 目標最終年度 cells (年度 27年度 80 -), and leaves unit-cost year heads alone', () => {
    const sheet = (...after: string[]) => contextOf(paragraphs('成果実績', '活動指標', '24年度', '25年度', '26年度', '27年度活動見込', '活動指標及び活', '動実績', '（アウトプット）',
      '貸付実施件数', '活動実績', '当初見込み', '件', '件', '23', '65', '26', '65', '23', '51', ...after, '単位当たり\nコスト'), 'pdfminer');
    expect(matchOutputs(sheet('年度', '27年度', '65', '-', '51'), 2015)[0]!.values[3]!.planned).toBe(51);
    expect(matchOutputs(sheet('年度', '26年度', '36', '-', '26年度', '46', '-', '51'), 2015)[0]!.values[3]!.planned).toBe(51);
    expect(matchOutputs(sheet('25年度', '26年度', '4,372.8', '4,216', '5,250'), 2015)[0]!.values[3]!.planned).toBeNull();
    expect(matchOutputs(sheet('年度', '27年度', '65', '-', '51', '52'), 2015)[0]!.values[3]!.planned).toBeNull();
  });
  it('takes the 活動見込 after the 目標最終年度 cells when pdfminer printed the blank 中間目標 year elsewhere: each final year with a 目標値 and a blank 達成度', () => {
    const sheet = (...after: string[]) => contextOf(paragraphs('成果実績', '活動指標', '24年度', '25年度', '26年度', '27年度活動見込', '活動指標及び活', '動実績', '（アウトプット）',
      '貸付実施件数', '活動実績', '当初見込み', '件', '件', '23', '65', '26', '65', '23', '51', ...after, '単位当たり\nコスト'), 'pdfminer');
    expect(matchOutputs(sheet('27年度', '11', '-', '26年度', '0.4', '-', '51'), 2015)[0]!.values[3]!.planned).toBe(51);
    expect(matchOutputs(sheet('25年度', '26年度', '27年度', '-', '-', '51'), 2015)[0]!.values[3]!.planned).toBeNull();
  });
  it('passes over the outcome table\'s 目標最終年度 cells, each year with its 目標値 and 達成度, printed before the 活動見込 column of several outputs', () => {
    // Both cells after each 27年度 are the outcomes' (two outputs): the run of plans is the one after them.
    const ctx = contextOf(paragraphs('成果実績', '活動指標', '24年度', '25年度', '26年度', '27年度活動見込', '就職支援件数', '支援件数', '活動実績', '当初見込み', '活動実績', '当初見込み',
      '件', '件', '件', '件', '1,545', '1,441', '60,464', '48,783', '1,549', '1,545', '72,454', '60,464', '1,583', '1,549', '89,675', '72,454',
      '算出根拠', '事業に係る費用／就職支援件数', '年度', '27年度', '84602', '-', '27年度', '65', '-', '1,549', '72,454', '単位'), 'pdfminer');
    expect(matchOutputs(ctx, 2015).map((o) => o.values[3]!.planned)).toEqual([1549, 72454]);
  });
  it('takes the only output\'s 活動見込 that pdftotext prints alone among the unit-cost year heads, not a cell after the 活動見込 head', () => {
    const sheet = (...after: string[]) => contextOf(paragraphs('活動指標', '25年度', '活動実績', '件', '15', '10', '12', '当初見込み', '件', '13', '13', '17',
      ...after, '政策'), 'pdftotext');
    expect(matchOutputs(sheet('測\n定\n指\n標', '25年度', '17', '27年度', '11.7', '14.3', '13.2'), 2016)[0]!.values[3]!.planned).toBe(17);
    expect(matchOutputs(sheet('28年度活動見込', '12,647', '算出根拠'), 2016)[0]!.values[3]!.planned).toBeNull();
    expect(matchOutputs(sheet('25年度', '17', '26年度', '18', '算出根拠'), 2016)[0]!.values[3]!.planned).toBeNull();
  });
  it('takes the only output\'s 活動見込 that pdftotext prints among the unit-cost cells when it alone repeats last year\'s 当初見込み, over a dash another reader took', () => {
    const sheet = (...after: string[]) => contextOf(paragraphs('活動指標', '25年度', '活動実績', '件', '63', '58', '70', '当初見込み', '件', '20', '20', '20',
      ...after, '政策'), 'pdftotext');
    const plan = (...after: string[]) => matchOutputs(sheet(...after), 2016)[0]!.values[3]!.planned;
    expect(plan('円', '-', '33,100,000', '百万円/件', '2,317／70', '20', '施策')).toBe(20);
    expect(plan('百万円/件', '25年度', '27年度活動見込\n20', '-', '46', '-', '平成26年度', '26年度', '-', '目標')).toBe(20);
    // Two repeats, a run of counts, a cell between two year heads: another table's, not the plan.
    expect(plan('2,317／70', '20', '施策', '20', '目標')).toBeNull();
    expect(plan('2,317／70', '20', '35', '施策')).toBeNull();
    expect(plan('25年度', '20', '26年度', '18', '施策')).toBeNull();
  });
  it('reads a row with holes (its first years left unread) without failing when it looks for a repeated plan', () => {
    const ctx = contextOf(paragraphs('活動指標', '活動実績', '件', '当初見込み', '件', '20', '施策'), 'pdftotext');
    const [actualLabel, plannedLabel] = [ctx.first('activityActual')!, ctx.first('activityPlanned')!];
    const twenty = valuesOf(ctx.tokens.find((t) => t.text === '20')!)![0]!;
    const sparse = <T,>(...cells: T[]) => { const out: T[] = []; out[2] = cells[0]!; return out; };
    const rows = [{ actual: { unit: '件', values: sparse(twenty), cells: [] }, planned: { unit: '件', values: sparse(twenty), cells: [] } }];
    expect(() => takeRepeatedPlan(ctx, { opener: [actualLabel], members: [plannedLabel] }, rows, plannedLabel.index)).not.toThrow();
  });
  it('reads rows whose labels come together, their cells after them: the first row across, or the years down both rows', () => {
    const across = contextOf(paragraphs('活動指標', '都道府県のシステム入力数', '活動実績', '当初見込み', '件', '件', '625,769', '431,565', '-', '855,061', '810,653', '855,061', '855,061'));
    expect(matchOutputs(across, 2015)[0]!.values.map((v) => [v.actual, v.planned])).toEqual([[625769, 810653], [431565, 855061], [null, 855061], [null, 855061]]);
    const down = contextOf(paragraphs('活動指標', '貸付実施件数', '活動実績', '当初見込み', '件', '件', '23', '65', '26', '65', '23', '51'));
    expect(matchOutputs(down, 2015)[0]!.values.map((v) => [v.actual, v.planned])).toEqual([[23, 65], [26, 65], [23, 51], [null, null]]);
  });
  it('reads the past years of rows whose labels come together row by row when that leaves each row all counts or all dashes and year by year does not', () => {
    const ctx = contextOf(paragraphs('活動指標', '各種届出及び収支報告書に係る業務システムの処理件数', '活動実績', '当初見込み', '件', '件', '64,117', '58,313', '87,060', '-', '-', '-', '算出根拠'));
    expect(matchOutputs(ctx, 2016)[0]!.values.map((v) => [v.actual, v.planned])).toEqual([[64117, null], [58313, null], [87060, null], [null, null]]);
  });
  it('reads the past years of rows whose labels come together row by row when, so read, each later year\'s 当初見込み is the year before\'s 活動実績', () => {
    const ctx = contextOf(paragraphs('活動指標', '在宅就業者支援サイト「Home Worker\'s Web」のアクセス件数', '活動実績', '当初見込み', '件', '件', '487,326', '528,360', '402,724', '489,325', '487,326', '528,360', '年度'));
    expect(matchOutputs(ctx, 2016)[0]!.values.slice(0, 3).map((v) => [v.actual, v.planned])).toEqual([[487326, 489325], [528360, 487326], [402724, 528360]]);
  });
  it('reads several outputs whose row labels all come together, their cells year by year down all the rows', () => {
    const ctx = contextOf(paragraphs('活動指標', '環境配慮型融資に係る交付決定件数', '環境リスク調査融資に係る交付決定件数', '活動実績', '当初見込み', '活動実績', '当初見込み',
      '件', '件', '件', '件', '6', '10', '16', '10', '51', '30', '31', '20', '147', '50', '45', '35', '算出根拠'));
    expect(matchOutputs(ctx, 2016).map((o) => o.values.slice(0, 3).map((v) => [v.actual, v.planned]))).toEqual([
      [[6, 10], [51, 30], [147, 50]],
      [[16, 10], [31, 20], [45, 35]],
    ]);
  });
  it('never takes a vertical heading (政⏎策⏎評⏎価) for an indicator', () => {
    const ctx = contextOf(paragraphs('活動指標', '研究報告書の作成・公表', '政\n策\n評\n価\n政', '報告書の作成・公表（地域支援プロジェクト事業分）', '25年度',
      '活動実績', '件', '-', '1', '1', '当初見込み', '件', '-', '1', '1', '活動実績', '件', '-', '-', '-', '当初見込み', '件', '-', '-', '-'), 'pdftotext');
    expect(matchOutputs(ctx, 2016).map((o) => o.indicator)).toEqual(['研究報告書の作成・公表', '報告書の作成・公表（地域支援プロジェクト事業分）']);
  });
  it('takes an indicator that names a year, passing over the year heads', () => {
    const ctx = contextOf(paragraphs('活動指標', '24年度', '近現代建築資料の展示・図録作成等を実施する。\n※24年度は活動していない。', '活動実績', '回', '-', '2', '2', '当初見込み', '回', '-', '2', '2', '2'));
    expect(matchOutputs(ctx, 2015)[0]!.indicator).toBe('近現代建築資料の展示・図録作成等を実施する。※24年度は活動していない。');
  });
  it('passes over the unit cost, its 算出根拠 and a 予算内訳 item printed after the rows, and labels printed into the box', () => {
    const ctx = contextOf(paragraphs('活動指標', '活動実績', '件', '625,769', '431,565', '-', '当初見込み', '件', '810,653', '855,061', '855,061', '855,061',
      '交付金', '百万円/件', '委託に係る費用／都道府県のシステム入力数', '活動指標及び活 都道府県のシステム入力数\n動実績'));
    const [output] = matchOutputs(ctx, 2015);
    expect(output).toMatchObject({ indicator: '都道府県のシステム入力数', unit: '件' });
    expect(output!.values.map((v) => v.planned)).toEqual([810653, 855061, 855061, 855061]);
  });
});
