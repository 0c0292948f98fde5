import { redirect } from "next/navigation";

export default async function ProjectIndex({ params }: { params: Promise<{ slug: string; key: string }> }) {
  const { slug, key } = await params;
  redirect(`/w/${slug}/p/${key}/board`);
}
