import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconCertificate } from "@tabler/icons-react";
import { useState } from "react";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { PageHeader } from "../../../../ui/PageHeader";
import { ButtonLink, TextLink } from "../../../../ui/RouterLink";
import { ActivitySection } from "../dashboard/ActivitySection";
import { CpdTimeSection, type Period } from "../dashboard/CpdTimeSection";
import { PathsProgressSection } from "../dashboard/PathsProgressSection";
import { RecertificationSection } from "../dashboard/RecertificationSection";
import { RECORD_CSV_URL, TRANSCRIPT_PDF_URL, useDashboard } from "../queries";

const todayIn = (timeZone: string) => {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
};

/** The CPD dashboard (seed component 6): recertification, CPD time, paths progress and activity history. */
export function CpdPage() {
  const [period, setPeriod] = useState<Period>({ kind: "cycle" });
  const [page, setPage] = useState(1);
  const dashboard = useDashboard({ from: period.from, to: period.to, page });
  const data = dashboard.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title="CPD dashboard"
        badge={<IconCertificate size={26} aria-hidden />}
        description="Continuing Professional Development: track your learning, keep your certification current (40 hours every 12 months from your anniversary) and export auditable evidence."
        actions={
          <>
            <ButtonLink to="/cpd/paths" variant="default">
              CPD paths
            </ButtonLink>
            <ButtonLink to="/cpd/library" variant="default">
              Content library
            </ButtonLink>
            <ButtonLink to="/cpd/self-certification">Log external CPD</ButtonLink>
          </>
        }
      />
      {dashboard.isPending ? <LoadingBlock label="Loading your CPD record" /> : null}
      <ErrorAlert message={dashboard.error?.message} title="Your CPD record could not be loaded" />
      {data ? (
        <>
          {data.level5 ? (
            <Alert color={data.level5.credentialId ? "teal" : "gray"} variant="light" title={data.level5.title}>
              {data.level5.credentialId ? (
                <Text fz="sm">
                  Issued.{" "}
                  <TextLink
                    underline="always"
                    to="/evidence/$credentialId"
                    params={{ credentialId: data.level5.credentialId }}
                  >
                    See its evidence page
                  </TextLink>
                  .
                </Text>
              ) : (
                <Text fz="sm">{data.level5.criteria}</Text>
              )}
            </Alert>
          ) : null}
          <RecertificationSection recert={data.recertification} />
          <CpdTimeSection time={data.time} period={period} today={todayIn(data.timeZone)} onPeriod={setPeriod} />
          <PathsProgressSection paths={data.paths} />
          <ActivitySection
            activity={data.activity}
            onPage={setPage}
            actions={
              <Group gap="xs">
                <Button component="a" href={RECORD_CSV_URL} variant="default" size="xs">
                  Export CSV
                </Button>
                <Button component="a" href={TRANSCRIPT_PDF_URL} variant="default" size="xs">
                  PDF transcript
                </Button>
              </Group>
            }
          />
        </>
      ) : null}
    </Stack>
  );
}
