import { NavLink, type NavLinkProps } from "@mantine/core";
import { createLink } from "@tanstack/react-router";
import type { ComponentPropsWithRef } from "react";

function NavLinkBase(props: NavLinkProps & ComponentPropsWithRef<"a">) {
  return <NavLink component="a" {...props} />;
}

/** A Mantine NavLink that navigates with the router (its own file: public pages never load NavLink). */
export const NavItemLink = createLink(NavLinkBase);
