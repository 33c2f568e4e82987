/** The home tile's picture for 证明打印: a sheet with a seal (decorative; the label names the button). */
export function CertificateIcon() {
  return (
    <svg viewBox="0 0 48 48" aria-hidden="true" focusable="false" className="icon icon--certificate">
      <rect x="10" y="5" width="28" height="38" rx="2" fill="none" stroke="currentColor" strokeWidth="3" />
      <path d="M16 14h16M16 20h16M16 26h9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      <circle cx="30" cy="34" r="5" fill="none" stroke="currentColor" strokeWidth="3" />
    </svg>
  );
}
