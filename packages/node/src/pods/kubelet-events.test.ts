import { describe, expect, it } from 'vitest';
import { crashLoopMessage, goDuration, kubeletEvents } from './kubelet-events';

describe('kubelet event wording', () => {
  it('formats durations as Go does', () => {
    expect([0, 5, 512, 1000, 1500, 10_000, 60_000, 123_250, 3_600_000].map(goDuration)).toEqual([
      '0s',
      '5ms',
      '512ms',
      '1s',
      '1.5s',
      '10s',
      '1m0s',
      '2m3.25s',
      '1h0m0s',
    ]);
  });

  it('words pulls, starts and back-offs as the kubelet of v1.32', () => {
    expect(kubeletEvents.pulled('nginx', 1234, 1300, 72_000_000).message).toBe(
      'Successfully pulled image "nginx" in 1.234s (1.3s including waiting). Image size: 72000000 bytes.',
    );
    expect(kubeletEvents.created('web').message).toBe('Created container web');
    expect(crashLoopMessage(20_000, 'web', 'web_default(u1)')).toBe('back-off 20s restarting failed container=web pod=web_default(u1)');
  });
});
