/**
 * Meaning of ESC/POS status bytes: DLE EOT n (protocols.md §2.4), ASB blocks (§2.5), GS r 1 (§2.1, §2.7) and
 * the presenter printers' 6-byte full status to DLE EOT 20 (§2.6).
 * Each interpreter sets only the fields its reply carries; an absent field means "this reply does not say".
 */

export interface EscPosStatusBits {
  offline?: boolean;
  waitingOnlineRecovery?: boolean;
  feedButton?: boolean;
  /**
   * The ticket is still in the output: DLE EOT 1 bit 7 on kiosk printers that report it (Cashino), the paper
   * byte's bit 5 of a presenter's full status (§2.6); the model table decides whether to believe it.
   */
  ticketNotTaken?: boolean;
  coverOpen?: boolean;
  paperFeeding?: boolean;
  paperEndStop?: boolean;
  errorOccurred?: boolean;
  recoverableError?: boolean;
  cutterError?: boolean;
  unrecoverableError?: boolean;
  autoRecoverableError?: boolean;
  paperNearEnd?: boolean;
  paperEnd?: boolean;
}

export type AsbStatus = Required<
  Pick<
    EscPosStatusBits,
    | 'offline'
    | 'coverOpen'
    | 'paperFeeding'
    | 'waitingOnlineRecovery'
    | 'feedButton'
    | 'recoverableError'
    | 'cutterError'
    | 'unrecoverableError'
    | 'autoRecoverableError'
    | 'paperNearEnd'
    | 'paperEnd'
  >
>;

const bit = (byte: number, mask: number): boolean => (byte & mask) !== 0;

/** One DLE EOT n reply byte (protocols.md §2.4). The caller knows n: the reply does not carry it. */
export function interpretRealtimeStatus(n: 1 | 2 | 3 | 4, byte: number): EscPosStatusBits {
  switch (n) {
    case 1:
      return { offline: bit(byte, 0x08), waitingOnlineRecovery: bit(byte, 0x20), feedButton: bit(byte, 0x40), ticketNotTaken: bit(byte, 0x80) };
    case 2:
      return { coverOpen: bit(byte, 0x04), paperFeeding: bit(byte, 0x08), paperEndStop: bit(byte, 0x20), errorOccurred: bit(byte, 0x40) };
    case 3:
      return { recoverableError: bit(byte, 0x04), cutterError: bit(byte, 0x08), unrecoverableError: bit(byte, 0x20), autoRecoverableError: bit(byte, 0x40) };
    case 4:
      return { paperNearEnd: bit(byte, 0x0c), paperEnd: bit(byte, 0x60) };
    default:
      throw new RangeError(`DLE EOT n must be 1–4, got ${String(n)}`);
  }
}

/** A 4-byte ASB block (protocols.md §2.5). */
export function interpretAsb(bytes: Uint8Array): AsbStatus {
  if (bytes.length !== 4) throw new RangeError(`an ASB block is 4 bytes, got ${bytes.length}`);
  const [b1, b2, b3] = [bytes[0]!, bytes[1]!, bytes[2]!];
  return {
    offline: bit(b1, 0x08),
    coverOpen: bit(b1, 0x20),
    paperFeeding: bit(b1, 0x40),
    waitingOnlineRecovery: bit(b2, 0x01),
    feedButton: bit(b2, 0x02),
    recoverableError: bit(b2, 0x04),
    cutterError: bit(b2, 0x08),
    unrecoverableError: bit(b2, 0x20),
    autoRecoverableError: bit(b2, 0x40),
    paperNearEnd: bit(b3, 0x03),
    paperEnd: bit(b3, 0x0c),
  };
}

/**
 * The reply to DLE EOT 20 on presenter printers (§2.6, Custom VKP80 [V*]): `10 0F`, then the paper, user,
 * recoverable and unrecoverable status bytes. A low supply voltage stops printing until it recovers: it
 * reads as offline [C]. The communication-error and not-acknowledged bits say nothing about paper or
 * mechanism and are left out.
 */
export function interpretFullStatus(bytes: Uint8Array): EscPosStatusBits {
  if (bytes.length !== 6 || bytes[0] !== 0x10 || bytes[1] !== 0x0f) throw new RangeError('a full status reply is 10 0F and 4 status bytes');
  const [paper, user, recoverable, unrecoverable] = [bytes[2]!, bytes[3]!, bytes[4]!, bytes[5]!];
  return {
    paperEnd: bit(paper, 0x01),
    paperNearEnd: bit(paper, 0x04),
    ticketNotTaken: bit(paper, 0x20),
    coverOpen: bit(user, 0x03),
    autoRecoverableError: bit(recoverable, 0x01),
    offline: bit(recoverable, 0x08),
    recoverableError: bit(recoverable, 0x40),
    cutterError: bit(unrecoverable, 0x01),
    unrecoverableError: bit(unrecoverable, 0x4c),
  };
}

/** The GS r 1 reply: bits 0+1 near end, bits 2+3 paper end, as Epson's ASB byte 3 [C]. */
export function interpretPaperStatus(byte: number): EscPosStatusBits {
  return { paperNearEnd: bit(byte, 0x03), paperEnd: bit(byte, 0x0c) };
}
