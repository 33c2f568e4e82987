/**
 * 证明打印 (issue 17 §2): consent to 刷脸 (or another way), the card and the verification — the platform must
 * have matched the citizen itself — then the list of what the platform can issue, a preview, printing, and
 * the outcome. The slice says where the citizen is and what the host answered; the certificate, its PDF and
 * the exactly-once rule are the host's (ARCHITECTURE.md §8.6). App clears the slice when the session ends.
 */
import type { CertificateChoice, CertificatePreview, CertificatePrintResult } from '../../../../common/certificates-api';
import type { ErrorCode } from '../../../../common/errors';
import type { VerificationMethod } from '../../../../common/identity';

export type CertificatesState =
  | { stage: 'consent' }
  | { stage: 'alternatives' }
  | { stage: 'card'; method: Exclude<VerificationMethod, 'card'> }
  | { stage: 'choose'; choices: CertificateChoice[] | null; error?: ErrorCode }
  | { stage: 'preparing'; choice: CertificateChoice; requestId: string; choices: CertificateChoice[] }
  | { stage: 'preview'; preview: CertificatePreview; choices: CertificateChoice[]; page: number }
  | { stage: 'printing'; preview: CertificatePreview; requestId: string; choices: CertificateChoice[] }
  | { stage: 'outcome'; result: CertificatePrintResult; preview: CertificatePreview; choices: CertificateChoice[] }
  /** The platform had nothing, or failed, for the chosen kind: back to the list with the reason. */
  | { stage: 'refused'; why: 'notAvailable' | ErrorCode; choices: CertificateChoice[] };

export type CertificatesAction =
  | { type: 'certificates/method'; method: Exclude<VerificationMethod, 'card'> }
  | { type: 'certificates/alternatives' }
  /** The citizen confirmed the identity the host established: the list is asked for. */
  | { type: 'certificates/continue' }
  | { type: 'certificates/listed'; choices: CertificateChoice[] }
  | { type: 'certificates/listFailed'; code: ErrorCode }
  | { type: 'certificates/choose'; choice: CertificateChoice; requestId: string }
  | { type: 'certificates/prepared'; preview: CertificatePreview }
  | { type: 'certificates/prepareRefused'; why: 'notAvailable' | ErrorCode }
  | { type: 'certificates/page'; page: number }
  | { type: 'certificates/print'; requestId: string }
  | { type: 'certificates/printed'; result: CertificatePrintResult }
  /** Back to the list (from the preview, a refusal or an outcome). */
  | { type: 'certificates/back' }
  /** The host says the citizen must identify again (the verification ran out). */
  | { type: 'certificates/identifyAgain' };

export const INITIAL_CERTIFICATES_STATE: CertificatesState = { stage: 'consent' };

const choicesOf = (state: CertificatesState): CertificateChoice[] => ('choices' in state && state.choices ? state.choices : []);

export function certificatesReducer(state: CertificatesState, action: CertificatesAction): CertificatesState {
  switch (action.type) {
    case 'certificates/method':
      return state.stage === 'consent' || state.stage === 'alternatives' || state.stage === 'card' ? { stage: 'card', method: action.method } : state;
    case 'certificates/alternatives':
      return state.stage === 'consent' || state.stage === 'card' ? { stage: 'alternatives' } : state;
    case 'certificates/continue':
      return state.stage === 'card' ? { stage: 'choose', choices: null } : state;
    case 'certificates/listed':
      return state.stage === 'choose' ? { stage: 'choose', choices: action.choices } : state;
    case 'certificates/listFailed':
      return state.stage === 'choose' ? { stage: 'choose', choices: null, error: action.code } : state;
    case 'certificates/choose':
      return state.stage === 'choose' || state.stage === 'refused' || state.stage === 'outcome'
        ? { stage: 'preparing', choice: action.choice, requestId: action.requestId, choices: choicesOf(state) }
        : state;
    case 'certificates/prepared':
      return state.stage === 'preparing' ? { stage: 'preview', preview: action.preview, choices: state.choices, page: 0 } : state;
    case 'certificates/prepareRefused':
      return state.stage === 'preparing' ? { stage: 'refused', why: action.why, choices: state.choices } : state;
    case 'certificates/page':
      return state.stage === 'preview' ? { ...state, page: Math.max(0, Math.min(action.page, state.preview.pageImages.length - 1)) } : state;
    case 'certificates/print':
      return state.stage === 'preview' ? { stage: 'printing', preview: state.preview, requestId: action.requestId, choices: state.choices } : state;
    case 'certificates/printed':
      return state.stage === 'printing' ? { stage: 'outcome', result: action.result, preview: state.preview, choices: state.choices } : state;
    case 'certificates/back':
      return state.stage === 'printing' || state.stage === 'preparing' ? state : { stage: 'choose', choices: choicesOf(state) };
    case 'certificates/identifyAgain':
      return state.stage === 'printing' ? state : { stage: 'consent' };
  }
}

/** Printing (or preparing) must not be left mid-way: home is refused until the host answered. */
export function isCertificatesBusy(state: CertificatesState): boolean {
  return state.stage === 'printing' || state.stage === 'preparing';
}
