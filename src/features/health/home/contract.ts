import { z } from "zod";

/** Where a figure's clients are listed: a web path and the search params that page reads. */
export const HomeLink = z.object({ path: z.string(), search: z.record(z.string(), z.string()) });
export type HomeLink = z.infer<typeof HomeLink>;

const Figure = z.object({ count: z.number().int(), value: z.number(), link: HomeLink });

const HomeClient = z.object({
  id: z.string(),
  name: z.string(),
  arr: z.number(),
  nextRenewalDate: z.string().nullable(),
  level: z.string().nullable(),
});

const Mover = HomeClient.extend({ previousLevel: z.string().nullable(), change: z.number().int() });

export const Book = z.object({
  csmId: z.string(),
  csmName: z.string().nullable(),
  clients: Figure,
  atRisk: Figure.extend({ share: z.number() }),
  renewals: z.array(z.object({ days: z.number().int(), count: z.number().int(), value: z.number(), link: HomeLink })),
  renewingClients: z.array(HomeClient),
  stale: Figure.extend({ staleAfterDays: z.number().int() }),
  unclaimedAlerts: z.object({ count: z.number().int(), link: HomeLink }),
  movers: z.array(Mover),
});
export type Book = z.infer<typeof Book>;

export const Portfolio = z.object({
  months: z.array(
    z.object({
      asOf: z.string(),
      levels: z.array(z.object({ level: z.string(), value: z.number(), count: z.number().int() })),
      satisfied: z.number(),
      risk: z.number(),
      link: HomeLink,
    }),
  ),
  atRiskRenewingThisQuarter: Figure.extend({ from: z.string(), to: z.string() }),
  riskReasons: z.array(
    z.object({ reasonCodeId: z.string(), label: z.string(), thisMonth: z.number().int(), lastMonth: z.number().int() }),
  ),
  riskReasonsLink: HomeLink,
});
export type Portfolio = z.infer<typeof Portfolio>;

export const Home = z.object({
  role: z.string(),
  currency: z.string(),
  today: z.string(),
  /** The caller's own book (every role; empty when no clients are assigned to them). */
  myBook: Book,
  /** Managers: the book of each CSM reporting to them, side by side. */
  team: z.array(Book).nullable(),
  /** Owners and admins: the whole portfolio. */
  portfolio: Portfolio.nullable(),
});
export type Home = z.infer<typeof Home>;
