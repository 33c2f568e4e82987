/** The guides tile's icon, an open book with a magnifier: decorative, so the tile's name stays its visible label. */
export function GuidesIcon() {
  return (
    <svg className="icon icon--guides" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <path d="M4 10c6-2 12-2 18 2v28c-6-4-12-4-18-2z M44 10c-6-2-12-2-18 2v28c6-4 12-4 18-2z" fill="none" stroke="currentColor" strokeWidth="3" strokeLinejoin="round" />
      <circle cx="33" cy="22" r="5" fill="none" stroke="currentColor" strokeWidth="3" />
      <path d="M36.5 25.5l4 4" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
