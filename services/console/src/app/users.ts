/**
 * The console's users: who they are, what role they work in and over which area. Pure functions
 * (the password hash is computed by the caller, the clock passed in); in app/ rather than domain/
 * because the roles and areas are the services' own, from @truyvet/grpc's auth.
 */
import { z } from 'zod';
import { DomainError, fieldViolations, describeViolations } from '@truyvet/errors';
import { jurisdictionSchema, type Caller, type Jurisdiction } from '@truyvet/grpc';

/** The people who sign in (the services' `service` role is for automation, never a person). */
export const CONSOLE_ROLES = ['ward_team', 'district_center', 'lab', 'city', 'admin'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

/** A role works over one kind of area: a ward team its ward, a district center its district. */
export const AREA_OF_ROLE: Record<ConsoleRole, Jurisdiction['level']> = {
  ward_team: 'ward',
  district_center: 'district',
  lab: 'city',
  city: 'city',
  admin: 'city',
};

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, '3 to 32 letters, digits, dots, dashes or underscores');

export const passwordSchema = z.string().min(10, 'at least 10 characters').max(200, 'at most 200 characters');

/** What an admin enters to add a user. */
export const newUserSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().min(1, 'a name to show').max(100),
    password: passwordSchema,
    role: z.enum(CONSOLE_ROLES),
    jurisdiction: jurisdictionSchema,
    /**
     * For lab staff: the lab they work for (`lab-92-bvdk`); they act on the boxes sent to it only.
     * Left out: the city's lab (`lab-<city>`).
     */
    lab: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^lab-[a-z0-9-]{1,40}$/, 'a lab id such as lab-92 or lab-92-bvdk')
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .refine((u) => u.jurisdiction.level === AREA_OF_ROLE[u.role], {
    message:
      'this role works over another kind of area (ward team: a ward; district center: a district; others: the city)',
    path: ['jurisdiction', 'level'],
  })
  .refine((u) => u.lab === undefined || u.role === 'lab', {
    message: 'only lab staff work for a lab',
    path: ['lab'],
  });
export type NewUser = z.infer<typeof newUserSchema>;

/** A user changing their own password: the current one proves it is them. */
export const passwordChangeSchema = z.object({ current: z.string().min(1).max(200), next: passwordSchema });

export const signInSchema = z.object({ username: usernameSchema, password: z.string().min(1).max(200) });

/** A stored user. The password only as its hash. */
export interface UserAccount {
  username: string;
  displayName: string;
  role: ConsoleRole;
  jurisdiction: Jurisdiction;
  /** Lab staff: the lab they work for (none: the city's lab). */
  lab?: string;
  passwordHash: string;
  createdBy: string;
  createdAt: string;
  /** Set when an admin disabled the user: no sign-in, every session ended. */
  disabledAt?: string;
  disabledBy?: string;
}

/** A user as the console shows them (never the hash). */
export type UserView = Omit<UserAccount, 'passwordHash'>;

export function viewOf(user: UserAccount): UserView {
  const { passwordHash: _hash, ...view } = user;
  return view;
}

/** The identity the gateway presents to the services on the user's behalf. */
export function callerOf(user: Pick<UserAccount, 'username' | 'role' | 'jurisdiction' | 'lab'>): Caller {
  return {
    sub: user.username,
    role: user.role,
    jurisdiction: user.jurisdiction,
    ...(user.role === 'lab' && user.lab ? { lab: user.lab } : {}),
  };
}

/** Parses a request body against a schema, or answers which fields are wrong. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = fieldViolations(parsed.error);
  throw new DomainError('INVALID_INPUT', 'invalid', `invalid ${what}: ${describeViolations(fields)}`, {
    fields,
  });
}

/**
 * An admin adds a user; the area must exist (`areaExists`), the username must be free. Answers the
 * account to store.
 */
export function decideNewUser(
  by: Pick<UserAccount, 'username' | 'role'>,
  input: NewUser,
  passwordHash: string,
  areaExists: (jurisdiction: Jurisdiction) => boolean,
  now: Date,
): UserAccount {
  if (by.role !== 'admin') throw new DomainError('ADMIN_ONLY', 'forbidden', 'only an admin adds users');
  if (!areaExists(input.jurisdiction))
    throw new DomainError(
      'UNKNOWN_AREA',
      'invalid',
      `no ${input.jurisdiction.level} ${input.jurisdiction.code}`,
      {
        fields: [
          { field: 'jurisdiction.code', description: `no ${input.jurisdiction.level} with this code` },
        ],
      },
    );
  return {
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    jurisdiction: input.jurisdiction,
    ...(input.lab ? { lab: input.lab } : {}),
    passwordHash,
    createdBy: by.username,
    createdAt: now.toISOString(),
  };
}
