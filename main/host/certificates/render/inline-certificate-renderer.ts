/**
 * The certificate renderer on the calling thread (issue 17 §2): the same core as the worker (certificate-pdf.ts),
 * fonts read once on first use. For tests and command-line tools only; the host uses the worker pool
 * (certificate-renderer.ts), since a render blocks its thread for a few hundred milliseconds (ARCHITECTURE.md §8.9).
 */
import type { CertificateDocument } from '../../../../common/certificate-document';
import { DEFAULT_CERTIFICATE_FONTS, loadCertificateFonts, type CertificateFontPaths, type CertificateFonts } from './certificate-fonts';
import { renderCertificatePdf } from './certificate-pdf';
import { renderFailure } from './certificate-render-error';
import type { CertificatePdfRenderer, RenderResult } from './certificate-renderer';

export interface InlineCertificateRendererOptions {
  fonts?: CertificateFontPaths;
  training?: boolean;
}

export function createInlineCertificateRenderer(options: InlineCertificateRendererOptions = {}): CertificatePdfRenderer & { fontLoads(): number } {
  let fonts: CertificateFonts | null = null;
  let loads = 0;
  return {
    async render(document: CertificateDocument): Promise<RenderResult> {
      const started = performance.now();
      try {
        if (fonts === null) {
          fonts = loadCertificateFonts(options.fonts ?? DEFAULT_CERTIFICATE_FONTS);
          loads++;
        }
        const { pdf, pages, qr } = await renderCertificatePdf(document, fonts, { training: options.training ?? false });
        return { ok: true, pdf, pages, qr, ms: performance.now() - started };
      } catch (err) {
        return renderFailure(err);
      }
    },
    fontLoads: () => loads,
    dispose: () => Promise.resolve(),
  };
}
