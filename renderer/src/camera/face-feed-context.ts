/** The uvc feed's state for the face step's preview (App provides it; identity/VerifyStepScreen.tsx reads it). */
import { createContext } from 'react';
import { IDLE_UVC_FEED, type UvcFeedState } from './uvc-feed';

export const FaceFeedContext = createContext<UvcFeedState>(IDLE_UVC_FEED);
