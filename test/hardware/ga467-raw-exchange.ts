/**
 * One GA 467 request and its reply straight over a Transport, outside the driver (protocols.md §1.1, §1.2):
 * for the contract's `12 FF` read SAM ID, which the driver never sends. Opens the link, writes the frame,
 * collects the reply with the driver's own decoder (split anywhere), closes the link. The reply is copied out
 * of the decoder's buffer; a SAM ID is not personal data.
 */
import { encodeCommand, type Ga467Command } from '../../drivers/protocol/ga467/commands';
import { Ga467ResponseDecoder } from '../../drivers/protocol/ga467/response-decoder';
import type { Transport } from '../../drivers/transport/transport';

export interface RawReply {
  sw3: number;
  data: Uint8Array;
}

export async function exchangeRaw(transport: Transport, command: Ga467Command, timeoutMs: number): Promise<RawReply> {
  await transport.open();
  const decoder = new Ga467ResponseDecoder();
  let off = (): void => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const reply = new Promise<RawReply>((resolve, reject) => {
      off = transport.onData((chunk) => {
        for (const event of decoder.push(chunk)) {
          if (event.type === 'response') resolve({ sw3: event.frame.sw3, data: event.frame.data.slice() });
        }
      });
      timer = setTimeout(() => reject(new Error(`no reply to ${command.type} within ${timeoutMs} ms over ${transport.description}`)), timeoutMs);
    });
    await transport.write(encodeCommand(command));
    return await reply;
  } finally {
    off();
    clearTimeout(timer);
    await transport.close();
  }
}
