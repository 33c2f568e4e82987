/**
 * The guide home's search (issue 16 §3–§5): a large field that opens the on-screen keyboard (pinyin or
 * initials: sbk → 社保卡); as the citizen types, the candidate bar offers the host's hits with the matched part
 * marked, and a tap opens that guide. With the keyboard closed, the hits are a paged list. While the host
 * builds its index the area says 正在准备 (browsing below still works); a failed index is said plainly; an
 * empty, absurd or unmatched query shows the host's suggestions.
 */
import type { GuideHit } from '../../../../common/guides-api';
import { OnScreenKeyboard, type KeyboardCandidate } from '../../primitives/OnScreenKeyboard';
import { Button } from '../../primitives/Button';
import { errorMessageId } from '../../i18n/translate';
import type { GuideContext } from './guide-context';
import { FallbackNote } from './GuideBits';
import { lacks, useGuidesText } from './i18n/guides-text';
import { HitList } from './HitList';
import { perPage } from './Pager';
import { useGuideSearch } from './use-guide-search';

const candidateId = (hit: GuideHit): string => `${hit.kind}:${hit.id}`;

export function SearchArea({ ctx }: { ctx: GuideContext }) {
  const { g, t, text, language } = useGuidesText();
  const { state, dispatch, api, snapshot, elder, nav } = ctx;
  const { query, typing } = state;
  const typed = query.trim() !== '';
  const search = useGuideSearch(api, query, typing || typed, snapshot.guides.state);
  const result = search.result;
  const indexState = result !== null && !search.pending ? result.state : snapshot.guides.state;
  const hits = indexState === 'ready' && result ? result.hits : [];
  const suggestions = indexState === 'ready' && result && result.hits.length === 0 ? result.suggestions : [];
  const answered = indexState === 'ready' && result !== null && !search.pending;

  const open = (hit: GuideHit) => nav.open(hit.kind, hit.id);
  const candidates: KeyboardCandidate[] = hits.map((hit) => {
    const zh = language === 'zh-CN' || lacks(hit.name, language);
    return { id: candidateId(hit), label: text(hit.name), ...(zh && hit.highlight.length > 0 && { highlight: hit.highlight }) };
  });
  const pick = (id: string) => {
    const hit = hits.find((h) => candidateId(h) === id);
    if (hit) open(hit);
  };

  return (
    <section className="guides-search" aria-label={g('search.title')}>
      {indexState === 'preparing' && (
        <p className="guides-search__state" role="status">
          {g('search.preparing')}
        </p>
      )}
      {indexState === 'failed' && (
        <p className="guides-search__state guides-search__state--failed" role="status">
          {g('search.failed')}
        </p>
      )}
      {search.error && (
        <p className="guides-search__state guides-search__state--failed" role="alert">
          {g('search.error', { reason: t(errorMessageId(search.error.code)) })}
        </p>
      )}
      {!typing && (
        <div className="guides-search__bar">
          <Button variant="secondary" large modifier="guides-search__field" onClick={() => dispatch({ type: 'guides/typing', on: true })}>
            <span aria-hidden="true" className="guides-search__glass">
              ⌕
            </span>{' '}
            {typed ? g('search.fieldWith', { query }) : g('search.field')}
          </Button>
          {typed && (
            <Button variant="secondary" modifier="guides-search__clear" onClick={() => dispatch({ type: 'guides/query', query: '' })}>
              {g('search.clear')}
            </Button>
          )}
        </div>
      )}
      {answered && typed && hits.length > 0 && (
        <p className="guides-search__count" role="status">
          {g('search.count', { count: hits.length })}
        </p>
      )}
      {!typing && hits.length > 0 && (
        <>
          <FallbackNote texts={hits.map((h) => h.name)} />
          <HitList hits={hits} size={perPage('results', elder)} label={g('search.results')} onOpen={open} />
        </>
      )}
      {answered && suggestions.length > 0 && (
        <div className="guides-search__suggestions">
          <p className="guides-search__hint">{typed ? g('search.noHits', { query: query.trim() }) : g('search.popular')}</p>
          <HitList hits={suggestions} size={perPage('results', elder)} label={g('search.suggestions')} onOpen={open} />
        </div>
      )}
      {typing && (
        <>
          <OnScreenKeyboard
            mode="letters"
            value={query}
            onChange={(value) => dispatch({ type: 'guides/query', query: value })}
            label={g('search.keyboardLabel')}
            candidates={candidates}
            onPickCandidate={pick}
            candidatesPerPage={elder ? 3 : 4}
          />
          <Button variant="primary" modifier="guides-search__done" onClick={() => dispatch({ type: 'guides/typing', on: false })}>
            {g('search.done')}
          </Button>
        </>
      )}
    </section>
  );
}
