/**
 * The clock behind JUnit `time` attributes. `performance` is a global that
 * Node loads on first use (perf_hooks: about 1.5 ms of start-up, issue 6),
 * so runs that print no times read a clock that is always 0 instead.
 */
import type { ValidateOutputFormat } from './options.js';

export type Clock = () => number;

const stopped: Clock = () => 0;
const running: Clock = () => performance.now();

export function junitClock(format: ValidateOutputFormat): Clock {
  return format === 'junit' ? running : stopped;
}
