import { Button, CopyButton } from "@mantine/core";
import { IconBrandLinkedin, IconCheck, IconLink } from "@tabler/icons-react";

/** "Add to LinkedIn profile" (the add-certification form, filled in) and a copy-the-link share button. */
export function ShareActions({
  linkedInUrl,
  evidenceUrl,
  linkedIn = true,
}: {
  linkedInUrl: string;
  evidenceUrl: string;
  linkedIn?: boolean;
}) {
  return (
    <>
      {linkedIn ? (
        <Button
          component="a"
          href={linkedInUrl}
          target="_blank"
          rel="noopener noreferrer"
          variant="light"
          leftSection={<IconBrandLinkedin size={16} aria-hidden />}
        >
          Add to LinkedIn profile
        </Button>
      ) : null}
      <CopyButton value={evidenceUrl}>
        {({ copied, copy }) => (
          <Button
            variant="default"
            onClick={copy}
            leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconLink size={16} aria-hidden />}
          >
            {copied ? "Link copied" : "Copy share link"}
          </Button>
        )}
      </CopyButton>
    </>
  );
}
