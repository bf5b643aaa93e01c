import { Accordion, Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconDownload } from "@tabler/icons-react";
import type { AdminProgram } from "../../../../../src/features/academy/catalog/contract";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { formatDateTime } from "../../../../ui/format-date";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { PageHeader } from "../../../../ui/PageHeader";
import { TextLink } from "../../../../ui/RouterLink";
import { SectionCard } from "../../../../ui/SectionCard";
import { MembershipsCard } from "../components/MembershipsCard";
import { TitleSummaryForm } from "../components/TitleSummaryForm";
import { exportUrl, useAdminPrograms } from "../queries";

/** Academy admin: membership plans, program/level/module texts, links to lessons and banks, export. */
export function AcademyAdminPage() {
  const programs = useAdminPrograms();
  return (
    <Stack gap="lg">
      <PageHeader
        title="Academy admin"
        description="Assign membership plans; edit programs, lessons and question banks; export a program back to YAML."
      />
      <MembershipsCard />
      {programs.isPending ? (
        <LoadingBlock label="Loading programs" />
      ) : programs.isError ? (
        <ErrorAlert message={programs.error.message} />
      ) : (
        programs.data.programs.map((p) => <ProgramCard key={p.id} program={p} />)
      )}
    </Stack>
  );
}

function ProgramCard({ program: p }: { program: AdminProgram }) {
  const unexported = p.editedAt !== null && (p.importedAt === null || p.editedAt > p.importedAt);
  return (
    <SectionCard
      title={p.title}
      description={`Key ${p.key}${p.importedAt ? ` · imported ${formatDateTime(p.importedAt)}` : ""}`}
      actions={
        <Button
          component="a"
          href={exportUrl(p.id)}
          download
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          Export YAML
        </Button>
      }
    >
      {unexported ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
          Edited in the app on {formatDateTime(p.editedAt as string)}, after the last import. The content files do not
          hold these edits: the start-up import leaves this program alone, and <code>pulse content import</code> would
          overwrite them. Export the YAML and put it into <code>content/</code> to keep them.
        </Alert>
      ) : null}
      <TitleSummaryForm what="programs" id={p.id} title={p.title} summary={p.summary} label="Program" />
      <Accordion variant="separated">
        {p.levels.map((level) => (
          <Accordion.Item key={level.id} value={level.id}>
            <Accordion.Control>
              Level {level.number}: {level.title}
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="md">
                <TitleSummaryForm
                  what="levels"
                  id={level.id}
                  title={level.title}
                  summary={level.summary}
                  label="Level"
                />
                {level.modules.length === 0 ? (
                  <Text fz="sm" c="dimmed">
                    No modules.
                  </Text>
                ) : (
                  <Stack gap={4}>
                    {level.modules.map((m) => (
                      <Group key={m.id} gap="xs">
                        <TextLink to="/admin/academy/modules/$moduleId" params={{ moduleId: m.id }}>
                          Module {m.number}: {m.title}
                        </TextLink>
                        <Text fz="xs" c="dimmed">
                          lessons, readings and question bank
                        </Text>
                      </Group>
                    ))}
                  </Stack>
                )}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </SectionCard>
  );
}
