import { UnavailableNotice } from '../components/UnavailableNotice';
import { useI18n } from '../i18n/i18n-context';
import { Button } from '../primitives/Button';
import type { OfferedService, ServiceTile as Tile } from '../services/service-module';

/**
 * One citizen service on the home screen, as the host reported it (ARCHITECTURE.md §8.11): a withdrawn one
 * stays visible and named, hatched, with the reason and where to go instead next to it.
 */
export function ServiceTile({ tile, availability, onOpen }: { tile: Tile; availability: OfferedService; onOpen(): void }) {
  const { t } = useI18n();
  const noticeId = `${availability.service}-unavailable`;
  const unavailable = !availability.available;
  return (
    <div className="service">
      <Button variant="service" disabled={unavailable} describedBy={unavailable ? noticeId : undefined} onClick={onOpen}>
        <tile.Icon />
        {t(tile.label)}
        {tile.hint && (
          <>
            {' '}
            <span className="service__hint">{t(tile.hint)}</span>
          </>
        )}
      </Button>
      {unavailable && <UnavailableNotice id={noticeId} availability={availability} />}
    </div>
  );
}
