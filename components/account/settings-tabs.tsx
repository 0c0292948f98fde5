"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  ["/settings/profile", "Profile"],
  ["/settings/notifications", "Notifications"],
  ["/settings/tokens", "API tokens"],
  ["/settings/security", "Security"],
] as const;

export function SettingsTabs() {
  const path = usePathname();
  return (
    <nav className="tabs" aria-label="Settings">
      {TABS.map(([href, label]) => (
        <Link key={href} href={href} aria-current={path === href ? "page" : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}
