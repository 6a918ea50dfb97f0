// The template's vocabulary: every label the 2015–2019 review-sheet template prints, in the
// forms extractors leave it in. A form is compared after folding (NFKC, white space removed),
// so `予算額・\n執行額`, `予 算 額 ・ 執 行 額` and `予算額・執行額` are one form. Labels that
// extractors cut into pieces list each piece as a form of its own. This is the only place
// where the template's Japanese labels are spelled out; matchers refer to labels by id.

export interface LabelDef {
  /** Forms after folding; a box equal to one, or starting with one and then values, is the label. */
  forms: readonly string[];
  /** A box may continue past the label with values on the same line (`執行率（％） - - 79%`). */
  inline?: boolean;
}

export const LABELS = {
  // sheet header and project basics
  sheetTitle: { forms: ['行政事業レビューシート'] },
  projectNumber: { forms: ['事業番号'] },
  projectName: { forms: ['事業名'] },
  bureau: { forms: ['担当部局庁'], inline: true },
  division: { forms: ['担当課室'], inline: true },
  responsibleOfficial: { forms: ['作成責任者'], inline: true },
  startYear: { forms: ['事業開始年度', '事業開始年度（開始年度）'] },
  endYear: { forms: ['事業終了（予定）年度', '事業終了', '（予定）年度'] },
  accounts: { forms: ['会計区分'] },
  legalBasis: { forms: ['根拠法令（具体的な条項も記載）', '根拠法令', '（具体的な条項も記載）', '条項も記載）'] },
  relatedPlans: { forms: ['関係する計画、通知等', '関係する計画、', '通知等'] },
  mainPolicies: { forms: ['主要政策・施策'], inline: true },
  mainExpense: { forms: ['主要経費'] },
  purpose: { forms: ['事業の目的（目指す姿を簡潔に。3行程度以内）', '事業の目的', '（目指す姿を簡潔に。3行程度以内）'] },
  overview: { forms: ['事業概要（5行程度以内。別添可）', '事業概要', '（5行程度以内。別添可）'] },
  implementationMethod: { forms: ['実施方法'] },

  // 予算額・執行額 and 予算内訳
  budgetTitle: { forms: ['予算額・執行額（単位:百万円）', '予算額・執行額', '予算額・', '（単位:百万円）'] },
  budgetStatus: { forms: ['予算の状況', '予算の状況当初予算', '予算', 'の状', '況', '予算し', 'の状況'] },
  initial: { forms: ['当初予算'], inline: true },
  supplementary: { forms: ['補正予算'], inline: true },
  carriedFromPrevious: { forms: ['前年度から繰越し', '前年度から繰越', '前年度から繰越し'], inline: true },
  carriedToNext: { forms: ['翌年度へ繰越し', '翌年度へ繰越'], inline: true },
  reserveFund: { forms: ['予備費等'], inline: true },
  total: { forms: ['計'], inline: true },
  executed: { forms: ['執行額'], inline: true },
  executionRate: { forms: ['執行率（%）', '執行率(%)', '執行率'], inline: true },
  breakdownItem: { forms: ['歳出予算目'] },
  breakdownCurrent: { forms: ['当初予算'] },
  breakdownReason: { forms: ['主な増減理由'] },
  requestYear: { forms: ['要求'] },

  // 成果目標及び成果実績（アウトカム）
  outcomeTitle: { forms: ['成果目標及び成果実績（アウトカム）', '成果目標及び成', '果実績', '（アウトカム）'] },
  quantitativeGoal: { forms: ['定量的な成果目標'] },
  outcomeIndicator: { forms: ['成果指標', '成果指標単位'] },
  unit: { forms: ['単位'] },
  outcomeActual: { forms: ['成果実績', '成果実', '績'], inline: true },
  outcomeTarget: { forms: ['目標値'], inline: true },
  achievement: { forms: ['達成度', '達成度%', '達成度％'], inline: true },
  midTarget: { forms: ['中間目標'] },
  finalTargetYear: { forms: ['目標最終年度'] },
  noQuantitativeTargetReason: { forms: ['定量的な成果目標の設定が困難な場合はその理由'] },
  outcomeNote: { forms: ['成果目標及び成果実績（アウトカム）欄についてさらに記載が必要な場合はチェックの上【別紙1】に記載'] },
  checkBox: { forms: ['チェック'] },

  // 活動指標及び活動実績（アウトプット）
  outputTitle: { forms: ['活動指標及び活動実績（アウトプット）', '活動指標及び活', '動実績', '（アウトプット）'] },
  activityIndicator: { forms: ['活動指標'] },
  activityActual: { forms: ['活動実績'], inline: true },
  activityPlanned: { forms: ['当初見込み'], inline: true },

  // 単位当たりコスト
  unitCostTitle: { forms: ['単位当たりコスト', '単位当たり', 'コスト'] },
  unitCostBasis: { forms: ['算出根拠'], inline: true },
  unitCostFormula: { forms: ['計算式'], inline: true },

  // 政策評価、経済・財政再生アクション・プログラムとの関係
  policy: { forms: ['政策'], inline: true },
  measure: { forms: ['施策'], inline: true },
  policyLinkTitle: { forms: ['政策評価、経済・財政再生アクション・プログラムとの関係', '政策評価', '経済・財政再生アクション・プログラム', '経済・財政再'] },
  measurementIndicator: { forms: ['測定指標'] },
  qualitativeIndicator: { forms: ['定性的指標', '定性的指標目標施策の進捗状況（目標）', '目標', '目標年度', '施策の進捗状況（目標）', '施策の進捗状況（実績）'] },
  contribution: { forms: ['本事業の成果と上位施策・測定指標との関係'] },
  reformItem: { forms: ['改革項目', '改革', '項目', '分野：', '分野:'] },
  kpi: { forms: ['KPI（第一階層）', 'KPI（第二階層）', 'KPI', '（第一階層）', '（第二階層）', '計画開始時'] },
  kpiRelation: { forms: ['本事業の成果と改革項目・KPIとの関係'] },

  // 事業所管部局による点検・改善
  selfCheckTitle: { forms: ['事業所管部局による点検・改善'] },
  selfCheckHeader: { forms: ['項目', '評価', '評価に関する説明', '評価項目', '項目評価評価に関する説明'] },
  selfCheckSide: { forms: ['点検・改善結果'] },
  relatedOwner: { forms: ['所管府省・部局名'] },
  checkResult: { forms: ['点検結果'] },
  improvementDirection: { forms: ['改善の方向性', '改善の'] },
  externalOpinion: { forms: ['外部有識者の所見'] },
  reviewTeamOpinion: { forms: ['行政事業レビュー推進チームの所見', '行政事業レビュー推進チームの'] },
  reflection: { forms: ['所見を踏まえた改善点/概算要求における反映状況', '所見を踏まえた改善点/概算要求に', 'おける反映状況'] },
  remarks: { forms: ['備考'] },
  pastNumbers: { forms: ['関連する過去のレビューシートの事業番号'] },
  actualNote: { forms: ['※平成27年度実績を記入。執行実績がない新規事業、新規要求事業については現時点で予定やイメージを記入。'] },

  // 資金の流れ, 費目・使途
  fundFlowTitle: { forms: ['資金の流れ（資金の受け取り先が何を行っているかについて補足する）（単位：百万円）', '資金の流れ'] },
  expensesTitle: {
    forms: ['費目・使途（「資金の流れ」においてブロックごとに最大の金額が支出されている者について記載する。費目と使途の双方で実情が分かるように記載）', '費目・使途'],
  },
  expenseCategory: { forms: ['費目'] },
  expensePurpose: { forms: ['使途'] },
  expenseAmount: { forms: ['金額(百万円)', '金額（百万円）', '金額'] },
  expensesNote: { forms: ['費目・使途欄についてさらに記載が必要な場合はチェックの上【別紙2】に記載'] },

  // 支出先上位１０者リスト, 国庫債務負担行為等による契約先上位10者リスト
  recipientsTitle: { forms: ['支出先上位10者リスト'] },
  recipientsNote: { forms: ['支出先上位10者リスト欄についてさらに記載が必要な場合はチェックの上【別紙3】に記載'] },
  debtTitle: { forms: ['国庫債務負担行為等による契約先上位10者リスト'] },
  recipientHeader: {
    forms: ['支出先', '契約先', '法人番号', '支出先法人番号業務概要', '契約先法人番号業務概要', '支出先法人', '契約先法人', '番号', '支出先法人番号', '業務概要支出額', '業務概要', '支出額（百万円）', '支出額', '（百万円）', '契約額（百万円）', '契約額', '契約方式',
      '入札者数（応募者数）', '入札者数', '（応募者数）', '（応募者', '数）', '落札率', 'ﾌﾞﾛｯｸ名', 'ブロック名', 'ﾌﾞﾛｯｸ', '名',
      '一者応札・一者応募又は競争性のない随意契約となった理由及び改善策（支出額10億円以上）',
      '一者応札・一者応募又は競争性のない随意契約となった理由及び改善策（契約額10億円以上）',
      '一者応札・一者応募又は', '競争性のない随意契約となった', '理由及び改善策', '（支出額10億円以上）', '（契約額10億円以上）'],
  },
} as const satisfies Record<string, LabelDef>;

