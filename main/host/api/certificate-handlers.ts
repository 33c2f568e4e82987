/**
 * The certificate and 好差评 channels (issue 17 §2, §8) on the host's services. A refusal in words (a rating
 * nobody offered, a low rating without a reason) goes back as badRequest with the message, so the screen can
 * say it; everything else is an answer of the channel's own result type.
 */
import { errorInfo } from '../../../common/errors';
import type { CertificateListResult, CertificatePrepareRequest, CertificatePrepareResult, CertificatePrintRequest, CertificatePrintResult } from '../../../common/certificates-api';
import type { EvaluationOffer, EvaluationSkipRequest, EvaluationSubmitRequest, EvaluationSubmitResult } from '../../../common/evaluation';
import type { ApiChannelHandlers } from '../../../common/kiosk-api-channels';
import { KioskApiError } from '../../../common/kiosk-api';

export interface CertificateDeskPort {
  list(): Promise<CertificateListResult>;
  prepare(request: CertificatePrepareRequest): Promise<CertificatePrepareResult>;
  print(request: CertificatePrintRequest): Promise<CertificatePrintResult>;
}

export interface EvaluationDeskPort {
  current(): EvaluationOffer | null;
  submit(request: EvaluationSubmitRequest): Promise<EvaluationSubmitResult>;
  withdraw(transactionId?: string): void;
  onChanged(listener: (offer: EvaluationOffer | null) => void): () => void;
}

type CertificateChannels = 'certificates:list' | 'certificates:prepare' | 'certificates:print' | 'evaluation:submit' | 'evaluation:skip';

export function certificateHandlers(certificates: CertificateDeskPort, evaluation: EvaluationDeskPort): Pick<ApiChannelHandlers, CertificateChannels> {
  return {
    'certificates:list': () => certificates.list(),
    'certificates:prepare': (r) => certificates.prepare(r),
    'certificates:print': (r) => certificates.print(r),
    'evaluation:submit': async (r) => {
      try {
        return await evaluation.submit(r);
      } catch (err) {
        if (err instanceof Error && err.name === 'EvaluationError') throw new KioskApiError(errorInfo('badRequest', err.message));
        throw err;
      }
    },
    'evaluation:skip': (r: EvaluationSkipRequest) => (evaluation.withdraw(r.transactionId), {}),
  };
}
