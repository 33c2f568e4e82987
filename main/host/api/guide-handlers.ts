/**
 * The guide, route, robot, read-out, elder-mode and help channels (issue 16) on the host's services. Without a
 * robot base, `robot:*` answers `unavailable` with noDevice; the screens offer the route on the map instead.
 */
import { errorInfo } from '../../../common/errors';
import type {
  GuideBrowseRequest,
  GuideBrowseResult,
  GuideOpenRequest,
  GuideOpenResult,
  GuidePrintRequest,
  GuidePrintResult,
  GuideSearchRequest,
  GuideSearchResult,
  GuidesOverview,
  GuidesStatusView,
  HelpCallResult,
} from '../../../common/guides-api';
import type { GuideRouteRequest, GuideRouteResult } from '../../../common/hall-map';
import type { ApiChannelHandlers } from '../../../common/kiosk-api-channels';
import type { RobotGoRequest, RobotTripView } from '../../../common/robot';
import type { SessionState } from '../../../common/session';
import type { SpeechClipRequest, SpeechClipResult } from '../../../common/speech';

export interface GuideDeskPort {
  status(): GuidesStatusView;
  onChanged(listener: (view: GuidesStatusView) => void): () => void;
  overview(): GuidesOverview;
  search(request: GuideSearchRequest): Promise<GuideSearchResult>;
  browse(request: GuideBrowseRequest): GuideBrowseResult;
  open(request: GuideOpenRequest): GuideOpenResult;
  printChecklist(request: GuidePrintRequest): Promise<GuidePrintResult>;
  route(request: GuideRouteRequest): GuideRouteResult;
}

export interface RobotDeskPort {
  view(): RobotTripView;
  go(request: RobotGoRequest): RobotTripView;
  cancel(): RobotTripView;
  onChanged(listener: (view: RobotTripView) => void): () => void;
}

export interface SpeechClipsPort {
  clip(request: SpeechClipRequest): Promise<SpeechClipResult>;
}

export interface CitizenHelpPort {
  setElder(on: boolean): SessionState;
  callHelp(): HelpCallResult;
}

type GuideChannels = 'guides:overview' | 'guides:search' | 'guides:browse' | 'guides:open' | 'guides:print-checklist' | 'guides:route' | 'robot:go' | 'robot:cancel' | 'speech:clip' | 'session:elder' | 'help:call';

/** What `robot:*` answers on a kiosk without a robot base. */
export const NO_ROBOT: RobotTripView = { phase: 'unavailable', error: errorInfo('noDevice', 'this kiosk has no robot base'), status: { online: false } };

export function guideHandlers(guides: GuideDeskPort, robot: RobotDeskPort | null, speech: SpeechClipsPort, citizen: CitizenHelpPort): Pick<ApiChannelHandlers, GuideChannels> {
  return {
    'guides:overview': () => guides.overview(),
    'guides:search': (r) => guides.search(r),
    'guides:browse': (r) => guides.browse(r),
    'guides:open': (r) => guides.open(r),
    'guides:print-checklist': (r) => guides.printChecklist(r),
    'guides:route': (r) => guides.route(r),
    'robot:go': (r) => robot?.go(r) ?? NO_ROBOT,
    'robot:cancel': () => robot?.cancel() ?? NO_ROBOT,
    'speech:clip': (r) => speech.clip(r),
    'session:elder': (r) => citizen.setElder(r.on),
    'help:call': () => citizen.callHelp(),
  };
}
