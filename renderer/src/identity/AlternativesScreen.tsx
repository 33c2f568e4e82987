/**
 * The way for a citizen who does not agree to 刷脸 (issue 14 §5): a finger where the kiosk has a module (with
 * its own consent sentence), or 人工核验 — a person checks the card at the counter and the citizen gets a
 * priority ticket. Offered as the host says it can (IdentityView.methods).
 */
import type { VerificationMethods } from '../../../common/identity';
import { useI18n } from '../i18n/i18n-context';
import { Button } from '../primitives/Button';
import { Screen } from '../primitives/Screen';

export function AlternativesScreen({ methods, onChoose, onBack }: { methods: VerificationMethods; onChoose(method: 'fingerprint' | 'staff'): void; onBack(): void }) {
  const { t } = useI18n();
  return (
    <Screen
      kind={['alternatives']}
      title={t('consent.other.title')}
      actions={
        <Button variant="secondary" onClick={onBack}>
          {t('action.back')}
        </Button>
      }
    >
      <div className="alternatives">
        {methods.fingerprint && (
          <section className="alternatives__option">
            <p className="screen__lead">{t('consent.finger.body')}</p>
            <Button variant="primary" large onClick={() => onChoose('fingerprint')}>
              {t('consent.finger.agree')}
            </Button>
          </section>
        )}
        <section className="alternatives__option">
          <p className="screen__lead">{t('consent.staff.body')}</p>
          <Button variant="primary" large onClick={() => onChoose('staff')}>
            {t('consent.staff.choose')}
          </Button>
        </section>
      </div>
    </Screen>
  );
}
