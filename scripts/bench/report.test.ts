import { describe, expect, it } from 'vitest';
import { formatBudget, formatLines, formatMarkdown, formatNumber, type FigureResult } from './report';

const result: FigureResult = {
  name: 'scheduler throughput',
  workload: '10 pods × 2 nodes',
  unit: 'pods/s',
  budget: { atLeast: 1000 },
  summary: { median: 1234.4, min: 1100, max: 1300.6 },
  verdict: 'pass',
  anchors: [{ label: 'ratio', unit: '', summary: { median: 0.5123, min: 0.5, max: 0.52 } }],
  runs: 3,
};

const bounded: FigureResult = {
  ...result,
  name: 'scale held',
  unit: 'MB',
  budget: { atMost: 2048 },
  summary: { median: 900, min: 900, max: 900 },
  runs: 1,
  anchors: [{ label: 'list all pods', unit: 'ms', summary: { median: 3500, min: 3500, max: 3500 }, budget: { atMost: 3000 }, verdict: 'fail' }],
};

describe('report', () => {
  it('rounds large numbers with separators and small ones to three digits', () => {
    expect(formatNumber(12345.6)).toBe('12,346');
    expect(formatNumber(0.51234)).toBe('0.512');
  });
  it('writes budgets as floors or ceilings', () => {
    expect(formatBudget({ atLeast: 1000 }, 'pods/s')).toBe('≥ 1,000 pods/s');
    expect(formatBudget({ atMost: 50 }, 'ms')).toBe('≤ 50 ms');
  });
  it('prints one line per figure and one per anchor', () => {
    expect(formatLines([result])).toEqual([
      'scheduler throughput (10 pods × 2 nodes): median 1,234 pods/s (1,100–1,301 over 3 runs), budget ≥ 1,000 pods/s: ok',
      '  ratio: median 0.512 (0.5–0.52)',
    ]);
  });
  it('puts the machine and the same figures in the markdown table', () => {
    const md = formatMarkdown([{ ...result, verdict: 'fail' }], { cpu: 'Xeon', cores: 2, memory: '8.0 GiB', node: 'v20.1.0', platform: 'linux', date: '2025-01-02' }, 3, 'npm run bench');
    expect(md).toContain('Machine: Xeon, 2 cores, 8.0 GiB memory, linux, Node v20.1.0, 2025-01-02.');
    expect(md).toContain('| scheduler throughput | 10 pods × 2 nodes | 1,234 pods/s | 1,100–1,301 | ≥ 1,000 pods/s | MISSED |');
    expect(md).toContain('| ↳ ratio | | 0.512 | 0.5–0.52 | | |');
  });
  it('judges an anchor that carries its own budget and says when a figure ran once', () => {
    expect(formatLines([bounded])).toEqual([
      'scale held (10 pods × 2 nodes): median 900 MB (900–900 one run), budget ≤ 2,048 MB: ok',
      '  list all pods: median 3,500 ms (3,500–3,500), budget ≤ 3,000 ms: MISSED',
    ]);
    const md = formatMarkdown([bounded], { cpu: 'Xeon', cores: 2, memory: '8.0 GiB', node: 'v20.1.0', platform: 'linux', date: '2025-01-02' }, 3, 'npm run bench');
    expect(md).toContain('| scale held | 10 pods × 2 nodes (one run) | 900 MB |');
    expect(md).toContain('| ↳ list all pods | | 3,500 ms | 3,500–3,500 | ≤ 3,000 ms | MISSED |');
  });
  it('lists figures that were skipped or failed under the table', () => {
    const md = formatMarkdown([result], { cpu: 'Xeon', cores: 2, memory: '8.0 GiB', node: 'v20.1.0', platform: 'linux', date: '2025-01-02' }, 3, 'npm run bench', ['API writes/s: skipped, etcd is not installed']);
    expect(md).toContain('\n- API writes/s: skipped, etcd is not installed\n');
  });
});
