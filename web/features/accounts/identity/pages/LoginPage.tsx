import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { safeRedirect } from "../../../../api/safe-redirect";
import { PublicLayout } from "../../../../ui/PublicLayout";
import { TextLink } from "../../../../ui/RouterLink";
import { LoginForm } from "../components/LoginForm";
import { takeReturnTo } from "../return-to";

const route = getRouteApi("/login");

export function LoginPage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const afterSignIn = () => {
    const remembered = takeReturnTo("/academy");
    void navigate({ href: safeRedirect(search.redirect, remembered), replace: true });
  };

  return (
    <PublicLayout
      title="Sign in to Pulse"
      subtitle="Welcome back. Pick up your learning, clients and engagements."
      footer={
        <>
          New to Pulse?{" "}
          <TextLink to="/signup" search={{ redirect: search.redirect, email: search.email }} fw={600}>
            Create an account
          </TextLink>
        </>
      }
    >
      <LoginForm initialEmail={search.email} onSignedIn={afterSignIn} />
    </PublicLayout>
  );
}
