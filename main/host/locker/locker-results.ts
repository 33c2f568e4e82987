/**
 * What the locker service answers (issue 17 §7): every outcome is a result with a bilingual message for the
 * person at the kiosk (`中文 / English`), never a thrown error for something that happens in a hall (a door
 * left open, a document not taken, a wrong code). Device failures carry the device's error for the alert.
 */
import type { KioskErrorInfo } from '../../../common/errors';
import { bilingual } from '../diagnostics/diagnostics-error';

export type LoadResult =
  | { outcome: 'loaded'; parcelId: number; compartment: number; code: string; expiresAt: number; message: string }
  | { outcome: 'noFreeCompartment'; message: string }
  | { outcome: 'doorFailed'; compartment: number; error: KioskErrorInfo; message: string }
  | { outcome: 'nothingInside'; parcelId: number; compartment: number; message: string }
  | { outcome: 'doorLeftOpen'; parcelId: number; compartment: number; message: string };

export type PickUpResult =
  | { outcome: 'collected'; parcelId: number; compartment: number; documentRef: string; remaining: number; message: string }
  | { outcome: 'notTaken'; parcelId: number; compartment: number; message: string }
  | { outcome: 'doorLeftOpen'; parcelId: number; compartment: number; message: string }
  | { outcome: 'doorFailed'; parcelId: number; compartment: number; error: KioskErrorInfo; message: string }
  | { outcome: 'wrongCode'; triesLeft: number; message: string }
  | { outcome: 'locked'; retryAt: number; message: string }
  | { outcome: 'expired'; message: string }
  | { outcome: 'nothingWaiting'; message: string };

export const MESSAGES = {
  loaded: (c: number) => bilingual(`已存入 ${c} 号柜`, `Stored in compartment ${c}`),
  noFreeCompartment: () => bilingual('智能柜已满或暂不可用，请改用窗口领取', 'No free compartment: hand the document out at a window'),
  doorFailed: (c: number) => bilingual(`${c} 号柜门未能打开，已通知工作人员`, `Door ${c} did not open; staff have been told`),
  nothingInside: (c: number) => bilingual(`${c} 号柜内未检测到材料，请重新存放`, `Nothing was detected in compartment ${c}; load it again`),
  doorLeftOpen: (c: number) => bilingual(`${c} 号柜门未关，请关好柜门`, `Door ${c} was left open; please close it`),
  collected: (c: number) => bilingual(`已取件（${c} 号柜），谢谢`, `Collected from compartment ${c}. Thank you`),
  notTaken: (c: number) => bilingual(`材料仍在 ${c} 号柜内，可凭取件码或身份证再次取件`, `Your document is still in compartment ${c}; use your code or ID card again`),
  wrongCode: (left: number) => bilingual(`取件码不正确，还可尝试 ${left} 次`, `Wrong pick-up code; ${left} tries left`),
  locked: () => bilingual('取件码输错次数过多，请稍后再试或刷身份证取件', 'Too many wrong codes: try later, or use your ID card'),
  expired: () => bilingual('取件码已过期，请到窗口领取', 'This pick-up code has expired: please go to a window'),
  nothingWaiting: () => bilingual('没有待您领取的材料', 'Nothing is waiting for you in the locker'),
} as const;
