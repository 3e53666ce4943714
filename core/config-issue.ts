/**
 * An issue of an office configuration as the server names it: where (`path`), what (`code`,
 * with `params`), and an English `message` for logs and scripts. Apps word it by its code.
 */

export const CONFIG_ISSUE_CODES = [
  // Checks of single values (from the schema).
  'REQUIRED',
  'TOO_SMALL',
  'TOO_BIG',
  'NOT_INTEGER',
  'NOT_NUMBER',
  'INVALID_TYPE',
  'INVALID_URL',
  'INVALID_VALUE',
  'ID_FORMAT',
  'PREFIX_FORMAT',
  'CLOCK_FORMAT',
  'DAY_FORMAT',
  'FROM_AFTER_TO',
  'UNKNOWN_TIME_ZONE',
  // Checks across the configuration.
  'DUPLICATE_CONCERN_ID',
  'DUPLICATE_PREFIX',
  'DUPLICATE_COUNTER_ID',
  'DUPLICATE_OUTCOME_ID',
  'DUPLICATE_KIOSK_ID',
  'UNKNOWN_CONCERN',
  'COUNTER_WITHOUT_CONCERNS',
  'OTHER_OFFICE',
  // Printers.
  'PRINTER_INVALID',
  'COUNTER_PRINTER_AGENT',
  'AGENT_KEY_REQUIRED',
  'AGENT_KEY_SHORT',
  'AGENT_KEY_SIMPLE',
  'DEVICE_NOT_ALLOWED',
  'VIRTUAL_OUTSIDE_DATA',
  'NOT_AN_OFFICE',
  'INVALID',
] as const;
export type ConfigIssueCode = (typeof CONFIG_ISSUE_CODES)[number];

export interface ConfigIssue {
  /** Dotted path into the office configuration (`concerns.2.prefix`); empty for the whole. */
  path: string;
  code: ConfigIssueCode;
  /** What the code needs to be worded: `{ id: 'pass' }`, `{ minimum: 1 }`. */
  params?: Record<string, string | number>;
  message: string;
}
