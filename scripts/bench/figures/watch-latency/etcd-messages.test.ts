import { describe, expect, it } from 'vitest';
import { readWatchMessage, watchPrefixRequest } from './etcd-messages';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const header = { cluster_id: '1', member_id: '2', revision: '5', raft_term: '2' };

describe('watchPrefixRequest', () => {
  it('watches the range from the prefix to the key just past it, in base64', () => {
    expect(watchPrefixRequest('/b/')).toEqual({ create_request: { key: b64('/b/'), range_end: b64('/b0') } });
  });
});

describe('readWatchMessage', () => {
  it('recognises the creation acknowledgement', () => {
    expect(readWatchMessage({ result: { header, created: true } })).toEqual({ kind: 'created' });
  });

  it('decodes the keys of put events, whose type the gateway leaves out', () => {
    const kv = (k: string) => ({ key: b64(k), create_revision: '3', mod_revision: '3', version: '1', value: b64('v') });
    expect(readWatchMessage({ result: { header, events: [{ kv: kv('/b/x') }, { kv: kv('/b/y') }] } })).toEqual({ kind: 'events', keys: ['/b/x', '/b/y'] });
  });

  it('leaves out deletions', () => {
    expect(readWatchMessage({ result: { header, events: [{ type: 'DELETE', kv: { key: b64('/b/x') } }] } })).toEqual({ kind: 'other' });
  });

  it('reports a stream error and a canceled watch as errors', () => {
    expect(readWatchMessage({ error: { grpc_code: 14, http_code: 503, message: 'transport is closing' } })).toEqual({ kind: 'error', message: 'transport is closing' });
    expect(readWatchMessage({ result: { header, canceled: true, cancel_reason: 'compacted' } })).toEqual({ kind: 'error', message: 'watch canceled: compacted' });
  });

  it('treats a progress notification as nothing to count', () => {
    expect(readWatchMessage({ result: { header } })).toEqual({ kind: 'other' });
  });
});
