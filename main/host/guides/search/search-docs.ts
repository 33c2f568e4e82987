/**
 * What the search engine indexes of a catalogue (issue 16 §3): one slim document per item, bundle and policy,
 * built on the calling thread so only these (not materials, steps and points) travel to the worker. The
 * department is searchable by its zh-CN names and a policy's tags by theirs; `references` (how many bundles and
 * policies name an item) is the catalogue's own measure of how central an item is, used only for suggestions.
 */
import type { Catalogue, Department, PolicyTag } from '../../../../common/guides';
import type { GuideHitKind } from '../../../../common/guides-api';
import type { LocalText } from '../../../../common/queue';

export interface SearchDoc {
  kind: GuideHitKind;
  /** Item code, bundle id or policy id. */
  id: string;
  name: LocalText;
  shortNames: string[];
  synonyms: string[];
  /** Policy keywords and the zh-CN names of its tags. */
  keywords: string[];
  department?: Department;
  /** Bundles and policies that name this item (0 for bundles and policies). */
  references: number;
}

/** The departments' zh-CN names: the full one first, then the short ones people say. */
export const DEPARTMENT_NAMES: Record<Department, readonly string[]> = {
  market: ['市场监督管理局', '市场监管'],
  hrss: ['人力资源和社会保障局', '人社'],
  medicalInsurance: ['医疗保障局', '医保'],
  housingFund: ['住房公积金管理中心', '公积金'],
  publicSecurity: ['公安局', '公安'],
  realEstate: ['不动产登记中心', '不动产'],
  health: ['卫生健康局', '卫健'],
  civilAffairs: ['民政局', '民政'],
  tax: ['税务局', '税务'],
};

export const POLICY_TAG_NAMES: Record<PolicyTag, string> = {
  retirees: '退休人员',
  newBusiness: '新办企业',
  newborn: '新生儿',
  employment: '就业',
  housing: '住房',
  disability: '残疾人',
  elderly: '老年人',
  students: '学生',
  medical: '医疗',
  marriage: '婚姻',
  lowIncome: '低收入',
  talent: '人才',
};

export function catalogueDocs(catalogue: Catalogue): SearchDoc[] {
  const references = new Map<string, number>();
  const count = (code: string): void => void references.set(code, (references.get(code) ?? 0) + 1);
  for (const b of catalogue.bundles) for (const code of new Set(b.items)) count(code);
  for (const p of catalogue.policies) for (const code of new Set(p.items)) count(code);
  const docs: SearchDoc[] = [];
  for (const b of catalogue.bundles) {
    docs.push({ kind: 'bundle', id: b.id, name: b.name, shortNames: b.shortNames, synonyms: b.synonyms, keywords: [], references: 0 });
  }
  for (const it of catalogue.items) {
    docs.push({ kind: 'item', id: it.code, name: it.name, shortNames: it.shortNames, synonyms: it.synonyms, keywords: [], department: it.department, references: references.get(it.code) ?? 0 });
  }
  for (const p of catalogue.policies) {
    const keywords = [...p.keywords, ...p.tags.map((t) => POLICY_TAG_NAMES[t]).filter((t): t is string => t !== undefined)];
    docs.push({ kind: 'policy', id: p.id, name: p.title, shortNames: [], synonyms: [], keywords, references: 0 });
  }
  return docs;
}
