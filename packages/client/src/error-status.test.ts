import { describe, expect, it } from 'vitest';
import { statusFromErrorResponse } from './error-status';

describe('statusFromErrorResponse', () => {
  it('keeps a Status body as the server sent it', () => {
    const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'pods "nope" not found', reason: 'NotFound', details: { name: 'nope', kind: 'pods' }, code: 404 });
    const s = statusFromErrorResponse({ code: 404, method: 'GET', path: '/api/v1/namespaces/default/pods/nope', contentType: 'application/json', body });
    expect(s).toMatchObject({ reason: 'NotFound', message: 'pods "nope" not found', code: 404, details: { name: 'nope', kind: 'pods' } });
  });

  it('turns a router 404 into client-go\'s NotFound with the request in parentheses', () => {
    const s = statusFromErrorResponse({ code: 404, method: 'GET', path: '/api/v1/namespaces/default/pods/nope', contentType: 'application/json', body: '{"message":"Route GET:/x not found","error":"Not Found","statusCode":404}' });
    expect(s.reason).toBe('NotFound');
    expect(s.message).toBe('the server could not find the requested resource (get pods nope)');
    expect(s.details).toMatchObject({ name: 'nope', kind: 'pods', causes: [{ reason: 'UnexpectedServerResponse', message: 'unknown' }] });
  });

  it('quotes a text/plain 500 body', () => {
    const s = statusFromErrorResponse({ code: 500, method: 'GET', path: '/api/v1/namespaces/default/pods/boom', contentType: 'text/plain; charset=utf-8', body: 'kaboom\n' });
    expect(s.reason).toBe('InternalError');
    expect(s.message).toBe('an error on the server ("kaboom") has prevented the request from succeeding (get pods boom)');
  });

  it('qualifies named groups and maps 409 on POST to AlreadyExists', () => {
    const s = statusFromErrorResponse({ code: 409, method: 'POST', path: '/apis/apps/v1/namespaces/d/deployments', contentType: 'text/html', body: '<html>' });
    expect(s.reason).toBe('AlreadyExists');
    expect(s.message).toBe('the server reported a conflict (post deployments.apps)');
    const put = statusFromErrorResponse({ code: 409, method: 'PUT', path: '/apis/apps/v1/namespaces/d/deployments/w', contentType: '', body: '' });
    expect(put.reason).toBe('Conflict');
  });

  it('has no reason for unknown 4xx codes and no suffix for non-resource paths', () => {
    const s = statusFromErrorResponse({ code: 418, method: 'GET', path: '/version', contentType: '', body: '' });
    expect(s.reason).toBeUndefined();
    expect(s.message).toBe('the server responded with the status code 418 but did not return more information');
  });

  it('reads 401 and Retry-After', () => {
    const s = statusFromErrorResponse({ code: 401, method: 'GET', path: '/api', contentType: '', body: '', retryAfterSeconds: 3 });
    expect(s).toMatchObject({ reason: 'Unauthorized', message: 'the server has asked for the client to provide credentials', details: { retryAfterSeconds: 3 } });
  });
});
