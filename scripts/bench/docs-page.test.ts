import { describe, expect, it } from 'vitest';
import { BEGIN, END, spliceGenerated } from './docs-page';

describe('spliceGenerated', () => {
  it('writes a fresh page as the generated block', () => {
    expect(spliceGenerated(undefined, 'table\n')).toBe(`${BEGIN}\ntable\n${END}\n`);
  });
  it('replaces only the block, keeping the notes around it', () => {
    const page = `# Title\n${BEGIN}\nold\n${END}\n\n## Profile\nnotes\n`;
    expect(spliceGenerated(page, 'new')).toBe(`# Title\n${BEGIN}\nnew\n${END}\n\n## Profile\nnotes\n`);
  });
  it('prepends the block to a page without markers', () => {
    expect(spliceGenerated('notes\n', 'new')).toBe(`${BEGIN}\nnew\n${END}\n\nnotes\n`);
  });
});
