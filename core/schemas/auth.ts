/** Staff sign-in and password change. */
import { z } from 'zod';

export const LoginBody = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(500),
});

export const PasswordChangeBody = z.object({
  currentPassword: z.string().min(1).max(500),
  newPassword: z.string().min(1).max(500),
});

/** `GET /api/auth/oidc/start?app=`: the app the browser returns to after the provider. */
export const OidcStartQuery = z.object({ app: z.enum(['counter', 'admin']).optional() });
