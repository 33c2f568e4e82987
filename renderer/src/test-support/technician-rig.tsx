/** Renderer test helpers for the technician screens (issue 15 §3): a technician signed in, on the device list. */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import type { KioskSnapshot } from '../../../common/kiosk-api';
import { signedInStaff } from './fixtures';
import type { AppRig } from './render-app';
import { renderSignedIn } from './staff-rig';

/** The fixture technician (fixtures.ts STAFF_ACCOUNTS). */
export const TECHNICIAN = { accountId: 'tech-li', name: '李强', role: 'technician' } as const;

/** The App with the fixture technician signed in, on the overview once it has loaded. */
export function renderTechnician(overrides: Partial<KioskSnapshot> = {}): Promise<AppRig> {
  return renderSignedIn({ staff: signedInStaff(TECHNICIAN), ...overrides });
}

/** From the overview to the device list, once the devices have loaded. */
export async function openDiagnostics(rig: AppRig, label = '设备诊断'): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: label }));
  await rig.settle();
  await waitFor(() => expect(screen.getAllByTestId('tech-device').length).toBeGreaterThan(0));
}

/** The card of one device on the device list. */
export function deviceCard(deviceId: string): HTMLElement {
  const card = screen.getAllByTestId('tech-device').find((c) => c.dataset.deviceId === deviceId);
  if (!card) throw new Error(`no device card for ${deviceId}`);
  return card;
}
