import { DOCUMENT_KINDS, type DocumentKind } from '../../../src/domain/dataset/form-table.js';
import type { DatasetDocument } from '../api/types.js';
import { getIn, listAt } from './document.js';
import { PART_TABS, type PartKey } from './parts.js';

/** 文档类型 of a document; `report` when it says none (the schema's default). */
export function documentKind(doc: DatasetDocument): DocumentKind {
  const kind = doc['kind'];
  return DOCUMENT_KINDS.find((k) => k === kind) ?? 'report';
}

const FORM_KINDS: readonly DocumentKind[] = ['departmentForm', 'projectForm'];

const isFilled = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.length > 0
    : value !== null && typeof value === 'object'
      ? Object.values(value).some(isFilled)
      : value !== undefined && value !== '';

/** Whether the document holds anything for the part (a report always has its required parts). */
export function hasPart(doc: DatasetDocument, key: PartKey): boolean {
  const kind = documentKind(doc);
  const report = kind === 'report';
  switch (key) {
    case 'basic':
      return true;
    case 'forms':
      return listAt(doc, ['forms']).length > 0 || FORM_KINDS.includes(kind);
    case 'income':
      return report || doc['income'] !== undefined;
    case 'expenditure':
      return report || doc['basicExpenditure'] !== undefined;
    case 'threePublic':
      return report || getIn(doc, ['basicExpenditure', 'threePublic']) !== undefined;
    case 'projects':
      return report || kind === 'finalAccounts' || isFilled(doc['projects']) || isFilled(doc['projectExpenditure']);
    case 'payment':
      return report || doc['paymentProgress'] !== undefined;
    case 'indicators':
      return report || isFilled(doc['indicators']);
    case 'narrative':
      return report || isFilled(doc['narrative']);
    case 'declared':
      return report || isFilled(doc['declared']);
  }
}

/**
 * What a part the document lacks starts as when the user adds it: the smallest valid content (zeros the user
 * then replaces); none for a part that is a list or optional content, which only needs its page shown.
 */
export function emptyPart(doc: DatasetDocument, key: PartKey): { path: string[]; value: unknown }[] {
  const threePublic = {
    overseasTravel: { budget: '0', actual: '0' },
    vehicleOperation: { budget: '0', actual: '0' },
    reception: { budget: '0', actual: '0' },
  };
  const basic = { yearStartBudget: '0', actual: '0', lines: [] };
  switch (key) {
    case 'income':
      return [{ path: ['income'], value: { sources: [{ source: '财政拨款', basic: '0', project: '0' }] } }];
    case 'expenditure':
      return [{ path: ['basicExpenditure'], value: basic }];
    case 'threePublic':
      return doc['basicExpenditure'] === undefined
        ? [{ path: ['basicExpenditure'], value: { ...basic, threePublic } }]
        : [{ path: ['basicExpenditure', 'threePublic'], value: threePublic }];
    case 'basic':
    case 'forms':
    case 'projects':
    case 'payment':
    case 'indicators':
    case 'narrative':
    case 'declared':
      return [];
  }
}

/** The part pages to show: the parts the document has, those the user added, and the current one. */
export function visibleParts(doc: DatasetDocument, shown: ReadonlySet<string>): PartKey[] {
  return PART_TABS.map((t) => t.key).filter((key) => shown.has(key) || hasPart(doc, key));
}
