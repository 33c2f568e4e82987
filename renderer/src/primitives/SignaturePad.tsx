/**
 * The handwritten signature of an application (issue 17 §5; §"Bad input": a signature left empty gets a clear
 * message): a touch canvas drawn with one finger (pointer events, `touch-action: none` so the page does not
 * scroll, a second finger or a resting palm ignored), smooth pressure-free strokes (signature-strokes.ts),
 * sharp at any device pixel ratio, with 清除重写 and 确定 under it. 确定 on an empty pad (nothing, a tap, a
 * flick: DEFAULT_EMPTINESS) says 请在框内签名 and hands nothing over; otherwise the drawing is exported as a
 * PNG on white at a fixed size and given to `onConfirm` with its strokes. A signature cannot be typed: the pad
 * says so to a screen reader and offers the staff's help through `onAskStaff` (ARCHITECTURE.md §8.15).
 * Without a 2D context (jsdom) it still renders and takes pointer input; only the ink is not shown.
 * The strokes are the citizen's personal data: they stay in this component until handed over, never logged.
 */
import { useCallback, useEffect, useId, useRef, useState, type PointerEvent, type RefObject } from 'react';
import type { Language } from '../../../common/kiosk-api';
import { useI18n } from '../i18n/i18n-context';
import { Button } from './Button';
import {
  appendPoint,
  DEFAULT_EMPTINESS,
  isEmptySignature,
  paintSignature,
  SIGNATURE_SPACE,
  toLogical,
  type EmptinessRule,
  type SignatureSize,
  type SignatureSurface,
  type Stroke,
  type StrokePoint,
} from './signature-strokes';

export type SignaturePng = Blob | Uint8Array;
export type SignatureExporter = (strokes: readonly Stroke[], size: SignatureSize) => Promise<SignaturePng>;

/** The exported PNG: black ink on a white sheet (the platform files it as a scan of a paper form). */
export const SIGNATURE_EXPORT_INK = '#000000';
export const SIGNATURE_EXPORT_BACKGROUND = '#ffffff';
/** The ink on screen (--color-text of the default theme; the pad's background is --color-surface). */
const SCREEN_INK = '#14181f';

export interface SignaturePadLabels {
  /** Above the pad; names it. */
  prompt: string;
  clear: string;
  confirm: string;
  /** When 确定 is pressed on an empty pad. */
  empty: string;
  /** For a screen reader (and shown small): a signature cannot be typed. */
  noTyping: string;
  /** The same, when `onAskStaff` is given. */
  noTypingAskStaff: string;
  askStaff: string;
  saving: string;
  exportFailed: string;
}

/** The pad's own words; a caller may replace any of them (`labels`). */
export const SIGNATURE_PAD_CATALOGS: Readonly<Record<Language, SignaturePadLabels>> = {
  'zh-CN': {
    prompt: '请在框内用手指签写您的姓名',
    clear: '清除重写',
    confirm: '确定',
    empty: '请在框内签名',
    noTyping: '签名只能用手指在屏幕上书写，不能用键盘输入。如需帮助，请联系现场工作人员。',
    noTypingAskStaff: '签名只能用手指在屏幕上书写，不能用键盘输入。如需帮助，请点“请工作人员协助”。',
    askStaff: '请工作人员协助',
    saving: '正在保存签名，请稍候',
    exportFailed: '签名没有保存成功，请点“清除重写”再签一次，或请工作人员协助。',
  },
  'zh-TW': {
    prompt: '請在框內用手指簽寫您的姓名',
    clear: '清除重寫',
    confirm: '確定',
    empty: '請在框內簽名',
    noTyping: '簽名只能用手指在螢幕上書寫，不能用鍵盤輸入。如需協助，請聯絡現場工作人員。',
    noTypingAskStaff: '簽名只能用手指在螢幕上書寫，不能用鍵盤輸入。如需協助，請點「請工作人員協助」。',
    askStaff: '請工作人員協助',
    saving: '正在儲存簽名，請稍候',
    exportFailed: '簽名沒有儲存成功，請點「清除重寫」再簽一次，或請工作人員協助。',
  },
  en: {
    prompt: 'Sign your name in the box with your finger',
    clear: 'Clear and sign again',
    confirm: 'Confirm',
    empty: 'Please sign in the box',
    noTyping: 'A signature can only be written on the screen with a finger; it cannot be typed. For help, please ask the staff nearby.',
    noTypingAskStaff: 'A signature can only be written on the screen with a finger; it cannot be typed. For help, tap "Ask staff for help".',
    askStaff: 'Ask staff for help',
    saving: 'Saving your signature, please wait',
    exportFailed: 'Your signature was not saved. Tap "Clear and sign again" to sign once more, or ask staff for help.',
  },
};

