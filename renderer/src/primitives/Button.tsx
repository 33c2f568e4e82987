/**
 * The one button of the citizen UI (ARCHITECTURE.md §8.15, §8.12): always a real <button>, named by its
 * visible children only (there is no aria-label prop, so the accessible name is the label a citizen reads),
 * sized by the touch tokens (theme/buttons.css: nothing under --touch-min, 60 px; the elder theme raises
 * it). A withdrawn button keeps its focus and its name, says so with aria-disabled, and ignores taps.
 */
import type { ReactNode, Ref } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'hero' | 'service' | 'language' | 'toggle' | 'key' | 'business';

const VARIANT_CLASS: Readonly<Record<ButtonVariant, string>> = {
  primary: 'button button--primary',
  secondary: 'button button--secondary',
  hero: 'button button--primary button--hero',
  service: 'button button--service',
  language: 'button button--language',
  toggle: 'button button--toggle',
  key: 'button button--key',
  business: 'business',
};

type DataAttributes = { [name: `data-${string}`]: string | number | boolean | undefined };

export interface ButtonProps extends DataAttributes {
  variant: ButtonVariant;
  /** Taller than an ordinary button (--button-height-large). */
  large?: boolean;
  /** Shown hatched, still focusable and named; a tap does nothing. */
  disabled?: boolean;
  /** A toggle's state (the language in use, elder mode on). */
  pressed?: boolean;
  /** The id of the text that says why it is disabled, or what it does. */
  describedBy?: string;
  /** The language of the label when it differs from the page's (each language named in itself). */
  lang?: string;
  /** Extra modifier classes (e.g. `business--closed`). */
  modifier?: string;
  buttonRef?: Ref<HTMLButtonElement>;
  onClick?: () => void;
  children: ReactNode;
}

export function Button({ variant, large, disabled, pressed, describedBy, lang, modifier, buttonRef, onClick, children, ...data }: ButtonProps) {
  const className = [VARIANT_CLASS[variant], large ? 'button--large' : '', modifier ?? ''].filter(Boolean).join(' ');
  return (
    <button
      {...data}
      ref={buttonRef}
      type="button"
      lang={lang}
      className={className}
      aria-disabled={disabled || undefined}
      aria-pressed={pressed}
      aria-describedby={describedBy}
      onClick={disabled ? undefined : onClick}
    >
      {children}
    </button>
  );
}
