/**
 * The calling-system interface's bearer token (calling-api.ts). It is a secret, so it never sits in the
 * configuration file (docs/configuration.md "Nothing in it is secret"): the file names the environment
 * variable (`queue.callingApi.tokenEnv`) and the token is read from it at start-up.
 */
import { type ConfigProblem, ConfigError } from './config-error';
import type { KioskConfig } from './config-types';

export const MIN_CALLING_TOKEN_LENGTH = 32;

/** Visible ASCII only: the token travels in an HTTP header and is typed into counter terminals. */
const TOKEN_SHAPE = /^[\x21-\x7e]+$/;

type Env = Record<string, string | undefined>;

/** What is wrong with the token the configuration asks for; empty when the interface is off or the token is fine. */
export function callingTokenProblems(config: Pick<KioskConfig, 'queue'>, env: Env): ConfigProblem[] {
  const api = config.queue.callingApi;
  if (!api) return [];
  const path = 'queue.callingApi.tokenEnv';
  const name = api.tokenEnv;
  const token = env[name];
  if (token === undefined || token === '') {
    return [{ path, reason: `names the environment variable ${name}, which is not set; set it to a secret of at least ${MIN_CALLING_TOKEN_LENGTH} characters that the calling system sends as "Authorization: Bearer <token>"` }];
  }
  if (!TOKEN_SHAPE.test(token)) {
    return [{ path, reason: `names the environment variable ${name}, whose value has spaces or characters other than visible ASCII; use letters, digits and punctuation only` }];
  }
  if (token.length < MIN_CALLING_TOKEN_LENGTH) {
    return [{ path, reason: `names the environment variable ${name}, which holds ${token.length} characters; the calling-system token must be at least ${MIN_CALLING_TOKEN_LENGTH} characters` }];
  }
  return [];
}

/** The token, once callingTokenProblems found nothing wrong (loadConfig checks it); null when the interface is off. */
export function callingToken(config: Pick<KioskConfig, 'queue'>, env: Env): string | null {
  const api = config.queue.callingApi;
  if (!api) return null;
  const problems = callingTokenProblems(config, env);
  if (problems.length > 0) throw new ConfigError('environment of the calling-system interface', problems);
  return env[api.tokenEnv]!;
}
