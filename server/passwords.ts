/**
 * Password rules for staff accounts: at least 12 characters, not made of a few repeated
 * characters, not one of the passwords every guessing list starts with (also not such a word
 * with digits or signs around it, like `Passwort2024!`), and not the user name.
 */
export const MIN_PASSWORD_LENGTH = 12;

/** Words (letters only, lower case) that make a password guessable whatever is added to them. */
const COMMON_WORDS = new Set([
  'password',
  'passwort',
  'passwd',
  'pass',
  'qwerty',
  'qwertz',
  'qwertyuiop',
  'qwertzuiop',
  'asdfgh',
  'asdfghjkl',
  'yxcvbnm',
  'zxcvbnm',
  'abc',
  'abcdef',
  'abcdefgh',
  'admin',
  'administrator',
  'root',
  'letmein',
  'welcome',
  'willkommen',
  'hallo',
  'hello',
  'iloveyou',
  'ichliebedich',
  'monkey',
  'dragon',
  'master',
  'login',
  'secret',
  'geheim',
  'sommer',
  'winter',
  'fruehling',
  'herbst',
  'summer',
  'spring',
  'autumn',
  'football',
  'fussball',
  'baseball',
  'sunshine',
  'princess',
  'shadow',
  'superman',
  'batman',
  'trustno',
  'changeme',
  'default',
  'test',
  'testtest',
  'lotse',
  'schalter',
  'amt',
  'buergeramt',
  'rathaus',
  'stadt',
  'berlin',
  'hamburg',
  'muenchen',
  'koeln',
  'deutschland',
  'germany',
  'starwars',
  'pokemon',
  'computer',
  'internet',
  'killer',
  'whatever',
]);

/** Whole passwords of 12 or more characters that lead the leaked-password lists. */
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123123123123',
  '123456123456',
  '111111111111',
  '000000000000',
  '121212121212',
  '987654321098',
  '098765432109',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'q1w2e3r4t5y6',
  'zaq12wsxcde3',
  '1234qwerasdf',
  'qwer1234asdf',
  'asdf1234qwer',
  'a1b2c3d4e5f6',
]);

/** null when the password may be used, otherwise why not (for logs; clients get WEAK_PASSWORD). */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too short';
  if (new Set(password.toLowerCase()).size < 5) return 'too few different characters';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'a common password';
  const letters = lower
    .replace(/[^a-zäöüß]/g, '')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue');
  const word = /^(.+?)\1+$/.exec(letters)?.[1] ?? letters; // `qwertzqwertz` is `qwertz`
  if (letters.length === 0 || COMMON_WORDS.has(word)) return 'a common word with digits or signs';
  if (username && lower === username.toLowerCase()) return 'the user name';
  return null;
}
