/**
 * The simulator tests' manual clock. common/manual-clock.ts already implements common/clock.ts with
 * setTimer, advance() and set(), so the simulator uses that one rather than a second copy.
 */
export { ManualClock } from '../../common/manual-clock';