export type LabelId = keyof typeof LABELS;

/**
 * The template's section titles, top to bottom. Every sheet prints all of them, even over empty
 * tables, so a text that lacks the last ones was cut off.
 */
export const SECTION_TITLES: ReadonlyArray<{ id: LabelId; name: string }> = [
  { id: 'budgetTitle', name: '予算額・執行額' },
  { id: 'outcomeTitle', name: '成果目標及び成果実績' },
  { id: 'outputTitle', name: '活動指標及び活動実績' },
  { id: 'unitCostTitle', name: '単位当たりコスト' },
  { id: 'selfCheckTitle', name: '事業所管部局による点検・改善' },
  { id: 'fundFlowTitle', name: '資金の流れ' },
  { id: 'expensesTitle', name: '費目・使途' },
  { id: 'recipientsTitle', name: '支出先上位10者リスト' },
];

/**
 * The row labels of the outcome and output tables, which stand between the text columns on
 * their left (成果目標, 成果指標) and the unit and value columns on their right.
 */
export const TABLE_ROW_LABELS: ReadonlySet<LabelId> = new Set(['outcomeActual', 'outcomeTarget', 'achievement', 'activityActual', 'activityPlanned']);

/** The 点検・改善結果 table: its groups (vertical labels) and items, in the template's order. */
export const SELF_CHECK_GROUPS = [
  {
    group: '国費投入の必要性',
    items: [
      '事業の目的は国民や社会のニーズを的確に反映しているか。',
      '地方自治体、民間等に委ねることができない事業なのか。',
      '政策目的の達成手段として必要かつ適切な事業か。政策体系の中で優先度の高い事業か。',
    ],
  },
  {
    group: '事業の効率性',
    items: [
      '競争性が確保されているなど支出先の選定は妥当か。',
      '一般競争入札、総合評価入札又は随意契約（企画競争）による支出のうち、一者応札又は一者応募となったものはないか。',
      '競争性のない随意契約となったものはないか。',
      '受益者との負担関係は妥当であるか。',
      '単位当たりコスト等の水準は妥当か。',
      '資金の流れの中間段階での支出は合理的なものとなっているか。',
      '費目・使途が事業目的に即し真に必要なものに限定されているか。',
      '不用率が大きい場合、その理由は妥当か。（理由を右に記載）',
      'その他コスト削減や効率化に向けた工夫は行われているか。',
    ],
  },
  {
    group: '事業の有効性',
    items: [
      '成果実績は成果目標に見合ったものとなっているか。',
      '事業実施に当たって他の手段・方法等が考えられる場合、それと比較してより効果的あるいは低コストで実施できているか。',
      '活動実績は見込みに見合ったものであるか。',
      '整備された施設や成果物は十分に活用されているか。',
    ],
  },
  {
    group: '関連事業',
    items: ['関連する事業がある場合、他部局・他府省等と適切な役割分担を行っているか。（役割分担の具体的な内容を各事業の右に記載）'],
  },
] as const;

