/**
 * Words the host wrote (a driver's findings, a refusal, a frame's meaning): zh-CN first and English after
 * ` / ` (main/host/diagnostics/diagnostics-error.ts), or English only. Tagged with the language they are in,
 * whatever language is on screen, so assistive technology reads them right and the screen's own text stays
 * in one language.
 */
const HAN = /\p{Script=Han}/u;

export function hostLang(text: string): 'zh-CN' | 'en' {
  return HAN.test(text) ? 'zh-CN' : 'en';
}

export function HostText({ text, className, testId }: { text: string; className?: string; testId?: string }) {
  return (
    <span lang={hostLang(text)} className={className} data-testid={testId}>
      {text}
    </span>
  );
}
