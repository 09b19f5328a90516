/**
 * kubectl's printTemplate for `rollout history --revision` and `rollout undo --dry-run`:
 * DescribePodTemplate written through a PrefixWriter straight into a buffer. Unlike `describe`,
 * no tabwriter aligns the columns, so the tabs reach the output as they are.
 */
import type { DescribeEnv } from '../describe/env';
import { describePodTemplate, type PodTemplate } from '../describe/pod-template';
import { PrefixWriter } from '../describe/prefix-writer';
import { DESCRIBE_OPTIONS, StringSink, TabWriter, type TextSink } from '../printers/tabwriter';

/** A TabWriter that passes text through untouched (Go's bytes.Buffer in printTemplate). */
class UnalignedWriter extends TabWriter {
  constructor(private readonly out: TextSink) {
    super(out, DESCRIBE_OPTIONS);
  }

  override write(text: string): void {
    this.out.write(text);
  }

  override flush(): void {}
}

/**
 * Templates carry no container statuses, so describePodTemplate formats no times and calls no
 * client; this env only satisfies its signature.
 */
const TEMPLATE_ENV = { now: new Date(0), utcOffset: () => 0, showEvents: false, chunkSize: 0 } as unknown as DescribeEnv;

/** The "Pod Template:" block of a template, as kubectl prints it for rollout history and undo. */
export function podTemplateText(template: PodTemplate | undefined): string {
  const sink = new StringSink();
  describePodTemplate(template, new PrefixWriter(new UnalignedWriter(sink)), TEMPLATE_ENV);
  return sink.text;
}
