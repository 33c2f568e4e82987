/**
 * A 一件事 bundle's page (issue 16 §5): its summary and items in the order they are done, ONE checklist for
 * all of them (the host's GuideBundleView.checklist: each material once, with the items that need it, 免提交
 * ones last), the policies that concern it, where it is handled, and 打印清单 for the whole bundle.
 */
import type { ServiceItem } from '../../../../common/guides';
import type { ChecklistLine, GuideBundleView, GuideSummary } from '../../../../common/guides-api';
import { Screen } from '../../primitives/Screen';
import { joinSentences } from '../../speech/speech';
import { useScreenPrompt } from '../../speech/speech-context';
import type { GuideContext } from './guide-context';
import { useGuidePageActions } from './GuideActions';
import { FallbackNote, Local } from './GuideBits';
import { PageNotShown } from './GuideFrame';
import { BUNDLE_SECTIONS, type GuideSection } from './guides-state';
import { useGuidesText } from './i18n/guides-text';
import { policySummaries } from './ItemScreen';
import { MaterialLine } from './item-sections';
import { Pager, perPage, usePaging } from './Pager';
import { SectionTabs } from './SectionTabs';
import { SummaryList } from './SummaryList';
import { useOpenGuide } from './use-open-guide';
import { WhereSection } from './WhereSection';

export function BundleScreen({ ctx, id, section }: { ctx: GuideContext; id: string; section?: GuideSection }) {
  const { answer, retry } = useOpenGuide(ctx, 'bundle', id);
  if (answer.status !== 'ok') return <PageNotShown state={answer} onBack={ctx.nav.back} onRetry={retry} />;
  if (answer.value.kind !== 'bundle') return <PageNotShown state={{ status: 'missing' }} onBack={ctx.nav.back} onRetry={retry} />;
  return <BundlePage ctx={ctx} view={answer.value.view} section={section} />;
}

const itemSummary = (item: ServiceItem): GuideSummary => ({
  kind: 'item',
  id: item.code,
  name: item.name,
  department: item.department,
  atMostOneTrip: item.atMostOneTrip,
  noTrip: item.noTrip,
});

function BundlePage({ ctx, view, section }: { ctx: GuideContext; view: GuideBundleView; section?: GuideSection }) {
  const { g, text, language } = useGuidesText();
  const { bundle } = view;
  const { elder, dispatch, nav, api } = ctx;
  const sections = BUNDLE_SECTIONS.filter((s) => (s === 'policies' ? view.policies.length > 0 : s === 'where' ? bundle.where !== undefined : true));
  const current = section && (sections as readonly GuideSection[]).includes(section) ? section : 'items';
  const { buttons, notes } = useGuidePageActions({ ctx, kind: 'bundle', id: bundle.id, businessId: bundle.businessId, robotTo: bundle.where?.windows[0] });
  const open = (e: GuideSummary) => nav.open(e.kind, e.id);

  useScreenPrompt(joinSentences(language, text(bundle.name), g(`section.${current}`)), { cacheable: true });

  let body;
  if (current === 'checklist') body = <Checklist view={view} size={perPage('lines', elder)} />;
  else if (current === 'policies') body = <SummaryList entries={policySummaries(view)} size={perPage('results', elder)} label={g('section.policies')} onOpen={open} />;
  else if (current === 'where' && bundle.where) body = <WhereSection api={api} where={bundle.where} />;
  else
    body = (
      <>
        <p className="screen__lead">
          <Local text={bundle.summary} />
        </p>
        <SummaryList entries={view.items.map(itemSummary)} size={perPage('results', elder)} label={g('section.items')} onOpen={open} ordered />
      </>
    );

  return (
    <Screen kind={['guides', 'guides-page', 'guides-bundle']} title={<Local text={bundle.name} />} actions={buttons}>
      <FallbackNote texts={[bundle.name, bundle.summary]} />
      <SectionTabs sections={sections} current={current} onChoose={(s) => dispatch({ type: 'guides/section', section: s })} />
      <section className="guides-page__section" aria-label={g(`section.${current}`)}>
        <h2 className="guides-section__title">{g(`section.${current}`)}</h2>
        {body}
      </section>
      {notes}
    </Screen>
  );
}

/** The merged checklist: each material once, with the items that need it. */
function Checklist({ view, size }: { view: GuideBundleView; size: number }) {
  const { g, text } = useGuidesText();
  const paged = usePaging(view.checklist, size, (line: ChecklistLine) => line.material.id);
  const label = g('section.checklist');
  const itemName = (code: string): string => {
    const item = view.items.find((i) => i.code === code);
    return item ? text(item.name) : code;
  };
  return (
    <>
      <p className="guides-note">{g('checklist.once', { count: view.checklist.length })}</p>
      <FallbackNote texts={view.checklist.map((l) => l.material.name)} />
      <ul className="guides-lines" aria-label={label}>
        {paged.items.map((line) => (
          <li key={line.material.id} data-material={line.material.id}>
            <MaterialLine material={line.material}>
              <p className="guides-material__needed">{g('checklist.neededBy', { items: line.neededBy.map(itemName).join(g('list.separator')) })}</p>
            </MaterialLine>
          </li>
        ))}
      </ul>
      <Pager paged={paged} label={g('page.of', { list: label })} />
    </>
  );
}
