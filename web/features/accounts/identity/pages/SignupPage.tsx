import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { PublicLayout } from "../../../../ui/PublicLayout";
import { TextLink } from "../../../../ui/RouterLink";
import { CheckEmailNotice } from "../components/CheckEmailNotice";
import { SignupForm } from "../components/SignupForm";
import { rememberReturnTo } from "../return-to";

const route = getRouteApi("/signup");

export function SignupPage() {
  const search = route.useSearch();
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (sentTo) {
    return (
      <PublicLayout
        title="Check your email"
        footer={
          <>
            Confirmed already?{" "}
            <TextLink to="/login" search={{ email: sentTo }} fw={600}>
              Sign in
            </TextLink>
          </>
        }
      >
        <CheckEmailNotice email={sentTo} />
      </PublicLayout>
    );
  }

  const onSignedUp = (email: string) => {
    // The way back (e.g. to an invitation) survives the trip through the confirmation email.
    if (search.redirect) rememberReturnTo(search.redirect);
    setSentTo(email);
  };

  return (
    <PublicLayout
      title="Create your Pulse account"
      subtitle="Learn, certify and run customer success in one place."
      footer={
        <>
          Already have an account?{" "}
          <TextLink to="/login" search={{ redirect: search.redirect }} fw={600}>
            Sign in
          </TextLink>
        </>
      }
    >
      <SignupForm initialEmail={search.email} onSignedUp={onSignedUp} />
    </PublicLayout>
  );
}
