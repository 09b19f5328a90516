/** `describe serviceaccount` (describeServiceAccount): pull secrets, mountable secrets, token secrets. */
import type { KObject } from '@mk/api';
import { listAll, type DescribeEnv } from './env';
import { describeEvents, searchEvents, targetOf } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './format';
import { LEVEL_0, tabbedString } from './prefix-writer';

const SA_NAME = 'kubernetes.io/service-account.name';
const SA_UID = 'kubernetes.io/service-account.uid';

/** Describes a ServiceAccount; secrets it names that do not exist are marked `(not found)`. */
export async function describeServiceAccount(env: DescribeEnv, sa: KObject): Promise<string> {
  const names = (list: unknown) => ((list as { name?: string }[] | undefined) ?? []).map((s) => s.name ?? '');
  const pull = names(sa.imagePullSecrets);
  const mount = names(sa.secrets);
  const tokens: string[] = [];
  const missing = new Set<string>();
  try {
    const secrets = await listAll(env, `/api/v1/namespaces/${encodeURIComponent(sa.metadata?.namespace ?? '')}/secrets`, {});
    const existing = new Set(secrets.map((s) => s.metadata?.name ?? ''));
    for (const s of secrets) {
      const a = s.metadata?.annotations ?? {};
      if (s.type === 'kubernetes.io/service-account-token' && a[SA_NAME] === sa.metadata?.name && a[SA_UID] === sa.metadata?.uid) tokens.push(s.metadata?.name ?? '');
    }
    for (const n of [...mount, ...pull]) if (!existing.has(n)) missing.add(n);
  } catch {
    // kubectl describes the account even when its secrets cannot be listed.
  }
  const events = env.showEvents ? await searchEvents(env, targetOf(sa)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${sa.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', sa.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', sa.metadata?.annotations);
    // Headers padded to one width and printed in sorted order, as kubectl does.
    const sections: [string, string[]][] = [
      ['Image pull secrets:', pull],
      ['Mountable secrets: ', mount],
      ['Tokens:            ', tokens],
    ];
    for (const [header, list] of sections) {
      if (list.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      list.forEach((name, i) => w.write(LEVEL_0, `${i === 0 ? header : '                   '}\t${name}${missing.has(name) ? ' (not found)' : ''}\n`));
    }
    if (events) describeEvents(events, w, env.now);
  });
}
