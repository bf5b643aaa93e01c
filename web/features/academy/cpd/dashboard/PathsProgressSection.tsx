import { Table, Text, VisuallyHidden } from "@mantine/core";
import type { PathProgress } from "../../../../../src/features/academy/cpd/dashboard/contract";
import { ButtonLink, TextLink } from "../../../../ui/RouterLink";
import { SectionCard } from "../../../../ui/SectionCard";
import { type Tone, ToneBadge } from "../../../../ui/ToneBadge";
import { day, hm } from "../format";
import { ScrollRegion } from "../ScrollRegion";

const STATUS: Record<PathProgress["status"], { label: string; tone: Tone }> = {
  not_started: { label: "Not Started", tone: "gray" },
  in_progress: { label: "In Progress", tone: "blue" },
  completed: { label: "Completed", tone: "teal" },
};

/** Seed: every enrolled path with category, start date, steps completed, percentage, status, duration, launch. */
export function PathsProgressSection({ paths }: { paths: PathProgress[] }) {
  return (
    <SectionCard title="CPD Paths Progress">
      {paths.length === 0 ? (
        <Text c="dimmed">
          You are not enrolled in a CPD path yet.{" "}
          <TextLink to="/cpd/paths" underline="always">
            Browse the CPD paths
          </TextLink>
          .
        </Text>
      ) : (
        <ScrollRegion label="CPD paths progress" minWidth={760}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Path</Table.Th>
                <Table.Th>Category</Table.Th>
                <Table.Th>Started</Table.Th>
                <Table.Th>Steps</Table.Th>
                <Table.Th>Progress</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Duration</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Launch</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {paths.map((p) => (
                <Table.Tr key={p.pathId}>
                  <Table.Td fw={600}>{p.title}</Table.Td>
                  <Table.Td>{p.category}</Table.Td>
                  <Table.Td>{day(p.startedOn)}</Table.Td>
                  <Table.Td>
                    {p.stepsCompleted} of {p.stepsTotal}
                  </Table.Td>
                  <Table.Td>{p.percent}%</Table.Td>
                  <Table.Td>
                    <ToneBadge tone={STATUS[p.status].tone}>{STATUS[p.status].label}</ToneBadge>
                  </Table.Td>
                  <Table.Td>{hm(p.durationMinutes)}</Table.Td>
                  <Table.Td>
                    <ButtonLink to={p.launchPath} size="xs" variant="light" aria-label={`Launch ${p.title}`}>
                      {p.status === "completed" ? "Review" : "Continue"}
                    </ButtonLink>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </SectionCard>
  );
}
