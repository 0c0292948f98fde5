// Server-rendered API reference: every operation of the OpenAPI document, readable without JavaScript.
type Doc = {
  info: { title: string; description?: string };
  paths?: object;
  webhooks?: object;
  components?: { schemas?: Record<string, unknown> };
};
type OperationObject = {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
};

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
const json = (v: unknown) => `<pre>${esc(JSON.stringify(v, null, 2))}</pre>`;

function ref(schema: unknown): string {
  const r = (schema as { $ref?: string } | undefined)?.$ref;
  return r ? `<a href="#schema-${esc(r.split("/").pop()!)}">${esc(r.split("/").pop()!)}</a>` : json(schema);
}

function renderOperation(method: string, path: string, op: OperationObject): string {
  const params = (op.parameters ?? [])
    .map((p) => `<li><code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ", required" : ""})</li>`)
    .join("");
  const body = Object.entries(op.requestBody?.content ?? {})
    .map(([type, c]) => `<p>Body <code>${esc(type)}</code>: ${ref(c.schema)}</p>`)
    .join("");
  const responses = Object.entries(op.responses ?? {})
    .map(
      ([status, r]) =>
        `<li><b>${esc(status)}</b> ${esc(r.description ?? "")} ${Object.values(r.content ?? {})
          .map((c) => ref(c.schema))
          .join("")}</li>`,
    )
    .join("");
  const id = `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-");
  return `<section class="op" id="${esc(id)}"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3>
<p>${esc(op.summary ?? "")}${op.security?.length ? ' <span class="auth">auth</span>' : ' <span class="pub">public</span>'}</p>
${params ? `<ul>${params}</ul>` : ""}${body}<details><summary>Responses</summary><ul>${responses}</ul></details></section>`;
}

export function renderDocs(doc: Doc): string {
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Record<string, OperationObject>>)) {
    for (const [method, op] of Object.entries(item ?? {})) {
      const tag = op.tags?.[0] ?? "Other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(method, path, op)]);
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2 id="${esc(tag)}">${esc(tag)}</h2>${ops.join("")}`).join("");
  const hooks = Object.entries((doc.webhooks ?? {}) as Record<string, { post?: OperationObject }>)
    .map(
      ([name, item]) =>
        `<section class="op" id="webhook-${esc(name)}"><h3><span class="m post">POST</span> <code>${esc(name)}</code></h3><p>${esc(item.post?.summary ?? "")}</p>${ref(item.post?.requestBody?.content?.["application/json"]?.schema)}</section>`,
    )
    .join("");
  const events = hooks
    ? `<h2 id="webhook-events">Webhook events</h2><p>What Tasklane POSTs to a webhook's URL, signed with X-Signature.</p>${hooks}`
    : "";
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .map(([name, s]) => `<h3 id="schema-${esc(name)}">${esc(name)}</h3>${json(s)}`)
    .join("");
  const nav = [
    ...[...byTag.keys()].map((t) => `<a href="#${esc(t)}">${esc(t)}</a>`),
    ...(events ? ['<a href="#webhook-events">Webhook events</a>'] : []),
  ].join(" · ");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(doc.info.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:0 auto;padding:16px;color:#111;background:#fff}@media(prefers-color-scheme:dark){body{color:#eee;background:#111}pre{background:#222!important}}
.op{border-top:1px solid #8884;padding:8px 0}.m{font-weight:700;padding:2px 6px;border-radius:4px;color:#fff;background:#555}.get{background:#2563eb}.post{background:#16a34a}.patch{background:#b45309}.put{background:#7c3aed}.delete{background:#dc2626}
pre{background:#f4f4f5;padding:8px;overflow:auto;font-size:12px}.auth,.pub{font-size:12px;border:1px solid #8886;border-radius:4px;padding:0 4px}</style></head>
<body><h1>${esc(doc.info.title)}</h1><p>${esc(doc.info.description ?? "")}</p><p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a></p><nav>${nav}</nav>${sections}${events}<h2>Schemas</h2>${schemas}</body></html>`;
}
