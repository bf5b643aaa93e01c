import { Button, Group, Pagination, Select, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { roleAtLeast } from "../../../../../src/kernel/roles";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { PageHeader } from "../../../../ui/PageHeader";
import { SectionCard } from "../../../../ui/SectionCard";
import { useSignedInMe } from "../../../accounts/identity/queries";
import { PAGE_SIZE, teamCsvUrl, useMyProgress, useTeamProgress } from "../queries";
import { TeamExamTable } from "./TeamExamTable";
import { TeamProgressTable } from "./TeamProgressTable";

/** Managers and admins: every member's progress with filters and CSV; members: their own progress. */
export function TeamProgressPage() {
  const me = useSignedInMe();
  const org = me.organizations.find((o) => o.id === me.activeOrganizationId);
  if (!org) {
    return (
      <>
        <PageHeader title="Learning progress" />
        <Text c="dimmed">Join or choose an organization to see its learning progress.</Text>
      </>
    );
  }
  return roleAtLeast(org.role, "manager") ? <TeamView orgId={org.id} orgName={org.name} /> : <MyView orgId={org.id} />;
}

const STATUSES = [
  { value: "not_started", label: "Not started" },
  { value: "in_progress", label: "In progress" },
  { value: "completed", label: "Completed" },
];

function TeamView({ orgId, orgName }: { orgId: string; orgName: string }) {
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q, 300);
  const [program, setProgram] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const filter = {
    q: debounced.trim() || undefined,
    program: program ?? undefined,
    status: status ?? undefined,
    offset: (page - 1) * PAGE_SIZE,
  };
  const report = useTeamProgress(orgId, filter);
  return (
    <Stack gap="lg">
      <PageHeader
        title="Team learning progress"
        description={`Each member of ${orgName}: program, level, module, percent complete, last activity, module-test scores and certification exams.`}
        actions={
          <Button
            component="a"
            href={teamCsvUrl(orgId, filter)}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            Export CSV
          </Button>
        }
      />
      <Group gap="sm" align="flex-end">
        <TextInput
          label="Person"
          placeholder="Name or email"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
        />
        <Select
          label="Program"
          placeholder="All programs"
          clearable
          data={(report.data?.programs ?? []).map((p) => ({ value: p.key, label: p.title }))}
          value={program}
          onChange={(v) => {
            setProgram(v);
            setPage(1);
          }}
        />
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          data={STATUSES}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
        />
      </Group>
      {report.isPending ? (
        <LoadingBlock label="Loading team progress" />
      ) : report.isError ? (
        <ErrorAlert message={report.error.message} />
      ) : (
        <>
          <SectionCard title="Progress by module" description={`${report.data.total} rows`}>
            <TeamProgressTable rows={report.data.rows} showPerson />
            {report.data.total > PAGE_SIZE ? (
              <Pagination
                total={Math.ceil(report.data.total / PAGE_SIZE)}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ "aria-label": `${control} page` })}
                getItemProps={(p) => ({ "aria-label": `Page ${p}` })}
              />
            ) : null}
          </SectionCard>
          {report.data.exams.length > 0 ? (
            <SectionCard
              title="Certification exams"
              description="Best score, result and attempts used per exam, for the people and programs on this page."
            >
              <TeamExamTable rows={report.data.exams} showPerson />
            </SectionCard>
          ) : null}
        </>
      )}
    </Stack>
  );
}

function MyView({ orgId }: { orgId: string }) {
  const mine = useMyProgress(orgId);
  return (
    <Stack gap="lg">
      <PageHeader
        title="My learning progress"
        description="Your progress per module and your exam results; your managers see the same."
      />
      {mine.isPending ? (
        <LoadingBlock label="Loading your progress" />
      ) : mine.isError ? (
        <ErrorAlert message={mine.error.message} />
      ) : (
        <>
          <SectionCard title="Progress by module">
            <TeamProgressTable rows={mine.data.rows} showPerson={false} />
          </SectionCard>
          {mine.data.exams.length > 0 ? (
            <SectionCard title="Certification exams" description="Your best score, result and attempts per exam.">
              <TeamExamTable rows={mine.data.exams} showPerson={false} />
            </SectionCard>
          ) : null}
        </>
      )}
    </Stack>
  );
}
