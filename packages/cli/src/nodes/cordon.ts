/**
 * Cordoning and uncordoning nodes (kubectl's RunCordonOrUncordon): a strategic
 * merge patch of spec.unschedulable; a node already in the wanted state is only
 * reported, and a failed patch is reported without stopping the others.
 */
import type { Node } from 'kubernetes-types/core/v1';
import type { ApiClient } from '@mk/client';
import type { CliIO } from '../context';
import { dryRunQuery, withDryRunSuffix, type DryRunStrategy } from '../mutate/dry-run';

/** setUnschedulable cordons (true) or uncordons (false) each node and prints `node/x cordoned` and the like. */
export async function setUnschedulable(client: ApiClient, io: CliIO, nodes: Node[], desired: boolean, dryRun: DryRunStrategy): Promise<void> {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const node of nodes) {
    const name = node.metadata?.name ?? '';
    if (!!node.spec?.unschedulable === desired) {
      io.out(`node/${name} ${withDryRunSuffix(`already ${verb}ed`, dryRun)}\n`);
      continue;
    }
    if (dryRun !== 'client') {
      try {
        // A false unschedulable is omitted from JSON, so the two-way patch removes the field.
        await client.request('PATCH', `/api/v1/nodes/${encodeURIComponent(name)}`, {
          body: { spec: { unschedulable: desired ? true : null } },
          contentType: 'application/strategic-merge-patch+json',
          query: dryRunQuery(dryRun),
        });
      } catch (err) {
        io.err(`error: unable to ${verb} node ${JSON.stringify(name)}: ${err instanceof Error ? err.message : String(err)}\n`);
        continue;
      }
    }
    io.out(`node/${name} ${withDryRunSuffix(`${verb}ed`, dryRun)}\n`);
  }
}
