import { SettingsTabs } from "@/components/account/settings-tabs";

export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="content-narrow">
      <h1>Your settings</h1>
      <SettingsTabs />
      {children}
    </div>
  );
}
