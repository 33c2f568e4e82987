/**
 * 身份已确认 (issue 14 §10): the citizen sees their own name (the display class of ARCHITECTURE.md §8.7: on
 * the screen they are using, nowhere else) and the masked number, and whether the host granted 绿色通道.
 */
import type { IdentityCitizenView } from '../../../common/identity';
import { useI18n } from '../i18n/i18n-context';
import { Button } from '../primitives/Button';
import { List } from '../primitives/List';
import { Screen } from '../primitives/Screen';

export interface IdentifiedScreenProps {
  citizen: IdentityCitizenView;
  /** 人工核验: staff were told, and check the card at the counter; the ticket is a priority one. */
  staffCheck?: boolean;
  continueLabel: string;
  onContinue(): void;
  onBack(): void;
}

export function IdentifiedScreen({ citizen, staffCheck = false, continueLabel, onContinue, onBack }: IdentifiedScreenProps) {
  const { t } = useI18n();
  const facts = [
    { key: 'name', text: t('identity.identified.name', { name: citizen.name }) },
    { key: 'id', text: t('identity.identified.id', { id: citizen.idNumberMasked }) },
    ...(citizen.priority ? [{ key: 'priority', text: t('identity.identified.priority') }] : []),
    ...(staffCheck ? [{ key: 'staff', text: t('identity.identified.staffCheck') }] : []),
  ];
  return (
    <Screen
      kind={['identified']}
      title={t(staffCheck ? 'identity.identified.staffTitle' : 'identity.identified.title')}
      actions={
        <>
          <Button variant="secondary" onClick={onBack}>
            {t('action.back')}
          </Button>
          <Button variant="primary" large onClick={onContinue}>
            {continueLabel}
          </Button>
        </>
      }
    >
      <List className="identified__facts" items={facts} itemKey={(f) => f.key} renderItem={(f) => <span data-testid={`identified-${f.key}`}>{f.text}</span>} />
      <p className="screen__lead">{t('identity.identified.keepCard')}</p>
    </Screen>
  );
}
