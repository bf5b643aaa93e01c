import { IconCertificate } from "@tabler/icons-react";
import { ComingSoon } from "../../../../ui/ComingSoon";

export function CpdPage() {
  return (
    <ComingSoon
      title="CPD"
      icon={<IconCertificate size={30} />}
      description="Continuing professional development will keep your certification current: follow CPD paths, search a content library, register for live events and log learning you did elsewhere. A dashboard will count your hours towards recertification, 40 hours every 12 months from your certification anniversary."
      highlights={[
        "CPD paths and a searchable content library",
        "Live events with registration and calendar invites",
        "Self-certified external learning",
        "A recertification clock on your CPD dashboard",
      ]}
    />
  );
}
