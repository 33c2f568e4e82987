/** 正在重启本机程序 (issue 15 §2): the host is going down; it signs the staff member out, and App follows. */
import { Screen } from '../../primitives/Screen';
import { useStaffText } from '../i18n/staff-text';

export function RestartingScreen() {
  const { s } = useStaffText();
  return (
    <Screen kind={['staff', 'centered']} progress>
      <p className="screen__title" role="status">
        {s('restart.started')}
      </p>
    </Screen>
  );
}
