/**
 * The hall map with a route (issue 16 §6): one floor drawn at a time (HallFloorPlan), a floor switcher when
 * the route spans floors (buttons named by their visible floor names), and the route's steps in words below
 * ("乘电梯到 3 楼", "向前 12 米到 C15 号窗口"). Without a route it shows the kiosk's floor with 您在这里.
 * The host computes routes (`guides:route`); this only draws what it was given.
 */
import { useId, useState } from 'react';
import type { HallMap, HallRoute } from '../../../../common/hall-map';
import type { Language } from '../../../../common/kiosk-api';
import { Button } from '../../primitives/Button';
import { HallFloorPlan } from './HallFloorPlan';
import { useHallMapText, type HallMapText } from './hall-map-text';
import { routeFloors, routeSteps, type RouteStep } from './route-steps';

export interface HallMapViewProps {
  map: HallMap;
  route: HallRoute | null;
  language: Language;
}

/** Chinese text sets a Latin or digit start apart by a space ("到 C15 号窗口", "到电梯"). */
function stepText(step: RouteStep, words: HallMapText): string {
  const name = step.place ? words.text(step.place.name) : '';
  const place = words.language !== 'en' && /^[A-Za-z0-9]/.test(name) ? ` ${name}` : name;
  return words.m(step.message, { metres: step.metres ?? 0, level: step.level ?? 0, place });
}

export function HallMapView({ map, route, language }: HallMapViewProps) {
  const words = useHallMapText(language);
  const here = route?.from ?? map.kioskPoint;
  const startFloor = map.points.find((p) => p.id === here)?.floor ?? map.floors[0]?.level ?? 1;
  const floors = route ? routeFloors(route) : [startFloor];
  const steps = route ? routeSteps(map, route) : [];
  const [chosen, choose] = useState<number | null>(null);
  const floorsLabel = `hall-map-floors-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const shown = chosen !== null && floors.includes(chosen) ? chosen : startFloor;
  const floorName = (level: number): string => {
    const floor = map.floors.find((f) => f.level === level);
    return floor ? words.text(floor.name) : String(level);
  };

  return (
    <div className="hall-map" lang={words.language}>
      {floors.length > 1 && (
        <div className="hall-map__floors" role="group" aria-labelledby={floorsLabel}>
          <span id={floorsLabel} className="hall-map__floors-label">
            {words.m('map.floors')}
          </span>
          {floors.map((level) => (
            <Button key={level} variant="toggle" pressed={level === shown} data-floor={level} onClick={() => choose(level)}>
              <span aria-hidden="true" className="toggle__mark" />
              {floorName(level)}
            </Button>
          ))}
        </div>
      )}
      <HallFloorPlan map={map} floor={shown} route={route} steps={steps} here={here} words={words} />
      {steps.length > 0 && (
        <ol className="hall-map__steps" aria-label={words.m('map.steps')}>
          {steps.map((step) => (
            <li key={step.n} className={step.floor === shown ? 'hall-map__step-text hall-map__step-text--shown' : 'hall-map__step-text'}>
              {stepText(step, words)}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
