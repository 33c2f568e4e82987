/**
 * Shape check for what a host child sends over the IPC channel (host-ipc.ts, ARCHITECTURE.md §8.9). The
 * supervisor acts only on messages of the expected shape; anything else is logged and dropped.
 */
import type { HostToSupervisor } from './host-ipc';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isHostMessage(value: unknown): value is HostToSupervisor {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'ready':
      return typeof value.kioskUrl === 'string' && (value.simUrl === null || typeof value.simUrl === 'string');
    case 'api-reply': {
      const reply = value.reply;
      return (
        isObject(reply) &&
        reply.kind === 'reply' &&
        typeof reply.id === 'number' &&
        (reply.ok === true || (reply.ok === false && isObject(reply.error) && typeof reply.error.code === 'string'))
      );
    }
    case 'api-event':
      return isObject(value.push) && value.push.kind === 'event' && isObject(value.push.event);
    case 'fatal':
      return typeof value.message === 'string';
    case 'heartbeat':
      return true;
    default:
      return false;
  }
}
