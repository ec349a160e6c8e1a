import type { DocumentKind } from '../dataset/form-table.js';
import type { Finding } from '../findings/finding.js';
import type { MoneyUnit } from '../money/index.js';
import { budgetFigures } from './budget-phrases.js';
import { departmentName, fiscalYearIn, internalUnitFigures, staffingFigures } from './department-phrases.js';
import { detailTableOf, placeDetailTable } from './detail-tables.js';
import type { ParagraphBlock, ReportDocument, TableBlock } from './document.js';
import { validDraft } from './draft-builder.js';
import { FigureSink } from './figure-sink.js';
import { formFigures, isFormTable } from './form-tables.js';
import { NarrativeCollector } from './narrative-collector.js';
import { amountsIn, unitOf } from './numbers.js';
import { progressFigures } from './progress-phrases.js';
import { isProjectParagraph, projectFigures } from './project-phrases.js';
import { NUMBERING, placeBlocks, SECTION_TITLES, type PlacedBlock, type SectionKey } from './sections.js';
import type { ExtractedFigure, FigureSource, UnplacedFigure } from './source.js';
import { isThreePublicParagraph, threePublicFigures } from './three-public-phrases.js';

/** 报告识别结果: the draft dataset (raw input, valid), each figure with its source, what was left out, and slips found while reading. */
export type ReportExtraction = {
  kind: DocumentKind;
  unit: MoneyUnit;
  draft: Record<string, unknown>;
  figures: ExtractedFigure[];
  unplaced: UnplacedFigure[];
  /** Found while reading: a figure stated twice differently, a table whose rows do not add up to its 合计. */
  findings: Finding[];
  /** The report's sections in order, as found. */
  sections: { key: SectionKey; title: string }[];
  /** Schema errors left when nothing more could be cut (a report without a year, say). */
  errors: Finding[];
};

const baseOf = (placed: PlacedBlock): Omit<FigureSource, 'quote'> => {
  const block = placed.block;
  return {
    section: SECTION_TITLES[placed.section],
    ...(block.type === 'table' ? { table: block.table } : { paragraph: block.paragraph }),
    ...(block.page === undefined ? {} : { page: block.page }),
  };
};

/** Reads a report's figures into a draft dataset. Pure: the document in, the extraction out. */
export function extractReport(document: ReportDocument): ReportExtraction {
  const placed = placeBlocks(document);
  const sink = new FigureSink(unitOf(document));
  const walker = new Walker(sink, placed);
  for (const block of placed) walker.visit(block);
  const base = walker.base();
  const kind = walker.kind();
  const valid = validDraft(sink.figures, { ...base, kind });
  const sections: { key: SectionKey; title: string }[] = [];
  for (const p of placed)
    if (p.heading && sections.at(-1)?.key !== p.section)
      sections.push({ key: p.section, title: SECTION_TITLES[p.section] });
  return {
    kind,
    unit: sink.unit,
    draft: valid.draft,
    figures: valid.figures,
    unplaced: [...sink.unplaced, ...valid.unplaced],
    findings: sink.findings,
    sections,
    errors: valid.errors,
  };
}

class Walker {
  private projects = 0;
  private forms = 0;
  private departmentForms = 0;
  private readonly cover: string[] = [];
  private readonly narrative = new NarrativeCollector();
  private readonly intro: string[] = [];
  private readonly functions: string[] = [];
  private functionsEnded = false;
  private scope: { units: string[]; note: string } | null = null;
  private lastParagraph = '';
  private budgetFigures = false;

  constructor(
    private readonly sink: FigureSink,
    private readonly placed: readonly PlacedBlock[],
  ) {}

  visit(placed: PlacedBlock): void {
    const block = placed.block;
    if (block.type === 'table') return this.table(placed, block);
    if (placed.section === 'cover') this.cover.push(block.text);
    if (placed.heading) return this.headingText(placed, block);
    this.paragraph(placed, block);
    this.lastParagraph = block.text;
  }

