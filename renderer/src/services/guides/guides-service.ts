/**
 * 办事指南, the service guides (issue 16 §5; ARCHITECTURE.md §8.15): search by pinyin or initials, browse by
 * life event, department, personal or business, 一件事 and 政策直通车; each item's guide page, a bundle's merged
 * checklist, a policy. It needs no device (the host answers from its local catalogue), so it is offered
 * whatever the host lists (service-module.ts DEVICE_FREE_SERVICES), under the renderer's id `guides`.
 */
import { createElement } from 'react';
import type { ServiceModule } from '../service-module';
import { GuidesIcon } from './GuidesIcon';
import { GuidesService } from './GuidesService';
import { guidesReducer, INITIAL_GUIDES_STATE, isGuidesBusy, type GuidesAction, type GuidesState } from './guides-state';

export const guidesService: ServiceModule<GuidesState, GuidesAction> = {
  id: 'guides',
  tile: { label: 'home.guides', hint: 'home.guides.hint', Icon: GuidesIcon },
  initialState: INITIAL_GUIDES_STATE,
  reduce: guidesReducer,
  // While a checklist or a ticket prints, nothing navigates away (§8.3).
  isBusy: isGuidesBusy,
  render: (props) => createElement(GuidesService, props),
};
