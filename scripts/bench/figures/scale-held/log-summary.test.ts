import { describe, expect, it } from 'vitest';
import { messageKind, summarizeLog } from './log-summary';

describe('messageKind', () => {
  it('folds the time, the node, the pod and the socket path away', () => {
    expect(messageKind('2026-11-22T05:15:34.523Z node mk-worker690: writing the status of pod scale-6/pod-656 failed: connect EAGAIN /tmp/mk-bench-OAdylY/bench/api.sock')).toBe(
      'node …: writing the status of pod … failed: connect EAGAIN …',
    );
  });

  it('folds event names and quoted object names', () => {
    expect(messageKind('2026-11-22T05:13:01.000Z node mk-worker10: unable to write event mk-worker10.18ea4602dbd101f8 (may retry after sleeping): read ECONNRESET')).toBe(
      'node …: unable to write event … (may retry after sleeping): read ECONNRESET',
    );
    expect(messageKind('2026-11-22T05:13:01.000Z controller-manager: node-lifecycle-controller: sync of "mk-worker584" failed, will retry: socket hang up')).toBe(
      'controller-manager: node-lifecycle-controller: sync of "…" failed, will retry: socket hang up',
    );
  });
});

describe('summarizeLog', () => {
  it('counts each kind of message and lists the most frequent first, up to the limit', () => {
    const log = [
      '2026-11-22T05:13:00.000Z node mk-worker: failed to renew the node lease: read ECONNRESET',
      '2026-11-22T05:13:00.100Z node mk-worker2: writing the status of pod a/p1 failed: read ECONNRESET',
      '2026-11-22T05:13:00.200Z node mk-worker3: writing the status of pod b/p2 failed: read ECONNRESET',
      '',
      '2026-11-22T05:13:01.000Z received SIGTERM, shutting down',
    ].join('\n');
    expect(summarizeLog(log, 2)).toEqual(['2 × node …: writing the status of pod … failed: read ECONNRESET', '1 × node …: failed to renew the node lease: read ECONNRESET']);
  });
});
