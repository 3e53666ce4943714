/** The parts of the `hyphen` package that `hyphenate.ts` loads: the engine and raw TeX patterns. */
declare module 'hyphen/hyphen.js' {
  /** The patterns as the package stores them (levels, trie, exceptions). */
  type Patterns = unknown[];
  interface Options {
    hyphenChar?: string;
    minWordLength?: number;
    html?: boolean;
    async?: false;
  }
  const createHyphenator: (patterns: Patterns, options?: Options) => (text: string) => string;
  export default createHyphenator;
}

declare module 'hyphen/patterns/*' {
  const patterns: unknown[];
  export default patterns;
}
