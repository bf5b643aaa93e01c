import { readFileSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { createConfirmedAccount, newPerson, signInViaApi } from "../support/accounts.js";
import { ADMIN, E2E_BASE_URL } from "../support/e2e-env.js";

/**
 * A learner earns the certification of the fixture program "mini" (loaded by the e2e server) and a module badge (awarded by staff through the same issuance
 * code as the completion events), sees them in My credentials, downloads the PDF, opens the public
 * evidence page signed out, verifies it (and a tampered copy), hides the page, and staff revoke one.
 */
test.use({ viewport: { width: 1280, height: 900 } });

const headers = { origin: E2E_BASE_URL };
const SHOTS = ".tmp/screens/academy";

async function axe(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page })
    .exclude(".mantine-AppShell-header")
    .exclude(".mantine-Notifications-root")
    .analyze();
  const blocking = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      rule: v.id,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} ${n.html} ${n.failureSummary ?? ""}`),
    }));
  expect(blocking, `${name}: ${JSON.stringify(blocking, null, 2)}`).toEqual([]);
}

test("credentials: issue, list, PDF, public evidence page, verify, hide, revoke", async ({
  page,
  browser,
  playwright,
}) => {
  test.setTimeout(120_000);
  const learner = newPerson("Learner");
  await createConfirmedAccount(page.request, learner);
  await signInViaApi(page, learner.email, learner.password);
  const me = await (await page.request.get("/api/me")).json();

  const staff = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
  const login = await staff.post("/api/auth/login", { data: ADMIN, headers });
  expect(login.status()).toBe(200);

  let certificationId = "";
  await test.step("the certification and a module badge are issued", async () => {
    for (const [object, key] of [
      ["module", "mini.m1"],
      ["level", "mini.l2"],
    ]) {
      const res = await staff.post("/api/admin/credentials/award", {
        data: { userId: me.user.id, object, key },
        headers,
      });
      expect(res.status(), await res.text()).toBe(200);
      if (object === "level") certificationId = (await res.json()).id;
    }
  });

  await test.step("My credentials lists them with status, validity and actions", async () => {
    await page.goto("/academy/credentials");
    await expect(page.getByRole("heading", { level: 1, name: "My credentials" })).toBeVisible();
    const card = page.getByRole("article", { name: "Certified Mini Professional" });
    await expect(card.getByText("Valid", { exact: true })).toBeVisible();
    await expect(card.getByText(/valid until/)).toBeVisible();
    await expect(page.getByRole("article", { name: /Module 1:/ })).toBeVisible();
    const linkedIn = card.getByRole("link", { name: "Add to LinkedIn profile" });
    const href = new URL((await linkedIn.getAttribute("href")) as string);
    expect(href.origin + href.pathname).toBe("https://www.linkedin.com/profile/add");
    expect(href.searchParams.get("name")).toBe("Certified Mini Professional");
    expect(href.searchParams.get("organizationName")).toBe("Pulse Academy");
    expect(href.searchParams.get("certUrl")).toBe(`${E2E_BASE_URL}/evidence/${certificationId}`);
    expect(href.searchParams.get("expirationYear")).toBe(String(new Date().getUTCFullYear() + 1));
    await axe(page, "my credentials");
    await page.screenshot({ path: `${SHOTS}/my-credentials.png`, fullPage: true });

    const download = page.waitForEvent("download");
    await card.getByRole("link", { name: "Download PDF" }).click();
    const pdf = await download;
    const bytes = readFileSync((await pdf.path()) as string);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.suggestedFilename()).toMatch(/^certified-mini-professional-.*\.pdf$/);
  });

  const guest = await (await browser.newContext()).newPage();
  await test.step("the evidence page opens signed out, with Open Graph tags", async () => {
    const html = await (await guest.request.get(`/evidence/${certificationId}`)).text();
    expect(html).toContain(`<meta property="og:title" content="Certified Mini Professional: ${learner.name}" />`);
    await guest.goto(`/evidence/${certificationId}`);
    await expect(guest.getByRole("heading", { level: 1, name: "Certified Mini Professional" })).toBeVisible();
    await expect(guest.getByText("Valid credential")).toBeVisible();
    await expect(guest.getByText(learner.name, { exact: true })).toBeVisible();
    await expect(guest.getByRole("region", { name: "Criteria" })).toContainText("Pass Exam A (pass mark 75%)");
    await expect(guest.getByRole("region", { name: "Evidence" })).toBeVisible();
    await expect(guest.getByRole("link", { name: "Add to LinkedIn profile" })).toHaveCount(0);
    await axe(guest, "evidence page");
    await guest.screenshot({ path: `${SHOTS}/evidence-page.png`, fullPage: true });
  });

  await test.step("it verifies on the verify page; a tampered copy does not", async () => {
    await guest.getByRole("link", { name: "Verify this credential" }).click();
    await expect(guest).toHaveURL(new RegExp(`/verify/${certificationId}$`));
    await expect(guest.getByText("Verified: this credential is valid")).toBeVisible();
    await axe(guest, "verify page");
    await guest.screenshot({ path: `${SHOTS}/verify-valid.png`, fullPage: true });
    const jwt = await guest.getByRole("textbox", { name: "Credential" }).inputValue();
    const [h, p, s] = jwt.split(".") as [string, string, string];
    const i = Math.floor(p.length / 2);
    await guest
      .getByRole("textbox", { name: "Credential" })
      .fill(`${h}.${p.slice(0, i)}${p[i] === "A" ? "B" : "A"}${p.slice(i + 1)}.${s}`);
    await guest.getByRole("button", { name: "Verify" }).click();
    await expect(guest.getByText(/Not verified: the credential was changed/)).toBeVisible();
    await guest.screenshot({ path: `${SHOTS}/verify-tampered.png`, fullPage: true });
  });

  await test.step("the holder hides the page: others get not found", async () => {
    const card = page.getByRole("article", { name: "Certified Mini Professional" });
    await card.getByRole("switch", { name: /Public evidence page/ }).click();
    await expect(card.getByText("Hidden: only you can open it.")).toBeVisible();
    await guest.goto(`/evidence/${certificationId}`);
    await expect(guest.getByRole("heading", { level: 1, name: "Credential not found" })).toBeVisible();
    await card.getByRole("switch", { name: /Public evidence page/ }).click();
    await expect(card.getByText("Anyone with the link can see and verify it.")).toBeVisible();
  });

  await test.step("staff revoke it with a reason: revoked everywhere", async () => {
    const admin = await (await browser.newContext()).newPage();
    await signInViaApi(admin, ADMIN.email, ADMIN.password);
    await admin.goto("/admin/credentials");
    await admin.getByLabel("Search").fill(learner.name);
    await admin.getByRole("button", { name: `Revoke Certified Mini Professional of ${learner.name}` }).click();
    const dialog = admin.getByRole("dialog", { name: "Revoke credential" });
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await expect(dialog.getByText(/say why/)).toBeVisible();
    await dialog.getByLabel("Reason").fill("Exam misconduct found in an audit");
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await expect(dialog).toBeHidden();
    await expect(admin.getByText("Exam misconduct found in an audit")).toBeVisible();
    await axe(admin, "admin credentials");
    await admin.screenshot({ path: `${SHOTS}/admin-credentials.png`, fullPage: true });

    await guest.goto(`/verify/${certificationId}`);
    await expect(guest.getByText("Authentic, but revoked by the issuer")).toBeVisible();
    await guest.goto(`/evidence/${certificationId}`);
    await expect(guest.getByText("This credential was revoked")).toBeVisible();
    await page.reload();
    await expect(
      page.getByRole("article", { name: "Certified Mini Professional" }).getByText("Revoked", { exact: true }),
    ).toBeVisible();
  });
});
