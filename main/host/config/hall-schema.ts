/**
 * The JSON Schema parts of issue 16's settings: `hall.map` (default the shipped hall, default-hall-map.ts),
 * `guides` and `robot`. The map's cross-field rules (ids unique, points on their floor, every window reachable)
 * are in common/hall-map-validate.ts, run by hall-checks.ts. config-schema.ts hands in its primitives.
 */
import { HALL_POINT_KINDS } from '../../../common/hall-map';
import { DEFAULT_HALL_MAP } from './default-hall-map';

interface Primitives {
  id: object;
  text: object;
  localText: object;
  ms: (defaultMs: number, minimum: number) => object;
}

export const DEFAULT_ROBOT_GREETING = {
  'zh-CN': '您好，我是导办机器人，请问您要办理什么业务？',
  'zh-TW': '您好，我是導辦機器人，請問您要辦理什麼業務？',
  en: 'Hello, I am the hall’s guide robot. What would you like to do today?',
};

export function hallSchemaParts({ id, text, localText, ms }: Primitives) {
  const metres = { type: 'number', exclusiveMinimum: 0, maximum: 2000 } as const;
  const floor = {
    type: 'object',
    additionalProperties: false,
    required: ['level', 'name', 'widthM', 'depthM'],
    properties: { level: { type: 'integer', minimum: -10, maximum: 200 }, name: localText, widthM: metres, depthM: metres },
  };
  const point = {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'kind', 'name', 'floor', 'xM', 'yM'],
    properties: {
      id,
      kind: { enum: HALL_POINT_KINDS },
      name: localText,
      floor: { type: 'integer', minimum: -10, maximum: 200 },
      xM: { type: 'number' },
      yM: { type: 'number' },
      shaft: id,
    },
  };
  const hallMap = {
    type: 'object',
    additionalProperties: false,
    required: ['floors', 'points', 'links', 'kioskPoint'],
    properties: {
      floors: { type: 'array', minItems: 1, maxItems: 100, items: floor },
      points: { type: 'array', minItems: 1, maxItems: 5000, items: point },
      links: { type: 'array', maxItems: 20000, items: { type: 'array', minItems: 2, maxItems: 2, items: id } },
      kioskPoint: id,
      liftSecondsPerFloor: { type: 'number', exclusiveMinimum: 0, maximum: 600 },
    },
    default: DEFAULT_HALL_MAP,
  };
  const guides = {
    type: 'object',
    additionalProperties: false,
    properties: { catalogueFile: text, updateIntervalMs: ms(600_000, 60_000) },
    default: {},
  };
  const robot = {
    type: 'object',
    additionalProperties: false,
    properties: {
      greeting: { ...localText, default: DEFAULT_ROBOT_GREETING },
      dockPoint: { ...id, default: 'dock' },
      lowBatteryPercent: { type: 'integer', minimum: 5, maximum: 80, default: 20 },
      blockedAfterMs: ms(20_000, 3_000),
    },
  };
  return { hallMap, guides, robot };
}
