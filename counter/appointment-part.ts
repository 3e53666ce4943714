/** What each part of the appointments screen gets from it: the office, and where to report. */
import type { OfficePublic } from '../core/api.ts';
import type { Notice } from '../ui/staff-shell.tsx';

export interface PartProps {
  office: OfficePublic;
  onError: (error: unknown) => void;
  say: (kind: Notice['kind'], text: string) => void;
}
