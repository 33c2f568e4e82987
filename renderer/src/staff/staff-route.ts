/** Where the staff app is, and what every staff screen is handed (issue 15 §2). */
import type { KioskApi, KioskSnapshot, Language } from '../../../common/kiosk-api';
import type { PrinterSupply } from '../../../common/staff-desk';

export type StaffRoute =
  | { name: 'overview' }
  /** The guided paper exchange of one printer, from its supply card. */
  | { name: 'restock'; supply: PrinterSupply }
  /** The guided jam and cover recovery of one printer. */
  | { name: 'recover'; supply: PrinterSupply }
  | { name: 'uncertain' }
  | { name: 'found' }
  | { name: 'service' }
  | { name: 'figures' }
  /** 重启本机程序 was confirmed: the host is going down. */
  | { name: 'restarting' }
  // Technician diagnostics (issue 15 §3): reached from the overview by a signed-in technician only.
  /** Every device of the registry, live. */
  | { name: 'devices' }
  /** One device: health checks, the live frame log, maintenance mode and the raw console, the editor. */
  | { name: 'device'; deviceId: string }
  | { name: 'bundle' }
  | { name: 'audit' };

/** A confirm (or choose) dialog over the staff screen; the screen beneath is inert while it is open. */
export interface StaffDialogRequest {
  title: string;
  body: string;
  choices: ReadonlyArray<{ label: string; primary?: boolean; onChoose(): void }>;
  cancelLabel: string;
}

export interface StaffScreenProps {
  api: KioskApi;
  snapshot: KioskSnapshot;
  go(route: StaffRoute): void;
  ask(dialog: StaffDialogRequest): void;
  onLanguage(language: Language): void;
}
