import type * as z from 'zod/mini';

// Zod's mini build carries no message catalogue, so readable messages for researchers are composed
// here from each issue's code and details, with a JSON path such as `annotations[3].note`.

/** Formats a Zod issue path as `a[0].b`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(top level)';
}

type Issue = z.core.$ZodIssue;

function describe(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `text longer than ${String(issue.maximum)} characters`
        : `more than ${String(issue.maximum)} ${issue.origin === 'array' ? 'items' : ''}`.trim();
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? 'must not be empty'
        : `less than ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : ''}`;
    case 'invalid_format':
      return issue.message && issue.message !== 'Invalid input' ? issue.message : `not a valid ${issue.format}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union':
      return 'options' in issue && issue.discriminator && issue.options?.length
        ? `must be ${issue.options.map((v) => JSON.stringify(v)).join(' or ')}`
        : 'does not match any allowed shape';
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'invalid value';
  }
}

/** "path: what is wrong", for the first issue of a failed parse. */
export function formatIssue(issue: Issue): string {
  return `${formatPath(issue.path)}: ${describe(issue)}`;
}
