/** A policy (政策直通车, issue 16 §5): title, issuer, date, summary, the points a citizen needs, and what it concerns. */
import type { GuidePolicyView, GuideSummary } from '../../../../common/guides-api';
import { Screen } from '../../primitives/Screen';
import { joinSentences } from '../../speech/speech';
import { useScreenPrompt } from '../../speech/speech-context';
import type { GuideContext } from './guide-context';
import { FallbackNote, Local } from './GuideBits';
import { BackButton, PageNotShown } from './GuideFrame';
import { useGuidesText } from './i18n/guides-text';
import { OnlineAddress, TextLines } from './item-sections';
import { perPage } from './Pager';
import { SummaryList } from './SummaryList';
import { useOpenGuide } from './use-open-guide';

export function PolicyScreen({ ctx, id }: { ctx: GuideContext; id: string }) {
  const { answer, retry } = useOpenGuide(ctx, 'policy', id);
  if (answer.status !== 'ok') return <PageNotShown state={answer} onBack={ctx.nav.back} onRetry={retry} />;
  if (answer.value.kind !== 'policy') return <PageNotShown state={{ status: 'missing' }} onBack={ctx.nav.back} onRetry={retry} />;
  return <PolicyPage ctx={ctx} view={answer.value.view} />;
}

function PolicyPage({ ctx, view }: { ctx: GuideContext; view: GuidePolicyView }) {
  const { g, text, language } = useGuidesText();
  const { policy } = view;
  useScreenPrompt(joinSentences(language, text(policy.title), text(policy.summary)), { cacheable: true });
  const { elder, nav } = ctx;
  const [year, month, day] = policy.issuedOn.split('-').map(Number);
  const related: GuideSummary[] = [...view.items, ...view.bundles];
  return (
    <Screen kind={['guides', 'guides-page', 'guides-policy']} title={<Local text={policy.title} />} actions={<BackButton onBack={nav.back} />}>
      <FallbackNote texts={[policy.title, policy.issuer, policy.summary]} />
      <dl className="guides-facts">
        <dt>{g('policy.issuer')}</dt>
        <dd>
          <Local text={policy.issuer} />
        </dd>
        <dt>{g('policy.issuedOn')}</dt>
        <dd>{g('policy.date', { year: year ?? '', month: month ?? '', day: day ?? '' })}</dd>
      </dl>
      <p className="screen__lead">
        <Local text={policy.summary} />
      </p>
      <section className="guides-page__section" aria-label={g('policy.points')}>
        <h2 className="guides-section__title">{g('policy.points')}</h2>
        <TextLines texts={policy.points} size={perPage('lines', elder)} label={g('policy.points')} empty={g('policy.noPoints')} />
      </section>
      {related.length > 0 && (
        <section className="guides-page__section" aria-label={g('policy.related')}>
          <h2 className="guides-section__title">{g('policy.related')}</h2>
          <SummaryList entries={related} size={perPage('results', elder)} label={g('policy.related')} onOpen={(e) => nav.open(e.kind, e.id)} />
        </section>
      )}
      {policy.url && <OnlineAddress url={policy.url} />}
    </Screen>
  );
}
