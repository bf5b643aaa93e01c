import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CompleteItemBody,
  CompletionResult,
  LibraryItemDetail,
  LibraryResponse,
} from "../../../../../src/features/academy/cpd/library/contract";
import { api } from "../../../../api/http-client";
import { type LibrarySearch, libraryQueryString } from "./library-search";

export const cpdLibraryKeys = {
  all: ["academy", "cpd"] as const,
  search: (search: LibrarySearch) => [...cpdLibraryKeys.all, "library", search] as const,
  item: (id: string) => [...cpdLibraryKeys.all, "library-item", id] as const,
};

export function useLibrarySearch(search: LibrarySearch) {
  return useQuery({
    queryKey: cpdLibraryKeys.search(search),
    queryFn: () => api.get<LibraryResponse>(`/api/academy/cpd/library?${libraryQueryString(search)}`),
    placeholderData: keepPreviousData,
  });
}

/** Opening the item page records that it was opened (the first time is kept) and answers its state. */
export function useOpenedItem(itemId: string) {
  return useQuery({
    queryKey: cpdLibraryKeys.item(itemId),
    queryFn: () => api.post<LibraryItemDetail>(`/api/academy/cpd/library/${itemId}/open`),
  });
}

export function useCompleteItem(itemId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CompleteItemBody) =>
      api.post<CompletionResult>(`/api/academy/cpd/library/${itemId}/completion`, body),
    // Everything CPD shows (library, paths, the dashboard) may have changed.
    onSuccess: () => client.invalidateQueries({ queryKey: cpdLibraryKeys.all }),
  });
}
