import { TextLink } from "../../../../ui/RouterLink";

/** The client's name, linking to the client's page. */
export function ClientNameLink({ clientId, name }: { clientId: string; name: string }) {
  return (
    <TextLink
      to="/pulse/clients/$clientId"
      params={{ clientId }}
      fz="sm"
      fw={600}
      truncate="end"
      display="block"
      maw={170}
      title={name}
    >
      {name}
    </TextLink>
  );
}
