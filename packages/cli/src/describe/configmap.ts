/** `describe configmap` and `describe secret`: data shown in full for ConfigMaps, as sizes for Secrets. */
import type { KObject } from '@mk/api';
import type { DescribeEnv } from './env';
import { describeEvents, searchEvents, targetOf } from './events';
import { printAnnotationsMultiline, printLabelsMultiline, sortedKeys } from './format';
import { LEVEL_0, tabbedString } from './prefix-writer';

/** Describes a ConfigMap (keys sorted; kubectl's own order is Go's random map order). */
export async function describeConfigMap(env: DescribeEnv, cm: KObject): Promise<string> {
  const events = env.showEvents ? await searchEvents(env, targetOf(cm)) : undefined;
  const data = (cm.data as Record<string, string> | undefined) ?? {};
  const binary = (cm.binaryData as Record<string, string> | undefined) ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cm.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', cm.metadata?.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of sortedKeys(data)) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${data[k]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const k of sortedKeys(binary)) w.write(LEVEL_0, `${k}: ${Buffer.from(binary[k], 'base64').length} bytes\n`);
    w.write(LEVEL_0, '\n');
    if (events) describeEvents(events, w, env.now);
  });
}

/** Describes a Secret without revealing values (service-account tokens excepted, as kubectl does). */
export async function describeSecret(_env: DescribeEnv, secret: KObject): Promise<string> {
  const data = (secret.data as Record<string, string> | undefined) ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${secret.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${secret.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', secret.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', secret.metadata?.annotations);
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of sortedKeys(data)) {
      const bytes = Buffer.from(data[k], 'base64');
      if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${bytes.toString()}\n`);
      else w.write(LEVEL_0, `${k}:\t${bytes.length} bytes\n`);
    }
  });
}
