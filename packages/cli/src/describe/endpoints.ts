/** `describe endpoints` (describeEndpoints). */
import type { KObject } from '@mk/api';
import type { DescribeEnv } from './env';
import { describeEvents, searchEvents, targetOf } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './format';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './prefix-writer';

interface Subset {
  addresses?: { ip: string }[];
  notReadyAddresses?: { ip: string }[];
  ports?: { name?: string; port?: number; protocol?: string }[];
}

/** Describes an Endpoints object subset by subset. */
export async function describeEndpoints(env: DescribeEnv, ep: KObject): Promise<string> {
  const events = env.showEvents ? await searchEvents(env, targetOf(ep)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ep.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ep.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ep.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ep.metadata?.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const subset of (ep.subsets as Subset[] | undefined) ?? []) {
      w.write(LEVEL_1, `Addresses:\t${(subset.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
      w.write(LEVEL_1, `NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
      if ((subset.ports ?? []).length > 0) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of subset.ports!) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port ?? 0}\t${p.protocol ?? ''}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    if (events) describeEvents(events, w, env.now);
  });
}
