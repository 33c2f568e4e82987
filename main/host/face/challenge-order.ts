/** The challenges in a random order (Fisher–Yates shuffle, Knuth TAOCP vol. 2 §3.4.2) from an injected RNG. */
import { CHALLENGES, type Challenge } from './face-types';

/** `random` returns numbers in [0, 1), like Math.random; tests inject a seeded one. */
export function challengeOrder(random: () => number, challenges: readonly Challenge[] = CHALLENGES): Challenge[] {
  const order = [...challenges];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [order[i], order[j]] = [order[j] as Challenge, order[i] as Challenge];
  }
  return order;
}
