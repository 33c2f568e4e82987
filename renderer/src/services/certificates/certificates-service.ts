/**
 * 证明打印, the certificate service (ARCHITECTURE.md §8.15; issue 17 §2), under the id the host lists it by
 * (`certificates`, common/availability.ts).
 */
import { createElement } from 'react';
import type { ServiceModule } from '../service-module';
import { CertificateIcon } from './CertificateIcon';
import { CertificatesService } from './CertificatesService';
import { certificatesReducer, INITIAL_CERTIFICATES_STATE, isCertificatesBusy, type CertificatesAction, type CertificatesState } from './certificates-state';

export const certificatesService: ServiceModule<CertificatesState, CertificatesAction> = {
  id: 'certificates',
  tile: { label: 'home.certificates', Icon: CertificateIcon },
  initialState: INITIAL_CERTIFICATES_STATE,
  reduce: certificatesReducer,
  isBusy: isCertificatesBusy,
  render: (props) => createElement(CertificatesService, props),
};
