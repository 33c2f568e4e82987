/**
 * The two published search libraries the guide search is measured against (issue 16 §3), given the same
 * catalogue and the same derived fields as ours: the zh-CN name, the short names, synonyms and keywords plus
 * the common abbreviations their texts contain (what our engine expands queries with, abbreviations.ts), the
 * full pinyin and the initials of each of those texts (pinyin-pro, through the same Lexicon as ours), the
 * English name and the department's names. Chinese is tokenized per character, letters per word, for
 * both; a query is split the same way (gjj提取 → gjj 提 取).
 * - MiniSearch 7: `fuzzy: 0.2, prefix: true`, the name boosted 2 and the aliases 1.5.
 * - FlexSearch 0.8 Document: forward tokenization on every field, the CJK charset on the Chinese fields and the
 *   default (Latin) one on pinyin, initials and English; `suggest` so a query need not match whole.
 */
import { Charset, Document } from 'flexsearch';
import MiniSearch from 'minisearch';
import { abbreviationsIn } from '../main/host/guides/search/abbreviations';
import { Lexicon, unitsOf } from '../main/host/guides/search/lexicon';
import { DEPARTMENT_NAMES, type SearchDoc } from '../main/host/guides/search/search-docs';

export interface PeerDoc {
  key: number;
  name: string;
  aliases: string;
  py: string;
  ini: string;
  en: string;
  dept: string;
}

export interface PeerIndex {
  readonly label: string;
  search(query: string, limit: number): string[];
}

const PEER_FIELDS = ['name', 'aliases', 'py', 'ini', 'en', 'dept'] as const;

/** Han characters one by one, letters and digits as words: how both peers tokenize, text and query alike. */
export const peerTokens = (text: string): string[] => text.toLowerCase().match(/[\u3400-\u9fff]|[a-z0-9]+/g) ?? [];

/** Full pinyin and initials of each text, as one word each (shehuibaozhangka, shbzk), cached by text. */
function spellings(lex: Lexicon, cache: Map<string, [string, string]>, text: string): [string, string] {
  let s = cache.get(text);
  if (s === undefined) {
    const units = unitsOf(text);
    const r = new Uint16Array(units.length * 2);
    lex.readInto(units, r, 0);
    let full = '';
    let initials = '';
    for (let i = 0; i < units.length; i++) {
      const syllable = r[2 * i] ? lex.syllable(r[2 * i] as number) : (units[i] as string);
      full += syllable;
      initials += syllable[0] ?? '';
    }
    s = [full, initials];
    cache.set(text, s);
  }
  return s;
}

export function peerDocs(docs: readonly SearchDoc[], lex: Lexicon = new Lexicon()): PeerDoc[] {
  const cache = new Map<string, [string, string]>();
  return docs.map((d, key) => {
    const texts = [d.name['zh-CN'], ...d.shortNames, ...d.synonyms, ...d.keywords];
    const aliases = [...d.shortNames, ...d.synonyms, ...d.keywords, ...new Set(texts.flatMap(abbreviationsIn))];
    const spelt = [d.name['zh-CN'], ...aliases].map((t) => spellings(lex, cache, t));
    return {
      key,
      name: d.name['zh-CN'],
      aliases: aliases.join(' '),
      py: spelt.map(([full]) => full).join(' '),
      ini: spelt.map(([, initials]) => initials).join(' '),
      en: d.name.en ?? '',
      dept: d.department ? DEPARTMENT_NAMES[d.department].join(' ') : '',
    };
  });
}

export function miniSearchPeer(docs: readonly SearchDoc[], peer: readonly PeerDoc[]): PeerIndex {
  const ms = new MiniSearch<PeerDoc>({
    idField: 'key',
    fields: [...PEER_FIELDS],
    tokenize: peerTokens,
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { name: 2, aliases: 1.5 } },
  });
  ms.addAll(peer as PeerDoc[]);
  return {
    label: 'MiniSearch',
    search: (query, limit) =>
      ms
        .search(query)
        .slice(0, limit)
        .map((r) => (docs[r.id as number] as SearchDoc).id),
  };
}

interface FlexDocument {
  add(doc: PeerDoc): void;
  search(query: string, options: { limit: number; merge: true; suggest: true }): Array<{ id: number }>;
}

export function flexSearchPeer(docs: readonly SearchDoc[], peer: readonly PeerDoc[]): PeerIndex {
  const chinese = { tokenize: 'forward', encoder: Charset.CJK } as const;
  const latin = { tokenize: 'forward', encoder: Charset.Default } as const;
  const index = PEER_FIELDS.map((field) => ({ field, ...(field === 'name' || field === 'aliases' || field === 'dept' ? chinese : latin) }));
  const fx = new Document({ document: { id: 'key', index } } as unknown as ConstructorParameters<typeof Document>[0]) as unknown as FlexDocument;
  for (const d of peer) fx.add(d);
  return {
    label: 'FlexSearch',
    search: (query, limit) => {
      const q = peerTokens(query).join(' ');
      if (q === '') return [];
      return fx.search(q, { limit, merge: true, suggest: true }).map((r) => (docs[r.id] as SearchDoc).id);
    },
  };
}
