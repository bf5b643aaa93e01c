import { Stack, Text } from "@mantine/core";
import type { Organization } from "../../../../../src/features/accounts/organizations/contract";
import { formatDate } from "../../../../ui/format-date";
import { SectionCard } from "../../../../ui/SectionCard";
import { canManageOrganization } from "../role-permissions";
import { OrgNameForm } from "./OrgNameForm";

export function OrganizationDetails({ organization, timeZone }: { organization: Organization; timeZone: string }) {
  return (
    <SectionCard
      title="Organization details"
      description={`Created ${formatDate(organization.createdAt, timeZone)} · Address: ${organization.slug}`}
    >
      {canManageOrganization(organization.myRole) ? (
        <OrgNameForm organization={organization} />
      ) : (
        <Stack gap={2}>
          <Text fz="sm" c="dimmed">
            Name
          </Text>
          <Text fw={600}>{organization.name}</Text>
          <Text fz="sm" c="dimmed" mt="xs">
            Only admins and owners can rename the organization.
          </Text>
        </Stack>
      )}
    </SectionCard>
  );
}
