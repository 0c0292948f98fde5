import { z } from "zod";

export const MAX_COMMENT_LENGTH = 20_000;
const Body = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(MAX_COMMENT_LENGTH, `must be at most ${MAX_COMMENT_LENGTH} characters`)
  // PostgreSQL text cannot hold NUL; refusing it keeps it a 422 instead of a database error.
  .refine((s) => !s.includes("\u0000"), "must not contain NUL characters");

export const Comment = z
  .object({
    id: z.uuid(),
    taskId: z.uuid(),
    author: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    body: z.string().describe("Markdown"),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Comment" });
export type Comment = z.infer<typeof Comment>;

export const CreateCommentInput = z
  .object({ body: Body.describe("Markdown; `@handle` mentions a user by name without spaces or email local part") })
  .meta({ id: "CreateCommentInput" });
export type CreateCommentInput = z.infer<typeof CreateCommentInput>;

export const UpdateCommentInput = z.object({ body: Body }).meta({ id: "UpdateCommentInput" });
export type UpdateCommentInput = z.infer<typeof UpdateCommentInput>;
