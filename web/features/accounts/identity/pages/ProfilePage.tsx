import { Stack } from "@mantine/core";
import { PageHeader } from "../../../../ui/PageHeader";
import { SectionCard } from "../../../../ui/SectionCard";
import { ChangePasswordForm } from "../components/ChangePasswordForm";
import { ProfileForm } from "../components/ProfileForm";
import { SessionsSection } from "../components/SessionsSection";
import { useSignedInMe } from "../queries";

export function ProfilePage() {
  const { user } = useSignedInMe();
  return (
    <>
      <PageHeader title="Your profile" description="Your name, time zone, password and signed-in devices." />
      <Stack gap="lg">
        <SectionCard title="Personal details">
          <ProfileForm user={user} />
        </SectionCard>
        <SectionCard title="Password" description="Changing it signs out your other devices.">
          <ChangePasswordForm />
        </SectionCard>
        <SessionsSection timeZone={user.timeZone} />
      </Stack>
    </>
  );
}
