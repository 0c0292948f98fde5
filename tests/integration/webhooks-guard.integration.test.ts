import { describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { createTestWorkspace, expectProblem } from "../helpers/factories";

// WEBHOOK_ALLOW_PRIVATE is unset here (the default): URLs into our own network are refused.
delete process.env.WEBHOOK_ALLOW_PRIVATE;

describe("webhook URL guard", () => {
  it("refuses loopback, private and link-local targets with 422", async () => {
    const ws = await createTestWorkspace();
    for (const url of [
      "http://127.0.0.1:8080/x",
      "http://localhost/x",
      "http://10.1.2.3/x",
      "http://192.168.0.10/x",
      "http://172.16.5.5/x",
      "http://169.254.169.254/latest/meta-data",
      "http://[::1]/x",
      "http://[fe80::1]/x",
      "http://[::ffff:127.0.0.1]/x",
      "http://0.0.0.0/x",
    ]) {
      const res = await api.post(`/api/v1/workspaces/${ws.slug}/webhooks`, { url, events: ["task.created"] }, { token: ws.owner.token });
      expectProblem(res, 422);
      expect(res.body.errors[0].path, url).toBe("url");
    }
  });

  it("accepts a public address", async () => {
    const ws = await createTestWorkspace();
    const res = await api.post(
      `/api/v1/workspaces/${ws.slug}/webhooks`,
      { url: "https://93.184.215.14/hook", events: ["task.created"] },
      { token: ws.owner.token },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });
});
