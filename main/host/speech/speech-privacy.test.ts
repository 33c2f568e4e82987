import { describe, expect, it } from 'vitest';
import { mayKeepOnDisk } from './speech-privacy';

describe('mayKeepOnDisk (nothing personal in a file, ARCHITECTURE.md §8.7)', () => {
  it('keeps catalogue prompts', () => {
    for (const text of ['请将身份证放在读卡区', '请看向屏幕上方的摄像头', '請取走您的身份證', 'Please look at the camera above the screen', '请到 3 号窗口办理', '二楼 B 区'])
      expect(mayKeepOnDisk(text, true), text).toBe(true);
  });

  it('never a text the renderer did not mark cacheable', () => {
    expect(mayKeepOnDisk('请稍候', false)).toBe(false);
  });

  it('never 4+ digits, an ID number, a phone number however written, or a masked value', () => {
    const personal = [
      '您的号码 A0031',
      '52010219800101123X',
      '138 1234 5678',
      '138-1234-5678',
      '１３８１２３４５６７８',
      '一三八一二三四五六七八',
      '5 2 0 1 0 2 1',
      '张*，您好',
      '5201**********1234',
    ];
    for (const text of personal) expect(mayKeepOnDisk(text, true), text).toBe(false);
  });
});
