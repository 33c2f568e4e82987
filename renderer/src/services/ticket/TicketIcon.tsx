/** The take-ticket tile's icon: decorative, hidden from assistive technology, so the tile's name stays its visible label. */
export function TicketIcon() {
  return (
    <svg className="icon icon--ticket" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <path
        d="M6 12h36v8a4 4 0 0 0 0 8v8H6v-8a4 4 0 0 0 0-8z"
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
        strokeLinejoin="round"
      />
      <path d="M18 12v24" stroke="currentColor" strokeWidth="3" strokeDasharray="3 3" />
    </svg>
  );
}
