/**
 * The host's QR code (common/guides-api.ts QrSvg) as an SVG image: dark modules on white, large enough for a
 * phone held at arm's length, named for screen readers by what it opens.
 */
import type { QrSvg } from '../../../../common/guides-api';

export function QrCode({ qr, label }: { qr: QrSvg; label: string }) {
  return (
    <svg className="guides-qr" role="img" aria-label={label} viewBox={`0 0 ${qr.size} ${qr.size}`} shapeRendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.path} fill="#000" />
    </svg>
  );
}