/** Marks the 評価 column prints. 有/無 answer the two "were there any" items. */
export const SELF_CHECK_MARKS = ['○', '〇', '△', '×', '-', '－', '‐', '有', '無'] as const;
/** The marks that answer "were there any" (一者応札…はないか。, 随意契約…はないか。), and only those items. */
export const YES_NO_MARKS = ['有', '無'] as const;
export const YES_NO_ITEMS: readonly string[] = [SELF_CHECK_GROUPS[1].items[1], SELF_CHECK_GROUPS[1].items[2]];

const LEGAL_FORMS = String.raw`\((?:株|有|合|一社|一財|公社|公財|特非|独|国研|研|学|社福|医)\)`;
/** A legal form alone, folded (`(一社)`, `㈲` → `(有)`): the start of a name, never a whole one. */
export const LEGAL_FORM = new RegExp(`^${LEGAL_FORMS}$`);
/** Text ending in a legal form, folded (`B.(研)`): the name goes on after it. */
export const ENDS_WITH_LEGAL_FORM = new RegExp(`${LEGAL_FORMS}$`);
/** A circled number opening an item of a list a text cell holds (`①…`, `②…`). */
export const ITEM_MARK = /^[①-⑳]/;
/** A list's mark standing alone before its item's text: a circled number or a katakana one (`ア`, `イ`...). */
export const LONE_ITEM_MARK = /^[①-⑳アイウエオカキクケコ]$/;

