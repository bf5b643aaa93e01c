import { SEED_PATHS, type SeedPath } from "../paths/seed-paths.js";
import type { CatalogItem, CatalogPath, LoadedCatalog } from "./catalog-format.js";
import type { LibraryFormat } from "./schema.js";

/**
 * The demo CPD catalog, generated deterministically from the word lists below (same output every run):
 * the seed's eighteen paths with their steps, and enough further items for 1,000+ items and 300+ hours.
 * `write-demo-catalog.ts` writes it to content/cpd/ (catalog.yaml + library.csv); a publisher replaces it
 * by importing their own catalog. Titles and summaries are original; every item is marked demo.
 */
export const DEMO_EXTRA_ITEMS = 760;

/** Topic -> category: what a generated item is about and where the library files it. */
const TOPICS: [string, string][] = [
  ["Customer Onboarding", "Onboarding & Adoption"],
  ["Time to First Value", "Onboarding & Adoption"],
  ["Product Adoption", "Onboarding & Adoption"],
  ["Kick-off Meetings", "Onboarding & Adoption"],
  ["Success Plans", "Onboarding & Adoption"],
  ["Renewal Forecasting", "Renewals & Expansion"],
  ["Expansion Plays", "Renewals & Expansion"],
  ["Pricing Conversations", "Renewals & Expansion"],
  ["Churn Analysis", "Renewals & Expansion"],
  ["Win-back Campaigns", "Renewals & Expansion"],
  ["Health Scores", "Metrics & Health Scores"],
  ["Net Revenue Retention", "Metrics & Health Scores"],
  ["Usage Analytics", "Metrics & Health Scores"],
  ["Leading Indicators", "Metrics & Health Scores"],
  ["CS Dashboards", "Metrics & Health Scores"],
  ["Executive Business Reviews", "Skills Training"],
  ["Stakeholder Mapping", "Skills Training"],
  ["Difficult Conversations", "Skills Training"],
  ["Objection Handling", "Skills Training"],
  ["Discovery Questions", "Skills Training"],
  ["Customer Journey Mapping", "Customer Experience"],
  ["Voice of the Customer", "Customer Experience"],
  ["Net Promoter Programs", "Customer Experience"],
  ["Closing the Feedback Loop", "Customer Experience"],
  ["Service Recovery", "Customer Experience"],
  ["CS Team Structure", "Leadership Skills for CS"],
  ["Hiring CSMs", "Leadership Skills for CS"],
  ["Coaching CSMs", "Leadership Skills for CS"],
  ["Board Reporting", "Leadership Skills for CS"],
  ["CS Strategy", "Leadership Skills for CS"],
  ["Playbooks", "Customer Success Operations"],
  ["CS Tooling", "Customer Success Operations"],
  ["Segmentation Models", "Customer Success Operations"],
  ["Capacity Planning", "Customer Success Operations"],
  ["Handoffs From Sales", "Customer Success Operations"],
  ["Digital Touch Programs", "Digital Customer Success"],
  ["Customer Communities", "Digital Customer Success"],
  ["In-app Guidance", "Digital Customer Success"],
  ["Email Nurture Journeys", "Digital Customer Success"],
  ["Automation With AI", "Digital Customer Success"],
  ["Your CS Career Path", "Career Development"],
  ["Personal Branding for CSMs", "Career Development"],
  ["Moving Into CS Leadership", "Career Development"],
  ["Certification and CPD", "Career Development"],
  ["Founder-led Success", "Startups"],
  ["The First CSM Hire", "Startups"],
  ["CS for Product-led Growth", "Startups"],
  ["Scaling Past Series A", "Startups"],
];

const FRAMES = [
  (t: string) => `A Practical Guide to ${t}`,
  (t: string) => `Five Lessons on ${t}`,
  (t: string) => `Getting Started With ${t}`,
  (t: string) => `Rethinking ${t}`,
  (t: string) => `The Manager's Playbook for ${t}`,
  (t: string) => `Field Notes: ${t}`,
  (t: string) => `Common Mistakes in ${t}`,
  (t: string) => `Measuring ${t}`,
  (t: string) => `${t}: A Case Study`,
  (t: string) => `${t} in Ten Minutes`,
  (t: string) => `Templates for ${t}`,
  (t: string) => `${t} Explained`,
  (t: string) => `What Good Looks Like: ${t}`,
  (t: string) => `Ask the Expert: ${t}`,
  (t: string) => `${t} Without the Jargon`,
  (t: string) => `Building a Business Case for ${t}`,
];

const SETTINGS = [
  "",
  " for SaaS Teams",
  " in Enterprise Accounts",
  " at a Startup",
  " for New CSMs",
  " in Regulated Industries",
  " Across Time Zones",
  " for Small Teams",
];

const AUDIENCES = [
  "new CSMs",
  "CS leaders",
  "account managers",
  "onboarding specialists",
  "CS operations teams",
  "founders",
];
const OUTCOMES = [
  "reduce churn",
  "prove value sooner",
  "grow expansion revenue",
  "spot risk earlier",
  "run better customer meetings",
  "make the case for investment",
  "work across teams",
];
const ANGLES = [
  "worked examples",
  "a checklist you can reuse",
  "the questions to ask first",
  "the metrics that matter",
  "pitfalls to avoid",
  "how to get buy-in",
  "a simple template",
  "what to do on Monday",
];

