import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../../platform/context.js";
import { actorOf } from "../../../../platform/http/client-info.js";
import { assertCpdOpen } from "./access.js";
import { completeItem, itemDetail, openItem } from "./completion.js";
import {
  CompleteItemBody,
  CompletionResult,
  LibraryItemDetail,
  LibraryItemParams,
  LibraryQuery,
  LibraryResponse,
} from "./contract.js";
import { searchLibrary } from "./search.js";

const tags = ["academy cpd"];

/** The CPD Library (Level 5, Full and CPD plans): search, an item, opening it and completing it. */
export const cpdLibraryRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/api/academy/cpd/library",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Search the library: ranked full-text matches with highlights, facets by format and category, a page",
        querystring: LibraryQuery,
        response: { 200: LibraryResponse },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await assertCpdOpen(ctx, actor);
      return searchLibrary(ctx.database.db, actor.userId, req.query);
    },
  );
  app.get(
    "/api/academy/cpd/library/:itemId",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "One library item and the caller's state",
        params: LibraryItemParams,
        response: { 200: LibraryItemDetail },
      },
    },
    async (req) => itemDetail(ctx, actorOf(req), req.params.itemId),
  );
  app.post(
    "/api/academy/cpd/library/:itemId/open",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Record that the caller opened the item (the first time is kept)",
        params: LibraryItemParams,
        response: { 200: LibraryItemDetail },
      },
    },
    async (req) => openItem(ctx, actorOf(req), req.params.itemId),
  );
  app.post(
    "/api/academy/cpd/library/:itemId/completion",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Complete the item (played to the end, or opened and confirmed): its minutes join the CPD record once",
        params: LibraryItemParams,
        body: CompleteItemBody,
        response: { 200: CompletionResult },
      },
    },
    async (req) => completeItem(ctx, actorOf(req), req.params.itemId, req.body),
  );
};