/** The browser's export: a canvas of `size` pixels, white, the strokes in black, then canvas.toBlob. */
export const exportWithCanvas: SignatureExporter = (strokes, size) => {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error('no 2D canvas to export the signature'));
  paintSignature(context, strokes, { pixels: size, ink: SIGNATURE_EXPORT_INK, background: SIGNATURE_EXPORT_BACKGROUND });
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png');
  });
};

export interface SignaturePadProps {
  /** Called only with a signature that is not empty, once its PNG is made. */
  onConfirm(png: SignaturePng, strokes: readonly Stroke[]): void;
  /** Offers 请工作人员协助 (a citizen who cannot sign on the screen). */
  onAskStaff?(): void;
  /** The caller's words in place of the pad's own. */
  labels?: Partial<SignaturePadLabels>;
  /** The PNG's size in pixels; default SIGNATURE_SPACE (1000×400, the pad's 5:2). */
  exportSize?: SignatureSize;
  emptiness?: EmptinessRule;
  /** Default exportWithCanvas. */
  exportPng?: SignatureExporter;
}

type Notice = 'empty' | 'exportFailed' | null;

export function SignaturePad({ onConfirm, onAskStaff, labels, exportSize = SIGNATURE_SPACE, emptiness = DEFAULT_EMPTINESS, exportPng = exportWithCanvas }: SignaturePadProps) {
  const { language } = useI18n();
  const words: SignaturePadLabels = { ...SIGNATURE_PAD_CATALOGS[language], ...labels };
  const id = useId();
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Stroke[]>([]);
  const activePointer = useRef<number | null>(null);
  const [strokeCount, setStrokeCount] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);
  const [saving, setSaving] = useState(false);
  const { fit, redraw } = useScreenPainter(canvas, strokes);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const pointOf = (event: { clientX: number; clientY: number }, element: HTMLCanvasElement): StrokePoint | null => {
    const rect = element.getBoundingClientRect();
    return toLogical(event.clientX - rect.left, event.clientY - rect.top, { width: rect.width, height: rect.height });
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (saving || activePointer.current !== null) return; // a second finger or a resting palm
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    const element = event.currentTarget;
    const point = pointOf(event, element);
    if (point === null) return;
    event.preventDefault();
    activePointer.current = event.pointerId;
    element.setPointerCapture?.(event.pointerId);
    fit();
    strokes.current = [...strokes.current, [point]];
    setNotice(null);
    redraw();
  };

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.pointerId !== activePointer.current) return;
    const element = event.currentTarget;
    const coalesced = event.nativeEvent.getCoalescedEvents?.() ?? [];
    const events: readonly { clientX: number; clientY: number }[] = coalesced.length > 0 ? coalesced : [event];
    const index = strokes.current.length - 1;
    let stroke = strokes.current[index] ?? [];
    for (const e of events) {
      const point = pointOf(e, element);
      if (point !== null) stroke = appendPoint(stroke, point);
    }
    if (stroke === strokes.current[index]) return;
    strokes.current = [...strokes.current.slice(0, index), stroke];
    redraw();
  };

  const onPointerEnd = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.pointerId !== activePointer.current) return;
    activePointer.current = null;
    setStrokeCount(strokes.current.length);
  };

  const clear = () => {
    strokes.current = [];
    activePointer.current = null;
    setStrokeCount(0);
    setNotice(null);
    redraw();
  };

  const confirm = async () => {
    if (saving) return;
    const drawn = strokes.current;
    if (isEmptySignature(drawn, emptiness)) {
      setNotice('empty');
      return;
    }
    setSaving(true);
    setNotice(null);
    try {
      const png = await exportPng(drawn, exportSize);
      if (!mounted.current) return;
      setSaving(false);
      onConfirm(png, drawn);
    } catch {
      if (!mounted.current) return;
      setSaving(false);
      setNotice('exportFailed');
    }
  };

  const noticeId = `${id}-notice`;
  return (
    <div className="signature-pad">
      <p id={`${id}-prompt`} className="signature-pad__prompt">
        {words.prompt}
      </p>
      <div className={`signature-pad__frame${notice === 'empty' ? ' signature-pad__frame--refused' : ''}`}>
        <canvas
          ref={canvas}
          className="signature-pad__canvas"
          role="img"
          aria-labelledby={`${id}-prompt`}
          aria-describedby={`${id}-note`}
          style={{ touchAction: 'none' }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
          onLostPointerCapture={onPointerEnd}
        />
        <span className="signature-pad__line" aria-hidden="true" />
      </div>
      <p id={`${id}-note`} className="signature-pad__note">
        {onAskStaff ? words.noTypingAskStaff : words.noTyping}
      </p>
      {notice !== null && (
        <p id={noticeId} className="signature-pad__notice" role="alert">
          {notice === 'empty' ? words.empty : words.exportFailed}
        </p>
      )}
      {saving && (
        <p className="signature-pad__saving" role="status">
          {words.saving}
        </p>
      )}
      <div className="signature-pad__actions">
        <Button variant="secondary" large disabled={strokeCount === 0 || saving} onClick={clear}>
          {words.clear}
        </Button>
        <Button variant="primary" large disabled={saving} describedBy={notice !== null ? noticeId : undefined} onClick={() => void confirm()}>
          {words.confirm}
        </Button>
        {onAskStaff && (
          <Button variant="secondary" large onClick={onAskStaff}>
            {words.askStaff}
          </Button>
        )}
      </div>
    </div>
  );
}

