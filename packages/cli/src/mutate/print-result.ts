/**
 * Prints what a mutating command did, per `-o`: kubectl's success line (`pod/web created`), the short
 * name (`-o name`), or the resulting object as JSON (4-space indent, sorted keys) or YAML (`---` between
 * objects), as cli-runtime's name, JSON and YAML printers do.
 */
import type { KObject } from '@mk/api';
import { CliError, type CliIO } from '../context';
import { goJson, goJsonStruct } from '../manifests/go-json';
import { toKubectlYaml } from '../printers/yaml/emitter';
import { nameLine, type TypeNames } from './naming';

/** The `-o` values mutating commands accept. */
export type ResultFormat = '' | 'name' | 'json' | 'yaml';

const FORMATS: ResultFormat[] = ['json', 'name', 'yaml'];

/** Validates `-o`, with kubectl's message for unknown formats. */
export function parseResultFormat(value: string | undefined): ResultFormat {
  const v = value ?? '';
  if (v === '' || (FORMATS as string[]).includes(v)) return v as ResultFormat;
  throw new CliError(`unable to match a printer suitable for the output format ${JSON.stringify(v)}, allowed formats are: ${FORMATS.join(',')}`);
}

/** Prints outcomes one after another, remembering whether a YAML separator is due. */
export class ResultPrinter {
  private printed = 0;

  /** `typed`: the objects were built as kubectl's typed structs, whose JSON keeps field order. */
  constructor(
    private readonly io: CliIO,
    readonly format: ResultFormat,
    private readonly typed = false,
  ) {}

  /** True when -o asks for whole objects rather than a line per object. */
  get printsObjects(): boolean {
    return this.format === 'json' || this.format === 'yaml';
  }

  /** Prints one result: `operation` is the already dry-run-suffixed verb (`configured (dry run)`). */
  print(obj: KObject, type: TypeNames, name: string, operation: string): void {
    switch (this.format) {
      case '':
        this.io.out(`${nameLine(type, name, operation)}\n`);
        return;
      case 'name':
        this.io.out(`${nameLine(type, name)}\n`);
        return;
      default:
        this.printObject(obj);
    }
  }

  /** Prints a whole object in the JSON or YAML format. */
  printObject(obj: unknown): void {
    if (this.format === 'json') this.io.out(`${(this.typed ? goJsonStruct : goJson)(obj, '    ')}\n`);
    else {
      if (this.printed > 0) this.io.out('---\n');
      this.io.out(toKubectlYaml(obj));
    }
    this.printed++;
  }
}
