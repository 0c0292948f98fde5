import { cache } from "react";
import { workspacePermissions } from "@/server/auth/policy";
import type { ServiceContext } from "@/server/context";
import { countUnreadNotifications } from "@/server/notifications";
import { listProjects } from "@/server/projects";
import { settings } from "@/config/settings";
import { getMe } from "@/server/users";
import { getTimer } from "@/server/time-tracking";
import { listWorkspaces } from "@/server/workspaces";
import type { ShellData } from "@/components/shell/types";

/** What the app frame needs on every page: who you are, your workspaces, the projects of the current one. */
export const loadShell = cache(async (ctx: ServiceContext, slug?: string): Promise<ShellData> => {
  const [user, workspaces, unread, timer] = await Promise.all([
    getMe({ ctx }),
    listWorkspaces({ ctx, page: { limit: 100 } }),
    countUnreadNotifications({ ctx }),
    getTimer({ ctx }),
  ]);
  // Pages outside a workspace (inbox, mailbox, your settings) show the first one in the sidebar.
  const current = (slug ? workspaces.data.find((w) => w.slug === slug) : workspaces.data[0]) ?? null;
  const twoFactorBlocked = Boolean(current?.requireTwoFactor && !user.twoFactorEnabled);
  const projects = current && !twoFactorBlocked ? await listProjects({ ctx, slug: current.slug, query: { limit: 100 } }) : { data: [] };
  return {
    user: { id: user.id, name: user.name, email: user.email, emailVerified: user.emailVerified, twoFactorEnabled: user.twoFactorEnabled },
    workspaces: workspaces.data.map((w) => ({ slug: w.slug, name: w.name, role: w.role })),
    current: current
      ? {
          slug: current.slug,
          name: current.name,
          role: current.role,
          permissions: workspacePermissions(current.role),
          requireTwoFactor: current.requireTwoFactor,
          twoFactorBlocked,
        }
      : null,
    projects: projects.data.map((p) => ({ id: p.id, key: p.key, name: p.name })),
    unread: unread.count,
    realtimeUrl: settings().REALTIME_URL,
    localMail: !settings().RESEND_API_KEY,
    timer: timer.running,
  };
});
