import { Toaster } from "@/components/ui/toast";
import { VerifyEmailBanner } from "@/components/account/verify-email-banner";
import { Sidebar } from "./sidebar";
import { Topbar } from "./topbar";
import type { ShellData } from "./types";

/** The app frame: sidebar navigation, a top bar with search, notifications and the user menu. */
export function AppShell({ shell, children }: { shell: ShellData; children: React.ReactNode }) {
  return (
    <div className="shell">
      <Sidebar shell={shell} />
      <div className="main">
        <Topbar shell={shell} />
        <main id="main" className="content" tabIndex={-1}>
          {!shell.user.emailVerified && <VerifyEmailBanner email={shell.user.email} />}
          {children}
        </main>
      </div>
      <Toaster />
    </div>
  );
}
