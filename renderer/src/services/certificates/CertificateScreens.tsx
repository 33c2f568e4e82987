/**
 * The certificate screens (issue 17 §2) after identification: the list the platform offers, the preview of
 * the rendered certificate page by page, printing, and the outcome told honestly (ARCHITECTURE.md §8.3).
 */
import type { ReactNode } from 'react';
import type { CertificateChoice, CertificatePreview, CertificatePrintResult } from '../../../../common/certificates-api';
import type { ErrorCode } from '../../../../common/errors';
import { errorMessageId } from '../../i18n/translate';
import { Button } from '../../primitives/Button';
import { Screen } from '../../primitives/Screen';
import { useFocusHeading } from '../../primitives/use-focus-heading';
import { useCertificatesText } from './i18n/certificates-text';

export function ChooseScreen({ choices, error, onChoose, onRetry, onBack }: { choices: CertificateChoice[] | null; error?: ErrorCode; onChoose(choice: CertificateChoice): void; onRetry(): void; onBack(): void }) {
  const { c, t } = useCertificatesText();
  const back = (
    <Button variant="secondary" onClick={onBack}>
      {c('back')}
    </Button>
  );
  if (error !== undefined) {
    return (
      <Screen kind={['centered', 'certificates']} title={c('title')} actions={<>{back}<Button variant="primary" onClick={onRetry}>{c('choose.retry')}</Button></>}>
        <p className="screen__lead" role="alert">{c('choose.failed', { reason: t(errorMessageId(error)) })}</p>
      </Screen>
    );
  }
  if (choices === null) {
    return (
      <Screen kind={['centered', 'certificates']} progress actions={back}>
        <p className="screen__lead" role="status">{c('choose.loading')}</p>
      </Screen>
    );
  }
  return (
    <Screen kind={['certificates']} title={c('choose.title')} actions={back}>
      {choices.length === 0 ? (
        <p className="screen__lead">{c('choose.none')}</p>
      ) : (
        <ul className="certificate-choices">
          {choices.map((choice) => (
            <li key={choice.kind}>
              <Button variant="service" onClick={() => onChoose(choice)}>
                <span className="certificate-choice__title">{choice.title}</span>
                <span className="certificate-choice__issuer">{c('choose.issuer', { issuer: choice.issuer })}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Screen>
  );
}

export function PreparingScreen({ title }: { title: string }) {
  const { c } = useCertificatesText();
  const status = useFocusHeading<HTMLDivElement>();
  return (
    <Screen kind={['centered', 'printing']} progress>
      <div ref={status} tabIndex={-1} role="status" aria-live="polite">
        <p className="screen__lead">{c('preparing', { title })}</p>
      </div>
    </Screen>
  );
}

export function PreviewScreen({ preview, page, onPage, onPrint, onBack }: { preview: CertificatePreview; page: number; onPage(page: number): void; onPrint(): void; onBack(): void }) {
  const { c } = useCertificatesText();
  const pages = preview.pageImages.length;
  const image = preview.pageImages[page];
  return (
    <Screen
      kind={['certificates', 'certificate-preview']}
      title={c('preview.title')}
      actions={
        <>
          <Button variant="secondary" onClick={onBack}>
            {c('back')}
          </Button>
          <Button variant="primary" large onClick={onPrint}>
            {c('preview.print')}
          </Button>
        </>
      }
    >
      <p className="certificate-preview__name">{preview.title}</p>
      <p className="certificate-preview__code">{c('preview.code', { code: preview.verificationCode })}</p>
      {image !== undefined && <img className="certificate-preview__page" src={image} alt={c('preview.image', { page: page + 1 })} />}
      {pages > 1 && (
        <div className="certificate-preview__pager">
          <Button variant="secondary" disabled={page === 0} onClick={() => onPage(page - 1)}>
            {c('preview.prev')}
          </Button>
          <span aria-live="polite">{c('preview.page', { page: page + 1, pages })}</span>
          <Button variant="secondary" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
            {c('preview.next')}
          </Button>
        </div>
      )}
      <p className="screen__lead">{c('preview.hint')}</p>
    </Screen>
  );
}

export function CertificatePrintingScreen({ title }: { title: string }) {
  const { c } = useCertificatesText();
  const status = useFocusHeading<HTMLDivElement>();
  return (
    <Screen kind={['centered', 'printing']} progress>
      <div ref={status} tabIndex={-1} role="status" aria-live="polite">
        <p className="screen__lead">{c('printing', { title })}</p>
      </div>
    </Screen>
  );
}

export function CertificateOutcomeScreen({ result, rating, onRetry, onAnother, onDone }: { result: CertificatePrintResult; rating?: ReactNode; onRetry(): void; onAnother(): void; onDone(): void }) {
  const { c, t } = useCertificatesText();
  const done = (
    <Button variant="primary" onClick={onDone}>
      {c('done')}
    </Button>
  );
  switch (result.outcome) {
    case 'issued':
      return (
        <Screen kind={['centered', 'certificates']} title={c('outcome.issued')} actions={<><Button variant="secondary" onClick={onAnother}>{c('another')}</Button>{done}</>}>
          <p className="screen__lead">{c('outcome.issuedPages', { pages: result.pages })}</p>
          {rating}
        </Screen>
      );
    case 'voided':
      return (
        <Screen kind={['centered', 'certificates']} title={c('outcome.voided', { reason: t(errorMessageId(result.code)) })} actions={<><Button variant="secondary" onClick={onDone}>{c('done')}</Button><Button variant="primary" onClick={onRetry}>{c('outcome.retry')}</Button></>}>
          {result.partial && <p className="screen__lead" role="alert">{c('outcome.partial')}</p>}
          <p className="screen__lead">{c('outcome.window')}</p>
        </Screen>
      );
    case 'uncertain':
      return (
        <Screen kind={['centered', 'certificates']} title={c('outcome.uncertain')} actions={done}>
          <p className="screen__lead">{c('outcome.window')}</p>
        </Screen>
      );
  }
}

export function RefusedScreen({ why, onBack }: { why: 'notAvailable' | ErrorCode; onBack(): void }) {
  const { c, t } = useCertificatesText();
  return (
    <Screen kind={['centered', 'certificates']} title={why === 'notAvailable' ? c('refused.notAvailable') : c('refused.failed', { reason: t(errorMessageId(why)) })} actions={<Button variant="primary" onClick={onBack}>{c('back')}</Button>}>
      <p className="screen__lead">{c('outcome.window')}</p>
    </Screen>
  );
}
