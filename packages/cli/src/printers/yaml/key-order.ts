/**
 * go-yaml v2's map key order (sorter.go keyList.Less), which kubectl's YAML output follows:
 * letters compare by code point, a non-letter sorts before a letter, and runs of digits
 * compare as numbers ("a2" < "a10").
 */

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

function isLetter(r: string): boolean {
  return LETTER.test(r);
}

function isDigit(r: string | undefined): boolean {
  return r !== undefined && DIGIT.test(r);
}

function digitValue(r: string): bigint {
  return BigInt(r.codePointAt(0)! - 0x30);
}

/** keyList.Less for two string keys. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      // go-yaml looks back through a's digits only (for both sides), which this keeps.
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10n + digitValue(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10n + digitValue(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

/** Sorts keys as go-yaml does (sort.Sort over keyList; keys are distinct, so order is total). */
export function sortYamlKeys(keys: string[]): string[] {
  return [...keys].sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0));
}
