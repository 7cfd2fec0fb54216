/**
 * Builds the EventRecord tree with the reference's start/end discipline: a
 * node is opened with its context, children attach while it is open, and it
 * is closed with its record (EVAL-13). Mismatched start/end is a bug in the
 * evaluator, so it throws INTERNAL_ERROR.
 */
import { GuardError } from '../diag/errors.js';
import type { EventRecord, RecordType } from './result.js';

interface OpenNode {
  readonly context: string;
  readonly children: EventRecord[];
}

export class Recorder {
  private readonly stack: OpenNode[] = [];
  private finished: EventRecord | null = null;

  start(context: string): void {
    this.stack.push({ context, children: [] });
  }

  end(context: string, record: RecordType): void {
    const node = this.stack.pop();
    if (!node || node.context !== context) {
      throw new GuardError('INTERNAL_ERROR', `event record end without matching start: ${context}`);
    }
    const closed: EventRecord = { context, record, children: node.children };
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
