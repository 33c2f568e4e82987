/**
 * One pre-filled field of an application form (issue 17 §4 "low-confidence fields are highlighted for the
 * citizen to confirm or correct", §5 "validation of every field with clear messages"): its label, its value
 * and where the value came from (身份证 / 扫描识别 / typed by the citizen). When `needsConfirmation` (a low OCR
 * confidence, a failed check character) it is highlighted, says why in words, and offers 确认无误 and 修改.
 * 修改 opens the on-screen keyboard (there is no physical keyboard and no <input>, ARCHITECTURE.md §8.15);
 * 保存 runs `validate` and keeps the editor open with the message under the field while it fails; 取消 or Esc
 * leaves the value as it was. Controlled: the caller holds the value (session data, §8.7) and decides what
 * 确认无误 and a saved value mean (e.g. source becomes `citizen`, the highlight goes). Screen readers hear the
 * value as a read-only textbox named by the label, aria-invalid with the message as its description.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Language } from '../../../common/kiosk-api';
import { useI18n } from '../i18n/i18n-context';
import { Button } from './Button';
import { OnScreenKeyboard, type OnScreenKeyboardProps } from './OnScreenKeyboard';

export type ConfirmFieldSource = 'idCard' | 'ocr' | 'citizen';
/** Why a value needs the citizen's look: the OCR was unsure of it, or its check character does not add up. */
export type ConfirmFieldReason = 'lowConfidence' | 'checkFailed';

/** How the on-screen keyboard is set up for this field (digits with letters for an ID number, say). */
export type ConfirmFieldKeyboard = Omit<OnScreenKeyboardProps, 'value' | 'onChange' | 'label'>;

export interface ConfirmFieldLabels {
  source: Readonly<Record<ConfirmFieldSource, string>>;
  lowConfidence: string;
  checkFailed: string;
  confirm: string;
  edit: string;
  /** The keyboard's label; {label} is the field's. */
  editLabel: string;
  save: string;
  cancel: string;
  /** Shown for an empty value (OCR read nothing). */
  empty: string;
}

export const CONFIRM_FIELD_CATALOGS: Readonly<Record<Language, ConfirmFieldLabels>> = {
  'zh-CN': {
    source: { idCard: '来源：身份证', ocr: '来源：扫描识别', citizen: '来源：您填写的' },
    lowConfidence: '识别可能不准确，请核对',
    checkFailed: '校验未通过，可能识别有误，请核对后修改',
    confirm: '确认无误',
    edit: '修改',
    editLabel: '请输入{label}',
    save: '保存',
    cancel: '取消',
    empty: '（未识别到）',
  },
  'zh-TW': {
    source: { idCard: '來源：身分證', ocr: '來源：掃描辨識', citizen: '來源：您填寫的' },
    lowConfidence: '辨識可能不準確，請核對',
    checkFailed: '校驗未通過，可能辨識有誤，請核對後修改',
    confirm: '確認無誤',
    edit: '修改',
    editLabel: '請輸入{label}',
    save: '儲存',
    cancel: '取消',
    empty: '（未辨識到）',
  },
  en: {
    source: { idCard: 'From: ID card', ocr: 'From: scanned document', citizen: 'From: typed by you' },
    lowConfidence: 'This may have been read wrongly. Please check it.',
    checkFailed: 'This did not pass its check and may have been read wrongly. Please check and correct it.',
    confirm: 'It is correct',
    edit: 'Change',
    editLabel: 'Type the {label}',
    save: 'Save',
    cancel: 'Cancel',
    empty: '(nothing read)',
  },
};

export interface ConfirmFieldProps {
  label: string;
  value: string;
  source: ConfirmFieldSource;
  needsConfirmation?: boolean;
  /** Default lowConfidence. */
  reason?: ConfirmFieldReason;
  /** 确认无误: the value is right as shown. */
  onConfirm(): void;
  /** 保存 with a value `validate` accepts (trimmed), different from the one shown. */
  onChange(value: string): void;
  /** A clear message for a value that will not do, or null. Also checked on the value as shown. */
  validate?(value: string): string | null;
  /** Default letters; a function gets the value being typed (for candidates). */
  keyboard?: ConfirmFieldKeyboard | ((draft: string) => ConfirmFieldKeyboard);
  /** Default true; false for a value that may not be changed here (read from the ID card's chip). */
  editable?: boolean;
  labels?: Partial<ConfirmFieldLabels>;
}

export function ConfirmField(props: ConfirmFieldProps) {
  const { language } = useI18n();
  const words: ConfirmFieldLabels = { ...CONFIRM_FIELD_CATALOGS[language], ...props.labels };
  const [editing, setEditing] = useState(false);
  const returnFocus = useRef(false);
  const editButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    editButton.current?.focus();
  }, [editing]);

  const close = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  const save = (value: string) => {
    if (value !== props.value) props.onChange(value);
    close();
  };
  if (editing) return <FieldEditor {...props} words={words} onSave={save} onCancel={close} />;
  return <FieldView {...props} words={words} editButton={editButton} onEdit={() => setEditing(true)} />;
}

