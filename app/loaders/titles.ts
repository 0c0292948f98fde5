import type { Metadata } from "next";
import { currentContext } from "@/app/lib/session";
import { getProjectByKey } from "@/server/projects";
import { getTask } from "@/server/tasks";

// Document titles name the page and what it shows ("Board · Engineering — Tasklane"); the root layout adds
// " — Tasklane". A visitor who may not see the project or task gets the page's name alone: a title must
// not tell them more than the page would.

/** "Board · Engineering": a project page's title. */
export async function projectPageTitle(slug: string, key: string, page: string): Promise<Metadata> {
  const ctx = await currentContext();
  if (!ctx) return { title: page };
  try {
    const project = await getProjectByKey({ ctx, slug, key: decodeURIComponent(key).toUpperCase() });
    return { title: `${page} · ${project.name}` };
  } catch {
    return { title: page };
  }
}

/** "ENG-42 · Fix login": the task page's title. */
export async function taskPageTitle(slug: string, taskKey: string): Promise<Metadata> {
  const ref = decodeURIComponent(taskKey).toUpperCase();
  const ctx = await currentContext();
  if (!ctx) return { title: ref };
  try {
    const task = await getTask({ ctx, ref: { idOrKey: ref, workspace: slug } });
    return { title: `${task.key} · ${task.title}` };
  } catch {
    return { title: ref };
  }
}
