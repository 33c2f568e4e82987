/**
 * Message lookup for the certificate screens (ARCHITECTURE.md §8.12), kept apart from the citizen catalogs
 * as the guide screens keep theirs: `c(id)` in the language on screen.
 */
import type { Language } from '../../../../../common/kiosk-api';
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageParams } from '../../../i18n/translate';
import { certificatesEn } from './en';
import { certificatesZhCN, type CertificatesCatalog, type CertificatesMessageId } from './zh-CN';
import { certificatesZhTW } from './zh-TW';

export type { CertificatesCatalog, CertificatesMessageId } from './zh-CN';

export const CERTIFICATES_CATALOGS: Readonly<Record<Language, CertificatesCatalog>> = { 'zh-CN': certificatesZhCN, 'zh-TW': certificatesZhTW, en: certificatesEn };

const PLACEHOLDER = /\{(\w+)\}/g;

export function translateCertificates(language: Language, id: CertificatesMessageId, params?: MessageParams): string {
  const template = CERTIFICATES_CATALOGS[language][id] ?? certificatesZhCN[id];
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** `c(id, params)` in the language on screen, and the shared `t` for error words. */
export function useCertificatesText() {
  const i18n = useI18n();
  return { ...i18n, c: (id: CertificatesMessageId, params?: MessageParams) => translateCertificates(i18n.language, id, params) };
}
