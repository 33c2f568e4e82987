/**
 * 预约签到, appointment check-in by QR code or ID card (ARCHITECTURE.md §8.15; issue 14 item 7), under the id
 * the host lists it by (`appointmentCheckIn`, common/availability.ts).
 */
import { createElement } from 'react';
import type { ServiceModule } from '../service-module';
import { AppointmentService } from './AppointmentService';
import { appointmentReducer, INITIAL_APPOINTMENT_STATE, isAppointmentBusy, type AppointmentAction, type AppointmentState } from './appointment-state';
import { QrIcon } from './QrIcon';

export const appointmentService: ServiceModule<AppointmentState, AppointmentAction> = {
  id: 'appointmentCheckIn',
  tile: { label: 'home.appointmentCheckIn', Icon: QrIcon },
  initialState: INITIAL_APPOINTMENT_STATE,
  reduce: appointmentReducer,
  isBusy: isAppointmentBusy,
  render: (props) => createElement(AppointmentService, props),
};
