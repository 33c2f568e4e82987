/** 办事指南's first screen: the search on top, the ways to browse below (hidden while the keyboard is up). */
import { Button } from '../../primitives/Button';
import { Screen } from '../../primitives/Screen';
import { joinSentences } from '../../speech/speech';
import { useScreenPrompt } from '../../speech/speech-context';
import { BrowseTiles } from './BrowseTiles';
import type { GuideContext } from './guide-context';
import { useGuidesText } from './i18n/guides-text';
import { SearchArea } from './SearchArea';

export function GuidesHome({ ctx }: { ctx: GuideContext }) {
  const { g, t, language } = useGuidesText();
  const { state, snapshot, goHome } = ctx;
  const browsing = !state.typing && state.query.trim() === '';
  const index = snapshot.guides.state;
  useScreenPrompt(joinSentences(language, g('home.title'), g(index === 'preparing' ? 'search.preparing' : index === 'failed' ? 'search.failed' : 'search.field')), { cacheable: true });
  return (
    <Screen
      kind={['guides', 'guides-home']}
      title={g('home.title')}
      actions={
        <Button variant="secondary" onClick={goHome}>
          {t('action.home')}
        </Button>
      }
    >
      <SearchArea ctx={ctx} />
      {browsing && <BrowseTiles ctx={ctx} />}
    </Screen>
  );
}