/**
 * Headings the template spaces out with ideographic spaces. pdfminer prints those spaces as they
 * are; pdftotext prints ASCII spaces (no pdftotext text of the dev corpus holds one U+3000), so
 * these headings tell the two extractors apart, form feeds or not.
 */
export const IDEOGRAPHIC_SPACED_HEADINGS = ['費　目', '使　途', '金　額', '支　出　先', '支　出　額', '法　人　番　号', '業　務　概　要'] as const;

/** A fund-flow box that stands for several recipients says how many, folded (`民間企業等(10者)`). */
export const RECIPIENT_COUNT = /\(\s*(\d+)\s*者\s*\)/;
/**
 * A ministry's bureau, division or office (`厚生労働省健康局水道課`), or several of its divisions
 * listed with 、 (`…企画課、産業廃棄物課、`), as written or folded (`…参事官(企画担当)`): how
 * the 関連事業 table names its owners. Never an explanation: those are sentences, whose 、 and 。
 * stand between words, not after a division.
 */
export const ORGANIZATION_NAME = /^[^、。，．]*(省|庁|府|委員会)[^、。，．]*(課|室|局|部|官|所|センター|[）)])(、[^、。，．]+(課|室|局|部|官|所|センター|[）)]))*、?$/;

/** How an organisation's unit ends (調査課, 会計): no person's name does. */
export const ORGANIZATION_END = /[課室局部庁省所]$|会計$/;

/** A 費目・使途 block's header, `A.name`: its letter and the recipient it describes (maybe none). */
export const EXPENSE_BLOCK_HEADER = /^([A-ZＡ-Ｚ])[.．](.*)$/;
/** A block of the template left unused prints as a bare `.`. */
export const EXPENSE_EMPTY_BLOCK = /^[.．]$/;

/** One word of the 費目・使途 table's column heads, whole or spaced out letter by letter (`費   目`). */
export const EXPENSE_COLUMN_HEAD_WORD = /^(費目|費|目|使途|使|途|金額|金|額|\(百万円\)?)$/;

/**
 * 費目 of the 費目・使途 table: the budget's usual expense heads, with or without 等. Stream
 * readers use them to tell a 費目 cell from a 使途 cell, and to split a 費目 glued to its 使途
 * (`委託費調査、検証、報告書作成等`).
 */
const EXPENSE_CATEGORIES = ['人件費', '事業費', '旅費', '外注費', '一般管理費', 'その他', '補助金', '委託費', '再委託費', '諸謝金', '謝金', '庁費', '賃金', '消耗品費', '備品費', '設備費', '印刷製本費', '会議費', '役務費', '工事費', '研究費', '間接経費', '直接経費', '物品費', '交付金', '負担金', '分担金', '拠出金'];
export const EXPENSE_CATEGORY = new RegExp(`^(${EXPENSE_CATEGORIES.join('|')})等?$`);
/**
 * 費目 that a 使途 does not name: the catch-all その他, and 事業費, whose 事業 many uses hold
 * for another 費目 (補助事業者への交付 under 補助金). The others a 使途 may name (…に係る旅費 under 旅費).
 */
