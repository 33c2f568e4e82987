/** An ID card laid on a reader: decorative, hidden from assistive technology (the prompt beside it says it all). */
export function IdCardIcon() {
  return (
    <svg className="icon icon--id-card" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <rect x="6" y="11" width="36" height="24" rx="3" fill="none" stroke="currentColor" strokeWidth="3" />
      <circle cx="16" cy="21" r="4" fill="none" stroke="currentColor" strokeWidth="2.5" />
      <path d="M10 31c1.5-3 4-4.5 6-4.5s4.5 1.5 6 4.5M26 18h11M26 24h11M26 30h7" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
      <path d="M4 40h40" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
