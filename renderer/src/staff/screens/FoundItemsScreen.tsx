/**
 * 遗留物品 (issue 15 §2): forgotten ID cards, tickets and other things — what, when, handed to whom. There is
 * no on-screen keyboard for Chinese, so staff pick a description (a ticket's number typed on the keypad);
 * the host prefills nothing personal and refuses an ID number. Descriptions and hand-overs are recorded in
 * 简体中文, the hall's language, whatever language is on screen.
 */
import { useCallback, useState } from 'react';
import type { FoundItem, FoundItemKind } from '../../../../common/staff-desk';
import { Button } from '../../primitives/Button';
import { List } from '../../primitives/List';
import { Screen } from '../../primitives/Screen';
import { translateStaff, useStaffText, type StaffMessageId } from '../i18n/staff-text';
import { StaffError, StaffMessage } from '../StaffMessage';
import type { StaffScreenProps } from '../staff-route';
import { useHallTime } from '../staff-time';
import { useStaffAction, useStaffLoad } from '../use-staff-request';
import { TicketNumberEntry } from './TicketNumberEntry';

const KINDS: readonly FoundItemKind[] = ['idCard', 'ticket', 'other'];

const PRESETS: Readonly<Record<Exclude<FoundItemKind, 'ticket'>, readonly StaffMessageId[]>> = {
  idCard: ['found.preset.idCardOnReader', 'found.preset.idCardElsewhere'],
  other: [
    'found.preset.phone',
    'found.preset.keys',
    'found.preset.wallet',
    'found.preset.umbrella',
    'found.preset.bag',
    'found.preset.otherDocument',
    'found.preset.otherThing',
  ],
};

const HAND_OVER: readonly StaffMessageId[] = ['found.to.owner', 'found.to.desk', 'found.to.security'];

/** The record's words: the hall's language, not the screen's. */
const recorded = (id: StaffMessageId, params?: Record<string, string>): string => translateStaff('zh-CN', id, params);

type Mode = { name: 'list' } | { name: 'kind' } | { name: 'what'; kind: FoundItemKind };

function FoundItemCard({ item, onHandOver, busy }: { item: FoundItem; onHandOver(): void; busy: boolean }) {
  const { s } = useStaffText();
  const { when } = useHallTime();
  return (
    <article className="staff-card" data-testid="found-item" data-id={item.id} data-handed={item.handedTo !== null}>
      <h2 className="staff-card__title">
        <span className="staff-card__kind">{s(`found.kind.${item.kind}`)}</span> · <span lang="zh-CN">{item.what}</span>
      </h2>
      <ul className="staff-card__facts">
        <li>{s('found.loggedAt', { time: when(item.foundAt), name: item.loggedBy })}</li>
        <li data-testid="found-item-state">
          {item.handedTo === null
            ? s('found.waiting')
            : s('found.handedTo', { to: item.handedTo, time: item.handedAt === null ? '' : when(item.handedAt), name: item.handedBy ?? '' })}
        </li>
      </ul>
      {item.handedTo === null && (
        <div className="staff-card__actions">
          <Button variant="primary" disabled={busy} onClick={onHandOver}>
            {s('found.handOver')}
          </Button>
        </div>
      )}
    </article>
  );
}

export function FoundItemsScreen({ api, snapshot, go, ask }: StaffScreenProps) {
  const { s } = useStaffText();
  const load = useCallback(() => api.call('staff:found-items', {}), [api]);
  const items = useStaffLoad(load);
  const action = useStaffAction();
  const [mode, setMode] = useState<Mode>({ name: 'list' });
  const [news, setNews] = useState<string | null>(null);

  const log = (kind: FoundItemKind, what: string): void =>
    action.run(
      () => api.call('staff:log-found-item', { kind, what }),
      (list) => {
        items.replace(list);
        setNews(s('found.logged', { what }));
        setMode({ name: 'list' });
      },
    );

  const handOver = (item: FoundItem): void =>
    ask({
      title: s('found.handOverTitle', { what: item.what }),
      body: s('found.handOverBody'),
      cancelLabel: s('common.back'),
      choices: HAND_OVER.map((id) => ({
        label: s(id),
        onChoose: () =>
          action.run(
            () => api.call('staff:hand-over', { id: item.id, handedTo: recorded(id) }),
            (list) => {
              items.replace(list);
              setNews(s('found.handed', { what: item.what }));
            },
          ),
      })),
    });

  if (mode.name !== 'list') {
    const backTo = mode.name === 'kind' ? { name: 'list' as const } : { name: 'kind' as const };
    return (
      <Screen
        key={mode.name}
        kind={['staff', 'staff-found-log']}
        title={s('found.log')}
        actions={
          <Button variant="secondary" onClick={() => setMode(backTo)}>
            {s('common.back')}
          </Button>
        }
      >
        <StaffError error={action.error} />
        {mode.name === 'kind' ? (
          <>
            <p className="screen__lead">{s('found.chooseKind')}</p>
            <div className="staff-choices">
              {KINDS.map((kind) => (
                <Button key={kind} variant="secondary" large onClick={() => setMode({ name: 'what', kind })}>
                  {s(`found.kind.${kind}`)}
                </Button>
              ))}
            </div>
          </>
        ) : mode.kind === 'ticket' ? (
          <TicketNumberEntry
            businesses={snapshot.businesses}
            busy={action.busy}
            onNumber={(number) => log('ticket', recorded('found.ticketWhat', { number }))}
          />
        ) : (
          <>
            <p className="screen__lead">{s('found.chooseWhat')}</p>
            <div className="staff-choices">
              {PRESETS[mode.kind].map((id) => (
                <Button key={id} variant="secondary" large disabled={action.busy} onClick={() => log(mode.kind, recorded(id))}>
                  {s(id)}
                </Button>
              ))}
            </div>
          </>
        )}
      </Screen>
    );
  }

  return (
    <Screen
      key="list"
      kind={['staff', 'staff-found']}
      title={s('found.title')}
      actions={
        <>
          <Button variant="secondary" onClick={() => go({ name: 'overview' })}>
            {s('common.backToOverview')}
          </Button>
          <Button variant="primary" large onClick={() => setMode({ name: 'kind' })}>
            {s('found.log')}
          </Button>
        </>
      }
    >
      {news !== null && (
        <StaffMessage kind="ok" testId="found-news">
          {news}
        </StaffMessage>
      )}
      <StaffError error={items.error ?? action.error} />
      {items.value === null ? (
        items.loading && <StaffMessage kind="info">{s('common.loading')}</StaffMessage>
      ) : (
        <List
          className="staff-cards"
          items={items.value}
          itemKey={(item) => String(item.id)}
          empty={<p>{s('found.none')}</p>}
          renderItem={(item) => <FoundItemCard item={item} busy={action.busy} onHandOver={() => handOver(item)} />}
        />
      )}
    </Screen>
  );
}