const FORMAT_WEIGHTS: [LibraryFormat, number][] = [
  ["video", 40],
  ["article", 25],
  ["audio", 15],
  ["download", 12],
  ["tool", 8],
];
const MINUTES: Record<LibraryFormat, [number, number]> = {
  video: [12, 45],
  article: [4, 15],
  audio: [20, 55],
  download: [5, 12],
  tool: [8, 20],
};
/** Relative length of a step by format, for splitting a path's stated duration among its steps. */
const STEP_WEIGHT: Record<LibraryFormat, number> = { video: 3, audio: 3, article: 1, download: 0.5, tool: 1.5 };
const CLIPS = 6;
const CLIP_SECONDS = 12;

/** mulberry32: a small seeded PRNG, so the catalog is the same on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rand = ReturnType<typeof random>;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
const between = (rand: Rand, [lo, hi]: [number, number]) => lo + Math.floor(rand() * (hi - lo + 1));

function dateFrom(rand: Rand): string {
  const start = Date.UTC(2021, 0, 1);
  const days = Math.floor(rand() * 1880); // to early 2026
  return new Date(start + days * 86_400_000).toISOString().slice(0, 10);
}

function summaryOf(rand: Rand, topic: string, format: LibraryFormat): string {
  const what = {
    video: "This video",
    article: "This article",
    audio: "This audio episode",
    download: "This download",
    tool: "This tool",
  }[format];
  const [a, b] = [pick(rand, ANGLES), pick(rand, ANGLES)];
  return `${what} shows ${pick(rand, AUDIENCES)} how to ${pick(rand, OUTCOMES)} through ${topic.toLowerCase()}, with ${a}${a === b ? "" : ` and ${b}`}.`;
}

function bodyOf(title: string, topic: string): string {
  return [
    `## ${title}`,
    `${topic} is easier to get right when the whole team shares one picture of what the customer is trying to achieve.`,
    `Start with the outcome the customer bought for, agree how you will both know it has been reached, and review it at a steady rhythm. Write down what you learn: the next person on the account will thank you.`,
    "_Demo content: generated to show how the CPD Library works._",
  ].join("\n\n");
}

function mediaOf(format: LibraryFormat, n: number) {
  if (format !== "video" && format !== "audio") return {};
  return { mediaSrc: `clips/clip-0${(n % CLIPS) + 1}.webm`, mediaSeconds: CLIP_SECONDS };
}

function item(
  rand: Rand,
  n: number,
  key: string,
  title: string,
  format: LibraryFormat,
  category: string,
  topic: string,
  minutes: number,
): CatalogItem {
  return {
    key,
    title,
    summary: summaryOf(rand, topic, format),
    format,
    category,
    durationMinutes: minutes,
    publishedOn: dateFrom(rand),
    ...(format === "article" ? { body: bodyOf(title, topic) } : {}),
    ...mediaOf(format, n),
  };
}

/** Splits `total` minutes among steps by format weight (with a little variety), every step at least 1. */
export function splitMinutes(rand: Rand, formats: LibraryFormat[], total: number): number[] {
  const weights = formats.map((f) => STEP_WEIGHT[f] * (0.8 + rand() * 0.4));
  const sum = weights.reduce((a, b) => a + b, 0);
  const minutes = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
  let rest = total - minutes.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % minutes.length) {
    if (rest > 0) {
      minutes[i] = (minutes[i] as number) + 1;
      rest--;
    } else if ((minutes[i] as number) > 1) {
      minutes[i] = (minutes[i] as number) - 1;
      rest++;
    }
  }
  return minutes;
}

function pathItems(rand: Rand, path: SeedPath, counter: { n: number }): CatalogItem[] {
  const formats = Object.entries(path.contents).flatMap(([f, count]) =>
    Array<LibraryFormat>(count).fill(f as LibraryFormat),
  );
  const minutes = splitMinutes(rand, formats, path.durationMinutes);
  return formats.map((format, i) => {
    const [topic] = TOPICS[(i * 7 + path.key.length) % TOPICS.length] as [string, string];
    const title = path.stepTitles?.[i] ?? `${path.stepLabel} ${i + 1}: ${topic}`;
    const key = `${path.key}-${String(i + 1).padStart(2, "0")}`;
    return item(
      rand,
      counter.n++,
      key,
      title,
      format,
      path.category,
      path.stepTitles ? path.title : topic,
      minutes[i] as number,
    );
  });
}

function weightedFormat(roll: number): LibraryFormat {
  let rest = roll;
  for (const [format, weight] of FORMAT_WEIGHTS) {
    rest -= weight;
    if (rest < 0) return format;
  }
  return "video";
}

/** The whole demo catalog: paths first (their steps are items), then the further library items. */
export function demoCatalog(): LoadedCatalog {
  const rand = random(20260512);
  const counter = { n: 0 };
  const items: CatalogItem[] = [];
  const paths: CatalogPath[] = [];
  for (const path of SEED_PATHS) {
    const steps = pathItems(rand, path, counter);
    items.push(...steps);
    paths.push({
      key: path.key,
      title: path.title,
      category: path.category,
      description: path.description,
      featured: path.featured,
      steps: steps.map((s) => s.key),
    });
  }
  const titles = new Set(items.map((i) => i.title));
  const totalWeight = FORMAT_WEIGHTS.reduce((a, [, w]) => a + w, 0);
  for (let n = 1; n <= DEMO_EXTRA_ITEMS; n++) {
    let title = "";
    let topic = "";
    let category = "";
    do {
      [topic, category] = pick(rand, TOPICS);
      title = `${pick(rand, FRAMES)(topic)}${pick(rand, SETTINGS)}`;
    } while (titles.has(title));
    titles.add(title);
    const format = weightedFormat(rand() * totalWeight);
    const key = `lib-${String(n).padStart(4, "0")}`;
    items.push(item(rand, counter.n++, key, title, format, category, topic, between(rand, MINUTES[format])));
  }
  return { demo: true, items, paths };
}
