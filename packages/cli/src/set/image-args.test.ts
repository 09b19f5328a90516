import { describe, expect, it } from 'vitest';
import { parseImageArgs, validateImageOptions, type ImageValidation } from './image-args';

describe('parseImageArgs', () => {
  it('splits resources from CONTAINER=IMAGE pairs', () => {
    const parsed = parseImageArgs(['deployment/web', 'nginx=nginx:1.27', 'side=redis:7']);
    expect(parsed.resources).toEqual(['deployment/web']);
    expect([...parsed.images]).toEqual([
      ['nginx', 'nginx:1.27'],
      ['side', 'redis:7'],
    ]);
  });

  it('keeps everything after the first = as the image', () => {
    expect(parseImageArgs(['pod', 'x', '*=reg.example.com/a=b'])).toEqual({ resources: ['pod', 'x'], images: new Map([['*', 'reg.example.com/a=b']]) });
  });

  it("rejects removals and resources after the pairs with kubectl's messages", () => {
    expect(() => parseImageArgs(['deploy/web', 'foo-'])).toThrow('invalid image format: foo-');
    expect(() => parseImageArgs(['deploy/web', 'a-', 'b-'])).toThrow('invalid image format: a-, b-');
    expect(() => parseImageArgs(['deploy/web', 'a=b', 'c'])).toThrow('all resources must be specified before image changes: c');
  });
});

describe('validateImageOptions', () => {
  const base: ImageValidation = { all: false, selector: '', resources: ['deploy/web'], filenames: [], images: new Map([['a', 'b']]), local: false, serverDryRun: false };

  it('accepts a resource with one image', () => {
    expect(validateImageOptions(base)).toEqual([]);
  });

  it('collects every problem in order', () => {
    expect(validateImageOptions({ ...base, all: true, selector: 'a=b', resources: [], images: new Map(), local: true, serverDryRun: true })).toEqual([
      'cannot set --all and --selector at the same time',
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
      'at least one image update is required',
      'cannot specify --local and --dry-run=server - did you mean --dry-run=client?',
    ]);
  });

  it('refuses * together with other containers', () => {
    expect(validateImageOptions({ ...base, images: new Map([['*', 'x'], ['a', 'b']]) })).toEqual([
      'all containers are already specified by *, but saw more than one container_name=container_image pairs',
    ]);
  });
});
