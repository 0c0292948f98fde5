import type { WorkspacePermissions } from "@/server/auth/policy";
import type { TimeEntry } from "@/server/time-tracking";

export type ShellData = {
  user: { id: string; name: string; email: string; emailVerified: boolean; twoFactorEnabled: boolean };
  workspaces: { slug: string; name: string; role: string }[];
  current: {
    slug: string;
    name: string;
    role: string;
    permissions: WorkspacePermissions;
    requireTwoFactor: boolean;
    /** The workspace requires 2FA and this user has not turned it on: its pages are refused until they do. */
    twoFactorBlocked: boolean;
  } | null;
  projects: { id: string; key: string; name: string }[];
  unread: number;
  realtimeUrl: string | null;
  /** Emails land in the local mailbox (no email provider configured): the sidebar shows it. */
  localMail: boolean;
  /** Your running timer (the top bar shows it), if any. */
  timer: TimeEntry | null;
};
