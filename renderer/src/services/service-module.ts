/**
 * What a citizen service brings to the renderer (ARCHITECTURE.md §8.15): one folder under services/ with
 * its screens, its state slice and its home tile, declared by one `ServiceModule`. The host lists the
 * services and their availability (KioskSnapshot.availability, §8.11); App routes to the one the citizen
 * chose and hands it what it needs. A service decides no business rule: it renders host answers (§8.6).
 */
import type { ComponentType, Dispatch, ReactNode } from 'react';
import type { CitizenService, ServiceAvailability } from '../../../common/availability';
import type { KioskApi, KioskSnapshot } from '../../../common/kiosk-api';
import type { HostAction } from '../app/host-view';
import type { MessageId } from '../i18n/translate';

/**
 * Services that need no device and are offered whatever the host lists (issue 16 §5: 办事指南, answered from
 * the host's local catalogue). The home screen shows them first, always available (shell/HomeScreen.tsx).
 */
export const DEVICE_FREE_SERVICES = ['guides'] as const;
/** A renderer service: one the host lists (§8.11), or a device-free one. */
export type ServiceId = CitizenService | (typeof DEVICE_FREE_SERVICES)[number];

/** A home-screen entry: the host's availability of a service, or a device-free service (always available). */
export type OfferedService = Omit<ServiceAvailability, 'service'> & { service: ServiceId };

/** A service's own actions; App wraps them so each reaches only its slice. */
export interface ServiceAction {
  type: string;
}

/** The home screen's button for a service: a visible label (its accessible name) and a decorative icon. */
export interface ServiceTile {
  label: MessageId;
  /** A short line under the label, part of the button's name (办事指南: 查询办事材料和地点). */
  hint?: MessageId;
  Icon: ComponentType;
}

export interface ServiceViewProps<State, Action extends ServiceAction> {
  state: State;
  dispatch(action: Action): void;
  /** Host data a service's replies carry (a fresh business list, a session state) go to the shared host view. */
  dispatchHost: Dispatch<HostAction>;
  api: KioskApi;
  snapshot: KioskSnapshot;
  /** The host's word on this service (§8.11). */
  availability: ServiceAvailability | undefined;
  newRequestId(): string;
  /** Back to the home screen (refused while the service is busy). */
  goHome(): void;
  /** Leaves this service for another, at its first screen (refused while this one is busy): 去办理 from a guide. */
  openService(service: ServiceId): void;
  /** 长辈模式 is on: fewer items per screen (the elder theme makes them bigger). */
  elder: boolean;
  /** The citizen is done: the flow is cleared and the host ends the session. */
  endSession(): void;
}

export interface ServiceModule<State, Action extends ServiceAction> {
  id: ServiceId;
  tile: ServiceTile;
  /** The slice when the citizen opens the service from home, and after every session. */
  initialState: State;
  reduce(state: State, action: Action): State;
  /** True while leaving would abandon work the host is doing (a ticket printing): home and new routes wait. */
  isBusy(state: State): boolean;
  render(props: ServiceViewProps<State, Action>): ReactNode;
}
