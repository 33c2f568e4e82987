/**
 * What the diagnostics refuse or fail at, said for the technician who must act (issue 15 §3, ARCHITECTURE.md
 * §3 "who must act"): zh-CN first, English after ` / `, never a byte of personal data.
 */

/** `中文 / English`: the house form of a technician-facing message (issue 15 §3). */
export function bilingual(zh: string, en: string): string {
  return `${zh} / ${en}`;
}

export type DiagnosticsErrorCode =
  /** Not in maintenance mode, or held by another technician (maintenance.ts). */
  | 'notInMaintenance'
  | 'heldByOther'
  | 'deviceInUse'
  | 'unknownDevice'
  /** Raw console input (raw-console.ts, hex-input.ts). */
  | 'badHex'
  | 'commandTooLong'
  | 'badWaitTime'
  | 'notOpen'
  | 'consoleBusy'
  | 'writeHung'
  | 'writeFailed'
  /** Device configuration editor (device-config-editor.ts). */
  | 'builtInDefault'
  | 'notWritable'
  | 'invalidConfig'
  | 'portTestFailed'
  | 'configReadFailed'
  | 'configWriteFailed'
  | 'backupMissing'
  /** Diagnostic bundle (diagnostic-bundle.ts). */
  | 'diskFull'
  | 'readOnly'
  | 'exportFailed';

export class DiagnosticsError extends Error {
  override readonly name = 'DiagnosticsError';
  /** Diagnostics are the technician's tools: whoever gets the error is the one to act. */
  readonly actor = 'technician' as const;

  constructor(
    readonly code: DiagnosticsErrorCode,
    message: string,
    /** Per-field problems (the configuration editor), `path: reason` as config-error.ts words them. */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}

/** The errno code of a Node fs error, if it has one. */
export function errnoCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