interface ViewProps extends ConfirmFieldProps {
  words: ConfirmFieldLabels;
  editButton: RefObject<HTMLButtonElement | null>;
  onEdit(): void;
}

function FieldView({ label, value, source, needsConfirmation = false, reason = 'lowConfidence', onConfirm, validate, editable = true, words, editButton, onEdit }: ViewProps) {
  const id = useId();
  const valueBox = useRef<HTMLDivElement>(null);
  const message = validate?.(value) ?? null;
  const ids = { label: `${id}-label`, source: `${id}-source`, attention: `${id}-attention`, message: `${id}-message` };
  const describedBy = [ids.source, needsConfirmation ? ids.attention : '', message !== null ? ids.message : ''].filter(Boolean).join(' ');
  const className = ['confirm-field', needsConfirmation ? 'confirm-field--attention' : '', message !== null ? 'confirm-field--invalid' : ''].filter(Boolean).join(' ');
  const confirm = () => {
    onConfirm();
    valueBox.current?.focus(); // 确认无误 goes once the caller takes the highlight away
  };
  return (
    <div className={className} role="group" aria-labelledby={ids.label}>
      <div className="confirm-field__head">
        <span id={ids.label} className="confirm-field__label">
          {label}
        </span>
        <span id={ids.source} className={`confirm-field__source confirm-field__source--${source}`}>
          {words.source[source]}
        </span>
      </div>
      <div
        ref={valueBox}
        tabIndex={-1}
        className="confirm-field__value"
        role="textbox"
        aria-readonly="true"
        aria-labelledby={ids.label}
        aria-describedby={describedBy}
        aria-invalid={message !== null || undefined}
      >
        {value !== '' ? value : <span className="confirm-field__empty">{words.empty}</span>}
      </div>
      {needsConfirmation && (
        <p id={ids.attention} className="confirm-field__attention">
          <span aria-hidden="true">⚠</span> {reason === 'checkFailed' ? words.checkFailed : words.lowConfidence}
        </p>
      )}
      {message !== null && (
        <p id={ids.message} className="confirm-field__message">
          {message}
        </p>
      )}
      {(needsConfirmation || editable) && (
        <div className="confirm-field__actions">
          {needsConfirmation && (
            <Button variant="primary" modifier="confirm-field__confirm" disabled={message !== null} describedBy={message !== null ? ids.message : ids.label} onClick={confirm}>
              {words.confirm}
            </Button>
          )}
          {editable && (
            <Button variant="secondary" modifier="confirm-field__edit" buttonRef={editButton} describedBy={ids.label} onClick={onEdit}>
              {words.edit}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

interface EditorProps extends ConfirmFieldProps {
  words: ConfirmFieldLabels;
  onSave(value: string): void;
  onCancel(): void;
}

function FieldEditor({ label, value, validate, keyboard, words, onSave, onCancel }: EditorProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [message, setMessage] = useState<string | null>(null);
  const editor = useRef<HTMLDivElement>(null);
  const messageId = `${id}-message`;
  useEffect(() => editor.current?.focus(), []);
  // The keyboard's display is the field being edited: it carries the message as OnScreenKeyboard cannot yet.
  useEffect(() => {
    const display = editor.current?.querySelector('[role="textbox"]');
    if (!display) return;
    if (message !== null) {
      display.setAttribute('aria-invalid', 'true');
      display.setAttribute('aria-describedby', messageId);
    } else {
      display.removeAttribute('aria-invalid');
      display.removeAttribute('aria-describedby');
    }
  }, [message, messageId]);

  const change = (next: string) => {
    setDraft(next);
    if (message !== null) setMessage(validate?.(next.trim()) ?? null); // once told, the message follows the typing
  };
  const save = () => {
    const next = draft.trim();
    const problem = validate?.(next) ?? null;
    setMessage(problem);
    if (problem === null) onSave(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };
  const options = typeof keyboard === 'function' ? keyboard(draft) : (keyboard ?? { mode: 'letters' as const });
  const editLabel = words.editLabel.replace('{label}', label);
  return (
    <div ref={editor} tabIndex={-1} className={`confirm-field confirm-field--editing${message !== null ? ' confirm-field--invalid' : ''}`} role="group" aria-label={label} onKeyDown={onKeyDown}>
      <OnScreenKeyboard {...options} value={draft} onChange={change} label={editLabel} />
      {message !== null && (
        <p id={messageId} className="confirm-field__message" role="alert">
          {message}
        </p>
      )}
      <div className="confirm-field__actions">
        <Button variant="primary" modifier="confirm-field__save" describedBy={message !== null ? messageId : undefined} onClick={save}>
          {words.save}
        </Button>
        <Button variant="secondary" modifier="confirm-field__cancel" onClick={onCancel}>
          {words.cancel}
        </Button>
      </div>
    </div>
  );
}
