/**
 * Synonym expansion across the whole catalogue (issue 16 §3): the short words people say for the formal terms
 * names use (社保 → 社会保险), so 社保缴费 finds 社会保险费缴纳's siblings even when an item lists no such
 * synonym itself. Each entry's own short names and synonyms are searched as fields; this list is only for terms
 * many items share. A query term containing the short word (in characters, or starting with its full pinyin) is
 * also searched with each formal term in its place, and the other way round, at a lower weight (search-engine.ts).
 */
import { pinyin } from 'pinyin-pro';
import { unitsOf } from './lexicon';

export const ABBREVIATIONS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['社保', ['社会保险', '社会保障']],
  ['医保', ['医疗保险', '医疗保障']],
  ['个体户', ['个体工商户']],
  ['低保', ['最低生活保障']],
  ['残疾证', ['残疾人证']],
  ['驾照', ['驾驶证']],
  ['房产证', ['不动产权证书', '不动产登记']],
  ['出生证', ['出生医学证明']],
  ['准生证', ['生育登记', '生育服务证']],
  ['结婚证', ['结婚登记']],
  ['离婚证', ['离婚登记']],
  ['退休金', ['养老金', '养老保险待遇']],
  ['失业金', ['失业保险金']],
  ['户口', ['户籍']],
  ['执照', ['营业执照']],
];

interface Rule {
  from: string;
  /** Full pinyin of `from`, joined (shebao), or '' when `from` is itself the expansion. */
  spoken: string;
  to: string;
}

let rules: Rule[] | null = null;

function allRules(): Rule[] {
  rules ??= ABBREVIATIONS.flatMap(([short, formal]) => {
    const spoken = pinyin(short, { toneType: 'none', type: 'array', v: true }).join('');
    return formal.flatMap((f) => [
      { from: short, spoken, to: f },
      { from: f, spoken: '', to: short },
    ]);
  });
  return rules;
}

/** Other spellings of a term (folded units) to search too: each rule applied once. */
export function expandTerm(term: string): string[] {
  const out = new Set<string>();
  for (const rule of allRules()) {
    const at = term.indexOf(rule.from);
    if (at >= 0) out.add(term.slice(0, at) + unitsOf(rule.to) + term.slice(at + rule.from.length));
    else if (rule.spoken !== '' && term.startsWith(rule.spoken)) out.add(unitsOf(rule.to) + term.slice(rule.spoken.length));
  }
  out.delete(term);
  return [...out].slice(0, 8);
}

/** The short words whose formal terms occur in `text`: what an index without query expansion is given instead. */
export function abbreviationsIn(text: string): string[] {
  return ABBREVIATIONS.filter(([, formal]) => formal.some((f) => text.includes(f))).map(([short]) => short);
}
