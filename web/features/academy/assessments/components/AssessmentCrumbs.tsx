import { Anchor, Breadcrumbs } from "@mantine/core";
import type { AssessmentSummary } from "../../../../../src/features/academy/assessments/contract";
import { TextLink } from "../../../../ui/RouterLink";

/** Academy › program › module (module tests) › here. */
export function AssessmentCrumbs({ assessment, current }: { assessment: AssessmentSummary; current: string }) {
  return (
    <Breadcrumbs mb="xs" fz="sm" aria-label="Breadcrumb">
      <TextLink to="/academy" fz="sm">
        Academy
      </TextLink>
      <TextLink to="/academy/programs/$programKey" params={{ programKey: assessment.programKey }} fz="sm">
        {assessment.programTitle}
      </TextLink>
      {assessment.moduleKey ? (
        <TextLink to="/academy/modules/$moduleKey" params={{ moduleKey: assessment.moduleKey }} fz="sm">
          {assessment.parentTitle}
        </TextLink>
      ) : null}
      <Anchor component="span" c="dimmed" fz="sm" underline="never">
        {current}
      </Anchor>
    </Breadcrumbs>
  );
}
