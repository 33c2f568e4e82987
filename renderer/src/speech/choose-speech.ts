import type { Language } from '../../../common/kiosk-api';
import type { Speech } from './speech';

/** The shell's voice where it has one for the language, else the host's clips (issue 16 §8). */
export function chooseSpeech(language: Language, web: Speech & { hasVoice(language: Language): boolean }, host: Speech): Speech {
  return web.hasVoice(language) ? web : host;
}
