/** A guide page's content, asked of the host (`guides:open`) for the page on screen, again when the catalogue changes. */
import type { GuideHitKind, GuideOpenResult } from '../../../../common/guides-api';
import type { GuideContext } from './guide-context';
import { useHostAnswer } from './use-host-answer';

export function useOpenGuide(ctx: GuideContext, kind: GuideHitKind, id: string) {
  const { api, snapshot } = ctx;
  return useHostAnswer<GuideOpenResult>(() => api.call('guides:open', { kind, id }), `${kind} ${id} ${snapshot.guides.catalogueVersion}`);
}