/**
 * Keeps the canvas's backing store at its shown size times the device pixel ratio (so ink is sharp on a
 * high-density panel) and repaints the strokes, once per animation frame however many moves came in.
 * A canvas without a 2D context is asked once, then left alone.
 */
function useScreenPainter(canvas: RefObject<HTMLCanvasElement | null>, strokes: RefObject<Stroke[]>) {
  const context = useRef<SignatureSurface | null | undefined>(undefined);
  const frame = useRef<number | null>(null);

  const surface = useCallback((): SignatureSurface | null => {
    const element = canvas.current;
    if (!element) return null;
    if (context.current === undefined) context.current = element.getContext('2d');
    return context.current;
  }, [canvas]);

  const paint = useCallback(() => {
    frame.current = null;
    const element = canvas.current;
    const ctx = surface();
    if (!element || !ctx) return;
    paintSignature(ctx, strokes.current, { pixels: { width: element.width, height: element.height }, ink: SCREEN_INK });
  }, [canvas, strokes, surface]);

  const fit = useCallback(() => {
    const element = canvas.current;
    if (!element) return;
    const rect = element.getBoundingClientRect();
    if (!(rect.width > 0) || !(rect.height > 0)) return;
    const ratio = window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
    const width = Math.round(rect.width * ratio);
    const height = Math.round(rect.height * ratio);
    if (element.width === width && element.height === height) return;
    element.width = width; // resizing clears the canvas: paint again
    element.height = height;
    paint();
  }, [canvas, paint]);

  const redraw = useCallback(() => {
    if (frame.current !== null) return;
    if (typeof window.requestAnimationFrame !== 'function') return paint();
    frame.current = window.requestAnimationFrame(paint);
  }, [paint]);

  useEffect(() => {
    fit();
    const element = canvas.current;
    const observer = typeof ResizeObserver === 'function' && element ? new ResizeObserver(() => fit()) : null;
    if (observer && element) observer.observe(element);
    return () => {
      observer?.disconnect();
      if (frame.current !== null) window.cancelAnimationFrame(frame.current);
      frame.current = null;
    };
  }, [canvas, fit]);

  return { fit, redraw };
}
