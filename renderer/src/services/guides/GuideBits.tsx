/**
 * Small pieces every guide screen uses: catalogue text in the language on screen (marked `lang="zh-CN"` when
 * it falls back), the note that says so, the 最多跑一次 / 一次都不跑 badges (words, never colour alone), and a
 * hit's name with the part the query matched marked.
 */
import type { GuideHitKind, MatchRange } from '../../../../common/guides-api';
import type { LocalText } from '../../../../common/queue';
import { CandidateLabel } from '../../primitives/CandidateBar';
import { lacks, useGuidesText } from './i18n/guides-text';

/** A catalogue text in the language on screen, or in 简体中文 (so marked) when it has none in it. */
export function Local({ text }: { text: LocalText }) {
  const { text: show, language } = useGuidesText();
  return <span lang={lacks(text, language) ? 'zh-CN' : undefined}>{show(text)}</span>;
}

/** 仅提供简体中文: shown once for a block whose texts are (partly) not in the language on screen. */
export function FallbackNote({ texts }: { texts: readonly LocalText[] }) {
  const { g, lacksAny } = useGuidesText();
  if (!lacksAny(texts)) return null;
  return (
    <p className="guides-fallback">
      <span aria-hidden="true" className="guides-fallback__mark">
        i
      </span>{' '}
      {g('fallback.note')}
    </p>
  );
}

export function TripBadges({ atMostOneTrip, noTrip }: { atMostOneTrip?: boolean; noTrip?: boolean }) {
  const { g } = useGuidesText();
  if (!atMostOneTrip && !noTrip) return null;
  return (
    <span className="guides-badges">
      {noTrip && <span className="guides-badge guides-badge--no-trip">{g('badge.noTrip')}</span>}
      {atMostOneTrip && !noTrip && <span className="guides-badge">{g('badge.atMostOneTrip')}</span>}
    </span>
  );
}

export function KindTag({ kind }: { kind: GuideHitKind }) {
  const { g } = useGuidesText();
  return <span className={`guides-kind guides-kind--${kind}`}>{g(`kind.${kind}`)}</span>;
}

/**
 * A hit's name with the matched part in <mark>: the host's ranges are in the 简体中文 name, so they mark it
 * only when that is the text shown.
 */
export function HitName({ name, highlight }: { name: LocalText; highlight: readonly MatchRange[] }) {
  const { text, language } = useGuidesText();
  const zh = language === 'zh-CN' || lacks(name, language);
  return (
    <span lang={zh && language !== 'zh-CN' ? 'zh-CN' : undefined} className="guides-hit__name">
      {zh ? <CandidateLabel label={name['zh-CN']} highlight={highlight.map(([a, b]) => [a, b] as [number, number])} /> : text(name)}
    </span>
  );
}
