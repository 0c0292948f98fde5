import { notFound } from "next/navigation";
import { requireContext } from "@/app/lib/session";
import { loadShell } from "@/app/loaders/shell";
import { AppShell } from "@/components/shell/app-shell";

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireContext(`/w/${slug}`);
  const shell = await loadShell(ctx, slug);
  if (!shell.current) notFound();
  return <AppShell shell={shell}>{children}</AppShell>;
}
