import type { Metadata } from 'next';
import { SignInPanel } from '@/components/SignInPanel';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default function SignInPage() {
  return (
    <>
      <h1>Sign in</h1>
      <p className="prose">
        Reading the catalog needs no account. Contributors, curators and admins sign in with the API key an admin or curator gave them (the same key works as{' '}
        <code>Authorization: Bearer &lt;key&gt;</code> on the API).
      </p>
      <SignInPanel />
    </>
  );
}
