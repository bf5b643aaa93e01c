import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrganization, buildUser } from "../../../../test-support/factories.js";
import { buildTestApp, linkIn, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";

describe.each(TEST_ENGINES)("organization routes on %s", (engine) => {
  let t: TestApp;
  const call = (method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, cookie: string, body?: object) =>
    t.app.inject({ method, url, payload: body, headers: { cookie } });

  beforeAll(async () => {
    t = await buildTestApp({ engine });
  });
  afterAll(async () => t?.close());

  it("creates an organization whose creator is owner and which becomes active", async () => {
    const user = await buildUser(t.ctx);
    const created = await call("POST", "/api/organizations", user.cookie, { name: "Acme Success" });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: "Acme Success", slug: "acme-success", myRole: "owner" });
    const second = await call("POST", "/api/organizations", user.cookie, { name: "Acme Success" });
    expect(second.json().slug).toBe("acme-success-2");
    const me = (await call("GET", "/api/me", user.cookie)).json();
    expect(me.organizations).toHaveLength(2);
    expect(me.activeOrganizationId).toBe(second.json().id);
    const switched = await call("POST", "/api/me/active-organization", user.cookie, {
      organizationId: created.json().id,
    });
    expect(switched.json().activeOrganizationId).toBe(created.json().id);
    expect((await call("GET", "/api/me", user.cookie)).json().activeOrganizationId).toBe(created.json().id);
  });

  it("invites by email; the invitee accepts with the invited role", async () => {
    const { orgId, owner } = await buildOrganization(t.ctx, "Invite Co");
    const invitee = await buildUser(t.ctx);
    const invited = await call("POST", `/api/organizations/${orgId}/invitations`, owner.cookie, {
      email: invitee.email.toUpperCase(),
      role: "manager",
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ email: invitee.email, role: "manager", status: "pending" });
    const mail = await t.lastMailTo(invitee.email);
    expect(mail?.subject).toMatch(/invited you to Invite Co/);
    const { token, path } = linkIn(mail?.text ?? "");
    expect(path).toMatch(/^\/invitations\//);

    const preview = await t.app.inject({ method: "GET", url: `/api/invitations/${token}` });
    expect(preview.json()).toMatchObject({ organizationName: "Invite Co", role: "manager", email: invitee.email });

    const stranger = await buildUser(t.ctx);
    const wrongPerson = await call("POST", "/api/invitations/accept", stranger.cookie, { token });
    expect(wrongPerson.statusCode).toBe(403);
    expect(wrongPerson.json().error.message).toContain(invitee.email);

    const accepted = await call("POST", "/api/invitations/accept", invitee.cookie, { token });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().organizations).toContainEqual(expect.objectContaining({ id: orgId, role: "manager" }));
    expect(accepted.json().activeOrganizationId).toBe(orgId);
    expect((await call("POST", "/api/invitations/accept", invitee.cookie, { token })).statusCode).toBe(422);

    const again = await call("POST", `/api/organizations/${orgId}/invitations`, owner.cookie, { email: invitee.email });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields.email).toBe("is already a member");
  });

  it("revokes a pending invitation so its link stops working", async () => {
    const { orgId, owner } = await buildOrganization(t.ctx);
    const inv = (
      await call("POST", `/api/organizations/${orgId}/invitations`, owner.cookie, { email: "later@example.test" })
    ).json();
    const { token } = linkIn((await t.lastMailTo("later@example.test"))?.text ?? "");
    expect((await call("DELETE", `/api/organizations/${orgId}/invitations/${inv.id}`, owner.cookie)).statusCode).toBe(
      204,
    );
    expect((await t.app.inject({ method: "GET", url: `/api/invitations/${token}` })).statusCode).toBe(422);
    const list = (await call("GET", `/api/organizations/${orgId}/invitations`, owner.cookie)).json();
    expect(list.invitations[0].status).toBe("revoked");
  });

  it("applies the role rules: admins manage members, only owners touch owners, one owner stays", async () => {
    const { orgId, owner } = await buildOrganization(t.ctx);
    const admin = await buildMember(t.ctx, orgId, "admin");
    const member = await buildMember(t.ctx, orgId, "member");
    const promote = await call("PATCH", `/api/organizations/${orgId}/members/${member.userId}`, admin.cookie, {
      role: "manager",
    });
    expect(promote.json()).toMatchObject({ role: "manager" });
    const makeOwner = await call("PATCH", `/api/organizations/${orgId}/members/${member.userId}`, admin.cookie, {
      role: "owner",
    });
    expect(makeOwner.statusCode).toBe(422);
    expect(makeOwner.json().error.fields.role).toMatch(/Only an owner/);
    const lastOwner = await call("PATCH", `/api/organizations/${orgId}/members/${owner.userId}`, owner.cookie, {
      role: "admin",
    });
    expect(lastOwner.json().error.message).toMatch(/at least one owner/);
    const badRole = await call("PATCH", `/api/organizations/${orgId}/members/${member.userId}`, owner.cookie, {
      role: "king",
    });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.fields.role).toBeDefined();
    const memberRemovesAdmin = await call(
      "DELETE",
      `/api/organizations/${orgId}/members/${admin.userId}`,
      member.cookie,
    );
    expect(memberRemovesAdmin.statusCode).toBe(422);
    expect(
      (await call("DELETE", `/api/organizations/${orgId}/members/${member.userId}`, member.cookie)).statusCode,
    ).toBe(204);
    const members = (await call("GET", `/api/organizations/${orgId}/members`, owner.cookie)).json().members;
    expect(members.map((m: { userId: string }) => m.userId).sort()).toEqual([owner.userId, admin.userId].sort());
  });

  it("records who a member reports to, refusing outsiders and loops", async () => {
    const { orgId, owner } = await buildOrganization(t.ctx);
    const manager = await buildMember(t.ctx, orgId, "manager");
    const csm = await buildMember(t.ctx, orgId, "member");
    const url = (id: string) => `/api/organizations/${orgId}/members/${id}/manager`;
    const set = await call("PUT", url(csm.userId), owner.cookie, { managerUserId: manager.userId });
    expect(set.json()).toMatchObject({ userId: csm.userId, reportsToUserId: manager.userId });
    const loop = await call("PUT", url(manager.userId), owner.cookie, { managerUserId: csm.userId });
    expect(loop.statusCode).toBe(422);
    expect(loop.json().error.fields.managerUserId).toBe("would create a reporting loop");
    const outsider = await buildUser(t.ctx);
    const bad = await call("PUT", url(csm.userId), owner.cookie, { managerUserId: outsider.userId });
    expect(bad.json().error.fields.managerUserId).toBe("is not a member of this organization");
    expect((await call("PUT", url(csm.userId), manager.cookie, { managerUserId: null })).statusCode).toBe(403);
    const members = (await call("GET", `/api/organizations/${orgId}/members`, owner.cookie)).json().members;
    expect(members.find((m: { userId: string }) => m.userId === csm.userId).reportsToUserId).toBe(manager.userId);
  });

  it("never shows one organization's data to another's members", async () => {
    const a = await buildOrganization(t.ctx, "Alpha");
    const b = await buildOrganization(t.ctx, "Beta");
    for (const url of [`/api/organizations/${a.orgId}`, `/api/organizations/${a.orgId}/members`]) {
      const res = await call("GET", url, b.owner.cookie);
      expect(res.statusCode).toBe(404);
      expect(JSON.stringify(res.json())).not.toContain("Alpha");
    }
    const patch = await call("PATCH", `/api/organizations/${a.orgId}`, b.owner.cookie, { name: "Hijacked" });
    expect(patch.statusCode).toBe(404);
    expect((await call("GET", `/api/organizations/${a.orgId}`, a.owner.cookie)).json().name).toBe("Alpha");
    const switchTo = await call("POST", "/api/me/active-organization", b.owner.cookie, { organizationId: a.orgId });
    expect(switchTo.statusCode).toBe(404);
  });
});
