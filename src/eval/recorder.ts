/**
 * Builds the EventRecord tree with the reference's start/end discipline: a
 * node is opened with its context, children attach while it is open, and it
 * is closed with its record (EVAL-13). Mismatched start/end is a bug in the
 * evaluator, so it throws INTERNAL_ERROR.
 *
 * Two additions serve speed without changing the tree anyone reads:
 *  - `mute()`/`unmute()`: while muted nothing is recorded (evaluating a
 *    filter only for its status, see quiet-filter.ts);
 *  - `attach()` of a node built elsewhere, and `replay()` to record a
 *    computation into a detached list of nodes at any later time (a deferred
 *    filter subtree is rebuilt only when a reporter reads it).
 */
import { GuardError } from '../diag/errors.js';
import type { EventRecord, RecordType } from './result.js';

interface OpenNode {
  readonly context: string;
  readonly children: EventRecord[];
}

export class Recorder {
  private stack: OpenNode[] = [];
  private finished: EventRecord | null = null;
  private muted = 0;

  /** False while muted: records would be dropped. */
  get recording(): boolean {
    return this.muted === 0;
  }

  start(context: string): void {
    if (this.muted > 0) return;
    this.stack.push({ context, children: [] });
  }

  end(context: string, record: RecordType): void {
    if (this.muted > 0) return;
    const node = this.stack.pop();
    if (!node || node.context !== context) {
      throw new GuardError('INTERNAL_ERROR', `event record end without matching start: ${context}`);
    }
    this.close({ context, record, children: node.children });
  }

  /** Adds an already closed node as a child of the open node (dropped while muted). */
  attach(node: EventRecord): void {
    if (this.muted > 0) return;
    this.close(node);
  }

  mute(): void {
    this.muted++;
  }

  unmute(): void {
    this.muted--;
  }

  /**
   * Runs `fn` recording into a fresh detached list and returns that list;
   * the tree being built (and any mute) is left as it was.
   */
  replay(fn: () => void): EventRecord[] {
    const savedStack = this.stack;
    const savedMuted = this.muted;
    const root: OpenNode = { context: '', children: [] };
    this.stack = [root];
    this.muted = 0;
    try {
      fn();
      if (this.stack.length !== 1) {
        throw new GuardError('INTERNAL_ERROR', 'replayed event records left a node open');
      }
      return root.children;
    } finally {
      this.stack = savedStack;
      this.muted = savedMuted;
    }
  }

  private close(closed: EventRecord): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.children.push(closed);
    else this.finished = closed;
  }

  /** The root once it was closed. */
  result(): EventRecord {
    if (!this.finished || this.stack.length > 0) {
      throw new GuardError('INTERNAL_ERROR', 'event record tree is incomplete');
    }
    return this.finished;
  }
}
