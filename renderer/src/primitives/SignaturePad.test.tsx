// @vitest-environment jsdom
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../common/kiosk-api';
import { I18nProvider } from '../i18n/I18nProvider';
import { paintSignature, type Stroke } from './signature-strokes';
import { SIGNATURE_EXPORT_BACKGROUND, SIGNATURE_EXPORT_INK, SignaturePad, type SignatureExporter, type SignaturePadProps, type SignaturePng } from './SignaturePad';

// jsdom has no 2D canvas (it says "not implemented" each time one is asked for): stand in for that absence
// quietly, so the pad is tested as it runs there, without ink on screen.
beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Node's canvas in place of the browser's toBlob: the same painting, a real PNG. */
const napiExport: SignatureExporter = async (strokes, size) => {
  const canvas = createCanvas(size.width, size.height);
  paintSignature(canvas.getContext('2d'), strokes, { pixels: size, ink: SIGNATURE_EXPORT_INK, background: SIGNATURE_EXPORT_BACKGROUND });
  return new Uint8Array(await canvas.encode('png'));
};

interface Confirmed {
  png: SignaturePng;
  strokes: readonly Stroke[];
}

function renderPad(props: Partial<SignaturePadProps> & { language?: Language } = {}) {
  const confirmed: Confirmed[] = [];
  const { language = 'zh-CN', ...rest } = props;
  render(
    <I18nProvider language={language}>
      <SignaturePad onConfirm={(png, strokes) => confirmed.push({ png, strokes })} exportPng={napiExport} {...rest} />
    </I18nProvider>,
  );
  const canvas = document.querySelector('canvas') as HTMLCanvasElement;
  // Lay the pad out as a 500×200 CSS-pixel box at (40, 60) of the page (jsdom lays nothing out).
  canvas.getBoundingClientRect = () => ({ x: 40, y: 60, left: 40, top: 60, width: 500, height: 200, right: 540, bottom: 260, toJSON: () => ({}) });
  return { confirmed, canvas };
}

type At = readonly [number, number];

/** One finger stroke through `points` (CSS pixels inside the pad). */
function draw(canvas: HTMLCanvasElement, points: readonly At[], pointerId = 1) {
  const at = ([x, y]: At) => ({ clientX: 40 + x, clientY: 60 + y, pointerId, pointerType: 'touch', button: 0, buttons: 1, isPrimary: pointerId === 1 });
  const [first, ...rest] = points;
  if (!first) return;
  fireEvent.pointerDown(canvas, at(first));
  for (const p of rest) fireEvent.pointerMove(canvas, at(p));
  fireEvent.pointerUp(canvas, at(points[points.length - 1] as At));
}

const across = (x0: number, y0: number, x1: number, y1: number, n: number): At[] =>
  Array.from({ length: n }, (_, i) => [x0 + ((x1 - x0) * i) / (n - 1), y0 + ((y1 - y0) * i) / (n - 1)] as const);

/** Three strokes of a name, about 150 × 80 CSS pixels. */
function signName(canvas: HTMLCanvasElement) {
  draw(canvas, across(50, 60, 130, 60, 12));
  draw(canvas, across(90, 40, 90, 130, 12));
  draw(canvas, across(150, 50, 200, 120, 10));
}

const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

