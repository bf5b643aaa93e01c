import { Stack } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { PageHeader } from "../../../../ui/PageHeader";
import { TextLink } from "../../../../ui/RouterLink";
import { ProgressChecklist } from "../../learning/CompletionChecklist";
import { LevelSection } from "../components/LevelSection";
import { ProgressLine } from "../components/ProgressLine";
import { useProgram } from "../queries";

const route = getRouteApi("/signed-in/academy/programs/$programKey");

/** A program: its levels (locked ones say which plan opens them) and each level's modules with progress. */
export function ProgramPage() {
  const { programKey } = route.useParams();
  const program = useProgram(programKey);
  if (program.isPending) return <LoadingBlock label="Loading the program" />;
  if (program.isError) return <ErrorAlert message={program.error.message} />;
  const p = program.data;
  return (
    <Stack gap="lg">
      <TextLink to="/academy" fz="sm">
        ← Academy
      </TextLink>
      <PageHeader title={p.title} description={p.summary} />
      <ProgressLine progress={p.progress} label={p.title} />
      {p.levels.map((level) => (
        <div key={level.id} id={level.key}>
          <LevelSection level={level} />
        </div>
      ))}
      <ProgressChecklist objectType="program" id={p.id} />
    </Stack>
  );
}
