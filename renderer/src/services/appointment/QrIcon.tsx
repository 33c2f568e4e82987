/** A QR code held to a scanner: decorative, hidden from assistive technology (the label beside it says it all). */
export function QrIcon() {
  return (
    <svg className="icon icon--qr" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <path d="M8 8h12v12H8zM28 8h12v12H28zM8 28h12v12H8z" fill="none" stroke="currentColor" strokeWidth="3" strokeLinejoin="round" />
      <path d="M13 13h2v2h-2zM33 13h2v2h-2zM13 33h2v2h-2z" fill="currentColor" />
      <path d="M28 28h4v4h-4zM36 28h4v4h-4zM32 32h4v4h-4zM28 36h4v4h-4zM36 36h4v4h-4z" fill="currentColor" />
    </svg>
  );
}
