import { hash, verify } from '@node-rs/argon2';

/** The shortest password an account may have. */
export const MIN_PASSWORD_LENGTH = 10;

/** argon2id (the library's default algorithm) with its default cost: about 20–50 ms a hash on one core. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a password nobody has, so that a login for an unknown name costs as long as one for a known name
 * (no timing oracle for which names exist). Made once, lazily.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hash('decoy-password-that-matches-no-account');
  return decoy;
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`;
  if (password.length > 200) return '密码不超过 200 个字符';
  return null;
}
