/** ConfigMap and Secret validation: key names, the 1 MiB size limit, typed Secrets, `immutable`. */
import type { FieldError, KObject } from '../../registry/types';
import { byteLength } from '../../selectors/goFormat';
import { forbidden, invalid, key, required, tooLong } from '../field-errors';
import { deepEqual } from '../deep-equal';
import { validateImmutable } from '../immutable';
import { obj } from '../json-access';
import { isConfigMapKey } from '../names';

/** core.MaxSecretSize: 1 MiB. */
export const MAX_SECRET_SIZE = 1024 * 1024;

// Secret data is base64 in JSON; its size limit counts the decoded bytes.
function decodedLength(v: unknown): number {
  return typeof v === 'string' ? Buffer.from(v, 'base64').length : 0;
}

function validateImmutableData(next: KObject, old: KObject | undefined, fields: string[]): FieldError[] {
  if (!old || old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (next.immutable !== true) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
  for (const f of fields) if (!deepEqual(next[f], old[f])) errs.push(forbidden(f, 'field is immutable when `immutable` is set'));
  return errs;
}

/** ValidateConfigMap / ValidateConfigMapUpdate. */
export function validateConfigMap(cm: KObject, old?: KObject): FieldError[] {
  const errs = validateImmutableData(cm, old, ['data', 'binaryData']);
  const data = obj(cm.data);
  const binary = obj(cm.binaryData);
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(key('data', k), k, m));
    if (k in binary) errs.push(invalid(key('data', k), k, 'duplicate of key present in binaryData'));
    total += byteLength(typeof v === 'string' ? v : '');
  }
  for (const [k, v] of Object.entries(binary)) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(key('binaryData', k), k, m));
    total += decodedLength(v);
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong('', MAX_SECRET_SIZE));
  return errs;
}

/** ValidateSecret / ValidateSecretUpdate. */
export function validateSecret(secret: KObject, old?: KObject): FieldError[] {
  const errs: FieldError[] = [];
  if (old) {
    errs.push(...validateImmutable(secret.type ?? '', old.type ?? '', 'type'));
    errs.push(...validateImmutableData(secret, old, ['data']));
  }
  const data = obj(secret.data);
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(key('data', k), k, m));
    total += decodedLength(v);
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong('data', MAX_SECRET_SIZE));
  const has = (k: string) => k in data;
  switch (secret.type) {
    case 'kubernetes.io/service-account-token':
      if (!secret.metadata?.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
      }
      break;
    case 'kubernetes.io/dockercfg':
    case 'kubernetes.io/dockerconfigjson': {
      const k = secret.type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
      if (!has(k)) errs.push(required(key('data', k)));
      else {
        try {
          const parsed: unknown = JSON.parse(Buffer.from(String(data[k]), 'base64').toString('utf8'));
          if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('json: cannot unmarshal into map');
        } catch (e) {
          errs.push(invalid(key('data', k), '<secret contents redacted>', (e as Error).message));
        }
      }
      break;
    }
    case 'kubernetes.io/basic-auth':
      if (!has('username') && !has('password')) errs.push(required('data[username]'), required('data[password]'));
      break;
    case 'kubernetes.io/ssh-auth':
      if (decodedLength(data['ssh-privatekey']) === 0) errs.push(required('data[ssh-privatekey]'));
      break;
    case 'kubernetes.io/tls':
      if (!has('tls.crt')) errs.push(required('data[tls.crt]'));
      if (!has('tls.key')) errs.push(required('data[tls.key]'));
      break;
    default:
      break;
  }
  return errs;
}
