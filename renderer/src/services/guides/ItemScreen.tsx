/**
 * An item's guide page (issue 16 §5): the name with its badges, then one part at a time — materials,
 * conditions, steps, time limits and fees, where (with the map), ways to do it, the policies that concern it
 * (政策直通车) and the 一件事 it belongs to — and the page's actions.
 */
import type { GuideItemView, GuideSummary } from '../../../../common/guides-api';
import { Screen } from '../../primitives/Screen';
import { joinSentences } from '../../speech/speech';
import { useScreenPrompt } from '../../speech/speech-context';
import type { GuideContext } from './guide-context';
import { useGuidePageActions } from './GuideActions';
import { FallbackNote, Local, TripBadges } from './GuideBits';
import { PageNotShown } from './GuideFrame';
import { departmentId } from './guide-words';
import { ITEM_SECTIONS, type GuideSection } from './guides-state';
import { useGuidesText } from './i18n/guides-text';
import { ChannelsSection, MaterialsSection, StepsSection, TextLines, TimeAndFeeSection } from './item-sections';
import { perPage } from './Pager';
import { SectionTabs } from './SectionTabs';
import { SummaryList } from './SummaryList';
import { useOpenGuide } from './use-open-guide';
import { WhereSection } from './WhereSection';

export function ItemScreen({ ctx, id, section }: { ctx: GuideContext; id: string; section?: GuideSection }) {
  const { answer, retry } = useOpenGuide(ctx, 'item', id);
  if (answer.status !== 'ok') return <PageNotShown state={answer} onBack={ctx.nav.back} onRetry={retry} />;
  if (answer.value.kind !== 'item') return <PageNotShown state={{ status: 'missing' }} onBack={ctx.nav.back} onRetry={retry} />;
  return <ItemPage ctx={ctx} view={answer.value.view} section={section} />;
}

export const policySummaries = (view: { policies: GuideItemView['policies'] }): GuideSummary[] => view.policies.map((p) => ({ kind: 'policy', id: p.id, name: p.title }));

function ItemPage({ ctx, view, section }: { ctx: GuideContext; view: GuideItemView; section?: GuideSection }) {
  const { g, text, language } = useGuidesText();
  const { item } = view;
  const { elder, dispatch, nav, api } = ctx;
  const sections = ITEM_SECTIONS.filter((s) => (s === 'policies' ? view.policies.length > 0 : s === 'bundles' ? view.bundles.length > 0 : true));
  const current = section && (sections as readonly GuideSection[]).includes(section) ? section : 'materials';
  const lines = perPage('lines', elder);
  const { buttons, notes } = useGuidePageActions({
    ctx,
    kind: 'item',
    id: item.code,
    businessId: item.businessId,
    kioskService: item.kioskService,
    onlineUrl: item.channels.includes('online') ? item.onlineUrl : undefined,
    onlineQr: view.onlineQr,
    robotTo: item.where.windows[0],
  });

  useScreenPrompt(joinSentences(language, text(item.name), g(`section.${current}`)), { cacheable: true });

  let body;
  switch (current) {
    case 'materials':
      body = <MaterialsSection materials={item.materials} size={lines} />;
      break;
    case 'conditions':
      body = <TextLines texts={item.conditions} size={lines} label={g('section.conditions')} empty={g('conditions.none')} />;
      break;
    case 'steps':
      body = <StepsSection steps={item.steps} size={lines} />;
      break;
    case 'time':
      body = <TimeAndFeeSection item={item} />;
      break;
    case 'where':
      body = <WhereSection api={api} where={item.where} />;
      break;
    case 'channels':
      body = <ChannelsSection channels={item.channels} atMostOneTrip={item.atMostOneTrip} noTrip={item.noTrip} onlineUrl={item.onlineUrl} qr={view.onlineQr} />;
      break;
    case 'policies':
      body = <SummaryList entries={policySummaries(view)} size={perPage('results', elder)} label={g('section.policies')} onOpen={(e) => nav.open(e.kind, e.id)} />;
      break;
    default:
      body = <SummaryList entries={view.bundles} size={perPage('results', elder)} label={g('section.bundles')} onOpen={(e) => nav.open(e.kind, e.id)} />;
  }

  return (
    <Screen kind={['guides', 'guides-page', 'guides-item']} title={<Local text={item.name} />} actions={buttons}>
      <FallbackNote texts={[item.name]} />
      <p className="guides-page__meta">
        <span className="guides-entry__department">{g(departmentId(item.department))}</span> <TripBadges atMostOneTrip={item.atMostOneTrip} noTrip={item.noTrip} />
      </p>
      <SectionTabs sections={sections} current={current} onChoose={(s) => dispatch({ type: 'guides/section', section: s })} />
      <section className="guides-page__section" aria-label={g(`section.${current}`)}>
        <h2 className="guides-section__title">{g(`section.${current}`)}</h2>
        {body}
      </section>
      {notes}
    </Screen>
  );
}
