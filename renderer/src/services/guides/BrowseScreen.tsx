/** One way of browsing (a life event, a department, 个人办事, 一件事, 政策直通车): the host's entries for it. */
import type { GuideBrowseRequest } from '../../../../common/guides-api';
import { Screen } from '../../primitives/Screen';
import { useScreenPrompt } from '../../speech/speech-context';
import type { GuideContext } from './guide-context';
import { audienceId, departmentId, lifeEventId } from './guide-words';
import { AnswerProblem, BackButton } from './GuideFrame';
import { useGuidesText, type GuidesMessageId } from './i18n/guides-text';
import { perPage } from './Pager';
import { SummaryList } from './SummaryList';
import { useHostAnswer } from './use-host-answer';

function titleOf(request: GuideBrowseRequest): GuidesMessageId {
  switch (request.by) {
    case 'lifeEvent':
      return lifeEventId(request.key);
    case 'department':
      return departmentId(request.key);
    case 'audience':
      return audienceId(request.key);
    case 'bundles':
      return 'browse.bundles';
    case 'policies':
      return 'browse.policies';
  }
}

export function BrowseScreen({ ctx, request }: { ctx: GuideContext; request: GuideBrowseRequest }) {
  const { g } = useGuidesText();
  const { api, elder, nav } = ctx;
  const { answer, retry } = useHostAnswer(() => api.call('guides:browse', request), JSON.stringify(request));
  const title = g(titleOf(request));
  useScreenPrompt(title, { cacheable: true });
  return (
    <Screen kind={['guides', 'guides-browse-list']} title={title} actions={<BackButton onBack={nav.back} />} progress={answer.status === 'loading'}>
      {answer.status === 'failed' && <AnswerProblem error={answer.error} onRetry={retry} />}
      {answer.status === 'ok' &&
        (answer.value.entries.length === 0 ? (
          <p className="screen__lead">{g('browse.empty')}</p>
        ) : (
          <SummaryList entries={answer.value.entries} size={perPage('results', elder)} label={title} onOpen={(e) => nav.open(e.kind, e.id)} />
        ))}
    </Screen>
  );
}
