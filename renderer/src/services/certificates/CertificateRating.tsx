/**
 * 好差评 of a printed certificate (issue 17 §8) under its outcome: shown once the host offers this issuance's
 * rating, and kept on screen after the host withdraws the offer (it does as soon as the rating is stored),
 * so the citizen sees the thanks; 跳过 removes it at once and the host never asks again.
 */
import { useEffect, useState } from 'react';
import type { EvaluationOffer } from '../../../../common/evaluation';
import type { KioskApi } from '../../../../common/kiosk-api';
import { RatingPanel } from '../rating/RatingPanel';

export function CertificateRating({ api, offer, issuanceId }: { api: KioskApi; offer: EvaluationOffer | null; issuanceId: string }) {
  const [shown, setShown] = useState<EvaluationOffer | null>(null);
  const [skipped, setSkipped] = useState(false);
  useEffect(() => {
    if (offer && offer.transactionId === issuanceId) setShown((s) => s ?? offer);
  }, [offer, issuanceId]);
  if (!shown || skipped) return null;
  return (
    <RatingPanel
      offer={shown}
      onSubmit={(s) => api.call('evaluation:submit', { ...s, requestId: `rating-${shown.transactionId}` })}
      onSkip={() => {
        setSkipped(true);
        void api.call('evaluation:skip', { transactionId: shown.transactionId }).catch(() => undefined);
      }}
    />
  );
}
