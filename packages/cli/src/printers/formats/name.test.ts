import { describe, it, expect } from 'vitest';
import { StringSink } from '../tabwriter';
import { WatchEventObject } from '../printer';
import { NamePrinter } from './name';

describe('NamePrinter', () => {
  it('prints kind[.group]/name for objects, list items and watch events', () => {
    const sink = new StringSink();
    const p = new NamePrinter();
    p.print(
      {
        apiVersion: 'v1',
        kind: 'List',
        items: [
          { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx' } },
          { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } },
        ],
      },
      sink,
    );
    p.print(new WatchEventObject('ADDED', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' } }), sink);
    p.print({ apiVersion: 'v1', kind: 'Pod', metadata: {} }, sink);
    expect(sink.text).toBe('pod/nginx\ndeployment.apps/web\njob.batch/pi\npod/<unknown>\n');
  });
});
