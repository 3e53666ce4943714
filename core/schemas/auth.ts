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