export const EXPENSE_CATEGORIES_UNNAMED = ['その他', '事業費'];
/** A 費目 that opens a longer text; the longest head wins (`再委託費` over `委託費`). */
export const EXPENSE_CATEGORY_PREFIX = new RegExp(`^(${[...EXPENSE_CATEGORIES].sort((a, b) => b.length - a.length).join('|')})等?`);

/** A 予算内訳 item (歳出予算目) names an expense (職員旅費, 委託費, 補助金, 手数料…), not a count, a year or a sentence. */
export const BUDGET_ITEM = /^[^\d。、／/]*(?:費|金|料|等)$/;

/**
 * 主要政策・施策: the template's list of cross-government policies a project serves. Stream
 * text may print the cell far from its label; a box of these names only is that cell.
 */
export const MAIN_POLICIES = [
  '科学技術・イノベーション', 'ＩＴ戦略', '地球温暖化対策', 'ＯＤＡ', '地方創生', '海洋政策', '宇宙開発利用', '国土強靱化施策',
  '国土強靭化', '国土強靱化', '男女共同参画', '女性活躍', '少子化社会対策', '高齢社会対策', '障害者施策', '子ども・若者育成支援',
  '自殺対策', '犯罪被害者等施策', '交通安全対策', '食育推進', '観光立国', '知的財産', '医療分野の研究開発関連', 'クールジャパン',
  '一億総活躍社会', '消費者施策', '沖縄振興', 'アイヌ施策', 'その他',
].map((p) => p.normalize('NFKC'));

/**
 * 関係する計画、通知等 cites plans by name and decision: 「成長戦略」（平成26年6月閣議決定）, one
 * or several. A box that is nothing but such citations is that cell, wherever it stands.
 */
export const PLAN_CITATIONS = /^(?:「[^」]+」[（(][^）)]*(?:決定|策定|改定|改訂|通知|公表)[^）)]*[）)][、，,]?)+$/;

/**
 * 主要経費: the budget's classification of expenses by purpose (主要経費別分類), a closed list,
 * so a stream extractor's scattered cell is known by its words wherever it stands.
 */
export const MAIN_EXPENSES = [
  '社会保障関係費', '文教及び科学振興費', '科学技術振興費', '国債費', '恩給関係費', '地方交付税交付金', '地方特例交付金', '防衛関係費',
  '公共事業関係費', '経済協力費', '中小企業対策費', 'エネルギー対策費', '食料安定供給関係費', 'その他の事項経費', '予備費',
  '東日本大震災復興経費', '復旧・復興対策経費',
] as const;

/** 資金の流れ: words that label the arrows between boxes (再委託, 補助), and 【contract method】 notes. */
export const FLOW_CONNECTOR = /^(再委託|再々委託|補助|委託|交付|負担|貸付|請負|出資|再補助|間接補助|直接補助|委託・請負|【.*】|\[.*\])$/;

export const IMPLEMENTATION_METHODS = ['直接実施', '補助', '負担', '交付', '貸付', '委託・請負', 'その他'] as const;

/** Verdicts printed vertically beside the 推進チームの所見 and the 反映状況. */
export const REVIEW_TEAM_VERDICTS = [
  '廃止', '事業全体の抜本的な改善', '事業内容の一部改善', '現状通り', '予定通り終了', '縮減', '執行等改善', '終了予定',
] as const;
export const REFLECTION_VERDICTS = [
  '廃止', '縮減', '執行等改善', '現状通り', '予定通り終了', '終了予定', '事業全体の抜本的な改善', '事業内容の一部改善', 'その他',
] as const;

/** Contract methods printed in the recipient tables (一部: the common ones; others are read as text). */
export const CONTRACT_METHODS = [
  '一般競争契約（最低価格）', '一般競争入札', '総合評価入札', '総合評価落札方式', '一般競争契約（総合評価）', '随意契約（企画競争）',
  '随意契約（公募）', '随意契約（その他）', '随意契約（少額）', '随意契約', '企画競争', '指名競争契約', '指名競争入札', '補助', '交付', '負担', 'その他',
] as const;

/**
 * How an outcome's indicator and its goal tend to read: the indicator names a measure (…件数,
 * …の割合, …数（件）), the goal states a target (…とする。, 増加させる, 前年度と同程度). Used only
 * to order two texts that stream text printed in either order.
 */
