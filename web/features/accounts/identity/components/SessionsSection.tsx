import { useNavigate } from "@tanstack/react-router";
import type { SessionInfo } from "../../../../../src/features/accounts/identity/contract";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { SectionCard } from "../../../../ui/SectionCard";
import { useLogout, useRevokeSession, useSessions } from "../queries";
import { SessionsTable } from "./SessionsTable";

export function SessionsSection({ timeZone }: { timeZone: string }) {
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const logout = useLogout();
  const navigate = useNavigate();

  const onRevoke = (session: SessionInfo) => {
    if (session.current) {
      // Ending this device's session is signing out.
      logout.mutate(undefined, { onSettled: () => void navigate({ to: "/login" }) });
      return;
    }
    revoke.mutate(session.id);
  };

  return (
    <SectionCard
      title="Active sessions"
      description="Devices signed in to your account. Sign out any you don't recognise."
    >
      {sessions.isPending ? <LoadingBlock label="Loading sessions" /> : null}
      <ErrorAlert message={sessions.error ? errorMessage(sessions.error) : null} title="Could not load sessions" />
      {sessions.data ? (
        <SessionsTable
          sessions={sessions.data.sessions}
          timeZone={timeZone}
          revokingId={revoke.isPending ? (revoke.variables ?? null) : null}
          onRevoke={onRevoke}
        />
      ) : null}
    </SectionCard>
  );
}
