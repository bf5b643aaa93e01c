import { IconSchool } from "@tabler/icons-react";
import { ComingSoon } from "../../../../ui/ComingSoon";

export function AcademyPage() {
  return (
    <ComingSoon
      title="Academy"
      icon={<IconSchool size={30} />}
      description="The Academy will take you through programs of levels, modules and lessons on customer success: videos, readings, workbooks, scenario exercises and knowledge checks, then module tests and timed exams that lead to certificates and verifiable badges you can share. Team managers will follow their people's progress in one report."
      highlights={[
        "Programs, levels, modules and lessons at your own pace",
        "Knowledge checks, module tests and timed exams",
        "Certificates and Open Badges with public evidence pages",
        "Team progress reports for managers",
      ]}
    />
  );
}
