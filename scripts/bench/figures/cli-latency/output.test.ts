import { describe, expect, it } from 'vitest';
import { podsNotListedRunning } from './output';

const table = [
  'NAME    READY   STATUS              RESTARTS   AGE',
  'cli-0   1/1     Running             0          12s',
  'cli-1   1/1     Running             0          12s',
  'cli-2   0/1     ContainerCreating   0          1s',
  '',
].join('\n');

describe('podsNotListedRunning', () => {
  it('is empty when every expected pod is listed Running', () => {
    expect(podsNotListedRunning(table, ['cli-0', 'cli-1'])).toEqual([]);
  });

  it('names pods that are listed but not Running, and pods not listed at all', () => {
    expect(podsNotListedRunning(table, ['cli-0', 'cli-2', 'cli-9'])).toEqual(['cli-2', 'cli-9']);
  });

  it('names every pod when the output is not a pod table (an error or "No resources found")', () => {
    expect(podsNotListedRunning('No resources found in default namespace.\n', ['cli-0'])).toEqual(['cli-0']);
    expect(podsNotListedRunning('', ['cli-0'])).toEqual(['cli-0']);
  });

  it('finds the columns by header, whatever comes before STATUS', () => {
    const wide = 'NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE\ndefault     cli-0   1/1     Running   0          3s\n';
    expect(podsNotListedRunning(wide, ['cli-0'])).toEqual([]);
  });
});
