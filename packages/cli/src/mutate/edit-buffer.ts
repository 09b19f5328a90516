/**
 * The text `edit` hands to the editor and reads back (kubectl pkg/cmd/util/editor/editoptions.go):
 * the comment header with the reasons of a failed save, the objects as YAML or JSON, and the
 * comment-insensitive comparisons that decide "no changes" and "empty file".
 */
import { parse } from 'yaml';
import type { KObject } from '@mk/api';
import { goJson } from '../manifests/go-json';
import { toKubectlYaml } from '../printers/yaml/emitter';

/** Why the file is being re-opened: a headline and its detail lines. */
export interface EditReason {
  head: string;
  other: string[];
}

/** kubectl's hashOnLineBreak: continuation lines of a reason stay comments. */
function hashOnLineBreak(s: string): string {
  return s.replace(/\n(?!#)/g, '\n# ');
}

/** The header kubectl writes above the object, followed by one block per reason. */
export function editHeader(reasons: EditReason[]): string {
  let text =
    '# Please edit the object below. Lines beginning with a \'#\' will be ignored,\n' +
    '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
    '# reopened with the relevant failures.\n' +
    '#\n';
  for (const r of reasons) {
    text += r.other.length > 0 ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) text += `# * ${hashOnLineBreak(o)}\n`;
    text += '#\n';
  }
  return text;
}

/** The objects to edit: one object as is, several as a v1 List. */
export function editDocument(objects: KObject[]): KObject {
  if (objects.length === 1) return objects[0]!;
  return { apiVersion: 'v1', kind: 'List', metadata: {}, items: objects };
}

/** Renders the document in the edit format. */
export function renderDocument(doc: KObject, format: 'yaml' | 'json'): string {
  return format === 'json' ? `${goJson(doc, '    ')}\n` : toKubectlYaml(doc);
}

/** cmdutil.ManualStrip: drops comment lines (but not `#!`). */
export function manualStrip(text: string): string {
  return text
    .split('\n')
    .filter((line) => {
      const t = line.trim();
      return !(t.startsWith('#') && !t.startsWith('#!'));
    })
    .join('\n');
}

/** cmdutil.StripComments: the content as JSON when it parses, else without comment lines. */
export function stripComments(text: string): string {
  try {
    return goJson(parse(text, { version: '1.1' }));
  } catch {
    return manualStrip(text);
  }
}

/** kubectl's hasLines: true when some line is neither blank nor a comment. */
export function hasContent(text: string): boolean {
  return text.split('\n').some((line) => {
    const t = line.trim();
    return t.length > 0 && !t.startsWith('#');
  });
}
