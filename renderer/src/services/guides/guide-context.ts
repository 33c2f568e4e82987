/** What every guide screen is handed: the service's props, the way between pages, and the page's actions. */
import type { GuideBrowseRequest, GuideHitKind } from '../../../../common/guides-api';
import type { ServiceViewProps } from '../service-module';
import type { GuidesAction, GuidesState } from './guides-state';
import type { GuideActions } from './use-guide-actions';

export interface GuideNav {
  open(kind: GuideHitKind, id: string): void;
  browse(request: GuideBrowseRequest): void;
  /** One page back (from the guide home: the kiosk's home). */
  back(): void;
}

export interface GuideContext extends ServiceViewProps<GuidesState, GuidesAction> {
  nav: GuideNav;
  actions: GuideActions;
  /** 取号 for a business: the take-ticket screens over the guide, the request sent at once. */
  takeTicket(businessId: string): void;
}
