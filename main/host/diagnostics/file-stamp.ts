/**
 * A clock time for file names (backups, bundles: issue 15 §3), UTC so it sorts and never repeats across a
 * time-zone change: 2026-11-23T01:00:00.000Z → 20261123T010000000Z. From the injected Clock (§8.4).
 */
export function fileStamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[-:.]/gu, '');
}
