/**
 * The card step's call to the host (issue 14 §10): `identity:begin` when the step appears (and on 重新刷卡),
 * `identity:cancel` when the citizen leaves before a card was accepted. The prompts then follow the host's
 * `identity:changed` events in the snapshot; this decides nothing (ARCHITECTURE.md §8.6).
 */
import { useCallback, useEffect, useRef } from 'react';
import type { IdentityPurpose, IdentityView, VerificationMethod } from '../../../common/identity';
import type { KioskApi } from '../../../common/kiosk-api';
import type { HostAction } from '../app/host-view';

/** `method`: what the citizen consented to (face, fingerprint), staff, or the card alone where that is enough. */
export function useCardStep(api: KioskApi, purpose: IdentityPurpose, dispatchHost: (action: HostAction) => void, identity: IdentityView, method: VerificationMethod = 'card') {
  const identified = useRef(identity.step === 'identified');
  identified.current = identity.step === 'identified';

  const begin = useCallback(() => {
    api.call('identity:begin', { purpose, method }).then(
      (view) => dispatchHost({ type: 'host/identity', identity: view }),
      () => {
        // The host's events carry the step; a failed call leaves the screen as it was, with its retry.
      },
    );
  }, [api, purpose, method, dispatchHost]);

  useEffect(() => {
    begin();
    return () => {
      if (!identified.current) void api.call('identity:cancel', {}).catch(() => undefined);
    };
  }, [api, begin]);

  return { retry: begin };
}
