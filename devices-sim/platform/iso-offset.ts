/**
 * Times on the platform's wire are ISO 8601 with the hall's offset (common/platform-api.ts, ARCHITECTURE.md
 * §8.4); the one formatter lives in common/local-time.ts, shared with the host's platform client.
 */
export { isoWithOffset } from '../../common/local-time';
