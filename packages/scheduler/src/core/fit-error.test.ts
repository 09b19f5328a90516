import { describe, expect, it } from 'vitest';
import { Status } from '../framework/status';
import { fitErrorMessage, newDiagnosis, NodeToStatus, truncateMessage } from './fit-error';

const rejected = (...reasons: string[]) => new Status('Unschedulable', reasons);

describe('fitErrorMessage (FitError.Error)', () => {
  it('counts reasons per node, sorts the "N reason" strings and ends with "."', () => {
    const d = newDiagnosis();
    d.nodeToStatus.set('a', new Status('UnschedulableAndUnresolvable', ["node(s) didn't match Pod's node affinity/selector"]));
    d.nodeToStatus.set('b', rejected('Insufficient cpu'));
    d.nodeToStatus.set('c', rejected('Insufficient cpu'));
    expect(fitErrorMessage(3, d)).toBe("0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 Insufficient cpu.");
  });

  it('counts every reason of a multi-reason status', () => {
    const d = newDiagnosis();
    d.nodeToStatus.set('a', rejected('Insufficient cpu', 'Insufficient memory'));
    d.nodeToStatus.set('b', rejected('Insufficient memory'));
    expect(fitErrorMessage(2, d)).toBe('0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.');
  });

  it('sorts as strings, so 10 comes before 2', () => {
    const d = newDiagnosis();
    for (let i = 0; i < 10; i++) d.nodeToStatus.set(`x${i}`, rejected('Too many pods'));
    d.nodeToStatus.set('y1', rejected('Insufficient cpu'));
    d.nodeToStatus.set('y2', rejected('Insufficient cpu'));
    expect(fitErrorMessage(12, d)).toBe('0/12 nodes are available: 10 Too many pods, 2 Insufficient cpu.');
  });

  it('counts absent nodes with the shared status, and appends the preemption message with its own period', () => {
    const d = newDiagnosis();
    d.nodeToStatus = new NodeToStatus(new Status('UnschedulableAndUnresolvable', ['Preemption is not helpful for scheduling']));
    d.nodeToStatus.set('b', new Status('UnschedulableAndUnresolvable', ['No preemption victims found for incoming pod']));
    const inner = fitErrorMessage(3, d);
    expect(inner).toBe('0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.');
    const outer = newDiagnosis();
    outer.nodeToStatus.set('a', rejected('Insufficient cpu'));
    outer.postFilterMsg = `preemption: ${inner}`;
    expect(fitErrorMessage(1, outer)).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..',
    );
  });

  it('uses the PreFilter message instead of node reasons when PreFilter rejected the pod', () => {
    const d = newDiagnosis();
    d.nodeToStatus.absent = new Status('UnschedulableAndUnresolvable', ['pod affinity terms conflict']);
    d.preFilterMsg = 'pod affinity terms conflict';
    expect(fitErrorMessage(2, d)).toBe('0/2 nodes are available: pod affinity terms conflict.');
  });

  it('truncates event messages to 1024 characters with " ..."', () => {
    expect(truncateMessage('short')).toBe('short');
    const long = truncateMessage('x'.repeat(2000));
    expect(long).toHaveLength(1024);
    expect(long.endsWith('x ...')).toBe(true);
  });
});
