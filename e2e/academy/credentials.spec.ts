import { readFileSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { answerWithKey, miniAnswerKey } from "../support/academy.js";
import { createConfirmedAccount, newPerson, signInViaApi } from "../support/accounts.js";
import { ADMIN, E2E_BASE_URL } from "../support/e2e-env.js";

/**
 * A learner passes both exams of the fixture program "mini" (loaded by the e2e server), which completes its
 * exam level: the level-completion event's handler issues the certification. Staff award a module badge
 * (same issuance code). The learner sees both in My credentials and downloads the PDF; the public evidence
 * page opens signed out and verifies (a tampered copy does not); the holder hides the page; staff revoke,
 * then reinstate it: the very same signed credential verifies as valid again.
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

test("credentials: issue, list, PDF, public evidence page, verify, hide, revoke, reinstate", async ({
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
  await test.step("passing both exams completes the level: the certification is issued at once", async () => {
    const plan = await staff.post("/api/admin/academy/memberships", {
      data: { userId: me.user.id, plan: "scholar" },
      headers,
    });
    expect(plan.status(), await plan.text()).toBeLessThan(300);
    const key = await miniAnswerKey(staff);
    const listed: { id: string; key: string }[] = (await (await page.request.get("/api/academy/assessments")).json())
      .assessments;
    for (const examKey of ["mini.exam-a", "mini.exam-b"]) {
      const exam = listed.find((a) => a.key === examKey);
      expect(exam, examKey).toBeTruthy();
      expect((await answerWithKey(page.request, exam?.id as string, key)).scorePercent).toBe(100);
    }
    // The level's completion event is handled by a job: the credential appears within seconds.
    await expect
      .poll(
        async () => {
          const list = (await (await page.request.get("/api/me/credentials")).json()).credentials as {
            id: string;
            kind: string;
          }[];
          certificationId = list.find((c) => c.kind === "certification")?.id ?? "";
          return certificationId;
        },
        { timeout: 20_000 },
      )
      .not.toBe("");
  });

  const admin = await (await browser.newContext()).newPage();
  await signInViaApi(admin, ADMIN.email, ADMIN.password);
  await test.step("staff award a module badge on the admin page (the same issuance as a module completion)", async () => {
    await admin.goto("/admin/credentials");
    await admin.getByRole("button", { name: "Award a credential" }).click();
    const dialog = admin.getByRole("dialog", { name: "Award a credential" });
    await dialog.getByLabel("Learner's email").fill(learner.email);
    await dialog.getByLabel("Learner", { exact: true }).click();
    await admin.getByRole("option", { name: `${learner.name} (${learner.email})` }).click();
    await dialog.getByLabel("Module or level", { exact: true }).fill("Module 1: Module 1");
    await admin.getByRole("option", { name: "Level 1 · Module 1: Module 1" }).click();
    await axe(admin, "award dialog");
    await admin.screenshot({ path: `${SHOTS}/award-dialog.png` });
    await dialog.getByRole("button", { name: "Award" }).click();
    await expect(dialog).toBeHidden();
    await expect(admin.getByRole("cell", { name: /Module 1: Module 1/ }).first()).toBeVisible();
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
  /** The signed VC-JWT as issued: the same one must verify again after a reinstatement. */
  let issuedJwt = "";
  await test.step("the evidence page opens signed out, with Open Graph tags", async () => {
    const html = await (await guest.request.get(`/evidence/${certificationId}`)).text();
    expect(html).toContain(`<meta property="og:title" content="Certified Mini Professional: ${learner.name}" />`);
    await guest.goto(`/evidence/${certificationId}`);
    await expect(guest.getByRole("heading", { level: 1, name: "Certified Mini Professional" })).toBeVisible();
    await expect(guest.getByText("Valid credential")).toBeVisible();
    await expect(guest.getByText(learner.name, { exact: true })).toBeVisible();
    await expect(guest.getByRole("region", { name: "Criteria" })).toContainText("Pass Exam A (pass mark 75%)");
    const evidence = guest.getByRole("region", { name: "Evidence" });
    await expect(evidence.getByRole("row", { name: /Exam A Passed 100%/ })).toBeVisible();
    await expect(evidence.getByRole("row", { name: /Exam B Passed 100%/ })).toBeVisible();
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
    issuedJwt = jwt;
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

  await test.step("staff reinstate it with a reason: the same signed credential is valid again everywhere", async () => {
    const verifyApi = async () => {
      const res = await guest.request.post("/api/credentials/verify", { data: { credential: issuedJwt }, headers });
      expect(res.status(), await res.text()).toBe(200);
      return (await res.json()) as { status: string; credential?: { revokedReason: string | null } };
    };
    expect(issuedJwt.split(".")).toHaveLength(3);
    expect((await verifyApi()).status).toBe("revoked");

    await admin.getByRole("button", { name: `Reinstate Certified Mini Professional of ${learner.name}` }).click();
    const dialog = admin.getByRole("dialog", { name: "Reinstate credential" });
    await expect(dialog.getByText(/: Exam misconduct found in an audit\./)).toBeVisible();
    await dialog.getByRole("button", { name: "Reinstate" }).click();
    await expect(dialog.getByText(/say why/)).toBeVisible();
    await expect(dialog.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
    await axe(admin, "reinstate dialog");
    await admin.screenshot({ path: `${SHOTS}/reinstate-dialog.png` });
    await dialog.getByLabel("Reason").fill("The audit cleared the learner");
    await dialog.getByRole("button", { name: "Reinstate" }).click();
    await expect(dialog).toBeHidden();
    const row = admin
      .getByRole("row")
      .filter({ has: admin.getByRole("button", { name: `Revoke Certified Mini Professional of ${learner.name}` }) });
    await expect(row.getByText("Valid", { exact: true })).toBeVisible();
    await expect(admin.getByText("Exam misconduct found in an audit")).toHaveCount(0);
    await admin.screenshot({ path: `${SHOTS}/admin-credentials-reinstated.png`, fullPage: true });

    // The JWT was never re-signed: the one issued verifies valid again, and the evidence page serves it.
    const verified = await verifyApi();
    expect(verified.status).toBe("valid");
    expect(verified.credential?.revokedReason).toBeNull();
    const evidence = await (await guest.request.get(`/api/credentials/${certificationId}`)).json();
    expect(evidence).toMatchObject({ status: "valid", jwt: issuedJwt, revokedReason: null });
    await guest.goto(`/evidence/${certificationId}`);
    await expect(guest.getByText("Valid credential")).toBeVisible();
    await expect(guest.getByText("This credential was revoked")).toHaveCount(0);
    await guest.goto(`/verify/${certificationId}`);
    await expect(guest.getByText("Verified: this credential is valid")).toBeVisible();
    await page.reload();
    const card = page.getByRole("article", { name: "Certified Mini Professional" });
    await expect(card.getByText("Valid", { exact: true })).toBeVisible();
    await expect(card.getByText(/Revoked/)).toHaveCount(0);
  });
});
