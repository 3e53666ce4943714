/** Fonts as on an office PC: a fontconfig that knows only DejaVu and Liberation. */
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Path of that fontconfig (default `$LOTSE_FONTCONFIG` or /tmp/cv-fonts.conf, written when missing). */
export function officePcFonts(file = process.env.LOTSE_FONTCONFIG ?? '/tmp/cv-fonts.conf'): string {
  if (!existsSync(file)) {
    writeFileSync(
      file,
      `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <dir>/usr/share/fonts/truetype/liberation</dir>
  <cachedir>${join(tmpdir(), 'cv-fontcache')}</cachedir>
  <include ignore_missing="yes">/etc/fonts/conf.d</include>
</fontconfig>
`,
    );
  }
  return file;
}
