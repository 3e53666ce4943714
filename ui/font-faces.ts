/**
 * The apps' own typeface, served by Lotse itself (works offline, looks the same on every PC):
 * "Lotse Sans" is Atkinson Hyperlegible Next (drawn for low-vision legibility) for Latin
 * (German, English, Turkish), Noto Sans for Cyrillic (Ukrainian, Russian) and Noto Sans Arabic
 * for Arabic. Each file covers one script (unicode-range), so a browser fetches only the
 * scripts a screen shows. Two weights: 400, and 700 for everything bolder (600–800 pick it).
 * Where the files cannot load, the stacks in base.css and staff.css fall back to DejaVu and
 * Liberation, and the layout holds with those too.
 *
 * The build writes one `@font-face` per script and weight where fonts.css says
 * `@lotse-font-faces;` (`fontFacesPlugin`, a PostCSS plugin in vite.config.ts).
 */

export const FONT_FAMILY = 'Lotse Sans';
export const FONT_WEIGHTS = [400, 700] as const;

interface ScriptFont {
  /** The @fontsource package and the start of its file names (`…-400-normal.woff2`). */
  files: string;
  unicodeRange: string;
}

/** In the order the browser is told of them; ranges as @fontsource cuts the files. */
export const SCRIPT_FONTS: ScriptFont[] = [
  {
    files: '@fontsource/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-latin',
    unicodeRange:
      'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, ' +
      'U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
  },
  // Turkish ğ ş İ and the like.
  {
    files: '@fontsource/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-latin-ext',
    unicodeRange:
      'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, ' +
      'U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF',
  },
  // Ukrainian and Russian (Atkinson Hyperlegible Next has no Cyrillic).
  {
    files: '@fontsource/noto-sans/files/noto-sans-cyrillic',
    unicodeRange: 'U+0301, U+0400-045F, U+0490-0491, U+04B0-04B1, U+2116',
  },
  // Arabic.
  {
    files: '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic',
    unicodeRange:
      'U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0897-08E1, U+08E3-08FF, U+200C-200E, U+2010-2011, ' +
      'U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC',
  },
];

/** Every face: each script in each weight. */
export function fontFacesCss(): string {
  return SCRIPT_FONTS.flatMap((script) =>
    FONT_WEIGHTS.map(
      (weight) => `@font-face {
  font-family: "${FONT_FAMILY}";
  font-style: normal;
  font-weight: ${weight};
  font-display: swap;
  src: url("${script.files}-${weight}-normal.woff2") format("woff2");
  unicode-range: ${script.unicodeRange};
}`,
    ),
  ).join('\n\n');
}

/** The parts of PostCSS the plugin uses (PostCSS itself comes with Vite). */
interface AtRuleLike {
  source?: { input: { file?: string } };
  replaceWith(nodes: unknown): void;
}
interface PostcssLike {
  parse(css: string, options: { from: string | undefined }): { nodes: unknown };
}

/** Replaces `@lotse-font-faces;` with the faces (after `@import`s are inlined, before Vite resolves the urls). */
export function fontFacesPlugin() {
  return {
    postcssPlugin: 'lotse-font-faces',
    AtRule: {
      'lotse-font-faces': (rule: AtRuleLike, { postcss }: { postcss: PostcssLike }) => {
        rule.replaceWith(postcss.parse(fontFacesCss(), { from: rule.source?.input.file }).nodes);
      },
    },
  };
}
