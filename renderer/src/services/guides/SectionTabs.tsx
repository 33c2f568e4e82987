/**
 * The parts of a long guide page as a row of toggle buttons, one part on screen at a time: tapping is all it
 * takes (no swiping through a long page), and each button is named by its visible label.
 */
import { Button } from '../../primitives/Button';
import type { GuideSection } from './guides-state';
import { useGuidesText } from './i18n/guides-text';

export function SectionTabs({ sections, current, onChoose }: { sections: readonly GuideSection[]; current: GuideSection; onChoose(section: GuideSection): void }) {
  const { g } = useGuidesText();
  return (
    <div className="guides-tabs" role="group" aria-label={g('section.choose')}>
      {sections.map((s) => (
        <Button key={s} variant="toggle" modifier="guides-tab" pressed={s === current} onClick={() => onChoose(s)}>
          {g(`section.${s}`)}
        </Button>
      ))}
    </div>
  );
}