  private headingText(placed: PlacedBlock, block: ParagraphBlock): void {
    const bare = block.text.replace(NUMBERING, '');
    if (placed.section === 'other' && /^无/u.test(bare)) this.narrative.add('other', `${bare.replace(/[。]$/u, '')}。`);
    else if (
      placed.section === 'performance' &&
      block.type === 'heading' &&
      NUMBERING.test(block.text) &&
      !/绩效情况/u.test(bare)
    )
      this.narrative.add('performance', block.text);
    this.lastParagraph = block.text;
  }

  private paragraph(placed: PlacedBlock, block: ParagraphBlock): void {
    const text = block.text;
    const base = baseOf(placed);
    const section = placed.section;
    if (section === 'basics') this.basics(text, base);
    if (section === 'budget' || section === 'budgetBasic' || section === 'budgetProject') {
      if (/均为财政拨款|财政拨款收入/u.test(text))
        this.sink.put(['income', 'sources', 0, 'source'], '收入来源', '财政拨款', { ...base, quote: '财政拨款' });
      if (isThreePublicParagraph(text)) threePublicFigures(this.sink, text, base);
      else if (section === 'budgetProject' && isProjectParagraph(text)) {
        if (projectFigures(this.sink, this.projects, text, base)) this.projects += 1;
      } else budgetFigures(this.sink, section, text, base);
      if (/^备注[:：]/u.test(text)) this.note(section, text, base);
      this.budgetFigures = this.budgetFigures || amountsIn(text).length > 0;
    }
    progressFigures(this.sink, text, base, section === 'budgetProject' && isProjectParagraph(text));
    if (section === 'performance') this.quantities(text, base);
    if (!/^备注[:：]/u.test(text) && !/见下表[:：]?$/u.test(text)) this.narrative.add(section, text);
  }

  private note(section: SectionKey, text: string, base: Omit<FigureSource, 'quote'>): void {
    const target =
      section === 'budgetBasic'
        ? ['basicExpenditure', 'linesNote']
        : section === 'budgetProject'
          ? ['projectExpenditure', 'linesNote']
          : null;
    if (target !== null && this.sink.has([...target.slice(0, 1), 'lines', 0, 'code']))
      this.sink.put(target, '明细表备注', text.slice(0, 2000), { ...base, quote: text.slice(0, 40) });
  }

  private basics(text: string, base: Omit<FigureSource, 'quote'>): void {
    const numbered = /^\s*\d{1,2}\s*[、.．]/u.test(text);
    if (/预算范围|二级预算单位|预算单位/u.test(text) && this.scope === null) {
      this.functionsEnded = true;
      const name = this.name();
      const listed = /包括([^。；]+?)(等|共|。|$)/u
        .exec(text)?.[1]
        ?.split('、')
        .map((u) => u.trim())
        .filter((u) => u !== '');
      this.scope = {
        units: /本级/u.test(text) && listed === undefined ? [`${name}（本级）`] : (listed ?? [name]),
        note: text.slice(0, 2000),
      };
    } else if (/编制|在职|内设/u.test(text)) {
      this.functionsEnded = true;
      staffingFigures(this.sink, text, base);
      internalUnitFigures(this.sink, text, base);
    } else if (numbered && !this.functionsEnded) this.functions.push(text.replace(NUMBERING, '').slice(0, 2000));
    else if (this.functions.length > 0 && !this.functionsEnded && text.length <= 200)
      this.functions.push(text.slice(0, 2000));
    else if (this.functions.length === 0) this.intro.push(text.slice(0, 5000));
    const kind = /^(.{2,30}?)是(.{2,12}?(部门|机构|单位))[，,]?\s*(为)?([正副]?.{1,2}级)?/u.exec(text);
    if (kind !== null && this.functions.length === 0) {
      this.sink.put(['department', 'shortName'], '部门简称', kind[1] ?? '', { ...base, quote: kind[0] });
      this.sink.put(['department', 'kind'], '机构性质', kind[2] ?? '', { ...base, quote: kind[0] });
      if (kind[5] !== undefined)
        this.sink.put(['department', 'level'], '机构规格', kind[5], { ...base, quote: kind[0] });
    }
  }

