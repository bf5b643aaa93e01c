import { Anchor, type AnchorProps, Button, type ButtonProps } from "@mantine/core";
import { createLink } from "@tanstack/react-router";
import type { ComponentPropsWithRef } from "react";

function AnchorBase(props: AnchorProps & ComponentPropsWithRef<"a">) {
  return <Anchor {...props} />;
}

function ButtonBase(props: ButtonProps & ComponentPropsWithRef<"a">) {
  return <Button component="a" {...props} />;
}

/** A Mantine Anchor that navigates with the router. */
export const TextLink = createLink(AnchorBase);
/** A Mantine Button that navigates with the router. */
export const ButtonLink = createLink(ButtonBase);
// NavItemLink (the signed-in navigation) is in NavItemLink.tsx, so public pages do not load NavLink.
