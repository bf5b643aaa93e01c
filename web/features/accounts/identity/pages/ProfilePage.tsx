import { Stack } from "@mantine/core";
import { PageHeader } from "../../../../ui/PageHeader";
import { SectionCard } from "../../../../ui/SectionCard";
import { MembershipSection } from "../../../academy/catalog/components/MembershipSection";
import { BillingSection } from "../../../billing/components/BillingSection";
import { ChangePasswordForm } from "../components/ChangePasswordForm";
import { ProfileForm } from "../components/ProfileForm";
import { SessionsSection } from "../components/SessionsSection";
import { useSignedInMe } from "../queries";

export function ProfilePage() {
  const { user } = useSignedInMe();
  return (
    <>
      <PageHeader
        title="Your profile"
        description="Your name, time zone, password, signed-in devices, academy membership and billing."
      />
      <Stack gap="lg">
        <SectionCard title="Personal details">
          <ProfileForm user={user} />
        </SectionCard>
        <SectionCard title="Password" description="Changing it signs out your other devices.">
          <ChangePasswordForm />
        </SectionCard>
        <SessionsSection timeZone={user.timeZone} />
        <MembershipSection timeZone={user.timeZone} />
        <BillingSection timeZone={user.timeZone} />
      </Stack>
    </>
  );
}