/** Every button is named by the text it shows (decorative parts left out), and nothing else names it. */
function expectHonestButtons() {
  for (const button of document.querySelectorAll('button')) {
    const clone = button.cloneNode(true) as Element;
    clone.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
    const label = (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(label).not.toBe('');
    expect(button.hasAttribute('aria-label')).toBe(false);
    expect(screen.getAllByRole('button', { name: label })).toContain(button);
  }
}

describe('SignaturePad', () => {
  it('is a named drawing area that says it cannot be typed, with 清除重写 and 确定, in zh-CN and en', () => {
    for (const [language, prompt, clear, confirm, noTyping] of [
      ['zh-CN', '请在框内用手指签写您的姓名', '清除重写', '确定', '不能用键盘输入'],
      ['zh-TW', '請在框內用手指簽寫您的姓名', '清除重寫', '確定', '不能用鍵盤輸入'],
      ['en', 'Sign your name in the box with your finger', 'Clear and sign again', 'Confirm', 'cannot be typed'],
    ] as const) {
      const { canvas } = renderPad({ language });
      expect(screen.getByRole('img', { name: prompt })).toBe(canvas);
      expect(screen.getByText(prompt)).toBeTruthy();
      expect(document.getElementById(canvas.getAttribute('aria-describedby') as string)?.textContent).toContain(noTyping);
      expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([clear, confirm]);
      expect(canvas.style.touchAction).toBe('none');
      expectHonestButtons();
      cleanup();
    }
  });

  it('offers the staff’s help when the caller can call them, and says so in the description', () => {
    const asked: number[] = [];
    const { canvas } = renderPad({ onAskStaff: () => asked.push(1) });
    expect(document.getElementById(canvas.getAttribute('aria-describedby') as string)?.textContent).toContain('请点“请工作人员协助”');
    press('请工作人员协助');
    expect(asked).toEqual([1]);
    expectHonestButtons();
  });

  it('refuses 确定 on an empty pad with 请在框内签名, and after a mere tap too', async () => {
    const { confirmed, canvas } = renderPad();
    press('确定');
    expect(screen.getByRole('alert').textContent).toBe('请在框内签名');
    expect(screen.getByRole('button', { name: '确定' }).getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    draw(canvas, [[200, 100]]);
    expect(screen.queryByRole('alert'), 'drawing clears the message').toBeNull();
    press('确定');
    expect(screen.getByRole('alert').textContent).toBe('请在框内签名');
    draw(canvas, across(200, 100, 230, 100, 6)); // a flick
    press('确定');
    expect(screen.getByRole('alert').textContent).toBe('请在框内签名');
    await Promise.resolve();
    expect(confirmed).toEqual([]);
  });

  it('hands over a white PNG of the fixed size and the strokes once a name is written', async () => {
    const { confirmed, canvas } = renderPad();
    signName(canvas);
    press('确定');
    await waitFor(() => expect(confirmed).toHaveLength(1));
    const { png, strokes } = confirmed[0] as Confirmed;
    expect(strokes).toHaveLength(3);
    // Logical space: 1000×400 for the 500×200 pad, so CSS (50, 60) is (100, 120).
    expect(strokes[0]?.[0]).toEqual({ x: 100, y: 120 });
    expect(png).toBeInstanceOf(Uint8Array);
    const image = await loadImage(Buffer.from(png as Uint8Array));
    expect([image.width, image.height]).toEqual([1000, 400]);
    const check = createCanvas(1000, 400).getContext('2d');
    check.drawImage(image, 0, 0);
    expect([...check.getImageData(2, 2, 1, 1).data]).toEqual([255, 255, 255, 255]);
    expect(check.getImageData(180, 200, 1, 1).data[0]).toBeLessThan(64); // on the vertical stroke
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('清除重写 wipes the pad: it is withdrawn while empty, and 确定 is refused again after it', async () => {
    const { confirmed, canvas } = renderPad();
    const clear = screen.getByRole('button', { name: '清除重写' });
    expect(clear.getAttribute('aria-disabled')).toBe('true');
    signName(canvas);
    expect(clear.getAttribute('aria-disabled')).toBeNull();
    press('清除重写');
    expect(clear.getAttribute('aria-disabled')).toBe('true');
    press('确定');
    expect(screen.getByRole('alert').textContent).toBe('请在框内签名');
    await Promise.resolve();
    expect(confirmed).toEqual([]);
  });

  it('ignores a second finger (a palm) while the first is drawing', async () => {
    const { confirmed, canvas } = renderPad();
    const at = (x: number, y: number, pointerId: number) => ({ clientX: 40 + x, clientY: 60 + y, pointerId, pointerType: 'touch', buttons: 1 });
    fireEvent.pointerDown(canvas, at(50, 60, 1));
    fireEvent.pointerDown(canvas, at(400, 180, 2));
    for (const [x, y] of across(50, 60, 200, 140, 20)) {
      fireEvent.pointerMove(canvas, at(x, y, 1));
      fireEvent.pointerMove(canvas, at(400 + x / 10, 180, 2));
    }
    fireEvent.pointerUp(canvas, at(400, 180, 2));
    fireEvent.pointerUp(canvas, at(200, 140, 1));
    press('确定');
    await waitFor(() => expect(confirmed).toHaveLength(1));
    expect(confirmed[0]?.strokes).toHaveLength(1);
    expect(Math.max(...(confirmed[0]?.strokes[0] ?? []).map((p) => p.x))).toBeLessThanOrEqual(400);
  });

  it('sizes its drawing surface by the device pixel ratio', () => {
    vi.spyOn(window, 'devicePixelRatio', 'get').mockReturnValue(2);
    const { canvas } = renderPad();
    draw(canvas, [[10, 10]]);
    expect([canvas.width, canvas.height]).toEqual([1000, 400]);
  });

  it('says so when the PNG cannot be made (no canvas here), and hands nothing over', async () => {
    const { confirmed, canvas } = renderPad({ exportPng: undefined });
    signName(canvas);
    press('确定');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('签名没有保存成功'));
    expect(confirmed).toEqual([]);
  });

  it('takes the caller’s words in place of its own', () => {
    renderPad({ language: 'en', labels: { confirm: 'Sign and continue', prompt: 'Applicant’s signature' } });
    expect(screen.getByRole('img', { name: 'Applicant’s signature' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign and continue' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Clear and sign again' })).toBeTruthy();
  });
});
