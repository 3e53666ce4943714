/** A real Chromium (Debian's package) driven by playwright-core; nothing is downloaded. */
import { existsSync } from 'node:fs';
import { officePcFonts } from './fonts.ts';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.LOTSE_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required',
];

/** With `officeFonts`, Chromium knows only the fonts of an office PC (see fonts.ts). */
export async function launchChromium(options: { officeFonts?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium package (.ci/run does).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    ...(options.officeFonts
      ? { env: { ...process.env, FONTCONFIG_FILE: officePcFonts() } as Record<string, string> }
      : {}),
  });
}
