/**
 * One printer's supplies on the overview (issue 15 §2): its paper in words (with a mark, never colour alone),
 * tickets left as the host estimates them, the last exchange, anything wrong, and the two guided tasks.
 */
import { useId } from 'react';
import type { PrinterSupply } from '../../../common/staff-desk';
import { Button } from '../primitives/Button';
import { useStaffText } from './i18n/staff-text';
import { deviceWordsId, paperWordsId, printerRoleId, supplyProblem } from './supply-words';
import { useHallTime } from './staff-time';

const PAPER_MARK = { full: '✓', low: '!', out: '✕', jammed: '✕', unknown: '?' } as const;

/** How full the roll is, 0–1, when the host knows the roll's length; null otherwise. */
function rollFraction(supply: PrinterSupply): number | null {
  if (supply.paper === 'out') return 0;
  if (supply.rollLengthMm === null || supply.rollLengthMm <= 0) return null;
  return Math.min(1, Math.max(0, 1 - supply.usedSinceExchangeMm / supply.rollLengthMm));
}

export function usePrinterName(): (supply: PrinterSupply) => string {
  const { s } = useStaffText();
  return (supply) => s('printer.name', { role: s(printerRoleId(supply)), model: supply.model });
}

export function SupplyCard({ supply, onRestock, onRecover }: { supply: PrinterSupply; onRestock(): void; onRecover(): void }) {
  const { s } = useStaffText();
  const { time, when } = useHallTime();
  const printerName = usePrinterName();
  const headingId = useId();
  const problem = supplyProblem(supply);
  const level = supply.paper ?? 'unknown';
  const fraction = rollFraction(supply);
  const needsPaper = supply.paper === 'low' || supply.paper === 'out';
  const needsHands = problem === 'jammed' || problem === 'coverOpen' || problem === 'fault';
  return (
    <article className={`staff-card staff-supply staff-supply--${level}`} aria-labelledby={headingId} data-testid="supply-card" data-device-id={supply.deviceId}>
      <h3 id={headingId} className="staff-card__title">
        {printerName(supply)}
      </h3>
      <p className="staff-supply__paper" data-testid="supply-paper">
        <span className="staff-supply__mark" aria-hidden="true">
          {PAPER_MARK[level]}
        </span>{' '}
        {s(paperWordsId(supply))}
      </p>
      {fraction !== null && (
        // Drawn, not styled: the page's CSP allows no inline style (renderer/index.html).
        <svg className="staff-gauge" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <rect className="staff-gauge__fill" x="0" y="0" width={Math.round(fraction * 100)} height="10" />
        </svg>
      )}
      <ul className="staff-card__facts">
        {supply.device !== 'online' && <li>{s(deviceWordsId(supply.device))}</li>}
        {supply.coverOpen === true && <li>{s('supply.coverOpen')}</li>}
        {supply.mediaPresented === true && <li>{s('supply.mediaPresented')}</li>}
        <li data-testid="supply-tickets-left">{supply.ticketsLeft === null ? s('supply.ticketsLeftUnknown') : s('supply.ticketsLeft', { count: supply.ticketsLeft })}</li>
        <li>{s('supply.sinceExchange', { count: supply.ticketsSinceExchange })}</li>
        <li>{supply.lastExchangeAt === null ? s('supply.neverExchanged') : s('supply.lastExchange', { time: when(supply.lastExchangeAt) })}</li>
        {supply.restock !== null && (
          <li className="staff-card__warning">
            {s('supply.restocking', { name: supply.restock.by, time: time(supply.restock.startedAt) })}
          </li>
        )}
      </ul>
      <div className="staff-card__actions">
        <Button variant={needsPaper || supply.restock !== null ? 'primary' : 'secondary'} data-action="restock" onClick={onRestock}>
          {s(supply.restock === null ? 'supply.restock' : 'supply.continueRestock')}
        </Button>
        <Button variant={needsHands ? 'primary' : 'secondary'} data-action="recover" onClick={onRecover}>
          {s('supply.recover')}
        </Button>
      </div>
    </article>
  );
}
