"use client";
import { useState, useTransition } from "react";
import { addCommentAction } from "@/app/actions/tasks";
import { initials } from "@/components/ui/initials";
import { Markdown } from "@/components/ui/markdown";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Comment } from "@/server/comments";
import type { Person } from "../types";
import { MentionTextarea } from "./mention-textarea";
import { refusalMessage } from "@/components/ui/field-errors";

export function Comments({
  taskId,
  comments,
  people,
  canWrite,
  onAdded,
}: {
  taskId: string;
  comments: Comment[];
  people: Person[];
  canWrite: boolean;
  onAdded: (c: Comment) => void;
}) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const submit = () =>
    start(async () => {
      const r = await addCommentAction(taskId, body);
      if (!r.ok) {
        setError(refusalMessage(r, { labels: { body: "Comment" } }));
        return;
      }
      setError(null);
      setBody("");
      onAdded(r.data);
    });
  return (
    <section aria-labelledby="comments-heading" className="stack">
      <h2 id="comments-heading">Comments</h2>
      {comments.length === 0 && <p className="muted">No comments yet.</p>}
      <ol className="timeline">
        {comments.map((c) => (
          <li key={c.id} data-testid="comment">
            <span className="avatar" aria-hidden="true">
              {initials(c.author?.name ?? "?")}
            </span>
            <div className="comment">
              <div className="small muted">
                <strong style={{ color: "var(--text)" }}>{c.author?.name ?? "Deleted user"}</strong> · <RelativeTime date={c.createdAt} />
              </div>
              <Markdown>{c.body}</Markdown>
            </div>
          </li>
        ))}
      </ol>
      {canWrite && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <MentionTextarea
            label="Write a comment"
            people={people}
            value={body}
            onChange={setBody}
            onSubmit={submit}
            placeholder="Write a comment… Use @ to mention a teammate. Markdown works."
            rows={3}
            aria-invalid={error ? true : undefined}
          />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <div>
            <button type="submit" className="btn btn-primary" disabled={pending || !body.trim()}>
              {pending ? "Sending…" : "Comment"}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
