/**
 * The search engine on a small catalogue (issue 16 §3): characters, full pinyin and initials, polyphones,
 * synonyms and their expansion, typos over characters and pinyin, mixed input, highlighted ranges mapped back
 * to the name's characters, suggestions for empty, absurd and unmatched queries, the kinds filter and limit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GuideSearchRequest } from '../../../../common/guides-api';
import { catalogueDocs } from './search-docs';
import { SearchEngine, queryTerms } from './search-engine';
import { MINI_CATALOGUE } from './test-support/mini-catalogue';

let engine: SearchEngine;
beforeAll(async () => {
  engine = await SearchEngine.build(catalogueDocs(MINI_CATALOGUE));
});

const search = (query: string, more: Partial<GuideSearchRequest> = {}) => engine.search({ query, ...more });
const top = (query: string, more: Partial<GuideSearchRequest> = {}) => search(query, more).hits[0];
const ids = (query: string, more: Partial<GuideSearchRequest> = {}) => search(query, more).hits.map((h) => h.id);
const marked = (query: string): string => {
  const hit = top(query);
  if (!hit) return '';
  const name = hit.name['zh-CN'];
  let out = '';
  let at = 0;
  for (const [s, e] of hit.highlight) {
    out += `${name.slice(at, s)}[${name.slice(s, e)}]`;
    at = e;
  }
  return out + name.slice(at);
};

describe('guide search engine', () => {
  it('matches Chinese exactly, by prefix and inside a name', () => {
    expect(top('社会保障卡申领')).toMatchObject({ id: 'GG00101001', highlight: [[0, 7]] });
    expect(ids('社会保障卡').slice(0, 2).sort()).toEqual(['GG00101001', 'GG00101002']);
    expect(marked('公积金提取')).toBe('住房[公积金提取]');
    expect(marked('护理')).toBe('长期[护理]保险待遇申请');
  });

  it('matches full pinyin at syllable boundaries, and the start of a syllable still being typed', () => {
    expect(marked('zhufanggongjijin')).toMatch(/^\[住房公积金\]/);
    expect(marked('shehuibaozhangka')).toBe('[社会保障卡]申领');
    expect(marked('shehuibaozhangk')).toBe('[社会保障卡]申领');
    expect(top('gongjijintiqu')?.id).toBe('GG00201001');
    expect(ids('enqu')).not.toContain('GG00201001');
  });

  it('matches initials, and highlights the characters they stand for', () => {
    expect(marked('zfgjj')).toMatch(/^\[住房公积金\]/);
    expect(top('sbk')).toMatchObject({ id: 'GG00101001', matchedAlias: '社保卡' });
    expect(marked('sbk')).toBe('[社]会[保]障[卡]申领');
    expect(ids('kbqy').slice(0, 2).sort()).toEqual(['XK00301001', 'start-business']);
  });

  it('reads polyphones in context first, and their other common reading lower', () => {
    expect(marked('yinhang')).toBe('[银行]开户信息登记');
    const guess = top('yinxing');
    expect(guess?.id).toBe('QR00401001');
    expect(guess?.score).toBeLessThan(top('yinhang')?.score as number);
    expect(top('changqihuli')?.id).toBe('GG00501001');
    expect(top('chongxinbanli')?.id).toBe('QR00602001');
  });

  it('finds short names and synonyms, and expands common abbreviations (社保 → 社会保障)', () => {
    expect(top('退休金')).toMatchObject({ id: 'JF00103001', matchedAlias: '退休金' });
    expect(top('长护险')?.id).toBe('GG00501001');
    expect(marked('社保')).toBe('[社会保障]卡申领');
    expect(ids('shebao').slice(0, 2).sort()).toEqual(['GG00101001', 'GG00101002']);
    expect(ids('医保')[0]).toBe('GG00501002');
  });

  it('takes mixed input: initials then characters, characters then pinyin', () => {
    expect(marked('gjj提取')).toBe('住房[公积金提取]');
    expect(top('社保ka')?.id).toBe('GG00101001');
    expect(top('shebaok')?.id).toBe('GG00101001');
    expect(top('gongjj')?.id).toMatch(/^GG0020100[12]$/);
  });

  it('tolerates one wrong, missing, extra or swapped character', () => {
    expect(top('社会保章卡')?.id).toMatch(/^GG0010100[12]$/); // wrong
    expect(top('社会障卡申领')?.id).toBe('GG00101001'); // missing
    expect(top('社会保障卡卡申领')?.id).toBe('GG00101001'); // extra
    expect(top('残人疾证')?.id).toBe('GG00701001'); // swapped
    const typo = top('社会保章卡申领');
    expect(typo?.id).toBe('GG00101001');
    expect(typo?.score).toBeLessThan(top('社会保障卡申领')?.score as number);
  });

  it('tolerates one slip in pinyin', () => {
    expect(top('gongjijintiqv')?.id).toBe('GG00201001');
    expect(top('canjirenz')?.id).toBe('GG00701001');
    expect(top('canjirnzheng')?.id).toBe('GG00701001');
    expect(top('yinhagn')?.id).toBe('QR00401001');
  });

  it('requires every word of a query of several words', () => {
    expect(ids('住房 提取')).toEqual(['GG00201001']);
    expect(ids('gongjijin daikuan')[0]).toBe('GG00201002');
    expect(top('social security')?.id).toBe('GG00101001');
    expect(top('housing loan')?.id).toBe('GG00201002');
  });

  it('answers an item code, and a department by its name', () => {
    expect(top('GG00701001')).toMatchObject({ id: 'GG00701001', score: 1 });
    expect(ids('公安')).toContain('QR00602001');
  });

  it('suggests the bundles and the most referenced items for empty, absurd or unmatched queries', () => {
    for (const q of ['', '   ', '！？。', 'qqqqqqqqxxxx', '量子纠缠']) {
      const r = search(q);
      expect(r.hits, q).toEqual([]);
      expect(r.suggestions.map((s) => s.id), q).toEqual(['start-business', 'retire', 'JF00103001', 'XK00301001', 'GG00201001', 'QR00401001', 'GG00101001']);
    }
    expect(search('社保').suggestions).toEqual([]);
    expect(search('x'.repeat(200)).query).toHaveLength(200);
  });

  it('filters by kind and honours the limit; ties break the same way every time', () => {
    expect(search('企业开办', { kinds: ['policy'] }).hits.map((h) => h.kind)).toEqual(['policy']);
    expect(search('企业', { kinds: ['bundle'] }).hits.every((h) => h.kind === 'bundle')).toBe(true);
    expect(search('', { kinds: ['item'], limit: 2 }).suggestions.map((s) => s.id)).toEqual(['JF00103001', 'XK00301001']);
    expect(search('登记', { limit: 3 }).hits).toHaveLength(3);
    expect(ids('登记')).toEqual(ids('登记'));
    const scores = search('登记').hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('splits a query into terms at spaces and punctuation, folding full-width and capital letters', () => {
    expect(queryTerms(' ＳＨＥ bao，社保 ')).toEqual(['she', 'bao', '社保']);
  });
});
