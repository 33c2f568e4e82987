/**
 * The parts of a guide page (issue 16 §5; domain.md "Service guides"): what to bring (原件/复印件 × count, 免提交
 * ones marked and explained), the conditions, the steps, the legal and committed time limits (即办 when 0),
 * the fees, and the ways to do it. One at a time, each paged, so nothing on the kiosk scrolls by swiping.
 */
import type { QrSvg } from '../../../../common/guides-api';
import { QrCode } from './QrCode';
import type { ReactNode } from 'react';
import type { GuideChannel, GuideFee, GuideMaterial, GuideStep, ServiceItem } from '../../../../common/guides';
import type { LocalText } from '../../../../common/queue';
import { FallbackNote, Local, TripBadges } from './GuideBits';
import { channelId, materialFormId } from './guide-words';
import { useGuidesText } from './i18n/guides-text';
import { Pager, usePaging } from './Pager';

/** One material line: its name, the form and how many, 免提交 with why, and the note. */
export function MaterialLine({ material, children }: { material: GuideMaterial; children?: ReactNode }) {
  const { g } = useGuidesText();
  return (
    <div className={`guides-material${material.shared ? ' guides-material--shared' : ''}`}>
      <p className="guides-material__name">
        <Local text={material.name} />{' '}
        {material.shared ? (
          <span className="guides-badge guides-badge--shared">{g('material.shared')}</span>
        ) : (
          <span className="guides-material__form">{g('material.count', { form: g(materialFormId(material.form)), count: material.count })}</span>
        )}
      </p>
      {material.shared && <p className="guides-material__note">{g('material.sharedWhy')}</p>}
      {material.note && (
        <p className="guides-material__note">
          <Local text={material.note} />
        </p>
      )}
      {children}
    </div>
  );
}

export function MaterialsSection({ materials, size }: { materials: readonly GuideMaterial[]; size: number }) {
  const { g } = useGuidesText();
  const paged = usePaging(materials, size, (m) => m.id);
  const label = g('section.materials');
  const texts = materials.flatMap((m) => (m.note ? [m.name, m.note] : [m.name]));
  if (materials.length === 0) return <p className="screen__lead">{g('material.none')}</p>;
  return (
    <>
      <FallbackNote texts={texts} />
      <ul className="guides-lines" aria-label={label}>
        {paged.items.map((m) => (
          <li key={m.id}>
            <MaterialLine material={m} />
          </li>
        ))}
      </ul>
      <Pager paged={paged} label={g('page.of', { list: label })} />
    </>
  );
}

export function TextLines({ texts, size, label, empty }: { texts: readonly LocalText[]; size: number; label: string; empty: string }) {
  const { g } = useGuidesText();
  const paged = usePaging(texts, size, (t) => t['zh-CN']);
  if (texts.length === 0) return <p className="screen__lead">{empty}</p>;
  return (
    <>
      <FallbackNote texts={texts} />
      <ul className="guides-lines" aria-label={label}>
        {paged.items.map((t) => (
          <li key={t['zh-CN']} className="guides-line">
            <Local text={t} />
          </li>
        ))}
      </ul>
      <Pager paged={paged} label={g('page.of', { list: label })} />
    </>
  );
}

export function StepsSection({ steps, size }: { steps: readonly GuideStep[]; size: number }) {
  const { g } = useGuidesText();
  const paged = usePaging(steps, size, (s) => s.title['zh-CN']);
  const label = g('section.steps');
  const first = paged.page * size;
  return (
    <>
      <FallbackNote texts={steps.flatMap((s) => (s.detail ? [s.title, s.detail] : [s.title]))} />
      <ol className="guides-lines guides-steps" aria-label={label} start={first + 1}>
        {paged.items.map((s) => (
          <li key={s.title['zh-CN']} className="guides-line">
            <p className="guides-step__title">
              <Local text={s.title} />
            </p>
            {s.detail && (
              <p className="guides-step__detail">
                <Local text={s.detail} />
              </p>
            )}
          </li>
        ))}
      </ol>
      <Pager paged={paged} label={g('page.of', { list: label })} />
    </>
  );
}

export function TimeAndFeeSection({ item }: { item: Pick<ServiceItem, 'legalLimitDays' | 'committedLimitDays' | 'fee'> }) {
  const { g } = useGuidesText();
  const days = (n: number): string => (n === 0 ? g('time.immediate') : g('time.workingDays', { days: n }));
  return (
    <dl className="guides-facts">
      <dt>{g('time.legal')}</dt>
      <dd>{days(item.legalLimitDays)}</dd>
      <dt>{g('time.committed')}</dt>
      <dd>{days(item.committedLimitDays)}</dd>
      <dt>{g('fee.title')}</dt>
      <dd>
        <Fee fee={item.fee} />
      </dd>
    </dl>
  );
}

function Fee({ fee }: { fee: GuideFee }) {
  const { g } = useGuidesText();
  if (fee.free) return <>{g('fee.free')}</>;
  return (
    <>
      {fee.description ? <Local text={fee.description} /> : g('fee.charged')}
      <FallbackNote texts={fee.description ? [fee.description] : []} />
    </>
  );
}

/** 网上办 / 自助办 / 窗口办, the trip badges, and the online entry's address in large type. */
export function ChannelsSection({ channels, atMostOneTrip, noTrip, onlineUrl, qr }: { channels: readonly GuideChannel[]; atMostOneTrip: boolean; noTrip: boolean; onlineUrl?: string; qr?: QrSvg | undefined }) {
  const { g } = useGuidesText();
  return (
    <div className="guides-channels">
      <ul className="guides-channel-list" aria-label={g('section.channels')}>
        {channels.map((c) => (
          <li key={c} className="guides-channel">
            {g(channelId(c))}
          </li>
        ))}
      </ul>
      <p>
        <TripBadges atMostOneTrip={atMostOneTrip} noTrip={noTrip} />
      </p>
      {onlineUrl && <OnlineAddress url={onlineUrl} qr={qr} />}
    </div>
  );
}

/** The online entry. No QR encoder is available to the renderer, so the address itself, large, to type on a phone. */
export function OnlineAddress({ url, qr }: { url: string; qr?: QrSvg | undefined }) {
  const { g } = useGuidesText();
  return (
    <div className="guides-online">
      <p className="guides-online__label">{g('online.address')}</p>
      {qr && <QrCode qr={qr} label={g('online.qr')} />}
      <p className="guides-online__url" lang="en" translate="no">
        {url}
      </p>
    </div>
  );
}
