/**
 * Issue 5: a risk alert goes to the assigned CSM's manager and the organization's executives (owners
 * and admins), each once; the person who set the pulse already knows, so they are left out.
 */
export function alertRecipients(input: {
  managerId: string | null;
  executiveIds: readonly string[];
  setBy: string | null;
}): string[] {
  const everyone = [...(input.managerId ? [input.managerId] : []), ...input.executiveIds];
  return [...new Set(everyone)].filter((id) => id !== input.setBy);
}