export const INDICATOR_ENDING = /(数|率|量|割合|額|指数|時間)([（(][^）)]*[）)])?$/;
export const GOAL_WORDING = /する|させる|図る|目指す|程度|維持|確保|向上|増加|減少|達成|実現|。$/;

/** The unit of the 単位当たりコスト row (円, 百万円…) and of its 計算式 (百万円/件). */
const MONEY_UNITS = '円|千円|百万円|億円';
export const COST_UNIT = new RegExp(`^(${MONEY_UNITS})$`);
export const FORMULA_UNIT = /^[^\d\s]{1,6}[／/][^\d\s]{1,6}$/;
/** A cost's unit and the 計算式's in one box, folded (`千円百万円/回`). */
export const UNIT_ABOVE_FORMULA_UNIT = new RegExp(`^(${MONEY_UNITS})((?:${MONEY_UNITS})/\\S+)$`);
/** What each money unit is worth in 円, for a cost and a 計算式 in different units (円 against 百万円/件). */
export const MONEY_UNIT_YEN: ReadonlyArray<readonly [RegExp, number]> = [[/^百万円/, 1e6], [/^千円/, 1e3], [/^円/, 1]];

/** Words of the recipient tables' column heads: a line holding one is a head line, not a row. */
export const RECIPIENT_HEAD_MARKS = ['支出先', '契約先', '契約方式', '入札者数', '落札率', '応募者', '理由及び改善策', '競争性のない', '一者応札', '億円以上'] as const;

/**
 * The heads of a recipient table's right half, as folded text starts: 契約方式, 入札者数 (応募者数),
 * 落札率 and the 理由及び改善策 head, in the pieces pdftotext boxes them in.
 */
export const RECIPIENT_RIGHT_HEADS = ['契約方式', '入札者数', '(応募者', '数)', '落札率', '一者応札', '競争性', '理由及び', '(支出額10億', '(契約額10億'] as const;

/**
 * Accounts (会計区分): the general account and the named special accounts, with their 勘定
 * (労働保険特別会計労災勘定), which may follow one another unseparated.
 */
export const ACCOUNT_PATTERN = /一般会計|[^\s、,]*?特別会計(?:[（(][^）)]*[）)]|(?:(?!特別会計|一般会計)[^\s、,])*?勘定)?/g;

/**
 * The header rows of the template, label by label from left to right. Some extractors print a
 * row as one line with the values between the labels; a value that stands just before a label
 * on such a line belongs to the label before that one.
 */
export const HEADER_ROWS: ReadonlyArray<readonly LabelId[]> = [
  ['projectName', 'bureau', 'responsibleOfficial'],
  ['startYear', 'endYear', 'division'],
  ['legalBasis', 'relatedPlans'],
  ['mainPolicies', 'mainExpense'],
];

/** A title, perhaps with what it is in charge of (`参事官（総括担当）`). */
const OFFICIAL_TITLES = '(?:大臣官房)?[^\\s]{0,8}(?:室長|課長|部長|局長|参事官|審議官|所長|センター長|次長|企画官|調整官|統括官|管理官|長官|課長補佐|院長|館長|校長|理事長|会長|政策統括官|総括審議官)(?:[（(][^）)\\s]*[）)])?';
/** Titles that open the 作成責任者 cell (課長 藤井 雅文), so it can be cut from a merged cell. */
export const OFFICIAL_TITLE = new RegExp(`(?:^|\\s)(${OFFICIAL_TITLES}(?:\\s|　).*)$`);
/** A title alone, its name elsewhere (`課長 ⏎ 室長`, then `河邉 ⏎ 中村`). */
export const TITLE_ALONE = new RegExp(`^${OFFICIAL_TITLES}$`);

/** Ministries and agencies that publish review sheets (府省庁). */
export const MINISTRIES = [
  '内閣官房', '内閣法制局', '内閣府', '宮内庁', '公正取引委員会', '警察庁', '個人情報保護委員会', '金融庁', '消費者庁', '復興庁',
  '総務省', '法務省', '外務省', '財務省', '文部科学省', '厚生労働省', '農林水産省', '経済産業省', '国土交通省', '環境省', '原子力規制委員会',
  '防衛省', '人事院', '会計検査院', '国会', '裁判所', 'カジノ管理委員会', 'デジタル庁', 'こども家庭庁', '特定個人情報保護委員会',
] as const;
