/**
 * The schema's issues as the apps get them: a path, a code with its parameters and the English
 * message (see `core/config-issue.ts`). The admin app words them by code, never by message.
 */
import type { z } from 'zod';
import type { ConfigIssue, ConfigIssueCode } from '../core/config-issue.ts';
import { RULE_MESSAGES } from './office-config.ts';

const BY_MESSAGE = new Map<string, ConfigIssueCode>(
  Object.entries(RULE_MESSAGES).map(([code, message]) => [message, code as ConfigIssueCode]),
);

type Params = Record<string, string | number>;

function numbers(issue: z.core.$ZodIssue, key: 'minimum' | 'maximum'): Params {
  const raw = (issue as unknown as Record<string, unknown>)[key];
  const value = typeof raw === 'bigint' ? Number(raw) : raw;
  const origin = (issue as unknown as { origin?: unknown }).origin;
  const inclusive = (issue as unknown as { inclusive?: unknown }).inclusive;
  return {
    ...(typeof value === 'number' ? { [key]: value } : {}),
    ...(typeof origin === 'string' ? { origin } : {}),
    ...(inclusive === false ? { exclusive: 1 } : {}),
  };
}

/** One issue of the schema with its code. */
export function configIssue(issue: z.core.$ZodIssue): ConfigIssue {
  const path = issue.path.join('.');
  const message = issue.message;
  const base = { path, message };
  const known = BY_MESSAGE.get(message);
  if (known) return { ...base, code: known };
  switch (issue.code) {
    case 'custom': {
      const params = { ...((issue.params ?? {}) as Params) };
      const code = typeof params.code === 'string' ? (params.code as ConfigIssueCode) : 'INVALID';
      delete params.code;
      return Object.keys(params).length > 0 ? { ...base, code, params } : { ...base, code };
    }
    case 'too_small': {
      const params = numbers(issue, 'minimum');
      if (params.origin === 'string' && params.minimum === 1) return { ...base, code: 'REQUIRED' };
      return { ...base, code: 'TOO_SMALL', params };
    }
    case 'too_big':
      return { ...base, code: 'TOO_BIG', params: numbers(issue, 'maximum') };
    case 'invalid_type': {
      if (issue.input === undefined) return { ...base, code: 'REQUIRED' };
      if (issue.expected === 'int') return { ...base, code: 'NOT_INTEGER' };
      if (issue.expected === 'number') return { ...base, code: 'NOT_NUMBER' };
      return { ...base, code: 'INVALID_TYPE', params: { expected: String(issue.expected) } };
    }
    case 'invalid_format':
      return { ...base, code: issue.format === 'url' ? 'INVALID_URL' : 'INVALID' };
    case 'invalid_value':
      return { ...base, code: 'INVALID_VALUE' };
    default:
      return { ...base, code: 'INVALID' };
  }
}

export function configIssues(issues: readonly z.core.$ZodIssue[], max = 20): ConfigIssue[] {
  return issues.slice(0, max).map(configIssue);
}
