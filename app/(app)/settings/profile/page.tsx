import type { Metadata } from "next";
import { requireContext } from "@/app/lib/session";
import { loadShell } from "@/app/loaders/shell";
import { PasswordForm, ProfileForm } from "@/components/account/profile-forms";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const ctx = await requireContext("/settings/profile");
  const { user } = await loadShell(ctx);
  return (
    <>
      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <ProfileForm name={user.name} email={user.email} />
      </section>
      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        <PasswordForm />
      </section>
    </>
  );
}