  /** Indicator values stated in prose ("63475件", "571项", "97.50%"): listed for the user to turn into indicators. */
  private quantities(text: string, base: Omit<FigureSource, 'quote'>): void {
    for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s*(件|项|户|台|个|人次|家|%|％)/gu)) {
      const at = m.index;
      const quote = text.slice(Math.max(0, at - 20), at + m[0].length);
      this.sink.skip('绩效指标值', m[0], '报告正文所述指标值；请在“绩效指标”中确认指标名称与目标值后录入', {
        ...base,
        quote,
      });
    }
  }

  private table(placed: PlacedBlock, table: TableBlock): void {
    const base = baseOf(placed);
    const { table: _t, ...cellBase } = base;
    void _t;
    if (isFormTable(table)) return this.form(placed, table, cellBase);
    const detail = detailTableOf(table, this.sink.unit);
    if (detail === null) return;
    const part = placed.section === 'budgetBasic' ? 'basic' : placed.section === 'budgetProject' ? 'project' : null;
    placeDetailTable(this.sink, table, detail, part, cellBase);
  }

  /**
   * A 自评表, or its indicator grid printed as a table of its own right after the funds block. An indicator table
   * without 分值 in the body of a narrative report is its 绩效指标完成情况, not a form: listed, not scored.
   */
  private form(placed: PlacedBlock, table: TableBlock, base: Omit<FigureSource, 'quote' | 'table'>): void {
    const cells = table.rows.flat().map((c) => c.text);
    const hasFunds = cells.some((t) => /资金总额/u.test(t));
    if (!hasFunds && !cells.includes('分值')) {
      this.sink.skip(
        '绩效指标表',
        `表${table.table}`,
        '绩效指标完成情况表（无分值），未列入自评表；请在“绩效指标”中录入',
        { ...base, table: table.table, quote: cells.slice(0, 5).join(' ') },
      );
      return;
    }
    const context = `${this.lastParagraph}${cells.join('')}`;
    const previous = this.forms - 1;
    const joins = !hasFunds && previous >= 0 && !this.sink.has(['forms', previous, 'indicators', 0, 'name']);
    const index = joins ? previous : this.forms;
    const scope = joins
      ? this.sink.value(['forms', previous, 'scope']) === 'department'
        ? 'department'
        : 'project'
      : /部门整体|部门（单位）整体|整体支出|基本支出/u.test(context)
        ? 'department'
        : 'project';
    const name = scope === 'department' ? this.name() : `项目${index + 1}`;
    if (formFigures(this.sink, index, table, scope, name, base) && !joins) {
      this.forms += 1;
      if (scope === 'department') this.departmentForms += 1;
    }
  }

  name(): string {
    // A form alone names its department only in its 主管部门 row.
    return (
      departmentName(this.cover) ??
      this.sink.value(['department', 'shortName']) ??
      this.sink.value(['forms', 0, 'department']) ??
      '（未识别部门名称）'
    );
  }

  kind(): DocumentKind {
    if (this.budgetFigures || this.functions.length > 0)
      return this.sink.has(['income', 'sources', 0, 'basic']) || this.functions.length > 0 ? 'report' : 'finalAccounts';
    if (this.forms > 0) return this.departmentForms > 0 ? 'departmentForm' : 'projectForm';
    return 'report';
  }

  base(): Record<string, unknown> {
    const coverText = this.cover.join('');
    const all = this.placed.map((p) => (p.block.type === 'table' ? '' : p.block.text)).join('\n');
    const year = fiscalYearIn(coverText) ?? fiscalYearIn(all);
    return {
      schemaVersion: 1,
      ...(year === null ? {} : { fiscalYear: year }),
      unit: this.sink.unit,
      department: {
        name: this.name(),
        intro: this.intro,
        functions: this.functions,
        ...(this.scope === null ? {} : { budgetScope: this.scope }),
      },
      narrative: this.narrative.toNarrative(),
    };
  }
}
