import { describe, expect, it } from 'vitest';
import { editDocument, editHeader, hasContent, manualStrip, stripComments } from './edit-buffer';
import { editorCommand } from './editor';

describe('edit buffer', () => {
  it("writes kubectl's header with the reasons of a failed save", () => {
    expect(editHeader([{ head: 'pods "x" was not valid', other: ['spec.a: Required value'] }, { head: 'line1\nline2', other: [] }])).toBe(
      "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
        '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
        '# reopened with the relevant failures.\n' +
        '#\n# pods "x" was not valid:\n# * spec.a: Required value\n#\n# line1\n# line2\n#\n',
    );
  });

  it('compares content without comments and detects empty files', () => {
    expect(stripComments('# a\nx: 1\n')).toBe(stripComments('x:   1 # trailing\n'));
    expect(manualStrip('#!keep\n  # drop\nkey: [\n')).toBe('#!keep\nkey: [\n');
    expect(hasContent('# only\n\n   \n')).toBe(false);
    expect(hasContent('# c\na: 1')).toBe(true);
  });

  it('edits several objects as a v1 List', () => {
    expect(editDocument([{ kind: 'Pod' }, { kind: 'Service' }])).toEqual({ apiVersion: 'v1', kind: 'List', metadata: {}, items: [{ kind: 'Pod' }, { kind: 'Service' }] });
  });
});

describe('editorCommand', () => {
  it('prefers KUBE_EDITOR, then EDITOR, then vi, splitting or shelling out like kubectl', () => {
    expect(editorCommand({ KUBE_EDITOR: 'nano', EDITOR: 'emacs' })).toEqual({ args: ['nano'], shell: false });
    expect(editorCommand({ EDITOR: 'code --wait' })).toEqual({ args: ['code', '--wait'], shell: false });
    expect(editorCommand({})).toEqual({ args: ['vi'], shell: false });
    expect(editorCommand({ EDITOR: '"my editor" -w', SHELL: '/bin/zsh' })).toEqual({ args: ['/bin/zsh', '-c', '"my editor" -w'], shell: true });
  });
});
